"""Tests for assignment.gradient_check on functions with known gradients."""

import numpy as np
import pytest

from assignment.gradient_check import grad_check_sparse, numerical_gradient, rel_error


def quadratic():
    """f(x) = sum(A * x * x) + sum(B * x) on (3, 4) arrays, gradient 2 A x + B."""
    rng = np.random.default_rng(42)
    A = rng.uniform(0.5, 2.0, (3, 4))
    B = rng.standard_normal((3, 4))
    return (lambda x: float(np.sum(A * x * x) + np.sum(B * x))), (lambda x: 2 * A * x + B)


def test_rel_error_values():
    """rel_error is max |a-b| / (|a|+|b|), 0 for equal arrays and for two zeros."""
    assert rel_error(np.zeros(3), np.zeros(3)) == 0.0
    assert rel_error(1.0, 1.1) == pytest.approx(0.1 / 2.1)
    assert rel_error([1.0, 2.0], [1.0, -2.0]) == pytest.approx(1.0)
    assert rel_error([0.0, 5.0], [1e-12, 5.0]) < 1e-3  # tiny values against the floor


def test_numerical_gradient_of_a_quadratic():
    """The central-difference gradient of a quadratic matches the formula, and x is restored."""
    f, grad = quadratic()
    x = np.random.default_rng(0).standard_normal((3, 4))
    before = x.copy()
    estimate = numerical_gradient(f, x)
    assert estimate.shape == x.shape
    assert rel_error(estimate, grad(x)) < 1e-8
    np.testing.assert_array_equal(x, before)


def test_numerical_gradient_restores_x_when_f_raises():
    """If f fails part-way, the entry being nudged is put back before the error propagates."""
    x = np.arange(4.0)
    calls = []

    def f(arr):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("boom")
        return float(arr.sum())
    with pytest.raises(RuntimeError):
        numerical_gradient(f, x)
    np.testing.assert_array_equal(x, np.arange(4.0))


def test_grad_check_sparse_accepts_a_correct_gradient(capsys):
    """A correct gradient gives tiny errors; one line is printed per checked entry."""
    f, grad = quadratic()
    x = np.random.default_rng(1).standard_normal((3, 4))
    rows = grad_check_sparse(f, x, grad(x), num_checks=6)
    assert len(rows) == 6
    for index, numerical, analytic, error in rows:
        assert isinstance(index, tuple) and len(index) == 2
        assert analytic == grad(x)[index]
        assert error < 1e-7 and numerical == pytest.approx(analytic, rel=1e-6)
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 6 and "relative error" in lines[0]


def test_grad_check_sparse_flags_a_wrong_gradient():
    """A gradient off by a factor of two shows relative errors near 1/3."""
    f, grad = quadratic()
    x = np.random.default_rng(2).standard_normal((3, 4))
    rows = grad_check_sparse(f, x, 2 * grad(x), num_checks=5)
    assert all(error == pytest.approx(1 / 3, abs=1e-4) for *_, error in rows)


def test_grad_check_sparse_uses_its_own_rng():
    """The checked entries depend on `seed` only; NumPy's global random state is untouched."""
    f, grad = quadratic()
    x = np.zeros((3, 4))
    np.random.seed(0)
    state = np.random.get_state()[1].copy()
    first = [r[0] for r in grad_check_sparse(f, x, grad(x), num_checks=8, seed=3)]
    np.testing.assert_array_equal(np.random.get_state()[1], state)
    again = [r[0] for r in grad_check_sparse(f, x, grad(x), num_checks=8, seed=3)]
    other = [r[0] for r in grad_check_sparse(f, x, grad(x), num_checks=8, seed=4)]
    assert first == again and first != other


def test_grad_check_sparse_rejects_a_misshapen_gradient():
    """An analytic gradient of the wrong shape is refused with both shapes named."""
    f, _ = quadratic()
    with pytest.raises(ValueError, match=r"\(4, 3\).*\(3, 4\)"):
        grad_check_sparse(f, np.zeros((3, 4)), np.zeros((4, 3)))
