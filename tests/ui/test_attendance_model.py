"""The month sheet's model over a sheet made by hand: marks, holidays, closed days, totals."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt

from carceles_desktop.domain.enums import AttendanceStatus, DocumentType, EnrolmentState
from carceles_desktop.i18n import Message
from carceles_desktop.services.attendance import (
    Cell,
    CellChange,
    CellProblem,
    MonthSheet,
    SheetDay,
    SheetRow,
)
from carceles_desktop.ui.models.attendance_cells import (
    CLOSED,
    PROBLEM,
    SHADED,
    Refused,
    check_entry,
    entry_text,
    parse_entry,
)
from carceles_desktop.ui.models.attendance_model import AttendanceModel

P, F, J = AttendanceStatus.PRESENTE, AttendanceStatus.FALTA, AttendanceStatus.JUSTIFICADA
D = Decimal
TODAY = date(2026, 7, 20)
HOLIDAY = date(2026, 7, 6)  # a Monday, made a local holiday for the test


def _row(enrolment: int, name: str, starts: date, ends: date | None, cells: dict[date, Cell]):
    days = [date(2026, 7, 1) + timedelta(days=n) for n in range(31)]
    editable = frozenset(
        d for d in days if d <= TODAY and starts <= d and (ends is None or d <= ends)
    )
    return SheetRow(
        enrolment_id=enrolment,
        trainee_id=enrolment,
        inmate_code=f"IN-{enrolment:06d}",
        trainee_name=name,
        doc_type=DocumentType.DNI,
        doc_number="10117410",
        state=EnrolmentState.ACTIVO if ends is None else EnrolmentState.CULMINADO,
        starts_on=starts,
        ends_on=ends,
        cells=cells,
        editable=editable,
        total_hours=sum((c.hours for c in cells.values() if c.status is P), D("0")),
        days_present=sum(1 for c in cells.values() if c.status is P),
        valid_days=0,
    )


def _sheet() -> MonthSheet:
    days = tuple(
        SheetDay(
            d,
            "LMMJVSD"[d.weekday()],
            d.weekday() == 6,
            "Día del Artesano" if d == HOLIDAY else None,
            d > TODAY,
        )
        for d in (date(2026, 7, 1) + timedelta(days=n) for n in range(31))
    )
    rows = (
        _row(1, "Apaza Quispe, José", date(2026, 1, 5), None, {date(2026, 7, 1): Cell(P, D("8"))}),
        _row(2, "Núñez Cóndor, Ángel", date(2026, 1, 5), date(2026, 7, 10), {}),
        _row(3, "Ñahui Huamán, María", date(2026, 7, 8), None, {date(2026, 7, 9): Cell(J, D("0"))}),
    )
    return MonthSheet(
        workshop_id=1,
        workshop_code="LURI-CARP-01",
        workshop_name="Taller de Carpintería",
        trade_name="Carpintería",
        supervisors=(),
        establishment_code="LURIGANCHO",
        establishment_name="E.P. de Lurigancho",
        establishment_city="Lima",
        year=2026,
        month=7,
        days=days,
        rows=rows,
        standard_hours=D("6"),
        daily_limit=D("8"),
        minimum_valid_day_hours=D("4"),
        today=TODAY,
    )


@pytest.fixture
def model(qtbot: Any) -> AttendanceModel:
    sheet_model = AttendanceModel()
    sheet_model.set_sheet(_sheet())
    return sheet_model


def _col(model: AttendanceModel, day: int) -> int:
    return model.column_of(date(2026, 7, day))


def test_typed_text_reads_as_hours_absences_or_nothing() -> None:
    assert parse_entry(" 7,5 ") == Cell(P, D("7.5"))
    assert parse_entry("f") == Cell(F, D("0.00"))
    assert parse_entry("J") == Cell(J, D("0.00"))
    assert parse_entry("  ") is None
    with pytest.raises(Refused):
        parse_entry("ocho")
    for bad in ("9", "-1", "7.125", "0", "1E+40", "NaN"):
        with pytest.raises(Refused):
            check_entry(parse_entry(bad), D("8"))  # type: ignore[arg-type]
    check_entry(Cell(P, D("8")), D("8"))
    assert [entry_text(c) for c in (Cell(P, D("8.00")), Cell(P, D("7.50")), Cell(F, D(0)))] == [
        "8",
        "7.5",
        "F",
    ]
    assert entry_text(Cell(P, D("10.00"))) == "10"


def test_holidays_and_sundays_are_shaded_and_named(model: AttendanceModel) -> None:
    holiday = model.index(0, _col(model, 6))
    assert holiday.data(Qt.ItemDataRole.BackgroundRole) == SHADED
    assert "Día del Artesano" in holiday.data(Qt.ItemDataRole.ToolTipRole)
    assert "Día del Artesano" in model.headerData(_col(model, 6), Qt.Orientation.Horizontal, 3)
    sunday = model.index(0, _col(model, 5))
    assert sunday.data(Qt.ItemDataRole.BackgroundRole) == SHADED
    assert model.index(0, _col(model, 7)).data(Qt.ItemDataRole.BackgroundRole) is None


def test_days_outside_the_enrolment_or_to_come_are_closed(model: AttendanceModel) -> None:
    ended = model.index(1, _col(model, 13))  # enrolment 2 ended on the 10th
    assert not ended.flags() & Qt.ItemFlag.ItemIsEditable
    assert ended.data(Qt.ItemDataRole.BackgroundRole) == CLOSED
    assert model.index(1, _col(model, 10)).flags() & Qt.ItemFlag.ItemIsEditable
    assert not model.index(2, _col(model, 7)).flags() & Qt.ItemFlag.ItemIsEditable  # before start
    assert not model.index(0, _col(model, 21)).flags() & Qt.ItemFlag.ItemIsEditable  # to come
    refusals: list[str] = []
    model.refused.connect(refusals.append)
    assert not model.setData(ended, "8")
    assert len(refusals) == 1
    assert "Núñez Cóndor, Ángel" in refusals[0]
    assert model.changes() == []


def test_totals_follow_the_changes_and_a_value_typed_back_is_no_change(
    model: AttendanceModel,
) -> None:
    dirty: list[bool] = []
    model.dirtyChanged.connect(dirty.append)
    assert model.index(0, model.hours_column).data() == "8"
    assert model.index(0, model.valid_days_column).data() == "1"
    assert model.setData(model.index(0, _col(model, 2)), "3.5")
    assert model.index(0, model.hours_column).data() == "11.5"
    assert model.index(0, model.valid_days_column).data() == "1"  # 3.5 h is not a valid day
    assert model.setData(model.index(0, _col(model, 1)), "")
    assert model.changes() == [
        CellChange(1, date(2026, 7, 1), None),
        CellChange(1, date(2026, 7, 2), D("3.5"), P),
    ]
    assert model.setData(model.index(0, _col(model, 1)), "8")  # back as it was
    assert model.setData(model.index(0, _col(model, 2)), "")
    assert not model.is_dirty()
    assert dirty == [True, False]


def test_copy_day_skips_closed_and_empty_cells(model: AttendanceModel) -> None:
    model.set_entry(0, _col(model, 10), Cell(P, D("6")))
    model.set_entry(1, _col(model, 10), Cell(F, D("0")))  # row 2's enrolment ends on the 10th
    assert model.copy_day_to_next(_col(model, 10)) == 1
    assert model.entry(0, _col(model, 11)) == Cell(P, D("6"))
    assert model.entry(1, _col(model, 11)) is None
    assert model.entry(2, _col(model, 11)) is None  # nothing to copy on the 10th
    assert model.copy_day_to_next(model.day_count - 1) == 0  # the last day has no next


def test_problems_mark_cells_and_go_when_the_cell_changes(model: AttendanceModel) -> None:
    model.set_entry(0, _col(model, 14), Cell(P, D("8")))
    problem = CellProblem(1, date(2026, 7, 14), "Apaza Quispe, José", Message("errors", "Bad."))
    assert model.set_problems([problem]) == [(0, _col(model, 14))]
    cell = model.index(0, _col(model, 14))
    assert cell.data(Qt.ItemDataRole.BackgroundRole) == PROBLEM
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == "Bad."
    model.setData(cell, "7")
    assert model.problem(0, _col(model, 14)) is None
    assert model.is_dirty_cell(0, _col(model, 14))


def test_a_sheet_read_again_keeps_the_unsaved_changes(model: AttendanceModel) -> None:
    model.set_entry(0, _col(model, 15), Cell(P, D("5")))
    model.set_entry(1, _col(model, 9), Cell(F, D("0")))
    model.set_sheet(_sheet(), keep_dirty=True)
    assert model.dirty_count() == 2
    assert model.entry(0, _col(model, 15)) == Cell(P, D("5"))
    model.set_sheet(_sheet())
    assert not model.is_dirty()


def test_settled_changes_become_the_saved_values(model: AttendanceModel) -> None:
    dirty: list[bool] = []
    model.dirtyChanged.connect(dirty.append)
    model.set_entry(0, _col(model, 2), Cell(P, D("6")))
    model.set_entry(0, _col(model, 1), None)
    model.settle()
    assert dirty == [True, False]
    assert model.changes() == []
    assert model.entry(0, _col(model, 2)) == Cell(P, D("6"))
    assert model.entry(0, _col(model, 1)) is None
    assert model.index(0, model.hours_column).data() == "6"
    model.set_entry(0, _col(model, 2), Cell(P, D("6")))  # the saved value: no change
    assert not model.is_dirty()


def test_the_model_passes_the_tester(qtmodeltester: Any, model: AttendanceModel) -> None:
    qtmodeltester.check(model)
    empty = AttendanceModel()
    qtmodeltester.check(empty)
    assert empty.columnCount() == 0
