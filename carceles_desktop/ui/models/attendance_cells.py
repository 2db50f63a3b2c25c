"""What a cell of the attendance sheet holds, shows and accepts; its colours.

Pure functions over :class:`carceles_desktop.services.attendance.Cell`, shared by the
sheet's model and its tests.  The checks are the service's rules for a single cell, so
that a typed value is refused at once with the same words the service would use.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from carceles_desktop.domain.enums import AttendanceStatus
from carceles_desktop.i18n import QT_TRANSLATE_NOOP, Message
from carceles_desktop.services.attendance import Cell

_ZERO = Decimal("0.00")
_HUNDREDTH = Decimal("0.01")

#: Letters typed for an absence, and the letter shown for each mark.
ABSENCE_KEYS = {"F": AttendanceStatus.FALTA, "J": AttendanceStatus.JUSTIFICADA}
_SHOWN = {AttendanceStatus.FALTA: "F", AttendanceStatus.JUSTIFICADA: "J"}

SHADED = QBrush(QColor(214, 226, 240))  # Sundays and holidays
CLOSED = QBrush(QColor(236, 236, 236))  # future days, days outside the enrolment
PROBLEM = QBrush(QColor(255, 199, 206))  # refused by the service on saving
TOTALS = QBrush(QColor(246, 244, 232))
GREY_TEXT = QBrush(QColor(150, 150, 150))
ABSENCE_TEXT = QBrush(QColor(176, 0, 32))
HOLIDAY_HEADING = QBrush(QColor(150, 30, 30))

CENTRE = int(Qt.AlignmentFlag.AlignCenter)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class Refused(ValueError):
    """A typed value breaks a rule; the message says which (already translated)."""


def parse_entry(text: str) -> Cell | None:
    """Read what was typed in a cell: hours, F (falta), J (justificada), or empty.

    A comma is read as the decimal point ("7,5" is 7.5).

    Raises:
        Refused: the text is none of those.
    """
    typed = text.strip().upper().replace(",", ".")
    if not typed:
        return None
    if typed in ABSENCE_KEYS:
        return Cell(ABSENCE_KEYS[typed], _ZERO)
    try:
        hours = Decimal(typed)
    except InvalidOperation:
        raise Refused(_render(QT_TRANSLATE_NOOP("errors", "Hours must be a number."))) from None
    return Cell(AttendanceStatus.PRESENTE, hours)


def check_entry(entry: Cell, limit: Decimal) -> None:
    """Refuse an entry that breaks a rule of a single cell (the service's own rules).

    Raises:
        Refused: with the reason.
    """
    hours = entry.hours
    if not hours.is_finite():
        raise Refused(_render(QT_TRANSLATE_NOOP("errors", "Hours must be a number.")))
    if hours < 0:
        raise Refused(_render(QT_TRANSLATE_NOOP("errors", "Hours cannot be negative.")))
    # The limit first: quantizing a huge number (1E+40) would itself fail.
    if hours > limit:
        text = QT_TRANSLATE_NOOP("errors", "More than the daily limit of {limit} hours.")
        raise Refused(_render(text, limit=hours_shown(limit)))
    if hours != hours.quantize(_HUNDREDTH):
        text = QT_TRANSLATE_NOOP("errors", "Hours have at most two decimals (e.g. 7.25).")
        raise Refused(_render(text))
    if entry.status is AttendanceStatus.PRESENTE and hours == 0:
        text = QT_TRANSLATE_NOOP("errors", "A day present has hours; enter them or mark absence.")
        raise Refused(_render(text))


def _render(text: str, **params: Any) -> str:
    return Message("errors", text, params).render()


def hours_shown(hours: Decimal) -> str:
    """Hours without trailing zeros: 8, 7.5, 7.25."""
    return format(hours.normalize(), "f") if hours else "0"


def entry_text(entry: Cell | None) -> str:
    """What a cell shows: hours, F, J, or nothing."""
    if entry is None:
        return ""
    return _SHOWN.get(entry.status) or hours_shown(entry.hours)


def same_entry(a: Cell | None, b: Cell | None) -> bool:
    """True when two cells hold the same mark and hours (both empty counts)."""
    if a is None or b is None:
        return a is b
    return a.status == b.status and a.hours == b.hours
