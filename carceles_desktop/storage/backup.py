"""Copies of a SQLite database taken while it is open, verified before they count.

Copies use SQLite's online backup API inside one read transaction on the source: in WAL
mode that pins a snapshot, so the copy is consistent and never restarts while the
program (or another process) keeps writing.  A copy that fails ``integrity_check`` or
``foreign_key_check`` is deleted and reported, never kept as if it were good.  The
archive written from it (compressed, maybe encrypted) is read back and compared with the
checked copy before it takes its final name, so a bad USB stick is caught at once.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from carceles_desktop.errors import StorageUnavailable
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.storage import backup_archive, backup_store, change_tracker
from carceles_desktop.storage.backup_archive import Envelope
from carceles_desktop.storage.backup_store import BackupCancelled, BackupInfo

__all__ = [
    "BackupCancelled",
    "Progress",
    "backup_sqlite",
    "copy_snapshot",
    "install_database",
    "replace_database",
    "take_sqlite_backup",
    "timestamped_name",
    "verify_sqlite_file",
]

#: ``progress(done, total)``: ``total`` is always :data:`PROGRESS_TOTAL`.
Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]
PROGRESS_TOTAL = 1000
PAGES_PER_STEP = 2048
_BUSY_SECONDS = 15.0

_NO_ROOM = QT_TRANSLATE_NOOP(
    "errors",
    "There is no room left on {folder} for the backup; nothing was kept. Free some space "
    "or choose another backup folder.",
)
_CANNOT_WRITE = QT_TRANSLATE_NOOP("errors", "Could not write the backup {path}: {detail}")


def _uri(path: Path, mode: str) -> str:
    # as_uri() escapes '?', '#' and spaces, which a hand-made "file:" URI would not.
    return f"{path.resolve().as_uri()}?mode={mode}"


def verify_sqlite_file(path: Path) -> list[str]:
    """Return the problems found in a SQLite file (empty list: sound)."""
    try:
        connection = sqlite3.connect(_uri(path, "ro"), uri=True)
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


def copy_snapshot(
    source: Path,
    destination: Path,
    *,
    tick: Callable[[int, int], None] | None = None,
    should_cancel: Cancel | None = None,
) -> None:
    """Copy the database at ``source`` page by page into a new file ``destination``.

    ``tick(pages_done, pages_total)`` is called after each step.

    Raises:
        BackupCancelled: ``should_cancel`` said so (the partial copy is the caller's).
        sqlite3.Error: the source cannot be read or the destination written.
    """
    src = sqlite3.connect(_uri(source, "rw"), uri=True, isolation_level=None, timeout=_BUSY_SECONDS)
    try:
        src.execute("PRAGMA query_only = ON")
        # Reading inside BEGIN pins the snapshot for every step of the copy.
        src.execute("BEGIN")
        src.execute("SELECT count(*) FROM sqlite_master").fetchone()
        dst = sqlite3.connect(destination)
        try:

            def step(_status: int, remaining: int, total: int) -> None:
                if should_cancel is not None and should_cancel():
                    raise BackupCancelled()
                if tick is not None:
                    tick(total - remaining, total)

            src.backup(dst, pages=PAGES_PER_STEP, progress=step)
            # A standalone file: no -wal beside a copy carried around on a USB stick.
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
        src.execute("COMMIT")
    finally:
        src.close()


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # pragma: no cover - Windows cannot open a folder for fsync
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def backup_sqlite(source: Path, destination: Path) -> Path:
    """Copy the database at ``source`` to ``destination`` (a plain SQLite file) and verify it.

    The copy is written under a temporary name and renamed into place only once it
    has passed the checks, so a half-written copy never looks like a backup.

    Raises:
        StorageUnavailable: the copy could not be written or failed its checks.
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        copy_snapshot(source, partial)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("errors", "Could not copy the database to {path}: {detail}"),
            path=str(destination),
            detail=str(exc),
        ) from exc
    problems = verify_sqlite_file(partial)
    if problems:
        partial.unlink(missing_ok=True)
        raise _failed_check(problems)
    _fsync_file(partial)
    os.replace(partial, destination)
    _fsync_dir(destination.parent)
    return destination


