"""Revoking a compromised signing key: checked, audited, shared, and never lengthened."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from carceles_desktop.domain.enums import Role
from carceles_desktop.domain.users import AuditEntry
from carceles_desktop.errors import NotFound, PermissionDenied, ValidationError
from carceles_desktop.services import audit, key_revocation, key_sharing, signing_keys
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.verification import VerificationStatus, verify_text
from carceles_desktop.storage.unit_of_work import Database
from tests.helpers.signing_world import (
    ADMIN,
    CODE,
    PASSPHRASE,
    cheap_kdf,
    issue_certificate_row,
    seeded_copy,
)

TODAY = date(2026, 11, 30)
REASON = "Robaron la computadora de la oficina del taller"


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
    database = seeded_copy(migrated_template, tmp_path / "verifier.sqlite3")
    yield database
    database.dispose()


def _key_id(db: Database) -> str:
    with db.unit_of_work(read_only=True) as uow:
        (row,) = signing_keys.list_keys(uow, ADMIN)
    return row.key_id


def _issue(db: Database, issued: date, sequence: int) -> str:
    with db.unit_of_work() as uow:
        text = issue_certificate_row(uow, issued=issued, sequence=sequence).qr_text
        uow.commit()
    return text


def _revoke(db: Database, last_day: date, reason: str = REASON, actor: Actor = ADMIN) -> None:
    with db.unit_of_work() as uow:
        key_revocation.revoke_signing_key(
            uow, actor, _key_id(db), last_day=last_day, reason=reason, today=TODAY
        )
        uow.commit()


def _status(db: Database, text: str) -> VerificationStatus:
    with db.unit_of_work(read_only=True) as uow:
        return verify_text(uow, text).status


def test_certificates_after_the_last_day_stop_verifying_and_earlier_ones_stay(
    db: Database,
) -> None:
    before = _issue(db, date(2026, 6, 15), 1)
    after = _issue(db, date(2026, 9, 20), 2)
    with db.unit_of_work(read_only=True) as uow:
        effect = key_revocation.revocation_effect(
            uow, ADMIN, _key_id(db), date(2026, 8, 31), today=TODAY
        )
    assert effect.certificates_after == 1
    _revoke(db, date(2026, 8, 31))
    assert _status(db, before) is VerificationStatus.VALID
    assert _status(db, after) is VerificationStatus.KEY_NOT_VALID_ON_DATE
    with db.unit_of_work(read_only=True) as uow:
        with pytest.raises(NotFound):  # nothing signs after the last day until a new key
            signing_keys.open_signer(uow, CODE, date(2026, 10, 1), PASSPHRASE)
        entry = uow.session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert entry is not None
        assert (entry.action, json.loads(entry.changes)["reason"]) == ("revoke", REASON)
        assert audit.verify_chain(uow).intact


def test_the_revocation_reaches_another_installation_with_the_keys_file(
    db: Database, verifier: Database
) -> None:
    after = _issue(db, date(2026, 9, 20), 1)
    with db.unit_of_work() as uow:
        before_revocation = key_sharing.export_public_keys(uow, ADMIN)
        uow.commit()
    with verifier.unit_of_work() as uow:
        key_sharing.import_public_keys(uow, ADMIN, before_revocation)
        uow.commit()
    assert _status(verifier, after) is VerificationStatus.VALID
    _revoke(db, date(2026, 8, 31))
    with db.unit_of_work() as uow:
        revoked = key_sharing.export_public_keys(uow, ADMIN)
        uow.commit()
    with verifier.unit_of_work() as uow:
        report = key_sharing.import_public_keys(uow, ADMIN, revoked)
        uow.commit()
    assert report.updated == (_key_id(db),)
    assert _status(verifier, after) is VerificationStatus.KEY_NOT_VALID_ON_DATE
    # The old file again must not give the key its life back.
    with verifier.unit_of_work() as uow:
        again = key_sharing.import_public_keys(uow, ADMIN, before_revocation)
        uow.commit()
    assert again.unchanged == (_key_id(db),)
    assert _status(verifier, after) is VerificationStatus.KEY_NOT_VALID_ON_DATE


def test_a_file_that_would_lengthen_an_imported_key_changes_nothing(
    db: Database, verifier: Database
) -> None:
    _revoke(db, date(2026, 8, 31))
    with db.unit_of_work() as uow:
        revoked = key_sharing.export_public_keys(uow, ADMIN)
        uow.commit()
    with verifier.unit_of_work() as uow:
        key_sharing.import_public_keys(uow, ADMIN, revoked)
        uow.commit()
    document = json.loads(revoked)
    for entry in document["keys"]:
        entry["valid_to"] = "2027-12-31"  # a thief's file giving the key a longer life
    with verifier.unit_of_work() as uow:
        report = key_sharing.import_public_keys(uow, ADMIN, json.dumps(document).encode())
        uow.commit()
        (row,) = signing_keys.list_keys(uow, ADMIN)
    assert report.unchanged == (row.key_id,)
    assert row.valid_to == date(2026, 8, 31)


@pytest.mark.parametrize(
    ("last_day", "reason", "field"),
    [
        (date(2026, 12, 1), REASON, "last_day"),  # after today
        (date(2025, 12, 31), REASON, "last_day"),  # before the key starts
        (date(2026, 8, 31), "  ", "reason"),
    ],
)
def test_a_bad_revocation_is_refused_under_its_field_and_changes_nothing(
    db: Database, last_day: date, reason: str, field: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        _revoke(db, last_day, reason)
    assert refused.value.field == field
    with db.unit_of_work(read_only=True) as uow:
        (row,) = signing_keys.list_keys(uow, ADMIN)
    assert row.valid_to is None


def test_a_revocation_only_shortens(db: Database) -> None:
    _revoke(db, date(2026, 8, 31))
    with pytest.raises(ValidationError, match="only end it earlier"):
        _revoke(db, date(2026, 10, 31))
    _revoke(db, date(2026, 5, 31))  # earlier still: allowed
    with db.unit_of_work(read_only=True) as uow:
        (row,) = signing_keys.list_keys(uow, ADMIN)
    assert row.valid_to == date(2026, 5, 31)


def test_only_an_administrator_revokes_and_only_keys_made_here(
    db: Database, verifier: Database
) -> None:
    jefe = Actor(user_id=None, username="jefe", role=Role.JEFE)
    with pytest.raises(PermissionDenied):
        _revoke(db, date(2026, 8, 31), actor=jefe)
    with db.unit_of_work() as uow:
        data = key_sharing.export_public_keys(uow, ADMIN)
        uow.commit()
    with verifier.unit_of_work() as uow:
        key_sharing.import_public_keys(uow, ADMIN, data)
        uow.commit()
    with verifier.unit_of_work() as uow, pytest.raises(ValidationError, match="imported"):
        key_revocation.revoke_signing_key(
            uow, ADMIN, _key_id(db), last_day=date(2026, 8, 31), reason=REASON, today=TODAY
        )
