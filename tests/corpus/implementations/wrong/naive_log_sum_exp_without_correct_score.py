"""Per-sample loss is log(sum_j exp(s_j)) only: the -s_y term is missing.

function: softmax_loss_naive
expect: test_softmax_loss_naive_value
"""
import numpy as np


def softmax_loss_naive(W, X, y, reg):
    loss = 0.0
    dW = np.zeros_like(W)
    num_train = X.shape[0]
    num_classes = W.shape[1]
    for i in range(num_train):
        scores = X[i].dot(W)
        m = np.max(scores)
        sum_exp = 0.0
        for j in range(num_classes):
            sum_exp += np.exp(scores[j] - m)
        loss += m + np.log(sum_exp)
        for j in range(num_classes):
            p = np.exp(scores[j] - m) / sum_exp
            dW[:, j] += p * X[i]
            if j == y[i]:
                dW[:, j] -= X[i]
    loss /= num_train
    dW /= num_train
    loss += reg * np.sum(W * W)
    dW += 2 * reg * W
    return loss, dW
