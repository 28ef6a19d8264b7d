"""Indexes probs[:, y] instead of probs[np.arange(N), y]: takes every row's value at every label.

function: softmax_loss_vectorized
expect: test_softmax_loss_vectorized_value, test_softmax_loss_vectorized_gradient
"""
import numpy as np


def softmax_loss_vectorized(W, X, y, reg):
    num_train = X.shape[0]
    scores = X.dot(W)
    scores -= np.max(scores, axis=1, keepdims=True)
    exp_scores = np.exp(scores)
    probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)

    loss = -np.mean(np.log(probs[:, y]))
    loss += reg * np.sum(W * W)

    dscores = probs.copy()
    dscores[:, y] -= 1
    dW = X.T.dot(dscores) / num_train + 2 * reg * W
    return loss, dW
