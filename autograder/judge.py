"""The API hidden tests are written against; it decides every point.

A hidden test is the part of a test cell between ``### BEGIN HIDDEN TESTS`` and
``### END HIDDEN TESTS``. It runs in one of two places, and reads the same either way:

* **In the grader's process** (``nbgrader autograde``, through
  :class:`autograder.trusted_execute.TrustedExecute`): the hidden block never enters the student's
  kernel. :func:`call` sends inputs into the sandboxed kernel, the kernel-side
  :mod:`autograder.probe` calls the student's function and writes the raw return values to a file,
  and the comparison with the reference happens here, where no student code has run.
* **In a kernel** (``nbgrader validate`` on the source notebook, or the instructor running it):
  :func:`call` calls the function in the same process, through the same probe and file format,
  so both paths see identical values.

A hidden test fails by raising (:func:`fail` raises :class:`Fail` with a message for the student),
passes by finishing, and awards partial credit by ending with an expression whose value is the
points (nbgrader's rule for ``execute_result``). :func:`note` adds a line to the cell's feedback.
"""

import json
import os
import stat
import tempfile

import numpy as np

from . import probe

#: A result file larger than this is refused unread (a loss and a gradient are far smaller).
MAX_RESULT_BYTES = 200 * 1024 * 1024


class Fail(AssertionError):
    """A hidden test found a mistake; the message is shown to the student."""


class CallResult:
    """What one call of a student's function produced.

    Attributes
    ----------
    error : str or None
        Why there is no return value ("raised ValueError: ...", "timed out", ...), else None.
    outputs : list of (ndarray or None)
        Each returned value as a float64 array (None where it was not numeric).
    info : list of dict
        Type, dtype and shape of each returned value as the student's code returned it.
    args_after : dict of int -> ndarray
        Array arguments as they were after the call (to detect changes made in place).
    seconds : float or None
        Wall time of the call inside the kernel.
    lines : int or None
        Python lines of notebook code executed during the call (when counted).
    """

    def __init__(self, meta, arrays, index):
        self.error = None
        if meta.get("error"):
            err = meta["error"]
            self.error = f"raised {err.get('type')}: {err.get('message')}"
            where = err.get("where") or []
            if where:
                self.error += " (at " + "; ".join(where) + ")"
        self.info = meta.get("outputs", [])
        self.outputs = [arrays.get(f"c{index}_o{k}") for k in range(len(self.info))]
        self.n_returned = meta.get("n_returned", len(self.info))
        self.returned_type = meta.get("returned_type")
        self.args_after = {int(key.rsplit("after", 1)[1]): value for key, value in arrays.items()
                           if key.startswith(f"c{index}_after")}
        self.seconds = meta.get("seconds")
        self.lines = meta.get("lines")

    @classmethod
    def failed(cls, reason):
        """A result for a call that produced nothing at all."""
        result = cls({}, {}, 0)
        result.error = reason
        return result


# --------------------------------------------------------------------------------------------
# Backends: where the student's function runs.


class InKernelBackend:
    """Hidden tests running in the same kernel as the notebook (validate, instructor runs)."""

    def run_calls(self, function_name, calls_path, result_path, count_lines):
        probe.run_calls(function_name, calls_path, result_path, count_lines)
        return None

    def notebook_path(self):
        return _find_notebook_file()

    def read_cell(self, grade_id):
        import nbformat

        for cell in nbformat.read(self.notebook_path(), as_version=4).cells:
            if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id:
                return cell.get("source", "")
        raise LookupError(grade_id)

    def data_dir(self):
        from assignment import cifar10

        return str(cifar10.default_data_dir())

    def submitted_file(self, name):
        path = os.path.join(os.getcwd(), name)
        return path if os.path.exists(path) else None

    def calls_dir(self):
        if not hasattr(self, "_dir"):
            self._dir = tempfile.mkdtemp(prefix="judge-")
        return self._dir

    results_dir = calls_dir


_backend = InKernelBackend()
_notes = []
_memo = {}


def use_backend(backend):
    """Install ``backend`` (the trusted executor does this); return the previous one."""
    global _backend
    previous, _backend = _backend, backend
    return previous


def take_notes():
    """Return and clear the notes collected since the last call."""
    global _notes
    notes, _notes = _notes, []
    return notes


def _find_notebook_file():
    for candidate in (os.environ.get("JPY_SESSION_NAME"), "softmax.ipynb"):
        if candidate and os.path.exists(candidate):
            return candidate
    raise FileNotFoundError("cannot find the notebook file to read answers from")


# --------------------------------------------------------------------------------------------
# What hidden tests call.


def fail(message):
    """Fail the current test with ``message`` for the student."""
    raise Fail(message)


