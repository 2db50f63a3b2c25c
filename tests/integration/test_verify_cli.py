"""``verify`` and ``keys`` on the command line: output in Spanish, exit 0 only when valid."""

from __future__ import annotations

import io
import json
import sys
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from carceles_desktop import i18n
from carceles_desktop.app import main
from carceles_desktop.documents.qr import draw_qr
from carceles_desktop.domain.enums import CertificateState
from carceles_desktop.domain.rules.certificate_payload import from_qr_text, to_qr_text
from tests.conftest import open_test_database
from tests.helpers.signing_world import PASSPHRASE, cheap_kdf, issue_certificate_row, seeded_copy

pytestmark = pytest.mark.integration

ADMIN_PASSWORD = "clave-de-prueba-2026"


@pytest.fixture(autouse=True)
def wired(monkeypatch: pytest.MonkeyPatch) -> None:
    cheap_kdf(monkeypatch)
    monkeypatch.setenv("CARCELES_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setenv("CARCELES_KEY_PASSPHRASE", PASSPHRASE)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    if "en" in args:
        # An earlier run in this process installed the Spanish catalogue, and --lang en
        # leaves an installed translator in place (a fresh process starts without one).
        i18n.install_translator(None)
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def installation(
    migrated_template: Path, path: Path, capsys: pytest.CaptureFixture[str]
) -> list[str]:
    """A seeded database with an administrator; returns the leading CLI arguments."""
    seeded_copy(migrated_template, path).dispose()
    code, _, err = run(["--database", str(path), "init", "--admin", "admin"], capsys)
    assert code == 0, err
    return ["--database", str(path)]


@pytest.fixture
def issuer(
    migrated_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> list[str]:
    args = installation(migrated_template, tmp_path / "emisor.sqlite3", capsys)
    code, out, err = run(
        [
            *args,
            "--user",
            "admin",
            "keys",
            "create",
            "--establishment",
            "LURIGANCHO",
            "--valid-from",
            "2026-01-01",
        ],
        capsys,
    )
    assert code == 0, err
    assert "Clave creada: LURIGANCHO-2026-" in out
    return args


def issue(args: list[str], **kwargs: object) -> str:
    database = open_test_database(Path(args[1]))
    try:
        with database.unit_of_work() as uow:
            issued = issue_certificate_row(uow, **kwargs)  # type: ignore[arg-type]
            uow.commit()
    finally:
        database.dispose()
    return issued.qr_text


def test_a_valid_certificate_prints_its_fields_and_exits_0(
    issuer: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    text = issue(issuer)
    code, out, err = run([*issuer, "verify", text], capsys)
    assert code == 0, out + err
    assert "Resultado: VÁLIDO" in out
    assert "Datos firmados:" in out
    assert "María de los Ángeles Quispe Ñahuincopa" in out
    assert "DNI ***410" in out
    assert "EP-LURIGANCHO-2026-000001" in out
    assert "del 1 de marzo de 2026 al 30 de agosto de 2026" in out
    assert "30 de noviembre de 2026" in out


def test_an_altered_code_exits_1(issuer: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    payload_bytes, signature = from_qr_text(issue(issuer))
    forged = to_qr_text(payload_bytes, bytes(64))
    assert forged != payload_bytes
    code, out, _ = run([*issuer, "verify", forged], capsys)
    assert code == 1
    assert "ALTERADO" in out
    assert "NO comprobados" in out


@pytest.mark.parametrize("text", ["hola", "CP1" + "A" * 200])
def test_garbage_exits_1(issuer: list[str], capsys: pytest.CaptureFixture[str], text: str) -> None:
    code, out, err = run([*issuer, "verify", text], capsys)
    assert code == 1
    assert "ILEGIBLE" in out
    assert "Traceback" not in err


def test_an_annulled_certificate_exits_1(
    issuer: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    text = issue(issuer, state=CertificateState.ANULADO)
    code, out, _ = run([*issuer, "verify", text], capsys)
    assert code == 1
    assert "Resultado: ANULADO" in out


def test_the_code_can_come_from_standard_input(
    issuer: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(issue(issuer).lower() + "\r\n"))
    code, out, _ = run([*issuer, "verify", "-"], capsys)
    assert code == 0
    assert "VÁLIDO" in out


def write_pdf(path: Path, *codes: str) -> Path:
    out = BytesIO()
    canvas = Canvas(out)
    for text in codes:
        draw_qr(canvas, 400, 40, 85, text)
        canvas.showPage()
    canvas.save()
    path.write_bytes(out.getvalue())
    return path


def test_pdfs_one_verdict_per_certificate(
    issuer: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = issue(issuer, sequence=1)
    annulled = issue(issuer, sequence=2, state=CertificateState.ANULADO)
    single = write_pdf(tmp_path / "uno.PDF", good)
    code, out, _ = run([*issuer, "verify", str(single)], capsys)
    assert code == 0
    assert out.count("Resultado:") == 1
    batch = write_pdf(tmp_path / "lote.pdf", good, annulled)
    code, out, _ = run([*issuer, "verify", str(batch)], capsys)
    assert code == 1
    assert "Resultado: VÁLIDO" in out
    assert "Resultado: ANULADO" in out
    code, out, _ = run([*issuer, "verify", str(tmp_path / "no-existe.pdf")], capsys)
    assert code == 1
    assert "ILEGIBLE" in out


def test_keys_travel_to_another_installation(
    issuer: list[str],
    migrated_template: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = issue(issuer)
    exported = tmp_path / "claves.json"
    code, out, err = run(
        [*issuer, "--user", "admin", "keys", "export", "--out", str(exported)], capsys
    )
    assert code == 0, err
    assert json.loads(exported.read_text("utf-8"))["keys"][0]["establishment_code"] == "LURIGANCHO"
    code, _, err = run(
        [*issuer, "--lang", "en", "--user", "admin", "keys", "export", "--out", str(exported)],
        capsys,
    )
    assert code == 1
    assert "exists already" in err

    other = installation(migrated_template, tmp_path / "verificador.sqlite3", capsys)
    code, out, _ = run([*other, "verify", text], capsys)
    assert code == 1
    assert "CLAVE DESCONOCIDA" in out
    code, out, err = run([*other, "--user", "admin", "keys", "import", str(exported)], capsys)
    assert code == 0, err
    assert "1 nuevas" in out
    code, out, _ = run([*other, "verify", text], capsys)
    assert code == 0
    assert "VÁLIDO" in out
    code, out, _ = run([*other, "--user", "admin", "keys", "list"], capsys)
    assert "importada" in out


def test_keys_create_without_a_passphrase_is_refused_in_one_line(
    issuer: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CARCELES_KEY_PASSPHRASE")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    args = [*issuer, "--lang", "en", "--user", "admin", "keys", "create", "--establishment", "X"]
    code, _, err = run(args, capsys)
    assert code == 1
    assert "CARCELES_KEY_PASSPHRASE" in err
    assert len(err.strip().splitlines()) == 1
    monkeypatch.setenv("CARCELES_KEY_PASSPHRASE", "corta")
    code, _, err = run(args, capsys)
    assert code == 1
    assert "at least 10 characters" in err
    assert "corta" not in err


def test_keys_commands_need_a_user(issuer: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run([*issuer, "keys", "create", "--establishment", "LURIGANCHO"], capsys)
    assert code == 1
    assert "--user" in err


def test_importing_a_missing_file_says_so(
    issuer: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = str(tmp_path / "x")
    code, _, err = run(
        [*issuer, "--lang", "en", "--user", "admin", "keys", "import", missing], capsys
    )
    assert code == 1
    assert "Cannot read" in err
    assert "Traceback" not in err


def test_bad_valid_from_is_a_usage_error(issuer: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main([*issuer, "keys", "create", "--establishment", "X", "--valid-from", "1/1/26"])
    assert caught.value.code == 2


def test_a_revoked_key_stops_verifying_what_it_signs_later(
    issuer: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    early = issue(issuer, sequence=1, issued=date(2026, 6, 1))
    late = issue(issuer, sequence=2, issued=date(2026, 11, 30))
    code, out, _ = run([*issuer, "--user", "admin", "keys", "list"], capsys)
    key_id = out.split()[0]
    revoke = [*issuer, "--user", "admin", "keys", "revoke", key_id, "--last-day", "2026-08-31"]
    code, out, err = run([*revoke, "--reason", "Robo de la computadora del taller"], capsys)
    assert code == 0, err
    assert f"Clave revocada: {key_id}, válida hasta 2026-08-31; 1 certificados" in out
    assert run([*issuer, "verify", early], capsys)[0] == 0
    code, out, _ = run([*issuer, "verify", late], capsys)
    assert code == 1
    # Lengthening is refused in one line, and nothing changes.
    code, _, err = run(
        [*issuer, "--lang", "en", "--user", "admin", "keys", "revoke", key_id,
         "--last-day", "2026-10-31", "--reason", "otra vez"],
        capsys,
    )  # fmt: skip
    assert code == 1
    assert "only end it earlier" in err
    assert len(err.strip().splitlines()) == 1


def test_revoke_without_a_reason_or_with_a_bad_date_is_a_usage_error(issuer: list[str]) -> None:
    base = [*issuer, "--user", "admin", "keys", "revoke", "LURIGANCHO-2026-0000"]
    for extra in (["--last-day", "2026-08-31"], ["--last-day", "31/08/2026", "--reason", "x"]):
        with pytest.raises(SystemExit) as caught:
            main([*base, *extra])
        assert caught.value.code == 2
