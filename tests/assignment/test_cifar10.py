"""Tests for assignment.cifar10: format, loading, errors, download, CLI."""

import os
import pickle
import pickletools
import subprocess
import sys
import tarfile
from pathlib import Path

import numpy as np
import pooch
import pytest

from assignment import cifar10
from assignment.cifar10 import DatasetError

REPO_ROOT = Path(__file__).resolve().parents[2]
BATCH_KEYS = {b"batch_label", b"labels", b"data", b"filenames"}


def read_pickle(path):
    with open(path, "rb") as f:
        return pickle.load(f, encoding="bytes")


def write_pickle(path, obj):
    # The standard pickler, so these files do not depend on the package's own.
    with open(path, "wb") as f:
        pickle.dump(obj, f, protocol=2)


def known_image():
    """A (32, 32, 3) uint8 image whose every pixel and channel differs."""
    h, w, c = np.indices((32, 32, 3))
    return ((h * 32 + w) * 3 + c * 101).astype(np.uint8)


# --------------------------------------------------------------------------
# The synthetic files are in the real format
# --------------------------------------------------------------------------

def test_synthetic_batches_have_the_real_keys_and_types(synthetic_dir):
    """Each batch unpickles (encoding='bytes') to a dict of bytes keys with the real value types."""
    for name in cifar10.TRAIN_FILES + (cifar10.TEST_FILE,):
        batch = read_pickle(synthetic_dir / name)
        assert set(batch) == BATCH_KEYS, name
        assert isinstance(batch[b"batch_label"], bytes)
        assert batch[b"batch_label"].startswith(b"synthetic")
        labels = batch[b"labels"]
        assert isinstance(labels, list) and len(labels) == 1000
        assert all(type(v) is int and 0 <= v <= 9 for v in labels)
        data = batch[b"data"]
        assert isinstance(data, np.ndarray)
        assert data.dtype == np.uint8 and data.shape == (1000, 3072)
        names = batch[b"filenames"]
        assert len(names) == 1000 and all(isinstance(n, bytes) for n in names)
    assert read_pickle(synthetic_dir / "data_batch_3")[b"batch_label"] == (
        b"synthetic training batch 3 of 5")


def test_synthetic_meta_matches_the_real_meta(synthetic_dir):
    """batches.meta holds the real keys: class names as bytes, cases per batch, num_vis."""
    meta = read_pickle(synthetic_dir / "batches.meta")
    assert meta == {
        b"label_names": [n.encode() for n in cifar10.LABEL_NAMES],
        b"num_cases_per_batch": 1000,
        b"num_vis": 3072,
    }


def test_synthetic_pickles_are_written_like_python2(synthetic_dir):
    """The files are protocol-2 pickles with Python 2 string opcodes and numpy 1 names, like the real ones."""
    raw = (synthetic_dir / "data_batch_1").read_bytes()
    assert raw[:2] == b"\x80\x02"
    ops = [(op.name, arg) for op, arg, _ in pickletools.genops(raw)]
    names = {name for name, _ in ops}
    assert "BINSTRING" in names and "SHORT_BINSTRING" in names
    assert not names & {"BINBYTES", "SHORT_BINBYTES", "BINUNICODE", "FRAME"}
    assert ("GLOBAL", "numpy.core.multiarray _reconstruct") in ops
    # About the size of a real batch (31 MB for 10,000 images): no text round trip.
    assert len(raw) < 1000 * 3072 * 1.05


def test_stored_rows_are_channel_major(dataset_copy):
    """A known image stored as 1024 red, 1024 green, 1024 blue values loads back unchanged as (32, 32, 3)."""
    image = known_image()
    path = dataset_copy / "data_batch_2"
    batch = read_pickle(path)
    batch[b"data"][0] = np.concatenate(
        [image[:, :, 0].ravel(), image[:, :, 1].ravel(), image[:, :, 2].ravel()])
    write_pickle(path, batch)

    X_train, _, _, _ = cifar10.load(dataset_copy)
    np.testing.assert_array_equal(X_train[1000], image)
    assert X_train[1000, 0, 1, 0] == image[0, 1, 0]  # red of pixel (0, 1)


