"""Casts everything to float16 "to save memory": loss and gradient lose most of their digits.

function: softmax_loss_vectorized
expect: test_softmax_loss_vectorized_value, test_softmax_loss_vectorized_gradient
"""
import numpy as np


def softmax_loss_vectorized(W, X, y, reg):
    W16 = W.astype(np.float16)
    X16 = X.astype(np.float16)
    N = X16.shape[0]

    scores = X16.dot(W16)
    scores -= scores.max(axis=1, keepdims=True)
    exp_scores = np.exp(scores)
    probs = exp_scores / exp_scores.sum(axis=1, keepdims=True)

    loss = -np.log(probs[np.arange(N), y]).mean() + reg * np.sum(W16 * W16)

    probs[np.arange(N), y] -= 1
    dW = X16.T.dot(probs) / N + 2 * reg * W16
    return float(loss), dW
