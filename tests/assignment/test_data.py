"""Tests for assignment.data: split sizes, preprocessing, the dev subset."""

import numpy as np
import pytest

from assignment import cifar10, data


@pytest.fixture(scope="module")
def images(synthetic_dir):
    """The raw uint8 images and labels, for comparison with the splits."""
    return cifar10.load(synthetic_dir)


def test_split_shapes_and_dtypes(splits):
    """Default sizes on 5,000 + 1,000 images: 4,000 / 1,000 / 1,000 / 500 float32 rows of 3073."""
    expected = {"train": 4000, "val": 1000, "test": 1000, "dev": 500}
    for name, rows in expected.items():
        X, y = splits[f"X_{name}"], splits[f"y_{name}"]
        assert X.shape == (rows, 3073) and X.dtype == np.float32, name
        assert y.shape == (rows,) and y.dtype == np.int64, name
        assert X.flags.c_contiguous
    assert splits["mean_image"].shape == (3072,) and splits["mean_image"].dtype == np.float32
    assert splits["synthetic"] is True
    assert splits["label_names"] == list(cifar10.LABEL_NAMES)
    assert isinstance(splits["data_dir"], str)


def test_bias_column_is_ones(splits):
    """The last column of every split is exactly 1."""
    for name in ("train", "val", "test", "dev"):
        assert np.all(splits[f"X_{name}"][:, -1] == 1.0), name


def test_mean_image_is_the_training_mean_and_is_subtracted(splits, images):
    """mean_image is the mean of the training split only (channels last), and the training pixels average to zero."""
    X_train_raw = images[0].reshape(5000, -1).astype(np.float64)
    np.testing.assert_allclose(splits["mean_image"], X_train_raw[:4000].mean(axis=0), atol=1e-3)
    assert not np.allclose(splits["mean_image"], X_train_raw.mean(axis=0), atol=1e-3)
    np.testing.assert_allclose(splits["X_train"][:, :-1].mean(axis=0), 0, atol=1e-3)


def test_splits_take_the_right_images(splits, images):
    """Training = first images, validation = the next ones, test = first test images, each minus the mean."""
    X_train_raw, y_train_raw, X_test_raw, y_test_raw = images
    flat = X_train_raw.reshape(5000, -1)
    mean = splits["mean_image"]
    # Rows at the start and end of every batch: enough to catch any misrouting.
    rows = np.array([0, 1, 999, 1000, 1999, 2000, 2999, 3000, 3998, 3999])
    for X, y, first in ((splits["X_train"], splits["y_train"], 0),
                        (splits["X_val"], splits["y_val"], 4000)):
        np.testing.assert_array_equal(y, y_train_raw[first:first + len(X)])
        picked = rows[rows < len(X)]
        np.testing.assert_allclose(X[picked, :-1] + mean, flat[first + picked], atol=1e-3)
    np.testing.assert_allclose(splits["X_test"][rows[:3], :-1] + mean,
                               X_test_raw[rows[:3]].reshape(3, -1), atol=1e-3)
    np.testing.assert_array_equal(splits["y_test"], y_test_raw)


def test_validation_split_may_span_batches(synthetic_dir, images):
    """A validation split larger than one batch still takes the images right after the training split."""
    s = data.load_splits(synthetic_dir, num_validation=1500, num_test=10, num_dev=5)
    assert s["X_train"].shape == (3500, 3073) and s["X_val"].shape == (1500, 3073)
    assert s["X_test"].shape == (10, 3073) and s["X_dev"].shape == (5, 3073)
    np.testing.assert_array_equal(s["y_val"], images[1][3500:])
    np.testing.assert_allclose(s["X_val"][:, :-1] + s["mean_image"],
                               images[0][3500:].reshape(1500, -1), atol=1e-3)


def test_dev_is_a_subset_of_training(splits):
    """Every dev row is a distinct row of the training split, with its label."""
    train_rows = {row.tobytes(): label for row, label in zip(splits["X_train"], splits["y_train"])}
    dev_keys = [row.tobytes() for row in splits["X_dev"]]
    assert len(set(dev_keys)) == 500
    assert [train_rows[k] for k in dev_keys] == splits["y_dev"].tolist()


def test_dev_depends_on_seed_only(synthetic_dir):
    """The dev subset is fixed by `seed`, ignores NumPy's global random state, and leaves it unchanged."""
    np.random.seed(1)
    state = np.random.get_state()[1].copy()
    a = data.load_splits(synthetic_dir, seed=7)
    np.testing.assert_array_equal(np.random.get_state()[1], state)
    np.random.seed(2)
    b = data.load_splits(synthetic_dir, seed=7)
    c = data.load_splits(synthetic_dir, seed=8)
    np.testing.assert_array_equal(a["X_dev"], b["X_dev"])
    np.testing.assert_array_equal(a["y_dev"], b["y_dev"])
    assert not np.array_equal(a["y_dev"], c["y_dev"])


@pytest.mark.parametrize("kwargs, message", [
    ({"num_validation": 5000}, "num_validation=5000"),
    ({"num_validation": -1}, "num_validation=-1"),
    ({"num_test": 1001}, "num_test=1001"),
    ({"num_dev": 4001}, "num_dev=4001"),
])
def test_sizes_that_do_not_fit_are_rejected(synthetic_dir, kwargs, message):
    """Split sizes larger than the data are rejected with the size and the folder."""
    with pytest.raises(ValueError, match=message):
        data.load_splits(synthetic_dir, **kwargs)


def test_default_folder_comes_from_cifar10_dir(synthetic_dir, monkeypatch):
    """Without data_dir, load_splits reads $CIFAR10_DIR."""
    monkeypatch.setenv("CIFAR10_DIR", str(synthetic_dir))
    s = data.load_splits(num_test=1, num_dev=1)
    assert s["data_dir"] == str(synthetic_dir)


def test_missing_data_raises_dataset_error(tmp_path):
    """A missing folder gives the dataset error that says how to get the data."""
    with pytest.raises(cifar10.DatasetError, match="synthesize"):
        data.load_splits(tmp_path / "none")


def test_describe_says_where_and_what(splits):
    """describe() names the folder, flags synthetic data and gives every split's shape."""
    text = data.describe(splits)
    assert splits["data_dir"] in text
    assert "SYNTHETIC" in text
    for shape in ("(4000, 3073)", "(1000, 3073)", "(500, 3073)", "(4000,)"):
        assert shape in text
    real = data.describe({**splits, "synthetic": False})
    assert real.startswith("real CIFAR-10 from") and "SYNTHETIC" not in real


def test_synthetic_flag_follows_the_batch_labels(splits, real_looking_copy):
    """`synthetic` is True for synthesized data and False when the batch labels are the real ones."""
    assert splits["synthetic"] is True
    real = data.load_splits(real_looking_copy, num_test=1, num_dev=1)
    assert real["synthetic"] is False
    assert data.describe(real).startswith("real CIFAR-10 from")


def test_load_validation_matches_load_splits(synthetic_dir, splits):
    """The streaming validation loader gives exactly load_splits' validation split."""
    from assignment.data import load_validation

    X_val, y_val, synthetic = load_validation(synthetic_dir)
    assert np.array_equal(X_val, splits["X_val"]) and np.array_equal(y_val, splits["y_val"])
    assert synthetic is True
