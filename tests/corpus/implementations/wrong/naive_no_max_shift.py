"""Forgot to subtract the maximum score before exp: overflows for large scores.

function: softmax_loss_naive
expect: test_softmax_loss_naive_large_scores
"""
import numpy as np


def softmax_loss_naive(W, X, y, reg):
    loss = 0.0
    dW = np.zeros_like(W)
    num_train = X.shape[0]
    num_classes = W.shape[1]

    for i in range(num_train):
        scores = X[i].dot(W)
        exp_scores = np.exp(scores)
        total = np.sum(exp_scores)
        loss += -np.log(exp_scores[y[i]] / total)
        for j in range(num_classes):
            p_j = exp_scores[j] / total
            if j == y[i]:
                dW[:, j] += (p_j - 1) * X[i]
            else:
                dW[:, j] += p_j * X[i]

    loss /= num_train
    dW /= num_train
    loss += reg * np.sum(W * W)
    dW += 2 * reg * W
    return loss, dW
