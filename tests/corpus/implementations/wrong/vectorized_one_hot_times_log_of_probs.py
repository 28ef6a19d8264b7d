"""Loss as -sum(onehot * log(probs)): a probability that underflows to 0 gives 0 * -inf = nan.

function: softmax_loss_vectorized
expect: test_softmax_loss_vectorized_large_scores
"""
import numpy as np


def softmax_loss_vectorized(W, X, y, reg):
    num_train = X.shape[0]
    num_classes = W.shape[1]

    scores = X.dot(W)
    scores -= np.max(scores, axis=1, keepdims=True)
    exp_scores = np.exp(scores)
    probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)

    # Y[i, c] = 1 if sample i has label c
    Y = np.zeros((num_train, num_classes))
    Y[np.arange(num_train), y] = 1.0

    loss = -np.sum(Y * np.log(probs)) / num_train
    loss += reg * np.sum(W * W)

    dW = X.T.dot(probs - Y) / num_train
    dW += 2 * reg * W
    return loss, dW
