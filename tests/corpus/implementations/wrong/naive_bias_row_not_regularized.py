"""Skips the last (bias) row of W when regularizing, in both loss and gradient.

function: softmax_loss_naive
expect: test_softmax_loss_naive_regularization
"""
import numpy as np


def softmax_loss_naive(W, X, y, reg):
    loss = 0.0
    dW = np.zeros_like(W)
    num_train, dim = X.shape
    num_classes = W.shape[1]
    for i in range(num_train):
        scores = X[i].dot(W)
        scores -= np.max(scores)
        probs = np.exp(scores) / np.sum(np.exp(scores))
        loss += -np.log(probs[y[i]])
        for j in range(num_classes):
            dW[:, j] += (probs[j] - (j == y[i])) * X[i]
    loss /= num_train
    dW /= num_train

    # regularize the weights but not the bias row (bias trick puts it last)
    for d in range(dim - 1):
        for j in range(num_classes):
            loss += reg * W[d, j] * W[d, j]
            dW[d, j] += 2 * reg * W[d, j]
    return loss, dW
