"""Shifts every sample by the maximum over ALL scores instead of that sample's own maximum.

function: softmax_loss_naive
expect: test_softmax_loss_naive_large_scores
"""
import numpy as np


def softmax_loss_naive(W, X, y, reg):
    loss = 0.0
    dW = np.zeros_like(W)
    num_train = X.shape[0]
    num_classes = W.shape[1]

    # largest score anywhere, used for numerical stability
    max_score = np.max(X.dot(W))

    for i in range(num_train):
        scores = X[i].dot(W) - max_score
        exp_scores = np.exp(scores)
        probs = exp_scores / np.sum(exp_scores)
        loss -= np.log(probs[y[i]])
        for j in range(num_classes):
            dW[:, j] += (probs[j] - (j == y[i])) * X[i]

    loss = loss / num_train + reg * np.sum(W * W)
    dW = dW / num_train + 2 * reg * W
    return loss, dW
