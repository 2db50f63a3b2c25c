"""The backup folder: file names, listing and thinning.

A backup file is named ``<database>-<kind>-<YYYYmmdd-HHMMSS>[-n].sqlite3[.gz][.enc]``,
for example ``carceles-auto-20261130-151500.sqlite3.gz``.  The time is UTC; ``kind`` is
``auto`` (timer, closing), ``manual`` ("Copia de seguridad ahora"), ``pre-restore`` (the
database as it was before a restore) or ``pre-migration-…`` (before a schema upgrade).

What a backup file holds, and how it is written and read: :mod:`.backup_archive`.

Only ``auto`` backups are thinned: a manual copy or a copy taken before a restore or an
upgrade was asked for, and stays until someone deletes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path

from carceles_desktop.errors import AppError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP

STAMP_FORMAT = "%Y%m%d-%H%M%S"
_NAME = re.compile(
    r"^(?P<head>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d{1,3}))?"
    r"(?P<ext>\.sqlite3(?P<gz>\.gz)?(?P<enc>\.enc)?)$"
)
_KINDS = ("auto", "manual", "pre-restore")


class BackupCancelled(AppError):
    """The user cancelled a backup or restore; nothing was kept or changed."""

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "Cancelled: no backup was kept and nothing changed.")
        )


@dataclass(frozen=True)
class BackupInfo:
    """One backup file.

    Attributes:
        path: where it is.
        taken_at: when it was taken (UTC, timezone-aware), from its name.
        kind: ``auto``, ``manual``, ``pre-restore``, ``pre-migration`` or ``other``.
        database: the name (stem) of the database file it copies.
        size: bytes on disk.
        compressed: gzip inside.
        encrypted: needs the passphrase to open.
        database_size: bytes of the SQLite copy, when known (right after taking it).
        sha256: SHA-256 of the SQLite copy, when known.
        marker: the audit-log head of the copy (see ``change_tracker``), when known.
    """

    path: Path
    taken_at: datetime
    kind: str
    database: str
    size: int
    compressed: bool
    encrypted: bool
    database_size: int | None = None
    sha256: str | None = None
    marker: str | None = None


def backup_name(
    database: str,
    kind: str,
    taken_at: datetime,
    *,
    compressed: bool,
    encrypted: bool,
    counter: int = 0,
) -> str:
    """Return the file name of a backup (``counter`` tells apart two in one second)."""
    stamp = taken_at.astimezone(UTC).strftime(STAMP_FORMAT)
    suffix = f"-{counter}" if counter else ""
    ext = ".sqlite3" + (".gz" if compressed or encrypted else "") + (".enc" if encrypted else "")
    return f"{database}-{kind}-{stamp}{suffix}{ext}"


def parse_backup_name(name: str) -> tuple[str, str, datetime, bool, bool] | None:
    """Return (database, kind, taken_at, compressed, encrypted), or None for other files."""
    match = _NAME.match(name)
    if match is None:
        return None
    try:
        taken = datetime.strptime(match["stamp"], STAMP_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None
    head = match["head"]
    database, kind = head, "other"
    if "-pre-migration" in head:
        database, kind = head.split("-pre-migration", 1)[0], "pre-migration"
    else:
        for candidate in _KINDS:
            if head.endswith("-" + candidate):
                database, kind = head[: -len(candidate) - 1], candidate
                break
    return database, kind, taken, bool(match["gz"]), bool(match["enc"])


def list_backups(folder: Path, database: str | None = None) -> list[BackupInfo]:
    """Return the backups in ``folder`` (of ``database`` only, if given), newest first."""
    if not folder.is_dir():
        return []
    found: list[BackupInfo] = []
    for entry in folder.iterdir():
        parsed = parse_backup_name(entry.name)
        if parsed is None or not entry.is_file():
            continue
        db_name, kind, taken, compressed, encrypted = parsed
        if database is not None and db_name != database:
            continue
        found.append(
            BackupInfo(entry, taken, kind, db_name, entry.stat().st_size, compressed, encrypted)
        )
    found.sort(key=lambda info: (info.taken_at, info.path.name), reverse=True)
    return found


# --- thinning -------------------------------------------------------------------------


@dataclass(frozen=True)
class ThinningPolicy:
    """How many backups survive thinning (Anki's rule, with our numbers).

    Walking from the newest: the first ``recent`` are kept; after them the newest backup
    of each day not yet covered, up to ``daily`` days; then of each ISO week not yet
    covered, up to ``weekly``; then of each month, up to ``monthly``.  A kept backup
    covers its day, week and month.  The counts are of periods that *have* backups, not
    of calendar time, so that a computer left off for a season never loses its last
    copies merely because time went by.
    """

    recent: int = 10
    daily: int = 14
    weekly: int = 8
    monthly: int = 12


DEFAULT_POLICY = ThinningPolicy()


@dataclass(frozen=True)
class ThinningPlan:
    """What thinning keeps and deletes; ``reasons`` says why each kept file stays."""

    keep: tuple[BackupInfo, ...]
    delete: tuple[BackupInfo, ...]
    reasons: Mapping[Path, str] = field(default_factory=dict)


def plan_thinning(
    backups: Iterable[BackupInfo], now: datetime, policy: ThinningPolicy = DEFAULT_POLICY
) -> ThinningPlan:
    """Decide which backups to keep (a pure function: nothing is deleted here).

    Days, weeks and months are those of ``taken_at`` as given: pass local times to thin
    by the user's calendar.  Backups dated after ``now`` (a clock set wrong) are kept and
    do not count.

    Returns:
        The plan; ``keep`` and ``delete`` partition the input.
    """
    ordered = sorted(backups, key=lambda info: info.taken_at, reverse=True)
    reasons: dict[Path, str] = {}
    keep: list[BackupInfo] = []
    delete: list[BackupInfo] = []
    days: set[date] = set()
    weeks: set[tuple[int, int]] = set()
    months: set[tuple[int, int]] = set()
    left = {"daily": policy.daily, "weekly": policy.weekly, "monthly": policy.monthly}
    recent = 0
    for info in ordered:
        day = info.taken_at.date()
        week = day.isocalendar()[:2]
        month = (day.year, day.month)
        if info.taken_at > now:
            reason = "future"
        elif recent < policy.recent:
            recent += 1
            reason = "recent"
        elif day not in days and left["daily"] > 0:
            reason = "daily"
        elif week not in weeks and left["weekly"] > 0:
            reason = "weekly"
        elif month not in months and left["monthly"] > 0:
            reason = "monthly"
        else:
            delete.append(info)
            continue
        if reason in left:
            left[reason] -= 1
        if reason != "future":
            days.add(day)
            weeks.add(week)
            months.add(month)
        keep.append(info)
        reasons[info.path] = reason
    return ThinningPlan(tuple(keep), tuple(delete), reasons)


def thin_folder(
    folder: Path, database: str, now: datetime, policy: ThinningPolicy = DEFAULT_POLICY
) -> list[Path]:
    """Delete the automatic backups of ``database`` that the policy lets go.

    Days are counted in this computer's local time.  Returns the deleted paths; a file
    that cannot be deleted is left and skipped (the next thinning tries again).
    """
    autos = [info for info in list_backups(folder, database) if info.kind == "auto"]
    local = [_with_local_time(info) for info in autos]
    plan = plan_thinning(local, now.astimezone(), policy)
    deleted = []
    for info in plan.delete:
        try:
            info.path.unlink()
        except OSError:
            continue
        deleted.append(info.path)
    return deleted


def _with_local_time(info: BackupInfo) -> BackupInfo:
    return replace(info, taken_at=info.taken_at.astimezone())
