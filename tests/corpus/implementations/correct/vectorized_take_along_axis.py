"""Selects the correct-class scores with np.take_along_axis and puts the -1 in with np.put_along_axis.

function: softmax_loss_vectorized
expect: full
"""
import numpy as np


def softmax_loss_vectorized(W, X, y, reg):
    num_train = X.shape[0]
    labels = y.reshape(-1, 1)

    scores = X.dot(W)
    scores = scores - np.max(scores, axis=1, keepdims=True)
    sum_exp = np.sum(np.exp(scores), axis=1, keepdims=True)

    correct_scores = np.take_along_axis(scores, labels, axis=1)
    loss = np.sum(np.log(sum_exp) - correct_scores) / num_train
    loss += reg * np.sum(W * W)

    dscores = np.exp(scores) / sum_exp
    minus_one = np.take_along_axis(dscores, labels, axis=1) - 1
    np.put_along_axis(dscores, labels, minus_one, axis=1)
    dW = X.T.dot(dscores) / num_train + 2 * reg * W
    return loss, dW
