"""Still loops over the samples with a for loop inside the "vectorized" version.

function: softmax_loss_vectorized
expect: test_softmax_loss_vectorized_no_loops
"""
import numpy as np


def softmax_loss_vectorized(W, X, y, reg):
    num_train = X.shape[0]
    scores = X.dot(W)
    scores -= np.max(scores, axis=1, keepdims=True)
    probs = np.exp(scores)
    probs /= np.sum(probs, axis=1, keepdims=True)

    loss = 0.0
    dscores = probs.copy()
    for i in range(num_train):
        loss -= np.log(probs[i, y[i]])
        dscores[i, y[i]] -= 1
    loss = loss / num_train + reg * np.sum(W * W)

    dW = X.T.dot(dscores) / num_train + 2 * reg * W
    return loss, dW
