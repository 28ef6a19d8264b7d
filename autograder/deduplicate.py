"""Drop duplicated grade ids without stopping the whole batch.

nbgrader's ``DeduplicateIds`` keeps the last cell with a given grade id and blanks the others'
nbgrader metadata to ``{}``; the later metadata check then reads ``{}`` as an outdated format and
raises an error that stops grading for every remaining student. This version removes the
metadata key instead (the copy becomes an ordinary cell) and records which ids were duplicated
for the grading report. It replaces ``DeduplicateIds`` in ``Autograde.sanitize_preprocessors``.
"""

from nbgrader import utils
from nbgrader.preprocessors import DeduplicateIds

DUPLICATES_KEY = "grading_duplicated_cells"


class DeduplicateIdsSafely(DeduplicateIds):
    """Keep the last cell of each grade id; turn earlier copies into plain cells."""

    def preprocess(self, nb, resources):
        self.duplicated = []
        nb, resources = super().preprocess(nb, resources)
        if self.duplicated:
            nb.metadata[DUPLICATES_KEY] = sorted(set(self.duplicated))
        return nb, resources

    def preprocess_cell(self, cell, resources, cell_index):
        if not (utils.is_grade(cell) or utils.is_solution(cell) or utils.is_locked(cell)):
            return cell, resources
        grade_id = cell.metadata.nbgrader.get("grade_id")
        if grade_id in self.grade_ids:
            self.log.warning("Cell with id '%s' exists multiple times; grading the last one", grade_id)
            del cell.metadata["nbgrader"]
            self.duplicated.append(grade_id)
        else:
            self.grade_ids.add(grade_id)
        return cell, resources
