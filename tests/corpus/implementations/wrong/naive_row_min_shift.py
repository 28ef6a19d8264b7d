"""Subtracts the sample's minimum score instead of its maximum, so exp overflows for widely spread scores.

function: softmax_loss_naive
expect: test_softmax_loss_naive_large_scores
"""
import numpy as np


def softmax_loss_naive(W, X, y, reg):
    loss = 0.0
    dW = np.zeros(W.shape)
    N, C = X.shape[0], W.shape[1]
    for n in range(N):
        f = X[n] @ W
        f = f - np.min(f)
        ef = np.exp(f)
        norm = ef.sum()
        loss += np.log(norm) - f[y[n]]
        for c in range(C):
            dW[:, c] += X[n] * ef[c] / norm
        dW[:, y[n]] -= X[n]
    loss /= N
    dW /= N
    loss += reg * np.sum(W * W)
    dW += 2 * reg * W
    return loss, dW
