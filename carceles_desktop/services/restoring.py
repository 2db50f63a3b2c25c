"""Restoring backups: over a sound database (signed in) or a damaged one (at start-up).

See :mod:`carceles_desktop.services.backups` for the whole story; this module holds the
restore half so that each stays readable.  Both roads check the backup before touching
anything, keep the current database first, and audit the restore *in the restored
database*, under the user's name (his id only if the restored file knows him).
"""

from __future__ import annotations

import json
import socket
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from carceles_desktop.domain.users import User
from carceles_desktop.errors import PermissionDenied, StorageUnavailable, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.backup_crypto import (
    PassphraseEnvelope,
    envelope_for,
    passphrase_from_environment,
)
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.storage import backup_archive, backup_store, migrate, restore
from carceles_desktop.storage.backup_store import BackupInfo
from carceles_desktop.storage.instance_lock import current_user
from carceles_desktop.storage.opening import open_database
from carceles_desktop.storage.unit_of_work import Database


@dataclass(frozen=True)
class RestoreReport:
    """What a restore did.

    Attributes:
        target: the database file now holding the backup's records.
        restored_from: the backup file.
        pre_restore_copy: the database as it was before (None when there was none).
        replaced_was_damaged: the old database failed its check and was kept as is.
        schema_revision: the restored database's schema, after any upgrade.
        upgraded: the backup came from an older version and was upgraded on opening.
        kept_wal: an old WAL that could not be folded in, moved aside.
    """

    target: Path
    restored_from: Path
    pre_restore_copy: Path | None
    replaced_was_damaged: bool
    schema_revision: str | None
    upgraded: bool
    kept_wal: Path | None = None


#: Backups and restores here are of SQLite files; PostgreSQL has its own tools.
ONLY_SQLITE = QT_TRANSLATE_NOOP(
    "errors",
    "This program backs up SQLite databases only; back up the PostgreSQL database with the "
    "server's tools (pg_dump).",
)


def sqlite_path(database: Database) -> Path:
    """Return the database's SQLite file.

    Raises:
        StorageUnavailable: a PostgreSQL database (backed up with the server's tools).
    """
    path = database.target.sqlite_path
    if path is None:
        raise StorageUnavailable(ONLY_SQLITE)
    return path


def default_backup_folder(database_path: Path) -> Path:
    """The folder used when the settings name none: ``backups`` beside the database."""
    return database_path.parent / "backups"


def _open_envelope(path: Path, passphrase: str | None) -> PassphraseEnvelope | None:
    if backup_archive.archive_format(path) != "encrypted":
        return None
    return envelope_for(True, passphrase)


def restore_backup(
    database: Database,
    actor: Actor,
    path: Path,
    passphrase: str | None = None,
    *,
    now: datetime | None = None,
) -> RestoreReport:
    """Replace the database with the backup at ``path`` (checked first, atomic).

    The current database is backed up first (``pre-restore``, beside the database).
    The caller must hold the instance lock; ``database`` stays usable afterwards and
    then reads the restored records.

    Raises:
        PermissionDenied: the actor may not restore backups.
        ValidationError: an encrypted backup without the right passphrase.
        StorageUnavailable: the backup fails its checks or the current database cannot
            be kept; nothing changed.
    """
    require(actor, Action.BACKUP)
    target = sqlite_path(database)
    envelope = _open_envelope(path, passphrase)
    database.dispose()
    result = restore.restore_sqlite(
        target, path, safety_folder=default_backup_folder(target), envelope=envelope, now=now
    )
    return _after_restore(result, actor, f"by {actor.username}")


def restore_damaged_database(
    database_path: Path,
    path: Path,
    passphrase: str | None = None,
    *,
    now: datetime | None = None,
) -> RestoreReport:
    """Restore over a database too damaged to open, without a sign-in.

    Nobody can sign in to a damaged database, and its files are kept as they are before
    the restore, so nothing is lost by allowing it.  A sound database is refused: there,
    a user with the backup permission restores through :func:`restore_backup`.

    A missing database is allowed too: that is a new computer set up from a backup.

    Raises:
        PermissionDenied: the database is sound.
        ValidationError: an encrypted backup without the right passphrase.
        StorageUnavailable: the backup fails its checks; nothing changed.
    """
    if restore.quick_check_file(database_path) == []:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "errors",
                "The database {path} is sound: sign in as a user who may restore backups.",
            ),
            path=str(database_path),
        )
    envelope = _open_envelope(path, passphrase)
    result = restore.restore_sqlite(
        database_path,
        path,
        safety_folder=default_backup_folder(database_path),
        envelope=envelope,
        now=now,
    )
    who = f"{current_user()}@{socket.gethostname()}"
    return _after_restore(result, Actor.system("restauración"), f"over a damaged database by {who}")


def _after_restore(result: restore.RestoreResult, actor: Actor, how: str) -> RestoreReport:
    """Open the restored file (upgrading an older schema) and audit the restore in it."""
    reopened = open_database(str(result.target))
    try:
        with reopened.unit_of_work() as uow:
            # The restored file may not know this user, or give his id to someone else.
            user_id = uow.session.scalar(select(User.id).where(User.username == actor.username))
            recorder = Actor(user_id=user_id, username=actor.username, role=actor.role)
            audit.record(
                uow,
                recorder,
                "restore",
                "database",
                summary=f"Restored from {result.restored_from.name} {how}",
                changes={
                    "from": str(result.restored_from),
                    "sha256": result.sha256,
                    "previous_kept_at": str(result.pre_restore_copy or ""),
                },
            )
            uow.commit()
        revision = migrate.current_revision(reopened.engine)
    finally:
        reopened.dispose()
    return RestoreReport(
        target=result.target,
        restored_from=result.restored_from,
        pre_restore_copy=result.pre_restore_copy,
        replaced_was_damaged=result.replaced_was_damaged,
        schema_revision=revision,
        upgraded=revision != result.revision,
        kept_wal=result.kept_wal,
    )


def _folders_for(database_path: Path) -> list[Path]:
    """The default folder, and the settings' folder if the damaged file still says it."""
    folders = [default_backup_folder(database_path)]
    try:
        connection = sqlite3.connect(f"{database_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = connection.execute(
                "SELECT value FROM settings WHERE key = 'backup_folder'"
            ).fetchone()
        finally:
            connection.close()
        if row and (value := json.loads(row[0])):
            folders.insert(0, Path(str(value)).expanduser())
    except (sqlite3.Error, ValueError, TypeError):
        pass  # a damaged settings table: the default folder is all we know
    return list(dict.fromkeys(folders))


def newest_good_backup(database_path: Path, passphrase: str | None = None) -> BackupInfo | None:
    """Find the newest backup of this database that passes every check, or None.

    Encrypted backups are tried only with a passphrase (given or from the environment).
    """
    phrase = passphrase or passphrase_from_environment()
    candidates = sorted(
        (
            info
            for folder in _folders_for(database_path)
            for info in backup_store.list_backups(folder, database_path.stem)
        ),
        key=lambda info: info.taken_at,
        reverse=True,
    )
    with tempfile.TemporaryDirectory(prefix=".carceles-check-", dir=database_path.parent) as work:
        for info in candidates:
            if info.encrypted and not phrase:
                continue
            envelope = PassphraseEnvelope(phrase) if info.encrypted and phrase else None
            try:
                staging, _digest, _revision = restore.check_backup_file(
                    info.path, Path(work), envelope
                )
            except (StorageUnavailable, ValidationError):
                continue
            staging.unlink(missing_ok=True)
            return info
    return None
