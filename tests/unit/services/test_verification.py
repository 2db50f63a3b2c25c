"""Verifying certificates offline: every check, and the private key never stored in clear."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select

from carceles_desktop.documents.qr import draw_qr
from carceles_desktop.domain.certificates import Certificate, SigningKey
from carceles_desktop.domain.enums import CertificateState
from carceles_desktop.domain.rules.certificate_payload import (
    CertificatePayload,
    decode,
    encode,
    from_qr_text,
    to_qr_text,
)
from carceles_desktop.services import key_sharing, signing_keys
from carceles_desktop.services.verification import (
    VerificationStatus,
    verify_pdf,
    verify_pdf_all,
    verify_text,
)
from carceles_desktop.storage.unit_of_work import Database
from tests.helpers.signing_world import (
    ADMIN,
    CODE,
    PASSPHRASE,
    cheap_kdf,
    issue_certificate_row,
    seeded_copy,
)


@pytest.fixture
def db(
    migrated_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Database]:
    cheap_kdf(monkeypatch)
    database = seeded_copy(migrated_template, tmp_path / "issuer.sqlite3")
    with database.unit_of_work() as uow:
        signing_keys.create_signing_key(uow, ADMIN, CODE, PASSPHRASE, valid_from=date(2026, 1, 1))
        uow.commit()
    yield database
    database.dispose()


@pytest.fixture
def verifier(migrated_template: Path, tmp_path: Path) -> Iterator[Database]:
    """Another installation: same catalogues, no keys, no certificates."""
    database = seeded_copy(migrated_template, tmp_path / "verifier.sqlite3")
    yield database
    database.dispose()


def issue(db: Database, **kwargs) -> str:  # type: ignore[no-untyped-def]
    with db.unit_of_work() as uow:
        issued = issue_certificate_row(uow, **kwargs)
        uow.commit()
    return issued.qr_text


def check(db: Database, text: str):  # type: ignore[no-untyped-def]
    with db.unit_of_work(read_only=True) as uow:
        return verify_text(uow, text)


def test_a_fresh_certificate_is_valid_and_shows_its_signed_fields(db: Database) -> None:
    text = issue(db)
    result = check(db, text)
    assert result.status is VerificationStatus.VALID, result.message.render()
    assert result.valid
    assert result.signature_holds
    assert result.payload is not None
    assert result.payload.name == "María de los Ángeles Quispe Ñahuincopa"
    assert result.payload.id_hint == "D410"
    assert result.local is not None
    assert result.local.matches
    assert result.local.state is CertificateState.VIGENTE
    assert "recorded here as current" in result.message.render()


def test_scanner_noise_does_not_matter(db: Database) -> None:
    text = issue(db)
    assert check(db, f"\n {text.lower()}\r\n").valid


def test_one_altered_byte_is_caught(db: Database) -> None:
    payload_bytes, signature = from_qr_text(issue(db))
    altered = encode(replace(decode(payload_bytes), hours=240))
    assert sum(a != b for a, b in zip(altered, payload_bytes, strict=True)) == 1
    result = check(db, to_qr_text(altered, signature))
    assert result.status is VerificationStatus.ALTERED
    assert result.payload is not None
    assert result.payload.hours == 240
    assert not result.signature_holds
    assert "Do not accept" in result.message.render()


def test_an_altered_signature_is_caught(db: Database) -> None:
    payload_bytes, signature = from_qr_text(issue(db))
    forged = bytes([signature[0] ^ 1]) + signature[1:]
    assert check(db, to_qr_text(payload_bytes, forged)).status is VerificationStatus.ALTERED


def test_unknown_key_until_the_public_keys_are_imported(db: Database, verifier: Database) -> None:
    text = issue(db)
    result = check(verifier, text)
    assert result.status is VerificationStatus.UNKNOWN_KEY
    assert CODE in result.message.render()
    with db.unit_of_work() as uow:
        exported = key_sharing.export_public_keys(uow, ADMIN)
        uow.commit()
    with verifier.unit_of_work() as uow:
        key_sharing.import_public_keys(uow, ADMIN, exported)
        uow.commit()
    result = check(verifier, text)
    assert result.status is VerificationStatus.VALID
    assert result.local is None
    assert "Not recorded in this installation" in result.message.render()


def test_annulled_and_replaced_certificates(db: Database) -> None:
    annulled = issue(db, sequence=1, state=CertificateState.ANULADO)
    replaced = issue(db, sequence=2, state=CertificateState.REEMPLAZADO)
    issue(db, sequence=3)
    with db.unit_of_work() as uow:
        rows = {c.sequence: c for c in uow.session.scalars(select(Certificate))}
        rows[3].replaces_id = rows[2].id
        uow.commit()
    result = check(db, annulled)
    assert result.status is VerificationStatus.ANNULLED
    assert result.signature_holds
    assert not result.valid
    assert result.local is not None
    assert result.local.annulled_on == date(2026, 11, 30)
    result = check(db, replaced)
    assert result.status is VerificationStatus.REPLACED
    assert result.local is not None
    assert result.local.replaced_by == rows[3].number
    assert rows[3].number in result.message.render()


def test_a_genuine_code_that_differs_from_the_record_is_altered(db: Database) -> None:
    text = issue(db)
    with db.unit_of_work() as uow:
        row = uow.session.scalars(select(Certificate)).one()
        row.payload = "AAAA"
        uow.commit()
    result = check(db, text)
    assert result.status is VerificationStatus.ALTERED
    assert "recorded here with other data" in result.message.render()


def test_key_not_valid_on_the_issue_date(db: Database) -> None:
    text = issue(db, issued=date(2026, 3, 1))
    with db.unit_of_work() as uow:
        key = uow.session.scalars(select(SigningKey)).one()
        key.valid_from = date(2026, 6, 1)
        uow.commit()
    result = check(db, text)
    assert result.status is VerificationStatus.KEY_NOT_VALID_ON_DATE
    assert "2026-03-01" in result.message.render()


def test_a_key_of_another_establishment_cannot_vouch_for_this_one(db: Database) -> None:
    with db.unit_of_work() as uow:
        signer = signing_keys.open_signer(uow, CODE, date(2026, 11, 30), PASSPHRASE)
    payload = CertificatePayload(
        number="EP-ANCON-II-2026-000001",
        establishment_code="ANCON-II",
        name="Juan Pérez",
        id_hint="D123",
        trade="Carpintería",
        hours=80,
        start=date(2026, 1, 1),
        end=date(2026, 2, 1),
        issued=date(2026, 11, 30),
        key_id=signer.key_id,
    )
    data = encode(payload)
    result = check(db, to_qr_text(data, signer.sign(data)))
    assert result.status is VerificationStatus.ALTERED
    assert "ANCON-II" in result.message.render()


@pytest.mark.parametrize(
    "text",
    ["", "hola", "https://inpe.gob.pe/verificar", "CP1" + "A" * 200, "CP1ÑÑÑ"],
)
def test_garbage_is_unreadable(db: Database, text: str) -> None:
    result = check(db, text)
    assert result.status is VerificationStatus.UNREADABLE
    assert result.payload is None
    assert result.detail


def test_the_private_key_and_passphrase_never_reach_the_database_file(
    db: Database, tmp_path: Path
) -> None:
    issue(db)
    with db.unit_of_work(read_only=True) as uow:
        [key_id] = uow.session.scalars(select(SigningKey.key_id)).all()
        private = signing_keys.load_private_key(uow, key_id, PASSPHRASE)
    raw = private.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    pkcs8 = private.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    db.dispose()
    files = list(tmp_path.glob("issuer.sqlite3*"))
    stored = b"".join(path.read_bytes() for path in files)
    assert len(raw) == 32
    assert stored
    for secret in (raw, pkcs8, PASSPHRASE.encode(), PASSPHRASE.encode("utf-16-le")):
        assert secret not in stored


# --- PDFs -------------------------------------------------------------------------------


def pdf_with(*texts: str) -> bytes:
    out = BytesIO()
    canvas = Canvas(out)
    for text in texts:
        canvas.drawString(72, 720, "Certificado de capacitación")
        draw_qr(canvas, 400, 40, 85, text)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_verify_pdf_reads_the_code_the_renderer_drew(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "certificado.pdf"
    path.write_bytes(pdf_with(issue(db)))
    with db.unit_of_work(read_only=True) as uow:
        assert verify_pdf(uow, path).status is VerificationStatus.VALID
        assert verify_pdf(uow, str(path)).status is VerificationStatus.VALID
        assert verify_pdf(uow, path.read_bytes()).status is VerificationStatus.VALID


def test_a_batch_pdf_gives_one_verdict_per_certificate(db: Database) -> None:
    first = issue(db, sequence=1)
    second = issue(db, sequence=2, state=CertificateState.ANULADO)
    data = pdf_with(first, second)
    with db.unit_of_work(read_only=True) as uow:
        results = verify_pdf_all(uow, data)
        single = verify_pdf(uow, data)
    assert [r.status for r in results] == [
        VerificationStatus.VALID,
        VerificationStatus.ANNULLED,
    ]
    assert single.status is VerificationStatus.UNREADABLE
    assert "2 certificates" in single.message.render()


@pytest.mark.parametrize(
    "source",
    [b"%PDF-1.4\n%%EOF", b"PK\x03\x04 not a pdf", "no/such/file.pdf"],
)
def test_pdfs_without_a_code_are_unreadable(db: Database, source: bytes | str) -> None:
    with db.unit_of_work(read_only=True) as uow:
        result = verify_pdf(uow, source)
    assert result.status is VerificationStatus.UNREADABLE


@pytest.mark.postgres
def test_keys_and_verification_on_postgresql(
    fresh_postgres_url: str, verifier: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from carceles_desktop.services.catalogues import load_catalogues
    from carceles_desktop.storage import migrate
    from carceles_desktop.storage.engine import create_database_engine, parse_target

    cheap_kdf(monkeypatch)
    target = parse_target(fresh_postgres_url)
    engine = create_database_engine(target)
    migrate.prepare(engine)
    database = Database(target, engine)
    try:
        with database.unit_of_work() as uow:
            load_catalogues(uow, ADMIN, holiday_years=range(2026, 2027))
            signing_keys.create_signing_key(
                uow, ADMIN, CODE, PASSPHRASE, valid_from=date(2026, 1, 1)
            )
            uow.commit()
        with database.unit_of_work() as uow:
            signer = signing_keys.open_signer(uow, CODE, date(2026, 11, 30), PASSPHRASE)
            exported = key_sharing.export_public_keys(uow, ADMIN)
            uow.commit()
        payload = CertificatePayload(
            number="EP-LURIGANCHO-2026-000009",
            establishment_code=CODE,
            name="José Ñique",
            id_hint="D001",
            trade="Panadería",
            hours=40,
            start=date(2026, 9, 1),
            end=date(2026, 10, 1),
            issued=date(2026, 11, 30),
            key_id=signer.key_id,
        )
        data = encode(payload)
        text = to_qr_text(data, signer.sign(data))
        assert check(database, text).status is VerificationStatus.VALID
    finally:
        database.dispose()
    with verifier.unit_of_work() as uow:
        key_sharing.import_public_keys(uow, ADMIN, exported)
        uow.commit()
    assert check(verifier, text).status is VerificationStatus.VALID
