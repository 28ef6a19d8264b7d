"""Adds a tiny 1e-12 inside the log as a guard; far below the test tolerance.

function: softmax_loss_vectorized
expect: full
"""
import numpy as np


def softmax_loss_vectorized(W, X, y, reg):
    N = X.shape[0]
    scores = X.dot(W)
    scores -= np.max(scores, axis=1, keepdims=True)
    probs = np.exp(scores)
    probs /= np.sum(probs, axis=1, keepdims=True)

    eps = 1e-12   # avoid log(0) if a probability underflows
    loss = -np.sum(np.log(probs[np.arange(N), y] + eps)) / N
    loss += reg * np.sum(W * W)

    probs[np.arange(N), y] -= 1
    dW = X.T.dot(probs) / N + 2 * reg * W
    return loss, dW
