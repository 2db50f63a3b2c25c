"""Display names and number formats of the commerce screens (batches, notes, orders …).

Like :mod:`carceles_desktop.ui.labels`: the database keeps short Spanish codes
(``en_proceso``, ``emitida``), the screen shows words translated at display time under
the context ``labels``.  Quantities show as few decimals as they have (``20``, ``12.5``);
money always with two (``S/ 1,250.00``), as Peru writes it.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from carceles_desktop.domain.enums import (
    AgreementState,
    BatchState,
    DeliveryState,
    OrderState,
    PartnerKind,
    TransportMode,
)
from carceles_desktop.i18n import QT_TRANSLATE_NOOP

_LABELS: dict[StrEnum, str] = {
    BatchState.PLANIFICADO: QT_TRANSLATE_NOOP("labels", "Planned"),
    BatchState.EN_PROCESO: QT_TRANSLATE_NOOP("labels", "In process"),
    BatchState.TERMINADO: QT_TRANSLATE_NOOP("labels", "Finished"),
    BatchState.ANULADO: QT_TRANSLATE_NOOP("labels", "Annulled"),
    OrderState.ABIERTO: QT_TRANSLATE_NOOP("labels", "Open"),
    OrderState.EN_PRODUCCION: QT_TRANSLATE_NOOP("labels", "In production"),
    OrderState.ENTREGADO_PARCIAL: QT_TRANSLATE_NOOP("labels", "Partly delivered"),
    OrderState.ENTREGADO: QT_TRANSLATE_NOOP("labels", "Delivered"),
    OrderState.ANULADO: QT_TRANSLATE_NOOP("labels", "Annulled"),
    PartnerKind.COMPANY: QT_TRANSLATE_NOOP("labels", "Company"),
    PartnerKind.STATE: QT_TRANSLATE_NOOP("labels", "State entity"),
    PartnerKind.PERSON: QT_TRANSLATE_NOOP("labels", "Natural person"),
    AgreementState.VIGENTE: QT_TRANSLATE_NOOP("labels", "In force"),
    AgreementState.VENCIDO: QT_TRANSLATE_NOOP("labels", "Expired"),
    AgreementState.RESUELTO: QT_TRANSLATE_NOOP("labels", "Ended early"),
    TransportMode.PUBLIC: QT_TRANSLATE_NOOP("labels", "01 Public transport (carrier)"),
    TransportMode.PRIVATE: QT_TRANSLATE_NOOP("labels", "02 Private transport (own vehicle)"),
}

# A note is feminine in Spanish (emitida, anulada): its own context keeps the words apart
# from the masculine ones of batches and orders that share their English.
_NOTE_CONTEXT = "DeliveryState"
_NOTE_LABELS: dict[StrEnum, str] = {
    DeliveryState.BORRADOR: QT_TRANSLATE_NOOP("DeliveryState", "Draft"),
    DeliveryState.EMITIDA: QT_TRANSLATE_NOOP("DeliveryState", "Issued"),
    DeliveryState.RECIBIDA: QT_TRANSLATE_NOOP("DeliveryState", "Received"),
    DeliveryState.ANULADA: QT_TRANSLATE_NOOP("DeliveryState", "Annulled"),
}

#: SUNAT catalogue 06 (identity documents), by code, as the forms name them.
ID_TYPE_LABELS: dict[str, str] = {
    "6": QT_TRANSLATE_NOOP("labels", "RUC"),
    "1": QT_TRANSLATE_NOOP("labels", "DNI"),
    "4": QT_TRANSLATE_NOOP("labels", "Foreigner ID card"),
    "7": QT_TRANSLATE_NOOP("labels", "Passport"),
    "0": QT_TRANSLATE_NOOP("labels", "Other document"),
}


def commerce_label(value: StrEnum | None) -> str:
    """The translated name of a commerce state, kind or mode; empty for None."""
    if value is None:
        return ""
    if value in _NOTE_LABELS:
        return QCoreApplication.translate(_NOTE_CONTEXT, _NOTE_LABELS[value])
    source = _LABELS.get(value)
    return QCoreApplication.translate("labels", source) if source else str(value)


def id_type_label(code: str) -> str:
    """The translated name of a SUNAT identity document code (the code if unknown)."""
    source = ID_TYPE_LABELS.get(code)
    return QCoreApplication.translate("labels", source) if source else code


def document_text(id_type: str, number: str) -> str:
    """A partner's document as a list shows it: ``RUC 20512333797``."""
    return f"{id_type_label(id_type)} {number}"


def quantity_text(value: Decimal | None) -> str:
    """A quantity without needless decimals: ``20``, ``12.5``, ``0.125``; empty for None."""
    if value is None:
        return ""
    text = f"{value:,.3f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def money_text(value: Decimal | None) -> str:
    """Soles with two decimals: ``S/ 1,250.00``; empty for None."""
    return "" if value is None else f"S/ {value:,.2f}"


def plain_number(value: Decimal | None, places: int) -> str:
    """A number for an input field (no thousands separator): ``1250.5`` → ``1250.50``."""
    if value is None:
        return ""
    text = f"{value:.{places}f}"
    if places == 3:
        text = text.rstrip("0").rstrip(".") or "0"
    return text
