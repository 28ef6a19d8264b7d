"""Finished helpers for the softmax-classifier assignment.

Students may read all of this code; none of it contains a solution.

Modules
-------
cifar10
    Download, verify, load and synthesize CIFAR-10 in its on-disk format;
    ``python -m assignment.cifar10`` is its command line.
data
    Training, validation, test and dev splits ready for a linear classifier.
gradient_check
    Numerical gradients and relative errors to test an analytic gradient.
classifier
    Minibatch SGD training for a linear classifier with your loss function.
plots
    Figures: sample images, loss history, hyperparameter search, weights.
answers
    Read a written answer back from the saved notebook.
session
    Tell whether the notebook is being graded by nbgrader.

Submodules are not imported here, so ``import assignment`` stays cheap
(matplotlib, in particular, loads only when ``assignment.plots`` does).
"""
