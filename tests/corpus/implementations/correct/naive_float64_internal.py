"""Naive version that copies the inputs to float64 first and accumulates everything in float64.

function: softmax_loss_naive
expect: full
"""
import numpy as np


def softmax_loss_naive(W, X, y, reg):
    W = W.astype(np.float64)   # astype returns a copy: the caller's arrays stay untouched
    X = X.astype(np.float64)
    loss = 0.0
    dW = np.zeros_like(W)
    num_train = X.shape[0]
    num_classes = W.shape[1]

    for i in range(num_train):
        scores = X[i].dot(W)
        scores -= scores.max()
        exp_scores = np.exp(scores)
        denom = exp_scores.sum()
        loss += np.log(denom) - scores[y[i]]
        for j in range(num_classes):
            dW[:, j] += exp_scores[j] / denom * X[i]
        dW[:, y[i]] -= X[i]

    loss /= num_train
    dW /= num_train
    loss += reg * np.sum(W ** 2)
    dW += 2 * reg * W
    return loss, dW
