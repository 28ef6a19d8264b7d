"""Uses the 0.5*reg*sum(W**2) convention (gradient reg*W) instead of the assignment's reg*sum(W**2).

function: softmax_loss_vectorized
expect: test_softmax_loss_vectorized_regularization
"""
import numpy as np


def softmax_loss_vectorized(W, X, y, reg):
    num_train = X.shape[0]
    scores = X.dot(W)
    scores -= np.max(scores, axis=1, keepdims=True)
    exp_scores = np.exp(scores)
    probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)

    data_loss = np.sum(-np.log(probs[np.arange(num_train), y])) / num_train
    reg_loss = 0.5 * reg * np.sum(W * W)   # the 1/2 makes the derivative nicer
    loss = data_loss + reg_loss

    dscores = probs
    dscores[np.arange(num_train), y] -= 1
    dscores /= num_train
    dW = X.T.dot(dscores) + reg * W
    return loss, dW
