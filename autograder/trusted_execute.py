"""nbgrader's Execute step, rebuilt so that no student code can touch a grade.

Switched on in ``nbgrader_config.py`` in place of nbgrader's ``Execute`` in
``Autograde.autograde_preprocessors``; the stock ``nbgrader autograde`` command runs it.

How one submission is run
-------------------------
1. A fresh scratch folder gets the only files taken from the submission (``allowed_files``,
   e.g. the saved weights). Everything else the student submitted (a ``numpy.py``, a fake
   ``assignment/``) is left out and listed in the grading report.
2. A kernel starts in a bubblewrap sandbox (:mod:`autograder.sandbox`) in that folder.
3. Every code cell that is not an autograder test runs in that kernel, as the student wrote it.
   A cell that times out or kills the kernel is recorded; the kernel is restarted, the cells
   that had run are replayed, and grading goes on.
4. Autograder test cells never run in the kernel. Their hidden block, read from the gradebook
   (never from the submission), runs here in the grader's process against
   :mod:`autograder.judge`; calls to the student's functions cross into the kernel as data files.
   The cell's outputs are written here from the verdict alone, so whatever the kernel prints
   (a fake ``execute_result``, a warning on stderr) cannot change a score.
5. A grading report (markdown cell at the top + ``grading_report.json``) lists what happened.
"""

import ast
import functools
import json
import os
import shutil
import sys
import tempfile
import time
import traceback

import nbformat
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbclient import NotebookClient
from nbgrader.api import Gradebook
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import Execute
from traitlets import Bool, Integer, List, Unicode

from . import judge, sandbox

BEGIN_HIDDEN = "BEGIN HIDDEN TESTS"
END_HIDDEN = "END HIDDEN TESTS"


def hidden_block(source):
    """The code between the hidden-test delimiters of a test cell ('' if there is none)."""
    lines, inside, block = source.split("\n"), False, []
    for line in lines:
        if BEGIN_HIDDEN in line:
            inside = True
        elif END_HIDDEN in line:
            inside = False
        elif inside:
            block.append(line)
    return "\n".join(block)


def _without_hidden(source):
    """``source`` without its hidden-test blocks: only whole ``### BEGIN/END HIDDEN TESTS``
    comment lines delimit one, so a student's string that merely mentions the words is kept."""
    lines, out, start = source.split("\n"), [], None
    for index, line in enumerate(lines):
        marker = line.strip().lstrip("#").strip()
        if line.strip().startswith("#") and marker == BEGIN_HIDDEN and start is None:
            start = index
        elif line.strip().startswith("#") and marker == END_HIDDEN and start is not None:
            start = None
        elif start is None:
            out.append(line)
    if start is not None:  # no closing line: not a hidden block after all
        out += lines[start:]
    return "\n".join(out)


def _nbgrader_meta(cell):
    return cell.get("metadata", {}).get("nbgrader", {})


def _world_readable(folder):
    """Whether a user with no relation to the files can list ``folder`` and read its files."""
    import stat

    for path in [folder] + [os.path.join(folder, n) for n in os.listdir(folder)][:20]:
        mode = os.stat(path).st_mode
        need = (stat.S_IROTH | stat.S_IXOTH) if stat.S_ISDIR(mode) else stat.S_IROTH
        if mode & need != need:
            return False
    # Its parent folders need no permissions: the sandbox binds the folder itself.
    return True


def run_block(source, namespace, filename):
    """Execute ``source`` like a notebook cell; return the value of a final expression.

    The source is split as text and each part compiled from text: compiling an ``ast`` object
    can fail spuriously in a long-running CPython 3.11 process ("AST constructor recursion depth
    mismatch").
    """
    tree = ast.parse(source, filename=filename)
    lines = source.splitlines(keepends=True)
    last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    if last is None:
        exec(compile(source, filename, "exec"), namespace)
        return None
    head = "".join(lines[: last.lineno - 1])
    tail = "".join(lines[last.lineno - 1: last.end_lineno])
    exec(compile(head, filename, "exec"), namespace)
    return eval(compile(tail.strip(), filename, "eval"), namespace)


@functools.lru_cache(maxsize=1)
def _probe_source():
    """The kernel-side probe's source, read once per grading process."""
    with open(os.path.join(os.path.dirname(judge.__file__), "probe.py"), encoding="utf-8") as handle:
        return handle.read()


