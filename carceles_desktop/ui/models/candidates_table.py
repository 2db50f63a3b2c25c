"""A workshop's candidates for a certificate: a check box for each one who may receive it.

One row per enrolment judged by the eligibility service.  Eligible rows carry a check
box (checked at first); the others carry none and say, in their last column and in
their tooltip, exactly what is missing, item by item.  A row that lacks only the
culmination says that an authorised user may issue it with an exception.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.certificate_eligibility import Eligibility
from carceles_desktop.ui.labels import hours_text, label

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
CONTEXT = "CandidatesTable"

HEADINGS = (
    QT_TRANSLATE_NOOP("CandidatesTable", "Name"),
    QT_TRANSLATE_NOOP("CandidatesTable", "Inmate code"),
    QT_TRANSLATE_NOOP("CandidatesTable", "Enrolment"),
    QT_TRANSLATE_NOOP("CandidatesTable", "Hours"),
    QT_TRANSLATE_NOOP("CandidatesTable", "Status"),
    QT_TRANSLATE_NOOP("CandidatesTable", "What is missing"),
)
NAME, CODE, STATE, HOURS, STATUS, MISSING = range(len(HEADINGS))

_READY = "#1b5e20"
_EXCEPTION = "#8a5a00"
_MISSING = "#b00020"


translate = QCoreApplication.translate


def status_text(item: Eligibility) -> str:
    """Ready, needs an exception, or not yet."""
    if item.eligible:
        return translate("CandidatesTable", "Ready")
    if item.needs_override:
        return translate("CandidatesTable", "Only with an exception")
    return translate("CandidatesTable", "Not yet")


def missing_text(item: Eligibility) -> str:
    """What is missing, on one line (empty when eligible)."""
    return " · ".join(item.missing_texts())


def missing_tooltip(item: Eligibility) -> str:
    """What is missing, one item per line, for the row's tooltip."""
    if item.eligible:
        return translate("CandidatesTable", "Every requirement is met.")
    lines = "\n".join(f"• {text}" for text in item.missing_texts())
    return translate("CandidatesTable", "Missing:") + "\n" + lines


class CandidatesModel(QAbstractTableModel):
    """The candidates of one workshop, with the eligible ones checkable.

    Attributes:
        rows: the judged enrolments, in the service's order (by name).
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Eligibility] = []
        self._checked: set[int] = set()

    def set_rows(self, rows: Sequence[Eligibility]) -> None:
        """Show these candidates; every eligible one starts checked."""
        self.beginResetModel()
        self.rows = list(rows)
        self._checked = {item.enrolment_id for item in self.rows if item.eligible}
        self.endResetModel()

    def row_at(self, row: int) -> Eligibility | None:
        """The candidate shown at ``row``, or None."""
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def checked_ids(self) -> list[int]:
        """The enrolments checked, in the list's order (their numbers follow it)."""
        return [item.enrolment_id for item in self.rows if item.enrolment_id in self._checked]

    def set_checked(self, enrolment_id: int, checked: bool) -> bool:
        """Check or uncheck an eligible candidate; False when he may not be checked."""
        position = next(
            (n for n, item in enumerate(self.rows) if item.enrolment_id == enrolment_id), -1
        )
        if position < 0 or not self.rows[position].eligible:
            return False
        if checked:
            self._checked.add(enrolment_id)
        else:
            self._checked.discard(enrolment_id)
        cell = self.index(position, NAME)
        self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.CheckStateRole])
        return True

    def check_all(self, checked: bool) -> None:
        """Check (or uncheck) every eligible candidate."""
        self._checked = (
            {item.enrolment_id for item in self.rows if item.eligible} if checked else set()
        )
        if self.rows:
            self.dataChanged.emit(
                self.index(0, NAME),
                self.index(len(self.rows) - 1, NAME),
                [Qt.ItemDataRole.CheckStateRole],
            )

    # ------------------------------------------------------------------ Qt's model API

    def rowCount(self, parent: Index = _ROOT) -> int:
        """Qt: one row per candidate."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        """Qt: the columns."""
        return 0 if parent.isValid() else len(HEADINGS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Qt: a cell's text, check box, colour and tooltip."""
        item = self.row_at(index.row()) if index.isValid() else None
        if item is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == Qt.ItemDataRole.CheckStateRole and column == NAME and item.eligible:
            checked = item.enrolment_id in self._checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return missing_tooltip(item)
        if role == Qt.ItemDataRole.ForegroundRole and column in (STATUS, MISSING):
            colour = _READY if item.eligible else _EXCEPTION if item.needs_override else _MISSING
            return QColor(colour)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == HOURS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, item: Eligibility, column: int) -> str:
        if column == NAME:
            return item.trainee_name
        if column == CODE:
            return item.inmate_code
        if column == STATE:
            return label(item.state)
        if column == HOURS:
            return f"{hours_text(item.hours)} / {item.required_hours}"
        if column == STATUS:
            return status_text(item)
        return missing_text(item)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Qt: a click on an eligible candidate's check box."""
        item = self.row_at(index.row()) if index.isValid() else None
        if item is None or role != Qt.ItemDataRole.CheckStateRole or index.column() != NAME:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        return self.set_checked(item.enrolment_id, checked)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Qt: rows are selectable; eligible names carry a check box."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        item = self.row_at(index.row())
        if index.column() == NAME and item is not None and item.eligible:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Qt: the translated headings."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADINGS)
        ):
            return translate(CONTEXT, HEADINGS[section])
        return None
