"""The month sheet as a table: one row per enrolment, one column per day, then totals.

The model shows the sheet read from :func:`carceles_desktop.services.attendance.load_month_sheet`
and, apart from it, the cells the user changed and has not saved (kept in a
:class:`~carceles_desktop.ui.models.attendance_state.SheetState`).  Nothing is written
until the view saves :meth:`AttendanceModel.changes` in one unit of work.

A typed value is checked at once against the rules one cell can break alone (a number,
not negative, two decimals at most, not above the sheet's daily limit, hours for a day
present) and refused with the reason, leaving the cell as it was.  Rules that need the
database (hours worked in another workshop that day, an enrolment ended meanwhile) are
the service's, checked on saving; the cells it refuses are marked with their reason and
stay changed.

The trainee's name is the vertical header, so it stays in view while the days scroll.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from carceles_desktop.domain.enums import AttendanceStatus
from carceles_desktop.services.attendance import Cell, CellChange, CellProblem, MonthSheet
from carceles_desktop.ui.labels import date_text, label
from carceles_desktop.ui.models.attendance_cells import (
    ABSENCE_TEXT,
    CENTRE,
    CLOSED,
    GREY_TEXT,
    HOLIDAY_HEADING,
    PROBLEM,
    RIGHT,
    SHADED,
    TOTALS,
    Refused,
    check_entry,
    entry_text,
    hours_shown,
    parse_entry,
    same_entry,
)
from carceles_desktop.ui.models.attendance_state import SheetState
from carceles_desktop.ui.models.sheet_history import CellEdit, EditHistory
from carceles_desktop.ui.qt_signals import emit

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_Role = Qt.ItemDataRole
#: The roles the sheet answers; Qt asks for others on every paint (checked first).
_ROLES = frozenset(
    {
        _Role.DisplayRole,
        _Role.EditRole,
        _Role.BackgroundRole,
        _Role.ForegroundRole,
        _Role.FontRole,
        _Role.ToolTipRole,
        _Role.TextAlignmentRole,
    }
)
_CLOSED = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_OPEN = _CLOSED | Qt.ItemFlag.ItemIsEditable
translate = QCoreApplication.translate


def _day_heading(day: date) -> str:
    """Day number over the weekday's initial, in the user's language."""
    initial = QLocale().dayName(day.isoweekday(), QLocale.FormatType.NarrowFormat)
    return f"{day.day}\n{initial.upper()}"


def _day_tip(day: date, holiday: str | None) -> str:
    """The day written out in the user's language, and the holiday's name."""
    long = QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)
    return f"{long} — {holiday}" if holiday else long


class AttendanceModel(QAbstractTableModel):
    """A month sheet with the user's unsaved changes.

    Columns: one per day of the month, then total hours and valid days.

    Attributes:
        refused: a change was refused; carries the reason, ready to show.
        dirtyChanged: the sheet gained its first unsaved change, or lost its last.
        historyChanged: what :meth:`undo` or :meth:`redo` can do has changed.
    """

    refused = Signal(str)
    dirtyChanged = Signal(bool)
    historyChanged = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._state = SheetState()
        self._days = 0  # kept apart: Qt asks for it thousands of times a paint
        self._day_headings: list[str] = []
        self._day_tips: list[str] = []
        self._unsaved_font = QFont()
        self._unsaved_font.setBold(True)
        self._unsaved_font.setItalic(True)
        self._narrow: dict[int, tuple[QFont, QFont]] = {}
        self._history: EditHistory[Cell] = EditHistory()

    # ------------------------------------------------------------------ the sheet

    @property
    def sheet(self) -> MonthSheet | None:
        """The sheet as last read from the database."""
        return self._state.sheet

    def set_sheet(self, sheet: MonthSheet | None, *, keep_dirty: bool = False) -> None:
        """Show a sheet; with ``keep_dirty``, unsaved changes to the same cells stay on it."""
        was_dirty = self.is_dirty()
        self.beginResetModel()
        self._state = SheetState(sheet, self._state.kept() if keep_dirty else None)
        self._days = self._state.day_count
        days = sheet.days if sheet else ()
        self._day_headings = [_day_heading(d.day) for d in days]
        self._day_tips = [_day_tip(d.day, d.holiday) for d in days]
        self.endResetModel()
        self._history.clear()
        emit(self, "historyChanged")
        if was_dirty != self.is_dirty():
            emit(self, "dirtyChanged", (bool, self.is_dirty()))

    def set_narrow_fonts(self, fonts: dict[int, tuple[QFont, QFont]]) -> None:
        """Fonts (plain, unsaved) by length of text, for texts wider than a day column."""
        self._narrow = dict(fonts)

    @property
    def day_count(self) -> int:
        """Days of the month shown (the day columns come first)."""
        return self._days

    @property
    def hours_column(self) -> int:
        """The column of total hours."""
        return self.day_count

    @property
    def valid_days_column(self) -> int:
        """The column of valid days."""
        return self.day_count + 1

    def day_of(self, column: int) -> date | None:
        """The day of a column, or None for the totals."""
        return self._state.day_of(column)

    def column_of(self, day: date) -> int:
        """The column of a day of the month (-1 if not shown)."""
        return self._state.column_of(day)

    def row_of(self, enrolment_id: int) -> int:
        """The row of an enrolment (-1 if not on the sheet)."""
        return self._state.row_of(enrolment_id)

    # ------------------------------------------------------------------ cells

    def entry(self, row: int, column: int) -> Cell | None:
        """What a cell holds now (the unsaved change if any)."""
        return self._state.entry(row, column)

    def is_editable(self, row: int, column: int) -> bool:
        """True for a day inside the enrolment and not in the future."""
        return self._state.is_editable(row, column)

    def is_dirty_cell(self, row: int, column: int) -> bool:
        """True when the cell has an unsaved change."""
        return self._state.is_dirty_cell(row, column)

    def problem(self, row: int, column: int) -> str | None:
        """Why the service refused the cell on the last save, or None."""
        return self._state.problem(row, column)

    def totals(self, row: int) -> tuple[Any, int]:
        """Hours and valid days of a row, unsaved changes included."""
        return self._state.totals(row)

    def set_entry(self, row: int, column: int, entry: Cell | None) -> bool:
        """Change a cell after checking it; on refusal emit :attr:`refused` and keep it."""
        sheet = self.sheet
        if sheet is None or not 0 <= row < self.rowCount() or not 0 <= column < self.day_count:
            return False
        try:
            if not self.is_editable(row, column):
                raise Refused(self._closed_reason(column))
            if entry is not None:
                check_entry(entry, sheet.daily_limit)
        except Refused as exc:
            self._refuse(row, column, str(exc))
            return False
        self._store(row, column, entry)
        return True

    def _refuse(self, row: int, column: int, reason: str) -> None:
        sheet = self.sheet
        assert sheet is not None
        text = translate("AttendanceModel", "{name}, {day}: {reason}").format(
            name=sheet.rows[row].trainee_name, day=date_text(sheet.days[column].day), reason=reason
        )
        emit(self, "refused", (str, text))

    def _closed_reason(self, column: int) -> str:
        assert self.sheet is not None
        if self.sheet.days[column].future:
            return translate("AttendanceModel", "the day has not come yet.")
        return translate("AttendanceModel", "the day is outside the enrolment.")

    def _store(self, row: int, column: int, entry: Cell | None, *, record: bool = True) -> None:
        before = self.entry(row, column)
        if record and not same_entry(before, entry):
            self._history.record(CellEdit(row, column, before, entry))
            emit(self, "historyChanged")
        was_dirty = self.is_dirty()
        self._state.store(row, column, entry)
        changed = self.index(row, column)
        self._cells_changed(changed, changed)
        self._cells_changed(
            self.index(row, self.hours_column), self.index(row, self.valid_days_column)
        )
        if was_dirty != self.is_dirty():
            emit(self, "dirtyChanged", (bool, self.is_dirty()))

    def _cells_changed(self, first: QModelIndex, last: QModelIndex) -> None:
        emit(self, "dataChanged", (QModelIndex, first), (QModelIndex, last))

    def clear_cells(self, cells: Iterable[tuple[int, int]]) -> int:
        """Empty the editable cells among ``cells`` (Delete); return how many changed."""
        cleared = 0
        with self._history.step():
            for row, column in cells:
                if self.is_editable(row, column) and self.entry(row, column) is not None:
                    self._store(row, column, None)
                    cleared += 1
        return cleared

    def copy_day_to_next(self, column: int) -> int:
        """Copy a day's marks to the next day, where that day may be recorded.

        Empty cells are not copied (they would erase what the next day holds).

        Returns:
            The number of cells changed.
        """
        target = column + 1
        if not 0 <= column < self.day_count - 1:
            return 0
        copied = 0
        with self._history.step():
            for row in range(self.rowCount()):
                entry = self.entry(row, column)
                if entry is None or not self.is_editable(row, target):
                    continue
                if not same_entry(entry, self.entry(row, target)):
                    self._store(row, target, entry)
                    copied += 1
        return copied

    # ------------------------------------------------------------------ undo

    def can_undo(self) -> bool:
        """True when an edit of this sheet can be undone (Ctrl+Z)."""
        return self._history.can_undo()

    def can_redo(self) -> bool:
        """True when an undone edit can be done again (Ctrl+Y)."""
        return self._history.can_redo()

    def undo(self) -> list[tuple[int, int]]:
        """Undo the last edit (every cell of it); return the cells put back."""
        return self._replay([(e.row, e.column, e.before) for e in self._history.undo()])

    def redo(self) -> list[tuple[int, int]]:
        """Do the last undone edit again; return its cells."""
        return self._replay([(e.row, e.column, e.after) for e in self._history.redo()])

    def _replay(self, edits: list[tuple[int, int, Cell | None]]) -> list[tuple[int, int]]:
        # The values were checked when first typed (or read from the database).
        for row, column, entry in edits:
            self._store(row, column, entry, record=False)
        emit(self, "historyChanged")
        return [(row, column) for row, column, _ in edits]

    # ------------------------------------------------------------------ saving

    def is_dirty(self) -> bool:
        """True while there are unsaved changes."""
        return self._state.dirty_count() > 0

    def dirty_count(self) -> int:
        """The number of cells changed and not saved."""
        return self._state.dirty_count()

    def changes(self) -> list[CellChange]:
        """The unsaved changes, as the service takes them."""
        return self._state.changes()

    def settle(self) -> None:
        """The changes were saved: show them as saved (no longer bold, no refusal)."""
        was_dirty = self.is_dirty()
        self._state.settle()
        if self.rowCount():
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self._cells_changed(self.index(0, 0), last)
        if was_dirty:
            emit(self, "dirtyChanged", (bool, False))

    def discard_changes(self) -> None:
        """Forget every unsaved change."""
        self.set_sheet(self.sheet)

    def set_problems(self, problems: Sequence[CellProblem]) -> list[tuple[int, int]]:
        """Mark the cells the service refused; return their (row, column)."""
        marked = self._state.set_problems(problems)
        if self.rowCount() and self.day_count:
            self._cells_changed(
                self.index(0, 0), self.index(self.rowCount() - 1, self.day_count - 1)
            )
        return marked

    # ------------------------------------------------------------------ Qt's model API

    def rowCount(self, parent: Index = _ROOT) -> int:
        """Qt: one row per enrolment."""
        return 0 if parent.isValid() else self._state.row_count

    def columnCount(self, parent: Index = _ROOT) -> int:
        """Qt: the days, then two totals (none without a sheet)."""
        if parent.isValid() or self.sheet is None:
            return 0
        return self.day_count + 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Qt: text, shading, fonts and tips of a cell."""
        if role not in _ROLES or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if column >= self.day_count:
            return self._total_data(row, column, role)
        return self._day_data(row, column, role)

    def _day_data(self, row: int, column: int, role: int) -> Any:
        if role in (_Role.DisplayRole, _Role.EditRole):
            return entry_text(self.entry(row, column))
        if role == _Role.BackgroundRole:
            return self._background(row, column)
        if role == _Role.ForegroundRole:
            if not self.is_editable(row, column):
                return GREY_TEXT
            entry = self.entry(row, column)
            absent = entry is not None and entry.status is not AttendanceStatus.PRESENTE
            return ABSENCE_TEXT if absent else None
        if role == _Role.FontRole:
            return self._cell_font(row, column)
        if role == _Role.ToolTipRole:
            return self.problem(row, column) or self._day_tips[column]
        if role == _Role.TextAlignmentRole:
            return CENTRE
        return None

    def _background(self, row: int, column: int) -> Any:
        assert self.sheet is not None
        day = self.sheet.days[column]
        if self.problem(row, column) is not None:
            return PROBLEM
        if day.sunday or day.holiday:
            return SHADED
        return None if self.is_editable(row, column) else CLOSED

    def _cell_font(self, row: int, column: int) -> QFont | None:
        """Bold italics for unsaved cells; narrower fonts for "7.5" or "7.25"."""
        dirty = self.is_dirty_cell(row, column)
        narrow = self._narrow.get(len(entry_text(self.entry(row, column))))
        if narrow is not None:
            return narrow[dirty]
        return self._unsaved_font if dirty else None

    def _total_data(self, row: int, column: int, role: int) -> Any:
        hours, valid = self.totals(row)
        if role == _Role.DisplayRole:
            return hours_shown(hours) if column == self.hours_column else str(valid)
        if role == _Role.TextAlignmentRole:
            return RIGHT
        if role == _Role.BackgroundRole:
            return TOTALS
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Qt: day number and weekday initial on top; the trainee's name on the left."""
        sheet = self.sheet
        if sheet is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self._row_heading(section, role)
        if section in (self.hours_column, self.valid_days_column):
            if role != _Role.DisplayRole:
                return None
            if section == self.hours_column:
                return translate("AttendanceModel", "Hours")
            return translate("AttendanceModel", "Valid\ndays")
        if not 0 <= section < self.day_count:
            return None
        day = sheet.days[section]
        if role == _Role.DisplayRole:
            return self._day_headings[section]
        if role == _Role.ToolTipRole:
            return self._day_tips[section]
        if role == _Role.ForegroundRole and (day.sunday or day.holiday):
            return HOLIDAY_HEADING
        return None

    def _row_heading(self, section: int, role: int) -> Any:
        assert self.sheet is not None
        if not 0 <= section < self.rowCount():
            return None
        row = self.sheet.rows[section]
        if role == _Role.DisplayRole:
            return row.trainee_name
        if role == _Role.ToolTipRole:
            return translate("AttendanceModel", "{name} ({code}) · {state} since {start}").format(
                name=row.trainee_name,
                code=row.inmate_code,
                state=label(row.state),
                start=date_text(row.starts_on),
            )
        if role == _Role.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Qt: a day may be edited only inside the enrolment and not in the future."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _OPEN if self._state.is_editable(index.row(), index.column()) else _CLOSED

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Qt: take what was typed in a cell (hours, F, J, or nothing)."""
        if not index.isValid() or role != _Role.EditRole or index.column() >= self.day_count:
            return False
        try:
            entry = parse_entry("" if value is None else str(value))
        except Refused as exc:
            self._refuse(index.row(), index.column(), str(exc))
            return False
        if same_entry(entry, self.entry(index.row(), index.column())):
            return True
        return self.set_entry(index.row(), index.column(), entry)
