"""Shared fixtures: a small synthetic CIFAR-10 in the real on-disk format, made once."""
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # tests run from a clean clone without an install too
    sys.path.insert(0, str(REPO))


@pytest.fixture(scope="session")
def synthetic_cifar(tmp_path_factory):
    """Folder of a small synthetic dataset (5,000 train + 1,000 test images)."""
    from assignment import cifar10

    folder = tmp_path_factory.mktemp("cifar") / "cifar-10-batches-py"
    cifar10.synthesize(folder)
    return folder
