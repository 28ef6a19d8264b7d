"""The hidden tests of the master notebook, run in-process on the implementation corpus.

A fast companion to test_corpus.py (which proves the same through the real nbgrader pipeline):
the hidden blocks run here with the judge's in-kernel backend, so a change to a hidden test
shows its effect on all 65 implementations in seconds.
"""
import sys
import warnings

import nbformat
import numpy as np
import pytest

from autograder import judge, pipeline
from autograder.trusted_execute import hidden_block
from tests.corpus.implementation_corpus import load_implementations

CHECKS = ["sanity", "value", "gradient", "regularization", "large_scores", "inputs_unchanged", "no_loops"]


class _CorpusBackend(judge.InKernelBackend):
    """In-kernel backend whose 'notebook cell' is the corpus file being judged."""

    source = ""

    def read_cell(self, grade_id):
        return self.source


@pytest.fixture(scope="module")
def hidden():
    """The shared hidden-test definitions of the master notebook, executed once."""
    nb = nbformat.read(pipeline.REPO / "source" / "softmax" / "softmax.ipynb", as_version=4)
    first = next(c for c in nb.cells
                 if c.metadata.get("nbgrader", {}).get("grade_id") == "test_softmax_loss_naive_sanity")
    namespace = {}
    exec(hidden_block(first.source).rsplit('check_sanity("softmax_loss_naive")', 1)[0], namespace)
    return namespace


def _failures(hidden, impl, monkeypatch):
    backend = _CorpusBackend()
    backend.source = impl.source
    previous = judge.use_backend(backend)
    space = {"np": np}
    exec(impl.source, space)
    monkeypatch.setitem(sys.modules["__main__"].__dict__, impl.function_name, space[impl.function_name])
    failed = {}
    try:
        for check in CHECKS:
            if check == "no_loops" and "vectorized" not in impl.function_name:
                continue
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # overflow warnings are the mistakes under test
                    hidden[f"check_{check}"](impl.function_name)
            except judge.Fail as failure:
                failed[f"test_{impl.function_name}_{check}"] = str(failure)
    finally:
        judge.use_backend(previous)
        judge.take_notes()
    return failed


@pytest.mark.parametrize("impl", load_implementations(), ids=lambda impl: impl.name)
def test_hidden_tests_judge_the_corpus(hidden, impl, monkeypatch):
    """Wrong implementations fail every test their file names; correct ones fail none."""
    failed = _failures(hidden, impl, monkeypatch)
    if impl.kind == "correct":
        assert failed == {}
    else:
        assert set(impl.expect) <= set(failed), failed
