"""nbgrader configuration of the softmax course. Run every nbgrader command from this folder."""
import os
import sys

COURSE_ROOT = os.path.dirname(os.path.abspath(__file__))
# nbgrader's console script does not put the current folder on sys.path: make the course's
# packages (assignment/, autograder/) importable by nbgrader and by the kernels it starts.
sys.path.insert(0, COURSE_ROOT)
os.environ["PYTHONPATH"] = os.pathsep.join(
    p for p in (COURSE_ROOT, os.environ.get("PYTHONPATH")) if p)

from autograder.answer_cells import ClearZeroPointManualFlags  # noqa: E402
from autograder.deduplicate import DeduplicateIdsSafely  # noqa: E402
from autograder.feedback import HideHiddenTests  # noqa: E402
from autograder.restore_cells import RestoreCellFlags, RestoreMissingCells  # noqa: E402
from autograder.submission_reader import SubmissionExporter  # noqa: E402
from autograder.trusted_execute import TrustedExecute  # noqa: E402
from nbconvert.preprocessors import ClearMetadataPreprocessor  # noqa: E402
from nbgrader.preprocessors import (  # noqa: E402
    AssignLatePenalties, CheckCellMetadata, ClearOutput, GetGrades,
    IgnorePattern, LimitOutput, OverwriteCells, OverwriteKernelspec, SaveAutoGrades)
from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor  # noqa: E402

c = get_config()  # noqa: F821

c.CourseDirectory.root = COURSE_ROOT
c.CourseDirectory.course_id = "softmax-course"
# Never copy these into release/ or autograded/ (caches and run products of the master notebook).
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback",
                            "softmax_best_W.npy", "grading_report.json"]

# Autograding: student cells run in a sandboxed kernel; hidden tests run here, in the grader's
# process (autograder/trusted_execute.py). Same list as nbgrader's, with Execute replaced.
c.Autograde.autograde_preprocessors = [
    TrustedExecute, IgnorePattern, ClearMetadataPreprocessor, LimitOutput, SaveAutoGrades,
    ClearZeroPointManualFlags, AssignLatePenalties, CheckCellMetadata]
# A file that is not valid notebook JSON becomes an empty notebook with the reason recorded,
# instead of a traceback and no grades.
c.Autograde.exporter_class = SubmissionExporter
# Deleted graded/solution cells come back from the gradebook, in the master notebook's order
# (nbgrader's own add_missing_cells crashes when a solution cell and its test are both gone).
# Duplicated cells become plain copies instead of stopping the batch (autograder/deduplicate.py);
# every known cell gets its master flags back before nbgrader restores sources (a test cell
# re-flagged as an ordinary cell must not run its hidden block in the kernel).
c.Autograde.sanitize_preprocessors = [
    ClearOutput, DeduplicateIdsSafely, OverwriteKernelspec, RestoreCellFlags, OverwriteCells,
    RestoreMissingCells, CheckCellMetadata]
# Per cell; the whole notebook has its own budget (TrustedExecute.notebook_timeout).
c.Execute.timeout = 120
# Kernels nbgrader starts (validate) use one BLAS thread: on two cores that is faster.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
c.TrustedExecute.timeout = 120

# Feedback shows each test's verdict and message, never the hidden tests' code (nbgrader #917).
c.GenerateFeedback.preprocessors = [GetGrades, HideHiddenTests, CSSHTMLHeaderPreprocessor]
