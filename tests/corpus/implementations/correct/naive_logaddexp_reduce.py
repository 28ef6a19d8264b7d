"""Naive loop that gets each sample's log normaliser from np.logaddexp.reduce and returns a numpy scalar.

function: softmax_loss_naive
expect: full
"""
import numpy as np


def softmax_loss_naive(W, X, y, reg):
    loss = np.float64(0.0)
    dW = np.zeros_like(W, dtype=np.float64)
    N = X.shape[0]
    C = W.shape[1]
    for n in range(N):
        s = X[n].dot(W).astype(np.float64)
        log_z = np.logaddexp.reduce(s)
        loss += log_z - s[y[n]]
        for c in range(C):
            prob = np.exp(s[c] - log_z)
            dW[:, c] += (prob - float(c == y[n])) * X[n]
    loss = loss / N + reg * np.sum(W.astype(np.float64) ** 2)
    dW = dW / N + 2 * reg * W
    return loss, dW
