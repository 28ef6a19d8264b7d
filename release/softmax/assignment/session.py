"""Tell whether the notebook is running for a student or for nbgrader."""

import os


def grading_mode():
    """Return how nbgrader is running this notebook, if it is.

    nbgrader sets the ``NBGRADER_EXECUTION`` environment variable while it
    executes a notebook: to ``'validate'`` for ``nbgrader validate`` (and the
    Validate button) and to ``'autograde'`` for ``nbgrader autograde``. The
    notebook uses this to skip work that grading does not need, above all the
    hyperparameter search, which takes minutes and would be repeated for
    every submission; the graded cells then use a small fixed setting.

    Returns
    -------
    str or None
        ``'autograde'``, ``'validate'`` (or any other value nbgrader sets), or
        None when a person is running the notebook.
    """
    return os.environ.get("NBGRADER_EXECUTION") or None
