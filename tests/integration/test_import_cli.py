"""``carceles-desktop import-trainees``: exit codes, the report, and nothing half-written."""

from __future__ import annotations

import csv
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from carceles_desktop import i18n
from carceles_desktop.app import main

PASSWORD = "clave-segura-1"
HEADINGS = ["Código interno", "Apellido paterno", "Nombres", "DNI", "Sexo", "Situación jurídica"]
ROWS = [
    ["L-001", "Núñez", "José", "10117410", "M", "Sentenciado"],
    ["L-002", "Ñahui", "María", "04417552", "F", "Procesado"],
]


@pytest.fixture(autouse=True)
def _command_registered(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    yield
    i18n.install_translator(None)  # `init` (in Spanish) installs one for the process


@pytest.fixture(scope="module")
def initialised(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database made by ``init`` once for the module (catalogues, admin, establishment)."""
    path = tmp_path_factory.mktemp("init") / "carceles.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CARCELES_PASSWORD", PASSWORD)
        args = ["--database", str(path), "--lang", "en", "init", "--admin", "admin"]
        assert main([*args, "--establishment", "ANCON-II"]) == 0
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return path


@pytest.fixture
def database_file(initialised: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "carceles.sqlite3"
    shutil.copyfile(initialised, path)
    monkeypatch.setenv("CARCELES_PASSWORD", PASSWORD)
    return path


def write_csv(path: Path, rows: list[list[str]], headings: list[str] = HEADINGS) -> Path:
    with path.open("w", encoding="cp1252", newline="") as stream:
        writer = csv.writer(stream, delimiter=";")
        writer.writerow(headings)
        writer.writerows(rows)
    return path


def run(
    database: Path, args: list[str], capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    # English messages: the tests must not depend on the state of the translations.
    i18n.install_translator(None)
    code = main(["--database", str(database), "--lang", "en", "--user", "admin", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def trainees(database: Path) -> list[tuple[str, str, str]]:
    connection = sqlite3.connect(database)
    try:
        query = """SELECT t.inmate_code, t.paternal_surname, e.code FROM trainees t
                   JOIN establishments e ON e.id = t.establishment_id ORDER BY t.inmate_code"""
        return [tuple(row) for row in connection.execute(query)]
    finally:
        connection.close()


def test_a_clean_file_is_imported_and_exits_0(
    database_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "internos.csv", ROWS)
    code, out, err = run(database_file, ["import-trainees", str(path)], capsys)
    assert code == 0, err
    assert "Importados 2 internos" in out
    # The installation's establishment (init --establishment) is the default.
    assert trainees(database_file) == [
        ("L-001", "Núñez", "ANCON-II"),
        ("L-002", "Ñahui", "ANCON-II"),
    ]


def test_establishment_is_found_by_name(
    database_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "internos.csv", ROWS)
    args = ["import-trainees", str(path), "--establishment", "e.p. de chiclayo"]
    code, out, err = run(database_file, args, capsys)
    assert code == 0, err
    assert {place for _, _, place in trainees(database_file)} == {"CHICLAYO"}


def test_bad_rows_exit_2_with_the_report_and_write_nothing(
    database_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [*ROWS, ["L-003", "Rojas", "Ana", "1234567X", "F", "Procesado"]]
    path = write_csv(tmp_path / "internos.csv", rows)
    code, out, err = run(database_file, ["import-trainees", str(path)], capsys)
    assert code == 2
    assert "fila 4, «DNI»" in err
    assert "nothing was imported" in err
    assert "Traceback" not in err
    assert out == ""
    assert trainees(database_file) == []


def test_dry_run_writes_nothing_and_reports(
    database_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "internos.csv", ROWS)
    code, out, err = run(database_file, ["import-trainees", str(path), "--dry-run"], capsys)
    assert code == 0, err
    assert "2 filas leídas, 2 sin errores; 0 errores" in out
    assert trainees(database_file) == []
    bad = write_csv(tmp_path / "malo.csv", [["L-9", "Rojas", "", "", "F", "Procesado"]])
    code, out, err = run(database_file, ["import-trainees", str(bad), "--dry-run"], capsys)
    assert code == 2
    assert "fila 2, «Nombres»" in err
    assert trainees(database_file) == []


def test_a_second_import_of_the_same_file_is_refused(
    database_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "internos.csv", ROWS)
    assert run(database_file, ["import-trainees", str(path)], capsys)[0] == 0
    code, out, err = run(database_file, ["import-trainees", str(path)], capsys)
    assert code == 2
    assert err.count("Already registered") == 4  # each row: its code and its DNI
    assert "Núñez, José (L-001)" in err
    assert len(trainees(database_file)) == 2


def test_map_option_reads_an_unknown_heading(
    database_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    headings = ["Código interno", "Apellido 1", *HEADINGS[2:]]
    path = write_csv(tmp_path / "internos.csv", ROWS, headings)
    code, out, err = run(database_file, ["import-trainees", str(path)], capsys)
    assert code == 2
    assert "Apellido paterno" in err  # the missing field, by its Spanish label
    args = ["import-trainees", str(path), "--map", "Apellido 1=paternal_surname"]
    code, out, err = run(database_file, args, capsys)
    assert code == 0, err
    bad = ["import-trainees", str(path), "--map", "Apellido 1=apellido"]
    assert run(database_file, bad, capsys)[0] == 2


def test_unreadable_file_exits_2_and_missing_user_exits_1(
    database_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "viejo.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    code, out, err = run(database_file, ["import-trainees", str(path)], capsys)
    assert code == 2
    assert ".xls" in err
    good = write_csv(tmp_path / "internos.csv", ROWS)
    code = main(["--database", str(database_file), "import-trainees", str(good)])
    assert code == 1
    assert "--user" in capsys.readouterr().err
    assert trainees(database_file) == []