def note(message):
    """Add one line of feedback to the current test's output."""
    _notes.append(str(message))


def call_many(function_name, arg_lists, count_lines=False):
    """Call the student's ``function_name`` once per argument list.

    Parameters
    ----------
    function_name : str
        Name of the function in the notebook, e.g. ``"softmax_loss_vectorized"``.
    arg_lists : list of tuple
        Arguments of each call: arrays, floats or ints. Each call gets fresh copies.
    count_lines : bool
        Count the Python lines of notebook code each call executes.

    Returns
    -------
    list of CallResult
    """
    # Calls go where the kernel can read but not write; results come back from its own folder.
    calls_path = os.path.join(_backend.calls_dir(), "calls.npz")
    result_path = os.path.join(_backend.results_dir(), "grader-result.npz")
    arrays = {"meta": np.array(json.dumps({"function": function_name,
                                           "calls": [len(a) for a in arg_lists]}))}
    for i, args in enumerate(arg_lists):
        for j, arg in enumerate(args):
            arrays[f"c{i}_a{j}"] = np.asarray(arg)
    if os.path.exists(result_path):
        os.remove(result_path)
    with open(calls_path, "wb") as handle:
        np.savez(handle, **arrays)
    problem = _backend.run_calls(function_name, calls_path, result_path, count_lines)
    if problem is not None:
        return [CallResult.failed(problem) for _ in arg_lists]
    try:
        stored = _read_result(result_path)
        meta = json.loads(str(stored.pop("meta")))
        if not isinstance(meta, list) or len(meta) != len(arg_lists):
            raise ValueError("wrong number of call records")
    except Exception as exc:
        return [CallResult.failed(f"no usable result: {exc}")
                for _ in arg_lists]
    return [CallResult(m if isinstance(m, dict) else {}, stored, i) for i, m in enumerate(meta)]


def _read_result(path):
    """Load a result file the kernel wrote, refusing links, odd files and oversized files."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        raise ValueError("the kernel returned no result: something in the notebook stopped "
                         "the code from running") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise ValueError("the result is not a regular file")
        if info.st_size > MAX_RESULT_BYTES:
            raise ValueError("the function returned far more data than a loss and a gradient")
        with np.load(handle, allow_pickle=False) as data:
            return {key: np.array(data[key]) for key in data.files}


def call(function_name, *args, count_lines=False):
    """Call the student's ``function_name(*args)`` once; return a :class:`CallResult`."""
    return call_many(function_name, [args], count_lines=count_lines)[0]


def loss_and_grad(result, W, function_name):
    """Check that a call returned ``(loss, dW)`` as asked and return them as float64.

    Parameters
    ----------
    result : CallResult
    W : ndarray, shape (D, C)
        The weights that were passed in (dW must have this shape).
    function_name : str
        For the messages.

    Returns
    -------
    loss : float
    dW : ndarray, shape (D, C), float64
    """
    if result.error:
        fail(f"{function_name} {result.error}")
    if result.n_returned != 2 or result.returned_type not in ("tuple", "list"):
        fail(f"{function_name} must return a pair (loss, dW); it returned "
             f"{result.n_returned} value(s) as a {result.returned_type}")
    (loss_info, grad_info), (loss, grad) = result.info, result.outputs
    if loss is None or loss.size != 1:
        fail(f"{function_name} must return the loss as one number; it returned a "
             f"{loss_info['type']} of shape {loss_info['shape']}")
    if grad is None or tuple(grad.shape) != tuple(np.shape(W)):
        fail(f"{function_name} must return dW with the shape of W {tuple(np.shape(W))}; it "
             f"returned a {grad_info['type']} of shape {grad_info['shape']}")
    return float(loss.reshape(())), grad


def answer(grade_id):
    """The text of the student's markdown answer cell ``grade_id`` ('' if it is missing)."""
    try:
        text = _backend.read_cell(grade_id) or ""
    except (KeyError, LookupError, FileNotFoundError, ValueError):
        return ""
    # The master notebook wraps its model answers in solution delimiters; students' cells don't.
    return "\n".join(line for line in text.split("\n")
                     if line.strip() not in ("### BEGIN SOLUTION", "### END SOLUTION"))


def cell_source(grade_id):
    """The source of the student's code cell ``grade_id`` ('' if it is missing)."""
    return answer(grade_id)


def submitted_file(name):
    """Path of a file the student submitted next to the notebook, or None."""
    return _backend.submitted_file(name)


def data_dir():
    """The dataset folder the grader uses (the same one the student's kernel reads)."""
    return _backend.data_dir()


def memo(key, compute):
    """``compute()`` once per grading process (e.g. the validation split), then reuse it."""
    if key not in _memo:
        _memo[key] = compute()
    return _memo[key]
