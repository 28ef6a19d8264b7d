"""End-to-end tests of the hidden tests against the corpus, through the real ``nbgrader autograde``.

One module-scoped run of :func:`autograder.corpus.run_corpus` grades the reference, every
implementation in tests/corpus/implementations and every answer in tests/corpus/answers in a single
batch (several minutes); the tests below read its rows. Each failure message lists the submissions
that broke the expectation, with the points they got.
"""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # so the file also runs with a bare `pytest path/to/file`
    sys.path.insert(0, str(ROOT))

from assignment import cifar10  # noqa: E402
from autograder.corpus import run_corpus  # noqa: E402


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    """{submission: row} of one corpus run on a small synthetic dataset."""
    data = cifar10.synthesize(tmp_path_factory.mktemp("cifar") / cifar10.FOLDER_NAME)
    result = run_corpus(data, tmp_path_factory.mktemp("corpus"))
    return {row["submission"]: row for row in result}


def _broken(rows, kind_prefix, check=None):
    """Rows of this kind whose checks (or the one named check) failed, with their points."""
    return [f"{r['submission']}: expected {r['expected']}, got {r['points']}"
            for r in rows.values() if r["kind"].startswith(kind_prefix)
            and not (r["checks"].get(check, True) if check else r["passed"])]


def test_reference_full_marks(rows):
    """The master notebook, submitted as is, gets full points on every graded cell."""
    row = rows["reference"]
    assert row["passed"], row["points"]
    assert any(gid.startswith("test_softmax_loss_vectorized_") for gid in row["tests"])


def test_wrong_implementations_lose_points_on_each_expected_test(rows):
    """Every wrong implementation scores below the maximum on EVERY test its corpus file lists."""
    assert any(r["kind"] == "wrong" for r in rows.values())
    assert _broken(rows, "wrong") == []


def test_correct_implementations_get_full_marks(rows):
    """Every correct variant gets full points on every test cell of its function."""
    assert any(r["kind"] == "correct" for r in rows.values())
    assert _broken(rows, "correct") == []


def test_answers_within_expected_range(rows):
    """Every corpus answer's rubric score lies within its file's expect_points_min..max."""
    assert any(r["kind"].startswith("answer") for r in rows.values())
    assert _broken(rows, "answer", "rubric_in_range") == []


def test_q2_true_false_verdicts(rows):
    """For Q2, the True/False cell is full iff the answer's expect_true_false is true."""
    assert any("true_false" in r["checks"] for r in rows.values())
    assert _broken(rows, "answer", "true_false") == []


@pytest.mark.parametrize("submission, test_id, hint", [
    ("impl-naive_grad_not_divided_by_n", "test_softmax_loss_naive_gradient", "divided by N"),
    ("impl-vectorized_grad_not_divided_by_n", "test_softmax_loss_vectorized_gradient", "divided by N"),
    ("impl-naive_loss_not_divided_by_n", "test_softmax_loss_naive_value", "divided by N"),
    ("impl-naive_no_max_shift", "test_softmax_loss_naive_large_scores", "maximum"),
    ("impl-vectorized_no_max_shift", "test_softmax_loss_vectorized_large_scores", "maximum"),
    ("impl-vectorized_global_max", "test_softmax_loss_vectorized_large_scores", "OWN maximum"),
    ("impl-vectorized_log_p_plus_1e3", "test_softmax_loss_vectorized_value", "1e-3"),
    ("impl-naive_float16", "test_softmax_loss_naive_value", "float16"),
    ("impl-vectorized_hardcoded_return", "test_softmax_loss_vectorized_value", "hard-coded"),
    ("impl-naive_half_reg_convention", "test_softmax_loss_naive_regularization", "no ½"),
    ("impl-vectorized_bias_row_not_regularized", "test_softmax_loss_vectorized_regularization", "bias row"),
    ("impl-vectorized_reg_gradient_missing_factor_two", "test_softmax_loss_vectorized_regularization", "2·reg·W"),
    ("impl-naive_no_minus_one", "test_softmax_loss_naive_gradient", "−1 at the correct class"),
    ("impl-vectorized_minus_one_shifted_column", "test_softmax_loss_vectorized_gradient", "wrong column"),
    ("impl-naive_gradient_wrong_sign", "test_softmax_loss_naive_gradient", "wrong sign"),
    ("impl-naive_row_min_shift", "test_softmax_loss_naive_large_scores", "not the minimum"),
    ("impl-vectorized_loop_over_samples", "test_softmax_loss_vectorized_no_loops", "for loop"),
    ("impl-vectorized_modifies_X_in_place", "test_softmax_loss_vectorized_inputs_unchanged", "in place"),
    ("impl-naive_assign_instead_of_accumulate", "test_softmax_loss_naive_sanity", "last sample"),
    ("impl-vectorized_averaged_over_classes", "test_softmax_loss_vectorized_sanity", "number of classes"),
])
def test_failure_messages_give_a_hint(rows, submission, test_id, hint):
    """The message a student sees for a known mistake names its likely cause."""
    message = rows[submission]["messages"][test_id]
    assert hint.lower() in message.lower(), message
