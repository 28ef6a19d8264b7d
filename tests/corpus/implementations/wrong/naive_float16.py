"""Accumulates loss and gradient in float16 arrays: results are only accurate to about 3 digits.

function: softmax_loss_naive
expect: test_softmax_loss_naive_value, test_softmax_loss_naive_gradient
"""
import numpy as np


def softmax_loss_naive(W, X, y, reg):
    loss = np.float16(0.0)
    dW = np.zeros(W.shape, dtype=np.float16)
    num_train = X.shape[0]
    num_classes = W.shape[1]
    W_h = W.astype(np.float16)
    for i in range(num_train):
        x = X[i].astype(np.float16)
        scores = x.dot(W_h)
        scores -= np.max(scores)
        probs = np.exp(scores) / np.sum(np.exp(scores))
        loss += -np.log(probs[y[i]])
        for j in range(num_classes):
            dW[:, j] += (probs[j] - (j == y[i])) * x
    loss /= num_train
    dW /= num_train
    loss += reg * np.sum(W_h * W_h)
    dW += 2 * reg * W_h
    return loss, dW