def test_load_returns_images_in_file_order(synthetic_dir):
    """load() gives uint8 (N, 32, 32, 3) and int64 labels, batch 1 first, matching the raw rows."""
    X_train, y_train, X_test, y_test = cifar10.load(synthetic_dir)
    assert X_train.shape == (5000, 32, 32, 3) and X_train.dtype == np.uint8
    assert X_test.shape == (1000, 32, 32, 3) and X_test.dtype == np.uint8
    assert y_train.shape == (5000,) and y_train.dtype == np.int64
    assert y_test.shape == (1000,) and y_test.dtype == np.int64
    for i, name in enumerate(cifar10.TRAIN_FILES):
        batch = read_pickle(synthetic_dir / name)
        rows = slice(1000 * i, 1000 * (i + 1))
        np.testing.assert_array_equal(y_train[rows], batch[b"labels"])
        np.testing.assert_array_equal(
            X_train[rows], batch[b"data"].reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1))
    np.testing.assert_array_equal(y_test, read_pickle(synthetic_dir / "test_batch")[b"labels"])


def test_synthesize_is_deterministic_per_seed(tmp_path, synthetic_dir):
    """The same seed writes identical files; another seed writes different data."""
    again = cifar10.synthesize(tmp_path / "again", seed=0)  # synthetic_dir's seed
    other = cifar10.synthesize(tmp_path / "other", seed=4)
    for name in cifar10.TRAIN_FILES + (cifar10.TEST_FILE, cifar10.META_FILE):
        assert (again / name).read_bytes() == (synthetic_dir / name).read_bytes()
    assert (other / "data_batch_1").read_bytes() != (again / "data_batch_1").read_bytes()


def test_synthetic_classes_are_separable_but_not_trivially(synthetic_dir):
    """A nearest-class-mean classifier beats chance clearly, yet is far from perfect."""
    X_train, y_train, X_test, y_test = cifar10.load(synthetic_dir)
    X_train = X_train.reshape(len(X_train), -1).astype(np.float32)
    X_test = X_test.reshape(len(X_test), -1).astype(np.float32)
    means = np.stack([X_train[y_train == c].mean(axis=0) for c in range(10)])
    # Squared distance up to a per-row constant: |m|^2 - 2 x.m
    dist = (means ** 2).sum(axis=1) - 2 * X_test @ means.T
    accuracy = np.mean(dist.argmin(axis=1) == y_test)
    assert 0.3 < accuracy < 0.9
    assert np.bincount(y_train, minlength=10).min() >= 450  # classes balanced


def test_synthesize_never_overwrites_real_data(real_looking_copy):
    """synthesize refuses a folder of real data and leaves it untouched; a synthetic one it rewrites."""
    before = (real_looking_copy / "data_batch_2").read_bytes()
    with pytest.raises(DatasetError, match="real CIFAR-10"):
        cifar10.synthesize(real_looking_copy)
    assert (real_looking_copy / "data_batch_2").read_bytes() == before
    (real_looking_copy / "data_batch_1").write_bytes(b"broken")
    cifar10.synthesize(real_looking_copy)
    assert cifar10.is_synthetic(real_looking_copy)


def test_label_names_and_is_synthetic(synthetic_dir, real_looking_copy):
    """label_names reads the class names; is_synthetic tells synthetic data from real batch labels."""
    assert cifar10.label_names(synthetic_dir) == list(cifar10.LABEL_NAMES)
    assert cifar10.is_synthetic(synthetic_dir) is True
    assert cifar10.is_synthetic(real_looking_copy) is False


def test_default_data_dir_honours_cifar10_dir(monkeypatch, tmp_path, synthetic_dir):
    """$CIFAR10_DIR chooses the folder; without it the folder is under ~/.cache, outside the repo."""
    monkeypatch.setenv("CIFAR10_DIR", str(synthetic_dir))
    assert cifar10.default_data_dir() == synthetic_dir
    assert cifar10.load()[0].shape == (5000, 32, 32, 3)
    monkeypatch.delenv("CIFAR10_DIR")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cifar10.default_data_dir() == tmp_path / ".cache" / "cifar10" / "cifar-10-batches-py"
    assert REPO_ROOT not in cifar10.default_data_dir().parents


# --------------------------------------------------------------------------
# Errors name the file and say what to do
# --------------------------------------------------------------------------

def test_missing_folder_says_how_to_get_data(tmp_path):
    """A missing folder is named, with the download and synthesize commands and CIFAR10_DIR."""
    missing = tmp_path / "nowhere"
    with pytest.raises(DatasetError) as info:
        cifar10.load(missing)
    message = str(info.value)
    assert str(missing) in message
    assert "python -m assignment.cifar10 download" in message
    assert "python -m assignment.cifar10 synthesize DIR" in message
    assert "CIFAR10_DIR" in message


