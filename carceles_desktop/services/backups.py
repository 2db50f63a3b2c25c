"""Backups as the window and the command line use them: take, list, restore, automatic.

* :func:`take_backup` — "Copia de seguridad ahora" and ``carceles-desktop backup``.
* :func:`backup_if_due` — the window's timer and its closing: a backup only when the
  data changed since the last one, at most every ``backup_interval_minutes`` while open,
  and always on close; old automatic backups are then thinned
  (:data:`~carceles_desktop.storage.backup_store.DEFAULT_POLICY`).
* :func:`restore_backup` — a signed-in user with the backup permission replaces the
  database with a checked backup; :func:`restore_damaged_database` does it without a
  sign-in when the database is too damaged to open (the offer made at start-up, with
  :func:`newest_good_backup`).

Backups go to the ``backup_folder`` setting, or to ``backups`` beside the database; they
are compressed, and encrypted when ``backup_encrypt`` is set.  The passphrase is never
stored: it comes from ``CARCELES_BACKUP_PASSPHRASE`` or from the user, each time.
PostgreSQL databases are backed up with the server's own tools (``pg_dump``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy.exc import OperationalError

from carceles_desktop.errors import StorageUnavailable
from carceles_desktop.services import audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.backup_crypto import (
    PASSPHRASE_ENV,
    envelope_for,
    is_encrypted,
    passphrase_from_environment,
)
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.services.restoring import (
    RestoreReport,
    default_backup_folder,
    newest_good_backup,
    restore_backup,
    restore_damaged_database,
    sqlite_path,
)
from carceles_desktop.services.settings import Settings, get_settings
from carceles_desktop.storage import backup, backup_store, change_tracker
from carceles_desktop.storage.backup_store import BackupCancelled, BackupInfo
from carceles_desktop.storage.unit_of_work import Database

__all__ = [
    "PASSPHRASE_ENV",
    "BackupCancelled",
    "BackupInfo",
    "RestoreReport",
    "backup_folder",
    "backup_if_due",
    "default_backup_folder",
    "is_encrypted",
    "list_backups",
    "needs_passphrase",
    "newest_good_backup",
    "passphrase_from_environment",
    "restore_backup",
    "restore_damaged_database",
    "take_backup",
]

_log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


def backup_folder(database: Database, settings: Settings | None = None) -> Path:
    """Return the folder automatic and manual backups go to."""
    path = sqlite_path(database)
    if settings is None:
        with database.unit_of_work(read_only=True) as uow:
            settings = get_settings(uow)
    if settings.backup_folder:
        return Path(settings.backup_folder).expanduser()
    return default_backup_folder(path)


def needs_passphrase(database: Database, destination: Path | None = None) -> bool:
    """Return True when a backup to ``destination`` (see :func:`take_backup`) is encrypted."""
    if destination is not None and not destination.is_dir():
        return destination.name.lower().endswith(".enc")
    with database.unit_of_work(read_only=True) as uow:
        return get_settings(uow).backup_encrypt


def _aware(now: datetime | None) -> datetime:
    moment = now or datetime.now(UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def take_backup(
    database: Database,
    actor: Actor,
    *,
    destination: Path | None = None,
    passphrase: str | None = None,
    progress: Progress | None = None,
    should_cancel: Cancel | None = None,
    now: datetime | None = None,
) -> BackupInfo:
    """Take a checked backup now and record it in the audit log.

    Args:
        database: the open database (SQLite).
        actor: who asks.
        destination: None for the backup folder; an existing folder for a new file
            there; otherwise the file to write, whose name decides the format:
            ``….enc`` encrypted, ``….gz`` compressed, anything else a plain SQLite file.
        passphrase: for encryption (else ``CARCELES_BACKUP_PASSPHRASE``).
        progress: ``progress(done, total)`` as the work advances.
        should_cancel: polled between steps; True stops with ``BackupCancelled``.
        now: the time to name the backup by (tests).

    Raises:
        PermissionDenied: the actor may not take backups.
        ValidationError: encryption asked for without a usable passphrase.
        StorageUnavailable: PostgreSQL, the copy fails its checks, the destination is
            full or cannot be written, or the file exists already.
        BackupCancelled: cancelled; nothing was kept.
    """
    require(actor, Action.BACKUP)
    return _take(
        database,
        actor,
        kind="manual",
        destination=destination,
        passphrase=passphrase,
        progress=progress,
        should_cancel=should_cancel,
        now=_aware(now),
    )


def _take(
    database: Database,
    actor: Actor,
    *,
    kind: str,
    destination: Path | None,
    passphrase: str | None,
    progress: Progress | None,
    should_cancel: Cancel | None,
    now: datetime,
    settings: Settings | None = None,
) -> BackupInfo:
    path = sqlite_path(database)
    if settings is None:
        with database.unit_of_work(read_only=True) as uow:
            settings = get_settings(uow)
    if destination is None or destination.is_dir():
        folder, out_file = destination or backup_folder(database, settings), None
        compress, envelope = True, envelope_for(settings.backup_encrypt, passphrase)
    else:
        name = destination.name.lower()
        encrypt = name.endswith(".enc")
        folder, out_file = None, destination
        compress, envelope = encrypt or name.endswith(".gz"), envelope_for(encrypt, passphrase)
    if envelope is not None:
        envelope.check()
    info = backup.take_sqlite_backup(
        path,
        folder,
        out_file=out_file,
        kind=kind,
        compress=compress,
        envelope=envelope,
        progress=progress,
        should_cancel=should_cancel,
        now=now,
    )
    # Only copies in the backup folder count for "changed since the last backup".
    _record(database, actor, info, remember=destination is None)
    return info


def _record(database: Database, actor: Actor, info: BackupInfo, *, remember: bool) -> None:
    """Audit the backup and remember its marker, in one transaction."""
    try:
        with database.unit_of_work() as uow:
            before = change_tracker.current_marker(uow.session)
            audit.record(
                uow,
                actor,
                "backup",
                "database",
                summary=f"Backup {info.path.name} ({info.kind}, {info.size} bytes)",
                changes={
                    "file": str(info.path),
                    "sha256": info.sha256,
                    "encrypted": info.encrypted,
                },
            )
            if remember:
                # The backup's own entry is no change; anything written between the
                # snapshot and now is, and keeps the marker of the snapshot.
                after = change_tracker.current_marker(uow.session)
                marker = after if before == info.marker else (info.marker or "")
                change_tracker.remember_backup(
                    uow.session, change_tracker.LastBackup(marker, info.taken_at, info.path.name)
                )
            uow.commit()
    except (StorageUnavailable, OperationalError) as exc:
        # The backup itself is good and kept; a read-only or full database only loses
        # the note about it (the next check backs up again).
        _log.warning("backup %s taken but not recorded: %s", info.path, exc)


def backup_if_due(
    database: Database,
    actor: Actor,
    settings: Settings,
    now: datetime | None = None,
    *,
    closing: bool = False,
    passphrase: str | None = None,
    progress: Progress | None = None,
    should_cancel: Cancel | None = None,
) -> BackupInfo | None:
    """Take an automatic backup if one is due, then thin the old automatic ones.

    Due means: the data changed since the last backup, and either the window is
    ``closing`` or ``settings.backup_interval_minutes`` have passed since the last one.
    Automatic backups protect everyone's records, so they need no permission; they are
    audited under ``actor``'s name.

    Returns:
        The new backup, or None when none was due (or the database is PostgreSQL).

    Raises:
        ValidationError: encrypted backups are set but no passphrase is available.
        StorageUnavailable: the copy failed or the folder is full or missing.
    """
    if database.target.sqlite_path is None:
        return None
    moment = _aware(now)
    with database.unit_of_work(read_only=True) as uow:
        last = change_tracker.last_backup(uow.session)
        changed = last is None or last.marker != change_tracker.current_marker(uow.session)
    if not changed:
        return None
    interval = timedelta(minutes=settings.backup_interval_minutes)
    if not closing and last is not None and moment - last.at < interval:
        return None
    info = _take(
        database,
        actor,
        kind="auto",
        destination=None,
        passphrase=passphrase,
        progress=progress,
        should_cancel=should_cancel,
        now=moment,
        settings=settings,
    )
    deleted = backup_store.thin_folder(info.path.parent, info.database, moment)
    if deleted:
        _log.info("thinned %d old automatic backups", len(deleted))
    return info


def list_backups(database: Database, actor: Actor) -> list[BackupInfo]:
    """Return the backups of this database, newest first (backup folder and default).

    Raises:
        PermissionDenied: the actor may not take or restore backups.
    """
    require(actor, Action.BACKUP)
    path = sqlite_path(database)
    folders = {backup_folder(database), default_backup_folder(path)}
    found = [info for folder in folders for info in backup_store.list_backups(folder, path.stem)]
    return sorted(found, key=lambda info: (info.taken_at, info.path.name), reverse=True)
