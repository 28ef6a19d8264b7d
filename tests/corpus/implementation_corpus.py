"""Load the corpus of student implementations that the hidden tests are checked against.

Each file under ``implementations/wrong/`` or ``implementations/correct/`` is exactly what a
student would type into a solution cell: one function, optionally ``import numpy as np``, and a
module docstring header::

    \"\"\"Forgot to subtract the row maximum before exp: overflows for large scores.

    function: softmax_loss_vectorized
    expect: test_softmax_loss_vectorized_large_scores
    \"\"\"

The first line names the mistake (or, for a correct file, what makes the variant different).
``expect`` lists the grade ids of the hidden tests that must lose points on a wrong file, or is
``full`` for a correct file. This module only reads and validates the files; the tests that run
them live elsewhere.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

FUNCTION_NAMES = ("softmax_loss_naive", "softmax_loss_vectorized")
KINDS = ("wrong", "correct")

_TEST_SUFFIXES = (
    "sanity",
    "value",
    "gradient",
    "regularization",
    "large_scores",
    "inputs_unchanged",
)
# Only the vectorized version has to be loop-free.
_VECTORIZED_ONLY_SUFFIXES = ("no_loops",)

_HEADER = re.compile(
    r"\A(?P<mistake>[^\n]*\S[^\n]*)\n"
    r"\n"
    r"function: (?P<function>[A-Za-z_][A-Za-z0-9_]*)\n"
    r"expect: (?P<expect>[^\n]*\S)\n?\Z"
)


class CorpusError(ValueError):
    """A corpus file is malformed; the message names the file and what to fix."""


@dataclass(frozen=True)
class Implementation:
    """One student implementation from the corpus."""

    name: str
    kind: str  # 'wrong' or 'correct'
    function_name: str
    mistake: str  # first header line: the mistake, or what makes a correct variant different
    expect: list[str]  # grade ids that must lose points; empty for correct files
    source: str
    path: Path


def known_test_ids() -> list[str]:
    """Grade ids of the hidden tests, in the order the notebook lists them."""
    ids = [f"test_{fn}_{suffix}" for fn in FUNCTION_NAMES for suffix in _TEST_SUFFIXES]
    ids += [f"test_softmax_loss_vectorized_{suffix}" for suffix in _VECTORIZED_ONLY_SUFFIXES]
    return ids


def load_implementations(
    root: Path = Path(__file__).parent / "implementations",
) -> list[Implementation]:
    """Read every ``*.py`` under ``root/wrong`` and ``root/correct``, sorted by kind then name.

    Raises CorpusError naming the file if a header is malformed, an ``expect`` id is unknown or
    belongs to the other function, or the file does not define exactly the named function.
    """
    root = Path(root)
    implementations = []
    for kind in KINDS:
        folder = root / kind
        if not folder.is_dir():
            raise CorpusError(f"{folder}: missing corpus folder; create it with one .py file per implementation")
        for path in sorted(folder.glob("*.py")):
            implementations.append(_load_one(path, kind))
    return implementations


def _load_one(path: Path, kind: str) -> Implementation:
    source = path.read_text(encoding="utf-8")
    try:
        module = ast.parse(source, filename=str(path))
    except SyntaxError as err:
        raise CorpusError(f"{path}: not valid Python ({err.msg}, line {err.lineno})") from err

    docstring = ast.get_docstring(module, clean=False)
    if docstring is None or not source.startswith('"""'):
        raise CorpusError(
            f"{path}: must start with the module docstring header (mistake / function: / expect:) on line 1"
        )
    match = _HEADER.match(docstring)
    if match is None:
        raise CorpusError(
            f"{path}: malformed header; expected a first line, a blank line, "
            f"'function: <name>' and 'expect: <ids>' (got {docstring!r})"
        )

    function_name = match["function"]
    if function_name not in FUNCTION_NAMES:
        raise CorpusError(f"{path}: unknown function {function_name!r}; use one of {', '.join(FUNCTION_NAMES)}")

    expect_text = match["expect"].strip()
    if kind == "correct":
        if expect_text != "full":
            raise CorpusError(f"{path}: a correct implementation must say 'expect: full' (got {expect_text!r})")
        expect: list[str] = []
    else:
        expect = [item.strip() for item in expect_text.split(",")]
        if not expect or any(not item for item in expect):
            raise CorpusError(f"{path}: 'expect:' needs a comma-separated list of test ids (got {expect_text!r})")
        known = known_test_ids()
        for test_id in expect:
            if test_id not in known:
                raise CorpusError(f"{path}: unknown test id {test_id!r} in 'expect:'; known ids: {', '.join(known)}")
            if not test_id.startswith(f"test_{function_name}_"):
                raise CorpusError(f"{path}: test id {test_id!r} does not belong to function {function_name!r}")
        if len(set(expect)) != len(expect):
            raise CorpusError(f"{path}: duplicate test id in 'expect:' ({expect_text!r})")

    functions = [node.name for node in module.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]
    if functions != [function_name]:
        raise CorpusError(
            f"{path}: must define exactly one function, {function_name!r}, at top level (found {functions or 'none'})"
        )

    return Implementation(
        name=path.stem,
        kind=kind,
        function_name=function_name,
        mistake=match["mistake"].strip(),
        expect=expect,
        source=source,
        path=path,
    )
