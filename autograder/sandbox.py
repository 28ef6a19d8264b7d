"""Run a Jupyter kernel inside a bubblewrap sandbox.

The kernel sees the Python installation and ``/usr`` read-only, the dataset read-only, the
trusted ``assignment`` package read-only, and one scratch folder of its own read-write. It has no
network (its network namespace is empty; it talks to nbgrader over IPC sockets in the scratch
folder), its own PID namespace (every process it starts dies with it), an unprivileged user when
the grader runs as root, and resource limits (address space, CPU seconds, processes, file size).
"""

import functools
import os
import pwd
import shutil
import sys
from dataclasses import dataclass, field

from jupyter_client.manager import AsyncKernelManager
from traitlets import Any


class SandboxUnavailable(RuntimeError):
    """bubblewrap is missing or cannot create namespaces on this machine."""


@dataclass
class Limits:
    """Resource limits for one kernel (all inherited by every process it starts)."""

    memory_mb: int = 3072
    cpu_seconds: int = 900
    processes: int = 64
    file_mb: int = 64
    open_files: int = 256


@dataclass
class SandboxSpec:
    """Where one kernel's sandbox gets its files.

    Attributes
    ----------
    scratch : str
        The kernel's only writable folder: working directory, home, sockets, probe files.
    read_only : list of (str, str)
        (host path, sandbox path) pairs bound read-only, e.g. the dataset and ``assignment/``.
    env : dict
        The kernel's whole environment (nothing else is inherited).
    limits : Limits
    ids : (int, int) or None
        (uid, gid) to run as when the grader is root: one of its own per sandbox, so that the
        process limit counts only this sandbox's processes and :func:`reap` can find every
        process it left. None when the grader is not root (the kernel then keeps the grader's
        user, inside the namespaces).
    """

    scratch: str
    read_only: list = field(default_factory=list)
    env: dict = field(default_factory=dict)
    limits: Limits = field(default_factory=Limits)
    ids: tuple = None


def bwrap_path():
    """Path of the bwrap executable, or None."""
    return shutil.which("bwrap")


def _python_roots():
    """The folders the Python installation lives in (bound read-only)."""
    roots = {os.path.realpath(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)}
    return sorted(r for r in roots if not r.startswith("/usr"))


def _parents(path):
    """Every ancestor folder of ``path``, outermost first (bwrap must create them 0755)."""
    parts, out = path.strip("/").split("/")[:-1], []
    for i in range(len(parts)):
        out.append("/" + "/".join(parts[: i + 1]))
    return out


#: Sandboxes run as uid/gid FIRST_ID, FIRST_ID + 1, ...: numbers no account on the machine uses.
FIRST_ID = 2_900_000
_next_id = [0]


def fresh_ids(pool=10_000):
    """A (uid, gid) of its own for the next sandbox when the grader is root, else None."""
    if os.geteuid() != 0:
        return None
    taken = {entry.pw_uid for entry in pwd.getpwall()}
    while True:
        number = FIRST_ID + (os.getpid() * 7919 + _next_id[0]) % pool
        _next_id[0] += 1
        if number not in taken:
            return number, number


