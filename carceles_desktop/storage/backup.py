"""Copies of a SQLite database taken while it is open, verified before they count.

Copies use SQLite's online backup API, which copies a consistent snapshot even while
another connection writes.  A copy that fails ``integrity_check`` or
``foreign_key_check`` is deleted and reported, never kept as if it were good.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from carceles_desktop.errors import StorageUnavailable


def verify_sqlite_file(path: Path) -> list[str]:
    """Return the problems found in a SQLite file (empty list: sound)."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        rows = [str(r[0]) for r in connection.execute("PRAGMA integrity_check")]
        problems = [] if rows == ["ok"] else rows
        problems += [f"foreign key: {r}" for r in connection.execute("PRAGMA foreign_key_check")]
        return problems
    except sqlite3.Error as exc:
        return [str(exc)]
    finally:
        connection.close()


def backup_sqlite(source: Path, destination: Path) -> Path:
    """Copy the database at ``source`` to ``destination`` and verify the copy.

    The copy is written under a temporary name and renamed into place only once it
    has passed the checks, so a half-written copy never looks like a backup.

    Raises:
        StorageUnavailable: the copy could not be written or failed its checks.
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise StorageUnavailable(
            "Could not copy the database to {path}: {detail}",
            path=str(destination),
            detail=str(exc),
        ) from exc
    problems = verify_sqlite_file(partial)
    if problems:
        partial.unlink(missing_ok=True)
        raise StorageUnavailable(
            "The copy of the database failed its check and was discarded: {detail}",
            detail="; ".join(problems[:3]),
        )
    with open(partial, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, destination)
    return destination


def timestamped_name(label: str, now: datetime | None = None) -> str:
    """Return a backup file name such as ``carceles-pre-migration-20261130-101500.sqlite3``."""
    moment = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    return f"carceles-{label}-{moment}.sqlite3"


def replace_database(copy: Path, target: Path) -> None:
    """Put ``copy`` in place of ``target`` atomically (WAL and SHM files removed)."""
    staging = target.with_name(target.name + ".restoring")
    staging.write_bytes(copy.read_bytes())
    with open(staging, "rb") as handle:
        os.fsync(handle.fileno())
    for suffix in ("-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    os.replace(staging, target)
