"""Uses np.mean over the whole (N, C) matrix, so loss and gradient are divided by N*C instead of N.

function: softmax_loss_vectorized
expect: test_softmax_loss_vectorized_value, test_softmax_loss_vectorized_gradient
"""
import numpy as np


def softmax_loss_vectorized(W, X, y, reg):
    N = X.shape[0]
    C = W.shape[1]
    scores = X @ W
    scores -= scores.max(axis=1, keepdims=True)
    log_probs = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))

    onehot = np.zeros_like(scores)
    onehot[np.arange(N), y] = 1
    # mean of the cross-entropy terms
    loss = -np.mean(onehot * log_probs) + reg * np.sum(W * W)

    dscores = (np.exp(log_probs) - onehot) / (N * C)
    dW = X.T @ dscores + 2 * reg * W
    return loss, dW
