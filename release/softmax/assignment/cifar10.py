"""CIFAR-10: download, verify, load, and synthesize a stand-in.

CIFAR-10 holds 60,000 colour images of 32x32 pixels in 10 classes: 50,000 for
training in five files ``data_batch_1`` .. ``data_batch_5`` and 10,000 for
testing in ``test_batch``, plus the class names in ``batches.meta``. Each batch
file is a Python 2 pickle of a dict with bytes keys::

    b'batch_label'  bytes, e.g. b'training batch 1 of 5'
    b'labels'       list of N ints in 0..9
    b'data'         uint8 array (N, 3072): per row the 1024 red values, then
                    the 1024 green, then the 1024 blue, each a 32x32 image
                    stored row by row ("channel-major")
    b'filenames'    list of N bytes

:func:`load` turns that into uint8 images of shape (N, 32, 32, 3).

Where the data lives
--------------------
:func:`default_data_dir` is ``$CIFAR10_DIR`` if that is set, otherwise
``~/.cache/cifar10/cifar-10-batches-py``. It is deliberately outside the course
repository: the dataset is about 180 MB, and nbgrader's exchange refuses
assignment folders over 100 MB.

Getting the data
----------------
From a shell::

    python -m assignment.cifar10 download            # real data, 163 MB
    python -m assignment.cifar10 synthesize DIR      # offline stand-in
    python -m assignment.cifar10 info [DIR]          # what is there

The synthetic stand-in is written in exactly the real format, so everything
that reads CIFAR-10 reads it too. Its ``batch_label`` values start with
``b'synthetic'``; :func:`is_synthetic` checks that. Its classes are coloured
shapes, not photographs: a linear classifier learns them well but not
perfectly, so it is useful for testing code, not for reporting results.
"""

import argparse
import mmap
import os
import pickle
import shutil
import struct
import sys
import tempfile
from pathlib import Path

import numpy as np

URL = "https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz"
MD5 = "c58f30108f718f92721af3b95e74349a"
ARCHIVE_NAME = "cifar-10-python.tar.gz"
FOLDER_NAME = "cifar-10-batches-py"
LABEL_NAMES = (
    "airplane", "automobile", "bird", "cat", "deer",
    "dog", "frog", "horse", "ship", "truck",
)
TRAIN_FILES = tuple(f"data_batch_{i}" for i in range(1, 6))
TEST_FILE = "test_batch"
META_FILE = "batches.meta"
IMAGE_SHAPE = (32, 32, 3)
NUM_VIS = 32 * 32 * 3
SYNTHETIC_MARK = b"synthetic"

_GET_DATA_HELP = (
    "To get the data, run `python -m assignment.cifar10 download` (real "
    "CIFAR-10, needs internet) or `python -m assignment.cifar10 synthesize DIR` "
    "(offline stand-in); set the CIFAR10_DIR environment variable to use a "
    "folder other than the default."
)


class DatasetError(Exception):
    """The CIFAR-10 folder, a file in it, or a download is missing or wrong."""


def default_data_dir():
    """Return the folder that holds the unpacked CIFAR-10 batches.

    Returns
    -------
    pathlib.Path
        ``$CIFAR10_DIR`` if that environment variable is set and not empty,
        otherwise ``~/.cache/cifar10/cifar-10-batches-py``. Never inside the
        course repository, which nbgrader must be able to copy cheaply.
    """
    env = os.environ.get("CIFAR10_DIR")
    if env:
        return Path(env).expanduser()
    return Path.home() / ".cache" / "cifar10" / FOLDER_NAME


def _resolve(data_dir):
    return default_data_dir() if data_dir is None else Path(data_dir).expanduser()


# --------------------------------------------------------------------------
# Download
# --------------------------------------------------------------------------

def verify_archive(path):
    """Check the MD5 checksum of a downloaded ``cifar-10-python.tar.gz``.

    Parameters
    ----------
    path : str or pathlib.Path
        The archive file.

    Returns
    -------
    pathlib.Path
        ``path``, if the checksum matches :data:`MD5`.

    Raises
    ------
    DatasetError
        If the file is missing or its checksum differs.
    """
    import pooch

    path = Path(path)
    if not path.is_file():
        raise DatasetError(f"{path}: archive not found; check the path.")
    found = pooch.file_hash(str(path), alg="md5")
    if found != MD5:
        raise DatasetError(
            f"{path}: MD5 checksum is {found}, expected {MD5}; the file is "
            "incomplete or not the CIFAR-10 Python archive. Delete it and run "
            "`python -m assignment.cifar10 download` again."
        )
    return path


