"""Works with the log-softmax via a stable log-sum-exp and returns a Python float loss.

function: softmax_loss_vectorized
expect: full
"""
import numpy as np


def softmax_loss_vectorized(W, X, y, reg):
    """
    Softmax loss, vectorized.

    N samples, D dimensions, C classes.
    W: (D, C), X: (N, D), y: (N,), reg: float. Returns (loss, dW) with dW: (D, C).
    """
    N = X.shape[0]
    scores = X @ W                                   # (N, C)
    m = scores.max(axis=1, keepdims=True)            # (N, 1)
    lse = m + np.log(np.exp(scores - m).sum(axis=1, keepdims=True))
    log_probs = scores - lse                         # log-softmax, (N, C)

    rows = np.arange(N)
    loss = -log_probs[rows, y].sum() / N + reg * np.sum(W * W)

    dscores = np.exp(log_probs)
    dscores[rows, y] -= 1.0
    dW = X.T @ dscores / N + 2.0 * reg * W
    return float(loss), dW
