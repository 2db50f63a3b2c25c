"""Shared set-up for the signing-key, verification and verify-command tests.

``seeded_copy`` gives a migrated database with the shipped catalogues and one trainee
(built once per process, copied per test).  ``issue_certificate_row`` stands in for the
issue service that a later task writes: it signs a payload and stores a ``Certificate``
row the way that service will (payload as base32 text, signature, key id).
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from carceles_desktop.domain.catalogues import Establishment
from carceles_desktop.domain.certificates import Certificate
from carceles_desktop.domain.enums import (
    CertificateKind,
    CertificateState,
    DocumentType,
    LegalSituation,
    Sex,
)
from carceles_desktop.domain.rules.certificate_payload import (
    CertificatePayload,
    encode,
    make_id_hint,
    to_qr_text,
    to_stored_text,
)
from carceles_desktop.domain.rules.serials import certificate_number
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.services import key_sealing, signing_keys
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.catalogues import load_catalogues
from carceles_desktop.storage.unit_of_work import Database, UnitOfWork
from tests.conftest import open_test_database

PASSPHRASE = "frase de paso segura ñandú"
ADMIN = Actor.system("admin-prueba")
CODE = "LURIGANCHO"

_seed: Path | None = None


def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make argon2id cheap for tests (the parameters travel with each sealed key)."""
    monkeypatch.setattr(key_sealing, "KDF_MEMORY_KIB", 1024)
    monkeypatch.setattr(key_sealing, "KDF_TIME_COST", 1)


def _build_seed(template: Path) -> Path:
    path = Path(tempfile.mkdtemp(prefix="signing-seed-")) / "seed.sqlite3"
    shutil.copyfile(template, path)
    db = open_test_database(path)
    with db.unit_of_work() as uow:
        load_catalogues(uow, Actor.system(), holiday_years=range(2026, 2027))
        establishment = uow.session.scalar(
            select(Establishment.id).where(Establishment.code == CODE)
        )
        uow.session.add(
            Trainee(
                establishment_id=establishment,
                inmate_code="LUR-00789",
                doc_type=DocumentType.DNI,
                doc_number="10117410",
                paternal_surname="Quispe",
                maternal_surname="Ñahuincopa",
                given_names="María de los Ángeles",
                sex=Sex.FEMALE,
                legal_situation=LegalSituation.SENTENCIADO,
            )
        )
        uow.commit()
    db.dispose()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return path


def seeded_copy(template: Path, target: Path) -> Database:
    """Open a fresh copy of the seeded database at ``target``."""
    global _seed
    if _seed is None:
        _seed = _build_seed(template)
    shutil.copyfile(_seed, target)
    return open_test_database(target)


@dataclass(frozen=True)
class Issued:
    """A certificate stored by :func:`issue_certificate_row`."""

    number: str
    payload: CertificatePayload
    payload_bytes: bytes
    signature: bytes
    qr_text: str


def issue_certificate_row(
    uow: UnitOfWork,
    *,
    sequence: int = 1,
    issued: date = date(2026, 11, 30),
    passphrase: str = PASSPHRASE,
    state: CertificateState = CertificateState.VIGENTE,
) -> Issued:
    """Sign a payload with the establishment's key and store the certificate row."""
    trainee = uow.session.scalars(select(Trainee)).first()
    assert trainee is not None
    signer = signing_keys.open_signer(uow, CODE, issued, passphrase)
    number = certificate_number(CODE, issued.year, sequence)
    payload = CertificatePayload(
        number=number,
        establishment_code=CODE,
        name=trainee.full_name,
        id_hint=make_id_hint(trainee.doc_type, trainee.doc_number, trainee.inmate_code),
        trade="Confección textil",
        hours=120,
        start=date(2026, 3, 1),
        end=date(2026, 8, 30),
        issued=issued,
        key_id=signer.key_id,
    )
    data = encode(payload)
    signature = signer.sign(data)
    uow.session.add(
        Certificate(
            establishment_id=trainee.establishment_id,
            year=issued.year,
            sequence=sequence,
            number=number,
            kind=CertificateKind.CAPACITACION,
            state=state,
            trainee_id=trainee.id,
            issued_on=issued,
            snapshot="{}",
            payload=to_stored_text(data),
            signature=signature,
            key_id=signer.key_id,
            annulled_on=issued if state is not CertificateState.VIGENTE else None,
        )
    )
    uow.session.flush()
    return Issued(number, payload, data, signature, to_qr_text(data, signature))
