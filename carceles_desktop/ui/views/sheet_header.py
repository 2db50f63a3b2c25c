"""The top of the Asistencia area: which workshop, which month, and what the sheet is."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from carceles_desktop.services.attendance import MonthSheet
from carceles_desktop.services.browse import WorkshopRow
from carceles_desktop.ui.models.attendance_cells import hours_shown
from carceles_desktop.ui.widgets.month_picker import MonthPicker

translate = QCoreApplication.translate


class SheetHeader(QWidget):
    """The workshop picker, the month picker and a line about the sheet shown.

    Attributes:
        workshop_box: the workshops the user may see (data: the workshop's key).
        month_picker: the month shown.
        info: the workshop, its trade, how many trainees and the hours that count.
    """

    def __init__(self, start: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workshop_box = QComboBox()
        self.workshop_box.setMinimumContentsLength(16)
        self.workshop_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.month_picker = MonthPicker(start)
        self.info = QLabel()
        self.info.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("AttendanceView", "Workshop:")))
        top.addWidget(self.workshop_box, 1)
        top.addSpacing(12)
        top.addWidget(QLabel(translate("AttendanceView", "Month:")))
        top.addWidget(self.month_picker)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.info)

    def fill_workshops(self, rows: Sequence[WorkshopRow], remembered: int) -> None:
        """List the workshops, choosing ``remembered`` when listed (no signal)."""
        box = self.workshop_box
        box.blockSignals(True)
        box.clear()
        for row in rows:
            text = f"{row.code} — {row.name}"
            if not row.active:
                text += " " + translate("AttendanceView", "(closed)")
            box.addItem(text, row.id)
        box.setCurrentIndex(max(box.findData(remembered), 0) if rows else -1)
        box.blockSignals(False)

    def workshop_id(self) -> int | None:
        """The workshop chosen, or None when the list is empty."""
        value = self.workshop_box.currentData()
        return int(value) if value is not None else None

    def choose_workshop(self, workshop_id: int | None, *, quietly: bool = False) -> None:
        """Choose a workshop; ``quietly`` does not tell the listeners (to undo a change)."""
        index = self.workshop_box.findData(workshop_id)
        if index >= 0:
            self.workshop_box.blockSignals(quietly)
            self.workshop_box.setCurrentIndex(index)
            self.workshop_box.blockSignals(False)

    def show_info(self, sheet: MonthSheet | None) -> None:
        """Describe the sheet shown (nothing without one)."""
        if sheet is None:
            self.info.setText("")
            return
        self.info.setText(
            translate(
                "AttendanceView",
                "{workshop} · {trade} · {count} trainees · working day {standard} h, "
                "at most {limit} h a day; a day counts from {minimum} h",
            ).format(
                workshop=sheet.workshop_name,
                trade=sheet.trade_name,
                count=len(sheet.rows),
                standard=hours_shown(sheet.standard_hours),
                limit=hours_shown(sheet.daily_limit),
                minimum=hours_shown(sheet.minimum_valid_day_hours),
            )
        )
