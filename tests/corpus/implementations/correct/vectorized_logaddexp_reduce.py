"""Gets the per-row log-sum-exp from np.logaddexp.reduce instead of max + log(sum(exp)).

function: softmax_loss_vectorized
expect: full
"""
import numpy as np


def softmax_loss_vectorized(W, X, y, reg):
    N = X.shape[0]
    S = X @ W
    log_Z = np.logaddexp.reduce(S, axis=1)          # log sum_j exp(S[i, j]), stable
    correct = S[np.arange(N), y]
    loss = np.mean(log_Z - correct) + reg * np.sum(np.square(W))

    P = np.exp(S - log_Z[:, np.newaxis])
    P[np.arange(N), y] -= 1
    dW = X.T @ P / N + 2 * reg * W
    return loss, dW
