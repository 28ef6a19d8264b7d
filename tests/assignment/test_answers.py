"""Tests for assignment.answers: reading written answers from the saved notebook."""

import nbformat
import pytest

from assignment.answers import read_answer


def write_notebook(path):
    """A notebook with a markdown answer cell, a code cell and a plain markdown cell."""
    nb = nbformat.v4.new_notebook()
    answer = nbformat.v4.new_markdown_cell("Because the scores\nare shifted.")
    answer.metadata["nbgrader"] = {"grade_id": "inline_question_1", "solution": True,
                                   "grade": True, "points": 1}
    code = nbformat.v4.new_code_cell("x = 1")
    code.metadata["nbgrader"] = {"grade_id": "code_cell", "solution": True, "grade": False}
    nb.cells = [nbformat.v4.new_markdown_cell("# Softmax"), answer, code]
    nbformat.write(nb, path)
    return path


@pytest.fixture(autouse=True)
def no_session(monkeypatch):
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)


def test_reads_the_cell_with_the_grade_id(tmp_path):
    """The markdown cell with the grade id is returned exactly as saved."""
    path = write_notebook(tmp_path / "softmax.ipynb")
    assert read_answer("inline_question_1", path) == "Because the scores\nare shifted."


def test_source_saved_as_a_list_of_lines(tmp_path):
    """A cell source stored as a list of lines (also valid nbformat) is joined."""
    path = tmp_path / "nb.ipynb"
    path.write_text('{"cells": [{"cell_type": "markdown", "metadata": {"nbgrader": '
                    '{"grade_id": "q"}}, "source": ["line 1\\n", "line 2"]}]}')
    assert read_answer("q", path) == "line 1\nline 2"


def test_missing_cell_is_named(tmp_path):
    """An unknown grade id, or one that belongs to a code cell, raises LookupError naming id and file."""
    path = write_notebook(tmp_path / "softmax.ipynb")
    for grade_id in ("inline_question_9", "code_cell"):
        with pytest.raises(LookupError, match=grade_id) as info:
            read_answer(grade_id, path)
        assert str(path) in str(info.value)


def test_missing_notebook_says_to_save(tmp_path):
    """A missing notebook file raises FileNotFoundError with where it looked and what to do."""
    with pytest.raises(FileNotFoundError, match="Save the notebook") as info:
        read_answer("q", tmp_path / "nope.ipynb")
    assert str(tmp_path / "nope.ipynb") in str(info.value)


def test_invalid_notebook(tmp_path):
    """A file that is not notebook JSON raises ValueError naming the file."""
    path = tmp_path / "softmax.ipynb"
    path.write_text('{"cells": [')
    with pytest.raises(ValueError, match="not a valid notebook") as info:
        read_answer("q", path)
    assert str(path) in str(info.value)


def test_honours_jpy_session_name(tmp_path, monkeypatch):
    """Without a path, the notebook named by JPY_SESSION_NAME is read, not softmax.ipynb."""
    path = write_notebook(tmp_path / "renamed.ipynb")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "softmax.ipynb").write_text("not json")
    monkeypatch.setenv("JPY_SESSION_NAME", str(path))
    assert read_answer("inline_question_1").startswith("Because")


def test_relative_session_name_falls_back_to_the_file_name(tmp_path, monkeypatch):
    """A JPY_SESSION_NAME relative to the server root is found by its file name in the kernel's folder."""
    write_notebook(tmp_path / "softmax.ipynb")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("JPY_SESSION_NAME", "course/softmax/softmax.ipynb")
    assert read_answer("inline_question_1").startswith("Because")


def test_default_is_softmax_ipynb_in_the_current_folder(tmp_path, monkeypatch):
    """Without a path or JPY_SESSION_NAME, softmax.ipynb in the current folder is read."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(FileNotFoundError, match="softmax.ipynb"):
        read_answer("inline_question_1")
    write_notebook(tmp_path / "softmax.ipynb")
    assert read_answer("inline_question_1").endswith("shifted.")
