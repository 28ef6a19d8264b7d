"""CIFAR-10 splits ready for a linear classifier.

:func:`load_splits` turns the batch files into float32 design matrices: each
image flattened to a row of D = 3072 pixel values (32 x 32 x 3, channels
last), the mean training image subtracted, and a column of ones appended so
that the last row of W acts as the bias. Rows are therefore 3073 long.
"""

import numpy as np

from . import cifar10

# Rows converted from uint8 at a time: bounds the scratch memory to a few MB.
_CHUNK_ROWS = 1000


def _fill_rows(out, data, mean_image):
    """Write mean-subtracted float32 pixels and a bias of 1 into ``out``.

    ``data`` is uint8 (n, 3072), channel-major as stored; ``out`` is float32
    (n, 3073). Working in chunks avoids float64 (or even full float32)
    copies of the whole batch.
    """
    for start in range(0, len(data), _CHUNK_ROWS):
        rows = slice(start, start + _CHUNK_ROWS)
        pixels = cifar10.channel_major_to_images(data[rows]).reshape(len(data[rows]), -1)
        np.subtract(pixels, mean_image, out=out[rows, :-1], dtype=np.float32)
    out[:, -1] = 1.0


def load_splits(data_dir=None, num_validation=1000, num_test=1000, num_dev=500, seed=0):
    """Load CIFAR-10 as training, validation, test and dev splits.

    Of the N training images in the files (50,000 for the real data), the
    first N - num_validation are the training split and the next
    num_validation the validation split. The test split is the first num_test
    test images. The dev split is a random subset of the training split, small
    enough to develop and debug a loss function quickly.

    Shapes: D = 3073 (3072 pixel values and a bias of 1); N_train, N_val,
    N_test, N_dev rows for the four splits.

    Parameters
    ----------
    data_dir : str or pathlib.Path, optional
        The ``cifar-10-batches-py`` folder (real or synthetic). Default:
        :func:`assignment.cifar10.default_data_dir`.
    num_validation, num_test, num_dev : int
        Split sizes.
    seed : int
        Picks the dev subset with its own random generator, so the split does
        not depend on (or change) NumPy's global random state.

    Returns
    -------
    dict
        ``X_train`` float32 (N_train, D), ``y_train`` int64 (N_train,),
        ``X_val`` (N_val, D), ``y_val``, ``X_test`` (N_test, D), ``y_test``,
        ``X_dev`` (N_dev, D), ``y_dev``; ``mean_image`` float32 (3072,), the
        mean training row that was subtracted; ``data_dir`` str;
        ``synthetic`` bool; ``label_names`` list of 10 str.

    Raises
    ------
    assignment.cifar10.DatasetError
        If the data is missing or invalid (see :func:`assignment.cifar10.load`).
    ValueError
        If the split sizes do not fit the data.
    """
    data_dir = cifar10.default_data_dir() if data_dir is None else data_dir
    names = cifar10.label_names(data_dir)
    # Keep the uint8 batches as stored (150 MB for the real data) and free
    # each one as soon as its rows are converted: with the float32 result
    # (about 630 MB) that keeps the peak well under 1 GB.
    batches = list(cifar10.iter_batches(data_dir, "train"))
    synthetic = cifar10.is_synthetic_label(batches[0][2])
    batches = [(data, labels) for data, labels, _ in batches]
    num_total = sum(len(labels) for _, labels in batches)
    num_train = num_total - num_validation
    if num_validation < 0 or num_train < 1:
        raise ValueError(
            f"num_validation={num_validation} does not fit the {num_total} "
            f"training images in {data_dir}; choose 0 <= num_validation < {num_total}."
        )
    if not 0 <= num_dev <= num_train:
        raise ValueError(
            f"num_dev={num_dev} is more than the {num_train} images of the "
            "training split; choose a smaller num_dev."
        )

    (test_data, test_labels, _), = cifar10.iter_batches(data_dir, "test")
    if not 0 <= num_test <= len(test_labels):
        raise ValueError(
            f"num_test={num_test} does not fit the {len(test_labels)} test "
            f"images in {data_dir}; choose 0 <= num_test <= {len(test_labels)}."
        )

    # The mean is taken over the training split only; the validation images
    # must not influence preprocessing, as the test images must not.
    total = np.zeros(cifar10.NUM_VIS, dtype=np.float64)
    offset = 0
    for data, _ in batches:
        take = max(0, min(len(data), num_train - offset))
        total += data[:take].sum(axis=0, dtype=np.float64)
        offset += len(data)
    mean_stored = (total / num_train).astype(np.float32)
    mean_image = cifar10.channel_major_to_images(mean_stored[None]).reshape(-1).copy()

    width = cifar10.NUM_VIS + 1
    # The test split first, so its batch is freed before the large training
    # matrix fills up.
    X_test = np.empty((num_test, width), dtype=np.float32)
    _fill_rows(X_test, test_data[:num_test], mean_image)
    y_test = test_labels[:num_test].copy()
    del test_data, test_labels

    X_train = np.empty((num_train, width), dtype=np.float32)
    y_train = np.empty(num_train, dtype=np.int64)
    X_val = np.empty((num_validation, width), dtype=np.float32)
    y_val = np.empty(num_validation, dtype=np.int64)
    offset = 0
    while batches:
        data, labels = batches.pop(0)
        n = len(labels)
        # Rows [offset, offset + n) of the whole training set: route each
        # part to the training or the validation split.
        cut = max(0, min(n, num_train - offset))
        if cut:
            _fill_rows(X_train[offset:offset + cut], data[:cut], mean_image)
            y_train[offset:offset + cut] = labels[:cut]
        if cut < n:
            start = offset + cut - num_train
            _fill_rows(X_val[start:start + n - cut], data[cut:], mean_image)
            y_val[start:start + n - cut] = labels[cut:]
        offset += n
        del data, labels

    rng = np.random.default_rng(seed)
    dev_rows = rng.choice(num_train, num_dev, replace=False)
    return {
        "X_train": X_train, "y_train": y_train,
        "X_val": X_val, "y_val": y_val,
        "X_test": X_test, "y_test": y_test,
        "X_dev": X_train[dev_rows], "y_dev": y_train[dev_rows],
        "mean_image": mean_image,
        "data_dir": str(data_dir),
        "synthetic": synthetic,
        "label_names": names,
    }


