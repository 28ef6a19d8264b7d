"""Naive loop over samples that adds one outer product x_i (p_i - onehot_i) per sample.

function: softmax_loss_naive
expect: full
"""
import numpy as np


def softmax_loss_naive(W, X, y, reg):
    loss = 0.0
    dW = np.zeros_like(W)
    num_train = X.shape[0]
    num_classes = W.shape[1]

    for i in range(num_train):
        logits = X[i] @ W
        logits = logits - logits.max()
        log_probs = logits - np.log(np.sum(np.exp(logits)))
        loss -= log_probs[y[i]]

        target = np.zeros(num_classes)
        target[y[i]] = 1.0
        dW += np.outer(X[i], np.exp(log_probs) - target)

    loss /= num_train
    dW /= num_train
    loss += reg * np.sum(W * W)
    dW += 2 * reg * W
    return loss, dW
