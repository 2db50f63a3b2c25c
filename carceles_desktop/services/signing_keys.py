"""The establishments' Ed25519 signing keys: creating, rotating, unlocking, sharing.

Each establishment signs its certificates with its own key.  The private half is kept
only encrypted under a passphrase the administrator chooses (at least 10 characters),
so neither the database nor a backup holds it in clear; the passphrase is typed when
certificates are issued and never stored, logged or put in a message.  Creating a new
key for an establishment closes its previous key the day before the new one starts
(rotation by key id); certificates signed earlier stay verifiable, because a key is
judged on the certificate's issue date.

The public halves travel as a small JSON file that any other installation imports to
verify certificates offline (:mod:`.key_sharing`); a compromised key is retired early
by :mod:`.key_revocation`.  How the private half is sealed: :mod:`.key_sealing`.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from carceles_desktop.domain.catalogues import Establishment
from carceles_desktop.domain.certificates import SigningKey
from carceles_desktop.domain.rules.certificate_payload import signing_input
from carceles_desktop.errors import Conflict, NotFound, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.key_sealing import check_passphrase, raw_public_key, seal, unseal
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.services.signing_keys_file import fingerprint
from carceles_desktop.storage.unit_of_work import UnitOfWork

__all__ = [
    "KeyRow",
    "Signer",
    "create_signing_key",
    "fingerprint",
    "list_keys",
    "load_private_key",
    "open_signer",
]

_KEY_ID_WIDTH = 40


@dataclass(frozen=True)
class KeyRow:
    """A signing key as the screens and commands see it (never the private half).

    Attributes:
        key_id: e.g. ``LURIGANCHO-2026-A3F9``: the establishment, the year the key
            starts and four random hex digits, so that two installations never pick
            the same id.
        establishment_code: whose key it is.
        valid_from: first day certificates may be signed with it.
        valid_to: last such day, or None while the key is current.
        fingerprint: 20 hex digits of the public key's SHA-256, to compare by phone.
        has_private_key: True for keys made here (they can sign); False for keys
            imported from another installation (they only verify).
        public_key: the raw 32-byte Ed25519 public key.
    """

    key_id: str
    establishment_code: str
    valid_from: date
    valid_to: date | None
    fingerprint: str
    has_private_key: bool
    public_key: bytes

    def valid_on(self, day: date) -> bool:
        """True when ``day`` lies within the key's validity."""
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class Signer:
    """An unlocked private key, held only for one batch of signatures.

    Attributes:
        key_id: goes into each payload before it is signed.
        establishment_code: the establishment the key belongs to.
    """

    key_id: str
    establishment_code: str
    _private_key: Ed25519PrivateKey

    def sign(self, payload_bytes: bytes) -> bytes:
        """Return the 64-byte signature of a certificate payload."""
        return self._private_key.sign(signing_input(payload_bytes))

    def __repr__(self) -> str:
        return f"Signer(key_id={self.key_id!r})"


def _row(key: SigningKey) -> KeyRow:
    return KeyRow(
        key_id=key.key_id,
        establishment_code=key.establishment_code,
        valid_from=key.valid_from,
        valid_to=key.valid_to,
        fingerprint=fingerprint(key.public_key),
        has_private_key=key.encrypted_private_key is not None,
        public_key=key.public_key,
    )


# --- creating and listing -----------------------------------------------------------------


def _new_key_id(uow: UnitOfWork, code: str, valid_from: date) -> str:
    prefix = f"{code}-{valid_from.year}-"[: _KEY_ID_WIDTH - 4]
    while True:
        key_id = prefix + secrets.token_hex(2).upper()
        taken = uow.session.scalar(select(SigningKey.id).where(SigningKey.key_id == key_id))
        if taken is None:
            return key_id


def _close_previous(uow: UnitOfWork, actor: Actor, code: str, valid_from: date) -> None:
    own = uow.session.scalars(
        select(SigningKey).where(
            SigningKey.establishment_code == code,
            SigningKey.encrypted_private_key.is_not(None),
        )
    ).all()
    for key in own:
        if key.valid_from > valid_from:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Key {key_id} of {code} starts on {day}, after the new key; "
                    "choose a later start date.",
                ),
                field="valid_from",
                key_id=key.key_id,
                code=code,
                day=key.valid_from.isoformat(),
            )
        if key.valid_to is not None and key.valid_to < valid_from:
            continue
        # The day before the new key; a key replaced on its first day keeps that day.
        closed = max(valid_from - timedelta(days=1), key.valid_from)
        audit.record(
            uow,
            actor,
            "update",
            "signing_key",
            entity_uuid=key.uuid,
            summary=f"key {key.key_id} closed on {closed.isoformat()}",
            changes={"valid_to": [key.valid_to, closed]},
        )
        key.valid_to = closed


