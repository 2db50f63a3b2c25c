"""Backups and restores on real files: round trips, refusals, encryption, automatic copies."""

from __future__ import annotations

import gzip
import hashlib
import sqlite3
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from carceles_desktop.domain.enums import Role
from carceles_desktop.domain.users import Setting
from carceles_desktop.errors import PermissionDenied, StorageUnavailable, ValidationError
from carceles_desktop.services import audit, backup_crypto, backups
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.backup_crypto import PASSPHRASE_ENV
from carceles_desktop.services.settings import Settings, get_settings, update_settings
from carceles_desktop.storage import backup_archive, backup_store
from carceles_desktop.storage.engine import create_database_engine, parse_target
from carceles_desktop.storage.opening import DatabaseDamaged, open_database
from carceles_desktop.storage.unit_of_work import Database

pytestmark = pytest.mark.integration

ADMIN = Actor.system("admin-prueba")
PASSPHRASE = "frase de paso de prueba"


@pytest.fixture(autouse=True)
def _no_passphrase_in_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    # A cheap key derivation: the shipped cost is checked in the unit tests.
    monkeypatch.setattr(backup_crypto, "LOG2_N", 12)


def _write(database: Database, key: str, value: str = '"x"') -> None:
    with database.unit_of_work() as uow:
        uow.session.add(Setting(key=key, value=value))
        audit.record(uow, ADMIN, "create", "setting", summary=key)
        uow.commit()


def _tables(path: Path) -> dict[str, str]:
    """A digest of every table's rows, audit log apart (restores append to it)."""
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        out = {}
        for name in names:
            rows = sorted(repr(r) for r in connection.execute(f'SELECT * FROM "{name}"'))
            out[name] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
        return out
    finally:
        connection.close()


def _audit_summaries(path: Path) -> list[str]:
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in connection.execute("SELECT summary FROM audit_entries ORDER BY seq")]
    finally:
        connection.close()


@pytest.fixture
def filled(database: Database) -> Database:
    with database.unit_of_work() as uow:
        for n in range(20):
            uow.session.add(Setting(key=f"prueba.{n}", value=f'"valor {n} con ñ"'))
            audit.record(uow, ADMIN, "create", "setting", summary=f"prueba.{n}")
        uow.commit()
    return database


def _keys(database: Database) -> set[str]:
    with database.unit_of_work(read_only=True) as uow:
        return set(uow.session.scalars(select(Setting.key)))


def test_restore_brings_back_the_data_as_it_was_at_the_backup(
    filled: Database, database_path: Path
) -> None:
    before_tables = _tables(database_path)
    before_audit = _audit_summaries(database_path)
    info = backups.take_backup(filled, ADMIN)
    assert info.path.exists()
    assert info.compressed
    _write(filled, "despues.del.backup")
    with filled.unit_of_work() as uow:
        uow.session.execute(delete(Setting).where(Setting.key == "prueba.3"))
        uow.commit()

    report = backups.restore_backup(filled, ADMIN, info.path)

    after = _tables(database_path)
    assert {k: v for k, v in after.items() if k != "audit_entries"} == {
        k: v for k, v in before_tables.items() if k != "audit_entries"
    }
    summaries = _audit_summaries(database_path)
    # The backup's own entry was written after the snapshot; the restore adds one.
    assert summaries[:-1] == before_audit
    assert summaries[-1].startswith(f"Restored from {info.path.name}")
    with filled.unit_of_work(read_only=True) as uow:
        assert audit.verify_chain(uow).intact
    assert "despues.del.backup" not in _keys(filled)  # the old Database object reads it
    assert report.pre_restore_copy is not None
    assert report.pre_restore_copy.exists()
    assert not report.replaced_was_damaged


def test_the_copy_taken_before_a_restore_holds_what_was_replaced(
    filled: Database, tmp_path: Path
) -> None:
    info = backups.take_backup(filled, ADMIN)
    _write(filled, "solo.en.la.copia.previa")
    report = backups.restore_backup(filled, ADMIN, info.path)
    assert report.pre_restore_copy is not None
    extracted = tmp_path / "previa.sqlite3"
    backup_archive.extract_archive(report.pre_restore_copy, extracted)
    connection = sqlite3.connect(extracted)
    found = connection.execute(
        "SELECT count(*) FROM settings WHERE key = 'solo.en.la.copia.previa'"
    ).fetchone()
    connection.close()
    assert found == (1,)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _damage_pages(raw: bytes) -> bytes:
    """Overwrite the middle of a SQLite file: b-tree pages, not the header."""
    middle = len(raw) // 2
    return raw[:middle] + b"\xa5" * 8192 + raw[middle + 8192 :]


