"""``backup`` and ``restore``: checked copies of the database, and putting one back.

The backup passphrase (for encrypted backups) comes from ``CARCELES_BACKUP_PASSPHRASE``
or is asked in the terminal; it is never an argument, so it stays out of shell history.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path

from carceles_desktop.commands.base import CommandEnv, ExitCode
from carceles_desktop.errors import StorageUnavailable, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import backups
from carceles_desktop.services.backup_crypto import NEED_PASSPHRASE
from carceles_desktop.services.restoring import ONLY_SQLITE
from carceles_desktop.storage.engine import parse_target
from carceles_desktop.storage.instance_lock import InstanceLock
from carceles_desktop.storage.opening import open_database
from carceles_desktop.storage.restore import quick_check_file


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    """Add ``backup`` and ``restore``."""
    backup = subparsers.add_parser("backup", help="take a checked backup of the database now")
    backup.add_argument(
        "--out",
        metavar="FILE",
        type=Path,
        help="write to FILE (name ending .enc: encrypted, .gz: compressed, else a plain "
        "SQLite file); default: a new file in the backup folder",
    )
    backup.set_defaults(handler=run_backup)

    restore = subparsers.add_parser(
        "restore",
        help="replace the database with a backup (checked first; the current one is kept)",
    )
    restore.add_argument("file", metavar="FILE", type=Path, help="the backup to restore")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    restore.set_defaults(handler=run_restore)


def _size(count: int) -> str:
    return f"{count / 1_048_576:.1f} MB" if count >= 1_048_576 else f"{count / 1024:.0f} kB"


def _passphrase(env: CommandEnv, *, confirm: bool) -> str:
    """Read the passphrase from the environment or the terminal (twice for a new one)."""
    found = backups.passphrase_from_environment()
    if found:
        return found
    if not sys.stdin.isatty():
        raise ValidationError(NEED_PASSPHRASE, field="passphrase")
    first = getpass.getpass("Frase de paso de las copias: ")
    if confirm and getpass.getpass("Repita la frase de paso: ") != first:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The two passphrases differ; nothing was done."),
            field="passphrase",
        )
    return first


def _progress(env: CommandEnv) -> Callable[[int, int], None] | None:
    if not env.err.isatty():
        return None

    def show(done: int, total: int) -> None:
        print(f"\rCopiando: {100 * done // max(total, 1)} %   ", end="", file=env.err, flush=True)

    return show


def run_backup(env: CommandEnv) -> int:
    """Take a checked backup into the backup folder or ``--out FILE``."""
    database = env.open()
    try:
        ctx = env.context(database, writes=False)
        passphrase = None
        if backups.needs_passphrase(database, env.args.out):
            passphrase = _passphrase(env, confirm=True)
        progress = _progress(env)
        info = backups.take_backup(
            database, ctx.actor, destination=env.args.out, passphrase=passphrase, progress=progress
        )
        if progress is not None:
            print(file=env.err)
    finally:
        database.dispose()
    kind = "cifrada" if info.encrypted else "comprimida" if info.compressed else "SQLite"
    print(
        f"Copia de seguridad verificada: {info.path} ({_size(info.size)}, {kind}; "
        f"base de {_size(info.database_size or 0)})",
        file=env.out,
    )
    return ExitCode.OK


def _confirm(env: CommandEnv, text: str) -> bool:
    if env.args.yes:
        return True
    if not sys.stdin.isatty():
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Restoring replaces the database: add --yes to confirm it.")
        )
    print(text, file=env.out)
    answer = input("¿Continuar? [s/N] ").strip().lower()
    return answer in {"s", "si", "sí", "y", "yes"}


def run_restore(env: CommandEnv) -> int:
    """Restore FILE over the database (a user, unless demo or the database is damaged)."""
    location = env.database_location()
    path = parse_target(location).sqlite_path
    if path is None:
        raise StorageUnavailable(ONLY_SQLITE)
    source: Path = env.args.file.expanduser().absolute()
    if not source.is_file():
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("errors", "There is no backup at {path}."), path=str(source)
        )
    question = (
        f"Se reemplazará la base de datos {path} por la copia {source}. "
        "La base actual se guardará antes en la carpeta de copias."
    )
    with InstanceLock(path) as lock:
        if lock.took_over is not None:
            print(
                f"Aviso: se liberó un bloqueo abandonado ({lock.took_over.host}, "
                f"{lock.took_over.user}).",
                file=env.err,
            )
        passphrase = _passphrase(env, confirm=False) if backups.is_encrypted(source) else None
        if quick_check_file(path):
            if not _confirm(env, question):
                return ExitCode.FAILURE
            report = backups.restore_damaged_database(path, source, passphrase)
        else:
            database = open_database(location)
            try:
                ctx = env.context(database, writes=False)
                if not _confirm(env, question):
                    return ExitCode.FAILURE
                report = backups.restore_backup(database, ctx.actor, source, passphrase)
            finally:
                database.dispose()
    print(f"Base de datos restaurada desde {report.restored_from}.", file=env.out)
    if report.pre_restore_copy is not None:
        state = " (estaba dañada; se copió tal cual)" if report.replaced_was_damaged else ""
        print(f"La base anterior se guardó en {report.pre_restore_copy}{state}.", file=env.out)
    if report.upgraded:
        print(f"La copia se actualizó al esquema {report.schema_revision}.", file=env.out)
    return ExitCode.OK
