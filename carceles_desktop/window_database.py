"""The window's database: opened with its instance lock, read-only, or restored.

The window takes the database's instance lock.  When another computer holds it, the
user may open it read-only instead; when the start-up check finds it damaged, he may
restore the newest good backup.  The questions are asked over the window, which is
already on screen: this module (and SQLAlchemy behind it) is imported only after the
window has shown itself.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from carceles_desktop.commands.base import ExitCode, sign_in
from carceles_desktop.services.actor import Actor
from carceles_desktop.storage.engine import parse_target
from carceles_desktop.storage.instance_lock import DatabaseInUse, InstanceLock
from carceles_desktop.storage.opening import DatabaseDamaged, open_locked, open_read_only
from carceles_desktop.storage.unit_of_work import Database

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from carceles_desktop.storage.backup_store import BackupInfo

log = logging.getLogger(__name__)


def prepare_first_run(database: Database) -> bool:
    """Return True when the database has no user yet, loading the catalogues it lacks.

    The first-run wizard lists the establishments, so a brand-new database gets the
    shipped catalogues before it opens (committed on their own: they are the same for
    every installation, and loading them again adds nothing).
    """
    from carceles_desktop.services import catalogues, users

    with database.unit_of_work(read_only=True) as uow:
        if users.has_users(uow):
            return False
        loaded = bool(catalogues.list_establishments(uow, include_inactive=True))
    if not loaded:
        with database.unit_of_work() as uow:
            catalogues.load_catalogues(uow, Actor.system())
            uow.commit()
    return True


def is_demo(database: Database) -> bool:
    """True when the database holds demo data (whatever its file is called)."""
    from carceles_desktop.services import database_info

    with database.unit_of_work(read_only=True) as uow:
        return database_info.is_demo(uow)


@dataclass
class OpenedDatabase:
    """The window's database, with the instance lock held (None: read-only or PostgreSQL).

    Attributes:
        database: the open database.
        lock: the instance lock, released by :meth:`close`.
        read_only: opened read-only because another computer holds it.
    """

    database: Database
    lock: InstanceLock | None
    read_only: bool = False

    def authenticator(self) -> Callable[[str, str], Actor]:
        """The sign-in check for this database (one that writes nothing when read-only)."""
        database = self.database
        if self.read_only:
            from carceles_desktop.services.read_only_access import sign_in_read_only

            return lambda name, password: sign_in_read_only(database, name, password)
        return lambda name, password: sign_in(database, name, password)

    def close(self) -> None:
        """Dispose of the database, then give the lock up."""
        try:
            self.database.dispose()
        finally:
            if self.lock is not None:
                self.lock.release()


def open_for_window(
    location: str, *, create: bool = False, parent: QWidget | None = None
) -> OpenedDatabase | int:
    """Open the window's database, asking the user (over ``parent``) when in use or damaged.

    Returns:
        The open database, or the exit code when it was not opened: 0 when the user
        chose to quit, 1 when a damaged database was not (or could not be) restored.

    Raises:
        AppError: the database cannot be opened (missing, not ours, read-only and in
            need of an upgrade, …), or the restore failed; nothing was changed.
    """
    from carceles_desktop.ui.dialogs.start_dialogs import DatabaseInUseDialog, InUseFacts

    path = parse_target(location).sqlite_path
    if create and path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    restored = False
    while True:
        try:
            database, lock = open_locked(location, create=create)
        except DatabaseInUse as exc:
            owner = exc.owner
            facts = InUseFacts(str(path or location))
            if owner is not None:
                facts = InUseFacts(facts.path, owner.host, owner.user, _local(owner.started_at()))
            if not DatabaseInUseDialog.ask(facts, parent):
                return ExitCode.OK
            return OpenedDatabase(open_read_only(location), None, read_only=True)
        except DatabaseDamaged as exc:
            if restored or not _offer_restore(exc, parent):
                return ExitCode.FAILURE
            restored = True  # once: a restored file that fails its check again is not retried
            continue
        if lock is not None and lock.took_over is not None:
            old = lock.took_over
            log.info("took over the stale lock of %s@%s (pid %s)", old.user, old.host, old.pid)
        return OpenedDatabase(database, lock)


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")


def _offer_restore(damage: DatabaseDamaged, parent: QWidget | None) -> bool:
    """Offer the newest good backup in place of a damaged database; True once restored."""
    from carceles_desktop.services import backups
    from carceles_desktop.ui.dialogs.start_dialogs import DamagedDatabaseDialog, DamageFacts

    path = damage.path
    best, passphrase = _newest_good_backup(path, parent)
    facts = DamageFacts(
        path=str(path),
        details="; ".join(damage.details[:3]),
        backups_folder=str(backups.default_backup_folder(path)),
    )
    if best is not None:
        facts = replace(facts, backup_name=best.path.name, backup_taken=_local(best.taken_at))
    if not DamagedDatabaseDialog.ask(facts, parent) or best is None:
        if best is None:
            print(
                f"carceles-desktop: {damage}\nNo hay copias buenas en {facts.backups_folder}.",
                file=sys.stderr,
            )
        return False
    with InstanceLock(path):
        report = backups.restore_damaged_database(
            path, best.path, passphrase if best.encrypted else None
        )
    log.warning("restored the damaged %s from %s", path, report.restored_from)
    return True


def _newest_good_backup(path: Path, parent: QWidget | None) -> tuple[BackupInfo | None, str | None]:
    """The newest backup that passes every check, asking the passphrase when it may matter.

    Encrypted backups are checked only with the passphrase (the environment's, or the
    user's when an encrypted backup is newer than the best one found without it).
    """
    from carceles_desktop.services import backups
    from carceles_desktop.storage import backup_store
    from carceles_desktop.ui.dialogs.start_dialogs import ask_encrypted_backups_passphrase

    passphrase = backups.passphrase_from_environment()
    best = backups.newest_good_backup(path, passphrase)
    if passphrase is not None:
        return best, passphrase
    newer_encrypted = [
        info
        for folder in _backup_folders(path)
        for info in backup_store.list_backups(folder, path.stem)
        if info.encrypted and (best is None or info.taken_at > best.taken_at)
    ]
    if newer_encrypted:
        passphrase = ask_encrypted_backups_passphrase(parent)
        if passphrase:
            best = backups.newest_good_backup(path, passphrase) or best
    return best, passphrase


def _backup_folders(path: Path) -> list[Path]:
    """Where the backups of a damaged database may be: its settings' folder and the default."""
    from carceles_desktop.services.restoring import _folders_for

    return _folders_for(path)