@pytest.mark.parametrize("damage", ["flipped gzip bytes", "damaged pages", "not a backup"])
def test_a_bad_backup_is_refused_and_nothing_changes(
    filled: Database, database_path: Path, damage: str
) -> None:
    info = backups.take_backup(filled, ADMIN)
    bad = info.path.with_name("mala-copia.sqlite3.gz")
    data = info.path.read_bytes()
    if damage == "flipped gzip bytes":
        bad.write_bytes(data[:200] + bytes(b ^ 0xFF for b in data[200:400]) + data[400:])
    elif damage == "damaged pages":
        bad.write_bytes(gzip.compress(_damage_pages(gzip.decompress(data))))
    else:
        bad.write_bytes(b"esto no es una copia de seguridad" * 100)
    filled.dispose()
    before = _digest(database_path)
    folder_before = sorted(p.name for p in info.path.parent.iterdir())

    with pytest.raises(StorageUnavailable) as caught:
        backups.restore_backup(filled, ADMIN, bad)

    assert str(bad) in str(caught.value)
    assert _digest(database_path) == before
    assert sorted(p.name for p in info.path.parent.iterdir()) == folder_before  # no copy
    assert not list(database_path.parent.glob("*.restoring"))
    assert not list(database_path.parent.glob(".*.checking"))


def _encrypt_backups(database: Database) -> None:
    with database.unit_of_work() as uow:
        update_settings(uow, ADMIN, backup_encrypt=True)
        uow.commit()


def test_an_encrypted_backup_round_trips_with_its_passphrase(
    filled: Database, database_path: Path
) -> None:
    _encrypt_backups(filled)
    info = backups.take_backup(filled, ADMIN, passphrase=PASSPHRASE)
    assert info.encrypted
    assert info.path.name.endswith(".sqlite3.gz.enc")
    assert b"prueba.1" not in info.path.read_bytes()
    _write(filled, "despues")
    backups.restore_backup(filled, ADMIN, info.path, PASSPHRASE)
    assert "despues" not in _keys(filled)
    assert "prueba.19" in _keys(filled)


def test_a_wrong_passphrase_is_refused_and_nothing_changes(
    filled: Database, database_path: Path
) -> None:
    _encrypt_backups(filled)
    info = backups.take_backup(filled, ADMIN, passphrase=PASSPHRASE)
    filled.dispose()
    before = _digest(database_path)
    with pytest.raises(ValidationError, match="passphrase does not open") as caught:
        backups.restore_backup(filled, ADMIN, info.path, "no es la frase")
    assert caught.value.field == "passphrase"
    with pytest.raises(ValidationError, match="CARCELES_BACKUP_PASSPHRASE"):
        backups.restore_backup(filled, ADMIN, info.path)
    assert _digest(database_path) == before


def test_encrypted_backups_need_a_passphrase_and_keep_none(filled: Database) -> None:
    _encrypt_backups(filled)
    with pytest.raises(ValidationError, match="passphrase"):
        backups.take_backup(filled, ADMIN)
    assert not backups.list_backups(filled, ADMIN)


def test_a_reader_may_not_back_up() -> None:
    reader = Actor(user_id=None, username="lector", role=Role.CONSULTA)
    with pytest.raises(PermissionDenied):
        backups.take_backup(None, reader)  # type: ignore[arg-type]


def test_a_backup_taken_while_another_thread_writes_is_consistent(
    filled: Database, tmp_path: Path
) -> None:
    stop = threading.Event()
    written: list[int] = []

    def writer() -> None:
        n = 0
        while not stop.is_set():
            _write(filled, f"carga.{n}")
            written.append(n)
            n += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        start_count = len(written)
        steps: list[int] = []
        info = backups.take_backup(filled, ADMIN, progress=lambda done, total: steps.append(done))
        end_count = len(written)
    finally:
        stop.set()
        thread.join()
    assert steps[-1] == 1000
    copy = tmp_path / "copia.sqlite3"
    backup_archive.extract_archive(info.path, copy)
    connection = sqlite3.connect(copy)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = connection.execute("SELECT count(*) FROM settings WHERE key LIKE 'carga.%'")
        in_copy = rows.fetchone()[0]
        chain = connection.execute("SELECT count(*) FROM audit_entries").fetchone()[0]
    finally:
        connection.close()
    assert start_count <= in_copy <= end_count + 1
    assert chain == 20 + in_copy  # each write is one setting and its audit entry, or neither


def test_automatic_backups_only_when_changed_and_due(filled: Database) -> None:
    with filled.unit_of_work(read_only=True) as uow:
        settings = get_settings(uow)
    start = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    first = backups.backup_if_due(filled, ADMIN, settings, start)
    assert first is not None
    assert first.kind == "auto"
    # Nothing changed: no backup, however much time passes, even on closing.
    assert backups.backup_if_due(filled, ADMIN, settings, start + timedelta(hours=5)) is None
    assert backups.backup_if_due(filled, ADMIN, settings, start, closing=True) is None
    _write(filled, "cambio")
    soon = start + timedelta(minutes=settings.backup_interval_minutes - 1)
    assert backups.backup_if_due(filled, ADMIN, settings, soon) is None
    closing = backups.backup_if_due(filled, ADMIN, settings, soon, closing=True)
    assert closing is not None
    _write(filled, "otro cambio")
    later = soon + timedelta(minutes=settings.backup_interval_minutes)
    assert backups.backup_if_due(filled, ADMIN, settings, later) is not None


