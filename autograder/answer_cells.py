"""Mark the 0-point markdown answer cells as graded.

nbgrader insists that markdown answer cells be grade cells, and flags every changed one as
"needs manual grade". Here they carry 0 points: the ``test_inline_question_*`` cells grade them
(and are where an instructor overrides a score in formgrader), so the flag would only put every
submission in the manual-grading queue for nothing. Runs right after ``SaveAutoGrades``.
"""

from nbgrader.api import Gradebook
from nbgrader.preprocessors import NbGraderPreprocessor


class ClearZeroPointManualFlags(NbGraderPreprocessor):
    """Set needs_manual_grade = False on 0-point answer cells of this submission."""

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        with Gradebook(info["db_url"]) as gb:
            submission = gb.find_submission_notebook(info["notebook"], info["assignment"], info["student"])
            for grade in submission.grades:
                if grade.max_score == 0 and grade.needs_manual_grade:
                    grade.needs_manual_grade = False
                    grade.auto_score = 0.0
            gb.db.commit()
        return nb, resources
