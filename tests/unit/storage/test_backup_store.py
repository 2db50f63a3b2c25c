"""The backup folder's pure parts: names, the thinning rule, and the archive format."""

from __future__ import annotations

import gzip
import io
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carceles_desktop.errors import StorageUnavailable
from carceles_desktop.storage import backup_archive, backup_store
from carceles_desktop.storage.backup_store import (
    BackupInfo,
    ThinningPolicy,
    backup_name,
    parse_backup_name,
    plan_thinning,
)

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)  # a Monday


def _info(moment: datetime, kind: str = "auto") -> BackupInfo:
    return BackupInfo(
        path=Path(moment.strftime("%Y%m%d-%H%M%S")),
        taken_at=moment,
        kind=kind,
        database="carceles",
        size=1,
        compressed=True,
        encrypted=False,
    )


def _hourly_year() -> list[BackupInfo]:
    start = NOW - timedelta(days=365)
    return [_info(start + timedelta(hours=h)) for h in range(365 * 24)]


@pytest.fixture(scope="module")
def year_plan() -> backup_store.ThinningPlan:
    return plan_thinning(_hourly_year(), NOW)


# A simulated year of hourly backups, thinned at 2026-11-30 12:00 (Monday).
THINNING_TABLE = [
    ("2026-11-30 11:00", "recent"),
    ("2026-11-30 02:00", "recent"),  # the tenth newest
    ("2026-11-30 01:00", None),  # today is covered by the recent ones
    ("2026-11-29 23:00", "daily"),  # newest of yesterday
    ("2026-11-29 22:00", None),
    ("2026-11-23 23:00", "daily"),
    ("2026-11-16 23:00", "daily"),  # the fourteenth day
    ("2026-11-16 22:00", None),
    ("2026-11-15 23:00", "weekly"),  # Sunday: newest of ISO week 46
    ("2026-11-14 23:00", None),  # same week
    ("2026-11-08 23:00", "weekly"),
    ("2026-11-01 23:00", "weekly"),  # week 44 runs into November
    ("2026-10-31 23:00", "monthly"),  # October not yet covered, week 44 is
    ("2026-10-25 23:00", "weekly"),
    ("2026-09-27 23:00", "weekly"),  # the eighth week
    ("2026-09-30 23:00", "monthly"),
    ("2026-09-20 23:00", None),  # weeks used up, September covered
    ("2026-08-31 23:00", "monthly"),
    ("2026-02-28 23:00", "monthly"),
    ("2025-12-31 23:00", "monthly"),
    ("2025-11-30 23:00", "monthly"),  # the twelfth month
    ("2025-11-30 12:00", None),  # the oldest backup of the year
]


@pytest.mark.parametrize(("when", "reason"), THINNING_TABLE)
def test_thinning_a_year_of_hourly_backups(
    year_plan: backup_store.ThinningPlan, when: str, reason: str | None
) -> None:
    moment = datetime.strptime(when, "%Y-%m-%d %H:%M").replace(tzinfo=UTC)
    path = Path(moment.strftime("%Y%m%d-%H%M%S"))
    assert year_plan.reasons.get(path) == reason


def test_a_thinned_year_keeps_44_of_8760(year_plan: backup_store.ThinningPlan) -> None:
    reasons = list(year_plan.reasons.values())
    assert len(year_plan.keep) + len(year_plan.delete) == 365 * 24
    assert {r: reasons.count(r) for r in set(reasons)} == {
        "recent": 10,
        "daily": 14,
        "weekly": 8,
        "monthly": 12,
    }


def test_a_backup_dated_in_the_future_is_kept_and_not_counted() -> None:
    future = _info(NOW + timedelta(days=3))
    past = [_info(NOW - timedelta(hours=h)) for h in range(1, 4)]
    plan = plan_thinning([future, *past], NOW, ThinningPolicy(recent=3, daily=0, weekly=0))
    assert plan.reasons[future.path] == "future"
    assert all(plan.reasons[info.path] == "recent" for info in past)


_moments = st.lists(
    st.integers(min_value=0, max_value=3 * 365 * 24 * 60).map(
        lambda minutes: NOW - timedelta(minutes=minutes)
    ),
    unique=True,
    max_size=120,
)


@settings(max_examples=150, deadline=None)
@given(_moments, st.integers(min_value=0, max_value=12))
def test_the_newest_are_always_kept_and_the_plan_partitions(
    moments: list[datetime], recent: int
) -> None:
    infos = [_info(moment) for moment in moments]
    plan = plan_thinning(infos, NOW, ThinningPolicy(recent=recent))
    assert {i.path for i in plan.keep} | {i.path for i in plan.delete} == {i.path for i in infos}
    assert not {i.path for i in plan.keep} & {i.path for i in plan.delete}
    newest = sorted(infos, key=lambda info: info.taken_at, reverse=True)[:recent]
    assert {info.path for info in newest} <= {info.path for info in plan.keep}
    # Each kept backup after the recent ones is the newest of its day.
    for info in plan.keep:
        if plan.reasons[info.path] == "daily":
            same_day = [i for i in infos if i.taken_at.date() == info.taken_at.date()]
            assert info.taken_at == max(i.taken_at for i in same_day)


