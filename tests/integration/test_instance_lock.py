"""One window per database: the second is told who holds it, crashes leave no lock behind."""

from __future__ import annotations

import getpass
import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from carceles_desktop.app import main
from carceles_desktop.domain.users import Setting
from carceles_desktop.errors import StorageUnavailable
from carceles_desktop.storage import instance_lock
from carceles_desktop.storage.instance_lock import (
    DatabaseInUse,
    InstanceLock,
    lock_path_for,
    read_lock,
)
from carceles_desktop.storage.opening import open_locked, open_read_only
from carceles_desktop.storage.unit_of_work import Database

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]

HOLDER = """
import sys
from pathlib import Path
from carceles_desktop.storage.instance_lock import DatabaseInUse, InstanceLock

lock = InstanceLock(Path(sys.argv[1]))
print("ready", flush=True)
if len(sys.argv) > 2:
    sys.stdin.readline()  # wait for the start signal
try:
    lock.acquire()
except DatabaseInUse:
    print("refused", flush=True)
    sys.exit(0)
print("held", flush=True)
sys.stdin.readline()
lock.release()
print("released", flush=True)
"""


def _holder(database: Path, *, wait_for_go: bool = False) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    args = [sys.executable, "-c", HOLDER, str(database)] + (["go"] if wait_for_go else [])
    process = subprocess.Popen(
        args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    return process


def _line(process: subprocess.Popen[str]) -> str:
    assert process.stdout is not None
    return process.stdout.readline().strip()


def _finish(process: subprocess.Popen[str]) -> None:
    """Stop the process if it still runs, reap it and close its pipes."""
    if process.poll() is None:
        process.kill()
    process.wait()
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            stream.close()


def _say(process: subprocess.Popen[str], text: str = "go") -> None:
    assert process.stdin is not None
    process.stdin.write(text + "\n")
    process.stdin.flush()


@pytest.fixture
def held(database_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the database's lock."""
    process = _holder(database_path)
    assert _line(process) == "held"
    yield process
    _finish(process)


def test_a_second_program_is_told_which_computer_and_user_hold_the_database(
    database_path: Path, held: subprocess.Popen[str]
) -> None:
    with pytest.raises(DatabaseInUse) as caught:
        InstanceLock(database_path).acquire()
    owner = caught.value.owner
    assert owner is not None
    assert (owner.host, owner.user, owner.pid) == (
        socket.gethostname(),
        getpass.getuser(),
        held.pid,
    )
    assert socket.gethostname() in str(caught.value)
    assert getpass.getuser() in str(caught.value)

    _say(held, "release")
    assert _line(held) == "released"
    with InstanceLock(database_path) as lock:
        assert lock.took_over is None
        assert read_lock(database_path) == lock.owner
    assert not lock_path_for(database_path).exists()


@pytest.mark.parametrize("reaped", [True, False], ids=["reaped", "zombie"])
def test_the_lock_of_a_killed_program_is_taken_over(database_path: Path, reaped: bool) -> None:
    process = _holder(database_path)
    assert _line(process) == "held"
    process.send_signal(signal.SIGKILL)
    if reaped:
        process.wait()
    else:  # wait until it is dead but leave it unreaped: a zombie
        os.waitid(os.P_PID, process.pid, os.WEXITED | os.WNOWAIT)
    try:
        with InstanceLock(database_path) as lock:
            assert lock.took_over is not None
            assert lock.took_over.pid == process.pid
            assert read_lock(database_path) == lock.owner
            assert lock.owner is not None
            assert lock.owner.pid == os.getpid()
    finally:
        _finish(process)


def test_choosing_read_only_reads_and_refuses_to_write(
    database: Database, database_path: Path, held: subprocess.Popen[str]
) -> None:
    lock_before = lock_path_for(database_path).read_bytes()
    with pytest.raises(DatabaseInUse):
        open_locked(str(database_path))
    reader = open_read_only(str(database_path))
    try:
        with reader.unit_of_work(read_only=True) as uow:
            assert uow.session.query(Setting).count() >= 0
        with reader.unit_of_work() as uow:
            uow.session.add(Setting(key="no.debe", value="1"))
            with pytest.raises(StorageUnavailable, match="read-only"):
                uow.commit()
    finally:
        reader.dispose()
    assert lock_path_for(database_path).read_bytes() == lock_before


def _write_lock(database: Path, *, host: str, age: timedelta, pid: int = 4242) -> None:
    moment = (datetime.now(UTC) - age).isoformat(timespec="seconds")
    lock_path_for(database).write_text(
        json.dumps(
            {
                "host": host,
                "user": "jperez",
                "pid": pid,
                "started": moment,
                "heartbeat": moment,
                "token": "t" * 32,
            }
        ),
        encoding="utf-8",
    )


def test_a_lock_from_another_computer_is_honoured_while_its_heartbeat_is_fresh(
    database_path: Path,
) -> None:
    _write_lock(database_path, host="PC-TALLER-2", age=timedelta(minutes=5))
    with pytest.raises(DatabaseInUse, match="PC-TALLER-2") as caught:
        InstanceLock(database_path).acquire()
    assert "jperez" in str(caught.value)


def test_a_lock_from_another_computer_without_heartbeat_for_hours_is_stale(
    database_path: Path,
) -> None:
    _write_lock(database_path, host="PC-TALLER-2", age=timedelta(hours=7))
    with InstanceLock(database_path, stale_after=timedelta(hours=6)) as lock:
        assert lock.took_over is not None
        assert lock.took_over.host == "PC-TALLER-2"


def test_a_lock_written_before_this_computer_started_is_stale(database_path: Path) -> None:
    if not Path("/proc/stat").exists():
        pytest.skip("boot time is read from /proc/stat")
    # pid 1 is alive, but the lock predates the boot: pid numbers were reused.
    _write_lock(database_path, host=socket.gethostname(), age=timedelta(days=3650), pid=1)
    with InstanceLock(database_path) as lock:
        assert lock.took_over is not None


def test_a_second_lock_in_the_same_process_is_refused_and_heartbeats_are_written(
    database_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database, lock = open_locked(str(database_path))
    assert lock is not None
    try:
        with pytest.raises(DatabaseInUse):
            InstanceLock(database_path).acquire()
        later = "2030-01-01T00:00:00+00:00"
        monkeypatch.setattr(instance_lock, "_now_text", lambda: later)
        lock.heartbeat()
        found = read_lock(database_path)
        assert found is not None
        assert found.heartbeat == later
        assert found.token == lock.owner.token  # type: ignore[union-attr]
    finally:
        database.dispose()
        lock.release()
    assert not lock_path_for(database_path).exists()


def test_two_programs_finding_the_same_stale_lock_let_only_one_in(database_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    for _ in range(3):
        _write_lock(database_path, host=socket.gethostname(), age=timedelta(0), pid=dead.pid)
        racers = [_holder(database_path, wait_for_go=True) for _ in range(2)]
        try:
            for racer in racers:
                _say(racer)
            outcomes = [_line(racer) for racer in racers]
            assert sorted(outcomes) == ["held", "refused"]
            winner = racers[outcomes.index("held")]
            _say(winner, "release")
            assert _line(winner) == "released"
        finally:
            for racer in racers:
                _finish(racer)
        assert not lock_path_for(database_path).exists()


def test_restore_is_refused_while_a_window_holds_the_database(
    database: Database,
    database_path: Path,
    held: subprocess.Popen[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backup_file = database_path.with_name("copia.sqlite3")
    backup_file.write_bytes(database_path.read_bytes())
    code = main(["--database", str(database_path), "restore", str(backup_file), "--yes"])
    err = capsys.readouterr().err
    assert code == 1
    assert socket.gethostname() in err
    assert len(err.strip().splitlines()) == 1
