"""Composition root: command line or window, on the chosen database.

``carceles-desktop`` with a command runs it (see :mod:`carceles_desktop.cli`); without
one the window opens.  ``--demo`` opens a demo database kept apart from real records,
creating it on first use.

The window takes the database's instance lock.  When another computer holds it, the
user may open it read-only instead; when the start-up check finds it damaged, he may
restore the newest good backup.  The lock is released when the window closes.
"""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from carceles_desktop import cli
from carceles_desktop.commands.base import CommandEnv, ExitCode, read_password, sign_in
from carceles_desktop.errors import AppError
from carceles_desktop.logging_setup import setup_logging
from carceles_desktop.services.actor import Actor
from carceles_desktop.storage.engine import parse_target
from carceles_desktop.storage.instance_lock import DatabaseInUse, InstanceLock
from carceles_desktop.storage.opening import DatabaseDamaged, open_locked, open_read_only
from carceles_desktop.storage.unit_of_work import Database

if TYPE_CHECKING:
    from carceles_desktop.storage.backup_store import BackupInfo

log = logging.getLogger(__name__)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the program; return the process exit code."""
    args = cli.parse(argv)
    try:
        log_path = setup_logging()
    except OSError:
        log_path = None
    try:
        if args.command:
            return cli.run_command(args)
        return run_window(args)
    except Exception:  # noqa: BLE001 - the last line of defence: log it, say where
        log.error("unexpected error\n%s", traceback.format_exc())
        print(
            "carceles-desktop: error inesperado; el detalle está en "
            f"{log_path or 'el registro'}. Ningún dato guardado se perdió.",
            file=sys.stderr,
        )
        return 70


def run_window(args: argparse.Namespace) -> int:
    """Open the database (creating the demo one if asked) and show the window."""
    env = CommandEnv(args)
    # prepare_application installs Qt's translators, service messages included.
    from carceles_desktop.ui.launch import WindowStart, prepare_application
    from carceles_desktop.ui.launch import run_window as show

    # The questions asked while opening (in use, damaged) need the application first.
    prepare_application(args.lang)
    try:
        opened = _open_for_window(env)
    except AppError as exc:
        return _start_failed(exc, args)
    if isinstance(opened, int):
        return opened
    database = opened.database
    authenticate = opened.authenticator()
    actor = None
    try:
        first_run = _prepare_first_run(database)
        if args.user:
            actor = authenticate(args.user, read_password(args.user))
        start = WindowStart(
            database=database,
            actor=actor,
            authenticate=authenticate,
            demo=bool(args.demo),
            lang=args.lang,
            screenshot=args.screenshot,
            area=args.area,
            first_run=first_run,
            read_only=opened.read_only,
            heartbeat=opened.lock.heartbeat if opened.lock is not None else None,
        )
        return show(start)
    except AppError as exc:
        return _start_failed(exc, args)
    finally:
        opened.close()


def _start_failed(error: AppError, args: argparse.Namespace) -> int:
    """Say why the window cannot open: on the terminal, and in a box unless scripted."""
    print(f"carceles-desktop: {error}", file=sys.stderr)
    if args.screenshot is None:
        from carceles_desktop.ui import messages

        messages.show_error(None, error)
    return ExitCode.FAILURE


def _open_for_window(env: CommandEnv) -> OpenedDatabase | int:
    """Open the database; on --demo create and fill it the first time."""
    if env.args.demo:
        from carceles_desktop.demo_database import create_demo_database

        location = env.database_location()
        if not Path(location).exists():
            Path(location).parent.mkdir(parents=True, exist_ok=True)
            print("Creando la base de datos de demostración…", file=sys.stderr)
            create_demo_database(location, scale="site")
    return open_for_window(env.database_location(), create=True)


def _prepare_first_run(database: Database) -> bool:
    """Return True when the database has no user yet, loading the catalogues it lacks.

    The first-run wizard lists the establishments, so a brand-new database gets the
    shipped catalogues before it opens (committed on their own: they are the same for
    every installation, and loading them again adds nothing).
    """
    from carceles_desktop.services import catalogues, users
    from carceles_desktop.services.actor import Actor

    with database.unit_of_work(read_only=True) as uow:
        if users.has_users(uow):
            return False
        loaded = bool(catalogues.list_establishments(uow, include_inactive=True))
    if not loaded:
        with database.unit_of_work() as uow:
            catalogues.load_catalogues(uow, Actor.system())
            uow.commit()
    return True


# --- the window's database: locked, or read-only, or restored ---------------------------


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


def open_for_window(location: str, *, create: bool = False) -> OpenedDatabase | int:
    """Open the window's database, asking the user when it is in use or damaged.

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
            if not DatabaseInUseDialog.ask(facts):
                return ExitCode.OK
            return OpenedDatabase(open_read_only(location), None, read_only=True)
        except DatabaseDamaged as exc:
            if restored or not _offer_restore(exc):
                return ExitCode.FAILURE
            restored = True  # once: a restored file that fails its check again is not retried
            continue
        if lock is not None and lock.took_over is not None:
            old = lock.took_over
            log.info("took over the stale lock of %s@%s (pid %s)", old.user, old.host, old.pid)
        return OpenedDatabase(database, lock)


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")


def _offer_restore(damage: DatabaseDamaged) -> bool:
    """Offer the newest good backup in place of a damaged database; True once restored."""
    from carceles_desktop.services import backups
    from carceles_desktop.ui.dialogs.start_dialogs import DamagedDatabaseDialog, DamageFacts

    path = damage.path
    best, passphrase = _newest_good_backup(path)
    facts = DamageFacts(
        path=str(path),
        details="; ".join(damage.details[:3]),
        backups_folder=str(backups.default_backup_folder(path)),
    )
    if best is not None:
        facts = replace(facts, backup_name=best.path.name, backup_taken=_local(best.taken_at))
    if not DamagedDatabaseDialog.ask(facts) or best is None:
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


def _newest_good_backup(path: Path) -> tuple[BackupInfo | None, str | None]:
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
        passphrase = ask_encrypted_backups_passphrase()
        if passphrase:
            best = backups.newest_good_backup(path, passphrase) or best
    return best, passphrase


def _backup_folders(path: Path) -> list[Path]:
    """Where the backups of a damaged database may be: its settings' folder and the default."""
    from carceles_desktop.services.restoring import _folders_for

    return _folders_for(path)
