"""Put back graded and solution cells a student deleted, in the master notebook's order.

nbgrader's own ``OverwriteCells.add_missing_cells`` inserts a missing test cell after the cell
that precedes it in the source, and crashes when that cell is missing too (a deleted solution
cell together with its test), which ends grading of that submission. This preprocessor, run right
after ``OverwriteCells`` in ``Autograde.sanitize_preprocessors``, restores every missing graded
or solution cell from the gradebook (solution cells as the release's stub) after the nearest
preceding cell that is present, and notes what it restored in the notebook metadata for the
grading report.
"""

import os

import nbformat
from nbgrader.api import Gradebook
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import NbGraderPreprocessor

RESTORED_KEY = "grading_restored_cells"


def _grade_id(cell):
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


class RestoreMissingCells(NbGraderPreprocessor):
    """Re-insert missing grade and solution cells, read from the gradebook."""

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        coursedir = CourseDirectory(config=self.config)
        source_path = os.path.join(coursedir.format_path(coursedir.source_directory, ".", info["assignment"]),
                                   info["notebook"] + ".ipynb")
        order = [_grade_id(c) for c in nbformat.read(source_path, as_version=4).cells if _grade_id(c)]
        present = {_grade_id(c) for c in nb.cells if _grade_id(c)}
        missing = [gid for gid in order if gid not in present]
        if not missing:
            return nb, resources
        with Gradebook(info["db_url"]) as gb:
            notebook = gb.find_notebook(info["notebook"], info["assignment"])
            points = {c.name: c.max_score for c in notebook.grade_cells}
            solutions = {c.name for c in notebook.solution_cells}
            restored = []
            for gid in missing:
                if gid not in points and gid not in solutions:
                    continue
                source = gb.find_source_cell(gid, info["notebook"], info["assignment"])
                cell = (nbformat.v4.new_code_cell(source.source) if source.cell_type == "code"
                        else nbformat.v4.new_markdown_cell(source.source))
                cell.metadata["nbgrader"] = {
                    "grade": gid in points, "solution": gid in solutions, "locked": source.locked,
                    "grade_id": gid, "points": points.get(gid, 0), "checksum": source.checksum,
                    "schema_version": 3, "task": False}
                position = 0
                for earlier in reversed(order[: order.index(gid)]):
                    hits = [i for i, c in enumerate(nb.cells) if _grade_id(c) == earlier]
                    if hits:
                        position = hits[0] + 1
                        break
                nb.cells.insert(position, cell)
                restored.append(gid)
        if restored:
            self.log.warning("Restored missing cells: %s", ", ".join(restored))
            nb.metadata[RESTORED_KEY] = restored
        return nb, resources


class RestoreCellFlags(NbGraderPreprocessor):
    """Reset each known cell's nbgrader flags (grade, solution, locked, points) from the gradebook.

    ``OverwriteCells`` restores a test cell's source but trusts the submitted ``grade`` and
    ``solution`` flags: a test cell re-flagged as an ordinary locked cell would get its hidden
    block back and be run like student code. Run before ``OverwriteCells``, this makes every
    cell that carries a known grade id exactly what the master notebook says it is.
    """

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        with Gradebook(info["db_url"]) as gb:
            notebook = gb.find_notebook(info["notebook"], info["assignment"])
            points = {c.name: c.max_score for c in notebook.grade_cells}
            solutions = {c.name for c in notebook.solution_cells}
            sources = {c.name: c for c in notebook.source_cells}
            for cell in nb.cells:
                meta = cell.get("metadata", {}).get("nbgrader")
                gid = meta.get("grade_id") if isinstance(meta, dict) else None
                if gid not in sources:
                    continue
                meta.update({"grade": gid in points, "solution": gid in solutions,
                             "locked": sources[gid].locked, "schema_version": 3})
                if gid in points:
                    meta["points"] = points[gid]
                else:
                    meta.pop("points", None)
        return nb, resources
