"""Putting a backup back in place of the database, checked first and atomic.

The order is what makes a restore safe:

1. the backup is unpacked beside the database (same disk, so the last step is a rename)
   and checked — integrity, foreign keys, and that it is a database of this program no
   newer than it; a backup that fails is refused and nothing has changed;
2. the current database is itself backed up (``pre-restore``).  When it is too damaged
   for a checked copy, its files are copied as they are (``damaged``), so nothing a user
   had is ever thrown away; when even that fails, the restore stops;
3. the old WAL is folded in or moved aside, and the checked file takes the database's
   name in one ``os.replace``.  A crash at any moment leaves either the old database or
   the restored one, never a mixture.

The caller must hold the instance lock and have closed its own connections.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from carceles_desktop.errors import StorageUnavailable
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.storage import backup, backup_archive, backup_store, migrate
from carceles_desktop.storage.backup_archive import Envelope

_REFUSED = QT_TRANSLATE_NOOP(
    "errors",
    "The backup {path} failed its check and was not restored; the database was not "
    "changed. Problems: {detail}",
)


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did.

    Attributes:
        target: the database file that was replaced.
        restored_from: the backup it now holds.
        revision: the schema revision of the restored file (it is upgraded when opened).
        sha256: SHA-256 of the restored SQLite file.
        pre_restore_copy: where the database as it was before is kept (None when there
            was no database).
        replaced_was_damaged: the old database failed its check and was copied as is.
        kept_wal: an old WAL that could not be folded in, moved aside.
    """

    target: Path
    restored_from: Path
    revision: str | None
    sha256: str
    pre_restore_copy: Path | None
    replaced_was_damaged: bool = False
    kept_wal: Path | None = None


def quick_check_file(path: Path) -> list[str]:
    """Return what SQLite's quick_check finds in a database file (empty list: sound).

    A missing or empty file is reported as such, never created.
    """
    if not path.exists() or path.stat().st_size == 0:
        return ["no database file"]
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = [str(row[0]) for row in connection.execute("PRAGMA quick_check")]
        finally:
            connection.close()
    except sqlite3.Error as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def schema_problems(path: Path) -> tuple[list[str], str | None]:
    """Return (problems, revision) of a SQLite file as a database of this program."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return ["not a database of this program (no schema revision)"], None
    revision = str(row[0]) if row else None
    if revision is None:
        return ["not a database of this program (no schema revision)"], None
    try:
        from alembic.script import ScriptDirectory  # only when a backup is checked

        known = ScriptDirectory.from_config(migrate.alembic_config()).get_revision(revision)
    except Exception:  # noqa: BLE001 - alembic raises several kinds for an unknown id
        known = None
    if known is None:
        return [f"written by a newer version of the program (schema {revision})"], revision
    return [], revision


def check_backup_file(
    archive: Path, work_dir: Path, envelope: Envelope | None = None
) -> tuple[Path, str, str | None]:
    """Unpack a backup into ``work_dir`` and check it; return (file, sha256, revision).

    Raises:
        StorageUnavailable: the backup is unreadable, damaged or fails its checks
            (the unpacked file is removed).
        ValidationError: a wrong passphrase.
    """
    staging = work_dir / f".{archive.name}.checking"
    _remove_with_journals(staging)
    try:
        digest = backup_archive.extract_archive(archive, staging, envelope)
        problems = _standalone(staging)
        if not problems:
            problems = backup.verify_sqlite_file(staging)
        revision = None
        if not problems:
            problems, revision = schema_problems(staging)
        if problems:
            raise StorageUnavailable(_REFUSED, path=str(archive), detail="; ".join(problems[:3]))
    except BaseException:
        _remove_with_journals(staging)
        raise
    return staging, digest, revision


def _standalone(path: Path) -> list[str]:
    """Take the unpacked copy out of WAL mode, so that it is one file with no -wal/-shm.

    A raw copy of a live database says "WAL" in its header; checking it read-only would
    leave -wal and -shm files behind, and moving it into place would not move them.
    """
    try:
        connection = sqlite3.connect(path)
        try:
            connection.execute("PRAGMA journal_mode = DELETE").fetchall()
        finally:
            connection.close()
    except sqlite3.Error as exc:
        return [str(exc)]
    return []


def _remove_with_journals(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def restore_sqlite(
    target: Path,
    archive: Path,
    *,
    safety_folder: Path,
    envelope: Envelope | None = None,
    now: datetime | None = None,
) -> RestoreResult:
    """Replace the database at ``target`` with the backup ``archive`` (see module doc).

    Args:
        target: the database file.
        archive: the backup (plain, gzip or encrypted).
        safety_folder: where the copy of the current database goes.
        envelope: opens an encrypted backup.
        now: the time for the pre-restore copy's name.

    Raises:
        StorageUnavailable: the backup fails its checks, or the current database could
            not be kept; in both cases nothing changed.
        ValidationError: a wrong passphrase; nothing changed.
    """
    moment = now or datetime.now(UTC)
    staging, digest, revision = check_backup_file(archive, target.parent, envelope)
    try:
        copy, damaged = _keep_current(target, safety_folder, moment)
        kept_wal = backup.install_database(staging, target)
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    return RestoreResult(
        target=target,
        restored_from=archive,
        revision=revision,
        sha256=digest,
        pre_restore_copy=copy,
        replaced_was_damaged=damaged,
        kept_wal=kept_wal,
    )


def _keep_current(target: Path, folder: Path, now: datetime) -> tuple[Path | None, bool]:
    """Back the current database up; copy its files as they are when it is damaged."""
    if not target.exists() or target.stat().st_size == 0:
        return None, False
    try:
        info = backup.take_sqlite_backup(target, folder, kind="pre-restore", now=now)
        return info.path, False
    except StorageUnavailable:
        if not backup.verify_sqlite_file(target):
            raise  # a sound database that cannot be backed up (no room …): stop here
        return _copy_as_is(target, folder, now), True


def _copy_as_is(target: Path, folder: Path, now: datetime) -> Path:
    """Copy a damaged database and its WAL byte for byte (SQLite cannot copy it)."""
    stamp = now.astimezone(UTC).strftime(backup_store.STAMP_FORMAT)
    copy = folder / f"{target.stem}-damaged-{stamp}.sqlite3"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(target, copy)
        wal = Path(f"{target}-wal")
        if wal.exists():
            shutil.copyfile(wal, Path(f"{copy}-wal"))
    except OSError as exc:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "errors",
                "The current database could not be kept before the restore ({detail}); "
                "nothing was changed.",
            ),
            detail=exc.strerror or str(exc),
        ) from exc
    return copy
