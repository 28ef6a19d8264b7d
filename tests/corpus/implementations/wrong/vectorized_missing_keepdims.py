"""Divides by the row sums without keepdims, so (N, C) / (N,) broadcasts along the wrong axis (or raises).

function: softmax_loss_vectorized
expect: test_softmax_loss_vectorized_value, test_softmax_loss_vectorized_gradient
"""
import numpy as np


def softmax_loss_vectorized(W, X, y, reg):
    num_train = X.shape[0]
    scores = X.dot(W)
    scores = (scores.T - np.max(scores, axis=1)).T
    exp_scores = np.exp(scores)
    probs = exp_scores / np.sum(exp_scores, axis=1)

    loss = -np.mean(np.log(probs[np.arange(num_train), y]))
    loss += reg * np.sum(W * W)

    probs[np.arange(num_train), y] -= 1
    dW = X.T.dot(probs) / num_train + 2 * reg * W
    return loss, dW
