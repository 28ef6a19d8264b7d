"""Prove the hidden tests against the corpus: each known mistake loses points, each correct variant
and good answer keeps them.

Usage::

    python -m autograder.corpus [--data DIR] [--work DIR] [--only PATTERN]

Builds a throw-away course (:mod:`autograder.pipeline`), submits the master notebook once as
student ``reference``, then one copy of it per corpus item: ``impl-<name>`` with one solution cell
replaced by a file of ``tests/corpus/implementations/``, ``ans-<name>`` with one answer cell
replaced by a file of ``tests/corpus/answers/``. One ``nbgrader autograde softmax`` grades the whole
batch (the real command, so the real sandbox and hidden tests), and the gradebook is read back.
Exit status 0 iff every verdict passes.
"""

from __future__ import annotations

import argparse
import fnmatch
import re
import sys
import tempfile
import time
from pathlib import Path

from autograder import pipeline

# The corpus is test data kept beside the tests, not part of the installed packages: make it
# importable when this module runs from outside the repository (a release check, a notebook).
if str(pipeline.REPO) not in sys.path:
    sys.path.insert(0, str(pipeline.REPO))
from tests.corpus.answer_corpus import TRUE_FALSE_QUESTION, load_answer_corpus  # noqa: E402
from tests.corpus.implementation_corpus import load_implementations  # noqa: E402

REFERENCE = "reference"
#: The test cell that grades each written question with its rubric.
RUBRIC_CELL = {
    "inline_question_1": "test_inline_question_1",
    "inline_question_2": "test_inline_question_2_explanation",
    "inline_question_3": "test_inline_question_3",
}
TRUE_FALSE_CELL = "test_inline_question_2_true_false"
#: Float slack when comparing rubric scores with the corpus's bounds.
_EPS = 1e-9


def student_id(prefix: str, name: str) -> str:
    """A student id nbgrader and the file system accept: ``prefix-name`` with only [A-Za-z0-9_-]."""
    return f"{prefix}-" + re.sub(r"[^A-Za-z0-9_-]", "-", name)


def _selected(name: str, only: str | None) -> bool:
    # A bare word matches anywhere in the name; a glob is matched as written.
    if not only:
        return True
    pattern = only if any(ch in only for ch in "*?[") else f"*{only}*"
    return fnmatch.fnmatch(name, pattern)


def _cases(only: str | None) -> list[dict]:
    """One dict per corpus item to submit: student id, kind, what to change and what to expect."""
    cases = []
    for impl in load_implementations():
        sid = student_id("impl", impl.name)
        if _selected(sid, only):
            cases.append({"submission": sid, "kind": impl.kind, "item": impl,
                          "cells": {impl.function_name: impl.source}})
    for answer in load_answer_corpus():
        sid = student_id("ans", answer.name)
        if _selected(sid, only):
            cases.append({"submission": sid, "kind": f"answer-{answer.kind}", "item": answer,
                          "cells": {answer.question: answer.text}})
    return cases


def _code_tests(cells: dict, function_name: str) -> list[str]:
    """Grade ids of the test cells of one function, in gradebook order."""
    return [gid for gid in cells if gid.startswith(f"test_{function_name}_")]


def _full(score_max) -> bool:
    score, maximum = score_max
    return score is not None and score >= maximum - _EPS


# Each _judge_* returns (expected text, grade ids to show, {check name: passed}).

def _judge_reference(cells: dict):
    """The master notebook must score full on every graded cell that has points."""
    tests = [gid for gid, (_, m) in cells.items() if m]
    return "full marks", tests, {"graded": bool(tests)} | {gid: _full(cells[gid]) for gid in tests}


def _judge_implementation(impl, cells: dict):
    tests = _code_tests(cells, impl.function_name)
    if impl.kind == "correct":
        return "full marks", tests, {"graded": bool(tests)} | {gid: _full(cells[gid]) for gid in tests}
    # Every listed test must lose points; a missing grade (kernel died, not graded) is not a loss.
    checks = {gid: gid in cells and cells[gid][0] is not None and not _full(cells[gid])
              for gid in impl.expect}
    return "loses " + ",".join(impl.expect), tests, checks


def _judge_answer(answer, cells: dict):
    rubric = RUBRIC_CELL[answer.question]
    low, high = answer.expect_points_min, answer.expect_points_max
    expected = f"q{answer.question[-1]} {low:g}–{high:g}"
    tests = [rubric]
    score = cells.get(rubric, (None, None))[0]
    checks = {"rubric_in_range": score is not None and low - _EPS <= score <= high + _EPS}
    if answer.question == TRUE_FALSE_QUESTION:
        # The verdict cell is full iff the first line parses as True (the right verdict).
        tests.append(TRUE_FALSE_CELL)
        want_full = answer.expect_true_false is True
        expected += f", t/f {'full' if want_full else 'zero'}"
        verdict = cells.get(TRUE_FALSE_CELL, (None, None))
        checks["true_false"] = verdict[0] is not None and _full(verdict) == want_full
    return expected, tests, checks


