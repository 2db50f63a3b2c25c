"""The problems of an import file as a table: row as Excel shows it, column, kind, reason."""

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
from PySide6.QtGui import QBrush, QColor

from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.trainee_import import ImportProblem

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_CONTEXT = "ImportProblems"
HEADINGS = (
    QT_TRANSLATE_NOOP("ImportProblems", "Row"),
    QT_TRANSLATE_NOOP("ImportProblems", "Column"),
    QT_TRANSLATE_NOOP("ImportProblems", "Kind"),
    QT_TRANSLATE_NOOP("ImportProblems", "Reason"),
)
ERROR_TEXT = QBrush(QColor(176, 0, 32))
WARNING_TEXT = QBrush(QColor(140, 90, 0))


class ImportProblemsModel(QAbstractTableModel):
    """A read-only list of import problems, errors first as the file orders them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._problems: list[ImportProblem] = []

    def set_problems(self, problems: Sequence[ImportProblem]) -> None:
        """Show another list."""
        self.beginResetModel()
        self._problems = list(problems)
        self.endResetModel()

    def problem(self, row: int) -> ImportProblem:
        """The problem shown at ``row``."""
        return self._problems[row]

    def rowCount(self, parent: Index = _ROOT) -> int:
        """Qt: one row per problem."""
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: Index = _ROOT) -> int:
        """Qt: row, column, kind, reason."""
        return 0 if parent.isValid() else len(HEADINGS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Qt: the texts, errors in red and warnings in brown."""
        if not index.isValid():
            return None
        item = self._problems[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return str(item.row)
            if column == 1:
                return item.column or "—"
            if column == 2:
                kind = (
                    QT_TRANSLATE_NOOP("ImportProblems", "Error")
                    if item.is_error
                    else QT_TRANSLATE_NOOP("ImportProblems", "Warning")
                )
                return QCoreApplication.translate(_CONTEXT, kind)
            return item.message
        if role == Qt.ItemDataRole.ForegroundRole and column == 2:
            return ERROR_TEXT if item.is_error else WARNING_TEXT
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Qt: the translated headings."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADINGS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(_CONTEXT, HEADINGS[section])
        return None