@pytest.mark.parametrize(
    ("database", "kind", "compressed", "encrypted", "counter"),
    [
        ("carceles", "auto", True, False, 0),
        ("carceles-demo", "manual", True, True, 2),
        ("carceles", "pre-restore", False, False, 0),
        ("mi base", "pre-migration-0001-0002", False, False, 0),
    ],
)
def test_backup_names_read_back(
    database: str, kind: str, compressed: bool, encrypted: bool, counter: int
) -> None:
    name = backup_name(
        database, kind, NOW, compressed=compressed, encrypted=encrypted, counter=counter
    )
    parsed = parse_backup_name(name)
    assert parsed is not None
    expected_kind = "pre-migration" if kind.startswith("pre-migration") else kind
    assert parsed == (database, expected_kind, NOW, compressed or encrypted, encrypted)


@pytest.mark.parametrize(
    "name",
    ["carceles.sqlite3", "notas.txt", "carceles-auto-20261399-999999.sqlite3.gz", "x.gz.partial"],
)
def test_other_files_are_not_backups(name: str) -> None:
    assert parse_backup_name(name) is None


def test_thin_folder_deletes_only_old_automatic_backups_of_that_database(tmp_path: Path) -> None:
    def touch(database: str, kind: str, moment: datetime) -> Path:
        path = tmp_path / backup_name(database, kind, moment, compressed=True, encrypted=False)
        path.write_bytes(b"x")
        return path

    autos = [touch("carceles", "auto", NOW - timedelta(hours=h)) for h in range(1, 40)]
    manual = touch("carceles", "manual", NOW - timedelta(days=400))
    other = touch("carceles-demo", "auto", NOW - timedelta(days=400))
    deleted = backup_store.thin_folder(tmp_path, "carceles", NOW, ThinningPolicy(recent=5))
    assert deleted
    assert set(deleted) <= set(autos)
    assert manual.exists()
    assert other.exists()
    assert sum(path.exists() for path in autos) == 39 - len(deleted)
    assert all(path.exists() for path in autos[:5])


def _sqlite_file(path: Path) -> Path:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (x TEXT)")
    connection.executemany("INSERT INTO t VALUES (?)", [(f"fila {i} ñandú",) for i in range(5000)])
    connection.commit()
    connection.close()
    return path


@pytest.mark.parametrize("compress", [True, False])
def test_an_archive_gives_back_the_same_bytes(tmp_path: Path, compress: bool) -> None:
    raw = _sqlite_file(tmp_path / "raw.sqlite3")
    archive = tmp_path / "copia"
    with open(archive, "wb") as sink:
        digest = backup_archive.write_archive(raw, sink, compress=compress)
    assert backup_archive.archive_format(archive) == ("gzip" if compress else "sqlite")
    assert backup_archive.archive_digest(archive) == digest
    out = tmp_path / "out.sqlite3"
    assert backup_archive.extract_archive(archive, out) == digest
    assert out.read_bytes() == raw.read_bytes()
    if compress:  # any gzip tool opens it
        assert gzip.decompress(archive.read_bytes()) == raw.read_bytes()
        assert archive.stat().st_size < raw.stat().st_size / 2


def test_a_cut_short_archive_is_refused(tmp_path: Path) -> None:
    raw = _sqlite_file(tmp_path / "raw.sqlite3")
    buffer = io.BytesIO()
    backup_archive.write_archive(raw, buffer, compress=True)
    cut = tmp_path / "cortada.sqlite3.gz"
    cut.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    with pytest.raises(StorageUnavailable, match="damaged"):
        backup_archive.archive_digest(cut)


def test_a_file_that_is_no_backup_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "planilla.xlsx"
    other.write_bytes(b"PK\x03\x04" + b"x" * 100)
    with pytest.raises(StorageUnavailable, match="not a backup"):
        list(backup_archive.read_archive(other))


def test_an_encrypted_backup_without_its_envelope_asks_for_the_passphrase(
    tmp_path: Path,
) -> None:
    sealed = tmp_path / "copia.sqlite3.gz.enc"
    sealed.write_bytes(backup_archive.ENCRYPTED_MAGIC + b"\x01" + b"\x00" * 60)
    with pytest.raises(StorageUnavailable, match="passphrase"):
        list(backup_archive.read_archive(sealed))
