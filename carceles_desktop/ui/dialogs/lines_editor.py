"""An editable table of a form's lines (goods of a note, workers of a batch, order lines).

Each cell holds an input widget made by its column.  The services name a line's field
like ``lines[2].quantity``: :meth:`LinesEditor.show_error` selects that row, outlines
that cell in red, puts the cursor there and writes the message under the table
("Line 3: …"), so the user sees at once which line and which value are at fault.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.errors import AppError
from carceles_desktop.ui.dialogs.form_errors import FIELD_ERROR_STYLE, error_label
from carceles_desktop.ui.dialogs.form_parts import set_input_editable

translate = QCoreApplication.translate

_LINE_FIELD = re.compile(r"(?P<list>\w+)\[(?P<row>\d+)\](?:\.(?P<name>\w+))?")


@dataclass(frozen=True)
class LineColumn:
    """One column of a lines table.

    Attributes:
        name: the service's name of the line's field (``quantity``), or any name for a
            column that only shows something.
        title: the heading, already translated.
        make: makes the cell's widget for a new row.
        width: a width hint in characters; None stretches the column.
    """

    name: str
    title: str
    make: Callable[[], QWidget]
    width: int | None = None


def parse_line_field(field: str | None) -> tuple[str, int, str | None] | None:
    """Split ``lines[2].quantity`` into ``("lines", 2, "quantity")``; None otherwise."""
    match = _LINE_FIELD.fullmatch(field or "")
    if match is None:
        return None
    return match.group("list"), int(match.group("row")), match.group("name")


class LinesEditor(QWidget):
    """A table whose rows are a form's lines, with Add and Remove buttons.

    Attributes:
        table: the table; each cell holds its column's widget.
        add_button: adds an empty row.
        remove_button: removes the selected row.
        error: the message line under the table.
        extra: data kept with each row by the form (e.g. the stored line's key).
    """

    #: A row was added or removed.
    rowsChanged = Signal()

    def __init__(
        self,
        columns: Sequence[LineColumn],
        *,
        prefix: str,
        add_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self.prefix = prefix
        self.extra: list[dict[str, Any]] = []
        self._cells: list[dict[str, QWidget]] = []
        self._marked: QWidget | None = None
        self._editable = True
        self.table = QTableWidget(0, len(self.columns))
        self.table.setHorizontalHeaderLabels([c.title for c in self.columns])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        header = self.table.horizontalHeader()
        char = self.fontMetrics().averageCharWidth()
        for index, column in enumerate(self.columns):
            if column.width is None:
                header.setSectionResizeMode(index, QHeaderView.ResizeMode.Stretch)
            else:
                header.resizeSection(index, column.width * char + 24)
        self.add_button = QPushButton(add_text)
        self.remove_button = QPushButton(translate("LinesEditor", "Remove line"))
        self.error = error_label()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_selected)

    # ------------------------------------------------------------------ rows

    def row_count(self) -> int:
        """How many lines the table holds."""
        return len(self._cells)

    def add_row(self, **extra: Any) -> int:
        """Append an empty row (its widgets made by the columns); return its index."""
        row = len(self._cells)
        self.table.insertRow(row)
        cells: dict[str, QWidget] = {}
        for index, column in enumerate(self.columns):
            widget = column.make()
            set_input_editable(widget, self._editable)
            cells[column.name] = widget
            self.table.setCellWidget(row, index, widget)
        self._cells.append(cells)
        self.extra.append(dict(extra))
        self.rowsChanged.emit()
        return row

    def remove_row(self, row: int) -> None:
        """Remove a row (the rows below move up)."""
        if 0 <= row < len(self._cells):
            self.table.removeRow(row)
            del self._cells[row]
            del self.extra[row]
            self.clear_errors()
            self.rowsChanged.emit()

    def remove_selected(self) -> None:
        """Remove the selected row, or the last one when none is selected."""
        selected = self.table.selectionModel().selectedRows()
        self.remove_row(selected[0].row() if selected else len(self._cells) - 1)

    def clear(self) -> None:
        """Remove every row."""
        while self._cells:
            self.remove_row(len(self._cells) - 1)

    def cell(self, row: int, name: str) -> Any:
        """The widget of a row's column (typed loosely: each column makes its own kind)."""
        return self._cells[row][name]

    def row_of(self, widget: QWidget) -> int:
        """The row holding ``widget`` (-1 when none does)."""
        for row, cells in enumerate(self._cells):
            if widget in cells.values():
                return row
        return -1

    def set_editable(self, editable: bool) -> None:
        """Let the user change the lines, or only read them."""
        self.add_button.setVisible(editable)
        self.remove_button.setVisible(editable)
        self._editable = editable
        for cells in self._cells:
            for widget in cells.values():
                set_input_editable(widget, editable)

    # ------------------------------------------------------------------ errors

    def show_error(self, error: AppError, sent_rows: Sequence[int] | None = None) -> bool:
        """Show a refusal naming one of these lines; False when it names none of them.

        Args:
            error: the refusal.
            sent_rows: the table row of each line sent to the service, when the form
                left some rows out (the service counts only the lines it got).
        """
        parsed = parse_line_field(error.field)
        if parsed is None or parsed[0] != self.prefix:
            if error.field != self.prefix:
                return False
            self.clear_errors()
            self._say(str(error))
            return True
        _, sent, name = parsed
        row = sent_rows[sent] if sent_rows is not None and sent < len(sent_rows) else sent
        self.clear_errors()
        if not 0 <= row < len(self._cells):
            self._say(str(error))
            return True
        self.table.selectRow(row)
        widget = self._cells[row].get(name or "")
        if widget is not None:
            widget.setStyleSheet(FIELD_ERROR_STYLE)
            self._marked = widget
            self.table.scrollTo(self.table.model().index(row, self._column_index(name or "")))
            widget.setFocus()
        self._say(
            translate("LinesEditor", "Line {number}: {message}").format(
                number=row + 1, message=str(error)
            )
        )
        return True

    def error_cell(self) -> tuple[int, str] | None:
        """The row and column outlined as at fault, or None."""
        if self._marked is None:
            return None
        for row, cells in enumerate(self._cells):
            for name, widget in cells.items():
                if widget is self._marked:
                    return row, name
        return None

    def clear_errors(self) -> None:
        """Hide the message and the outline."""
        if self._marked is not None:
            self._marked.setStyleSheet("")
            self._marked = None
        self.error.clear()
        self.error.setVisible(False)

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)

    def _column_index(self, name: str) -> int:
        names = [c.name for c in self.columns]
        return names.index(name) if name in names else 0
