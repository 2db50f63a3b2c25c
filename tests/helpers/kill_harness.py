"""Kill a workload with SIGKILL at random moments, many times, and judge what it left.

``kill_at_random(workload, template, judge, runs=N)`` runs ``workload(path)`` on a fresh
copy of ``template`` in a child process, kills the child with SIGKILL after a random
delay, then calls ``judge(path)``, which checks the database (``integrity_check`` at
least) and returns a label for what it found ("none", "all", "phase 2" …) or raises
AssertionError for a state that must never happen (half an operation).

The first run is not killed: it measures how long the workload takes, and the kills
fall uniformly over that time plus a tenth (so a few land after the commit, between
commit and exit, or after the end).

Children are forked from a *zygote*: a Python process that imported the workload's
module once and forks a fresh child per run.  A kill then costs milliseconds instead
of the second a new interpreter needs to import SQLAlchemy and the models, which is
what keeps thirty kills affordable.  POSIX only (fork, SIGKILL).
"""

from __future__ import annotations

import json
import os
import random
import select
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

_ZYGOTE = r"""
import importlib, json, os, sys, traceback
module_name, _, qualname = sys.argv[1].partition(":")
target = importlib.import_module(module_name)
for part in qualname.split("."):
    target = getattr(target, part)
print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    args = json.loads(line)
    pid = os.fork()
    if pid == 0:
        os.dup2(2, 1)  # the child's prints must not mix with the protocol on stdout
        code = 0
        try:
            target(*args)
        except BaseException:
            traceback.print_exc()
            code = 1
        sys.stderr.flush()
        os._exit(code)  # no clean-up: as abrupt as the end of a real process
    print(json.dumps({"pid": pid}), flush=True)
    _, status = os.waitpid(pid, 0)
    print(json.dumps({"exit": os.waitstatus_to_exitcode(status)}), flush=True)
"""


class _Lines:
    """Lines from a pipe, read with a timeout (select on the raw descriptor)."""

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._buffer = b""

    def read(self, timeout: float | None) -> dict[str, object] | None:
        deadline = None if timeout is None else time.monotonic() + timeout
        while b"\n" not in self._buffer:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([self._fd], [], [], left)
            if not ready:
                return None
            chunk = os.read(self._fd, 4096)
            if not chunk:
                raise RuntimeError("the zygote ended unexpectedly")
            self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return dict(json.loads(line))


class Zygote:
    """A warm process that forks one child per run of ``target`` ("module:function")."""

    def __init__(self, target: str, log: Path) -> None:
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
        }
        self.log = log
        self._log_file = open(log, "wb")  # noqa: SIM115 - closed in close()
        self._process = subprocess.Popen(
            [sys.executable, "-c", _ZYGOTE, target],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log_file,
            bufsize=0,
            env=env,
        )
        assert self._process.stdout is not None
        self._lines = _Lines(self._process.stdout.fileno())
        if self._lines.read(60) != {"ready": True}:
            raise RuntimeError(f"the zygote did not start: {log.read_text(errors='replace')}")

    def start(self, *args: str) -> int:
        """Fork a child running ``target(*args)``; return its pid."""
        assert self._process.stdin is not None
        self._process.stdin.write((json.dumps(list(args)) + "\n").encode())
        self._process.stdin.flush()
        message = self._lines.read(60)
        assert message is not None
        assert "pid" in message
        return int(message["pid"])  # type: ignore[call-overload]

    def wait(self, timeout: float | None) -> int | None:
        """Return the child's exit code, or None if it still runs after ``timeout``."""
        message = self._lines.read(timeout)
        return None if message is None else int(message["exit"])  # type: ignore[call-overload]

    def close(self) -> None:
        """End the zygote and close its pipes and log."""
        for stream in (self._process.stdin, self._process.stdout):
            if stream is not None:
                stream.close()
        try:
            self._process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._log_file.close()


@dataclass
class KillReport:
    """What the kills found.

    Attributes:
        name: the workload.
        runs: runs after the calibration run.
        killed: runs ended by SIGKILL (the others had finished first).
        outcomes: how often the judge returned each label (after every run).
        calibration_seconds: the duration of the uninterrupted first run.
        seconds: wall time for everything.
    """

    name: str
    runs: int = 0
    killed: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    calibration_seconds: float = 0.0
    seconds: float = 0.0

    def summary(self) -> str:
        """One line for the test output."""
        found = ", ".join(f"{label}: {count}" for label, count in sorted(self.outcomes.items()))
        return (
            f"{self.name}: {self.killed} kills in {self.runs} runs + 1 uninterrupted (run time "
            f"{self.calibration_seconds:.2f} s, total {self.seconds:.1f} s); "
            f"after each: integrity ok; found {found}"
        )


def _target_of(workload: Callable[..., object]) -> str:
    qualname = workload.__qualname__
    if "<locals>" in qualname or workload.__module__ == "__main__":
        raise ValueError("the workload must be a module-level function the child can import")
    return f"{workload.__module__}:{qualname}"


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def kill_at_random(
    workload: Callable[..., object],
    template: Path,
    judge: Callable[[Path], str],
    *,
    runs: int,
    workdir: Path,
    args: tuple[str, ...] = (),
    seed: int = 1343,
) -> KillReport:
    """Run ``workload(path, *args)`` ``runs`` times, killing it at random moments.

    Args:
        workload: a module-level function taking the database path (text) and ``args``.
        template: the database each run starts from (copied).
        judge: checks the database left behind; returns a label or raises.
        runs: how many runs after the calibration run.
        workdir: where the copies live (each is removed once judged).
        args: more text arguments for the workload.
        seed: for the random delays (printed in the report to replay a failure).

    Raises:
        AssertionError: from the judge, or a workload that failed on its own.
    """
    if not hasattr(os, "fork"):  # pragma: no cover - Windows
        raise RuntimeError("the kill harness needs fork()")
    rng = random.Random(seed)
    report = KillReport(name=f"{workload.__name__}{args} seed={seed}")
    started = time.monotonic()
    zygote = Zygote(_target_of(workload), workdir / f"{workload.__name__}.log")
    try:
        for run in range(runs + 1):
            path = workdir / f"run-{run:03d}.sqlite3"
            shutil.copyfile(template, path)
            begun = time.monotonic()
            pid = zygote.start(str(path), *args)
            if run == 0:
                code = zygote.wait(None)
                report.calibration_seconds = time.monotonic() - begun
            else:
                delay = rng.uniform(0.0, report.calibration_seconds * 1.1)
                code = zygote.wait(delay)
                if code is None:
                    try:
                        os.kill(pid, signal.SIGKILL)
                        report.killed += 1
                    except ProcessLookupError:
                        # It ended (and the zygote reaped it) just as the delay ran out.
                        pass
                    code = zygote.wait(None)
                report.runs += 1
            if code not in (0, -signal.SIGKILL):
                raise AssertionError(
                    f"run {run} of {report.name} failed on its own (exit {code}):\n"
                    + zygote.log.read_text(errors="replace")[-3000:]
                )
            label = judge(path)
            report.outcomes[label] += 1
            _remove_database(path)
    finally:
        zygote.close()
    report.seconds = time.monotonic() - started
    return report
