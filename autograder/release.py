"""Build ``release/softmax/``: the student version, after proving the hidden tests right.

``python -m autograder.release`` does, in order:

1. **Proof** (skip with ``--no-proof``): in a temporary copy of the course, grades the reference
   solution and every implementation of the mistake corpus (``tests/corpus/``) through the real
   ``nbgrader autograde``. Every hidden test must pass on the reference, every correct variant
   must get full marks and every wrong one must lose points on the tests that name its mistake.
   If anything is off, nothing is written.
2. ``nbgrader generate_assignment softmax --force`` in the course root (writes the gradebook and
   ``release/softmax/softmax.ipynb``).
3. Copies the ``assignment/`` package into ``release/softmax/assignment/``: the released notebook
   imports it, and students get the folder as it is.
4. Checks that the release holds no solution, hidden test or reference.

``tests/test_release.py`` rebuilds the release in a temporary folder and checks that the
committed one is identical, so ``release/`` is always fresh.
"""

import argparse
import shutil
import sys
from pathlib import Path

import nbformat

from . import pipeline

REPO = pipeline.REPO
RELEASE = REPO / "release" / pipeline.ASSIGNMENT

#: Text that must never appear in anything a student gets.
FORBIDDEN = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS",
             "_reference(", "check_value(", "check_gradient(", "from autograder", "import autograder")


class ReleaseError(RuntimeError):
    """The release would be wrong; nothing was published."""


def copy_package(release_dir):
    """Copy ``assignment/`` into the release folder (no caches)."""
    target = Path(release_dir) / "assignment"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(REPO / "assignment", target,
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints"))
    return target


def leaks(release_dir):
    """List of (file, forbidden text) found anywhere in the release folder."""
    found = []
    for path in sorted(Path(release_dir).rglob("*")):
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".ipynb":
            nb = nbformat.reads(text, as_version=4)
            text = "\n".join(cell.source for cell in nb.cells)
        for needle in FORBIDDEN:
            if needle in text:
                found.append((str(path.relative_to(release_dir)), needle))
    return found


def prove(work_dir, data_dir=None, only=None):
    """Run the corpus through the real pipeline; raise ReleaseError unless every verdict holds.

    ``only`` narrows the corpus (a substring or glob of student ids), for quick checks.
    """
    from .corpus import run_corpus

    rows = run_corpus(data_dir or pipeline.default_data_dir(), work_dir, only=only)
    failed = [row for row in rows if not row["passed"]]
    if failed:
        names = ", ".join(str(row["submission"]) for row in failed[:10])
        raise ReleaseError(f"{len(failed)} corpus verdict(s) failed ({names}); the hidden tests "
                           "are not right yet: run python -m autograder.corpus for the table")
    return rows


def build(course_root=REPO, env=None):
    """generate_assignment + package copy + leak check in ``course_root``; return the folder."""
    course_root = Path(course_root)
    env = env or pipeline.grading_env(pipeline.default_data_dir())
    pipeline.nbgrader(course_root, "generate_assignment", pipeline.ASSIGNMENT, "--force", env=env)
    release_dir = course_root / "release" / pipeline.ASSIGNMENT
    copy_package(release_dir)
    found = leaks(release_dir)
    if found:
        raise ReleaseError(f"the release leaks answers: {found[:5]}")
    return release_dir


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m autograder.release", description=__doc__.split("\n")[0])
    parser.add_argument("--no-proof", action="store_true",
                        help="skip the corpus proof (fast rebuild; do not publish like this)")
    parser.add_argument("--work", default=None, help="folder for the proof's temporary course")
    args = parser.parse_args(argv)
    try:
        if not args.no_proof:
            import tempfile

            work = args.work or tempfile.mkdtemp(prefix="release-proof-")
            print(f"Proving the hidden tests on the corpus in {work} (several minutes)...")
            rows = prove(work)
            print(f"proof: {len(rows)} verdicts, all as expected")
        folder = build()
    except ReleaseError as exc:
        print(f"release refused: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {folder.relative_to(REPO)} (notebook + assignment/ package); no leaks found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
