"""Takes xi = X[i] (a view, not a copy) and scales it in place in the class loop: corrupts the caller's X and the gradient.

function: softmax_loss_naive
expect: test_softmax_loss_naive_inputs_unchanged, test_softmax_loss_naive_gradient
"""
import numpy as np


def softmax_loss_naive(W, X, y, reg):
    loss = 0.0
    dW = np.zeros_like(W)
    num_train = X.shape[0]
    num_classes = W.shape[1]
    for i in range(num_train):
        xi = X[i]
        scores = xi.dot(W)
        scores -= np.max(scores)
        probs = np.exp(scores) / np.sum(np.exp(scores))
        loss += -np.log(probs[y[i]])
        dW[:, y[i]] -= xi
        for j in range(num_classes):
            grad_row = xi
            grad_row *= probs[j]
            dW[:, j] += grad_row
    loss /= num_train
    dW /= num_train
    loss += reg * np.sum(W * W)
    dW += 2 * reg * W
    return loss, dW
