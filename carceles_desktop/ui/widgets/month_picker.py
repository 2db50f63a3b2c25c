"""Choosing a month: ‹ [noviembre 2026] ›, with a calendar to jump further."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QToolButton, QWidget

translate = QCoreApplication.translate


class MonthPicker(QWidget):
    """A month of a year, stepped with ‹ › or picked in a calendar.

    Listen to ``edit.dateChanged`` to learn of a change (any day of the month may be
    shown by the calendar; :meth:`month` is what counts).

    Attributes:
        edit: the month's field (its calendar picks a day; the day does not matter).
        previous_button: one month back.
        next_button: one month on.
    """

    def __init__(self, start: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QDateEdit()
        self.edit.setDisplayFormat("MMMM yyyy")
        self.edit.setCalendarPopup(True)
        self.edit.setDate(QDate(start.year, start.month, 1))
        self.previous_button, self.next_button = QToolButton(), QToolButton()
        self.previous_button.setText("‹")
        self.previous_button.setToolTip(translate("MonthPicker", "Previous month"))
        self.next_button.setText("›")
        self.next_button.setToolTip(translate("MonthPicker", "Next month"))
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.edit)
        layout.addWidget(self.next_button)

    def month(self) -> tuple[int, int]:
        """The year and month shown."""
        shown = self.edit.date()
        return shown.year(), shown.month()

    def text(self) -> str:
        """The month as shown ("noviembre 2026")."""
        return self.edit.text()

    def set_month(self, year: int, month: int, *, quietly: bool = False) -> None:
        """Show a month; ``quietly`` does not tell the listeners (to undo a change)."""
        self.edit.blockSignals(quietly)
        self.edit.setDate(QDate(year, month, 1))
        self.edit.blockSignals(False)

    def step(self, months: int) -> None:
        """Move back (negative) or on by some months."""
        year, month = self.month()
        index = year * 12 + month - 1 + months
        self.set_month(index // 12, index % 12 + 1)
