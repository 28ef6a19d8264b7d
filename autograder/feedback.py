"""Keep hidden tests out of the feedback students get.

nbgrader's feedback HTML shows each test cell's source, hidden block included (upstream issue
#917). This preprocessor, switched on for ``nbgrader generate_feedback`` in
``nbgrader_config.py``, replaces each test cell's source with its visible part and a line that
says what the hidden part checks, so the student sees the verdict, the message and the points
but never the hidden code, its inputs or the reference.
"""

from nbgrader.preprocessors import NbGraderPreprocessor

from .trusted_execute import BEGIN_HIDDEN, END_HIDDEN


def visible_part(source):
    """``source`` with every hidden-test block replaced by one placeholder comment."""
    lines, out, inside = source.split("\n"), [], False
    for line in lines:
        if BEGIN_HIDDEN in line:
            inside = True
            out.append("# (hidden tests ran here; their verdict and messages are in the output below)")
        elif END_HIDDEN in line:
            inside = False
        elif not inside:
            out.append(line)
    return "\n".join(out)


class HideHiddenTests(NbGraderPreprocessor):
    """Remove hidden-test code from every cell before feedback is rendered."""

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "code" and BEGIN_HIDDEN in cell.source:
            cell.source = visible_part(cell.source)
        return cell, resources
