"""Applies np.exp to each sample's score vector, then loops over classes only for the gradient.

function: softmax_loss_naive
expect: full
"""
import numpy as np


def softmax_loss_naive(W, X, y, reg):
    loss = 0.0
    dW = np.zeros_like(W)
    N = X.shape[0]
    C = W.shape[1]

    for i in range(N):
        f = X[i].dot(W)
        f -= np.max(f)                      # numeric stability
        p = np.exp(f) / np.sum(np.exp(f))   # softmax of sample i
        loss += -np.log(p[y[i]])
        for k in range(C):
            dW[:, k] += (p[k] - (k == y[i])) * X[i]

    loss = loss / N + reg * np.sum(W * W)
    dW = dW / N + 2 * reg * W
    return loss, dW
