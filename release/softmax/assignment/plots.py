"""Figures for the assignment notebook.

Every function returns its matplotlib Figure; in a notebook it is also
displayed. Shapes: N images, C classes.
"""

import math

import matplotlib.pyplot as plt
import numpy as np


def show_samples(X, y, label_names, per_class=7, seed=0):
    """Show a grid of random images: one column per class.

    Parameters
    ----------
    X : uint8 ndarray (N, 32, 32, 3)
    y : int ndarray (N,)
    label_names : sequence of C str
    per_class : int
        Images per class (rows of the grid). A class with fewer images
        leaves its remaining cells empty.
    seed : int
        Picks the images with a generator of its own.

    Returns
    -------
    matplotlib.figure.Figure
        With per_class * C axes.
    """
    rng = np.random.default_rng(seed)
    num_classes = len(label_names)
    fig, axes = plt.subplots(per_class, num_classes, squeeze=False,
                             figsize=(1.1 * num_classes, 1.1 * per_class))
    for c, name in enumerate(label_names):
        candidates = np.flatnonzero(y == c)
        chosen = rng.choice(candidates, min(per_class, len(candidates)), replace=False)
        for row in range(per_class):
            ax = axes[row, c]
            ax.axis("off")
            if row < len(chosen):
                ax.imshow(X[chosen[row]].astype(np.uint8))
        axes[0, c].set_title(name, fontsize=9)
    fig.tight_layout()
    return fig


def plot_loss_history(losses):
    """Plot the training loss at each iteration.

    Parameters
    ----------
    losses : sequence of float
        As returned by ``LinearClassifier.train``.

    Returns
    -------
    matplotlib.figure.Figure
        With one axes.
    """
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.plot(np.arange(len(losses)), losses, linewidth=0.8)
    ax.set_xlabel("iteration")
    ax.set_ylabel("minibatch loss")
    ax.set_title("Training loss")
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig


def plot_search_results(results):
    """Show validation accuracy over a hyperparameter grid as a heatmap.

    Parameters
    ----------
    results : dict
        ``(learning_rate, reg) -> (train_accuracy, val_accuracy)``. The
        pairs need not fill the grid; missing cells stay blank.

    Returns
    -------
    matplotlib.figure.Figure
        With two axes: the heatmap (each cell labelled with its validation
        accuracy, the best one outlined) and its colour bar.
    """
    if not results:
        raise ValueError("results is empty: run the hyperparameter search first.")
    rates = sorted({lr for lr, _ in results})
    regs = sorted({reg for _, reg in results})
    grid = np.full((len(regs), len(rates)), np.nan)
    for (lr, reg), (_, val_acc) in results.items():
        grid[regs.index(reg), rates.index(lr)] = val_acc

    fig, ax = plt.subplots(figsize=(1.2 * len(rates) + 3, 0.6 * len(regs) + 2.5))
    image = ax.imshow(np.ma.masked_invalid(grid), origin="lower", cmap="viridis",
                      aspect="auto")
    fig.colorbar(image, ax=ax, label="validation accuracy")
    # Label cells rather than use log axes: the grid is what was tried, and
    # unevenly spaced values would otherwise leave gaps between cells.
    ax.set_xticks(range(len(rates)), [f"{lr:.0e}" for lr in rates])
    ax.set_yticks(range(len(regs)), [f"{reg:.0e}" for reg in regs])
    ax.set_xlabel("learning rate")
    ax.set_ylabel("regularization strength")
    best = np.unravel_index(np.nanargmax(grid), grid.shape)
    threshold = np.nanmin(grid) + 0.5 * (np.nanmax(grid) - np.nanmin(grid))
    for (i, j), value in np.ndenumerate(grid):
        if not math.isnan(value):
            ax.text(j, i, f"{value:.3f}", ha="center", va="center", fontsize=8,
                    color="black" if value > threshold else "white")
    ax.add_patch(plt.Rectangle((best[1] - 0.5, best[0] - 0.5), 1, 1, fill=False,
                               edgecolor="red", linewidth=2))
    ax.set_title(f"Validation accuracy (best {grid[best]:.3f}, outlined)")
    fig.tight_layout()
    return fig


def show_weights(W, label_names):
    """Show each class's weights as a 32x32 colour image.

    Parameters
    ----------
    W : ndarray (3073, C) or (3072, C)
        Trained weights; a last row of bias weights is dropped.
    label_names : sequence of C str

    Returns
    -------
    matplotlib.figure.Figure
        With C axes. Each class is rescaled to 0..255 on its own, so
        compare patterns within an image, not brightness across images.
    """
    W = np.asarray(W)
    num_pixels = 32 * 32 * 3
    if W.ndim != 2 or W.shape[0] not in (num_pixels, num_pixels + 1):
        raise ValueError(
            f"W has shape {W.shape}; expected ({num_pixels + 1}, C) with a "
            f"bias row or ({num_pixels}, C) without."
        )
    if W.shape[1] != len(label_names):
        raise ValueError(
            f"W has {W.shape[1]} columns but there are {len(label_names)} "
            "label names; pass one name per class."
        )
    images = W[:num_pixels].T.reshape(-1, 32, 32, 3)
    fig, axes = plt.subplots(1, len(label_names), squeeze=False,
                             figsize=(1.3 * len(label_names), 1.8))
    for ax, image, name in zip(axes[0], images, label_names):
        low, high = image.min(), image.max()
        span = high - low if high > low else 1.0
        ax.imshow((255 * (image - low) / span).astype(np.uint8))
        ax.set_title(name, fontsize=9)
        ax.axis("off")
    fig.tight_layout()
    return fig
