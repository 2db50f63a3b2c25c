"""Two processes append to one audit chain at the same time; the chain stays whole.

Each process runs the real path (its own engine, ``SqlUnitOfWork``, ``audit.record``,
commit per entry).  Both start appending only when both are ready, so their writes
overlap.  SQLite serialises them with BEGIN IMMEDIATE; PostgreSQL with the advisory lock
taken by ``audit.record``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.engine import make_url

from carceles_desktop.domain.users import AuditEntry
from carceles_desktop.services import audit
from carceles_desktop.storage import migrate
from carceles_desktop.storage.engine import create_database_engine, parse_target
from carceles_desktop.storage.unit_of_work import Database

pytestmark = pytest.mark.integration

PER_PROCESS = 100
POSTGRES_ENV = "CARCELES_TEST_POSTGRES_URL"
REPO = Path(__file__).resolve().parents[2]

WORKER = """
import sys
from carceles_desktop.domain.enums import Role
from carceles_desktop.services import audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.storage.engine import create_database_engine, parse_target
from carceles_desktop.storage.unit_of_work import Database

url, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
target = parse_target(url)
database = Database(target, create_database_engine(target))
actor = Actor(user_id=None, username=name, role=Role.ADMIN)
print("ready", flush=True)
sys.stdin.readline()  # the start signal: both workers begin together
for n in range(count):
    with database.unit_of_work() as uow:
        audit.record(uow, actor, "update", "trainee", summary=f"{name} {n}")
        uow.commit()
database.dispose()
print("done", flush=True)
"""


def _run_two_writers(url: str) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, url, name, str(PER_PROCESS)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for name in ("proceso-a", "proceso-b")
    ]
    try:
        for worker in workers:
            assert worker.stdout is not None
            ready = worker.stdout.readline()
            assert ready.strip() == "ready", worker.stderr.read() if worker.stderr else ""
        for worker in workers:
            assert worker.stdin is not None
            worker.stdin.write("go\n")
            worker.stdin.flush()
        for worker in workers:
            out, err = worker.communicate(timeout=300)
            assert worker.returncode == 0, err
            assert out.strip() == "done"
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait()


def _check(database: Database) -> None:
    with database.unit_of_work(read_only=True) as uow:
        report = audit.verify_chain(uow)
        per_name = dict(
            uow.session.execute(
                select(AuditEntry.username, func.count(AuditEntry.seq)).group_by(
                    AuditEntry.username
                )
            ).all()
        )
    assert report.intact, report
    assert report.checked == 2 * PER_PROCESS
    assert per_name == {"proceso-a": PER_PROCESS, "proceso-b": PER_PROCESS}


def test_two_processes_append_to_one_sqlite_chain(tmp_path: Path) -> None:
    path = tmp_path / "carceles.sqlite3"
    target = parse_target(str(path))
    database = Database(target, create_database_engine(target))
    migrate.prepare(database.engine)
    try:
        _run_two_writers(str(path))
        _check(database)
    finally:
        database.dispose()


@pytest.fixture
def fresh_postgres() -> Iterator[str]:
    """A new PostgreSQL database for this test, dropped afterwards."""
    server = os.environ.get(POSTGRES_ENV)
    if not server:
        pytest.skip(f"{POSTGRES_ENV} is not set")
    name = f"carceles_audit_{uuid.uuid4().hex[:10]}"
    admin_url = parse_target(server).url
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        try:
            yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
        finally:
            with admin.connect() as connection:
                connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.dispose()


@pytest.mark.postgres
def test_two_processes_append_to_one_postgres_chain(fresh_postgres: str) -> None:
    target = parse_target(fresh_postgres)
    database = Database(target, create_database_engine(target))
    try:
        migrate.prepare(database.engine)
        _run_two_writers(fresh_postgres)
        _check(database)
    finally:
        database.dispose()
