"""Gradient has the wrong sign: uses (Y - P) instead of (P - Y).

function: softmax_loss_vectorized
expect: test_softmax_loss_vectorized_gradient
"""
import numpy as np


def softmax_loss_vectorized(W, X, y, reg):
    N = X.shape[0]
    C = W.shape[1]
    S = X @ W
    S -= S.max(axis=1, keepdims=True)
    P = np.exp(S)
    P /= P.sum(axis=1, keepdims=True)
    Y = np.eye(C)[y]

    loss = -np.sum(Y * np.log(P)) / N + reg * np.sum(W * W)
    dW = X.T @ (Y - P) / N + 2 * reg * W
    return loss, dW
