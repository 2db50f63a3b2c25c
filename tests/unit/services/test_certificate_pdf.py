"""From issue to paper and back: sign, render, rasterise, read the QR, verify.

The QR is read from pixels (pdftoppm at 150 dpi, then zxing-cpp), as a phone or a
scanner would, not from the text the PDF also carries; then one altered byte, a key
unknown to a fresh installation and an annulled number each get their verdict.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pypdf
import pytest
import zxingcpp
from PIL import Image

from carceles_desktop.domain.rules.certificate_payload import from_qr_text, to_qr_text
from carceles_desktop.services import certificate_batch, certificates
from carceles_desktop.services.certificate_queries import get_certificate
from carceles_desktop.services.verification import (
    VerificationStatus,
    verify_pdf,
    verify_pdf_all,
    verify_text,
)
from carceles_desktop.storage.unit_of_work import Database
from tests.conftest import open_test_database
from tests.helpers.certificate_world import ISSUE_DAY, PASSPHRASE, TODAY, World, seeded_database


@pytest.fixture
def place(tmp_path: Path) -> Iterator[tuple[Database, World]]:
    database, world = seeded_database(tmp_path)
    yield database, world
    database.dispose()


def scanned_codes(pdf: bytes, folder: Path) -> list[str]:
    """Rasterise every page with pdftoppm and read its QR codes from the pixels."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    source = folder / "scan.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "150", "-gray", "-png", str(source), str(folder / "page")],
        check=True,
        capture_output=True,
    )
    texts = []
    formats = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    for page in sorted(folder.glob("page*.png")):
        with Image.open(page) as image:
            texts += [code.text for code in zxingcpp.read_barcodes(image, formats=formats)]
    return texts


def issue_two(database: Database, world: World) -> tuple[list[int], bytes]:
    with database.unit_of_work() as uow:
        rows = [
            certificates.issue_certificate(
                uow,
                world.jefe,
                world.enrolments[key],
                passphrase=PASSPHRASE,
                on=ISSUE_DAY,
                today=TODAY,
            )
            for key in ("ready", "plain")
        ]
        pdf = certificate_batch.render_certificates(uow, world.jefe, [r.id for r in rows])
        uow.commit()
    return [r.id for r in rows], pdf


def test_the_printed_code_verifies_and_names_keep_their_accents(
    place: tuple[Database, World], tmp_path: Path
) -> None:
    database, world = place
    ids, pdf = issue_two(database, world)
    codes = scanned_codes(pdf, tmp_path)
    with database.unit_of_work(read_only=True) as uow:
        rows = [
            certificates.certificate_data_from_snapshot(get_certificate(uow, world.jefe, i))
            for i in ids
        ]
        results = [verify_text(uow, code) for code in codes]
        from_file = verify_pdf_all(uow, pdf)
    assert codes == [row.qr_text for row in rows]
    assert [r.status for r in results] == [VerificationStatus.VALID] * 2
    assert [r.payload.name for r in results if r.payload] == [
        "María de los Ángeles Quispe Ñahuincopa",
        "Luis Torres Huamán",
    ]
    assert [r.status for r in from_file] == [VerificationStatus.VALID] * 2
    pages = [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(BytesIO(pdf)).pages]
    for page, row in zip(pages, rows, strict=True):
        assert row.trainee_name in page
        assert row.number in page


def test_one_altered_byte_is_caught(place: tuple[Database, World], tmp_path: Path) -> None:
    database, world = place
    _, pdf = issue_two(database, world)
    code = scanned_codes(pdf, tmp_path)[0]
    payload, signature = from_qr_text(code)
    at = payload.find("Quispe".encode("latin-1"))
    assert at > 0
    renamed = payload[:at] + b"K" + payload[at + 1 :]  # "Kuispe": still a readable payload
    forged_signature = signature[:10] + bytes([signature[10] ^ 0x01]) + signature[11:]
    with database.unit_of_work(read_only=True) as uow:
        name_changed = verify_text(uow, to_qr_text(renamed, signature))
        signature_changed = verify_text(uow, to_qr_text(payload, forged_signature))
    assert name_changed.status is VerificationStatus.ALTERED
    assert name_changed.payload is not None
    assert name_changed.payload.name == "María de los Ángeles Kuispe Ñahuincopa"
    assert signature_changed.status is VerificationStatus.ALTERED


def test_a_fresh_installation_does_not_know_the_key(
    place: tuple[Database, World], tmp_path: Path, migrated_template: Path
) -> None:
    database, world = place
    _, pdf = issue_two(database, world)
    code = scanned_codes(pdf, tmp_path)[0]
    shutil.copyfile(migrated_template, tmp_path / "fresh.sqlite3")
    fresh = open_test_database(tmp_path / "fresh.sqlite3")
    try:
        with fresh.unit_of_work(read_only=True) as uow:
            result = verify_text(uow, code)
    finally:
        fresh.dispose()
    assert result.status is VerificationStatus.UNKNOWN_KEY


def test_an_annulled_certificate_reads_annulled_even_on_its_original_paper(
    place: tuple[Database, World], tmp_path: Path
) -> None:
    database, world = place
    ids, pdf = issue_two(database, world)
    with database.unit_of_work() as uow:
        certificates.annul_certificate(
            uow, world.jefe, ids[0], reason="Emitido por error", on=TODAY, today=TODAY
        )
        reprint = certificates.reprint_certificate(uow, world.jefe, ids[0], on=TODAY, today=TODAY)
        uow.commit()
    code = scanned_codes(pdf, tmp_path)[0]
    with database.unit_of_work(read_only=True) as uow:
        scanned = verify_text(uow, code)
        reprinted = verify_pdf(uow, reprint)
    assert scanned.status is VerificationStatus.ANNULLED
    assert reprinted.status is VerificationStatus.ANNULLED
    assert "ANULADO" in pypdf.PdfReader(BytesIO(reprint)).pages[0].extract_text()