def run_corpus(data_dir, work_dir, only: str | None = None) -> list[dict]:
    """Grade the whole corpus in one ``nbgrader autograde`` run and judge each submission.

    Parameters
    ----------
    data_dir : path-like
        CIFAR-10 folder (real or synthetic) the notebooks and hidden tests read.
    work_dir : path-like
        Scratch folder; the course is built in ``work_dir/course`` (replaced if present).
    only : str, optional
        Keep only corpus items whose student id matches this substring or glob. The reference is
        always graded.

    Returns
    -------
    list of dict
        One row per submission, the reference first, with keys ``submission``, ``kind``,
        ``expected`` (text), ``tests`` (grade ids judged), ``points`` ({grade_id: (score, max)}
        for those tests), ``checks`` ({check: passed}; a check is a grade id of the
        expectation, or ``graded``, ``rubric_in_range``, ``true_false``), ``passed`` (all checks
        pass), ``messages`` ({grade_id: output text} of the judged tests), ``mistake`` (the
        corpus item's description) and ``seconds`` (autograde wall time divided by the number of
        submissions; the same for every row).
    """
    env = pipeline.grading_env(data_dir)
    course = pipeline.make_course(Path(work_dir) / "course", env)
    reference = pipeline.reference_submission(course, REFERENCE, env)
    cases = _cases(only)
    for case in cases:
        folder = pipeline.copy_submission(course, reference, case["submission"])
        pipeline.replace_cells(folder / pipeline.NOTEBOOK, case["cells"])

    start = time.perf_counter()
    done = pipeline.autograde(course, env)
    per_submission = (time.perf_counter() - start) / (len(cases) + 1)
    # A non-zero exit is expected when a corpus kernel dies; the verdicts then report the gaps.
    # Anything else (no grades at all) is a broken course, not a corpus result.
    if REFERENCE not in pipeline.grades(course):
        raise RuntimeError(f"nbgrader autograde graded nothing (exit {done.returncode}):\n"
                           f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return judge_course(course, only, per_submission)


def judge_course(course, only: str | None = None, seconds: float | None = None) -> list[dict]:
    """The rows of :func:`run_corpus` for an already autograded course (no grading here).

    Separate so that a change to the expectations can be re-judged without regrading.
    """
    all_grades = pipeline.grades(course)
    cases = _cases(only)
    rows = []
    for case in [{"submission": REFERENCE, "kind": "reference", "item": None}] + cases:
        sid, item = case["submission"], case["item"]
        cells = all_grades.get(sid, {})
        if item is None:
            expected, tests, checks = _judge_reference(cells)
        elif case["kind"].startswith("answer"):
            expected, tests, checks = _judge_answer(item, cells)
        else:
            expected, tests, checks = _judge_implementation(item, cells)
        messages = pipeline.cell_messages(course, sid)
        rows.append({
            "submission": sid, "kind": case["kind"], "expected": expected, "tests": tests,
            "points": {gid: cells.get(gid, (None, None)) for gid in tests},
            "checks": checks, "passed": all(checks.values()),
            "messages": {gid: messages.get(gid, "") for gid in tests},
            "mistake": getattr(item, "mistake", None) or getattr(item, "note", ""),
            "seconds": seconds,
        })
    return rows


def _short(grade_id: str) -> str:
    """A compact name: ``test_softmax_loss_naive_value`` → ``naive.value``, ``…question_1`` → ``q1``."""
    short = re.sub(r"^test_softmax_loss_(naive|vectorized)_",
                   lambda m: {"naive": "naive.", "vectorized": "vec."}[m[1]], grade_id)
    return re.sub(r"^test_inline_question_", "q", short).removeprefix("test_")


def _points_text(row: dict) -> str:
    # Compact: a short test name, then score/max ("-" if not graded).
    parts = []
    for gid, (score, maximum) in row["points"].items():
        got = "-" if score is None else f"{score:g}"
        parts.append(f"{_short(gid)}={got}/{'-' if maximum is None else f'{maximum:g}'}")
    return " ".join(parts)


def _failing_cells(row: dict) -> list[str]:
    """Grade ids of the cells behind a row's failed checks (whose messages explain them)."""
    named = {"rubric_in_range": row["tests"][:1], "true_false": [TRUE_FALSE_CELL], "graded": []}
    return [gid for check, ok in row["checks"].items() if not ok for gid in named.get(check, [check])]


def format_table(rows: list[dict]) -> str:
    """The corpus table as text, with the student-facing messages of each failing row."""
    lines = []
    width = max(len(r["submission"]) for r in rows)
    for r in rows:
        verdict = "PASS" if r["passed"] else "FAIL"
        lines.append(f"{r['submission']:<{width}}  {r['kind']:<15} {verdict}  expected {r['expected']}  "
                     f"| {_points_text(r)}")
        if not r["passed"]:
            lines.append(f"    corpus: {r['mistake']}")
            for gid in _failing_cells(r):
                text = r["messages"].get(gid, "")
                text = " / ".join(line.strip() for line in text.strip().splitlines() if line.strip())
                lines.append(f"    {gid}: {text[:400] or '(no output)'}")
    failed = sum(not r["passed"] for r in rows)
    lines.append(f"\n{len(rows) - failed} pass, {failed} fail, {len(rows)} submissions"
                 + (f"; grading {rows[0]['seconds']:.2f} s per submission" if rows[0]["seconds"] else ""))
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m autograder.corpus", description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="CIFAR-10 folder; default: a small synthetic one in the work folder")
    parser.add_argument("--work", help="scratch folder (default: a new temporary folder)")
    parser.add_argument("--only", help="grade only corpus items whose student id matches (substring or glob)")
    args = parser.parse_args(argv)

    work = Path(args.work or tempfile.mkdtemp(prefix="softmax-corpus-"))
    work.mkdir(parents=True, exist_ok=True)
    data = args.data
    if data is None:
        from assignment import cifar10

        data = cifar10.synthesize(work / "data")
    start = time.perf_counter()
    rows = run_corpus(data, work, only=args.only)
    print(format_table(rows))
    print(f"total {time.perf_counter() - start:.0f} s; course in {work / 'course'}")
    return 0 if all(r["passed"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