def download(root=None):
    """Download, verify and unpack CIFAR-10, or reuse an earlier download.

    The archive is fetched with pooch, which writes it to a temporary file and
    checks its MD5 before keeping it, so an interrupted or corrupt download is
    never used. The archive is unpacked into a temporary folder that is renamed
    into place only after every batch file loads, so a half-unpacked folder is
    never used either. The archive stays next to the folder as a cache.

    Parameters
    ----------
    root : str or pathlib.Path, optional
        Folder in which to keep the archive and the unpacked
        ``cifar-10-batches-py`` folder. Default: the parent of
        :func:`default_data_dir`, and the unpacked folder is then
        :func:`default_data_dir` itself (whatever ``$CIFAR10_DIR`` calls it).

    Returns
    -------
    pathlib.Path
        The unpacked folder, ready for :func:`load`.

    Raises
    ------
    DatasetError
        If the download fails, or the target folder holds synthetic data.
    """
    import pooch

    target = default_data_dir() if root is None else Path(root).expanduser() / FOLDER_NAME
    if target.exists():
        try:
            _check_folder(target)
        except DatasetError as err:
            # Keep the broken folder for inspection rather than deleting files
            # the user may have put there; it is never loaded again.
            aside = target.with_name(target.name + ".invalid")
            if aside.exists():
                shutil.rmtree(aside)
            target.rename(aside)
            print(f"{target} was incomplete ({err}); moved it to {aside} and "
                  "downloading again.", file=sys.stderr)
        else:
            if is_synthetic(target):
                raise DatasetError(
                    f"{target} holds synthetic data, not the real CIFAR-10; "
                    "delete that folder or download to another folder "
                    "(`python -m assignment.cifar10 download DIR`)."
                )
            return target

    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".cifar10-unpack-", dir=target.parent))
    try:
        try:
            pooch.retrieve(
                url=URL,
                known_hash=f"md5:{MD5}",
                fname=ARCHIVE_NAME,
                path=target.parent,
                # Untar resolves extract_dir relative to the archive's folder.
                processor=pooch.Untar(extract_dir=staging.name),
                progressbar=True,
            )
        except Exception as err:
            raise DatasetError(
                f"could not download {URL} to {target.parent / ARCHIVE_NAME}: "
                f"{err}. Check your internet connection and run "
                "`python -m assignment.cifar10 download` again; to work "
                "offline, use `python -m assignment.cifar10 synthesize DIR`."
            ) from err
        unpacked = staging / FOLDER_NAME
        _check_folder(unpacked)
        os.replace(unpacked, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


# --------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------

def _check_folder_exists(data_dir):
    if not data_dir.is_dir():
        raise DatasetError(f"CIFAR-10 folder {data_dir} does not exist. {_GET_DATA_HELP}")


def _unpickle(path):
    if not path.is_file():
        raise DatasetError(
            f"{path}: file missing; the CIFAR-10 folder {path.parent} is "
            f"incomplete. {_GET_DATA_HELP}"
        )
    try:
        with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as view:
            # The real files are Python 2 pickles: 'bytes' keeps their str
            # values (keys, labels, file names, pixel buffers) as bytes.
            # Unpickling from a memory map instead of the file object saves a
            # 30 MB read buffer per batch, which the allocator would keep.
            return pickle.loads(view, encoding="bytes")
    except Exception as err:
        raise DatasetError(
            f"{path}: cannot be unpickled ({type(err).__name__}: {err}); the "
            "file is truncated or corrupt. Download it again "
            "(`python -m assignment.cifar10 download`) or re-synthesize it "
            "(`python -m assignment.cifar10 synthesize DIR`)."
        ) from err


def _require_keys(path, obj, keys):
    if not isinstance(obj, dict):
        raise DatasetError(f"{path}: expected a dict, found {type(obj).__name__}.")
    missing = [k for k in keys if k not in obj]
    if missing:
        raise DatasetError(
            f"{path}: missing keys {missing}; found {sorted(map(repr, obj))}. "
            "Keys must be bytes, as in the real CIFAR-10 files."
        )


def _read_meta(data_dir):
    path = data_dir / META_FILE
    meta = _unpickle(path)
    _require_keys(path, meta, [b"label_names", b"num_cases_per_batch"])
    names = meta[b"label_names"]
    if (not isinstance(names, list) or len(names) != len(LABEL_NAMES)
            or not all(isinstance(n, bytes) for n in names)):
        raise DatasetError(
            f"{path}: b'label_names' should be a list of {len(LABEL_NAMES)} "
            f"bytes, found {names!r:.200}."
        )
    per_batch = meta[b"num_cases_per_batch"]
    if not isinstance(per_batch, int) or per_batch <= 0:
        raise DatasetError(
            f"{path}: b'num_cases_per_batch' should be a positive int, found {per_batch!r}."
        )
    return [n.decode("ascii") for n in names], per_batch


def _read_batch(path, num_rows=None):
    """Read and validate one batch file.

    Returns
    -------
    data : uint8 array (N, 3072), channel-major rows as stored
    labels : int64 array (N,)
    batch_label : bytes
    """
    batch = _unpickle(path)
    _require_keys(path, batch, [b"batch_label", b"labels", b"data"])
    data = batch[b"data"]
    if (not isinstance(data, np.ndarray) or data.dtype != np.uint8
            or data.ndim != 2 or data.shape[1] != NUM_VIS):
        found = (f"{data.dtype} array of shape {data.shape}"
                 if isinstance(data, np.ndarray) else type(data).__name__)
        raise DatasetError(
            f"{path}: b'data' should be a uint8 array of shape (N, {NUM_VIS}), "
            f"found {found}."
        )
    if num_rows is not None and data.shape[0] != num_rows:
        raise DatasetError(
            f"{path}: holds {data.shape[0]} images, but {META_FILE} says "
            f"{num_rows} per batch."
        )
    try:
        labels = np.asarray(batch[b"labels"], dtype=np.int64)
    except (TypeError, ValueError) as err:
        raise DatasetError(f"{path}: b'labels' is not a list of ints ({err}).") from err
    if labels.shape != (data.shape[0],):
        raise DatasetError(
            f"{path}: b'labels' has shape {labels.shape}, expected "
            f"({data.shape[0]},), one label per image."
        )
    if labels.size and (labels.min() < 0 or labels.max() >= len(LABEL_NAMES)):
        raise DatasetError(
            f"{path}: labels should be in 0..{len(LABEL_NAMES) - 1}, found "
            f"values from {labels.min()} to {labels.max()}."
        )
    return data, labels, batch[b"batch_label"]


def channel_major_to_images(data):
    """View stored rows as images.

    Parameters
    ----------
    data : uint8 array (N, 3072)
        Rows as stored: 1024 red, 1024 green, 1024 blue values.

    Returns
    -------
    uint8 array (N, 32, 32, 3)
        A view of ``data`` (no copy) with channels last.
    """
    return data.reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1)


