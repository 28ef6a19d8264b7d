"""Loss is mean of log(sum_j exp(s_j)) and forgets to subtract the correct-class score s_y.

function: softmax_loss_vectorized
expect: test_softmax_loss_vectorized_value
"""
import numpy as np


def softmax_loss_vectorized(W, X, y, reg):
    N = X.shape[0]
    scores = X.dot(W)
    row_max = np.max(scores, axis=1, keepdims=True)
    shifted = scores - row_max
    # log-sum-exp, computed stably
    lse = row_max[:, 0] + np.log(np.sum(np.exp(shifted), axis=1))
    loss = np.mean(lse) + reg * np.sum(W * W)

    probs = np.exp(shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True)))
    probs[np.arange(N), y] -= 1
    dW = X.T.dot(probs) / N + 2 * reg * W
    return loss, dW