@pytest.fixture
def utc_local_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Thinning counts days in local time; pin it so that the expected days hold."""
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is POSIX only")
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("utc_local_time")
def test_automatic_backups_thin_the_old_ones(filled: Database) -> None:
    folder = backups.backup_folder(filled)
    folder.mkdir(parents=True, exist_ok=True)
    now = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    old = [
        folder
        / backup_store.backup_name(
            "carceles", "auto", now - timedelta(hours=h), compressed=True, encrypted=False
        )
        for h in range(1, 30)
    ]
    for path in old:
        path.write_bytes(b"viejo")
    with filled.unit_of_work(read_only=True) as uow:
        settings = get_settings(uow)
    assert backups.backup_if_due(filled, ADMIN, settings, now) is not None
    # Ten recent ones (the new one and nine old ones) cover today and yesterday; the
    # older hours of yesterday go.
    assert [p.exists() for p in old] == [True] * 9 + [False] * 20


def _damage_live_database(path: Path) -> None:
    raw = bytearray(path.read_bytes())
    page = 4096
    for offset in range(2 * page, len(raw) - page, 7 * page):
        raw[offset : offset + 200] = b"\x00\xff" * 100
    path.write_bytes(bytes(raw))


def test_a_damaged_database_is_detected_and_the_newest_good_backup_restored(
    filled: Database, database_path: Path
) -> None:
    good = backups.take_backup(filled, ADMIN, now=datetime(2026, 11, 29, tzinfo=UTC))
    newer_bad = good.path.with_name(
        backup_store.backup_name(
            "carceles",
            "manual",
            datetime(2026, 11, 30, tzinfo=UTC),
            compressed=True,
            encrypted=False,
        )
    )
    newer_bad.write_bytes(gzip.compress(_damage_pages(gzip.decompress(good.path.read_bytes()))))
    filled.dispose()
    connection = sqlite3.connect(database_path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    _damage_live_database(database_path)
    with pytest.raises(DatabaseDamaged):
        open_database(str(database_path))

    found = backups.newest_good_backup(database_path)
    assert found is not None
    assert found.path == good.path
    report = backups.restore_damaged_database(database_path, found.path)

    assert report.replaced_was_damaged
    assert report.pre_restore_copy is not None
    assert "-damaged-" in report.pre_restore_copy.name
    reopened = open_database(str(database_path))
    try:
        assert "prueba.19" in _keys(reopened)
    finally:
        reopened.dispose()
    with pytest.raises(PermissionDenied, match="sound"):
        backups.restore_damaged_database(database_path, found.path)


def test_a_full_backup_folder_says_so_and_leaves_nothing(filled: Database, tmp_path: Path) -> None:
    from tests.helpers.small_disk import small_disk

    with small_disk(tmp_path / "usb", size_kib=64) as usb:
        with pytest.raises(StorageUnavailable, match="no room left") as caught:
            backups.take_backup(filled, ADMIN, destination=usb / "copia.sqlite3")
        assert str(usb) in str(caught.value)
        assert list(usb.iterdir()) == []


def test_postgresql_is_left_to_the_servers_tools() -> None:
    target = parse_target("postgresql+psycopg://carceles@127.0.0.1:1/ninguna")
    remote = Database(target, create_database_engine(target))  # never connects
    try:
        with pytest.raises(StorageUnavailable, match="pg_dump"):
            backups.take_backup(remote, ADMIN)
        assert backups.backup_if_due(remote, ADMIN, Settings()) is None
    finally:
        remote.dispose()


def test_a_raw_copy_of_a_live_database_restores_as_one_file(
    filled: Database, database_path: Path, tmp_path: Path
) -> None:
    filled.dispose()
    connection = sqlite3.connect(database_path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    raw = tmp_path / "copia-cruda.sqlite3"
    raw.write_bytes(database_path.read_bytes())  # its header still says WAL
    _write(filled, "despues")
    backups.restore_backup(filled, ADMIN, raw)
    assert "despues" not in _keys(filled)
    leftovers = [p.name for p in database_path.parent.iterdir() if ".checking" in p.name]
    assert leftovers == []


def test_a_short_passphrase_is_refused_before_any_work(filled: Database) -> None:
    _encrypt_backups(filled)
    with pytest.raises(ValidationError, match="at least 8") as caught:
        backups.take_backup(filled, ADMIN, passphrase="corta")
    assert caught.value.field == "passphrase"
    assert not backups.list_backups(filled, ADMIN)


@pytest.mark.parametrize("after_calls", [0, 1], ids=["while copying", "while compressing"])
def test_a_cancelled_backup_leaves_nothing(
    filled: Database, database_path: Path, after_calls: int
) -> None:
    calls = 0

    def should_cancel() -> bool:
        nonlocal calls
        calls += 1
        return calls > after_calls

    with pytest.raises(backups.BackupCancelled):
        backups.take_backup(filled, ADMIN, should_cancel=should_cancel)
    assert not backups.list_backups(filled, ADMIN)
    folder = backups.backup_folder(filled)
    assert not folder.exists() or not any(folder.iterdir())
    assert not [p for p in database_path.parent.iterdir() if p.name.startswith(".carceles")]
