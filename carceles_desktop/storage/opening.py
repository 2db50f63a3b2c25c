"""Opening a database: find it, check it, bring its schema up to date.

The one road by which the window and the command line reach a database, so that the
checks (network share, missing file, damaged file, newer schema) are never skipped.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.exc import DBAPIError

from carceles_desktop.errors import StorageUnavailable
from carceles_desktop.storage import backup, migrate
from carceles_desktop.storage.engine import create_database_engine, parse_target
from carceles_desktop.storage.errors import translate_operational_error
from carceles_desktop.storage.integrity import quick_check
from carceles_desktop.storage.unit_of_work import Database


def open_database(
    url_or_path: str, *, create: bool = False, backup_dir: Path | None = None
) -> Database:
    """Open (and, with ``create``, make) the database and bring its schema up to date.

    Args:
        url_or_path: a SQLAlchemy URL or a SQLite file path.
        create: make a new SQLite file when none exists; otherwise a missing file is
            refused and nothing is created.
        backup_dir: where to put the verified copy taken before a schema upgrade
            (default: a ``backups`` folder beside the database file).

    Raises:
        StorageUnavailable: with a sentence saying what is wrong and what to do.
    """
    target = parse_target(url_or_path)
    engine = create_database_engine(target, must_exist=not create)
    path = target.sqlite_path
    try:
        if path is not None and path.exists() and path.stat().st_size > 0:
            refuse_foreign_file(path)
            check = quick_check(engine)
            if not check.ok:
                raise StorageUnavailable(
                    "The database {path} is damaged ({detail}). Restore the newest good "
                    "backup (carceles-desktop restore FILE).",
                    path=str(path),
                    detail="; ".join(check.details[:2]),
                )
        folder = backup_dir or (path.parent / "backups" if path is not None else None)

        def take_backup(label: str) -> Path:
            if path is None or folder is None:
                raise StorageUnavailable(
                    "Back up the PostgreSQL database with the server's tools before upgrading."
                )
            return backup.backup_sqlite(path, folder / backup.timestamped_name(label))

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
    return Database(target, engine)


_SQLITE_MAGIC = b"SQLite format 3\x00"


def refuse_foreign_file(path: Path) -> None:
    """Refuse a file that is not a SQLite database before SQLite touches it."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise StorageUnavailable(
            "The database {path} cannot be read: {detail}", path=str(path), detail=exc.strerror
        ) from exc
    if head != _SQLITE_MAGIC:
        raise StorageUnavailable(
            "{path} is not a database of this program (not a SQLite file).", path=str(path)
        )
