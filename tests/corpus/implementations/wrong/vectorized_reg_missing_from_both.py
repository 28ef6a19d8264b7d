"""No regularization at all: reg is accepted but never used.

function: softmax_loss_vectorized
expect: test_softmax_loss_vectorized_regularization
"""
import numpy as np


def softmax_loss_vectorized(W, X, y, reg):
    N = X.shape[0]
    scores = X.dot(W)
    scores -= scores.max(axis=1)[:, np.newaxis]
    exp_s = np.exp(scores)
    p = exp_s / exp_s.sum(axis=1)[:, np.newaxis]
    loss = -np.log(p[np.arange(N), y]).mean()
    p[np.arange(N), y] -= 1
    dW = X.T.dot(p) / N
    return loss, dW
