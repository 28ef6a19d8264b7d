"""Shared fixtures: one small synthetic CIFAR-10, written once per session."""

import pickle
import shutil

import matplotlib
import pytest

# Before anything imports pyplot: tests draw figures without a display.
matplotlib.use("Agg")

from assignment import cifar10, data  # noqa: E402


@pytest.fixture(scope="session")
def synthetic_dir(tmp_path_factory):
    """A small synthetic dataset (5,000 training and 1,000 test images).

    Shared by the whole session: tests must not modify it; use
    ``dataset_copy`` for that.
    """
    return cifar10.synthesize(tmp_path_factory.mktemp("cifar") / cifar10.FOLDER_NAME)


@pytest.fixture
def dataset_copy(synthetic_dir, tmp_path):
    """A private copy of the synthetic dataset that a test may break."""
    return shutil.copytree(synthetic_dir, tmp_path / cifar10.FOLDER_NAME)


@pytest.fixture(scope="session")
def splits(synthetic_dir):
    """``load_splits`` of the shared synthetic dataset, default sizes."""
    return data.load_splits(synthetic_dir)


@pytest.fixture
def real_looking_copy(dataset_copy):
    """A copy whose first batch_label is the real one, so it reads as real data."""
    path = dataset_copy / "data_batch_1"
    with open(path, "rb") as f:
        batch = pickle.load(f, encoding="bytes")
    batch[b"batch_label"] = b"training batch 1 of 5"
    with open(path, "wb") as f:
        pickle.dump(batch, f, protocol=2)
    return dataset_copy