def iter_batches(data_dir=None, split="train"):
    """Yield the validated batches of one split, one file at a time.

    Reading file by file keeps memory low: only one batch (30 MB for the real
    data) is unpacked at a time.

    Parameters
    ----------
    data_dir : str or pathlib.Path, optional
        Default: :func:`default_data_dir`.
    split : {'train', 'test'}

    Yields
    ------
    data : uint8 array (n, 3072)
        Channel-major rows as stored; see :func:`channel_major_to_images`.
    labels : int64 array (n,)
    batch_label : bytes
        E.g. ``b'training batch 1 of 5'``; see :func:`is_synthetic_label`.
    """
    data_dir = _resolve(data_dir)
    _check_folder_exists(data_dir)
    _, per_batch = _read_meta(data_dir)
    files = {"train": TRAIN_FILES, "test": (TEST_FILE,)}[split]
    for name in files:
        yield _read_batch(data_dir / name, per_batch)


def _check_folder(data_dir):
    """Validate every file of a CIFAR-10 folder, one file at a time."""
    _check_folder_exists(data_dir)
    _, per_batch = _read_meta(data_dir)
    for name in TRAIN_FILES + (TEST_FILE,):
        _read_batch(data_dir / name, per_batch)


def _load_split(data_dir, files, per_batch):
    # Preallocating the result and filling it batch by batch keeps the peak
    # near the size of the result, instead of twice that for a concatenate.
    X = np.empty((per_batch * len(files),) + IMAGE_SHAPE, dtype=np.uint8)
    y = np.empty(per_batch * len(files), dtype=np.int64)
    for i, name in enumerate(files):
        data, labels, _ = _read_batch(data_dir / name, per_batch)
        rows = slice(i * per_batch, (i + 1) * per_batch)
        X[rows] = channel_major_to_images(data)
        y[rows] = labels
        del data
    return X, y


