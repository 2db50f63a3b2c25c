"""Creating, rotating, unlocking and sharing the establishments' signing keys."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import func, select

from carceles_desktop.domain.certificates import SigningKey
from carceles_desktop.domain.enums import Role
from carceles_desktop.domain.users import AuditEntry
from carceles_desktop.errors import (
    Conflict,
    NotFound,
    PermissionDenied,
    StorageUnavailable,
    ValidationError,
)
from carceles_desktop.services import audit, key_sharing, signing_keys
from carceles_desktop.services.actor import Actor
from carceles_desktop.storage.unit_of_work import Database
from tests.helpers.signing_world import ADMIN, CODE, PASSPHRASE, cheap_kdf, seeded_copy

JEFE = Actor(user_id=None, username="jefe", role=Role.JEFE)
CONSULTA = Actor(user_id=None, username="consulta", role=Role.CONSULTA)


@pytest.fixture
def db(
    migrated_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Database]:
    cheap_kdf(monkeypatch)
    database = seeded_copy(migrated_template, tmp_path / "keys.sqlite3")
    yield database
    database.dispose()


@pytest.fixture
def other(migrated_template: Path, tmp_path: Path) -> Iterator[Database]:
    database = seeded_copy(migrated_template, tmp_path / "other.sqlite3")
    yield database
    database.dispose()


def create(db: Database, valid_from: date, code: str = CODE) -> signing_keys.KeyRow:
    with db.unit_of_work() as uow:
        row = signing_keys.create_signing_key(uow, ADMIN, code, PASSPHRASE, valid_from=valid_from)
        uow.commit()
    return row


def keys(db: Database) -> dict[str, signing_keys.KeyRow]:
    with db.unit_of_work(read_only=True) as uow:
        return {row.key_id: row for row in signing_keys.list_keys(uow, ADMIN)}


def test_create_makes_an_own_key_with_a_readable_id(db: Database) -> None:
    row = create(db, date(2026, 1, 1))
    assert re.fullmatch(r"LURIGANCHO-2026-[0-9A-F]{4}", row.key_id)
    assert row.has_private_key
    assert row.valid_to is None
    assert len(row.public_key) == 32
    assert re.fullmatch(r"([0-9A-F]{4} ){4}[0-9A-F]{4}", row.fingerprint)
    with db.unit_of_work(read_only=True) as uow:
        entry = uow.session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "signing_key")
        ).one()
        assert entry.action == "create"
        assert row.fingerprint in entry.changes
        assert PASSPHRASE not in entry.changes + entry.summary
        assert audit.verify_chain(uow).intact


def test_code_is_matched_case_insensitively(db: Database) -> None:
    assert create(db, date(2026, 1, 1), code=" lurigancho ").establishment_code == CODE


@pytest.mark.parametrize(
    ("code", "passphrase", "field"),
    [
        (CODE, "corta", "passphrase"),
        (CODE, "   nueve  9  ", "passphrase"),
        ("NO-EXISTE", PASSPHRASE, "establishment_code"),
    ],
)
def test_bad_input_is_refused_and_writes_nothing(
    db: Database, code: str, passphrase: str, field: str
) -> None:
    with db.unit_of_work() as uow:
        with pytest.raises(ValidationError) as caught:
            signing_keys.create_signing_key(
                uow, ADMIN, code, passphrase, valid_from=date(2026, 1, 1)
            )
        assert caught.value.field == field
        assert uow.session.scalar(select(func.count()).select_from(SigningKey)) == 0


@pytest.mark.parametrize("actor", [JEFE, CONSULTA])
def test_only_administrators_create_keys(db: Database, actor: Actor) -> None:
    with db.unit_of_work() as uow, pytest.raises(PermissionDenied):
        signing_keys.create_signing_key(uow, actor, CODE, PASSPHRASE, valid_from=date(2026, 1, 1))


def test_rotation_closes_the_previous_key_the_day_before(db: Database) -> None:
    first = create(db, date(2026, 1, 1))
    second = create(db, date(2026, 7, 1))
    known = keys(db)
    assert known[first.key_id].valid_to == date(2026, 6, 30)
    assert known[second.key_id].valid_to is None
    with db.unit_of_work(read_only=True) as uow:
        assert signing_keys.open_signer(uow, CODE, date(2026, 3, 1), PASSPHRASE).key_id == (
            first.key_id
        )
        assert signing_keys.open_signer(uow, CODE, date(2026, 7, 1), PASSPHRASE).key_id == (
            second.key_id
        )
        with pytest.raises(NotFound, match="No signing key of LURIGANCHO is valid on 2025"):
            signing_keys.open_signer(uow, CODE, date(2025, 12, 31), PASSPHRASE)


def test_a_key_replaced_on_its_first_day_keeps_that_day(db: Database) -> None:
    first = create(db, date(2026, 7, 1))
    second = create(db, date(2026, 7, 1))
    assert keys(db)[first.key_id].valid_to == date(2026, 7, 1)
    with db.unit_of_work(read_only=True) as uow:
        signer = signing_keys.open_signer(uow, CODE, date(2026, 7, 1), PASSPHRASE)
    assert signer.key_id == second.key_id


def test_a_new_key_may_not_start_before_the_current_one(db: Database) -> None:
    create(db, date(2026, 7, 1))
    with db.unit_of_work() as uow, pytest.raises(ValidationError, match="after the new key"):
        signing_keys.create_signing_key(uow, ADMIN, CODE, PASSPHRASE, valid_from=date(2026, 6, 1))


def test_keys_of_other_establishments_are_left_alone(db: Database) -> None:
    mine = create(db, date(2026, 1, 1))
    create(db, date(2026, 7, 1), code="ANCON-II")
    assert keys(db)[mine.key_id].valid_to is None


def test_the_unlocked_key_signs_what_the_public_key_verifies(db: Database) -> None:
    row = create(db, date(2026, 1, 1))
    with db.unit_of_work(read_only=True) as uow:
        signer = signing_keys.open_signer(uow, CODE, date(2026, 5, 5), PASSPHRASE)
    signature = signer.sign(b"payload")
    assert len(signature) == 64
    Ed25519PublicKey.from_public_bytes(row.public_key).verify(
        signature, b"carceles-desktop/certificate\x00payload"
    )
    assert PASSPHRASE not in repr(signer)


def test_wrong_passphrase_is_refused_without_repeating_it(db: Database) -> None:
    row = create(db, date(2026, 1, 1))
    wrong = "esta no es la frase"
    with db.unit_of_work(read_only=True) as uow:
        with pytest.raises(PermissionDenied, match=row.key_id) as caught:
            signing_keys.load_private_key(uow, row.key_id, wrong)
        assert wrong not in str(caught.value)
        with pytest.raises(PermissionDenied):
            signing_keys.open_signer(uow, CODE, date(2026, 1, 1), wrong)


def test_the_passphrase_unlocks_whatever_way_its_accents_were_typed(db: Database) -> None:
    row = create(db, date(2026, 1, 1))
    decomposed = unicodedata.normalize("NFD", PASSPHRASE)
    assert decomposed != PASSPHRASE
    with db.unit_of_work(read_only=True) as uow:
        signing_keys.load_private_key(uow, row.key_id, decomposed)


def test_unknown_key_id(db: Database) -> None:
    with db.unit_of_work(read_only=True) as uow, pytest.raises(NotFound):
        signing_keys.load_private_key(uow, "NADA-2026-0000", PASSPHRASE)


def test_a_damaged_stored_key_is_reported_as_such(db: Database) -> None:
    row = create(db, date(2026, 1, 1))
    with db.unit_of_work() as uow:
        key = uow.session.scalars(select(SigningKey)).one()
        key.encrypted_private_key = b"CPK"
        uow.session.flush()
        with pytest.raises(StorageUnavailable, match="damaged"):
            signing_keys.load_private_key(uow, row.key_id, PASSPHRASE)


def test_a_sealed_key_swapped_between_rows_is_caught(db: Database) -> None:
    first = create(db, date(2026, 1, 1))
    create(db, date(2026, 1, 1), code="ANCON-II")
    with db.unit_of_work() as uow:
        a, b = uow.session.scalars(select(SigningKey).order_by(SigningKey.id)).all()
        a.encrypted_private_key = b.encrypted_private_key
        uow.session.flush()
        with pytest.raises(StorageUnavailable):
            signing_keys.load_private_key(uow, first.key_id, PASSPHRASE)


# --- export and import ----------------------------------------------------------------


def export(db: Database, actor: Actor = ADMIN) -> bytes:
    with db.unit_of_work() as uow:
        data = key_sharing.export_public_keys(uow, actor)
        uow.commit()
    return data


def import_into(db: Database, data: bytes) -> key_sharing.ImportKeysReport:
    with db.unit_of_work() as uow:
        report = key_sharing.import_public_keys(uow, ADMIN, data)
        uow.commit()
    return report


def test_export_holds_public_keys_only(db: Database) -> None:
    row = create(db, date(2026, 1, 1))
    data = export(db, CONSULTA)
    document = json.loads(data)
    assert document["format"] == "carceles-desktop/public-keys"
    [entry] = document["keys"]
    assert entry["key_id"] == row.key_id
    assert entry["fingerprint"] == row.fingerprint
    assert entry["valid_to"] is None
    assert set(entry) == {
        "key_id",
        "establishment_code",
        "valid_from",
        "valid_to",
        "public_key",
        "fingerprint",
    }
    with db.unit_of_work(read_only=True) as uow:
        actions = uow.session.scalars(select(AuditEntry.action)).all()
    assert "export" in actions


def test_import_is_idempotent_and_keys_only_verify(db: Database, other: Database) -> None:
    row = create(db, date(2026, 1, 1))
    data = export(db)
    assert import_into(other, data).added == (row.key_id,)
    again = import_into(other, data)
    assert again.added == ()
    assert again.unchanged == (row.key_id,)
    imported = keys(other)[row.key_id]
    assert not imported.has_private_key
    assert imported.public_key == row.public_key
    with other.unit_of_work(read_only=True) as uow:
        with pytest.raises(Conflict, match="cannot sign"):
            signing_keys.load_private_key(uow, row.key_id, PASSPHRASE)
        with pytest.raises(NotFound):
            signing_keys.open_signer(uow, CODE, date(2026, 2, 1), PASSPHRASE)
        assert audit.verify_chain(uow).intact


def test_importing_own_keys_changes_nothing(db: Database) -> None:
    row = create(db, date(2026, 1, 1))
    report = import_into(db, export(db))
    assert report.unchanged == (row.key_id,)
    assert keys(db)[row.key_id].has_private_key


def test_a_later_file_closes_an_imported_key_and_an_older_one_does_not_reopen_it(
    db: Database, other: Database
) -> None:
    first = create(db, date(2026, 1, 1))
    older = export(db)
    import_into(other, older)
    second = create(db, date(2026, 7, 1))
    report = import_into(other, export(db))
    assert report.updated == (first.key_id,)
    assert report.added == (second.key_id,)
    assert keys(other)[first.key_id].valid_to == date(2026, 6, 30)
    assert import_into(other, older).unchanged == (first.key_id,)
    assert keys(other)[first.key_id].valid_to == date(2026, 6, 30)


def test_a_known_key_id_with_another_public_key_is_a_conflict(
    db: Database, other: Database, tmp_path: Path
) -> None:
    row = create(db, date(2026, 1, 1))
    import_into(other, export(db))
    forged = create(other, date(2026, 1, 1), code="ANCON-II")
    document = json.loads(export(other))
    for entry in document["keys"]:
        if entry["key_id"] == forged.key_id:
            entry["key_id"] = row.key_id
            entry["establishment_code"] = CODE
        elif entry["key_id"] == row.key_id:
            entry["key_id"] = "LURIGANCHO-2026-FFFF"
    with pytest.raises(Conflict, match=row.key_id):
        import_into(db, json.dumps(document).encode())
    assert set(keys(db)) == {row.key_id}


@pytest.mark.parametrize(
    ("mangle", "detail"),
    [
        (lambda d: b"not json", "not UTF-8 JSON"),
        (lambda d: json.dumps({"format": "otra cosa"}).encode(), "format"),
        (lambda d: d.replace(b'"version": 1', b'"version": 9'), "version"),
        (lambda d: d.replace(b'"valid_from": "2026-01-01"', b'"valid_from": "1/1/26"'), "date"),
        (lambda d: d.replace(b'"fingerprint": "', b'"fingerprint": "0'), "fingerprint"),
        (lambda d: d.replace(b'"public_key": "', b'"public_key": "!!'), "base64"),
    ],
)
def test_a_damaged_file_is_refused(db: Database, other: Database, mangle, detail) -> None:  # type: ignore[no-untyped-def]
    create(db, date(2026, 1, 1))
    with pytest.raises(ValidationError, match=detail) as caught:
        import_into(other, mangle(export(db)))
    assert caught.value.field == "file"
    assert keys(other) == {}


def test_a_duplicated_key_in_the_file_is_refused(db: Database, other: Database) -> None:
    create(db, date(2026, 1, 1))
    document = json.loads(export(db))
    document["keys"].append(document["keys"][0])
    with pytest.raises(ValidationError, match="twice"):
        import_into(other, json.dumps(document).encode())


def test_only_administrators_import(db: Database, other: Database) -> None:
    create(db, date(2026, 1, 1))
    with other.unit_of_work() as uow, pytest.raises(PermissionDenied):
        key_sharing.import_public_keys(uow, JEFE, export(db))
