"""Read a submitted notebook that may not be a notebook at all.

nbgrader stops grading a submission whose file is not valid notebook JSON, with only a traceback
in the log. Switched on as ``Autograde.exporter_class`` in ``nbgrader_config.py``, this exporter
reads such a file as an empty notebook that says what was wrong: nbgrader then restores the
test cells from the gradebook, the submission scores 0 with a clear reason in its grading report
and feedback, and the batch goes on as for any other student.
"""

import os

import nbformat
from nbconvert.exporters import NotebookExporter
from traitlets import Integer

#: Notebook metadata key that carries the problem to the grading report.
PROBLEM_KEY = "grading_problem"


def placeholder(problem):
    """An empty notebook that records ``problem``."""
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_markdown_cell(
        f"**This submission could not be graded as a notebook:** {problem}\n\n"
        "Submit the notebook file as saved by Jupyter (File → Save), without editing it by hand."))
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata[PROBLEM_KEY] = problem
    return nb


class SubmissionExporter(NotebookExporter):
    """A NotebookExporter that turns unreadable notebooks into a recorded problem."""

    max_notebook_mb = Integer(100, help="Larger notebook files are not read.").tag(config=True)

    def from_file(self, file_stream, resources=None, **kw):
        name = getattr(file_stream, "name", "the notebook")
        try:
            size = os.fstat(file_stream.fileno()).st_size
        except (AttributeError, OSError, ValueError):
            size = 0
        if size > self.max_notebook_mb * 1024 * 1024:
            nb = placeholder(f"{os.path.basename(name)} is {size // (1024 * 1024)} MB, more than "
                             f"the {self.max_notebook_mb} MB limit (clear the outputs and resubmit)")
        else:
            try:
                nb = nbformat.read(file_stream, as_version=4)
                if not isinstance(nb.get("cells"), list):
                    raise ValueError("it has no list of cells")
            except Exception as exc:  # JSON errors, schema errors, encoding errors
                nb = placeholder(f"{os.path.basename(name)} is not a valid notebook "
                                 f"({type(exc).__name__}: {str(exc)[:200]})")
                self.log.warning("Unreadable submission %s: %s", name, exc)
        return self.from_notebook_node(nb, resources=resources, **kw)
