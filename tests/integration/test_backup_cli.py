"""``carceles-desktop backup`` and ``restore`` as scripts use them: exit codes, refusals."""

from __future__ import annotations

import gzip
import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from carceles_desktop.app import main
from carceles_desktop.domain.enums import Role
from carceles_desktop.domain.users import Setting
from carceles_desktop.services import audit, backup_crypto, database_info, users
from carceles_desktop.services.actor import Actor
from carceles_desktop.storage.unit_of_work import Database

pytestmark = pytest.mark.integration

PASSWORD = "Clave-segura-2026"


@pytest.fixture(autouse=True)
def _backup_commands_registered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(backup_crypto.PASSPHRASE_ENV, raising=False)
    monkeypatch.delenv("CARCELES_PASSWORD", raising=False)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _mark(database: Database, key: str) -> None:
    with database.unit_of_work() as uow:
        uow.session.add(Setting(key=key, value="true"))
        audit.record(uow, Actor.system(), "create", "setting", summary=key)
        uow.commit()


def _has(database_path: Path, key: str) -> bool:
    connection = sqlite3.connect(database_path)
    try:
        return bool(connection.execute("SELECT 1 FROM settings WHERE key = ?", (key,)).fetchone())
    finally:
        connection.close()


@pytest.fixture
def demo(database: Database) -> Database:
    with database.unit_of_work() as uow:
        database_info.mark_as_demo(uow)
        uow.commit()
    return database


def test_backup_of_real_records_needs_a_user(
    database: Database, database_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(["--database", str(database_path), "backup"], capsys)
    assert code == 1
    assert "--user" in err
    assert len(err.strip().splitlines()) == 1
    assert not (database_path.parent / "backups").exists()


def test_a_signed_in_user_backs_up_and_restores(
    database: Database,
    database_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with database.unit_of_work() as uow:
        users.create_user(
            uow,
            Actor.system(),
            username="admin",
            full_name="Ana Quispe",
            role=Role.ADMIN,
            password=PASSWORD,
        )
        uow.commit()
    monkeypatch.setenv("CARCELES_PASSWORD", PASSWORD)
    base = ["--database", str(database_path), "--user", "admin"]
    code, out, err = run([*base, "backup"], capsys)
    assert code == 0, err
    copy = Path(out.split(": ", 1)[1].split(" (", 1)[0])
    assert copy.exists()
    _mark(database, "despues.de.la.copia")

    code, out, err = run([*base, "restore", str(copy), "--yes"], capsys)

    assert code == 0, err
    assert "restaurada" in out
    assert "se guardó en" in out
    assert not _has(database_path, "despues.de.la.copia")
    with database.unit_of_work(read_only=True) as uow:
        last = uow.session.scalars(
            select(audit.AuditEntry.username).order_by(audit.AuditEntry.seq.desc()).limit(1)
        ).one()
    assert last == "admin"


def test_a_demo_database_is_backed_up_without_a_user_to_a_plain_file(
    demo: Database, database_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "copia.sqlite3"
    code, out, err = run(
        ["--database", str(database_path), "backup", "--out", str(out_file)], capsys
    )
    assert code == 0, err
    assert str(out_file) in out
    connection = sqlite3.connect(out_file)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        connection.close()
    code, _out, err = run(
        ["--database", str(database_path), "backup", "--out", str(out_file)], capsys
    )
    assert code == 1
    assert "exists already" in err or "ya existe" in err


def test_restore_asks_for_yes_when_nobody_can_answer(
    demo: Database, database_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["--database", str(database_path), "backup"], capsys)
    assert code == 0, err
    copy = Path(out.split(": ", 1)[1].split(" (", 1)[0])
    _mark(demo, "sigue.aqui")
    code, _out, err = run(["--database", str(database_path), "restore", str(copy)], capsys)
    assert code == 1
    assert "--yes" in err
    assert _has(database_path, "sigue.aqui")


def test_a_damaged_backup_is_refused_in_one_sentence(
    demo: Database, database_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["--database", str(database_path), "backup"], capsys)
    copy = Path(out.split(": ", 1)[1].split(" (", 1)[0])
    raw = bytearray(gzip.decompress(copy.read_bytes()))
    raw[len(raw) // 2 : len(raw) // 2 + 4096] = b"\x5a" * 4096
    bad = tmp_path / "dañada.sqlite3.gz"
    bad.write_bytes(gzip.compress(bytes(raw)))
    demo.dispose()
    before = _digest(database_path)

    code, _out, err = run(["--database", str(database_path), "restore", str(bad), "--yes"], capsys)

    assert code == 1
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert _digest(database_path) == before


def test_restore_over_a_damaged_database_needs_no_user(
    database: Database, database_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from carceles_desktop.services import backups

    good = backups.take_backup(database, Actor.system())
    database.dispose()
    connection = sqlite3.connect(database_path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    raw = bytearray(database_path.read_bytes())
    for offset in range(8192, len(raw) - 4096, 4096 * 5):
        raw[offset : offset + 512] = b"\xff" * 512
    database_path.write_bytes(bytes(raw))
    code, _out, err = run(["--database", str(database_path), "check"], capsys)
    assert code == 1

    code, out, err = run(
        ["--database", str(database_path), "restore", str(good.path), "--yes"], capsys
    )

    assert code == 0, err
    assert "dañada" in out
    code, _out, err = run(["--database", str(database_path), "check"], capsys)
    assert code == 0, err
