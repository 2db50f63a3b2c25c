"""The storage layer on real SQLite files: pragmas, locking, unit of work, locations."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from carceles_desktop.domain.users import Setting
from carceles_desktop.errors import StorageUnavailable
from carceles_desktop.storage.engine import (
    BUSY_TIMEOUT_MS,
    create_database_engine,
    parse_target,
)
from carceles_desktop.storage.location import check_local_path
from carceles_desktop.storage.opening import open_database
from carceles_desktop.storage.unit_of_work import Database

EXPECTED_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 2,  # FULL
    "busy_timeout": BUSY_TIMEOUT_MS,
}


def _pragmas(database: Database) -> dict[str, object]:
    with database.unit_of_work(read_only=True) as uow:
        connection = uow.session.connection()
        return {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar() for name in EXPECTED_PRAGMAS
        }


def test_every_connection_gets_the_pragmas(database: Database) -> None:
    assert _pragmas(database) == EXPECTED_PRAGMAS


def test_a_worker_threads_connection_gets_the_pragmas_too(database: Database) -> None:
    seen: dict[str, object] = {}

    def work() -> None:
        seen.update(_pragmas(database))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen == EXPECTED_PRAGMAS


def test_a_writing_unit_takes_the_write_lock_at_begin(
    database: Database, database_path: Path
) -> None:
    other = sqlite3.connect(database_path, timeout=0, isolation_level=None)
    try:
        with database.unit_of_work() as uow:
            uow.session.execute(select(Setting.id)).all()
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")  # released once the unit ends
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_a_reading_unit_takes_no_write_lock(database: Database, database_path: Path) -> None:
    other = sqlite3.connect(database_path, timeout=0, isolation_level=None)
    try:
        with database.unit_of_work(read_only=True) as uow:
            uow.session.execute(select(Setting.id)).all()
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
    finally:
        other.close()


def test_leaving_a_unit_without_commit_rolls_back(database: Database) -> None:
    with database.unit_of_work() as uow:
        uow.session.add(Setting(key="t.rollback", value="1"))
        uow.session.flush()
    with database.unit_of_work() as uow:
        uow.session.add(Setting(key="t.commit", value="1"))
        uow.commit()
    with database.unit_of_work(read_only=True) as uow:
        keys = set(uow.session.scalars(select(Setting.key)))
    assert "t.commit" in keys
    assert "t.rollback" not in keys


def test_a_read_only_unit_refuses_to_commit(database: Database) -> None:
    with database.unit_of_work(read_only=True) as uow, pytest.raises(RuntimeError):
        uow.commit()


@pytest.mark.parametrize(
    "path",
    [
        "\\\\server\\share\\carceles.sqlite3",
        "//server/share/carceles.sqlite3",
        "/home/jefe/OneDrive/carceles.sqlite3",
        "/home/jefe/OneDrive - INPE/datos/carceles.sqlite3",
        "/home/jefe/Dropbox/carceles.sqlite3",
        "/home/jefe/Google Drive/carceles.sqlite3",
    ],
)
def test_network_and_cloud_folders_are_refused(path: str) -> None:
    with pytest.raises(StorageUnavailable, match="PostgreSQL"):
        check_local_path(Path(path))


def test_a_local_folder_is_accepted(tmp_path: Path) -> None:
    check_local_path(tmp_path / "carceles.sqlite3")


def test_a_missing_database_is_refused_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "none.sqlite3"
    with pytest.raises(StorageUnavailable, match="no database"):
        open_database(str(path))
    assert not path.exists()


def test_a_file_that_is_not_sqlite_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"planilla de marzo\n" * 100)
    before = path.read_bytes()
    with pytest.raises(StorageUnavailable, match="not a SQLite file"):
        open_database(str(path))
    assert path.read_bytes() == before


def test_a_damaged_database_is_refused_with_advice(database_path: Path, tmp_path: Path) -> None:
    data = bytearray(database_path.read_bytes())
    # Overwrite the middle pages, keeping the header, so SQLite sees a damaged file.
    middle = len(data) // 2
    data[middle : middle + 8192] = b"\xff" * 8192
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(bytes(data))
    with pytest.raises(StorageUnavailable, match="damaged|restore|Restore"):
        open_database(str(broken))


def test_unknown_database_kind_is_refused() -> None:
    with pytest.raises(StorageUnavailable, match="not supported"):
        create_database_engine(parse_target("mysql://u@localhost/x"))


def test_describe_hides_the_password() -> None:
    target = parse_target("postgresql://carceles:secreto@db.local/carceles")
    assert "secreto" not in target.describe()
    assert target.url.drivername == "postgresql+psycopg"