def load(data_dir=None):
    """Load CIFAR-10 (real or synthetic) as uint8 images.

    Shapes: N training images (50,000 for the real data), M test images.

    Parameters
    ----------
    data_dir : str or pathlib.Path, optional
        The ``cifar-10-batches-py`` folder. Default: :func:`default_data_dir`.

    Returns
    -------
    X_train : uint8 array (N, 32, 32, 3)
    y_train : int64 array (N,)
    X_test : uint8 array (M, 32, 32, 3)
    y_test : int64 array (M,)

    Raises
    ------
    DatasetError
        If the folder or a file is missing, or a file is corrupt or holds data
        of the wrong shape, type or label range; the message names the file.
    """
    data_dir = _resolve(data_dir)
    _check_folder_exists(data_dir)
    _, per_batch = _read_meta(data_dir)
    X_train, y_train = _load_split(data_dir, TRAIN_FILES, per_batch)
    X_test, y_test = _load_split(data_dir, (TEST_FILE,), per_batch)
    return X_train, y_train, X_test, y_test


def label_names(data_dir=None):
    """Return the 10 class names, read from ``batches.meta``.

    Returns
    -------
    list of str
        ``['airplane', 'automobile', ..., 'truck']``.
    """
    data_dir = _resolve(data_dir)
    _check_folder_exists(data_dir)
    return _read_meta(data_dir)[0]


def is_synthetic(data_dir=None):
    """Tell whether a CIFAR-10 folder holds data written by :func:`synthesize`.

    Returns
    -------
    bool
        True if the ``batch_label`` of ``data_batch_1`` starts with
        ``b'synthetic'``.
    """
    data_dir = _resolve(data_dir)
    _check_folder_exists(data_dir)
    return is_synthetic_label(_read_batch(data_dir / TRAIN_FILES[0])[2])


def is_synthetic_label(batch_label):
    """Tell whether a batch's ``b'batch_label'`` marks it as synthetic.

    Returns
    -------
    bool
        True if ``batch_label`` is bytes starting with ``b'synthetic'``.
    """
    return isinstance(batch_label, bytes) and batch_label.startswith(SYNTHETIC_MARK)


# --------------------------------------------------------------------------
# Synthetic stand-in
# --------------------------------------------------------------------------

class _Python2Pickler(pickle._Pickler):
    """Write pickles the way Python 2 wrote the real CIFAR-10 files.

    Python 3 at protocol 2 stores bytes as a latin-1 text round trip, which
    makes a batch 1.5 times larger and 15 times slower to write and read.
    Python 2 stored them as plain strings (BINSTRING), which Python 3 reads
    back as bytes with ``encoding='bytes'``; this pickler does the same, and
    names numpy's array constructor by its numpy 1 path, as the real files do.
    """

    dispatch = pickle._Pickler.dispatch.copy()

    def _save_py2_str(self, obj):
        raw = obj.encode("ascii") if isinstance(obj, str) else obj
        if len(raw) < 256:
            self.write(pickle.SHORT_BINSTRING + bytes([len(raw)]))
        else:
            self.write(pickle.BINSTRING + struct.pack("<i", len(raw)))
        self.write(raw)
        self.memoize(obj)

    dispatch[bytes] = _save_py2_str
    # numpy pickles its dtype codes ('u1', '|') as str; Python 2 had no other.
    dispatch[str] = _save_py2_str

    def save_global(self, obj, name=None):
        if getattr(obj, "__module__", "").startswith("numpy._core"):
            name = name or obj.__name__
            self.write(pickle.GLOBAL + b"numpy.core.multiarray\n" + name.encode() + b"\n")
            self.memoize(obj)
        else:
            super().save_global(obj, name)


def _write_pickle(path, obj):
    # Write next to the target and rename, so an interrupted run never leaves
    # a truncated file under the real name.
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as f:
        _Python2Pickler(f, protocol=2).dump(obj)
    os.replace(tmp, path)


