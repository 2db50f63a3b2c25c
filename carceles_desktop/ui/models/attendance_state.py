"""What the attendance sheet's model holds, without Qt: the sheet and the unsaved changes.

Cells are addressed by (row, column) as the table shows them: rows in the sheet's order,
one column per day of the month.  A change equal to what the database holds is not
a change, so typing a value back removes its mark.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from carceles_desktop.domain.enums import AttendanceStatus
from carceles_desktop.services.attendance import Cell, CellChange, CellProblem, MonthSheet
from carceles_desktop.ui.models.attendance_cells import same_entry

_ZERO = Decimal("0.00")

#: Unsaved changes by (enrolment, day), to carry over a sheet read again.
Kept = dict[tuple[int, date], Cell | None]


class SheetState:
    """A month sheet (or none) with the user's unsaved changes and the refused cells.

    Attributes:
        sheet: the sheet as last read from the database.
        day_count: days of the month (0 without a sheet).
    """

    def __init__(self, sheet: MonthSheet | None = None, kept: Kept | None = None) -> None:
        self.sheet = sheet
        days = sheet.days if sheet else ()
        rows = sheet.rows if sheet else ()
        self._base = [[row.cells.get(d.day) for d in days] for row in rows]
        self._editable = [[d.day in row.editable for d in days] for row in rows]
        self._columns = {d.day: c for c, d in enumerate(days)}
        self._rows = {row.enrolment_id: r for r, row in enumerate(rows)}
        self.day_count = len(days)
        self._dirty: dict[tuple[int, int], Cell | None] = {}
        self._problems: dict[tuple[int, int], str] = {}
        for (enrolment_id, day), entry in (kept or {}).items():
            row, column = self.row_of(enrolment_id), self.column_of(day)
            if not self.is_editable(row, column):
                continue  # the day closed meanwhile (enrolment ended): the change goes
            if not same_entry(entry, self._base[row][column]):
                self._dirty[(row, column)] = entry
        self._totals = [self._row_totals(r) for r in range(len(rows))]

    # ------------------------------------------------------------------ shape

    @property
    def row_count(self) -> int:
        """Rows of the sheet (0 without one)."""
        return len(self._base)

    def day_of(self, column: int) -> date | None:
        """The day of a column, or None outside the days."""
        if self.sheet is None or not 0 <= column < self.day_count:
            return None
        return self.sheet.days[column].day

    def column_of(self, day: date) -> int:
        """The column of a day (-1 if not on the sheet)."""
        return self._columns.get(day, -1)

    def row_of(self, enrolment_id: int) -> int:
        """The row of an enrolment (-1 if not on the sheet)."""
        return self._rows.get(enrolment_id, -1)

    # ------------------------------------------------------------------ cells

    def entry(self, row: int, column: int) -> Cell | None:
        """What a cell holds now (the unsaved change if any)."""
        key = (row, column)
        return self._dirty[key] if key in self._dirty else self._base[row][column]

    def is_editable(self, row: int, column: int) -> bool:
        """True for a day inside the enrolment and not in the future."""
        return (
            0 <= row < self.row_count
            and 0 <= column < self.day_count
            and (self._editable[row][column])
        )

    def is_dirty_cell(self, row: int, column: int) -> bool:
        """True when the cell has an unsaved change."""
        return (row, column) in self._dirty

    def problem(self, row: int, column: int) -> str | None:
        """Why the service refused the cell on the last save, or None."""
        return self._problems.get((row, column))

    def store(self, row: int, column: int, entry: Cell | None) -> None:
        """Put a checked entry in a cell; it forgets the cell's refusal."""
        if same_entry(entry, self._base[row][column]):
            self._dirty.pop((row, column), None)
        else:
            self._dirty[(row, column)] = entry
        self._problems.pop((row, column), None)
        self._totals[row] = self._row_totals(row)

    def _row_totals(self, row: int) -> tuple[Decimal, int]:
        assert self.sheet is not None
        minimum = self.sheet.minimum_valid_day_hours
        hours, valid = _ZERO, 0
        for column in range(len(self._base[row])):
            entry = self.entry(row, column)
            if entry is not None and entry.status is AttendanceStatus.PRESENTE:
                hours += entry.hours
                valid += entry.hours >= minimum
        return hours, valid

    def totals(self, row: int) -> tuple[Decimal, int]:
        """Hours and valid days of a row, unsaved changes included."""
        return self._totals[row]

    # ------------------------------------------------------------------ changes

    def dirty_count(self) -> int:
        """The number of cells changed and not saved."""
        return len(self._dirty)

    def kept(self) -> Kept:
        """The unsaved changes by (enrolment, day)."""
        sheet = self.sheet
        if sheet is None:
            return {}
        return {
            (sheet.rows[r].enrolment_id, sheet.days[c].day): entry
            for (r, c), entry in self._dirty.items()
        }

    def changes(self) -> list[CellChange]:
        """The unsaved changes, as the service takes them."""
        result = []
        for (enrolment, day), entry in sorted(self.kept().items()):
            if entry is None:
                result.append(CellChange(enrolment, day, None))
            else:
                result.append(CellChange(enrolment, day, entry.hours, entry.status))
        return result

    def settle(self) -> None:
        """Take the unsaved changes as saved: they become what the database holds."""
        for (row, column), entry in self._dirty.items():
            self._base[row][column] = entry
        self._dirty.clear()
        self._problems.clear()

    def set_problems(self, problems: Sequence[CellProblem]) -> list[tuple[int, int]]:
        """Mark the cells the service refused; return their (row, column)."""
        self._problems = {}
        for item in problems:
            row, column = self.row_of(item.enrolment_id), self.column_of(item.day)
            if row >= 0 and column >= 0:
                self._problems[(row, column)] = item.text
        return list(self._problems)
