"""Kernel-side half of a hidden test: call a student's function and record what came back.

This module runs *inside the student's kernel*: in autograding its source text is sent into the
sandboxed kernel, so it imports nothing but numpy and the standard library. It decides nothing:
it writes the raw return values (as plain float64 arrays in an ``.npz`` file, never pickles) and
the judge, in the grader's own process, compares them with the reference. Student code can
tamper with this module while it runs; the worst it can do is report other return values, which
is no different from returning them.

File formats
------------
calls file (written by the judge): ``meta`` holds JSON ``{"function": name, "calls": [n_args,
...]}``; array ``c{i}_a{j}`` is argument j of call i (0-d arrays are passed on as Python scalars).

result file (written here): ``meta`` holds JSON with one entry per call: ``error`` (None or
``{"type", "message"}``), ``outputs`` (one ``{"type", "dtype", "shape", "stored"}`` per returned
value), ``seconds`` and ``lines`` (Python lines executed in notebook code during the call). Array
``c{i}_o{k}`` is returned value k as float64, ``c{i}_after{j}`` argument j after the call.
"""

import json
import os
import sys
import time
import traceback

import numpy as np

#: Returned arrays larger than this are not stored (a loss and a (D, C) gradient are far smaller).
MAX_STORED_ELEMENTS = 5_000_000


def _library_prefixes():
    """Folders whose code is not the student's (the Python installation and this file)."""
    prefixes = {os.path.realpath(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)}
    return tuple(sorted(prefixes)) + (os.path.realpath(__file__) if "__file__" in globals() else "<probe>",)


class _LineCounter:
    """Counts executed lines in code that is not part of the Python installation."""

    def __init__(self):
        self.lines = 0
        self._skip = _library_prefixes()
        self._cache = {}

    def _is_student(self, code):
        verdict = self._cache.get(code.co_filename)
        if verdict is None:
            name = code.co_filename
            verdict = not (name.startswith(self._skip) or "probe" in os.path.basename(name))
            self._cache[name] = verdict
        return verdict

    def global_trace(self, frame, event, arg):
        if event == "call" and self._is_student(frame.f_code):
            return self.local_trace
        return None

    def local_trace(self, frame, event, arg):
        if event == "line":
            self.lines += 1
        return self.local_trace


def _describe(value):
    """Return (float64 array or None, description) for one returned value."""
    kind = type(value)
    info = {"type": f"{kind.__module__}.{kind.__qualname__}", "dtype": None, "shape": None,
            "stored": False}
    try:
        array = np.asarray(value)
    except Exception:  # an object numpy cannot even look at
        return None, info
    info["dtype"] = str(array.dtype)
    info["shape"] = list(array.shape)
    if array.dtype.kind not in "biuf" or array.size > MAX_STORED_ELEMENTS:
        return None, info
    info["stored"] = True
    return np.array(array, dtype=np.float64, copy=True), info


def _argument(array):
    """Turn a stored argument back into what a caller would pass."""
    if array.ndim == 0:
        return array.item()
    return np.array(array, copy=True)


def run_calls(function, calls_path, result_path, count_lines=False):
    """Call ``function`` once per argument list in ``calls_path``; write ``result_path``.

    Parameters
    ----------
    function : callable or str
        The student's function, or its name in the notebook's namespace.
    calls_path, result_path : str
        The calls file to read and the result file to write (formats in the module docstring).
    count_lines : bool
        Whether to count executed Python lines of notebook code (slower; for loop detection).
    """
    with np.load(calls_path, allow_pickle=False) as data:
        spec = json.loads(str(data["meta"]))
        calls = [[_argument(data[f"c{i}_a{j}"]) for j in range(n)]
                 for i, n in enumerate(spec["calls"])]
    if isinstance(function, str):
        function = sys.modules["__main__"].__dict__.get(function)

    meta, arrays = [], {}
    for i, args in enumerate(calls):
        record = {"error": None, "outputs": [], "seconds": None, "lines": None}
        meta.append(record)
        if not callable(function):
            record["error"] = {"type": "NameError",
                               "message": f"{spec['function']} is not defined in the notebook"}
            continue
        counter = _LineCounter() if count_lines else None
        start = time.perf_counter()
        try:
            if counter is not None:
                sys.settrace(counter.global_trace)
            try:
                returned = function(*args)
            finally:
                if counter is not None:
                    sys.settrace(None)
        except BaseException as exc:  # KeyboardInterrupt and SystemExit are student errors too
            record["error"] = {"type": type(exc).__name__,
                               "message": str(exc)[:2000],
                               "where": _student_frames(exc)}
            if isinstance(exc, KeyboardInterrupt):
                # An interrupt from the grader's timeout must still stop the probe.
                raise
            continue
        finally:
            record["seconds"] = time.perf_counter() - start
            if counter is not None:
                record["lines"] = counter.lines
        values = list(returned) if isinstance(returned, (tuple, list)) else [returned]
        for k, value in enumerate(values[:8]):
            array, info = _describe(value)
            record["outputs"].append(info)
            if array is not None:
                arrays[f"c{i}_o{k}"] = array
        record["n_returned"] = len(values)
        record["returned_type"] = type(returned).__name__
        for j, arg in enumerate(args):
            if isinstance(arg, np.ndarray):
                arrays[f"c{i}_after{j}"] = np.array(arg, copy=True)
    arrays["meta"] = np.array(json.dumps(meta))
    tmp = result_path + ".part"
    with open(tmp, "wb") as handle:
        np.savez(handle, **arrays)
    os.replace(tmp, result_path)


def _student_frames(exc):
    """The last lines of the traceback that are in notebook code, for the error message."""
    frames = traceback.extract_tb(exc.__traceback__)
    skip = _library_prefixes()
    lines = [f"line {f.lineno}: {f.line}" for f in frames
             if not f.filename.startswith(skip) and "probe" not in os.path.basename(f.filename)]
    return lines[-3:]
