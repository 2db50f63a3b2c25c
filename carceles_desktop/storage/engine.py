"""Creating engines: SQLite by default, PostgreSQL by URL.

On SQLite every connection gets WAL, ``foreign_keys=ON``, ``synchronous=FULL`` and a
busy timeout; transactions begin with ``BEGIN IMMEDIATE`` unless the unit of work is
read-only, so that two writers queue up instead of failing with "database is locked".
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import NullPool

from carceles_desktop.errors import StorageUnavailable
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.storage.location import check_local_path

BUSY_TIMEOUT_MS = 15_000

#: Execution option a unit of work sets on its connection: False for read-only work.
WRITE_OPTION = "carceles_write"


@dataclass(frozen=True)
class DatabaseTarget:
    """A parsed database URL."""

    url: URL

    @property
    def is_sqlite(self) -> bool:
        """True for a SQLite database."""
        return self.url.get_backend_name() == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        """The SQLite file, or None for PostgreSQL or an in-memory database."""
        if not self.is_sqlite or not self.url.database or self.url.database == ":memory:":
            return None
        return Path(self.url.database)

    def describe(self) -> str:
        """A short description for the status bar, without any password."""
        if self.sqlite_path is not None:
            return str(self.sqlite_path)
        return self.url.render_as_string(hide_password=True)


def parse_target(url_or_path: str) -> DatabaseTarget:
    """Accept a SQLAlchemy URL or a plain file path.

    Raises:
        StorageUnavailable: for a URL that cannot be understood.
    """
    text = url_or_path.strip()
    if "://" not in text:
        return DatabaseTarget(make_url(f"sqlite:///{Path(text).expanduser().absolute()}"))
    try:
        url = make_url(text)
    except ArgumentError as exc:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("errors", "Cannot understand the database address {url}."), url=text
        ) from exc
    if url.get_backend_name() == "postgresql" and url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return DatabaseTarget(url)


def create_database_engine(target: DatabaseTarget, *, must_exist: bool = False) -> Engine:
    """Create an engine for ``target`` with the pragmas and begin behaviour we need.

    Args:
        target: where the database is.
        must_exist: refuse a SQLite file that does not exist yet.

    Raises:
        StorageUnavailable: the file is missing (with ``must_exist``), on a network
            share, or its folder cannot be written.
    """
    if target.is_sqlite:
        return _sqlite_engine(target, must_exist=must_exist)
    backend = target.url.get_backend_name()
    if backend != "postgresql":
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "errors",
                "Database type {backend} is not supported; use a SQLite file or PostgreSQL.",
            ),
            backend=backend,
        )
    return create_engine(target.url, pool_pre_ping=True)


def _sqlite_engine(target: DatabaseTarget, *, must_exist: bool) -> Engine:
    path = target.sqlite_path
    if path is not None:
        check_local_path(path)
        if must_exist and not path.exists():
            raise StorageUnavailable(
                QT_TRANSLATE_NOOP("errors", "There is no database at {path}."), path=str(path)
            )
        if not path.parent.exists():
            raise StorageUnavailable(
                QT_TRANSLATE_NOOP("errors", "The folder {folder} does not exist."),
                folder=str(path.parent),
            )
    engine = create_engine(
        target.url,
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        # One connection per checkout: each thread gets its own, none is shared.
        poolclass=NullPool,
    )
    event.listen(engine, "connect", _on_sqlite_connect)
    event.listen(engine, "begin", _on_sqlite_begin)
    return engine


def _on_sqlite_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own is deferred).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
        if mode != "wal" and mode != "memory":
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def _on_sqlite_begin(connection: Any) -> None:
    write = connection.get_execution_options().get(WRITE_OPTION, True)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