def test_missing_file_is_named(dataset_copy):
    """A missing batch file is named in the error."""
    (dataset_copy / "data_batch_4").unlink()
    with pytest.raises(DatasetError, match="data_batch_4: file missing"):
        cifar10.load(dataset_copy)


@pytest.mark.parametrize("keep", [0, 100, 1_500_000])
def test_truncated_pickle_is_named(dataset_copy, keep):
    """A truncated (or empty) batch file is named, with advice to fetch it again."""
    path = dataset_copy / "data_batch_3"
    path.write_bytes(path.read_bytes()[:keep])
    with pytest.raises(DatasetError) as info:
        cifar10.load(dataset_copy)
    message = str(info.value)
    assert str(path) in message and "truncated or corrupt" in message
    assert "download" in message and "synthesize" in message


@pytest.mark.parametrize("data, found", [
    (np.zeros((1000, 3071), np.uint8), r"\(1000, 3071\)"),
    (np.zeros((1000, 3072), np.float32), "float32"),
    (np.zeros((999, 3072), np.uint8), "holds 999 images"),
])
def test_wrong_data_shape_or_dtype_is_named(dataset_copy, data, found):
    """Data of the wrong shape, dtype or row count is reported with the file and what was found."""
    path = dataset_copy / "data_batch_5"
    batch = read_pickle(path)
    batch[b"data"] = data
    batch[b"labels"] = batch[b"labels"][:len(data)]
    write_pickle(path, batch)
    with pytest.raises(DatasetError, match=found) as info:
        cifar10.load(dataset_copy)
    assert str(path) in str(info.value)


def test_bad_labels_are_named(dataset_copy):
    """Labels outside 0..9 are reported with the file and the range found."""
    path = dataset_copy / "test_batch"
    batch = read_pickle(path)
    batch[b"labels"][7] = 10
    write_pickle(path, batch)
    with pytest.raises(DatasetError, match="from 0 to 10") as info:
        cifar10.load(dataset_copy)
    assert str(path) in str(info.value)


def test_str_keys_are_rejected_with_a_hint(dataset_copy):
    """A batch written with str keys (not the real format) is named, with the keys found."""
    path = dataset_copy / "data_batch_1"
    batch = {k.decode(): v for k, v in read_pickle(path).items()}
    write_pickle(path, batch)
    with pytest.raises(DatasetError, match="Keys must be bytes") as info:
        cifar10.load(dataset_copy)
    assert str(path) in str(info.value) and "'data'" in str(info.value)


# --------------------------------------------------------------------------
# Archive checksum and download
# --------------------------------------------------------------------------

def make_tar(path, folder):
    """Pack `folder` as cifar-10-batches-py/ into a .tar.gz at `path`."""
    # Uncompressed for speed; pooch's Untar detects the compression itself.
    with tarfile.open(path, "w") as tar:
        tar.add(folder, arcname=cifar10.FOLDER_NAME)
    return path


def test_verify_archive_rejects_a_wrong_checksum(tmp_path, synthetic_dir):
    """A tarball whose MD5 differs is rejected with the file, both checksums and advice."""
    archive = make_tar(tmp_path / "cifar-10-python.tar.gz", synthetic_dir / "batches.meta")
    with pytest.raises(DatasetError) as info:
        cifar10.verify_archive(archive)
    message = str(info.value)
    assert str(archive) in message and cifar10.MD5 in message
    assert pooch.file_hash(str(archive), alg="md5") in message
    assert "Delete it" in message


def test_verify_archive_accepts_the_expected_checksum(tmp_path, monkeypatch):
    """A file whose MD5 equals the expected one is accepted; a missing one is not."""
    archive = tmp_path / "a.tar.gz"
    archive.write_bytes(b"not really cifar")
    monkeypatch.setattr(cifar10, "MD5", pooch.file_hash(str(archive), alg="md5"))
    assert cifar10.verify_archive(archive) == archive
    with pytest.raises(DatasetError, match="not found"):
        cifar10.verify_archive(tmp_path / "missing.tar.gz")


def test_download_reuses_a_valid_folder_without_network(real_looking_copy, monkeypatch):
    """An existing valid folder is returned as is: pooch.retrieve is never called."""
    def no_network(*args, **kwargs):
        raise AssertionError("pooch.retrieve must not be called")
    monkeypatch.setattr(pooch, "retrieve", no_network)
    assert cifar10.download(real_looking_copy.parent) == real_looking_copy
    monkeypatch.setenv("CIFAR10_DIR", str(real_looking_copy))
    assert cifar10.download() == real_looking_copy


