"""Tests for assignment.session."""

from assignment.session import grading_mode


def test_grading_mode_reads_nbgrader_execution(monkeypatch):
    """grading_mode returns NBGRADER_EXECUTION's value, or None when unset or empty."""
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    assert grading_mode() is None
    monkeypatch.setenv("NBGRADER_EXECUTION", "")
    assert grading_mode() is None
    for mode in ("autograde", "validate"):
        monkeypatch.setenv("NBGRADER_EXECUTION", mode)
        assert grading_mode() == mode
