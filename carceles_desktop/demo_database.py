"""Making a demo database as a whole: it appears complete, or not at all.

The generator commits each establishment separately (the national scale is millions of
rows), so an interrupted run would leave a half-filled file that a rerun refuses.  For a
new SQLite file the data is generated under a temporary name and renamed into place
only when complete and marked as demo.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from carceles_desktop.errors import ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import database_info, users
from carceles_desktop.services.demo import DemoReport, generate_demo_data
from carceles_desktop.storage.engine import parse_target
from carceles_desktop.storage.opening import open_database
from carceles_desktop.storage.unit_of_work import Database

Progress = Callable[[str, int, int], None]


def _fill(database: Database, scale: str, seed: int, progress: Progress | None) -> DemoReport:
    with database.unit_of_work(read_only=True) as uow:
        if users.has_users(uow) and not database_info.is_demo(uow):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "This database holds real records; demo data goes into a new database.",
                ),
                field="database",
            )
    report = generate_demo_data(database, scale=scale, seed=seed, progress=progress)  # type: ignore[arg-type]
    with database.unit_of_work() as uow:
        database_info.mark_as_demo(uow)
        uow.commit()
    return report


def create_demo_database(
    location: str, *, scale: str = "site", seed: int = 2026, progress: Progress | None = None
) -> DemoReport:
    """Fill the database at ``location`` with demo data.

    A SQLite file that does not exist yet is built under ``<name>.partial`` and renamed
    once complete; any other target (an existing empty file, PostgreSQL) is filled in
    place.
    """
    target = parse_target(location)
    path = target.sqlite_path
    if path is None or path.exists():
        database = open_database(location, create=True)
        try:
            return _fill(database, scale, seed, progress)
        finally:
            database.dispose()
    partial = path.with_name(path.name + ".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    database = open_database(str(partial), create=True)
    try:
        report = _fill(database, scale, seed, progress)
    finally:
        database.dispose()
    # Fold the write-ahead log into the file before renaming it: a -wal left behind
    # under the old name would hold committed pages the renamed file lacks.
    connection = sqlite3.connect(partial)
    try:
        busy, _, _ = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        connection.execute("PRAGMA journal_mode = DELETE")
    finally:
        connection.close()
    if busy:
        raise RuntimeError(f"could not checkpoint {partial}")
    os.replace(partial, path)
    return report
