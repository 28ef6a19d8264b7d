"""Leaves the bias (last) row of W out of the regularization, in loss and gradient.

function: softmax_loss_vectorized
expect: test_softmax_loss_vectorized_regularization
"""
import numpy as np


def softmax_loss_vectorized(W, X, y, reg):
    num_train = X.shape[0]
    scores = X.dot(W)
    scores -= np.max(scores, axis=1, keepdims=True)
    exp_scores = np.exp(scores)
    probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)

    loss = np.sum(-np.log(probs[np.arange(num_train), y])) / num_train
    # the last row of W multiplies the bias column of ones: don't regularize the bias
    loss += reg * np.sum(W[:-1] * W[:-1])

    dscores = probs
    dscores[np.arange(num_train), y] -= 1
    dW = X.T.dot(dscores) / num_train
    dW[:-1] += 2 * reg * W[:-1]
    return loss, dW
