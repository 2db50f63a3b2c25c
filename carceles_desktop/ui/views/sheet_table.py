"""The attendance sheet's table: a spreadsheet's keys over :class:`AttendanceModel`.

* Arrows move; typing a number opens the cell with it; Enter saves the cell into the
  model and moves down (Enter on a closed cell only moves down).
* F and J mark an absence (falta, justificada) at once; Delete or Backspace empties
  the selected cells; Ctrl+D copies the current day to the next one.
* Other letters do nothing: they would only open the cell to be refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from carceles_desktop.services.attendance import Cell, CellProblem
from carceles_desktop.ui.labels import date_text
from carceles_desktop.ui.models.attendance_cells import ABSENCE_KEYS
from carceles_desktop.ui.models.attendance_model import AttendanceModel
from carceles_desktop.ui.qt_signals import emit

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate
#: The widest texts of a day by length: the font of each length is sized for these.
_WIDEST = ("F", "88", "8.5", "7.25", "10.25")
_NUMBER_KEYS = frozenset("0123456789.,")
_NO_MODIFIERS = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


class CellDelegate(QStyledItemDelegate):
    """Edits a day with a small line edit and remembers whether the model took the value.

    Attributes:
        accepted: whether the last value written into the model was taken.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accepted = True

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        """Qt: a centred line edit short enough for "7.25", "F" or "J"."""
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        editor.setMaxLength(6)
        editor.setFrame(False)
        return editor

    def setModelData(self, editor: QWidget, model: object, index: Index) -> None:
        """Qt: hand the typed text to the model, which checks it."""
        assert isinstance(editor, QLineEdit)
        assert isinstance(model, AttendanceModel)
        self.accepted = model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class SheetTable(QTableView):
    """A table that edits the month sheet like a spreadsheet.

    Attributes:
        copyDayRequested: Ctrl+D was pressed.
    """

    copyDayRequested = Signal()

    def __init__(self, model: AttendanceModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sheet_model = model
        self.setModel(model)
        self.cell_delegate = CellDelegate(self)
        self.setItemDelegate(self.cell_delegate)
        self.cell_delegate.closeEditor.connect(self._editor_closed)
        triggers = QAbstractItemView.EditTrigger
        self.setEditTriggers(
            triggers.DoubleClicked | triggers.EditKeyPressed | triggers.AnyKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self._size_sections()

    # ------------------------------------------------------------------ sizes

    def _size_sections(self) -> None:
        metrics = self.fontMetrics()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # Narrow days, so that a 31-day month fits beside the names on a 1280-pixel
        # screen; "7.5" and "7.25" get a font that fits (_narrow_fonts).
        header.setMinimumSectionSize(metrics.horizontalAdvance("30") + 6)
        header.setDefaultSectionSize(metrics.horizontalAdvance("88") + 10)
        header.setHighlightSections(True)
        self.sheet_model.set_narrow_fonts(self._narrow_fonts(header.defaultSectionSize()))
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(metrics.height() + 8)
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        rows.setMaximumWidth(metrics.averageCharWidth() * 28)
        rows.setTextElideMode(Qt.TextElideMode.ElideRight)

    def _narrow_fonts(self, width: int) -> dict[int, tuple[QFont, QFont]]:
        """Fonts (plain, unsaved) small enough for the widest text of each length.

        The style keeps a margin each side of a cell's text; texts that fit are left alone.
        """
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
        room = width - 2 * margin - 2  # 2: font sizes round to whole pixels
        fonts: dict[int, tuple[QFont, QFont]] = {}
        for sample in _WIDEST:
            pair = []
            for unsaved in (False, True):
                font = QFont(self.font())
                font.setBold(unsaved)
                font.setItalic(unsaved)
                wide = QFontMetrics(font).horizontalAdvance(sample)
                if wide > room:
                    font.setPointSizeF(max(font.pointSizeF() * room / wide, 5.0))
                pair.append(font)
            fonts[len(sample)] = (pair[0], pair[1])
        return fonts

    def size_totals(self) -> None:
        """Widen the totals columns to their headings (call after a sheet is shown)."""
        header, metrics, model = self.horizontalHeader(), self.fontMetrics(), self.sheet_model
        for column in (model.hours_column, model.valid_days_column):
            heading = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            widest = max(metrics.horizontalAdvance(line) for line in heading.split("\n"))
            header.resizeSection(column, max(widest, metrics.horizontalAdvance("999.75")) + 10)

    # ------------------------------------------------------------------ keys

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Spreadsheet keys (see the module's notes); the rest as a table does."""
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        key, modifiers = event.key(), event.modifiers()
        plain = modifiers in _NO_MODIFIERS or modifiers == Qt.KeyboardModifier.ShiftModifier
        text = event.text().upper()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.move_down()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and plain:
            self.clear_selected()
        elif key == Qt.Key.Key_D and modifiers == Qt.KeyboardModifier.ControlModifier:
            emit(self, "copyDayRequested")
        elif plain and text in ABSENCE_KEYS:
            self.mark_absence(text)
        elif plain and len(text) == 1 and text.isprintable() and text not in _NUMBER_KEYS:
            event.accept()  # a letter would open the cell only to be refused
        else:
            super().keyPressEvent(event)

    def mark_absence(self, letter: str) -> bool:
        """Mark the current cell F (falta) or J (justificada)."""
        current = self.currentIndex()
        if not current.isValid():
            return False
        entry = Cell(ABSENCE_KEYS[letter], Decimal("0.00"))
        return self.sheet_model.set_entry(current.row(), current.column(), entry)

    def clear_selected(self) -> int:
        """Empty the selected cells (or the current one); return how many were emptied."""
        cells = {(i.row(), i.column()) for i in self.selectionModel().selectedIndexes()}
        current = self.currentIndex()
        if current.isValid():
            cells.add((current.row(), current.column()))
        return self.sheet_model.clear_cells(sorted(cells))

    def go_to(self, row: int, column: int) -> None:
        """Put the cursor on a cell, selecting it alone, and show it."""
        target = self.sheet_model.index(row, column)
        if target.isValid():
            flag = QItemSelectionModel.SelectionFlag.ClearAndSelect
            self.selectionModel().setCurrentIndex(target, flag)
            self.scrollTo(target)

    def move_down(self) -> None:
        """Put the cursor on the cell below, as Enter does in a spreadsheet."""
        current = self.currentIndex()
        if current.isValid() and current.row() + 1 < self.sheet_model.rowCount():
            self.go_to(current.row() + 1, current.column())

    def commit_editor(self) -> None:
        """Write an open editor's text into the model (before saving or switching)."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        editor = self.indexWidget(self.currentIndex())
        if editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _editor_closed(self, _editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        # Enter ends an edit with SubmitModelCache; a refused value keeps the cursor there.
        if (
            hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache
            and self.cell_delegate.accepted
        ):
            self.move_down()
        self.cell_delegate.accepted = True


class ProblemList(QListWidget):
    """The cells the service refused on the last save; a click puts the cursor there."""

    def __init__(self, table: SheetTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._table = table
        self.itemActivated.connect(self._go_to)
        self.itemClicked.connect(self._go_to)
        self.setVisible(False)

    def show_problems(self, problems: Sequence[CellProblem]) -> None:
        """List the refused cells (hidden when there are none)."""
        self.clear()
        for item in problems:
            line = QListWidgetItem(
                translate("AttendanceModel", "{name}, {day}: {reason}").format(
                    name=item.trainee_name, day=date_text(item.day), reason=item.text
                )
            )
            line.setData(Qt.ItemDataRole.UserRole, (item.enrolment_id, item.day))
            self.addItem(line)
        self.setVisible(bool(problems))

    def _go_to(self, item: QListWidgetItem) -> None:
        enrolment_id, day = item.data(Qt.ItemDataRole.UserRole)
        model = self._table.sheet_model
        row, column = model.row_of(enrolment_id), model.column_of(day)
        if row >= 0 and column >= 0:
            self._table.go_to(row, column)
            self._table.setFocus()
