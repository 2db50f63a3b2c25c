"""Sharing the public halves of the signing keys with other installations.

:func:`export_public_keys` writes the keys known here as a small JSON file (format in
:mod:`.signing_keys_file`); :func:`import_public_keys` reads such a file so that this
installation verifies the other establishments' certificates offline.  A file may
close or shorten an imported key's validity (a rotation or a revocation at its origin)
but never extend it: a longer life would let a stolen key sign again.
"""

from __future__ import annotations

from sqlalchemy import select

from carceles_desktop.domain.certificates import SigningKey
from carceles_desktop.errors import Conflict
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.services.signing_keys import list_keys
from carceles_desktop.services.signing_keys_file import (
    ImportKeysReport,
    KeyRecord,
    dump_keys_file,
    fingerprint,
    parse_keys_file,
)
from carceles_desktop.storage.unit_of_work import UnitOfWork

__all__ = ["ImportKeysReport", "export_public_keys", "import_public_keys"]


def export_public_keys(
    uow: UnitOfWork, actor: Actor, *, establishment_code: str | None = None
) -> bytes:
    """Return the public keys known here as a JSON file another installation imports.

    Raises:
        PermissionDenied: the actor may not view records.
    """
    rows = list_keys(uow, actor, establishment_code=establishment_code)
    records = [
        KeyRecord(r.key_id, r.establishment_code, r.valid_from, r.valid_to, r.public_key)
        for r in rows
    ]
    audit.record(
        uow,
        actor,
        "export",
        "signing_key",
        summary=f"{len(records)} public keys exported",
        changes={"key_ids": [r.key_id for r in records]},
    )
    return dump_keys_file(records)


def import_public_keys(uow: UnitOfWork, actor: Actor, data: bytes) -> ImportKeysReport:
    """Import public keys exported by another installation; importing twice changes nothing.

    A key already known with the same public key, establishment and start is left as it
    is, except that an imported key ends earlier when the file says so (its
    establishment replaced or revoked it); a file never lengthens a key's life.  Keys
    made here are never changed by a file.

    Raises:
        PermissionDenied: the actor may not manage keys.
        ValidationError: the file is not a public-keys file or a key in it is damaged.
        Conflict: a key id known here with another public key, establishment or start
            date (nothing is imported).
    """
    require(actor, Action.MANAGE_KEYS)
    records = parse_keys_file(data)
    plan = [(record, _known(uow, record)) for record in records]
    added: list[str] = []
    updated: list[str] = []
    unchanged: list[str] = []
    for record, key in plan:
        if key is None:
            _add_imported(uow, actor, record)
            added.append(record.key_id)
        elif _close_imported(uow, actor, key, record):
            updated.append(record.key_id)
        else:
            unchanged.append(record.key_id)
    return ImportKeysReport(tuple(added), tuple(updated), tuple(unchanged))


def _known(uow: UnitOfWork, record: KeyRecord) -> SigningKey | None:
    key = uow.session.scalar(select(SigningKey).where(SigningKey.key_id == record.key_id))
    if key is None:
        return None
    same = (
        key.public_key == record.public_key
        and key.establishment_code == record.establishment_code
        and key.valid_from == record.valid_from
    )
    if not same:
        raise _conflict(record.key_id)
    return key


def _conflict(key_id: str) -> Conflict:
    return Conflict(
        QT_TRANSLATE_NOOP(
            "errors",
            "Key {key_id} is known here with other data; the file was not imported. "
            "Compare fingerprints with the issuing establishment.",
        ),
        key_id=key_id,
    )


def _add_imported(uow: UnitOfWork, actor: Actor, record: KeyRecord) -> None:
    key = SigningKey(
        key_id=record.key_id,
        establishment_code=record.establishment_code,
        public_key=record.public_key,
        encrypted_private_key=None,
        valid_from=record.valid_from,
        valid_to=record.valid_to,
    )
    uow.session.add(key)
    uow.session.flush()
    audit.record(
        uow,
        actor,
        "import",
        "signing_key",
        entity_uuid=key.uuid,
        summary=f"public key {record.key_id} of {record.establishment_code} imported",
        changes={"fingerprint": fingerprint(record.public_key), "valid_to": record.valid_to},
    )


def _close_imported(uow: UnitOfWork, actor: Actor, key: SigningKey, record: KeyRecord) -> bool:
    # A file may end an imported key (its establishment replaced it) or end it earlier
    # (revoked it); it never reopens or lengthens one, so an older file imported again
    # changes nothing.  Our own keys are never changed by a file.
    if key.encrypted_private_key is not None or record.valid_to is None:
        return False
    if key.valid_to is not None and record.valid_to >= key.valid_to:
        return False
    summary = (
        f"imported key {key.key_id} closed by a newer file"
        if key.valid_to is None
        else f"imported key {key.key_id} ended earlier by a newer file (revoked)"
    )
    audit.record(
        uow,
        actor,
        "update",
        "signing_key",
        entity_uuid=key.uuid,
        summary=summary,
        changes={"valid_to": [key.valid_to, record.valid_to]},
    )
    key.valid_to = record.valid_to
    return True
