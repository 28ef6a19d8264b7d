"""Wall time and peak memory of the master notebook on full-size data (a benchmark, not a test).

    python benchmarks/notebook_cost.py [--data DIR]

Runs source/softmax/softmax.ipynb top to bottom in a fresh kernel, as a student's "Restart and
run all" would, on real CIFAR-10 if ``--data``/``$CIFAR10_DIR`` holds it, else on a full-size
synthetic stand-in (50,000 + 10,000 images) made in a temporary folder. Prints the wall time and
the peak resident memory of the kernel (the largest process among the children that ran).
Targets on a 2-core machine: at most 60 s and 1 GB.
"""

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=os.environ.get("CIFAR10_DIR"))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="notebook-cost-"))
    try:
        data = Path(args.data) if args.data else None
        if data is None or not (data / "batches.meta").exists():
            data = work / "cifar-10-batches-py"
            subprocess.run([sys.executable, "-m", "assignment.cifar10", "synthesize", str(data), "--full"],
                           check=True, cwd=REPO)
        shutil.copy(REPO / "source" / "softmax" / "softmax.ipynb", work / "softmax.ipynb")
        env = dict(os.environ, CIFAR10_DIR=str(data), OPENBLAS_NUM_THREADS="1",
                   PYTHONPATH=str(REPO))
        env.pop("NBGRADER_EXECUTION", None)
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        tic = time.perf_counter()
        subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
                        "--ExecutePreprocessor.timeout=600", "--output", "executed.ipynb",
                        "softmax.ipynb"], check=True, cwd=work, env=env, capture_output=True)
        seconds = time.perf_counter() - tic
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"data: {data}")
        print(f"wall time: {seconds:.1f} s (target <= 60 s)")
        print(f"peak resident memory of the largest process (the kernel): {peak_mb:.0f} MB "
              f"(target <= 1024 MB){'' if peak_mb > before / 1024 else ' (measurement includes the data synthesizer)'}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
