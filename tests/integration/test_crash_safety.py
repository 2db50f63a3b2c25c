"""Crash and power-cut safety, proven by killing processes and tearing files.

* Kill tests (``tests/helpers/kill_harness.py``): a workload runs in a child killed with
  SIGKILL at a random moment, many times; after every kill the database passes
  ``integrity_check`` and ``foreign_key_check`` and each operation is wholly there or
  wholly absent.  Workloads that exist now: a large one-transaction import of attendance
  rows, many small audited transactions, and the demo generator's phases.  The trainee
  import, delivery notes and certificate batches, through their services, are killed in
  ``test_crash_operations.py``.
* A committed change survives ``os._exit`` and SIGKILL right after the commit.
* A WAL cut anywhere (the last write torn by a power cut) opens, passes the checks and
  holds exactly the transactions whose commit frame came before the cut.
* A full disk mid-write gives the disk-full message and loses nothing committed.

``CARCELES_CRASH_KILLS`` and ``CARCELES_CRASH_ROWS`` change the number of kills and the
size of the import (defaults: 20 kills, 50,000 rows, so that the crash tests of both files
take about a minute; run with ``-s`` to see the counts).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from carceles_desktop.domain.users import AuditEntry, Setting
from carceles_desktop.errors import StorageUnavailable
from carceles_desktop.services import audit
from tests.helpers import crash_workloads
from tests.helpers.kill_harness import REPO, kill_at_random
from tests.helpers.small_disk import small_disk

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="kill tests need fork() and SIGKILL"),
]

KILLS = int(os.environ.get("CARCELES_CRASH_KILLS", "20"))
ROWS = int(os.environ.get("CARCELES_CRASH_ROWS", "50000"))


def _check_integrity(path: Path) -> None:
    """Open the file as the program would after a crash (replaying the WAL) and check it."""
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()


def _scalar(path: Path, sql: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute(sql).fetchone()[0])
    finally:
        connection.close()


def _checkpointed_copy(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    connection = sqlite3.connect(target)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return target


@pytest.fixture(scope="module")
def attendance_template(migrated_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("crash") / "attendance.sqlite3"
    shutil.copyfile(migrated_template, path)
    database = crash_workloads.open_plain(str(path))
    crash_workloads.prepare_attendance_template(database)
    database.dispose()
    return _checkpointed_copy(path, path.with_name("attendance-template.sqlite3"))


def test_a_large_import_killed_at_random_is_all_or_nothing(
    attendance_template: Path, tmp_path: Path
) -> None:
    def judge(path: Path) -> str:
        _check_integrity(path)
        count = _scalar(path, "SELECT count(*) FROM attendance")
        assert count in (0, ROWS), f"a partial import: {count} of {ROWS} rows"
        return "none" if count == 0 else "all"

    report = kill_at_random(
        crash_workloads.bulk_attendance,
        attendance_template,
        judge,
        runs=KILLS,
        workdir=tmp_path,
        args=(str(ROWS),),
    )
    print(report.summary())
    assert report.killed >= KILLS // 2, report.summary()
    assert report.outcomes["none"] >= 1, report.summary()


def test_small_audited_transactions_killed_at_random_keep_the_chain_whole(
    migrated_template: Path, tmp_path: Path
) -> None:
    count = 60

    def judge(path: Path) -> str:
        _check_integrity(path)
        database = crash_workloads.open_plain(str(path))
        try:
            with database.unit_of_work(read_only=True) as uow:
                assert audit.verify_chain(uow).intact
                keys = uow.session.scalars(
                    select(Setting.key).where(Setting.key.like("crash.%"))
                ).all()
                entries = uow.session.scalar(
                    select(func.count()).where(AuditEntry.summary.like("crash.%"))
                )
        finally:
            database.dispose()
        # Each transaction is a setting and its entry, or neither; and they come in order.
        assert entries == len(keys)
        assert sorted(keys, key=lambda k: int(k.split(".")[1])) == [
            f"crash.{n}" for n in range(len(keys))
        ]
        return "none" if not keys else "all" if len(keys) == count else "some"

    report = kill_at_random(
        crash_workloads.audited_writes,
        migrated_template,
        judge,
        runs=max(KILLS // 3, 3),
        workdir=tmp_path,
        args=(str(count),),
    )
    print(report.summary())
    assert report.killed >= 1, report.summary()


def _signature(path: Path) -> tuple[tuple[str, int], ...]:
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        names = [
            r[0]
            for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return tuple(
            (name, int(connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]))
            for name in names
        )
    finally:
        connection.close()


def test_the_demo_generator_killed_at_random_leaves_whole_phases(
    migrated_template: Path, tmp_path: Path
) -> None:
    demo = pytest.importorskip("carceles_desktop.services.demo")
    # The states between the generator's transactions, from one uninterrupted run.
    reference = tmp_path / "reference.sqlite3"
    shutil.copyfile(migrated_template, reference)
    states = {_signature(reference): "before"}

    def snapshot(label: str, done: int, total: int) -> None:
        # Counts change only at commits; the first report after one names the new state.
        states.setdefault(_signature(reference), f"at '{label}' {done}/{total}")

    database = crash_workloads.open_plain(str(reference))
    try:
        demo.generate_demo_data(
            database,
            seed=7,
            today=date(2026, 11, 30),
            progress=snapshot,
            _size=demo.Size(("LURIGANCHO",), trainees=40, workshops=2, history_days=60),
        )
    finally:
        database.dispose()
    states.setdefault(_signature(reference), "finished")

    def judge(path: Path) -> str:
        _check_integrity(path)
        found = _signature(path)
        assert found in states, "the demo data stopped in the middle of a phase"
        return states[found]

    report = kill_at_random(
        crash_workloads.small_demo,
        migrated_template,
        judge,
        runs=max(KILLS // 3, 3),
        workdir=tmp_path,
    )
    print(report.summary())
    assert report.killed >= 1, report.summary()


def _child_env() -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }


_COMMIT_THEN_EXIT = (
    "import sys\n"
    "from tests.helpers.crash_workloads import commit_then_exit\n"
    "commit_then_exit(*sys.argv[1:])\n"
)


@pytest.mark.parametrize("how", ["exit", "kill"])
def test_a_committed_change_survives_a_hard_exit(database_path: Path, how: str) -> None:
    for n in range(3):
        process = subprocess.Popen(
            [sys.executable, "-c", _COMMIT_THEN_EXIT, str(database_path), f"duro.{n}", how],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=_child_env(),
        )
        try:
            if how == "kill":
                assert process.stdout is not None
                assert process.stdout.readline().strip() == "committed"
                process.send_signal(signal.SIGKILL)
            process.wait(timeout=60)
        finally:
            for stream in (process.stdin, process.stdout):
                if stream is not None:
                    stream.close()
    # Nobody closed the database: the commits live only in the WAL, not yet folded in.
    assert Path(f"{database_path}-wal").stat().st_size > 0
    _check_integrity(database_path)
    assert _scalar(database_path, "SELECT count(*) FROM settings WHERE key LIKE 'duro.%'") == 3


def _torn_source(
    database_path: Path, tmp_path: Path, commits: int
) -> tuple[Path, bytes, list[int]]:
    """Commit one setting per transaction; return the main file, the WAL and commit ends."""
    keeper = sqlite3.connect(database_path)  # keeps the WAL from being folded in on close
    keeper.execute("SELECT count(*) FROM settings").fetchone()
    database = crash_workloads.open_plain(str(database_path))
    wal = Path(f"{database_path}-wal")
    ends = []
    try:
        for n in range(commits):
            with database.unit_of_work() as uow:
                uow.session.add(Setting(key=f"torn.{n:02d}", value=json.dumps("ñ" * 1500)))
                uow.commit()
            ends.append(wal.stat().st_size)
        main = shutil.copyfile(database_path, tmp_path / "main.sqlite3")
        wal_bytes = wal.read_bytes()
    finally:
        database.dispose()
        keeper.close()
    return Path(main), wal_bytes, ends


def test_a_torn_wal_tail_is_recovered_to_the_last_whole_commit(
    database_path: Path, tmp_path: Path
) -> None:
    main, wal_bytes, ends = _torn_source(database_path, tmp_path, commits=30)
    assert ends[-1] == len(wal_bytes)
    frame = 24 + int.from_bytes(wal_bytes[8:12], "big")
    frames = (len(wal_bytes) - 32) // frame
    rng = random.Random(24)
    # Cut inside frames (never on a boundary), in the header, and at nothing at all.
    cuts = [0, 16, len(wal_bytes) - 1]
    cuts += [32 + k * frame + rng.randrange(1, frame) for k in rng.sample(range(frames), 20)]
    for cut in cuts:
        case = tmp_path / f"cut-{cut}.sqlite3"
        shutil.copyfile(main, case)
        Path(f"{case}-wal").write_bytes(wal_bytes[:cut])
        expected = sum(1 for end in ends if end <= cut)

        _check_integrity(case)
        connection = sqlite3.connect(case)
        try:
            keys = [
                r[0]
                for r in connection.execute(
                    "SELECT key FROM settings WHERE key LIKE 'torn.%' ORDER BY key"
                )
            ]
        finally:
            connection.close()
        assert keys == [f"torn.{n:02d}" for n in range(expected)], f"cut at byte {cut}"


def _fill_until_full(path: Path, *, limit_pages: int | None) -> StorageUnavailable:
    """Commit ten settings, then try one transaction too big for the disk."""
    database = crash_workloads.open_plain(str(path))
    try:
        with database.unit_of_work() as uow:
            for n in range(10):
                uow.session.add(Setting(key=f"antes.{n}", value='"guardado"'))
            uow.commit()
        with database.unit_of_work() as uow:
            connection = uow.session.connection()
            if limit_pages is not None:
                pages = int(connection.exec_driver_sql("PRAGMA page_count").scalar_one())
                connection.exec_driver_sql(f"PRAGMA max_page_count = {pages + limit_pages}")
            for n in range(2000):
                uow.session.add(Setting(key=f"lleno.{n}", value=json.dumps("x" * 2000)))
            with pytest.raises(StorageUnavailable) as caught:
                uow.commit()
        with database.unit_of_work() as uow:  # and it still takes a small change
            uow.session.add(Setting(key="despues", value='"ok"'))
            uow.commit()
    finally:
        database.dispose()
    return caught.value


def _assert_nothing_committed_lost(path: Path) -> None:
    _check_integrity(path)
    assert _scalar(path, "SELECT count(*) FROM settings WHERE key LIKE 'antes.%'") == 10
    assert _scalar(path, "SELECT count(*) FROM settings WHERE key LIKE 'lleno.%'") == 0


def test_a_full_database_file_says_so_and_loses_nothing(database_path: Path) -> None:
    error = _fill_until_full(database_path, limit_pages=5)
    assert "disk is full" in str(error)
    assert "nothing saved before was lost" in str(error)
    _assert_nothing_committed_lost(database_path)


def test_a_full_disk_during_a_flush_gives_the_disk_full_message(database_path: Path) -> None:
    database = crash_workloads.open_plain(str(database_path))

    def overfill() -> None:
        with database.unit_of_work() as uow:
            connection = uow.session.connection()
            pages = int(connection.exec_driver_sql("PRAGMA page_count").scalar_one())
            connection.exec_driver_sql(f"PRAGMA max_page_count = {pages + 3}")
            for n in range(500):
                uow.session.add(Setting(key=f"lleno.{n}", value=json.dumps("x" * 2000)))
            uow.session.flush()  # services flush to get ids; the disk fills here

    try:
        with pytest.raises(StorageUnavailable, match="disk is full"):
            overfill()
    finally:
        database.dispose()
    _check_integrity(database_path)


def test_a_full_disk_says_so_and_loses_nothing(migrated_template: Path, tmp_path: Path) -> None:
    size = migrated_template.stat().st_size
    with small_disk(tmp_path / "disco", size_kib=size // 1024 + 512) as disk:
        path = disk / "carceles.sqlite3"
        shutil.copyfile(migrated_template, path)
        error = _fill_until_full(path, limit_pages=None)
        assert "disk is full" in str(error)
        _assert_nothing_committed_lost(path)