def create_signing_key(
    uow: UnitOfWork,
    actor: Actor,
    establishment_code: str,
    passphrase: str,
    *,
    valid_from: date,
) -> KeyRow:
    """Create an establishment's new key pair; its previous key ends the day before.

    Args:
        uow: the unit of work (the caller commits).
        actor: an administrator.
        establishment_code: a code of the establishments catalogue.
        passphrase: at least 10 characters; needed to sign, never stored.
        valid_from: the first day the key signs.

    Raises:
        PermissionDenied: the actor may not manage keys.
        ValidationError: short passphrase, unknown establishment, or an existing key of
            that establishment starting after ``valid_from``.
    """
    require(actor, Action.MANAGE_KEYS)
    check_passphrase(passphrase)
    code = establishment_code.strip().upper()
    known = uow.session.scalar(select(Establishment.id).where(Establishment.code == code))
    if known is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "There is no establishment with code {code}."),
            field="establishment_code",
            code=establishment_code,
        )
    _close_previous(uow, actor, code, valid_from)
    private = Ed25519PrivateKey.generate()
    key = SigningKey(
        key_id=_new_key_id(uow, code, valid_from),
        establishment_code=code,
        public_key=raw_public_key(private),
        encrypted_private_key=seal(private, passphrase),
        valid_from=valid_from,
        valid_to=None,
    )
    uow.session.add(key)
    uow.session.flush()
    row = _row(key)
    audit.record(
        uow,
        actor,
        "create",
        "signing_key",
        entity_uuid=key.uuid,
        summary=f"key {key.key_id} for {code} from {valid_from.isoformat()}",
        changes={"fingerprint": row.fingerprint, "valid_from": valid_from},
    )
    return row


def list_keys(
    uow: UnitOfWork, actor: Actor, *, establishment_code: str | None = None
) -> list[KeyRow]:
    """Return the keys known here (own and imported), by establishment and start date.

    Raises:
        PermissionDenied: the actor may not view records.
    """
    require(actor, Action.VIEW)
    query = select(SigningKey).order_by(
        SigningKey.establishment_code, SigningKey.valid_from, SigningKey.key_id
    )
    if establishment_code is not None:
        query = query.where(SigningKey.establishment_code == establishment_code.strip().upper())
    return [_row(key) for key in uow.session.scalars(query)]


def find_key(uow: UnitOfWork, key_id: str) -> KeyRow | None:
    """Return the key with that id, or None (verification needs no actor)."""
    key = uow.session.scalar(select(SigningKey).where(SigningKey.key_id == key_id))
    return _row(key) if key is not None else None


# --- unlocking ------------------------------------------------------------------------------


def load_private_key(uow: UnitOfWork, key_id: str, passphrase: str) -> Ed25519PrivateKey:
    """Unlock a key made here.

    Raises:
        NotFound: no key with that id.
        Conflict: the key was imported from another installation (it cannot sign).
        PermissionDenied: the passphrase is wrong (the message never repeats it).
        StorageUnavailable: the stored key is damaged.
    """
    key = uow.session.scalar(select(SigningKey).where(SigningKey.key_id == key_id))
    if key is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no signing key {key_id}."), key_id=key_id
        )
    if key.encrypted_private_key is None:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "errors",
                "Key {key_id} was imported from another installation: it verifies "
                "certificates but cannot sign them.",
            ),
            key_id=key_id,
        )
    return _unseal(key, passphrase)


def _unseal(key: SigningKey, passphrase: str) -> Ed25519PrivateKey:
    return unseal(
        key.encrypted_private_key or b"",
        passphrase,
        key_id=key.key_id,
        public_key=key.public_key,
    )


def open_signer(uow: UnitOfWork, establishment_code: str, on: date, passphrase: str) -> Signer:
    """Unlock the establishment's key valid on ``on``, to sign a batch of certificates.

    When two keys are valid that day (a key replaced on its first day), the newer signs.

    Raises:
        NotFound: no key of this installation is valid on that date.
        PermissionDenied: the passphrase is wrong.
        StorageUnavailable: the stored key is damaged.
    """
    code = establishment_code.strip().upper()
    key = uow.session.scalar(
        select(SigningKey)
        .where(
            SigningKey.establishment_code == code,
            SigningKey.encrypted_private_key.is_not(None),
            SigningKey.valid_from <= on,
            (SigningKey.valid_to.is_(None)) | (SigningKey.valid_to >= on),
        )
        .order_by(SigningKey.valid_from.desc(), SigningKey.id.desc())
        .limit(1)
    )
    if key is None:
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "errors",
                "No signing key of {code} is valid on {day}; an administrator creates one.",
            ),
            code=code,
            day=on.isoformat(),
        )
    return Signer(key.key_id, key.establishment_code, _unseal(key, passphrase))