def processes_of(uid):
    """PIDs of the processes whose real uid is ``uid``."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as handle:
                for line in handle:
                    if line.startswith("Uid:"):
                        if int(line.split()[1]) == uid:
                            found.append(int(entry))
                        break
        except OSError:  # the process ended while we looked
            continue
    return found


def reap(ids, seconds=10.0):
    """Kill every process a sandbox user still has; return how many had to be killed."""
    import signal
    import time

    if ids is None:
        return 0
    # A kernel that was just shut down takes a moment to go: only what outlives that counts.
    grace = time.monotonic() + 2.0
    while processes_of(ids[0]) and time.monotonic() < grace:
        time.sleep(0.05)
    killed, deadline = set(), time.monotonic() + seconds
    while time.monotonic() < deadline:
        pids = processes_of(ids[0])
        if not pids:
            break
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
                killed.add(pid)
            except OSError:
                pass
        time.sleep(0.05)
    return len(killed)


def command(kernel_argv, spec):
    """The full argv that runs ``kernel_argv`` inside the sandbox described by ``spec``."""
    bwrap = bwrap_path()
    if bwrap is None:
        raise SandboxUnavailable("bubblewrap (bwrap) is not installed")
    argv = [bwrap, "--die-with-parent", "--new-session",
            "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
            "--unshare-cgroup-try", "--clearenv",
            "--ro-bind", "/usr", "/usr", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
    for name in ("bin", "lib", "lib64", "sbin"):
        host = "/" + name
        if os.path.islink(host):
            argv += ["--symlink", os.readlink(host), host]
        elif os.path.isdir(host):
            argv += ["--ro-bind", host, host]
    # Python needs a few files from /etc (locale, ld cache); bind only those.
    for name in ("/etc/ld.so.cache", "/etc/localtime", "/etc/nsswitch.conf", "/etc/passwd",
                 "/etc/group"):
        if os.path.exists(name):
            argv += ["--ro-bind", name, name]
    made = set()
    binds = [(root, root, "--ro-bind") for root in _python_roots()]
    binds += [(host, inside, "--ro-bind") for host, inside in spec.read_only]
    binds += [(spec.scratch, spec.scratch, "--bind")]
    for host, inside, flag in binds:
        for parent in _parents(inside):
            if parent not in made and parent != "/tmp" and not parent.startswith(("/usr", "/proc", "/dev")):
                argv += ["--perms", "0755", "--dir", parent]
                made.add(parent)
        argv += [flag, host, inside]
    for key, value in spec.env.items():
        argv += ["--setenv", key, str(value)]
    argv += ["--chdir", spec.scratch]
    limits = spec.limits
    rlimits = ["/usr/bin/prlimit", f"--as={limits.memory_mb * 1024 * 1024}",
               f"--cpu={limits.cpu_seconds}", f"--nproc={limits.processes}",
               f"--fsize={limits.file_mb * 1024 * 1024}", f"--nofile={limits.open_files}",
               "--core=0", "--"]
    ids = spec.ids
    if ids is not None:
        # Root keeps CAP_SETUID only long enough for setpriv to become the unprivileged user;
        # the process limit then counts that user's processes (root is exempt from it).
        argv += ["--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID", "--",
                 "/usr/bin/setpriv", f"--reuid={ids[0]}", f"--regid={ids[1]}", "--clear-groups",
                 "--no-new-privs"] + rlimits
    else:
        argv += ["--"] + rlimits
    return argv + list(kernel_argv)


def prepare_scratch(path, ids):
    """Create the scratch folder, owned by the sandbox user so the kernel can write there."""
    os.makedirs(path, exist_ok=True)
    if ids is not None:
        os.chown(path, *ids)
    os.chmod(path, 0o700)


@functools.lru_cache(maxsize=1)
def check_available():
    """Raise SandboxUnavailable unless a trivial command runs in the sandbox (checked once per
    process: the answer does not change between submissions)."""
    import subprocess
    import tempfile

    scratch = tempfile.mkdtemp(prefix="sandbox-check-")
    try:
        spec = SandboxSpec(scratch=scratch, env={"PATH": "/usr/bin:/bin"}, ids=fresh_ids())
        prepare_scratch(scratch, spec.ids)
        argv = command([sys.executable, "-c", "print('ok')"], spec)
        done = subprocess.run(argv, capture_output=True, text=True, timeout=60)
        if done.returncode != 0 or done.stdout.strip() != "ok":
            raise SandboxUnavailable(
                f"bubblewrap could not start a sandbox here: {done.stderr.strip()[:300]}")
    except FileNotFoundError as exc:
        raise SandboxUnavailable(str(exc)) from exc
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


class SandboxedKernelManager(AsyncKernelManager):
    """A kernel manager whose kernel process starts inside :func:`command`'s sandbox."""

    sandbox = Any(None, help="The SandboxSpec for this kernel.")

    def format_kernel_cmd(self, extra_arguments=None):
        argv = super().format_kernel_cmd(extra_arguments)
        return command(argv, self.sandbox)

    async def _async_pre_start_kernel(self, **kw):
        # Connection file and sockets live in the scratch folder: the only place both sides see.
        self.transport = "ipc"
        self.ip = os.path.join(self.sandbox.scratch, "kernel-ipc")
        self.connection_file = os.path.join(self.sandbox.scratch, "kernel.json")
        kw["env"] = dict(self.sandbox.env)
        kw["cwd"] = self.sandbox.scratch
        cmd, kw = await super()._async_pre_start_kernel(**kw)
        if self.sandbox.ids is not None and os.path.exists(self.connection_file):
            os.chown(self.connection_file, *self.sandbox.ids)
        return cmd, kw
