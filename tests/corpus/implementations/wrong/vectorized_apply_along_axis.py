"""Hides the loop over samples in np.apply_along_axis with a per-row lambda: still one Python call per sample.

function: softmax_loss_vectorized
expect: test_softmax_loss_vectorized_no_loops
"""
import numpy as np


def softmax_loss_vectorized(W, X, y, reg):
    N = X.shape[0]
    scores = X.dot(W)
    # softmax of every row, no explicit loop
    probs = np.apply_along_axis(lambda row: np.exp(row - row.max()) / np.exp(row - row.max()).sum(), 1, scores)

    loss = -np.mean(np.log(probs[np.arange(N), y])) + reg * np.sum(W * W)

    probs[np.arange(N), y] -= 1
    dW = X.T.dot(probs) / N + 2 * reg * W
    return loss, dW
