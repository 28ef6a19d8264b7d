"""Folds the 1/N into X with X /= N, which changes the caller's data array.

function: softmax_loss_vectorized
expect: test_softmax_loss_vectorized_inputs_unchanged
"""
import numpy as np


def softmax_loss_vectorized(W, X, y, reg):
    num_train = X.shape[0]
    scores = X.dot(W)
    scores -= np.max(scores, axis=1, keepdims=True)
    exp_scores = np.exp(scores)
    probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)

    loss = np.sum(-np.log(probs[np.arange(num_train), y])) / num_train
    loss += reg * np.sum(W * W)

    probs[np.arange(num_train), y] -= 1
    X /= num_train             # cheaper than dividing the (D, C) result
    dW = X.T.dot(probs) + 2 * reg * W
    return loss, dW
