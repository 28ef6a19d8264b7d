"""Starts the gradient with dW = W (meant a fresh array), so += writes into the caller's W and dW is offset by W.

function: softmax_loss_naive
expect: test_softmax_loss_naive_inputs_unchanged, test_softmax_loss_naive_gradient
"""
import numpy as np


def softmax_loss_naive(W, X, y, reg):
    loss = 0.0
    dW = W               # gradient has the same shape as W
    num_train = X.shape[0]
    num_classes = W.shape[1]
    reg_loss = reg * np.sum(W * W)
    scores_all = X.dot(W)
    for i in range(num_train):
        scores = scores_all[i] - np.max(scores_all[i])
        probs = np.exp(scores) / np.sum(np.exp(scores))
        loss += -np.log(probs[y[i]])
        for j in range(num_classes):
            dW[:, j] += (probs[j] - (j == y[i])) * X[i] / num_train
    loss = loss / num_train + reg_loss
    dW += 2 * reg * W
    return loss, dW
