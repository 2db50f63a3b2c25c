"""Revoking a signing key before its time, when it may be in other hands.

If the passphrase of a key, or the computer that holds it, may have been taken, an
administrator revokes the key: he names the last day it was surely safe, and the key's
validity ends that day.  A certificate dated later no longer verifies with it ("key not
valid on the date"), here and in every installation that imports the updated public keys
file (:mod:`.key_sharing`); certificates dated up to that day stay valid.  Until a new key
is created the establishment cannot issue, which is the point.

A revocation only ever shortens a key's life, never lengthens it, and only keys made
here are revoked here: an imported key is revoked by its own establishment and arrives
revoked with its file.  The reason goes to the audit log with the old and new last day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from carceles_desktop.domain.certificates import Certificate, SigningKey
from carceles_desktop.errors import NotFound, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.services.scope import check_reason, today_or
from carceles_desktop.services.signing_keys import KeyRow, find_key
from carceles_desktop.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class RevocationEffect:
    """What a revocation from a given day would do, for the confirmation.

    Attributes:
        key: the key as it is now.
        certificates_after: certificates issued here with the key after that day (they
            will no longer verify and must be issued again with a new key).
    """

    key: KeyRow
    certificates_after: int


def _own_key(uow: UnitOfWork, key_id: str) -> SigningKey:
    key = uow.session.scalar(select(SigningKey).where(SigningKey.key_id == key_id.strip()))
    if key is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no signing key {key_id}."),
            field="key_id",
            key_id=key_id,
        )
    if key.encrypted_private_key is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Key {key_id} was imported from another installation: its establishment "
                "revokes it, and the revocation arrives with its public keys file.",
            ),
            field="key_id",
            key_id=key.key_id,
        )
    return key


def _check_last_day(key: SigningKey, last_day: date, today: date) -> None:
    if last_day > today:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The last valid day cannot be after today."),
            field="last_day",
        )
    if last_day < key.valid_from:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "Key {key_id} starts on {day}; its last valid day cannot be earlier."
            ),
            field="last_day",
            key_id=key.key_id,
            day=key.valid_from.isoformat(),
        )
    if key.valid_to is not None and last_day >= key.valid_to:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Key {key_id} is valid only until {day} already; a revocation can only "
                "end it earlier.",
            ),
            field="last_day",
            key_id=key.key_id,
            day=key.valid_to.isoformat(),
        )


def revocation_effect(
    uow: UnitOfWork, actor: Actor, key_id: str, last_day: date, *, today: date | None = None
) -> RevocationEffect:
    """Check a revocation without making it, and count the certificates it would void.

    Raises:
        PermissionDenied, NotFound, ValidationError: as :func:`revoke_signing_key`.
    """
    require(actor, Action.MANAGE_KEYS)
    key = _own_key(uow, key_id)
    _check_last_day(key, last_day, today_or(today))
    after = uow.session.scalar(
        select(func.count())
        .select_from(Certificate)
        .where(Certificate.key_id == key.key_id, Certificate.issued_on > last_day)
    )
    row = find_key(uow, key.key_id)
    assert row is not None  # found just above
    return RevocationEffect(row, int(after or 0))


def revoke_signing_key(
    uow: UnitOfWork,
    actor: Actor,
    key_id: str,
    *,
    last_day: date,
    reason: str,
    today: date | None = None,
) -> KeyRow:
    """End a key's validity on ``last_day`` because it may be compromised.

    Args:
        uow: the caller's unit of work (the caller commits).
        actor: an administrator.
        key_id: a key made in this installation.
        last_day: the last day the key was surely safe (from its first day to today,
            and before the end it already had).
        reason: why (required; kept in the audit log).
        today: the current date (default: the computer's).

    Raises:
        PermissionDenied: the actor may not manage keys.
        NotFound: no such key.
        ValidationError: an imported key (``key_id``), a day out of range
            (``last_day``), or no reason (``reason``).
    """
    require(actor, Action.MANAGE_KEYS)
    key = _own_key(uow, key_id)
    _check_last_day(key, last_day, today_or(today))
    why = check_reason(reason)
    audit.record(
        uow,
        actor,
        "revoke",
        "signing_key",
        entity_uuid=key.uuid,
        summary=f"key {key.key_id} revoked after {last_day.isoformat()}: {why}",
        changes={"valid_to": [key.valid_to, last_day], "reason": why},
    )
    key.valid_to = last_day
    uow.session.flush()
    row = find_key(uow, key.key_id)
    assert row is not None
    return row
