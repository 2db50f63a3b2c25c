"""Undo and redo of the attendance sheet: the history alone, then on the sheet itself."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt

from carceles_desktop.domain.enums import AttendanceStatus
from carceles_desktop.services import attendance
from carceles_desktop.services.attendance import Cell
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.ui.models.sheet_history import CellEdit, EditHistory
from carceles_desktop.ui.views.attendance_view import AttendanceView
from tests.ui.sample_data import Sample
from tests.ui.test_attendance import TODAY, _open_rows, _type, march

P, F = AttendanceStatus.PRESENTE, AttendanceStatus.FALTA


def test_steps_undo_newest_first_and_a_new_edit_forgets_the_undone() -> None:
    history: EditHistory[str] = EditHistory()
    history.record(CellEdit(0, 0, None, "a"))
    with history.step():
        history.record(CellEdit(1, 0, "x", None))
        with history.step():  # nested: still one step
            history.record(CellEdit(2, 0, "y", None))
    assert [(e.row, e.before) for e in history.undo()] == [(2, "y"), (1, "x")]
    assert history.can_redo()
    assert [(e.row, e.after) for e in history.redo()] == [(1, None), (2, None)]
    history.undo()
    history.record(CellEdit(5, 5, None, "b"))  # typing after an undo
    assert not history.can_redo()
    assert [e.row for e in history.undo()] == [5]
    assert [e.row for e in history.undo()] == [0]
    assert history.undo() == []
    assert not history.can_undo()


def test_an_empty_step_is_no_step_and_the_limit_drops_the_oldest() -> None:
    history: EditHistory[str] = EditHistory(limit=2)
    with history.step():
        pass
    assert not history.can_undo()
    for row in range(3):
        history.record(CellEdit(row, 0, None, "v"))
    assert [e.row for e in history.undo()] + [e.row for e in history.undo()] == [2, 1]
    assert not history.can_undo()


@pytest.fixture
def view(qtbot: Any, ctx: ServiceContext, sample: Sample) -> AttendanceView:
    sheet_view = AttendanceView(ctx, today=TODAY)
    qtbot.addWidget(sheet_view)
    sheet_view.resize(1120, 700)
    sheet_view.show()
    sheet_view.load()
    sheet_view.choose_workshop(sample.workshop_ids[0])
    sheet_view.set_month(2026, 3)
    return sheet_view


def test_ctrl_z_undoes_typing_and_delete_and_ctrl_y_redoes(
    qtbot: Any, view: AttendanceView
) -> None:
    model, table = view.model, view.table
    row = _open_rows(view, range(16, 18))
    first, second = model.column_of(march(16)), model.column_of(march(17))
    before = (model.entry(row, first), model.entry(row, second))
    assert not view.undo_action.isEnabled()
    table.go_to(row, first)
    _type(qtbot, view, "6.5")
    table.go_to(row, second)
    qtbot.keyClick(table, "F")
    assert model.entry(row, second) == Cell(F, Decimal("0.00"))
    assert view.undo_action.isEnabled()

    qtbot.keyClick(table, "z", Qt.KeyboardModifier.ControlModifier)
    assert model.entry(row, second) == before[1]  # the F is gone
    assert model.entry(row, first) == Cell(P, Decimal("6.50"))  # the typing stays
    assert view.redo_action.isEnabled()
    qtbot.keyClick(table, "z", Qt.KeyboardModifier.ControlModifier)
    assert (model.entry(row, first), model.entry(row, second)) == before
    assert not model.is_dirty()  # back to what the database holds
    assert not view.save_action.isEnabled()

    qtbot.keyClick(table, "y", Qt.KeyboardModifier.ControlModifier)
    assert model.entry(row, first) == Cell(P, Decimal("6.50"))
    assert view.status.text() == "Rehecho: 1 celdas."
    assert view.save_action.isEnabled()


def test_one_delete_over_a_selection_is_one_step(qtbot: Any, view: AttendanceView) -> None:
    model, table = view.model, view.table
    row = _open_rows(view, range(16, 18))
    columns = [model.column_of(march(d)) for d in (16, 17)]
    for column in columns:
        table.go_to(row, column)
        qtbot.keyClick(table, "F")
    # Select both cells, then Delete: one step empties both, one Ctrl+Z brings both back.
    table.go_to(row, columns[0])
    table.selectionModel().select(
        model.index(row, columns[1]), table.selectionModel().SelectionFlag.Select
    )
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert all(model.entry(row, c) is None for c in columns)
    assert view.undo() == 2
    assert all(model.entry(row, c) == Cell(F, Decimal("0.00")) for c in columns)


def test_undoing_a_saved_edit_gives_a_change_to_save(
    qtbot: Any, view: AttendanceView, ctx: ServiceContext
) -> None:
    model, table = view.model, view.table
    row = _open_rows(view, range(16, 17))
    column = model.column_of(march(16))
    saved_before = model.entry(row, column)
    table.go_to(row, column)
    _type(qtbot, view, "7")
    assert view.save()
    assert not model.is_dirty()
    assert view.undo() == 1
    assert model.is_dirty()  # the old value is an unsaved change now
    assert view.save()
    sheet = _read(ctx, view)
    enrolment = sheet.rows[row].enrolment_id
    assert {r.enrolment_id: r.cells.get(march(16)) for r in sheet.rows}[enrolment] == (saved_before)


def test_reading_another_month_starts_a_new_history(qtbot: Any, view: AttendanceView) -> None:
    model, table = view.model, view.table
    row = _open_rows(view, range(16, 17))
    table.go_to(row, model.column_of(march(16)))
    qtbot.keyClick(table, "J")
    assert view.save()
    view.set_month(2026, 2)
    assert not view.undo_action.isEnabled()
    assert view.undo() == 0


def _read(ctx: ServiceContext, view: AttendanceView) -> attendance.MonthSheet:
    sheet = view.model.sheet
    assert sheet is not None
    with ctx.reading() as uow:
        return attendance.load_month_sheet(uow, ctx.actor, sheet.workshop_id, 2026, 3, today=TODAY)
