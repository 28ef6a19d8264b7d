"""Normalises the softmax over samples (axis=0) instead of over classes (axis=1).

function: softmax_loss_vectorized
expect: test_softmax_loss_vectorized_value, test_softmax_loss_vectorized_gradient
"""
import numpy as np


def softmax_loss_vectorized(W, X, y, reg):
    N = X.shape[0]
    scores = X.dot(W)
    scores -= np.max(scores, axis=0, keepdims=True)
    exp_scores = np.exp(scores)
    probs = exp_scores / np.sum(exp_scores, axis=0, keepdims=True)

    loss = -np.sum(np.log(probs[np.arange(N), y])) / N
    loss += reg * np.sum(W * W)

    dscores = probs.copy()
    dscores[np.arange(N), y] -= 1
    dW = X.T.dot(dscores) / N + 2 * reg * W
    return loss, dW