class _KernelBackend:
    """Judge backend that sends calls into the sandboxed kernel as data files."""

    def __init__(self, executor):
        self.executor = executor
        self.stuck = {}  # function name -> why its earlier call produced nothing

    def calls_dir(self):
        return self.executor.exchange

    def results_dir(self):
        return self.executor.scratch

    def run_calls(self, function_name, calls_path, result_path, count_lines):
        if function_name in self.stuck:
            # One timeout or crash per function is enough: later tests fail at once.
            return self.stuck[function_name] + " (in an earlier test)"
        code = (
            "def __grader_probe():\n"
            "    import sys as _s, types as _t\n"
            "    _m = _t.ModuleType('__grader_probe__')\n"
            f"    exec(compile({_probe_source()!r}, '<grader-probe>', 'exec'), _m.__dict__)\n"
            f"    _m.run_calls({function_name!r}, {calls_path!r}, {result_path!r}, {bool(count_lines)})\n"
            "__grader_probe()\n"
            "del __grader_probe\n"
        )
        problem = self.executor.run_grader_code(code, f"the call of {function_name}")
        if problem and ("timed out" in problem or "killed the kernel" in problem):
            self.stuck[function_name] = problem
        return problem

    def read_cell(self, grade_id):
        for cell in self.executor.nb.cells:
            meta = _nbgrader_meta(cell)
            if meta.get("grade_id") == grade_id and meta.get("solution"):
                return cell.get("source", "")
        raise LookupError(grade_id)

    def data_dir(self):
        return self.executor.dataset_dir()

    def submitted_file(self, name):
        path = os.path.join(self.executor.exchange, name)
        return path if os.path.isfile(path) else None


