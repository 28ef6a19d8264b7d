"""Verbose step-by-step version with max + log(sum(exp)) and every intermediate named.

function: softmax_loss_vectorized
expect: full
"""
import numpy as np


def softmax_loss_vectorized(W, X, y, reg):
    # Initialize the loss and gradient to zero.
    loss = 0.0
    dW = np.zeros_like(W)

    num_train = X.shape[0]
    sample_index = np.arange(num_train)

    # 1) class scores for every sample, shape (N, C)
    scores = X.dot(W)

    # 2) shift every row so its largest score is 0 (does not change the softmax,
    #    but keeps exp from overflowing)
    row_max = np.max(scores, axis=1, keepdims=True)
    shifted_scores = scores - row_max

    # 3) log of the normaliser of every row
    log_normaliser = np.log(np.sum(np.exp(shifted_scores), axis=1))

    # 4) cross-entropy of every sample: log Z - s_y
    per_sample_loss = log_normaliser - shifted_scores[sample_index, y]

    # 5) average over the samples and add L2 regularization on all of W
    data_loss = np.sum(per_sample_loss) / num_train
    reg_loss = reg * np.sum(W * W)
    loss = data_loss + reg_loss

    # 6) gradient of the scores: softmax probabilities minus the one-hot labels
    probabilities = np.exp(shifted_scores - log_normaliser[:, np.newaxis])
    dscores = probabilities
    dscores[sample_index, y] = dscores[sample_index, y] - 1

    # 7) back through scores = X W, then the regularization
    dW = X.T.dot(dscores) / num_train
    dW = dW + 2 * reg * W

    return loss, dW
