"""Uses the math module on Python floats in the loops and returns a Python float loss.

function: softmax_loss_naive
expect: full
"""
import math

import numpy as np


def softmax_loss_naive(W, X, y, reg):
    num_train, num_classes = X.shape[0], W.shape[1]
    total = 0.0
    grad = np.zeros(W.shape)

    for i in range(num_train):
        s = [float(v) for v in X[i].dot(W)]
        top = max(s)
        z = sum(math.exp(v - top) for v in s)
        label = int(y[i])
        total += math.log(z) - (s[label] - top)
        for j in range(num_classes):
            coeff = math.exp(s[j] - top) / z - (1.0 if j == label else 0.0)
            grad[:, j] += coeff * X[i]

    loss = total / num_train + reg * float(np.sum(W * W))
    dW = grad / num_train + 2 * reg * W
    return loss, dW
