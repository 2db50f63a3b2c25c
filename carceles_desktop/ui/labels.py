"""Display names of stored codes (enum values), translated at display time.

The database keeps short Spanish codes ("en_espera", "ce"); the screen shows words.
Source texts are English, marked for ``pyside6-lupdate`` under the context ``labels``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from carceles_desktop.domain.enums import (
    DocumentType,
    EnrolmentState,
    LegalSituation,
    Role,
    Sex,
    WorkshopModality,
)
from carceles_desktop.i18n import QT_TRANSLATE_NOOP

_LABELS: dict[StrEnum, str] = {
    DocumentType.DNI: QT_TRANSLATE_NOOP("labels", "DNI"),
    DocumentType.CARNE_EXTRANJERIA: QT_TRANSLATE_NOOP("labels", "Foreigner ID card"),
    DocumentType.PASAPORTE: QT_TRANSLATE_NOOP("labels", "Passport"),
    DocumentType.NONE: QT_TRANSLATE_NOOP("labels", "No document"),
    EnrolmentState.EN_ESPERA: QT_TRANSLATE_NOOP("labels", "Waiting list"),
    EnrolmentState.ACTIVO: QT_TRANSLATE_NOOP("labels", "Active"),
    EnrolmentState.CULMINADO: QT_TRANSLATE_NOOP("labels", "Completed"),
    EnrolmentState.RETIRADO: QT_TRANSLATE_NOOP("labels", "Withdrawn"),
    EnrolmentState.TRASLADADO: QT_TRANSLATE_NOOP("labels", "Transferred"),
    EnrolmentState.LIBERADO: QT_TRANSLATE_NOOP("labels", "Released"),
    LegalSituation.PROCESADO: QT_TRANSLATE_NOOP("labels", "Awaiting trial"),
    LegalSituation.SENTENCIADO: QT_TRANSLATE_NOOP("labels", "Sentenced"),
    Sex.MALE: QT_TRANSLATE_NOOP("labels", "Male"),
    Sex.FEMALE: QT_TRANSLATE_NOOP("labels", "Female"),
    WorkshopModality.INPE: QT_TRANSLATE_NOOP("labels", "Run by the establishment"),
    WorkshopModality.PARTNER: QT_TRANSLATE_NOOP("labels", "Partner company"),
    WorkshopModality.OWN_VENTURE: QT_TRANSLATE_NOOP("labels", "Inmates' own venture"),
    WorkshopModality.TRAINING: QT_TRANSLATE_NOOP("labels", "Training (CETPRO)"),
    Role.ADMIN: QT_TRANSLATE_NOOP("labels", "Administrator"),
    Role.JEFE: QT_TRANSLATE_NOOP("labels", "Head of work"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("labels", "Supervisor"),
    Role.CONSULTA: QT_TRANSLATE_NOOP("labels", "Read only"),
}

#: Where the reparation share goes when none is owed (keys of the settings service).
REPARATION_LABELS: dict[str, str] = {
    "fondo_institucional": QT_TRANSLATE_NOOP(
        "labels", "Institutional fund for reinvestment in workshops"
    ),
    "interno": QT_TRANSLATE_NOOP("labels", "To the trainee (added to his share)"),
    "cuenta_reserva": QT_TRANSLATE_NOOP("labels", "Reserve account until an authority decides"),
}

#: Signature lines of certificates, by role key of the settings service.
SIGNATORY_LABELS: dict[str, str] = {
    "director": QT_TRANSLATE_NOOP("labels", "Director"),
    "jefe_trabajo": QT_TRANSLATE_NOOP("labels", "Head of work"),
    "instructor": QT_TRANSLATE_NOOP("labels", "Instructor"),
}


def label(value: StrEnum | None) -> str:
    """The translated display name of a stored code; empty for None."""
    if value is None:
        return ""
    source = _LABELS.get(value)
    return QCoreApplication.translate("labels", source) if source else str(value)


def keyed_label(labels: dict[str, str], key: str) -> str:
    """The translated display name of a key of ``labels`` (the key itself if unknown)."""
    source = labels.get(key)
    return QCoreApplication.translate("labels", source) if source else key


def yes_no(value: bool) -> str:
    """Return "Yes" or "No", translated."""
    return (
        QCoreApplication.translate("labels", "Yes")
        if value
        else QCoreApplication.translate("labels", "No")
    )


def date_text(value: date | None) -> str:
    """A date as Peru writes it (30/11/2026); empty for None."""
    return value.strftime("%d/%m/%Y") if value else ""


def hours_text(value: Decimal) -> str:
    """Hours with two decimals (7.50)."""
    return f"{value:.2f}"
