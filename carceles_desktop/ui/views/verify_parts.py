"""What the Verificar screen says about a result: verdict, colours, checks, fields.

Kept apart from the widget so the words and colours are in one place (and testable).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from carceles_desktop.domain.rules.certificate_payload import describe_id_hint
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.verification import VerificationResult, VerificationStatus
from carceles_desktop.ui.labels import date_text

_VERDICTS = {
    VerificationStatus.VALID: QT_TRANSLATE_NOOP("VerifyVerdict", "VALID"),
    VerificationStatus.ALTERED: QT_TRANSLATE_NOOP("VerifyVerdict", "ALTERED"),
    VerificationStatus.UNKNOWN_KEY: QT_TRANSLATE_NOOP("VerifyVerdict", "UNKNOWN KEY"),
    VerificationStatus.KEY_NOT_VALID_ON_DATE: QT_TRANSLATE_NOOP(
        "VerifyVerdict", "KEY NOT VALID ON THAT DATE"
    ),
    VerificationStatus.ANNULLED: QT_TRANSLATE_NOOP("VerifyVerdict", "ANNULLED"),
    VerificationStatus.REPLACED: QT_TRANSLATE_NOOP("VerifyVerdict", "REPLACED"),
    VerificationStatus.UNREADABLE: QT_TRANSLATE_NOOP("VerifyVerdict", "UNREADABLE"),
}

GREEN = ("#ffffff", "#2e7d32")
RED = ("#ffffff", "#c62828")
AMBER = ("#3e2700", "#ffb300")
_COLOURS = {
    VerificationStatus.VALID: GREEN,
    VerificationStatus.ALTERED: RED,
    VerificationStatus.KEY_NOT_VALID_ON_DATE: RED,
    VerificationStatus.ANNULLED: RED,
    VerificationStatus.REPLACED: AMBER,
    VerificationStatus.UNKNOWN_KEY: AMBER,
    VerificationStatus.UNREADABLE: AMBER,
}

#: The signed fields, in the order shown: key and caption.
FIELD_TITLES = (
    ("name", QT_TRANSLATE_NOOP("VerifyFields", "Name")),
    ("id_hint", QT_TRANSLATE_NOOP("VerifyFields", "Identity")),
    ("number", QT_TRANSLATE_NOOP("VerifyFields", "Certificate")),
    ("trade", QT_TRANSLATE_NOOP("VerifyFields", "Trade")),
    ("hours", QT_TRANSLATE_NOOP("VerifyFields", "Hours")),
    ("period", QT_TRANSLATE_NOOP("VerifyFields", "Period")),
    ("issued", QT_TRANSLATE_NOOP("VerifyFields", "Issued on")),
    ("establishment", QT_TRANSLATE_NOOP("VerifyFields", "Establishment")),
    ("key", QT_TRANSLATE_NOOP("VerifyFields", "Signing key")),
)

_CHECKS = (
    QT_TRANSLATE_NOOP("VerifyChecks", "The code reads whole"),
    QT_TRANSLATE_NOOP("VerifyChecks", "The signing key is known here"),
    QT_TRANSLATE_NOOP("VerifyChecks", "The signature matches the data"),
    QT_TRANSLATE_NOOP("VerifyChecks", "The key was valid on the issue date"),
    QT_TRANSLATE_NOOP("VerifyChecks", "The records here: current and the same data"),
)
PASSED, FAILED, NOT_REACHED, NOT_RECORDED = "passed", "failed", "not_reached", "not_recorded"


translate = QCoreApplication.translate


def verdict_text(status: VerificationStatus) -> str:
    """The verdict in capitals (VÁLIDO, ALTERADO …)."""
    return translate("VerifyVerdict", _VERDICTS[status])


def verdict_colours(status: VerificationStatus) -> tuple[str, str]:
    """(text colour, background) of the verdict: green only for VALID."""
    return _COLOURS[status]


def _failed_check(result: VerificationResult) -> int:
    """Which check (0–4) failed; 5 when none did."""
    status = result.status
    if status is VerificationStatus.UNREADABLE:
        return 0
    if status is VerificationStatus.UNKNOWN_KEY:
        return 1
    if status is VerificationStatus.ALTERED:
        # A signature that holds over data recorded otherwise here fails the records check.
        return 4 if result.local is not None and not result.local.matches else 2
    if status is VerificationStatus.KEY_NOT_VALID_ON_DATE:
        return 3
    if status in (VerificationStatus.ANNULLED, VerificationStatus.REPLACED):
        return 4
    return 5


def check_states(result: VerificationResult) -> list[str]:
    """The outcome of each of the five checks, in order."""
    failed = _failed_check(result)
    states = []
    for number in range(len(_CHECKS)):
        if number < failed:
            states.append(PASSED)
        elif number == failed:
            states.append(FAILED)
        else:
            states.append(NOT_REACHED)
    if failed == 5 and result.local is None:
        states[4] = NOT_RECORDED
    return states


def checks_html(result: VerificationResult) -> str:
    """The five checks as a list: ✔ passed, ✘ failed, – not reached or not recorded."""
    marks = {
        PASSED: ("✔", "#2e7d32", ""),
        FAILED: ("✘", "#c62828", translate("VerifyChecks", "failed")),
        NOT_REACHED: ("–", "#999999", translate("VerifyChecks", "not checked")),
        NOT_RECORDED: (
            "–",
            "#8a5a00",
            translate("VerifyChecks", "not recorded in this installation"),
        ),
    }
    rows = []
    for text, state in zip(_CHECKS, check_states(result), strict=True):
        mark, colour, note = marks[state]
        suffix = f" <i>({html.escape(note)})</i>" if note else ""
        weight = "bold" if state == FAILED else "normal"
        rows.append(
            f"<span style='color: {colour}; font-weight: {weight}'>{mark} "
            f"{html.escape(translate('VerifyChecks', text))}{suffix}</span>"
        )
    return "<br>".join(rows)


def field_values(result: VerificationResult, establishment: str) -> dict[str, str]:
    """The signed fields as shown, by key of :data:`FIELD_TITLES` (empty without payload)."""
    payload = result.payload
    if payload is None:
        return {}
    return {
        "name": payload.name,
        "id_hint": describe_id_hint(payload.id_hint),
        "number": payload.number,
        "trade": payload.trade,
        "hours": str(payload.hours),
        "period": f"{date_text(payload.start)} – {date_text(payload.end)}",
        "issued": date_text(payload.issued),
        "establishment": establishment or payload.establishment_code,
        "key": payload.key_id,
    }
