"""The one-command tour: build the release, grade three demo students, print the grades.

``python -m autograder.demo`` (what ``./demo.sh`` runs after installing) makes a course in
``demo/course/`` (ignored by git, rebuilt each time) from this repository's config and source
notebook, then submits

* ``reference``: the master notebook, run top to bottom as a student would before submitting;
* ``untouched``: the release exactly as students receive it;
* ``buggy``: the reference with a vectorized gradient that is not divided by N,

autogrades them with the stock ``nbgrader autograde softmax`` (sandboxed), prints a grade table,
writes feedback HTML with ``nbgrader generate_feedback softmax`` and grades.csv with
``nbgrader export``. It uses real CIFAR-10 when ``$CIFAR10_DIR`` (or the default folder) holds it,
and otherwise a synthetic stand-in in the same file format.
"""

import argparse
import sys
import time
from pathlib import Path

from assignment import cifar10

from . import pipeline

BUGGY_VECTORIZED = '''
def softmax_loss_vectorized(W, X, y, reg):
    """Vectorized softmax loss (demo bug: the gradient is not divided by N)."""
    num_samples = X.shape[0]
    rows = np.arange(num_samples)
    scores = X.dot(W)
    scores = scores - scores.max(axis=1, keepdims=True)
    probs = np.exp(scores)
    probs /= probs.sum(axis=1, keepdims=True)
    loss = -np.log(probs[rows, y]).mean() + reg * np.sum(W * W)
    probs[rows, y] -= 1.0
    dW = X.T.dot(probs) + 2 * reg * W
    return loss, dW
'''


def grade_table(all_grades, students):
    """Rows of per-cell points for ``students`` (columns), plus totals."""
    cells = sorted({gid for s in students for gid in all_grades.get(s, {})},
                   key=lambda g: (not g.startswith("test_softmax_loss_naive"), g))
    cells = [c for c in cells if all_grades[students[0]].get(c, (0, 0))[1] > 0]
    width = max(len(c) for c in cells)
    lines = [f"{'test cell':{width}}  " + "  ".join(f"{s:>10}" for s in students)]
    for cell in cells:
        row = []
        for student in students:
            score, maximum = all_grades.get(student, {}).get(cell, (None, None))
            row.append(f"{'-' if score is None else f'{score:g}/{maximum:g}':>10}")
        lines.append(f"{cell:{width}}  " + "  ".join(row))
    totals = []
    for student in students:
        cells_of = all_grades.get(student, {})
        totals.append(f"{sum(s or 0 for s, _ in cells_of.values()):g}/{sum(m for _, m in cells_of.values()):g}")
    lines.append(f"{'TOTAL':{width}}  " + "  ".join(f"{t:>10}" for t in totals))
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m autograder.demo", description=__doc__.split("\n")[0])
    parser.add_argument("--course", default=str(pipeline.REPO / "demo" / "course"))
    args = parser.parse_args(argv)
    started = time.monotonic()
    data_dir = pipeline.default_data_dir()
    kind = "synthetic stand-in" if cifar10.is_synthetic(data_dir) else "real CIFAR-10"
    print(f"dataset: {kind} at {data_dir}")
    if kind != "real CIFAR-10":
        print("  (for real data: python -m assignment.cifar10 download, then set CIFAR10_DIR)")
    env = pipeline.grading_env(data_dir)

    print("building the release (nbgrader generate_assignment softmax) ...")
    course = pipeline.make_course(args.course, env)
    print("making submissions: reference (running the master notebook), untouched, buggy ...")
    reference = pipeline.reference_submission(course, "reference", env)
    pipeline.release_submission(course, "untouched")
    buggy = pipeline.copy_submission(course, reference, "buggy")
    pipeline.replace_cells(buggy / pipeline.NOTEBOOK, {"softmax_loss_vectorized": BUGGY_VECTORIZED})

    print("autograding (nbgrader autograde softmax, sandboxed) ...")
    tic = time.monotonic()
    done = pipeline.autograde(course, env)
    seconds = time.monotonic() - tic
    students = ["reference", "untouched", "buggy"]
    all_grades = pipeline.grades(course)
    print()
    print(grade_table(all_grades, students))
    print(f"\nautograde: {seconds:.1f} s for {len(students)} submissions "
          f"({seconds / len(students):.1f} s each), exit status {done.returncode}")
    message = pipeline.cell_messages(course, "buggy").get("test_softmax_loss_vectorized_gradient", "")
    print(f"buggy's gradient feedback: {message.strip()}")

    pipeline.nbgrader(course, "generate_feedback", pipeline.ASSIGNMENT, "--force", env=env)
    pipeline.nbgrader(course, "export", env=env)
    feedback = sorted(Path(course, "feedback").rglob("*.html"))
    print("\nfeedback HTML:")
    for path in feedback:
        print(f"  {path}")
    print(f"grades CSV: {Path(course, 'grades.csv')}")
    print(f"done in {time.monotonic() - started:.0f} s")
    ok = (done.returncode == 0 and all(s in all_grades for s in students))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
