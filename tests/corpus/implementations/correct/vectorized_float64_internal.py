"""Casts W and X to float64 internally, so float32 inputs get a float64 loss and gradient.

function: softmax_loss_vectorized
expect: full
"""
import numpy as np


def softmax_loss_vectorized(W, X, y, reg):
    W64 = W.astype(np.float64)
    X64 = X.astype(np.float64)
    num_train = X64.shape[0]

    scores = X64.dot(W64)
    scores -= scores.max(axis=1, keepdims=True)
    exp_scores = np.exp(scores)
    probs = exp_scores / exp_scores.sum(axis=1, keepdims=True)

    loss = -np.log(probs[np.arange(num_train), y]).mean()
    loss += reg * np.sum(W64 ** 2)

    probs[np.arange(num_train), y] -= 1.0
    dW = X64.T.dot(probs) / num_train + 2.0 * reg * W64
    return loss, dW
