"""Tests for assignment.plots: each function returns a figure of the expected layout."""

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure

from assignment import cifar10, plots

NAMES = ["airplane", "automobile", "bird", "cat", "deer",
         "dog", "frog", "horse", "ship", "truck"]


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_show_samples_grid(synthetic_dir):
    """show_samples draws per_class rows by one column per class, titled by class, showing images of that class."""
    X, y, _, _ = cifar10.load(synthetic_dir)
    fig = plots.show_samples(X, y, NAMES, per_class=3)
    assert isinstance(fig, Figure)
    assert len(fig.axes) == 30
    assert [ax.get_title() for ax in fig.axes[:10]] == NAMES
    shown = fig.axes[10].images[0].get_array()  # row 1, class 0
    assert shown.shape == (32, 32, 3)
    assert any(np.array_equal(shown, X[i]) for i in np.flatnonzero(y == 0))


def test_show_samples_with_a_rare_class():
    """A class with fewer images than per_class leaves its extra cells empty instead of failing."""
    X = np.zeros((12, 32, 32, 3), np.uint8)
    y = np.array([0] * 10 + [1] * 2)
    fig = plots.show_samples(X, y, ["a", "b"], per_class=4)
    assert len(fig.axes) == 8
    assert sum(len(ax.images) for ax in fig.axes) == 6


def test_plot_loss_history():
    """The loss history is one axes with one line holding every loss."""
    losses = list(np.linspace(3, 1, 50))
    fig = plots.plot_loss_history(losses)
    assert len(fig.axes) == 1
    np.testing.assert_array_equal(fig.axes[0].lines[0].get_ydata(), losses)


def test_plot_search_results_heatmap():
    """The search heatmap has the grid plus a colour bar, one labelled cell per result, and names the best."""
    results = {(lr, reg): (0.5, 0.1 * i + 0.01 * j)
               for i, lr in enumerate([1e-7, 1e-6, 1e-5])
               for j, reg in enumerate([1e2, 1e3])}
    del results[(1e-7, 1e2)]  # an incomplete grid still draws
    fig = plots.plot_search_results(results)
    assert len(fig.axes) == 2
    heatmap = fig.axes[0]
    assert len(heatmap.texts) == 5
    assert "0.210" in heatmap.get_title()  # best: lr 1e-5, reg 1e3
    assert [t.get_text() for t in heatmap.get_xticklabels()] == ["1e-07", "1e-06", "1e-05"]
    with pytest.raises(ValueError, match="empty"):
        plots.plot_search_results({})


@pytest.mark.parametrize("rows", [3073, 3072])
def test_show_weights(rows):
    """show_weights draws one 32x32 colour image per class, rescaled to 0..255, with or without a bias row."""
    W = np.random.default_rng(0).standard_normal((rows, 10))
    fig = plots.show_weights(W, NAMES)
    assert len(fig.axes) == 10
    image = fig.axes[3].images[0].get_array()
    assert image.shape == (32, 32, 3) and image.dtype == np.uint8
    assert image.min() == 0 and image.max() == 255
    assert fig.axes[3].get_title() == "cat"


def test_show_weights_draws_each_column_as_an_image():
    """Column c's first 3072 weights, read as a channels-last image, are what is shown; the bias row is not."""
    pattern = np.indices((32, 32, 3)).sum(axis=0).astype(float)  # values 0..64
    W = np.zeros((3073, 10))
    W[:3072, 3] = pattern.ravel()
    W[3072] = 1e6
    shown = plots.show_weights(W, NAMES).axes[3].images[0].get_array()
    expected = (255 * pattern / pattern.max()).astype(np.uint8)
    np.testing.assert_array_equal(shown, expected)


def test_show_weights_rejects_bad_shapes():
    """A W that is not (3073 or 3072, C), or does not match the names, is refused clearly."""
    with pytest.raises(ValueError, match="3073"):
        plots.show_weights(np.zeros((100, 10)), NAMES)
    with pytest.raises(ValueError, match="label names"):
        plots.show_weights(np.zeros((3073, 3)), NAMES)
