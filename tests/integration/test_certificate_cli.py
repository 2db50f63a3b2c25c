"""``certificates …`` and ``list certificates`` on the command line, with their exit codes."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pypdf
import pytest

from carceles_desktop import i18n
from carceles_desktop.app import main
from tests.helpers.certificate_world import PASSPHRASE, seeded_database

pytestmark = pytest.mark.integration

ADMIN_PASSWORD = "clave-de-prueba-2026"
ON = ["--on", "2026-11-30"]
FIRST = "EP-LURIGANCHO-2026-000001"
SECOND = "EP-LURIGANCHO-2026-000002"


@pytest.fixture(autouse=True)
def secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CARCELES_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setenv("CARCELES_KEY_PASSPHRASE", PASSPHRASE)
    i18n.install_translator(None)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def installation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The bakery world with an administrator; returns the leading arguments."""
    database, _ = seeded_database(tmp_path)
    database.dispose()
    args = ["--database", str(tmp_path / "certificates.sqlite3")]
    code, _, err = run([*args, "init", "--admin", "admin"], capsys)
    assert code == 0, err
    return args


def pages(path: Path) -> list[str]:
    return [
        " ".join(p.extract_text().split())
        for p in pypdf.PdfReader(BytesIO(path.read_bytes())).pages
    ]


def test_issue_print_annul_and_list(
    installation: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    user = [*installation, "--user", "admin"]
    code, out, err = run(
        [*user, "certificates", "eligible", "--workshop", "pan-01", "--all"], capsys
    )
    assert code == 0, err
    assert "(2 aptos de 4)" in out
    # Two reasons for the one short of hours and a module, one for the open enrolment.
    assert sum(1 for line in out.splitlines() if line.startswith("    - ")) == 3

    batch = tmp_path / "lote.pdf"
    code, out, err = run(
        [*user, "certificates", "issue", "--workshop", "PAN-01", "--out", str(batch), *ON], capsys
    )
    assert code == 0, err
    assert f"Certificados emitidos: 2 ({FIRST} … {SECOND})" in out
    printed = pages(batch)
    assert "María de los Ángeles Quispe Ñahuincopa" in printed[0]
    assert "DUPLICADO" not in printed[0]
    code, out, _ = run([*installation, "verify", str(batch)], capsys)
    assert code == 0, out
    assert out.count("Resultado: VÁLIDO") == 2

    code, out, err = run([*user, "list", "certificates", "--search", "quispe"], capsys)
    assert code == 0, err
    assert out.splitlines()[0].split()[:3] == ["number", "state", "issued_on"]
    assert FIRST in out
    assert SECOND not in out

    again = tmp_path / "nada.pdf"
    code, out, _ = run(
        [*user, "certificates", "issue", "--workshop", "PAN-01", "--out", str(again), *ON], capsys
    )
    assert code == 0
    assert "Ningún interno" in out
    assert not again.exists()

    duplicate = tmp_path / "duplicado.pdf"
    code, out, err = run(
        [*user, "certificates", "print", FIRST.lower(), "--out", str(duplicate), *ON], capsys
    )
    assert code == 0, err
    assert "DUPLICADO — reimpreso el 30 de noviembre de 2026" in pages(duplicate)[0]

    code, out, err = run(
        [*user, "certificates", "annul", FIRST, "--reason", "Error en el documento", *ON], capsys
    )
    assert code == 0, err
    assert f"Certificado {FIRST} anulado" in out
    code, out, _ = run([*installation, "verify", str(batch)], capsys)
    assert code == 1
    assert "Resultado: ANULADO" in out
    code, _, err = run([*user, "certificates", "annul", FIRST, "--reason", "Otra vez", *ON], capsys)
    assert code == 1
    assert FIRST in err
    assert "anulado" in err


def test_one_file_per_person_and_replace(
    installation: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    user = [*installation, "--user", "admin"]
    folder = tmp_path / "uno-por-persona"
    code, out, err = run(
        [*user, "certificates", "issue", "--workshop", "PAN-01", "--out-dir", str(folder), *ON],
        capsys,
    )
    assert code == 0, err
    names = sorted(p.name for p in folder.iterdir())
    assert names == [
        f"{FIRST} Quispe Ñahuincopa María de los Ángeles.pdf",
        f"{SECOND} Torres Huamán Luis.pdf",
    ]
    replacement = tmp_path / "reemplazo.pdf"
    code, out, err = run(
        [
            *user,
            "certificates",
            "replace",
            SECOND,
            "--reason",
            "Corrección",
            "--out",
            str(replacement),
            *ON,
        ],
        capsys,
    )
    assert code == 0, err
    assert "EP-LURIGANCHO-2026-000003" in out
    code, out, _ = run([*installation, "verify", str(folder / names[1])], capsys)
    assert code == 1
    assert "REEMPLAZADO" in out
    code, out, _ = run([*installation, "verify", str(replacement)], capsys)
    assert code == 0


def test_refusals_exit_1_and_leave_nothing(
    installation: list[str],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out_file = tmp_path / "lote.pdf"
    issue = ["certificates", "issue", "--workshop", "PAN-01", "--out", str(out_file), *ON]
    code, _, err = run([*installation, *issue], capsys)
    assert code == 1
    assert "--user" in err
    monkeypatch.setenv("CARCELES_KEY_PASSPHRASE", "frase equivocada del todo")
    code, _, err = run([*installation, "--user", "admin", *issue], capsys)
    assert code == 1
    assert "Traceback" not in err
    assert not out_file.exists()
    code, out, _ = run([*installation, "--user", "admin", "list", "certificates"], capsys)
    assert code == 0
    assert "(0 filas)" in out
    code, _, err = run(
        [
            *installation,
            "--user",
            "admin",
            "certificates",
            "issue",
            "--workshop",
            "NO",
            "--out",
            str(out_file),
            *ON,
        ],
        capsys,
    )
    assert code == 1


@pytest.mark.parametrize(
    "arguments",
    [
        ["certificates", "issue", "--workshop", "PAN-01"],
        ["certificates", "issue", "--workshop", "PAN-01", "--out", "a.pdf", "--out-dir", "b"],
        ["certificates", "annul", "EP-2026-1", "--reason", "x"],
        ["certificates", "print", FIRST, "--out", "x.pdf", "--on", "ayer"],
    ],
)
def test_bad_arguments_exit_2(
    installation: list[str], capsys: pytest.CaptureFixture[str], arguments: list[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main([*installation, *arguments])
    assert stopped.value.code == 2
    assert "see --help" in capsys.readouterr().err
