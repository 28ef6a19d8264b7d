"""Adds the regularization gradient 2*reg*W but forgets reg*sum(W**2) in the loss.

function: softmax_loss_vectorized
expect: test_softmax_loss_vectorized_regularization
"""
import numpy as np


def softmax_loss_vectorized(W, X, y, reg):
    n_samples = X.shape[0]
    logits = X.dot(W)
    logits -= logits.max(axis=1, keepdims=True)
    exp_logits = np.exp(logits)
    softmax = exp_logits / exp_logits.sum(axis=1, keepdims=True)

    loss = -np.log(softmax[np.arange(n_samples), y]).mean()

    softmax[np.arange(n_samples), y] -= 1
    dW = X.T.dot(softmax) / n_samples + 2 * reg * W
    return loss, dW