# Per-image variation of the synthetic images. Tuned so that a softmax
# classifier trained by SGD on mean-subtracted pixels reaches about 0.6
# validation accuracy with good hyperparameters and much less with poor ones.
_MAX_SHIFT = 6            # pixels, in each direction
_NOISE_STD = 85.0         # per pixel and channel, in 0..255 units
_BRIGHTNESS_STD = 25.0    # per image
_MIX_MAX = 0.75           # at most this fraction of a random other class
_CHUNK = 2000             # images generated at once: bounds float32 scratch


def _smooth_fields(rng, count, coarse=4):
    """Random smooth (count, 3, 32, 32) fields in -1..1: coarse noise upsampled."""
    grid = rng.uniform(-1.0, 1.0, (count, 3, coarse, coarse))
    # Bilinear interpolation matrix from `coarse` points to 32 pixels.
    pos = np.linspace(0, coarse - 1, 32)
    lo = np.minimum(np.floor(pos).astype(int), coarse - 2)
    frac = pos - lo
    up = np.zeros((32, coarse))
    up[np.arange(32), lo] = 1 - frac
    up[np.arange(32), lo + 1] = frac
    return np.einsum("ik,nckl,jl->ncij", up, grid, up)


def _class_templates(rng):
    """Return (C, S, 3072) float32: each class's template under S shifts."""
    num_classes = len(LABEL_NAMES)
    colours = _smooth_fields(rng, num_classes)
    # A bright disc of a class colour at a class position gives each class a
    # shape as well as a colour layout.
    yy, xx = np.mgrid[0:32, 0:32]
    centres = rng.uniform(9, 23, (num_classes, 2))
    radii = rng.uniform(5, 9, num_classes)
    disc_colour = rng.uniform(-1, 1, (num_classes, 3))
    dist2 = (yy - centres[:, 0, None, None]) ** 2 + (xx - centres[:, 1, None, None]) ** 2
    disc = np.exp(-dist2 / (2 * radii[:, None, None] ** 2))
    templates = 0.6 * colours + 0.8 * disc_colour[:, :, None, None] * disc[:, None]
    templates *= 70.0
    shifts = [(dy, dx) for dy in range(-_MAX_SHIFT, _MAX_SHIFT + 1)
              for dx in range(-_MAX_SHIFT, _MAX_SHIFT + 1)]
    table = np.empty((num_classes, len(shifts), NUM_VIS), dtype=np.float32)
    for s, (dy, dx) in enumerate(shifts):
        table[:, s] = np.roll(templates, (dy, dx), axis=(2, 3)).reshape(num_classes, -1)
    return table


def _synthetic_images(rng, labels, table):
    """Draw uint8 (N, 3072) channel-major images for the given labels."""
    n = len(labels)
    num_classes, num_shifts, _ = table.shape
    out = np.empty((n, NUM_VIS), dtype=np.uint8)
    for start in range(0, n, _CHUNK):
        lab = labels[start:start + _CHUNK]
        m = len(lab)
        shift = rng.integers(0, num_shifts, m)
        other = rng.integers(0, num_classes, m)
        mix = rng.uniform(0, _MIX_MAX, (m, 1)).astype(np.float32)
        contrast = rng.uniform(0.6, 1.4, (m, 1)).astype(np.float32)
        level = (128 + _BRIGHTNESS_STD * rng.standard_normal((m, 1))).astype(np.float32)
        x = table[lab, shift]
        x += mix * (table[other, shift] - x)
        x *= contrast
        x += level
        x += _NOISE_STD * rng.standard_normal((m, NUM_VIS), dtype=np.float32)
        np.clip(x, 0, 255, out=x)
        np.rint(x, out=x)
        out[start:start + m] = x
    return out


