"""Regularization gradient built as reg_grad = W then reg_grad *= 2 * reg: scales the caller's W in place.

function: softmax_loss_vectorized
expect: test_softmax_loss_vectorized_inputs_unchanged
"""
import numpy as np


def softmax_loss_vectorized(W, X, y, reg):
    num_train = X.shape[0]
    scores = X.dot(W)
    scores -= np.max(scores, axis=1, keepdims=True)
    exp_scores = np.exp(scores)
    probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)

    loss = np.sum(-np.log(probs[np.arange(num_train), y])) / num_train
    loss += reg * np.sum(W * W)

    probs[np.arange(num_train), y] -= 1
    dW = X.T.dot(probs) / num_train

    reg_grad = W
    reg_grad *= 2 * reg
    dW += reg_grad
    return loss, dW
