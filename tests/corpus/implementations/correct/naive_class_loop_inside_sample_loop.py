"""Fully naive: loops over classes inside the sample loop for the scores, the normaliser and the gradient.

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
        # scores of sample i, one class at a time
        scores = np.zeros(num_classes)
        for j in range(num_classes):
            scores[j] = X[i].dot(W[:, j])

        # stable normaliser
        max_score = scores[0]
        for j in range(1, num_classes):
            if scores[j] > max_score:
                max_score = scores[j]
        normaliser = 0.0
        for j in range(num_classes):
            normaliser += np.exp(scores[j] - max_score)

        loss += np.log(normaliser) - (scores[y[i]] - max_score)

        for j in range(num_classes):
            p = np.exp(scores[j] - max_score) / normaliser
            if j == y[i]:
                p -= 1.0
            dW[:, j] += p * X[i]

    loss /= num_train
    dW /= num_train

    for d in range(W.shape[0]):
        for j in range(num_classes):
            loss += reg * W[d, j] ** 2
            dW[d, j] += 2 * reg * W[d, j]

    return loss, dW
