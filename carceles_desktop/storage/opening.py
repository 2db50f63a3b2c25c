"""Opening a database: find it, check it, bring its schema up to date.

The one road by which the window and the command line reach a database, so that the
checks (network share, missing file, damaged file, newer schema) are never skipped.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.exc import DBAPIError

from carceles_desktop.errors import StorageUnavailable
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.storage import backup, migrate
from carceles_desktop.storage.engine import WRITE_OPTION, create_database_engine, parse_target
from carceles_desktop.storage.errors import translate_operational_error
from carceles_desktop.storage.instance_lock import InstanceLock
from carceles_desktop.storage.integrity import CheckItem, quick_check
from carceles_desktop.storage.unit_of_work import Database


class DatabaseDamaged(StorageUnavailable):
    """The database failed its start-up check; offer to restore the newest good backup.

    Attributes:
        path: the damaged file.
        details: what the check found.
    """

    def __init__(self, path: Path, details: tuple[str, ...]) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The database {path} is damaged ({detail}). Restore the newest good "
                "backup (carceles-desktop restore FILE).",
            ),
            path=str(path),
            detail="; ".join(details[:2]),
        )
        self.path = path
        self.details = details


#: Above this size the window's start-up quick_check (it reads every page: about 3 s
#: for 1 GB) runs after the window shows instead of before.
DEFER_CHECK_ABOVE_BYTES = 256 * 1024 * 1024


def check_pending_marker(path: Path) -> Path:
    """The file that says a deferred check failed: the next start checks before opening."""
    return path.with_name(path.name + ".check-pending")


def open_database(
    url_or_path: str,
    *,
    create: bool = False,
    backup_dir: Path | None = None,
    defer_large_check: bool = False,
) -> Database:
    """Open (and, with ``create``, make) the database and bring its schema up to date.

    Args:
        url_or_path: a SQLAlchemy URL or a SQLite file path.
        create: make a new SQLite file when none exists; otherwise a missing file is
            refused and nothing is created.
        backup_dir: where to put the verified copy taken before a schema upgrade
            (default: a ``backups`` folder beside the database file).
        defer_large_check: for a file above :data:`DEFER_CHECK_ABOVE_BYTES`, skip the
            quick_check here and mark the database ``check_deferred`` (the window runs
            :func:`run_deferred_check` once shown), unless an earlier deferred check
            failed.

    Raises:
        StorageUnavailable: with a sentence saying what is wrong and what to do.
    """
    target = parse_target(url_or_path)
    engine = create_database_engine(target, must_exist=not create)
    path = target.sqlite_path
    deferred = False
    try:
        if path is not None and path.exists() and path.stat().st_size > 0:
            refuse_foreign_file(path)
            deferred = (
                defer_large_check
                and path.stat().st_size > DEFER_CHECK_ABOVE_BYTES
                and not check_pending_marker(path).exists()
            )
            if not deferred:
                check = quick_check(engine)
                if not check.ok:
                    raise DatabaseDamaged(path, check.details)
                check_pending_marker(path).unlink(missing_ok=True)
        folder = backup_dir or (path.parent / "backups" if path is not None else None)

        def take_backup(label: str) -> Path:
            if path is None or folder is None:
                raise StorageUnavailable(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "Back up the PostgreSQL database with the server's tools before upgrading.",
                    )
                )
            return backup.backup_sqlite(
                path, folder / backup.timestamped_name(label, stem=path.stem)
            )

        def restore(copy: Path) -> None:
            if path is not None:
                backup.replace_database(copy, path)

        migrate.prepare(engine, backup=take_backup if path else None, restore=restore)
    except DBAPIError as exc:
        engine.dispose()
        translated = translate_operational_error(exc)
        if isinstance(translated, StorageUnavailable):
            raise translated from exc
        raise
    except BaseException:
        engine.dispose()
        raise
    database = Database(target, engine)
    database.check_deferred = deferred
    return database


_SQLITE_MAGIC = b"SQLite format 3\x00"


def refuse_foreign_file(path: Path) -> None:
    """Refuse a file that is not a SQLite database before SQLite touches it."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("errors", "The database {path} cannot be read: {detail}"),
            path=str(path),
            detail=exc.strerror,
        ) from exc
    if head != _SQLITE_MAGIC:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "errors", "{path} is not a database of this program (not a SQLite file)."
            ),
            path=str(path),
        )


def open_read_only(url_or_path: str) -> Database:
    """Open an existing SQLite database for reading only (another program holds it).

    Every connection gets ``PRAGMA query_only``: a unit of work that tries to write
    fails with the read-only message, and the schema is never upgraded.

    Raises:
        StorageUnavailable: missing, damaged, not ours, or at another schema revision.
    """
    target = parse_target(url_or_path)
    base = create_database_engine(target, must_exist=True)
    event.listen(base, "connect", _query_only)
    # Plain BEGIN by default: BEGIN IMMEDIATE is itself refused on a query-only
    # connection, so only a unit of work that means to write meets the refusal.
    engine = base.execution_options(**{WRITE_OPTION: False})
    try:
        if target.sqlite_path is not None:
            refuse_foreign_file(target.sqlite_path)
            check = quick_check(engine)
            if not check.ok:
                raise DatabaseDamaged(target.sqlite_path, check.details)
        status = migrate.schema_status(engine)
        if not status.up_to_date:
            raise StorageUnavailable(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The database {path} needs an upgrade, which cannot be done read-only. "
                    "Open it normally once the other program has closed it.",
                ),
                path=target.describe(),
            )
    except DBAPIError as exc:
        engine.dispose()
        translated = translate_operational_error(exc)
        if isinstance(translated, StorageUnavailable):
            raise translated from exc
        raise
    except BaseException:
        engine.dispose()
        raise
    return Database(target, engine)


def _query_only(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA query_only = ON")


def open_locked(url_or_path: str, *, create: bool = False) -> tuple[Database, InstanceLock | None]:
    """Take the instance lock of a SQLite file, then open it (the window's road in).

    PostgreSQL needs no lock file (the server arbitrates): the lock returned is None.
    Release the lock after disposing of the database, when the window closes.

    Raises:
        DatabaseInUse: another running program holds the file (names computer and user);
            the caller may then offer :func:`open_read_only`.
        StorageUnavailable: as :func:`open_database` (the lock is released again).
    """
    path = parse_target(url_or_path).sqlite_path
    lock: InstanceLock | None = None
    if path is not None:
        if not path.parent.exists():
            raise StorageUnavailable(
                QT_TRANSLATE_NOOP("errors", "The folder {folder} does not exist."),
                folder=str(path.parent),
            )
        lock = InstanceLock(path)
        lock.acquire()
    try:
        return open_database(url_or_path, create=create, defer_large_check=True), lock
    except BaseException:
        if lock is not None:
            lock.release()
        raise


def run_deferred_check(database: Database) -> CheckItem:
    """Run the start-up quick_check that :func:`open_database` deferred.

    On failure it leaves a marker beside the file, so the next start checks before
    opening and offers the newest good backup.
    """
    item = quick_check(database.engine)
    path = database.target.sqlite_path
    if not item.ok and path is not None:
        check_pending_marker(path).write_text("\n".join(item.details), encoding="utf-8")
    return item
