"""Adds reg*sum(W**2) to the loss but leaves the regularization term out of the gradient.

function: softmax_loss_vectorized
expect: test_softmax_loss_vectorized_regularization
"""
import numpy as np


def softmax_loss_vectorized(W, X, y, reg):
    N = X.shape[0]
    scores = np.dot(X, W)
    scores = scores - np.amax(scores, axis=1, keepdims=True)
    probs = np.exp(scores)
    probs /= np.sum(probs, axis=1, keepdims=True)

    loss = np.mean(-np.log(probs[np.arange(N), y])) + reg * np.sum(W * W)

    probs[np.arange(N), y] -= 1
    dW = np.dot(X.T, probs) / N
    return loss, dW