class TrustedExecute(Execute):
    """Run student cells in a sandboxed kernel and hidden tests in the grader process."""

    sandbox = Bool(True, help="Run the kernel inside bubblewrap.").tag(config=True)
    allow_unsandboxed = Bool(
        False, help="Grade even where bubblewrap is unavailable (student code then runs with the "
                    "grader's permissions). Off unless the instructor passes it explicitly."
    ).tag(config=True)
    memory_limit_mb = Integer(3072, help="Address-space limit of the kernel.").tag(config=True)
    cpu_limit_seconds = Integer(900, help="CPU seconds for the whole kernel.").tag(config=True)
    process_limit = Integer(64, help="Processes and threads the sandbox user may have.").tag(config=True)
    notebook_timeout = Integer(900, help="Wall-clock seconds for one whole notebook.").tag(config=True)
    max_restarts = Integer(3, help="Kernel restarts (after a crash or timeout) per notebook; "
                                   "bounds the time one pathological notebook can take.").tag(config=True)
    probe_timeout = Integer(30, help="Seconds for one hidden test's calls of a student function "
                                     "(its inputs are small).").tag(config=True)
    iopub_timeout = Integer(
        15, help="Seconds to wait for a finished cell's last outputs (nbgrader's 4 s is too "
                 "short on a loaded machine).").tag(config=True)
    raise_on_iopub_timeout = Bool(
        False, help="Late outputs are not an error: grades never depend on cell outputs.").tag(config=True)
    interrupt_on_timeout = Bool(
        False, help="A timed-out cell's kernel is killed and restarted, not interrupted: SIGINT "
                    "cannot reach a kernel in its own session, and student code can ignore it."
    ).tag(config=True)
    max_output_chars = Integer(20000, help="Characters of output kept per cell.").tag(config=True)
    allowed_files = List(Unicode(), ["softmax_best_W.npy"],
                         help="The only files taken from a submission besides the notebook.").tag(config=True)
    max_allowed_file_mb = Integer(8, help="Largest allowed file taken from a submission.").tag(config=True)
    data_dir = Unicode("", help="Dataset folder bound read-only into the sandbox "
                                "(default: assignment.cifar10.default_data_dir()).").tag(config=True)

    # ----------------------------------------------------------------------------------------
    def preprocess(self, nb, resources=None, km=None):
        NotebookClient.__init__(self, nb, km)
        self.reset_execution_trackers()
        self._check_assign_resources(resources)
        self.report = {"events": [], "ignored_files": [], "sandbox": self.sandbox, "seconds": {}}
        started = time.monotonic()
        info = resources["nbgrader"]
        self.submission_dir = resources.get("metadata", {}).get("path") or os.getcwd()
        problem = nb.metadata.get("grading_problem")
        if problem:
            self.report["events"].append(f"submission unreadable: {problem}")
        duplicated = nb.metadata.get("grading_duplicated_cells")
        if duplicated:
            self.report["events"].append("duplicated cells (only the last copy of each is graded): "
                                         + ", ".join(duplicated))
        restored = nb.metadata.get("grading_restored_cells")
        if restored:
            self.report["events"].append("cells missing from the submission were restored "
                                         "(solutions as empty stubs): " + ", ".join(restored))
        self._load_hidden_tests(info)
        self._check_sandbox()
        root = tempfile.mkdtemp(prefix=f"grade-{info['student']}-")
        # work/: the kernel's own folder (it may write there). exchange/: written only by the
        # grader (calls to the student's functions, copies of submitted files), read-only
        # inside the sandbox, so nothing there can be a link the student planted.
        self.scratch = os.path.join(root, "work")
        self.exchange = os.path.join(root, "exchange")
        try:
            self._prepare_scratch()
            tic = time.monotonic()
            self._start_kernel()
            self.report["seconds"]["kernel start"] = round(time.monotonic() - tic, 2)
            self._run_notebook()
        finally:
            self._stop_kernel()
            shutil.rmtree(root, ignore_errors=True)
            self.report["seconds"]["total"] = round(time.monotonic() - started, 2)
        self._write_report()
        return self.nb, self.resources

    # ----------------------------------------------------------------------------------------
    # Setup.

    def _load_hidden_tests(self, info):
        """Hidden blocks of every test cell, from the gradebook, in the source notebook's order."""
        self.hidden, order = {}, []
        with Gradebook(info["db_url"]) as gb:
            notebook = gb.find_notebook(info["notebook"], info["assignment"])
            solution_ids = {c.name for c in notebook.solution_cells}
            for grade_cell in notebook.grade_cells:
                if grade_cell.cell_type == "code" and grade_cell.name not in solution_ids:
                    source = gb.find_source_cell(grade_cell.name, info["notebook"], info["assignment"]).source
                    self.hidden[grade_cell.name] = hidden_block(source)
        coursedir = CourseDirectory(config=self.config)
        source_nb = os.path.join(coursedir.format_path(coursedir.source_directory, ".", info["assignment"]),
                                 info["notebook"] + ".ipynb")
        if os.path.exists(source_nb):
            for cell in nbformat.read(source_nb, as_version=4).cells:
                gid = _nbgrader_meta(cell).get("grade_id")
                if gid in self.hidden:
                    order.append(gid)
        self.test_order = order + sorted(set(self.hidden) - set(order))

    def _check_sandbox(self):
        if not self.sandbox:
            if not self.allow_unsandboxed:
                raise RuntimeError(
                    "TrustedExecute.sandbox is off: student code would run with your permissions. "
                    "Pass --TrustedExecute.allow_unsandboxed=True to grade anyway.")
            self.report["events"].append("graded WITHOUT a sandbox (allow_unsandboxed)")
            return
        try:
            sandbox.check_available()
        except sandbox.SandboxUnavailable as exc:
            if not self.allow_unsandboxed:
                raise RuntimeError(
                    f"{exc}. Student code will not run outside a sandbox: install bubblewrap "
                    "(Debian/Ubuntu: apt-get install bubblewrap), or, only if you trust every "
                    "submission, pass --TrustedExecute.allow_unsandboxed=True.") from exc
            self.sandbox = False
            self.report["events"].append(f"graded WITHOUT a sandbox: {exc}")
        self.report["sandbox"] = self.sandbox

    def _prepare_scratch(self):
        if self.sandbox:
            self.sandbox_ids = sandbox.fresh_ids()
            sandbox.prepare_scratch(self.scratch, self.sandbox_ids)
        else:
            os.makedirs(self.scratch)
        os.makedirs(self.exchange)
        os.chmod(self.exchange, 0o755)
        os.chmod(os.path.dirname(self.exchange), 0o755)
        info = self.resources["nbgrader"]
        notebook_name = info["notebook"] + ".ipynb"
        # Files come from the submission as the student handed it in (submitted/), not from
        # autograded/, where nbgrader's copy step both drops and adds files.
        coursedir = CourseDirectory(config=self.config)
        submitted = coursedir.format_path(coursedir.submitted_directory, info["student"], info["assignment"])
        for dirpath, dirnames, filenames in os.walk(submitted):
            dirnames[:] = [d for d in dirnames if d not in ("__pycache__", ".ipynb_checkpoints")]
            for name in filenames:
                full = os.path.join(dirpath, name)
                rel = os.path.relpath(full, submitted)
                if rel in (notebook_name, "timestamp.txt"):
                    continue
                if rel in self.allowed_files and not os.path.islink(full) and os.path.isfile(full) \
                        and os.path.getsize(full) <= self.max_allowed_file_mb * 1024 * 1024:
                    # Copies, not links: the kernel may rewrite its copy, never the submission.
                    shutil.copyfile(full, os.path.join(self.scratch, rel))
                    shutil.copyfile(full, os.path.join(self.exchange, rel))
                else:
                    self.report["ignored_files"].append(rel)
        if self.report["ignored_files"]:
            self.report["events"].append(
                "ignored submitted files (only the notebook and "
                f"{', '.join(self.allowed_files)} are graded): "
                + ", ".join(sorted(self.report["ignored_files"])[:20]))

    def dataset_dir(self):
        from assignment import cifar10

        return self.data_dir or str(cifar10.default_data_dir())

    def _kernel_env(self):
        import assignment

        env = {
            "PATH": f"{os.path.dirname(sys.executable)}:/usr/local/bin:/usr/bin:/bin",
            "HOME": self.scratch,
            "LANG": "C.UTF-8",
            "MPLBACKEND": "Agg",
            "MPLCONFIGDIR": os.path.join(self.scratch, ".matplotlib"),
            "NBGRADER_EXECUTION": "autograde",
            "PYTHONDONTWRITEBYTECODE": "1",
            "OPENBLAS_NUM_THREADS": "1",
            "OMP_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1",
        }
        for key in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
            if key in os.environ:
                env[key] = os.environ[key]
        data_dir = self.dataset_dir()
        package = os.path.dirname(os.path.abspath(assignment.__file__))
        binds = []
        if self.sandbox:
            # The trusted package sits outside the working directory, which only holds files
            # we copied there, so nothing a student submits can shadow it.
            binds.append((package, "/opt/course/assignment"))
            binds.append((self.exchange, self.exchange))
            env["PYTHONPATH"] = "/opt/course"
        else:
            env["PYTHONPATH"] = os.path.dirname(package)
        if os.path.isdir(data_dir) and self.sandbox and not _world_readable(data_dir):
            self.report["events"].append(
                f"dataset folder {data_dir} is not readable by the sandbox user: "
                f"chmod -R o+rX {data_dir} (student code runs as an unprivileged user)")
        if os.path.isdir(data_dir):
            binds.append((os.path.realpath(data_dir), os.path.realpath(data_dir)))
            env["CIFAR10_DIR"] = os.path.realpath(data_dir)
        else:
            self.report["events"].append(f"dataset folder not found: {data_dir}")
            env["CIFAR10_DIR"] = data_dir
        return env, binds

    # ----------------------------------------------------------------------------------------
    # Kernel life cycle.

    def create_kernel_manager(self):
        if not self.kernel_name:
            self.kernel_name = self.nb.metadata.get("kernelspec", {}).get("name", "python3")
        env, binds = self._kernel_env()
        if self.sandbox:
            spec = sandbox.SandboxSpec(
                scratch=self.scratch, read_only=binds, env=env, ids=self.sandbox_ids,
                limits=sandbox.Limits(memory_mb=self.memory_limit_mb,
                                      cpu_seconds=self.cpu_limit_seconds,
                                      processes=self.process_limit))
            self.km = sandbox.SandboxedKernelManager(kernel_name=self.kernel_name,
                                                     config=self.config, sandbox=spec)
        else:
            self.km = self.kernel_manager_class(kernel_name=self.kernel_name, config=self.config)
            self._unsandboxed_env = env
        return self.km

    def _start_kernel(self):
        self.create_kernel_manager()
        kwargs = {"cwd": self.scratch}
        if not self.sandbox:
            kwargs["env"] = dict(self._unsandboxed_env)
        self.start_new_kernel(**kwargs)
        self.kc = self.start_new_kernel_client()
        info = self.wait_for_reply(self.kc.kernel_info())
        if info:
            self.nb.metadata["language_info"] = info["content"]["language_info"]

    def _stop_kernel(self):
        if getattr(self, "km", None) is not None:
            try:
                self._cleanup_kernel()
            except Exception:  # a kernel that is already gone is fine
                self.log.debug("kernel cleanup failed", exc_info=True)
            self.km = None
            self.kc = None
        # Whatever the sandbox user still runs (forks that outlived the kernel) dies now, so
        # nothing carries over to the next cell or student.
        leftover = sandbox.reap(getattr(self, "sandbox_ids", None)) if self.sandbox else 0
        if leftover:
            self.report["events"].append(f"killed {leftover} leftover process(es) of the submission")

    def _exit_reason(self):
        """Why the kernel process ended, from its exit status."""
        process = getattr(getattr(self.km, "provisioner", None), "process", None)
        code = process.poll() if process is not None else None
        if code is None:
            return "the kernel stopped responding"
        if code in (-9, 137):
            return "killed (memory or CPU-time limit, or killed itself)"
        if code in (-24, 152):
            return "killed: CPU time limit"
        return f"the kernel exited with status {code} (os._exit, sys.exit in a thread, or a crash)"

    # ----------------------------------------------------------------------------------------
    # Running cells.

    def _run_notebook(self):
        self.deadline = time.monotonic() + self.notebook_timeout
        self.restarts, self.replay, self.judged, self.broken = 0, [], set(), None
        self.judge_namespace = {"__name__": "hidden_tests"}
        self.backend = _KernelBackend(self)
        for index, cell in enumerate(list(self.nb.cells)):
            if cell.cell_type != "code":
                continue
            gid = _nbgrader_meta(cell).get("grade_id")
            if gid in self.hidden:
                # A test's id, whatever flags the submission gave the cell: judged, never run.
                self._judge_upto(gid)
                continue
            if BEGIN_HIDDEN in cell.source:
                # Defence in depth: a hidden block that reached an ordinary cell never runs.
                cell.source = _without_hidden(cell.source)
            if self.broken:
                cell.outputs = [self._error_output("NotRun", f"not run: {self.broken}")]
                continue
            self._run_student_cell(cell, index)
        for gid in self.test_order:  # tests whose cells were deleted and not restored
            if gid not in self.judged:
                self._judge_upto(gid)

    def _run_student_cell(self, cell, index):
        if time.monotonic() > self.deadline:
            self.broken = f"the notebook used its whole time budget ({self.notebook_timeout} s)"
            self.report["events"].append(self.broken)
            cell.outputs = [self._error_output("NotRun", f"not run: {self.broken}")]
            return
        name = _nbgrader_meta(cell).get("grade_id") or f"#{index + 1}"
        started = time.monotonic()
        try:
            self.execute_cell(cell, index, store_history=True)
        except DeadKernelError:
            reason = self._exit_reason()
            cell.outputs = list(cell.get("outputs", [])) + [
                self._error_output("KernelDied", f"{reason} while running {name}")]
            self.report["events"].append(f"{reason} in cell {name}")
            self._restart(f"{reason} in {name}")
            return
        except (CellTimeoutError, TimeoutError):
            cell.outputs = list(cell.get("outputs", [])) + [self._error_output(
                "CellTimeoutError", f"{name} did not finish within {self.timeout} s")]
        finally:
            self.report["seconds"][name] = round(time.monotonic() - started, 2)
        self._limit_output(cell)
        if any(o.get("ename") == "CellTimeoutError" for o in cell.outputs if o.output_type == "error"):
            self.report["events"].append(f"timed out in cell {name} (limit {self.timeout} s)")
            self._restart(f"timeout in {name}")
            return
        self.replay.append(cell.source)

    def _restart(self, why):
        """Start a fresh kernel and replay the cells that ran, so later tests still get graded."""
        self._stop_kernel()
        if self.restarts >= self.max_restarts:
            self.broken = f"the kernel was restarted {self.restarts} times; last: {why}"
            self.report["events"].append(self.broken)
            return
        self.restarts += 1
        self._start_kernel()
        for source in self.replay:
            scratch = nbformat.v4.new_code_cell(source)
            if self._execute_scratch(scratch) == "dead":
                self._stop_kernel()
                self.broken = f"the kernel died again while replaying cells after: {why}"
                self.report["events"].append(self.broken)
                return

    def _execute_scratch(self, cell, timeout=None):
        """Run a cell that is not part of the notebook; return 'dead', 'timeout' or None."""
        if self.kc is None:
            return "dead"
        self.nb.cells.append(cell)
        saved_timeout = self.timeout
        if timeout is not None:
            self.timeout = timeout
        try:
            self.execute_cell(cell, len(self.nb.cells) - 1, store_history=False)
        except DeadKernelError:
            return "dead"
        except (CellTimeoutError, TimeoutError):
            return "timeout"
        finally:
            self.timeout = saved_timeout
            self.nb.cells.pop()
        if any(o.get("ename") == "CellTimeoutError" for o in cell.outputs if o.output_type == "error"):
            return "timeout"
        return None

    def run_grader_code(self, code, what):
        """Run grader code (a probe call) in the kernel; return None or why it produced nothing."""
        if self.broken or self.kc is None:
            return f"{what} could not run: {self.broken or 'no kernel'}"
        cell = nbformat.v4.new_code_cell(code)
        status = self._execute_scratch(cell, timeout=self.probe_timeout)
        if status == "dead":
            reason = self._exit_reason()
            self.report["events"].append(f"{reason} during {what}")
            self._restart(f"{reason} during {what}")
            return f"{what} killed the kernel ({reason})"
        if status == "timeout":
            self.report["events"].append(f"{what} timed out after {self.probe_timeout} s")
            self._restart(f"timeout during {what}")
            return f"{what} timed out after {self.probe_timeout} s (an infinite loop?)"
        return None

    def _limit_output(self, cell):
        total, kept = 0, []
        for output in cell.get("outputs", []):
            size = len(json.dumps(output))
            if total + size > self.max_output_chars:
                kept.append(nbformat.v4.new_output(
                    "stream", name="stdout",
                    text=f"\n[output cut: more than {self.max_output_chars} characters]\n"))
                break
            total += size
            kept.append(output)
        cell.outputs = kept

    # ----------------------------------------------------------------------------------------
    # Judging.

    def _cell_for(self, grade_id):
        for cell in self.nb.cells:
            if cell.get("cell_type") == "code" and _nbgrader_meta(cell).get("grade_id") == grade_id:
                return cell
        return None

    def _judge_upto(self, grade_id):
        """Judge every not-yet-judged test up to ``grade_id`` in the source notebook's order.

        Hidden blocks share one namespace in that order (the reference is defined once, in the
        first), whatever order the submission has its cells in.
        """
        for gid in self.test_order:
            if gid not in self.judged:
                self.judged.add(gid)
                self._judge_one(gid, self._cell_for(gid))
            if gid == grade_id:
                return

    def _judge_one(self, grade_id, cell):
        started = time.monotonic()
        try:
            self._judge_cell(grade_id, cell)
        finally:
            self.report["seconds"][grade_id] = round(time.monotonic() - started, 2)

    def _judge_cell(self, grade_id, cell):
        judge.take_notes()
        previous = judge.use_backend(self.backend)
        outputs = []
        try:
            value = run_block(self.hidden[grade_id], self.judge_namespace, f"<hidden test {grade_id}>")
        except judge.Fail as failure:
            outputs = self._notes_output() + [self._error_output("TestFailed", str(failure))]
        except Exception as exc:
            self.log.error("Hidden test %s crashed:\n%s", grade_id, traceback.format_exc())
            outputs = self._notes_output() + [self._error_output(
                "GraderError", f"the hidden test itself crashed ({type(exc).__name__}); "
                               "this is not your fault: tell your instructor")]
            self.report["events"].append(
                f"hidden test {grade_id} crashed: {type(exc).__name__}: {str(exc)[:300]}")
        else:
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                outputs = self._notes_output() + [nbformat.v4.new_output(
                    "execute_result", data={"text/plain": repr(float(value))}, execution_count=None)]
            else:
                outputs = self._notes_output() or [nbformat.v4.new_output(
                    "stream", name="stdout", text="passed\n")]
        finally:
            judge.use_backend(previous)
        if cell is not None:
            cell.outputs = outputs
            cell.execution_count = None

    def _notes_output(self):
        notes = judge.take_notes()
        if not notes:
            return []
        return [nbformat.v4.new_output("stream", name="stdout", text="\n".join(notes) + "\n")]

    @staticmethod
    def _error_output(ename, message):
        return nbformat.v4.new_output("error", ename=ename, evalue=message,
                                      traceback=[f"{ename}: {message}"])

    # ----------------------------------------------------------------------------------------
    # Report.

    def _write_report(self):
        events = self.report["events"]
        lines = ["**Grading report** (written by the autograder)", ""]
        lines.append("- sandbox: " + ("yes" if self.report["sandbox"] else "NO"))
        lines += [f"- {event}" for event in events] or ["- nothing unusual"]
        report_cell = nbformat.v4.new_markdown_cell("\n".join(lines))
        report_cell.metadata["grading_report"] = True
        self.nb.cells = [c for c in self.nb.cells if not c.get("metadata", {}).get("grading_report")]
        self.nb.cells.insert(0, report_cell)
        try:
            with open(os.path.join(self.submission_dir, "grading_report.json"), "w") as handle:
                json.dump(self.report, handle, indent=2)
        except OSError:
            self.log.warning("could not write grading_report.json", exc_info=True)
