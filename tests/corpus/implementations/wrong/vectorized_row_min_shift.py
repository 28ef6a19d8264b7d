"""Subtracts each row's minimum instead of its maximum, so exp overflows when a row spreads over more than ~709.

function: softmax_loss_vectorized
expect: test_softmax_loss_vectorized_large_scores
"""
import numpy as np


def softmax_loss_vectorized(W, X, y, reg):
    n = X.shape[0]
    s = X.dot(W)
    s -= s.min(axis=1, keepdims=True)   # make all scores non-negative
    exps = np.exp(s)
    probs = exps / exps.sum(axis=1, keepdims=True)

    loss = -np.log(probs[range(n), y]).sum() / n
    loss += reg * np.sum(W * W)

    grad_scores = probs
    grad_scores[range(n), y] -= 1.0
    dW = X.T.dot(grad_scores) / n + 2 * reg * W
    return loss, dW
