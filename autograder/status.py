"""One line per submission: graded or not, the score, and anything that went wrong.

    python -m autograder.status [ASSIGNMENT]     (from the course root, after autograde)

nbgrader skips a submission folder with no notebook of the right name (a renamed notebook, an
empty folder) with only a log line; this command puts those next to the graded ones, with the
events of each grading report (timeouts, crashes, ignored files, restored cells), so nothing
that happened to a student is only in a scrolled-away log.
"""

import argparse
import json
import sys
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.coursedir import CourseDirectory
from traitlets.config import Config


def statuses(course_root, assignment="softmax", notebook="softmax"):
    """List of dicts: student, status, score, max_score, events."""
    config = Config()
    config.CourseDirectory.root = str(course_root)
    coursedir = CourseDirectory(config=config)
    submitted = Path(coursedir.root) / coursedir.submitted_directory
    autograded = Path(coursedir.root) / coursedir.autograded_directory
    rows = []
    with Gradebook(f"sqlite:///{Path(coursedir.root) / 'gradebook.db'}") as gb:
        students = sorted(p.name for p in submitted.iterdir() if (p / assignment).is_dir()) \
            if submitted.is_dir() else []
        for student in students:
            folder = submitted / student / assignment
            row = {"student": student, "score": None, "max_score": None, "events": []}
            notebooks = sorted(p.name for p in folder.glob("*.ipynb"))
            if not any(folder.iterdir()):
                row["status"] = "empty submission folder: not graded"
            elif f"{notebook}.ipynb" not in notebooks:
                found = ", ".join(notebooks) or "no notebook at all"
                row["status"] = f"no {notebook}.ipynb (found: {found}): not graded; rename and regrade"
            else:
                try:
                    submission = gb.find_submission(assignment, student)
                    row["score"], row["max_score"] = submission.score, submission.max_score
                    row["status"] = "graded"
                except MissingEntry:
                    row["status"] = "not graded yet (or grading failed: see the autograde log)"
            report = autograded / student / assignment / "grading_report.json"
            if report.exists():
                row["events"] = json.loads(report.read_text()).get("events", [])
            rows.append(row)
    return rows


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m autograder.status", description=__doc__.split("\n")[0])
    parser.add_argument("assignment", nargs="?", default="softmax")
    parser.add_argument("--root", default=".", help="the course root (default: here)")
    args = parser.parse_args(argv)
    for row in statuses(args.root, args.assignment):
        score = "" if row["score"] is None else f" {row['score']:g}/{row['max_score']:g}"
        print(f"{row['student']}: {row['status']}{score}")
        for event in row["events"]:
            print(f"    - {event}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
