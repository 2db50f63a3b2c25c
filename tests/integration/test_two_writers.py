"""Two processes writing the same SQLite file at once both succeed, and lose no update.

Each process runs the program's own path (engine with busy timeout, ``SqlUnitOfWork``
with ``BEGIN IMMEDIATE``) and makes 200 small transactions; each transaction reads a
shared counter, writes it back plus one, and adds a row of its own.  Without
``BEGIN IMMEDIATE`` the read-then-write would fail with "database is locked" (the
deferred-transaction upgrade trap, shown below) or lose increments; with it, both
processes queue and every increment lands.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from carceles_desktop.domain.users import Setting
from carceles_desktop.storage.unit_of_work import Database

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
PER_PROCESS = 200

WRITER = """
import json, sys
from sqlalchemy import select
from carceles_desktop.domain.users import Setting
from carceles_desktop.storage.engine import create_database_engine, parse_target
from carceles_desktop.storage.unit_of_work import Database

path, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
target = parse_target(path)
database = Database(target, create_database_engine(target, must_exist=True))
print("ready", flush=True)
sys.stdin.readline()  # both start together
for n in range(count):
    with database.unit_of_work() as uow:
        counter = uow.session.scalars(select(Setting).where(Setting.key == "contador")).one()
        counter.value = json.dumps(json.loads(counter.value) + 1)
        uow.session.add(Setting(key=f"{name}.{n}", value=json.dumps(n)))
        uow.commit()
database.dispose()
print("done", flush=True)
"""


def _spawn(database_path: Path, name: str) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(database_path), name, str(PER_PROCESS)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_two_processes_writing_at_once_both_succeed_without_lost_updates(
    database: Database, database_path: Path
) -> None:
    with database.unit_of_work() as uow:
        uow.session.add(Setting(key="contador", value="0"))
        uow.commit()
    writers = [_spawn(database_path, name) for name in ("taller-a", "taller-b")]
    try:
        for writer in writers:
            assert writer.stdout is not None
            assert writer.stdout.readline().strip() == "ready"
        for writer in writers:
            assert writer.stdin is not None
            writer.stdin.write("go\n")
            writer.stdin.flush()
        results = [writer.communicate(timeout=300) for writer in writers]
    finally:
        for writer in writers:
            if writer.poll() is None:
                writer.kill()
                writer.communicate()
    for writer, (out, err) in zip(writers, results, strict=True):
        assert writer.returncode == 0, err
        assert "locked" not in err
        assert out.strip() == "done"
    with database.unit_of_work(read_only=True) as uow:
        counter = uow.session.scalars(select(Setting.value).where(Setting.key == "contador")).one()
        rows = {
            name: len(
                uow.session.scalars(select(Setting.id).where(Setting.key.like(f"{name}.%"))).all()
            )
            for name in ("taller-a", "taller-b")
        }
    assert json.loads(counter) == 2 * PER_PROCESS
    assert rows == {"taller-a": PER_PROCESS, "taller-b": PER_PROCESS}


def test_the_trap_that_begin_immediate_avoids(database: Database, database_path: Path) -> None:
    """A deferred read that later writes fails at once when another writer got in first."""
    deferred = sqlite3.connect(database_path, isolation_level=None, timeout=5)
    other = sqlite3.connect(database_path, isolation_level=None, timeout=5)
    try:
        deferred.execute("BEGIN")  # what a plain transaction does
        deferred.execute("SELECT count(*) FROM settings").fetchone()
        stamp = "2026-01-01 00:00:00.000000"
        other.execute(
            "INSERT INTO settings (key, value, uuid, created_at, updated_at) "
            "VALUES ('otro', '1', ?, ?, ?)",
            (uuid.uuid4().hex, stamp, stamp),
        )
        # The busy timeout cannot help: the snapshot it read is stale.
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            deferred.execute("UPDATE settings SET value = '2' WHERE key = 'otro'")
        deferred.execute("ROLLBACK")
    finally:
        deferred.close()
        other.close()
    # The program's writing unit takes the write lock at BEGIN and so never meets it.
    with database.unit_of_work() as uow:
        uow.session.scalars(select(Setting.id)).all()
        row = uow.session.scalars(select(Setting).where(Setting.key == "otro")).one()
        row.value = "3"
        uow.commit()
