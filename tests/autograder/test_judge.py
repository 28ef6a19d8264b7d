"""The judge API in a kernel-like process: calls go through the probe and its file format."""
import sys

import numpy as np
import pytest

from autograder import judge


@pytest.fixture
def notebook(monkeypatch):
    """Define functions in __main__, where the in-kernel backend looks for the student's code."""
    namespace = sys.modules["__main__"].__dict__

    def define(name, function):
        monkeypatch.setitem(namespace, name, function)

    return define


def test_call_returns_float64_copies_of_outputs(notebook):
    """Returned values come back as float64 arrays with their original type and shape noted."""
    notebook("f", lambda W, X, y, reg: (np.float32(2.5), np.ones_like(W, dtype=np.float32)))
    W = np.zeros((3, 2))
    result = judge.call("f", W, np.zeros((4, 3)), np.array([0, 1, 0, 1]), 0.5)
    assert result.error is None
    loss, dW = judge.loss_and_grad(result, W, "f")
    assert loss == 2.5 and dW.dtype == np.float64 and dW.shape == (3, 2)
    assert result.info[0]["dtype"] == "float32"


def test_arguments_are_fresh_copies_and_changes_are_reported(notebook):
    """The student's function gets its own copies; what it did to them is reported back."""
    def mutate(W, X, y, reg):
        X -= 1.0
        return 0.0, W

    notebook("mutate", mutate)
    X = np.ones((2, 3))
    result = judge.call("mutate", np.zeros((3, 2)), X, np.array([0, 1]), 0.0)
    assert np.all(X == 1.0), "the judge's own array must not change"
    assert np.all(result.args_after[1] == 0.0)


def test_errors_are_reported_not_raised(notebook):
    """An exception in student code becomes the call's error, with the student's line."""
    def broken(W, X, y, reg):
        raise ValueError("shapes do not match")

    notebook("broken", broken)
    result = judge.call("broken", np.zeros((2, 2)), np.zeros((1, 2)), np.array([0]), 0.0)
    assert "ValueError: shapes do not match" in result.error
    with pytest.raises(judge.Fail, match="shapes do not match"):
        judge.loss_and_grad(result, np.zeros((2, 2)), "broken")


def test_missing_function_is_a_clear_error():
    """Calling a function the notebook never defined says so."""
    result = judge.call("no_such_function_here", np.zeros(1))
    assert "not defined" in result.error


@pytest.mark.parametrize("returned, message", [
    (2.0, "must return a pair"),
    ((np.ones(3), np.zeros((2, 2))), "loss as one number"),
    ((1.0, np.zeros((3, 3))), "shape of W"),
    ((1.0, "gradient"), "shape of W"),
])
def test_wrong_return_values_fail_with_a_message(notebook, returned, message):
    """Anything but (float, array shaped like W) fails with a message naming the problem."""
    notebook("odd", lambda *args: returned)
    W = np.zeros((2, 2))
    with pytest.raises(judge.Fail, match=message):
        judge.loss_and_grad(judge.call("odd", W, np.zeros((1, 2)), np.array([0]), 0.0), W, "odd")


def test_always_equal_objects_are_not_numbers(notebook):
    """An object whose == is always true is not accepted as a loss or a gradient."""
    class Liar:
        def __eq__(self, other):
            return True

    notebook("liar", lambda *args: (Liar(), Liar()))
    W = np.zeros((2, 2))
    with pytest.raises(judge.Fail):
        judge.loss_and_grad(judge.call("liar", W, np.zeros((1, 2)), np.array([0]), 0.0), W, "liar")


def test_line_count_grows_with_a_python_loop(notebook):
    """The line counter sees a loop over samples (also inside a comprehension)."""
    code = compile("def looped(X):\n    return sum([row.sum() for row in X])\n", "/tmp/cell.py", "exec")
    space = {}
    exec(code, space)
    notebook("looped", space["looped"])
    small, big = judge.call_many("looped", [(np.ones((5, 2)),), (np.ones((200, 2)),)], count_lines=True)
    assert big.lines - small.lines >= 195


def test_fail_and_notes():
    """fail() raises Fail with the message; note() collects feedback lines until taken."""
    judge.take_notes()
    judge.note("first")
    assert judge.take_notes() == ["first"] and judge.take_notes() == []
    with pytest.raises(judge.Fail, match="nope"):
        judge.fail("nope")
