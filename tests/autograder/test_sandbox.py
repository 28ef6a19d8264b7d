"""The bubblewrap sandbox: what student code can and cannot do inside it."""
import os
import subprocess
import sys
import textwrap

import pytest

from autograder import sandbox

pytestmark = pytest.mark.skipif(sandbox.bwrap_path() is None, reason="bubblewrap is not installed")


def run_inside(tmp_path, code, read_only=(), limits=None):
    scratch = tmp_path / "work"
    ids = sandbox.fresh_ids()
    sandbox.prepare_scratch(str(scratch), ids)
    spec = sandbox.SandboxSpec(scratch=str(scratch), read_only=list(read_only), ids=ids,
                               env={"PATH": "/usr/bin:/bin"}, limits=limits or sandbox.Limits())
    argv = sandbox.command([sys.executable, "-c", textwrap.dedent(code)], spec)
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    sandbox.reap(ids)
    return done, scratch


def test_sandbox_starts(tmp_path):
    """A trivial program runs in the sandbox on this machine."""
    sandbox.check_available()


def test_no_network(tmp_path):
    """Connections to any address fail: the network namespace is empty."""
    done, _ = run_inside(tmp_path, """
        import socket
        try:
            socket.create_connection(("127.0.0.1", 22), timeout=2)
            print("connected")
        except OSError as exc:
            print("refused", exc)
    """)
    assert "refused" in done.stdout, done.stdout + done.stderr


def test_sees_only_what_is_bound(tmp_path):
    """The course, the gradebook and other students are not visible; the scratch folder is writable."""
    secret = tmp_path / "gradebook.db"
    secret.write_text("hidden tests")
    done, scratch = run_inside(tmp_path, f"""
        import os
        print(os.path.exists({str(secret)!r}), os.path.exists("/work"), os.path.exists("/root/.ssh"))
        open("note.txt", "w").write("ok")
    """)
    assert done.stdout.split() == ["False", "False", "False"], done.stdout + done.stderr
    assert (scratch / "note.txt").read_text() == "ok"


@pytest.mark.skipif(os.geteuid() != 0, reason="user switching needs root")
def test_runs_unprivileged_with_process_limit(tmp_path):
    """Student code is not root, and a fork bomb hits the process limit."""
    done, _ = run_inside(tmp_path, """
        import os, time
        print(os.getuid())
        made = 0
        try:
            for _ in range(500):
                if os.fork() == 0:
                    time.sleep(30)
                    os._exit(0)
                made += 1
        except OSError:
            pass
        print(made)
    """, limits=sandbox.Limits(processes=20))
    uid, made = done.stdout.split()
    assert int(uid) >= sandbox.FIRST_ID and int(made) < 20


def test_memory_limit_raises_memory_error(tmp_path):
    """A memory bomb gets a MemoryError instead of taking the machine's memory."""
    done, _ = run_inside(tmp_path, """
        try:
            block = bytearray(8 * 1024 ** 3)
            print("allocated")
        except MemoryError:
            print("MemoryError")
    """, limits=sandbox.Limits(memory_mb=1024))
    assert "MemoryError" in done.stdout, done.stdout + done.stderr
