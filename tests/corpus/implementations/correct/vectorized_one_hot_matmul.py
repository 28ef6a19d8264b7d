"""Builds a one-hot label matrix, multiplies it with the (finite) log-softmax and returns the numpy scalar loss as is.

function: softmax_loss_vectorized
expect: full
"""
import numpy as np


def softmax_loss_vectorized(W, X, y, reg):
    num_train = X.shape[0]
    num_classes = W.shape[1]

    scores = X.dot(W)
    scores -= np.max(scores, axis=1, keepdims=True)
    # log of the softmax without ever taking log of an underflowed probability
    log_probs = scores - np.log(np.sum(np.exp(scores), axis=1, keepdims=True))

    # Y[i, c] = 1 if sample i has label c
    Y = np.zeros((num_train, num_classes))
    Y[np.arange(num_train), y] = 1.0

    loss = -np.sum(Y * log_probs) / num_train
    loss += reg * np.sum(W * W)

    dW = X.T.dot(np.exp(log_probs) - Y) / num_train
    dW += 2 * reg * W
    return loss, dW
