"""The committed release is what the release command builds now, and it gives nothing away."""
import filecmp
import shutil

import nbformat

from autograder import pipeline, release


def _cells(path):
    nb = nbformat.read(path, as_version=4)
    return [(c.cell_type, c.source, c.get("metadata", {}).get("nbgrader")) for c in nb.cells]


def test_committed_release_is_fresh(tmp_path, synthetic_cifar):
    """Rebuilding from source/ in a scratch course gives exactly the committed release/."""
    course = tmp_path / "course"
    course.mkdir()
    shutil.copy(pipeline.REPO / "nbgrader_config.py", course)
    shutil.copytree(pipeline.REPO / "source", course / "source",
                    ignore=shutil.ignore_patterns("softmax_best_W.npy", "__pycache__"))
    built = release.build(course, env=pipeline.grading_env(synthetic_cifar))
    committed = pipeline.REPO / "release" / "softmax"
    assert _cells(built / "softmax.ipynb") == _cells(committed / "softmax.ipynb"), \
        "release/ is stale: run python -m autograder.release"
    diff = filecmp.dircmp(built / "assignment", committed / "assignment", ignore=["__pycache__"])
    assert not (diff.left_only or diff.right_only or diff.diff_files), \
        f"release/softmax/assignment differs from assignment/: {diff.diff_files or diff.left_only or diff.right_only}"


def test_release_has_no_solution_hidden_test_or_reference():
    """No solution block, hidden test, reference or grader import anywhere in release/."""
    assert release.leaks(pipeline.REPO / "release" / "softmax") == []


def test_release_has_no_data_and_stays_small():
    """No dataset or weights in the release (nbgrader's exchange refuses folders over 100 MB)."""
    folder = pipeline.REPO / "release" / "softmax"
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert sum(p.stat().st_size for p in files) < 2 * 1024 * 1024
    assert not [p for p in files if p.name.startswith(("data_batch", "test_batch")) or p.suffix == ".npy"]


def test_release_stubs_replace_solutions():
    """Students get stubs in the three solution cells and blank answer cells."""
    nb = nbformat.read(pipeline.REPO / "release" / "softmax" / "softmax.ipynb", as_version=4)
    by_id = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in nb.cells}
    for gid in ("softmax_loss_naive", "softmax_loss_vectorized", "hyperparameter_search"):
        assert "raise NotImplementedError()" in by_id[gid].source
    for gid in ("inline_question_1", "inline_question_2", "inline_question_3"):
        assert by_id[gid].source.strip() == "YOUR ANSWER HERE"


def test_proof_grades_the_reference_and_a_mutant(tmp_path, synthetic_cifar):
    """The release proof runs the real pipeline: reference and one mutant, both as expected."""
    rows = release.prove(tmp_path, synthetic_cifar, only="naive_no_minus_one")
    assert [row["submission"] for row in rows] == ["reference", "impl-naive_no_minus_one"]
    assert all(row["passed"] for row in rows)


def test_release_is_refused_when_a_verdict_fails(tmp_path, monkeypatch):
    """One failed corpus verdict: the release command writes nothing and exits 1."""
    import autograder.corpus

    def fake_run_corpus(data_dir, work_dir, only=None):
        return [{"submission": "impl-naive_no_max_shift", "passed": False}]

    built = []
    monkeypatch.setattr(autograder.corpus, "run_corpus", fake_run_corpus)
    monkeypatch.setattr(pipeline, "default_data_dir", lambda: tmp_path)
    monkeypatch.setattr(release, "build", lambda *a, **k: built.append(1))
    assert release.main(["--work", str(tmp_path)]) == 1
    assert built == []
