"""Read a student's written answer back from the saved notebook.

Written answers are markdown cells, and code cannot see markdown cells while
the notebook runs. This module reads them from the notebook file on disk, so
a test cell can check that an answer was written: save the notebook first
(Ctrl-S), because only the saved file is read.
"""

import json
import os
from pathlib import Path

DEFAULT_NOTEBOOK = "softmax.ipynb"


def _candidates(notebook_path):
    if notebook_path is not None:
        return [Path(notebook_path)], "the notebook_path argument"
    session = os.environ.get("JPY_SESSION_NAME")
    if session:
        # Jupyter sets this to the notebook's absolute path, or to its path
        # relative to the server's root folder; the kernel runs in the
        # notebook's folder, so the bare file name is the fallback.
        paths = [Path(session)]
        if Path(session).name != session:
            paths.append(Path(Path(session).name))
        return paths, "the JPY_SESSION_NAME environment variable"
    return [Path(DEFAULT_NOTEBOOK)], "the default notebook name"


def read_answer(grade_id, notebook_path=None):
    """Return the source of the markdown cell with the given nbgrader grade id.

    Parameters
    ----------
    grade_id : str
        The cell's ``metadata.nbgrader.grade_id``.
    notebook_path : str or pathlib.Path, optional
        The notebook file. Default: ``$JPY_SESSION_NAME`` (set by the Jupyter
        server to the running notebook's path), else ``softmax.ipynb`` in the
        current folder.

    Returns
    -------
    str
        The cell's source exactly as saved.

    Raises
    ------
    FileNotFoundError
        If the notebook file is not found.
    ValueError
        If the file is not a valid notebook.
    LookupError
        If no markdown cell has that grade id.
    """
    paths, source = _candidates(notebook_path)
    path = next((p for p in paths if p.is_file()), None)
    if path is None:
        looked = ", ".join(str(p.resolve()) for p in paths)
        raise FileNotFoundError(
            f"cannot read answer {grade_id!r}: notebook not found at {looked} "
            f"(path from {source}). Save the notebook and run this cell from "
            "it, or pass notebook_path."
        )
    try:
        with open(path, encoding="utf-8") as f:
            notebook = json.load(f)
        cells = notebook["cells"]
    except (json.JSONDecodeError, UnicodeDecodeError, KeyError, TypeError) as err:
        raise ValueError(
            f"{path} is not a valid notebook ({type(err).__name__}: {err}); "
            "save it again from Jupyter, or restore it from your last checkpoint."
        ) from err
    for cell in cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.get("cell_type") == "markdown" and meta.get("grade_id") == grade_id:
            text = cell.get("source", "")
            # nbformat allows the source as one string or a list of lines.
            return text if isinstance(text, str) else "".join(text)
    raise LookupError(
        f"{path} has no markdown cell with grade id {grade_id!r}. Do not delete "
        "or copy the answer cells; if you did, get a fresh copy of the notebook "
        "and move your work into it."
    )