def load_validation(data_dir=None, num_validation=1000):
    """Only the validation split, preprocessed exactly as :func:`load_splits` does it.

    Streams the training batches one at a time to take the mean image, so it needs a few
    tens of MB where :func:`load_splits` needs the whole training matrix: for scoring saved
    weights without loading everything.

    Returns
    -------
    X_val : ndarray, float32 (num_validation, 3073)
    y_val : ndarray, int64 (num_validation,)
    synthetic : bool
    """
    data_dir = cifar10.default_data_dir() if data_dir is None else data_dir
    counts, synthetic = [], False
    for data, labels, label in cifar10.iter_batches(data_dir, "train"):
        counts.append(len(labels))
        synthetic = synthetic or cifar10.is_synthetic_label(label)
    num_train = sum(counts) - num_validation
    if num_validation < 1 or num_train < 1:
        raise ValueError(f"num_validation={num_validation} does not fit the {sum(counts)} "
                         f"training images in {data_dir}.")
    total = np.zeros(cifar10.NUM_VIS, dtype=np.float64)
    X_val = np.empty((num_validation, cifar10.NUM_VIS + 1), dtype=np.float32)
    y_val = np.empty(num_validation, dtype=np.int64)
    offset, tail = 0, []
    for data, labels, _ in cifar10.iter_batches(data_dir, "train"):
        take = max(0, min(len(data), num_train - offset))
        total += data[:take].sum(axis=0, dtype=np.float64)
        if take < len(data):
            tail.append((data[take:].copy(), labels[take:].copy()))
        offset += len(data)
    mean_stored = (total / num_train).astype(np.float32)
    mean_image = cifar10.channel_major_to_images(mean_stored[None]).reshape(-1).copy()
    start = 0
    for data, labels in tail:
        _fill_rows(X_val[start:start + len(data)], data, mean_image)
        y_val[start:start + len(data)] = labels
        start += len(data)
    return X_val, y_val, synthetic


def describe(splits):
    """Summarize the result of :func:`load_splits` in a few lines.

    Parameters
    ----------
    splits : dict
        As returned by :func:`load_splits`.

    Returns
    -------
    str
        Where the data came from, whether it is real or synthetic, and the
        shape and dtype of each split.
    """
    kind = ("SYNTHETIC stand-in (results say nothing about real CIFAR-10)"
            if splits["synthetic"] else "real CIFAR-10")
    lines = [f"{kind} from {splits['data_dir']}"]
    for name in ("train", "val", "test", "dev"):
        X, y = splits[f"X_{name}"], splits[f"y_{name}"]
        lines.append(f"  X_{name + ':':6} {str(X.shape):14} {X.dtype}   "
                     f"y_{name + ':':6} {str(y.shape):9} {y.dtype}")
    lines.append("  rows: pixels minus the mean training image, then a bias column of ones")
    return "\n".join(lines)
