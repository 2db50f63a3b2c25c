"""Revocar clave: ending a signing key's life early because it may be in other hands.

Two steps, so that nothing irreversible happens on one click: a small form asks the
last day the key was surely safe and the reason (the service checks both and counts
the certificates that would stop verifying), then a plain question says what will
happen and that it cannot be undone.  The service: :mod:`carceles_desktop.services.key_revocation`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QWidget

from carceles_desktop.errors import AppError, ValidationError
from carceles_desktop.services import key_revocation
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.signing_keys import KeyRow
from carceles_desktop.ui import messages
from carceles_desktop.ui.dialogs.form_parts import date_edit
from carceles_desktop.ui.dialogs.small_form import FormField, SmallForm
from carceles_desktop.ui.labels import date_text

translate = QCoreApplication.translate


def ask_revocation(parent: QWidget, ctx: ServiceContext, key: KeyRow, today: date) -> KeyRow | None:
    """Ask the last safe day and the reason, confirm plainly, then revoke ``key``.

    Returns the key as revoked, or None when the user gave up or the service refused
    (the refusal is shown).
    """
    last = date_edit(today)
    reason = QLineEdit()
    reason.setMaxLength(200)
    fields = [
        FormField("last_day", translate("SigningKeys", "Last safe day:"), last),
        FormField("reason", translate("SigningKeys", "Reason:"), reason),
    ]

    def check(values: dict[str, Any]) -> tuple[key_revocation.RevocationEffect, Any]:
        with ctx.reading() as uow:
            effect = key_revocation.revocation_effect(
                uow, ctx.actor, key.key_id, values["last_day"], today=today
            )
        if not str(values["reason"]).strip():
            raise ValidationError(
                translate("SigningKeys", "Say why the key is revoked."), field="reason"
            )
        return effect, values

    title = translate("SigningKeys", "Revoke a signing key")
    checked = SmallForm.ask(
        parent,
        title,
        translate(
            "SigningKeys",
            "Revoke key {key_id} if its passphrase or the computer that holds it may be "
            "in other hands. Certificates dated after the last safe day will no longer "
            "verify; those dated up to it stay valid. The establishment cannot issue "
            "again until a new key is created.",
        ).format(key_id=key.key_id),
        fields,
        check,
        action_text=translate("SigningKeys", "Go on"),
    )
    if checked is None:
        return None
    effect, values = checked
    if not messages.confirm(parent, title, _revocation_question(effect, values["last_day"])):
        return None
    try:
        with ctx.writing() as uow:
            revoked = key_revocation.revoke_signing_key(
                uow,
                ctx.actor,
                key.key_id,
                last_day=values["last_day"],
                reason=str(values["reason"]),
                today=today,
            )
            uow.commit()
    except AppError as exc:
        messages.show_error(parent, exc)
        return None
    messages.inform(
        parent,
        title,
        translate(
            "SigningKeys",
            "Key {key_id} is revoked after {day}. Create a new key to issue again, and "
            "export the public keys to every office that verifies certificates.",
        ).format(key_id=revoked.key_id, day=date_text(values["last_day"])),
    )
    return revoked


def _revocation_question(effect: key_revocation.RevocationEffect, last_day: date) -> str:
    """The confirmation: what stops verifying, and that it cannot be undone."""
    text = translate(
        "SigningKeys",
        "Revoke key {key_id} after {day}? This cannot be undone: a key's life can be "
        "shortened, never lengthened.",
    ).format(key_id=effect.key.key_id, day=date_text(last_day))
    if effect.certificates_after:
        text += "\n\n" + translate(
            "SigningKeys",
            "{count} certificates issued here with this key after that day will no longer "
            "verify; issue them again with the new key.",
        ).format(count=effect.certificates_after)
    return text
