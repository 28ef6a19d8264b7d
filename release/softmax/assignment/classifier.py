"""Linear classifiers trained by minibatch stochastic gradient descent.

The loss function is yours: pass it in, and these classes do the rest
(initialisation, sampling minibatches, updating W, predicting).

Shapes: N samples, D dimensions (3073 for CIFAR-10 rows with a bias
column), C classes.
"""

import numpy as np
from tqdm import tqdm


class LinearClassifier:
    """A linear classifier, scores = X @ W, trained with a given loss.

    Parameters
    ----------
    loss_fn : callable
        ``loss_fn(W, X, y, reg) -> (loss, dW)`` with W (D, C), X (B, D),
        y (B,) ints in 0..C-1, reg a float; loss a float and dW (D, C) its
        gradient with respect to W.

    Attributes
    ----------
    W : ndarray (D, C) or None
        The weights; None until :meth:`train` first runs. Training again
        continues from the current W.
    """

    def __init__(self, loss_fn):
        if not callable(loss_fn):
            raise TypeError(
                f"loss_fn must be a function (W, X, y, reg) -> (loss, dW), "
                f"got {type(loss_fn).__name__}."
            )
        self.loss_fn = loss_fn
        self.W = None

    def train(self, X, y, learning_rate=1e-3, reg=1e-5, num_iters=100,
              batch_size=200, seed=0, progress=True):
        """Train W by minibatch SGD.

        Each iteration draws batch_size rows of X at random (with
        replacement), evaluates the loss and gradient on them, and steps
        W -= learning_rate * dW.

        Parameters
        ----------
        X : float ndarray (N, D)
        y : int ndarray (N,)
            Labels in 0..C-1; C is taken as max(y) + 1 when W is created.
        learning_rate : float
        reg : float
            Regularization strength, passed to the loss function.
        num_iters : int
        batch_size : int
        seed : int
            Seeds a generator of its own for the initial W and the
            minibatches, so runs are repeatable and NumPy's global random
            state is neither used nor changed.
        progress : bool
            Show a progress bar.

        Returns
        -------
        list of float
            The minibatch loss at every iteration.

        Raises
        ------
        FloatingPointError
            If the loss becomes nan or infinite.
        """
        X = np.asarray(X)
        y = np.asarray(y)
        if not np.issubdtype(X.dtype, np.floating):
            raise TypeError(
                f"X must be a float array, got {X.dtype}; convert it with "
                "X.astype(np.float32)."
            )
        if X.ndim != 2 or y.shape != (X.shape[0],):
            raise ValueError(
                f"expected X (N, D) and y (N,), got X {X.shape} and y {y.shape}."
            )
        num_train, dim = X.shape
        rng = np.random.default_rng(seed)
        if self.W is None:
            num_classes = int(y.max()) + 1
            # Small random weights: the scores start near zero, all classes
            # about equally likely, and no two columns are identical.
            self.W = (0.001 * rng.standard_normal((dim, num_classes))).astype(X.dtype)
        elif self.W.shape[0] != dim:
            raise ValueError(
                f"X has {dim} columns but W was trained for {self.W.shape[0]}; "
                "make a new classifier for data of a different width."
            )

        losses = []
        bar = tqdm(range(num_iters), desc="training", unit="it", disable=not progress)
        for it in bar:
            rows = rng.integers(0, num_train, batch_size)
            loss, dW = self.loss_fn(self.W, X[rows], y[rows], reg)
            loss = float(loss)
            if not np.isfinite(loss):
                bar.close()
                raise FloatingPointError(
                    f"the loss became {loss} at iteration {it} with "
                    f"learning_rate={learning_rate} and reg={reg}: the learning "
                    "rate is probably too large (try 10 times smaller), or the "
                    "loss function overflows."
                )
            self.W -= learning_rate * dW
            losses.append(loss)
            if it % 10 == 0:
                bar.set_postfix(loss=f"{loss:.4f}", refresh=False)
        bar.close()
        return losses

    def predict(self, X):
        """Predict labels as the class of highest score.

        Parameters
        ----------
        X : float ndarray (N, D)

        Returns
        -------
        int ndarray (N,)
            Predicted classes in 0..C-1.
        """
        if self.W is None:
            raise RuntimeError("this classifier has no weights yet; call train() first.")
        return np.argmax(np.asarray(X) @ self.W, axis=1)

    def accuracy(self, X, y):
        """Return the fraction of rows of X whose predicted class is y.

        Parameters
        ----------
        X : float ndarray (N, D)
        y : int ndarray (N,)

        Returns
        -------
        float
            In 0..1.
        """
        return float(np.mean(self.predict(X) == np.asarray(y)))


class Softmax(LinearClassifier):
    """A linear classifier trained with a softmax (cross-entropy) loss.

    Pass your softmax loss function: ``Softmax(softmax_loss_vectorized)``.
    Nothing here checks that the function really is a softmax loss; this
    class only names the intent (see :class:`LinearClassifier`).
    """
