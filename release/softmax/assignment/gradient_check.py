"""Check an analytic gradient against numerical estimates.

A loss function's gradient is easy to get subtly wrong. These helpers
estimate it from the loss alone by central differences,

    df/dx[i] ~ (f(x + h e_i) - f(x - h e_i)) / (2 h),

which is accurate to O(h**2), and compare the two by relative error. As a
rule of thumb for float64 inputs, a relative error below about 1e-7 means the
gradient is right; around 1e-2 or above means it is wrong. Check in float64:
in float32 the differences drown in rounding error.
"""

import numpy as np


def rel_error(a, b):
    """Return the largest elementwise relative error between two arrays.

    Parameters
    ----------
    a, b : array_like, same shape (or scalars)

    Returns
    -------
    float
        max over entries of |a - b| / max(|a| + |b|, 1e-8). The floor keeps
        entries where both are zero (or nearly so) from dividing by zero:
        two zeros count as a relative error of 0.
    """
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    scale = np.maximum(np.abs(a) + np.abs(b), 1e-8)
    return float(np.max(np.abs(a - b) / scale))


def numerical_gradient(f, x, h=1e-5):
    """Estimate the gradient of f at x by central differences.

    Calls f twice per entry of x, so use it only on small arrays (or use
    :func:`grad_check_sparse`).

    Parameters
    ----------
    f : callable
        Takes an array shaped like x and returns a float.
    x : ndarray, any shape
        The point; changed temporarily, one entry at a time, and restored.
    h : float
        Step size.

    Returns
    -------
    ndarray, shape of x, float64
        The estimated gradient.
    """
    grad = np.zeros(x.shape, dtype=np.float64)
    for index in np.ndindex(x.shape):
        grad[index] = _central_difference(f, x, index, h)
    return grad


def _central_difference(f, x, index, h):
    original = x[index]
    try:
        x[index] = original + h
        f_plus = float(f(x))
        x[index] = original - h
        f_minus = float(f(x))
    finally:
        # Restore even if f raises, so the caller's array is never left nudged.
        x[index] = original
    return (f_plus - f_minus) / (2 * h)


def grad_check_sparse(f, x, analytic_grad, num_checks=10, h=1e-5, seed=0):
    """Compare an analytic gradient with numerical estimates at random entries.

    Prints one line per checked entry.

    Parameters
    ----------
    f : callable
        Takes an array shaped like x and returns a float.
    x : ndarray, any shape
        The point; changed temporarily and restored.
    analytic_grad : ndarray, shape of x
        The gradient to check, e.g. dW from your loss function.
    num_checks : int
        How many entries to check (drawn at random, with replacement).
    h : float
        Step size.
    seed : int
        Seed of the generator that picks the entries; NumPy's global random
        state is neither used nor changed.

    Returns
    -------
    list of tuple
        One ``(index, numerical, analytic, relative_error)`` per check, where
        index is a tuple into x.
    """
    analytic_grad = np.asarray(analytic_grad)
    if analytic_grad.shape != x.shape:
        raise ValueError(
            f"analytic_grad has shape {analytic_grad.shape} but x has shape "
            f"{x.shape}; the gradient must have the shape of the array it is for."
        )
    rng = np.random.default_rng(seed)
    rows = []
    for _ in range(num_checks):
        index = tuple(int(rng.integers(n)) for n in x.shape)
        numerical = _central_difference(f, x, index, h)
        analytic = float(analytic_grad[index])
        error = rel_error(numerical, analytic)
        print(f"index {index}: numerical {numerical: .6e}  analytic "
              f"{analytic: .6e}  relative error {error:.2e}")
        rows.append((index, numerical, analytic, error))
    return rows
