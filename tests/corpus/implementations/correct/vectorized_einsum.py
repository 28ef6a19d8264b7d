"""Computes scores, the regularization and the gradient with np.einsum.

function: softmax_loss_vectorized
expect: full
"""
import numpy as np


def softmax_loss_vectorized(W, X, y, reg):
    n = X.shape[0]
    s = np.einsum('nd,dc->nc', X, W)
    s = s - s.max(axis=1)[:, None]
    e = np.exp(s)
    p = e / e.sum(axis=1)[:, None]

    idx = np.arange(n)
    loss = -np.log(p[idx, y]).mean() + reg * np.einsum('dc,dc->', W, W)

    g = p.copy()
    g[idx, y] -= 1
    dW = np.einsum('nd,nc->dc', X, g) / n + 2 * reg * W
    return loss, dW
