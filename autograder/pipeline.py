"""Run the real nbgrader pipeline on a throw-away copy of the course.

Used by the demo, the corpus runner and the end-to-end tests: each builds a course folder in a
temporary place (the repository's ``nbgrader_config.py`` and ``source/``), makes submissions,
runs the stock ``nbgrader`` commands in a subprocess exactly as an instructor would, and reads
the grades back through nbgrader's ``Gradebook`` API.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parent.parent
ASSIGNMENT = "softmax"
NOTEBOOK = "softmax.ipynb"
WEIGHTS = "softmax_best_W.npy"


def grading_env(data_dir, extra=None):
    """Environment for nbgrader commands: the dataset, single-threaded BLAS, course on the path."""
    env = dict(os.environ)
    env["CIFAR10_DIR"] = str(data_dir)
    # Two cores: one BLAS thread per process is faster than two fighting over them.
    env["OPENBLAS_NUM_THREADS"] = "1"
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    env.update(extra or {})
    return env


def nbgrader(course, *args, env, check=True, timeout=3600):
    """Run ``nbgrader ARGS`` in ``course``; return the CompletedProcess (output captured)."""
    done = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course, env=env,
                          capture_output=True, text=True, timeout=timeout)
    if check and done.returncode != 0:
        raise RuntimeError(f"nbgrader {' '.join(args)} failed ({done.returncode}):\n"
                           f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return done


def make_course(course, env):
    """A fresh course folder with the repository's config and source, and its release built."""
    course = Path(course)
    if course.exists():
        shutil.rmtree(course)
    course.mkdir(parents=True)
    shutil.copy(REPO / "nbgrader_config.py", course / "nbgrader_config.py")
    shutil.copytree(REPO / "source", course / "source",
                    ignore=shutil.ignore_patterns(WEIGHTS, "__pycache__", ".ipynb_checkpoints"))
    nbgrader(course, "generate_assignment", ASSIGNMENT, "--force", env=env)
    return course


def execute_notebook(path, env, timeout=600):
    """Run a notebook top to bottom in its own folder (as a student's "Run All" would)."""
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    saved = dict(os.environ)
    os.environ.update({k: v for k, v in env.items() if k in ("CIFAR10_DIR", "OPENBLAS_NUM_THREADS", "PYTHONPATH")})
    os.environ.pop("NBGRADER_EXECUTION", None)
    try:
        client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                                resources={"metadata": {"path": str(Path(path).parent)}})
        client.execute()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    nbformat.write(nb, path)
    return nb


def reference_submission(course, student, env):
    """The master notebook as a student would submit it: run, with its weights file."""
    folder = Path(course) / "submitted" / student / ASSIGNMENT
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(Path(course) / "source" / ASSIGNMENT / NOTEBOOK, folder / NOTEBOOK)
    execute_notebook(folder / NOTEBOOK, env)
    return folder


def copy_submission(course, source_folder, student):
    """Another student's folder with the same files as ``source_folder``."""
    folder = Path(course) / "submitted" / student / ASSIGNMENT
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(source_folder, folder)
    return folder


def replace_cells(notebook_path, sources):
    """Replace the source of the cells whose nbgrader grade id is a key of ``sources``."""
    nb = nbformat.read(notebook_path, as_version=4)
    found = set()
    for cell in nb.cells:
        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if gid in sources:
            cell.source = sources[gid]
            found.add(gid)
    missing = set(sources) - found
    if missing:
        raise KeyError(f"{notebook_path}: no cells {sorted(missing)}")
    nbformat.write(nb, notebook_path)


def release_submission(course, student):
    """The untouched student version, submitted as is."""
    folder = Path(course) / "submitted" / student / ASSIGNMENT
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(Path(course) / "release" / ASSIGNMENT / NOTEBOOK, folder / NOTEBOOK)
    return folder


def autograde(course, env, students=None):
    """``nbgrader autograde softmax`` (all students, or ``--student`` each); returns the process."""
    if students is None:
        return nbgrader(course, "autograde", ASSIGNMENT, "--force", env=env, check=False)
    last = None
    for student in students:
        last = nbgrader(course, "autograde", ASSIGNMENT, "--force", "--student", student, env=env, check=False)
    return last


def grades(course):
    """{student: {grade_id: (score, max_score)}} for every graded cell, from the gradebook."""
    from nbgrader.api import Gradebook

    out = {}
    with Gradebook(f"sqlite:///{Path(course) / 'gradebook.db'}") as gb:
        for student in gb.students:
            try:
                submission = gb.find_submission(ASSIGNMENT, student.id)
            except Exception:
                continue
            cells = {}
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    cells[grade.name] = (grade.score, grade.max_score)
            out[student.id] = cells
    return out


def report(course, student):
    """The grading report TrustedExecute wrote for ``student`` (empty dict if none)."""
    path = Path(course) / "autograded" / student / ASSIGNMENT / "grading_report.json"
    return json.loads(path.read_text()) if path.exists() else {}


def cell_messages(course, student):
    """{grade_id: text of the cell's outputs} of a student's autograded notebook."""
    path = Path(course) / "autograded" / student / ASSIGNMENT / NOTEBOOK
    if not path.exists():
        return {}
    out = {}
    for cell in nbformat.read(path, as_version=4).cells:
        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if gid and cell.cell_type == "code":
            texts = [o.get("text") or o.get("evalue") or json.dumps(o.get("data", {}))
                     for o in cell.get("outputs", [])]
            out[gid] = "\n".join(texts)
    return out


def default_data_dir():
    """The dataset folder to use: $CIFAR10_DIR / the default, else a synthetic one in demo/."""
    from assignment import cifar10

    folder = Path(cifar10.default_data_dir())
    if (folder / "batches.meta").exists():
        return folder
    synthetic = REPO / "demo" / "cifar-10-synthetic"
    if not (synthetic / "batches.meta").exists():
        cifar10.synthesize(synthetic)
    return synthetic
