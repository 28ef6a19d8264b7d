"""End to end: generate_assignment -> submissions -> autograde -> export, in a scratch course."""
import csv

import pytest

from autograder import demo, pipeline


@pytest.fixture(scope="module")
def graded(tmp_path_factory, synthetic_cifar):
    """A course with three students graded in one sandboxed autograde batch."""
    env = pipeline.grading_env(synthetic_cifar)
    course = pipeline.make_course(tmp_path_factory.mktemp("e2e") / "course", env)
    reference = pipeline.reference_submission(course, "reference", env)
    pipeline.release_submission(course, "untouched")
    buggy = pipeline.copy_submission(course, reference, "buggy")
    pipeline.replace_cells(buggy / pipeline.NOTEBOOK, {"softmax_loss_vectorized": demo.BUGGY_VECTORIZED})
    done = pipeline.autograde(course, env)
    return course, env, done, pipeline.grades(course)


def test_autograde_succeeds(graded):
    """The stock nbgrader autograde command exits 0 for the batch."""
    _, _, done, _ = graded
    assert done.returncode == 0, done.stderr[-2000:]


def test_reference_gets_full_marks_on_every_cell(graded):
    """The master notebook, run as a student would, loses no point anywhere."""
    cells = graded[3]["reference"]
    lost = {gid: (s, m) for gid, (s, m) in cells.items() if s != m}
    assert not lost, lost


def test_untouched_release_gets_zero(graded):
    """The release as handed out scores 0 on every cell."""
    cells = graded[3]["untouched"]
    assert sum(s for s, _ in cells.values()) == 0, {g: s for g, (s, _) in cells.items() if s}


def test_buggy_gradient_loses_exactly_the_gradient_points(graded):
    """A vectorized gradient not divided by N loses test_softmax_loss_vectorized_gradient only."""
    cells = graded[3]["buggy"]
    lost = {gid for gid, (s, m) in cells.items() if s != m}
    assert lost == {"test_softmax_loss_vectorized_gradient"}


def test_buggy_feedback_names_the_mistake(graded):
    """The failing gradient test tells the student it is N times too large."""
    message = pipeline.cell_messages(graded[0], "buggy")["test_softmax_loss_vectorized_gradient"]
    assert "divided by N" in message


def test_no_submission_needs_manual_grading(graded):
    """The 0-point answer cells do not put every submission in the manual queue."""
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{graded[0] / 'gradebook.db'}") as gb:
        for student in ("reference", "untouched", "buggy"):
            assert not gb.find_submission("softmax", student).needs_manual_grade


def test_export_writes_every_student(graded):
    """nbgrader export writes grades.csv with the three students' totals."""
    course, env, _, _ = graded
    pipeline.nbgrader(course, "export", env=env)
    with open(course / "grades.csv") as handle:
        rows = {row["student_id"]: float(row["score"]) for row in csv.DictReader(handle)}
    assert rows["reference"] == 28 and rows["untouched"] == 0 and rows["buggy"] == 26


def test_feedback_shows_messages_but_no_hidden_tests(graded):
    """Feedback HTML has the verdicts and points, never the hidden code or the reference."""
    course, env, _, _ = graded
    pipeline.nbgrader(course, "generate_feedback", "softmax", "--force", env=env)
    html = (course / "feedback" / "buggy" / "softmax" / "softmax.html").read_text()
    assert "divided by N" in html
    for secret in ("BEGIN HIDDEN TESTS", "_reference", "check_gradient", "_diagnose_grad"):
        assert secret not in html


def test_validate_passes_on_source_and_fails_on_release(graded):
    """nbgrader validate: the master notebook passes; --invert shows the release stubs fail."""
    course, env, _, _ = graded
    source = pipeline.nbgrader(course, "validate", "source/softmax/softmax.ipynb", env=env, check=False)
    assert "Success! Your notebook passes all the tests." in source.stdout + source.stderr
    inverted = pipeline.nbgrader(course, "validate", "--invert", "release/softmax/softmax.ipynb",
                                 env=env, check=False)
    # --invert lists the cells that pass: only the written-answer cells (their visible part just
    # shows the saved answer), never a test of code the student has to write.
    passed = [block.strip().splitlines()[0] for block in inverted.stdout.split("The following cell passed:")[1:]]
    assert passed, inverted.stdout[-2000:]
    assert all(line.startswith(("YOUR ANSWER HERE", "# Shows")) for line in passed), passed


def test_formgrader_lists_the_graded_submissions(graded):
    """Formgrader (JupyterLab's nbgrader extension) serves the course: 3 submissions with scores."""
    import json
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    course, env, _, _ = graded
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "server", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
         "--ServerApp.token=t", f"--ServerApp.root_dir={course}", "--allow-root"],
        cwd=course, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/formgrader/api/submissions/softmax?token=t"
        for _ in range(120):
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    rows = json.load(response)
                break
            except OSError:
                time.sleep(0.5)
        else:
            raise AssertionError("formgrader did not answer")
    finally:
        server.terminate()
        server.wait(timeout=30)
    scores = {row["student"]: row["score"] for row in rows}
    assert scores == {"reference": 28.0, "untouched": 0.0, "buggy": 26.0}
