"""Knowing whether the data changed since the last backup, cheaply and across restarts.

The marker is the head of the audit log: its last ``seq`` and hash.  Every change a
service makes appends an audit entry in the same transaction (a house rule enforced by
review and tests), so a new head means new data, and reading it is one index probe.

Alternatives weighed and refused:

* the file change counter in the SQLite header (offset 24) is not bumped for every
  commit in WAL mode, so it misses changes;
* ``PRAGMA data_version`` only compares one open connection with itself: it forgets
  everything at the next start, and says nothing about changes made while closed;
* the newest ``updated_at`` of every table means a scan per table.

What it cannot see: a change that bypasses the audit log (there should be none; a
sign-in failure is audited too).  The marker of the last backup is kept in the settings
table under :data:`LAST_BACKUP_KEY`, written in the same transaction as the backup's
own audit entry, so that the backup's entry does not itself count as a change.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from carceles_desktop.domain.users import AuditEntry, Setting

#: Settings key holding the last backup's marker, time and file name (JSON).
LAST_BACKUP_KEY = "meta.last_backup"
EMPTY_MARKER = "empty"


def _marker(row: tuple[object, object] | None) -> str:
    if row is None:
        return EMPTY_MARKER
    return f"{row[0]}:{row[1]}"


def current_marker(session: Session) -> str:
    """Return the audit-log head of the database behind ``session``."""
    row = session.execute(
        select(AuditEntry.seq, AuditEntry.entry_hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    return _marker(None if row is None else (row[0], row[1]))


def file_marker(path: Path) -> str:
    """Return the audit-log head of a SQLite file (a fresh backup copy), read-only.

    Raises:
        sqlite3.Error: the file is not a database of this program.
    """
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = connection.execute(
            "SELECT seq, entry_hash FROM audit_entries ORDER BY seq DESC LIMIT 1"
        ).fetchone()
    finally:
        connection.close()
    return _marker(row)


@dataclass(frozen=True)
class LastBackup:
    """What the database remembers of its last backup.

    Attributes:
        marker: the audit-log head the backup holds (or the head just after the backup's
            own audit entry, when nothing else was written in between).
        at: when it was taken (UTC, timezone-aware).
        file: the backup's file name.
    """

    marker: str
    at: datetime
    file: str


def last_backup(session: Session) -> LastBackup | None:
    """Return the last backup remembered by the database, or None (never backed up)."""
    value = session.scalar(select(Setting.value).where(Setting.key == LAST_BACKUP_KEY))
    if not value:
        return None
    try:
        data = json.loads(value)
        at = datetime.fromisoformat(data["at"])
        return LastBackup(
            marker=str(data["marker"]),
            at=at if at.tzinfo else at.replace(tzinfo=UTC),
            file=str(data.get("file", "")),
        )
    except (ValueError, KeyError, TypeError):
        # Unreadable bookkeeping only means "back up again": never a reason to fail.
        return None


def remember_backup(session: Session, record: LastBackup) -> None:
    """Store ``record`` as the last backup (part of the caller's transaction)."""
    text = json.dumps(
        {"marker": record.marker, "at": record.at.isoformat(), "file": record.file},
        ensure_ascii=False,
    )
    existing = session.scalar(select(Setting).where(Setting.key == LAST_BACKUP_KEY))
    if existing is None:
        session.add(Setting(key=LAST_BACKUP_KEY, value=text))
    else:
        existing.value = text
    session.flush()


def changed_since_backup(session: Session) -> bool:
    """Return True when the data changed since the last backup (or there is none)."""
    record = last_backup(session)
    return record is None or record.marker != current_marker(session)
