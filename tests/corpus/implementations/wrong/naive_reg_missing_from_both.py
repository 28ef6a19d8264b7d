"""Never applies the regularization: neither the loss term nor the gradient term.

function: softmax_loss_naive
expect: test_softmax_loss_naive_regularization
"""
import numpy as np


def softmax_loss_naive(W, X, y, reg):
    """Softmax loss with loops. W: (D, C), X: (N, D), y: (N,)."""
    loss = 0.0
    dW = np.zeros_like(W)
    num_train = X.shape[0]
    num_classes = W.shape[1]
    for i in range(num_train):
        s = X[i].dot(W)
        s = s - s.max()
        e = np.exp(s)
        p = e / e.sum()
        loss += -np.log(p[y[i]])
        for j in range(num_classes):
            if j == y[i]:
                dW[:, j] += (p[j] - 1) * X[i]
            else:
                dW[:, j] += p[j] * X[i]
    loss /= num_train
    dW /= num_train
    return loss, dW