def _failed_check(problems: list[str]) -> StorageUnavailable:
    return StorageUnavailable(
        QT_TRANSLATE_NOOP(
            "errors", "The copy of the database failed its check and was discarded: {detail}"
        ),
        detail="; ".join(problems[:3]),
    )


def timestamped_name(label: str, now: datetime | None = None, stem: str = "carceles") -> str:
    """Return a backup file name such as ``carceles-pre-migration-20261130-101500.sqlite3``."""
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    return backup_store.backup_name(stem, label, moment, compressed=False, encrypted=False)


def _free_name(
    folder: Path, stem: str, kind: str, now: datetime, *, compressed: bool, encrypted: bool
) -> Path:
    for counter in range(1000):
        name = backup_store.backup_name(
            stem, kind, now, compressed=compressed, encrypted=encrypted, counter=counter
        )
        if not (folder / name).exists():
            return folder / name
    raise StorageUnavailable(  # pragma: no cover - a thousand backups in one second
        QT_TRANSLATE_NOOP("errors", "Too many backups at once in {folder}."), folder=str(folder)
    )


def _write_error(exc: OSError, path: Path) -> StorageUnavailable:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return StorageUnavailable(_NO_ROOM, folder=str(path.parent))
    return StorageUnavailable(_CANNOT_WRITE, path=str(path), detail=exc.strerror or str(exc))


def _sqlite_error(exc: sqlite3.Error, path: Path, work_folder: Path) -> StorageUnavailable:
    text = str(exc).lower()
    if "disk is full" in text or "no space" in text:
        # The first copy is made beside the database: that disk is the full one.
        return StorageUnavailable(_NO_ROOM, folder=str(work_folder))
    return StorageUnavailable(
        QT_TRANSLATE_NOOP("errors", "Could not copy the database to {path}: {detail}"),
        path=str(path),
        detail=str(exc),
    )


