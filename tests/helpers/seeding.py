"""Seeded SQLite templates for the test worlds: seed once per process, copy per test.

A world module (``certificate_world``, ``commerce_world``) gives its insert function; the
template is built on first use, its WAL folded into the file, and each test gets a copy.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from carceles_desktop.storage import migrate
from carceles_desktop.storage.engine import create_database_engine, parse_target
from carceles_desktop.storage.unit_of_work import Database, UnitOfWork

W = TypeVar("W")


def open_database_at(path: Path) -> Database:
    """Open (migrating if needed) the SQLite database at ``path``."""
    target = parse_target(str(path))
    engine = create_database_engine(target)
    migrate.prepare(engine)
    return Database(target, engine)


def seed_with(database: Database, insert: Callable[[UnitOfWork], W]) -> W:
    """Insert a world into an empty, migrated database (SQLite or PostgreSQL)."""
    with database.unit_of_work() as uow:
        world = insert(uow)
        uow.commit()
    return world


class SeededTemplate(Generic[W]):
    """A seeded database file made on first use, copied for each test."""

    def __init__(self, prefix: str, file_name: str, insert: Callable[[UnitOfWork], W]) -> None:
        self._prefix = prefix
        self._file_name = file_name
        self._insert = insert
        self._seed: tuple[Path, W] | None = None

    def copy(self, folder: Path) -> tuple[Database, W]:
        """A fresh copy of the seeded database in ``folder``, and its world."""
        if self._seed is None:
            template = Path(tempfile.mkdtemp(prefix=self._prefix)) / "seed.sqlite3"
            database = open_database_at(template)
            world = seed_with(database, self._insert)
            database.dispose()
            # Fold the WAL into the main file so that copying the file alone copies everything.
            connection = sqlite3.connect(template)
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.close()
            self._seed = (template, world)
        template, world = self._seed
        path = folder / self._file_name
        shutil.copyfile(template, path)
        return open_database_at(path), world
