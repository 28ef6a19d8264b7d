"""Computes in the input dtype (float32 stays float32) and returns dW with W's dtype.

function: softmax_loss_vectorized
expect: full
"""
import numpy as np


def softmax_loss_vectorized(W, X, y, reg):
    dtype = np.result_type(W, X)
    num_train = X.shape[0]

    scores = X.dot(W).astype(dtype, copy=False)
    scores -= scores.max(axis=1, keepdims=True)
    exp_scores = np.exp(scores)
    probs = exp_scores / exp_scores.sum(axis=1, keepdims=True)

    loss = -np.log(probs[np.arange(num_train), y]).sum() / dtype.type(num_train)
    loss += dtype.type(reg) * np.sum(W * W)

    probs[np.arange(num_train), y] -= 1
    dW = (X.T.dot(probs) / dtype.type(num_train) + dtype.type(2 * reg) * W).astype(W.dtype, copy=False)
    return loss, dW
