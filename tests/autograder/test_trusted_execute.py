"""Pieces of the trusted executor that need no kernel: hidden blocks and cell semantics."""
from autograder.feedback import visible_part
from autograder.trusted_execute import _without_hidden, hidden_block, run_block

CELL = "x = 1\n### BEGIN HIDDEN TESTS\nsecret = 2\n### END HIDDEN TESTS\nprint(x)"


def test_hidden_block_is_only_the_delimited_code():
    """hidden_block returns the lines between the delimiters, nothing else."""
    assert hidden_block(CELL) == "secret = 2"
    assert hidden_block("x = 1") == ""


def test_without_hidden_drops_block_and_delimiters():
    """Student-side code never contains the hidden block or its markers."""
    assert _without_hidden(CELL) == "x = 1\nprint(x)"


def test_feedback_shows_a_placeholder_instead_of_hidden_code():
    """Feedback keeps the visible part and says where the hidden tests ran."""
    shown = visible_part(CELL)
    assert "secret" not in shown and "BEGIN HIDDEN" not in shown and "hidden tests ran here" in shown


def test_run_block_returns_the_last_expression_like_a_cell():
    """A final expression is the cell's value (partial credit); statements give None."""
    namespace = {}
    assert run_block("a = 2\nb = a * 3\n(b +\n 1)", namespace, "<t>") == 7
    assert run_block("c = 1", namespace, "<t>") is None
    assert namespace["b"] == 6


def test_a_string_mentioning_the_marker_is_not_a_hidden_block():
    """Student code that only mentions the words keeps every line."""
    code = 'keys = ("BEGIN HIDDEN TESTS", "x")\ndef f():\n    return 1'
    assert _without_hidden(code) == code
    assert _without_hidden("a = 1\n### BEGIN HIDDEN TESTS\nb = 2") == "a = 1\n### BEGIN HIDDEN TESTS\nb = 2"