def synthesize(dest_dir, full=False, seed=0):
    """Write a synthetic CIFAR-10 in exactly the real on-disk format.

    Each class is a smooth colour layout with a coloured disc; every image
    is its class template shifted by up to a few pixels, partly blended with
    another class, with random contrast, brightness and pixel noise. A linear
    classifier can learn the classes, but not perfectly.

    Parameters
    ----------
    dest_dir : str or pathlib.Path
        Folder to write (created if needed). Earlier synthetic files are
        replaced; a folder of real CIFAR-10 data is refused.
    full : bool
        False: 1,000 images per batch (5,000 training, 1,000 test), enough
        for tests. True: 10,000 per batch, the real sizes (50,000 and 10,000).
    seed : int
        The same seed always writes the same data.

    Returns
    -------
    pathlib.Path
        ``dest_dir``, ready for :func:`load`.

    Raises
    ------
    DatasetError
        If ``dest_dir`` already holds real CIFAR-10 data.
    """
    dest_dir = Path(dest_dir).expanduser()
    first = dest_dir / TRAIN_FILES[0]
    if first.exists():
        try:
            label = _read_batch(first)[2]
        except DatasetError:
            label = SYNTHETIC_MARK  # unreadable, so nothing worth keeping
        if not is_synthetic_label(label):
            raise DatasetError(
                f"{dest_dir} holds real CIFAR-10 data, which synthesize would "
                "overwrite; give it another folder."
            )
    dest_dir.mkdir(parents=True, exist_ok=True)
    per_batch = 10_000 if full else 1_000
    rng = np.random.default_rng(seed)
    table = _class_templates(rng)
    num_classes = len(LABEL_NAMES)

    _write_pickle(dest_dir / META_FILE, {
        b"num_cases_per_batch": per_batch,
        b"label_names": [name.encode("ascii") for name in LABEL_NAMES],
        b"num_vis": NUM_VIS,
    })
    batches = [(name, f"training batch {i} of {len(TRAIN_FILES)}")
               for i, name in enumerate(TRAIN_FILES, start=1)]
    batches.append((TEST_FILE, "testing batch 1 of 1"))
    for name, description in batches:
        # Balanced classes in random order, as in the real batches' totals.
        labels = rng.permutation(np.arange(per_batch) % num_classes)
        data = _synthetic_images(rng, labels, table)
        filenames = [f"synthetic_{LABEL_NAMES[c]}_{name}_{i:05d}.png".encode("ascii")
                     for i, c in enumerate(labels)]
        _write_pickle(dest_dir / name, {
            b"batch_label": SYNTHETIC_MARK + b" " + description.encode("ascii"),
            b"labels": labels.tolist(),
            b"data": data,
            b"filenames": filenames,
        })
        del data
    return dest_dir


# --------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------

def _info(data_dir):
    data_dir = _resolve(data_dir)
    _check_folder_exists(data_dir)
    names, per_batch = _read_meta(data_dir)
    counts = {}
    for split, files in (("training", TRAIN_FILES), ("test", (TEST_FILE,))):
        counts[split] = sum(len(_read_batch(data_dir / f, per_batch)[1]) for f in files)
    kind = "synthetic stand-in" if is_synthetic(data_dir) else "real CIFAR-10"
    return "\n".join([
        f"folder:   {data_dir}",
        f"kind:     {kind}",
        f"training: {counts['training']} images in {len(TRAIN_FILES)} batches",
        f"test:     {counts['test']} images",
        f"classes:  {', '.join(names)}",
    ])


def main(argv=None):
    """Run the ``python -m assignment.cifar10`` command line; return the exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m assignment.cifar10",
        description="Get CIFAR-10 for the assignment, or an offline stand-in.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser(
        "download", help="download, verify and unpack the real CIFAR-10 (163 MB)")
    p.add_argument("root", nargs="?", help="folder to hold the archive and "
                   f"{FOLDER_NAME}/ (default: the parent of {default_data_dir()})")
    p = commands.add_parser(
        "synthesize", help="write a synthetic dataset in the real format")
    p.add_argument("dest_dir", help="folder to write the batch files into")
    p.add_argument("--full", action="store_true",
                   help="real sizes (50,000 + 10,000 images) instead of 5,000 + 1,000")
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    p = commands.add_parser("info", help="say what a CIFAR-10 folder holds")
    p.add_argument("data_dir", nargs="?",
                   help=f"the batches folder (default: {default_data_dir()})")
    args = parser.parse_args(argv)

    try:
        if args.command == "download":
            print(download(args.root))
        elif args.command == "synthesize":
            print(synthesize(args.dest_dir, full=args.full, seed=args.seed))
        else:
            print(_info(args.data_dir))
    except DatasetError as err:
        message = str(err).replace("\n", " ")
        print(f"error: {message}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