def test_download_refuses_to_treat_synthetic_data_as_real(dataset_copy, monkeypatch):
    """A folder of synthetic data is not passed off as the real download."""
    monkeypatch.setattr(pooch, "retrieve", lambda *a, **k: pytest.fail("no download expected"))
    with pytest.raises(DatasetError, match="synthetic"):
        cifar10.download(dataset_copy.parent)


def test_failed_download_leaves_nothing_to_use(tmp_path, monkeypatch):
    """When pooch fails (e.g. checksum mismatch), download raises and leaves no folder behind."""
    calls = []

    def corrupt(url, known_hash, fname, path, processor, progressbar):
        calls.append(known_hash)
        raise ValueError("MD5 hash of downloaded file does not match the known hash")
    monkeypatch.setattr(pooch, "retrieve", corrupt)
    with pytest.raises(DatasetError) as info:
        cifar10.download(tmp_path)
    assert calls == [f"md5:{cifar10.MD5}"]
    assert cifar10.URL in str(info.value) and "does not match" in str(info.value)
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(DatasetError, match="does not exist"):
        cifar10.load(tmp_path / cifar10.FOLDER_NAME)


def fake_retrieve_from(source_folder):
    """A pooch.retrieve stand-in that 'downloads' a tar of source_folder, then runs the processor."""
    def retrieve(url, known_hash, fname, path, processor, progressbar):
        assert url == cifar10.URL and progressbar is True
        archive = make_tar(Path(path) / fname, source_folder)
        return processor(str(archive), "download", None)
    return retrieve


def test_download_unpacks_via_a_staging_folder(real_looking_copy, tmp_path, monkeypatch):
    """A successful download unpacks, keeps the archive as cache and leaves no staging folder."""
    root = tmp_path / "cache"
    monkeypatch.setattr(pooch, "retrieve", fake_retrieve_from(real_looking_copy))
    target = cifar10.download(root)
    assert target == root / cifar10.FOLDER_NAME
    assert {p.name for p in root.iterdir()} == {cifar10.ARCHIVE_NAME, cifar10.FOLDER_NAME}
    assert cifar10.load(target)[0].shape == (5000, 32, 32, 3)


def test_download_replaces_an_incomplete_folder(real_looking_copy, tmp_path, monkeypatch):
    """An existing folder that fails validation is moved aside and downloaded again."""
    root = tmp_path / "cache"
    broken = root / cifar10.FOLDER_NAME
    broken.mkdir(parents=True)
    (broken / "data_batch_1").write_bytes(b"half a file")
    monkeypatch.setattr(pooch, "retrieve", fake_retrieve_from(real_looking_copy))
    target = cifar10.download(root)
    assert cifar10.load(target)[1].shape == (5000,)
    assert (root / (cifar10.FOLDER_NAME + ".invalid") / "data_batch_1").read_bytes() == b"half a file"


def test_download_rejects_an_archive_with_corrupt_batches(dataset_copy, tmp_path, monkeypatch):
    """If the unpacked archive holds a corrupt batch, nothing is moved into place."""
    (dataset_copy / "test_batch").write_bytes(b"\x80\x02garbage")
    root = tmp_path / "cache"
    monkeypatch.setattr(pooch, "retrieve", fake_retrieve_from(dataset_copy))
    with pytest.raises(DatasetError, match="test_batch"):
        cifar10.download(root)
    assert not (root / cifar10.FOLDER_NAME).exists()
    assert [p.name for p in root.iterdir()] == [cifar10.ARCHIVE_NAME]


# --------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------

def run_cli(*args):
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    return subprocess.run([sys.executable, "-m", "assignment.cifar10", *args],
                          cwd=REPO_ROOT, env=env, capture_output=True, text=True,
                          timeout=120)


def test_cli_synthesize_then_info(tmp_path):
    """`synthesize DIR` writes a dataset that `info DIR` reports as synthetic with its counts."""
    folder = tmp_path / "synth"
    made = run_cli("synthesize", str(folder), "--seed", "5")
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == str(folder)
    info = run_cli("info", str(folder))
    assert info.returncode == 0, info.stderr
    assert "synthetic" in info.stdout
    assert "training: 5000 images" in info.stdout and "test:     1000 images" in info.stdout
    assert "airplane" in info.stdout


def test_cli_reports_dataset_errors_in_one_line(tmp_path):
    """A DatasetError exits with code 2 and a single 'error:' line, no traceback."""
    result = run_cli("info", str(tmp_path / "missing"))
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
