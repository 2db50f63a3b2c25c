"""The command line as outside scripts use it: exit codes, one-sentence errors, no change."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from carceles_desktop.app import main


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_init_creates_a_sound_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "nuevo.sqlite3"
    code, out, err = run(["--database", str(path), "init"], capsys)
    assert code == 0, err
    assert "Base de datos lista" in out
    connection = sqlite3.connect(path)
    establishments = connection.execute("SELECT count(*) FROM establishments").fetchone()[0]
    connection.close()
    assert establishments == 69
    code, out, err = run(["--database", str(path), "check"], capsys)
    assert code == 0, err
    assert "integrity_check" in out
    assert "FALLO" not in out


def test_check_on_a_missing_database_says_so_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "no-existe.sqlite3"
    code, out, err = run(["--database", str(path), "check"], capsys)
    assert code != 0
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert not path.exists()


def test_a_file_that_is_not_a_database_is_refused_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "planilla.xlsx"
    path.write_bytes(b"PK\x03\x04 not a database at all" * 50)
    before = _digest(path)
    for command in (["check"], ["list", "trainees"], ["init"]):
        code, out, err = run(["--database", str(path), *command], capsys)
        assert code != 0, command
        assert "Traceback" not in err
        assert "SQLite" in err
    assert _digest(path) == before


def test_check_reports_a_damaged_database(
    tmp_path: Path, database_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = bytearray(database_path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 4096] = b"\x00\xff" * 2048
    broken = tmp_path / "danada.sqlite3"
    broken.write_bytes(bytes(data))
    before = _digest(broken)
    code, out, err = run(["--database", str(broken), "check"], capsys)
    assert code != 0
    assert "Traceback" not in err
    assert _digest(broken) == before


def test_bad_arguments_exit_2_with_one_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["list", "nonsense"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    with pytest.raises(SystemExit) as caught:
        main(["list", "trainees", "--limit", "0"])
    assert caught.value.code == 2


def test_network_share_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["--database", "//servidor/compartido/carceles.sqlite3", "init"], capsys)
    assert code != 0
    assert "network share" in err or "red" in err


def test_reading_a_real_database_needs_a_user(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "real.sqlite3"
    assert run(["--database", str(path), "init"], capsys)[0] == 0
    code, out, err = run(["--database", str(path), "list", "establishments"], capsys)
    assert code != 0
    assert "--user" in err


def test_list_establishments_as_csv_with_a_user(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "real.sqlite3"
    monkeypatch.setenv("CARCELES_PASSWORD", "clave-segura-1")
    code, out, err = run(["--database", str(path), "init", "--admin", "admin"], capsys)
    assert code == 0, err
    code, out, err = run(
        ["--database", str(path), "--user", "admin", "list", "establishments", "--format", "csv"],
        capsys,
    )
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 69
    assert "code" in rows[0]
    code, out, err = run(
        [
            "--database",
            str(path),
            "--user",
            "admin",
            "list",
            "establishments",
            "--search",
            "lurigancho",
            "--format",
            "csv",
        ],
        capsys,
    )
    assert [row["code"] for row in csv.DictReader(io.StringIO(out))] == ["LURIGANCHO"]
    monkeypatch.setenv("CARCELES_PASSWORD", "wrong-password")
    code, out, err = run(
        ["--database", str(path), "--user", "admin", "list", "establishments"], capsys
    )
    assert code != 0
    assert "wrong-password" not in err


def test_the_console_script_runs_as_a_module(tmp_path: Path) -> None:
    env = dict(os.environ, CARCELES_HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-m", "carceles_desktop", "--version"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0
    assert "carceles-desktop" in result.stdout


def test_demo_data_appears_whole_and_reads_without_a_user(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "demo" / "demo.sqlite3"
    code, out, err = run(["--database", str(path), "demo-data", "--scale", "site"], capsys)
    assert code == 0, err
    assert "2000 internos" in out
    assert sorted(p.name for p in path.parent.iterdir()) == ["demo.sqlite3"]
    code, out, err = run(
        ["--database", str(path), "list", "trainees", "--search", "nunez", "--format", "csv"],
        capsys,
    )
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows
    assert all("Núñez" in " ".join(r.values()) for r in rows)
    code, out, err = run(["--database", str(path), "audit", "verify"], capsys)
    assert code == 0, err
    code, out, err = run(["--database", str(path), "demo-data"], capsys)
    assert code != 0
    assert "Traceback" not in err


def _small_demo(folder: Path) -> Path:
    """A small demo database recorded up to Friday 27 November 2026."""
    from datetime import date

    from carceles_desktop.services.demo import Size, generate_demo_data
    from tests.conftest import open_test_database

    path = folder / "demo.sqlite3"
    database = open_test_database(path)
    size = Size(("LURIGANCHO",), trainees=120, workshops=3, history_days=60)
    generate_demo_data(database, seed=3, today=date(2026, 11, 27), _size=size)
    database.dispose()
    return path


def test_panel_prints_the_day_and_fails_while_attendance_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _small_demo(tmp_path)
    monkeypatch.setenv("CARCELES_PASSWORD", "demo")
    base = ["--database", str(path), "--user", "jefe", "panel"]
    # The demo recorded up to Friday 27th: that day is complete, Monday 30th is not.
    code, out, err = run([*base, "--date", "2026-11-27"], capsys)
    assert code == 0, err
    assert "Panel del 2026-11-27 (día laborable)" in out
    assert "Culminados sin certificado:" in out
    code, out, err = run([*base, "--date", "2026-11-30"], capsys)
    assert code == 1
    assert err.startswith("Sin la asistencia de hoy: LURIGANCHO-")
    code, out, _ = run([*base, "--date", "2026-11-29"], capsys)  # a Sunday
    assert code == 0
    assert "(domingo)" in out


def test_report_writes_the_workshops_month_and_refuses_a_bad_month(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _small_demo(tmp_path)
    monkeypatch.setenv("CARCELES_PASSWORD", "demo")
    out_file = tmp_path / "informe.pdf"
    code, listing, _ = run(
        ["--database", str(path), "--user", "jefe", "list", "workshops", "--format", "csv"], capsys
    )
    workshop = list(csv.DictReader(io.StringIO(listing)))[0]["code"]
    base = ["--database", str(path), "--user", "jefe", "report", "--workshop", workshop]
    code, out, err = run([*base, "--month", "2026-10", "--out", str(out_file)], capsys)
    assert code == 0, err
    assert out_file.read_bytes().startswith(b"%PDF")
    assert "Informe mensual escrito en" in out
    with pytest.raises(SystemExit) as caught:
        main([*base, "--month", "2026-13", "--out", str(tmp_path / "x.pdf")])
    assert caught.value.code == 2
    assert not (tmp_path / "x.pdf").exists()
