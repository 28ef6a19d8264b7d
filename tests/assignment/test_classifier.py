"""Tests for assignment.classifier with a test-only multiclass hinge loss."""

import numpy as np
import pytest

from assignment.classifier import LinearClassifier, Softmax


def hinge_loss(W, X, y, reg):
    """Multiclass hinge (SVM) loss, margin 1, and its gradient; for these tests only.

    W (D, C), X (N, D), y (N,) -> (loss float, dW (D, C)).
    """
    n = len(y)
    rows = np.arange(n)
    scores = X @ W
    margins = np.maximum(0, scores - scores[rows, y][:, None] + 1)
    margins[rows, y] = 0
    loss = margins.sum() / n + reg * np.sum(W * W)
    active = (margins > 0).astype(X.dtype)
    active[rows, y] = -active.sum(axis=1)
    return loss, X.T @ active / n + 2 * reg * W


def test_training_lowers_the_loss_and_learns(splits):
    """On synthetic data, SGD with the hinge loss lowers the loss and beats chance clearly."""
    clf = LinearClassifier(hinge_loss)
    losses = clf.train(splits["X_train"], splits["y_train"], learning_rate=3e-6,
                       reg=1e1, num_iters=80, progress=False)
    assert len(losses) == 80 and all(isinstance(v, float) for v in losses)
    assert np.mean(losses[-10:]) < 0.5 * np.mean(losses[:10])
    assert clf.accuracy(splits["X_val"], splits["y_val"]) > 0.25  # chance: 0.1
    assert clf.W.shape == (3073, 10) and clf.W.dtype == np.float32


def test_predict_and_accuracy(splits):
    """predict returns one class in 0..C-1 per row; accuracy is the matching fraction."""
    clf = LinearClassifier(hinge_loss)
    clf.train(splits["X_dev"], splits["y_dev"], num_iters=3, progress=False)
    predicted = clf.predict(splits["X_val"])
    assert predicted.shape == (1000,)
    assert predicted.min() >= 0 and predicted.max() <= 9
    accuracy = clf.accuracy(splits["X_val"], splits["y_val"])
    assert isinstance(accuracy, float)
    assert accuracy == np.mean(predicted == splits["y_val"])
    clf.W = np.zeros_like(clf.W)
    clf.W[-1, 4] = 1.0  # the bias column makes class 4 win everywhere
    assert np.all(clf.predict(splits["X_val"]) == 4)


def test_initial_weights_and_minibatches_come_from_seed(splits):
    """W starts as 0.001 * standard normal from the seed's own generator; runs repeat exactly."""
    seen = []

    def recording_loss(W, X, y, reg):
        seen.append((W.copy(), y.copy()))
        return 0.0, np.zeros_like(W)
    X, y = splits["X_dev"], splits["y_dev"]
    np.random.seed(0)
    state = np.random.get_state()[1].copy()
    LinearClassifier(recording_loss).train(X, y, num_iters=2, batch_size=7, seed=5, progress=False)
    np.testing.assert_array_equal(np.random.get_state()[1], state)
    rng = np.random.default_rng(5)
    expected_W = (0.001 * rng.standard_normal((3073, 10))).astype(np.float32)
    np.testing.assert_array_equal(seen[0][0], expected_W)
    np.testing.assert_array_equal(seen[0][1], y[rng.integers(0, len(y), 7)])
    first = LinearClassifier(hinge_loss).train(X, y, num_iters=5, seed=1, progress=False)
    again = LinearClassifier(hinge_loss).train(X, y, num_iters=5, seed=1, progress=False)
    other = LinearClassifier(hinge_loss).train(X, y, num_iters=5, seed=2, progress=False)
    assert first == again and first != other


def test_w_follows_the_dtype_of_x(splits):
    """W is created in X's float dtype; training continues from the existing W."""
    X, y = splits["X_dev"].astype(np.float64), splits["y_dev"]
    clf = LinearClassifier(hinge_loss)
    clf.train(X, y, num_iters=1, progress=False)
    assert clf.W.dtype == np.float64
    W_before = clf.W.copy()
    clf.train(X, y, learning_rate=1e-6, num_iters=2, progress=False)
    assert clf.W is not None and not np.array_equal(clf.W, W_before)


def test_diverging_loss_stops_with_advice(splits):
    """A loss that becomes nan or inf stops training with an error naming the learning rate."""
    calls = []

    def blows_up(W, X, y, reg):
        calls.append(1)
        return (float("nan") if len(calls) == 4 else 1.0), np.zeros_like(W)
    with pytest.raises(FloatingPointError, match="learning rate is probably too large") as info:
        LinearClassifier(blows_up).train(splits["X_dev"], splits["y_dev"], learning_rate=3.0,
                                         num_iters=10, progress=False)
    assert "iteration 3" in str(info.value) and "learning_rate=3.0" in str(info.value)
    assert len(calls) == 4
    with pytest.raises(FloatingPointError, match="inf"), np.errstate(all="ignore"):
        LinearClassifier(hinge_loss).train(splits["X_dev"], splits["y_dev"],
                                           learning_rate=1e30, num_iters=20, progress=False)


def test_progress_bar_can_be_silenced(splits, capsys):
    """progress=False prints nothing; progress=True draws a tqdm bar on stderr."""
    LinearClassifier(hinge_loss).train(splits["X_dev"], splits["y_dev"], num_iters=3, progress=False)
    assert capsys.readouterr() == ("", "")
    LinearClassifier(hinge_loss).train(splits["X_dev"], splits["y_dev"], num_iters=3, progress=True)
    assert "training" in capsys.readouterr().err


def test_misuse_is_reported():
    """Predicting before training, a non-callable loss, and integer X give clear errors."""
    with pytest.raises(RuntimeError, match="train"):
        LinearClassifier(hinge_loss).predict(np.zeros((2, 3)))
    with pytest.raises(TypeError, match="loss_fn"):
        LinearClassifier("softmax")
    with pytest.raises(TypeError, match="float"):
        LinearClassifier(hinge_loss).train(np.zeros((4, 3), np.uint8), np.zeros(4, int), progress=False)


def test_softmax_is_a_named_linear_classifier():
    """Softmax is a LinearClassifier that takes the student's loss and says it expects softmax."""
    assert issubclass(Softmax, LinearClassifier)
    assert "softmax" in Softmax.__doc__.lower()
    clf = Softmax(hinge_loss)
    assert clf.loss_fn is hinge_loss and clf.W is None