def take_sqlite_backup(
    source: Path,
    folder: Path | None = None,
    *,
    out_file: Path | None = None,
    kind: str = "manual",
    compress: bool = True,
    envelope: Envelope | None = None,
    progress: Progress | None = None,
    should_cancel: Cancel | None = None,
    now: datetime | None = None,
) -> BackupInfo:
    """Take a verified backup of the database at ``source``.

    The copy is made in a temporary folder beside the database (the local disk),
    checked, then written as an archive to ``out_file`` or to a new file named by
    :func:`backup_store.backup_name` in ``folder``; the archive is read back and compared
    before it gets its final name.  Nothing is left behind on failure or cancel.

    Raises:
        StorageUnavailable: the database cannot be copied, the copy fails its checks,
            or the destination is full or cannot be written.
        BackupCancelled: ``should_cancel`` returned True.
    """
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    encrypted = envelope is not None
    compressed = compress or encrypted
    if out_file is not None:
        final = out_file
        if final.exists() and final.stat().st_size > 0:
            raise StorageUnavailable(
                QT_TRANSLATE_NOOP("errors", "{path} exists already; choose another name."),
                path=str(final),
            )
    elif folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageUnavailable(
                QT_TRANSLATE_NOOP("errors", "The backup folder {folder} cannot be used: {detail}"),
                folder=str(folder),
                detail=exc.strerror or str(exc),
            ) from exc
        final = _free_name(
            folder, source.stem, kind, moment, compressed=compressed, encrypted=encrypted
        )
    else:
        raise ValueError("give a folder or an out_file")
    report = _reporter(progress)
    with tempfile.TemporaryDirectory(prefix=".carceles-backup-", dir=source.parent) as work:
        raw = Path(work) / "copy.sqlite3"
        try:
            copy_snapshot(
                source,
                raw,
                tick=lambda done, total: report(400 * done // max(total, 1)),
                should_cancel=should_cancel,
            )
        except sqlite3.Error as exc:
            raise _sqlite_error(exc, final, source.parent) from exc
        problems = verify_sqlite_file(raw)
        if problems:
            raise _failed_check(problems)
        report(500)
        try:
            marker: str | None = change_tracker.file_marker(raw)
        except sqlite3.Error:
            marker = None  # not a database of this program: no audit log to mark
        size = raw.stat().st_size
        digest = _write_final(
            raw, final, compressed, envelope, report, size, should_cancel=should_cancel
        )
    report(PROGRESS_TOTAL)
    return BackupInfo(
        path=final,
        taken_at=moment.replace(microsecond=0),
        kind=kind,
        database=source.stem,
        size=final.stat().st_size,
        compressed=compressed,
        encrypted=encrypted,
        database_size=size,
        sha256=digest,
        marker=marker,
    )


def _reporter(progress: Progress | None) -> Callable[[int], None]:
    def report(done: int) -> None:
        if progress is not None:
            progress(min(done, PROGRESS_TOTAL), PROGRESS_TOTAL)

    return report


def _write_final(
    raw: Path,
    final: Path,
    compressed: bool,
    envelope: Envelope | None,
    report: Callable[[int], None],
    size: int,
    *,
    should_cancel: Cancel | None,
) -> str:
    """Write the archive under a temporary name, read it back, then rename it."""
    partial = final.with_name(final.name + ".partial")
    try:
        with open(partial, "wb") as sink:
            digest = backup_archive.write_archive(
                raw,
                sink,
                compress=compressed,
                envelope=envelope,
                tick=lambda done: report(500 + 450 * done // max(size, 1)),
                should_cancel=should_cancel,
            )
            sink.flush()
            os.fsync(sink.fileno())
        if backup_archive.archive_digest(partial, envelope) != digest:
            raise StorageUnavailable(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The backup written to {path} reads back differently; the disk may be "
                    "failing. Nothing was kept.",
                ),
                path=str(final),
            )
        os.replace(partial, final)
        _fsync_dir(final.parent)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise _write_error(exc, final) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return digest


def retire_wal(target: Path, now: datetime | None = None) -> Path | None:
    """Make sure no old ``-wal`` file can be replayed onto a file put in ``target``'s place.

    The WAL is folded into the old file when SQLite can still do it; when it cannot (a
    damaged file), the WAL is moved aside rather than deleted, so nothing committed is
    thrown away.  Returns where it was moved, if it was.
    """
    wal = Path(f"{target}-wal")
    if wal.exists() and wal.stat().st_size > 0 and target.exists():
        try:
            connection = sqlite3.connect(_uri(target, "rw"), uri=True, timeout=_BUSY_SECONDS)
            try:
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            finally:
                connection.close()
        except sqlite3.Error:
            pass
    kept = None
    if wal.exists() and wal.stat().st_size > 0:
        stamp = (now or datetime.now(UTC)).strftime(backup_store.STAMP_FORMAT)
        kept = wal.with_name(f"{wal.name}.replaced-{stamp}")
        os.replace(wal, kept)
    else:
        wal.unlink(missing_ok=True)
    Path(f"{target}-shm").unlink(missing_ok=True)
    return kept


def install_database(staging: Path, target: Path) -> Path | None:
    """Move the checked file ``staging`` into ``target``'s place in one atomic rename.

    ``staging`` must be on the same file system (beside ``target``).  Returns where an
    old WAL that could not be folded in was kept (see :func:`retire_wal`).
    """
    _fsync_file(staging)
    kept = retire_wal(target)
    os.replace(staging, target)
    _fsync_dir(target.parent)
    return kept


def replace_database(copy: Path, target: Path) -> None:
    """Put ``copy`` in place of ``target`` atomically (WAL and SHM files removed)."""
    staging = target.with_name(target.name + ".restoring")
    shutil.copyfile(copy, staging)
    install_database(staging, target)
