"""Averages over the number of classes C instead of the number of samples N.

function: softmax_loss_vectorized
expect: test_softmax_loss_vectorized_value, test_softmax_loss_vectorized_gradient
"""
import numpy as np


def softmax_loss_vectorized(W, X, y, reg):
    num_train, dim = X.shape
    num_classes = W.shape[1]

    scores = X.dot(W)
    scores -= np.max(scores, axis=1, keepdims=True)
    exp_scores = np.exp(scores)
    probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)

    loss = -np.sum(np.log(probs[np.arange(num_train), y]))
    loss /= num_classes
    loss += reg * np.sum(W * W)

    probs[np.arange(num_train), y] -= 1
    dW = X.T.dot(probs) / num_classes
    dW += 2 * reg * W
    return loss, dW
