"""The Asistencia sheet: typed with the keyboard, saved whole or not at all, printed."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from typing import Any

import pypdf
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QAbstractItemView

from carceles_desktop.domain.enums import AttendanceStatus, Role
from carceles_desktop.services import attendance
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.attendance import Cell, CellChange, MonthSheet
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.enrolments import enrol_trainee
from carceles_desktop.ui.main_window import MainWindow
from carceles_desktop.ui.models.attendance_cells import SHADED
from carceles_desktop.ui.views.attendance_view import AttendanceView, Unsaved
from carceles_desktop.ui.widgets.pdf_preview import PdfPreviewDialog
from tests.ui.sample_data import Sample

TODAY = date(2026, 3, 20)  # a Friday: the 21st onwards is in the future
P, F = AttendanceStatus.PRESENTE, AttendanceStatus.FALTA
D = Decimal


def march(day: int) -> date:
    return date(2026, 3, day)


def _sheet(ctx: ServiceContext, workshop: int, month: int = 3) -> MonthSheet:
    with ctx.reading() as uow:
        return attendance.load_month_sheet(uow, ctx.actor, workshop, 2026, month, today=TODAY)


def _cells(sheet: MonthSheet) -> dict[tuple[int, date], tuple[AttendanceStatus, Decimal]]:
    return {
        (row.enrolment_id, day): (cell.status, cell.hours)
        for row in sheet.rows
        for day, cell in row.cells.items()
    }


def _record(ctx: ServiceContext, workshop: int, *changes: CellChange) -> None:
    with ctx.writing() as uow:
        attendance.save_month_sheet(uow, ctx.actor, workshop, 2026, 3, changes, today=TODAY)
        uow.commit()


@pytest.fixture
def workshop(sample: Sample) -> int:
    return sample.workshop_ids[0]


@pytest.fixture
def view(qtbot: Any, ctx: ServiceContext, workshop: int) -> AttendanceView:
    sheet_view = AttendanceView(ctx, today=TODAY)
    qtbot.addWidget(sheet_view)
    sheet_view.resize(1120, 700)
    sheet_view.show()
    sheet_view.load()
    sheet_view.choose_workshop(workshop)
    sheet_view.set_month(2026, 3)
    assert sheet_view.model.sheet is not None
    assert (sheet_view.model.sheet.workshop_id, sheet_view.model.sheet.month) == (workshop, 3)
    return sheet_view


def _open_rows(view: AttendanceView, days: range) -> int:
    """The first of three consecutive rows that may be recorded on every day of ``days``."""
    model = view.model
    columns = [model.column_of(march(d)) for d in days]
    for row in range(model.rowCount() - 2):
        if all(model.is_editable(r, c) for r in range(row, row + 3) for c in columns):
            return row
    raise AssertionError("the sample has no three open rows")


def _type(qtbot: Any, view: AttendanceView, text: str) -> None:
    """Type into the current cell as a user does: the first key opens it, Enter closes it."""
    table = view.table
    qtbot.keyClick(table, text[0])
    editor = table.indexWidget(table.currentIndex())
    assert editor is not None, "typing a digit opens the cell"
    if text[1:]:
        qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def _at(view: AttendanceView) -> tuple[int, date | None]:
    current = view.table.currentIndex()
    return current.row(), view.model.day_of(current.column())


def test_sheet_shows_the_month_with_sundays_future_and_totals(
    view: AttendanceView, ctx: ServiceContext, workshop: int
) -> None:
    model = view.model
    sheet = _sheet(ctx, workshop)
    assert model.rowCount() == len(sheet.rows) > 0
    assert model.columnCount() == 31 + 2
    names = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert names == [row.trainee_name for row in sheet.rows]
    assert model.headerData(0, Qt.Orientation.Horizontal).startswith("1\n")  # Sunday 1 March
    sunday = model.index(0, model.column_of(march(8)))
    assert sunday.data(Qt.ItemDataRole.BackgroundRole) == SHADED
    future = model.index(0, model.column_of(march(23)))
    assert not future.flags() & Qt.ItemFlag.ItemIsEditable
    assert future.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert _at(view)[1] == TODAY  # the cursor starts on today
    assert "6 h" in view.info.text()  # the workshop's working day


def test_keyboard_editing_then_saving_writes_exactly_the_changed_cells(
    qtbot: Any, view: AttendanceView, ctx: ServiceContext, workshop: int
) -> None:
    model = view.model
    top = _open_rows(view, range(2, 5))
    ids = [model.sheet.rows[r].enrolment_id for r in range(top, top + 3)]  # type: ignore[union-attr]
    _record(ctx, workshop, CellChange(ids[2], march(3), D("6")))
    view.reload()
    before = _cells(_sheet(ctx, workshop))

    view.table.go_to(top, model.column_of(march(2)))
    _type(qtbot, view, "8")
    assert _at(view) == (top + 1, march(2))  # Enter moved down
    assert model.entry(top, model.column_of(march(2))) == Cell(P, D("8"))
    qtbot.keyClick(view.table, Qt.Key.Key_Right)
    qtbot.keyClick(view.table, "F")
    assert model.entry(top + 1, model.column_of(march(3))) == Cell(F, D("0"))
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)  # the 6 hours recorded before
    assert model.entry(top + 2, model.column_of(march(3))) is None
    qtbot.keyClick(view.table, Qt.Key.Key_Up)
    qtbot.keyClick(view.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert model.entry(top + 1, model.column_of(march(4))) == Cell(F, D("0"))
    assert _at(view) == (top + 1, march(4))  # Ctrl+D moves on to the next day
    hours_index = model.index(top, model.hours_column)
    assert hours_index.data() == "8"  # totals follow the typing
    assert model.dirty_count() == 4
    font = model.index(top, model.column_of(march(2))).data(Qt.ItemDataRole.FontRole)
    assert font.bold()
    assert font.italic()

    assert view.save_action.shortcut().toString() == "Ctrl+S"
    view.save_action.trigger()
    after = _cells(_sheet(ctx, workshop))
    expected = dict(before)
    expected[(ids[0], march(2))] = (P, D("8.00"))
    expected[(ids[1], march(3))] = (F, D("0.00"))
    expected[(ids[1], march(4))] = (F, D("0.00"))
    del expected[(ids[2], march(3))]
    assert after == expected
    assert not model.is_dirty()
    assert not view.save_action.isEnabled()
    assert "3" in view.status.text()  # three new cells
    assert model.entry(top, model.column_of(march(2))) == Cell(P, D("8.00"))


def test_a_typed_value_above_the_daily_limit_is_refused_and_the_cell_kept(
    qtbot: Any, view: AttendanceView
) -> None:
    model = view.model
    top = _open_rows(view, range(9, 11))
    column = model.column_of(march(9))
    view.table.go_to(top, column)
    _type(qtbot, view, "25")
    assert model.entry(top, column) is None
    assert not model.is_dirty()
    assert "8" in view.status.text()  # the limit is named
    assert model.sheet is not None
    assert model.sheet.rows[top].trainee_name in view.status.text()
    assert _at(view) == (top, march(9))  # stays on the refused cell
    _type(qtbot, view, "7,5")  # a comma is a decimal point
    assert model.entry(top, column) == Cell(P, D("7.5"))
    qtbot.keyClick(view.table, "x")  # letters other than F and J do nothing
    assert view.table.state() != QAbstractItemView.State.EditingState


def test_closed_days_cannot_be_marked(qtbot: Any, view: AttendanceView) -> None:
    model = view.model
    view.table.go_to(0, model.column_of(march(25)))
    qtbot.keyClick(view.table, "F")
    assert model.entry(0, model.column_of(march(25))) is None
    assert not model.is_dirty()
    assert view.status.text() != ""


def test_one_bad_cell_on_saving_writes_nothing_and_keeps_the_others(
    qtbot: Any, view: AttendanceView, ctx: ServiceContext, workshop: int, sample: Sample
) -> None:
    model = view.model
    assert model.sheet is not None
    top = _open_rows(view, range(10, 12))
    row = model.sheet.rows[top]
    other = sample.workshop_ids[1]  # same establishment
    with ctx.writing() as uow:
        second = enrol_trainee(uow, ctx.actor, row.trainee_id, other, march(2), today=TODAY)
        uow.commit()
    _record(ctx, other, CellChange(second.id, march(10), D("6")))
    before = _cells(_sheet(ctx, workshop))

    view.table.go_to(top, model.column_of(march(10)))
    for _ in range(3):
        _type(qtbot, view, "8")  # the first is too much with the 6 h elsewhere
    view.table.go_to(top, model.column_of(march(11)))
    qtbot.keyClick(view.table, "J")
    assert model.dirty_count() == 4
    assert not view.save()

    assert _cells(_sheet(ctx, workshop)) == before  # nothing written
    bad = (top, model.column_of(march(10)))
    assert model.problem(*bad) is not None
    assert "6" in model.problem(*bad)  # the hours worked elsewhere
    assert model.index(*bad).data(Qt.ItemDataRole.ToolTipRole) == model.problem(*bad)
    assert model.index(*bad).data(Qt.ItemDataRole.BackgroundRole) != SHADED
    assert model.dirty_count() == 4  # every change still on screen
    assert model.problem(top + 1, model.column_of(march(10))) is None
    assert view.problems.isVisibleTo(view)
    assert view.problems.count() == 1
    assert row.trainee_name in view.problems.item(0).text()
    assert (view.table.currentIndex().row(), view.table.currentIndex().column()) == bad

    view.table.go_to(*bad)
    _type(qtbot, view, "2")  # 2 + 6 elsewhere is the limit
    assert model.problem(*bad) is None
    assert view.save()
    after = _cells(_sheet(ctx, workshop))
    assert after[(row.enrolment_id, march(10))] == (P, D("2.00"))
    assert after[(row.enrolment_id, march(11))][0] is AttendanceStatus.JUSTIFICADA
    assert not view.problems.isVisibleTo(view)


def test_mark_day_present_fills_the_empty_cells_and_keeps_unsaved_ones(
    qtbot: Any, view: AttendanceView, ctx: ServiceContext, workshop: int
) -> None:
    model = view.model
    top = _open_rows(view, range(12, 13))
    column = model.column_of(march(12))
    view.table.go_to(top, column)
    _type(qtbot, view, "3")  # unsaved: stays 3
    view.table.go_to(top + 1, column)
    view.mark_day_action.trigger()
    sheet = _sheet(ctx, workshop)
    open_rows = [r for r in sheet.rows if march(12) in r.editable]
    saved = {r.enrolment_id: r.cells.get(march(12)) for r in open_rows}
    assert all(cell == Cell(P, D("6.00")) for cell in saved.values())
    assert model.entry(top, column) == Cell(P, D("3"))
    assert model.is_dirty_cell(top, column)
    assert model.entry(top + 1, column) == Cell(P, D("6.00"))
    assert not model.is_dirty_cell(top + 1, column)
    assert str(len(open_rows)) in view.status.text()


def test_leaving_with_unsaved_changes_asks(
    qtbot: Any, view: AttendanceView, ctx: ServiceContext, workshop: int, monkeypatch: Any
) -> None:
    answers: list[Unsaved] = []
    asked: list[str] = []

    def ask(cls: Any, parent: Any, text: str) -> Unsaved:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(AttendanceView, "ask", classmethod(ask))
    model = view.model
    top = _open_rows(view, range(5, 6))
    view.table.go_to(top, model.column_of(march(5)))
    _type(qtbot, view, "4")

    answers.append(Unsaved.CANCEL)
    view.step_month(-1)
    assert view.month() == (2026, 3)  # stayed
    assert model.is_dirty()
    answers.append(Unsaved.CANCEL)
    assert not view.confirm_close()  # the window stays open

    answers.append(Unsaved.SAVE)
    view.month_picker.next_button.click()
    assert view.month() == (2026, 4)
    assert model.sheet is not None
    assert model.sheet.month == 4
    saved = _sheet(ctx, workshop).rows[top].cells[march(5)]
    assert saved == Cell(P, D("4.00"))

    view.set_month(2026, 3)  # nothing unsaved: no question
    assert len(asked) == 3
    view.table.go_to(top, model.column_of(march(6)))
    _type(qtbot, view, "5")
    answers.append(Unsaved.DISCARD)
    view.reload()
    assert not model.is_dirty()
    assert march(6) not in _sheet(ctx, workshop).rows[top].cells
    assert "1" in asked[-1]  # counts the changed cells


def test_print_opens_the_preview_with_the_planilla(
    qtbot: Any, view: AttendanceView, ctx: ServiceContext, monkeypatch: Any
) -> None:
    shown: list[tuple[bytes, str, str]] = []

    def capture(cls: Any, parent: Any, pdf: bytes, name: str, title: str) -> None:
        shown.append((pdf, name, title))

    monkeypatch.setattr(PdfPreviewDialog, "show_pdf", classmethod(capture))
    view.print_action.trigger()
    ((pdf, name, title),) = shown
    sheet = view.model.sheet
    assert sheet is not None
    assert name == f"planilla-{sheet.workshop_code}-2026-03.pdf"
    assert sheet.workshop_code in title
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    pages = len(reader.pages)
    text = "".join(page.extract_text() for page in reader.pages)
    assert f"Página {pages} de {pages}" in text
    assert sheet.rows[-1].trainee_name.split(",")[0] in text  # the last row is printed
    preview = PdfPreviewDialog(pdf, name, title)
    qtbot.addWidget(preview)
    assert preview.document.status() == QPdfDocument.Status.Ready
    assert preview.page_count() == pages


def test_the_model_passes_the_model_tester(
    qtbot: Any, qtmodeltester: Any, view: AttendanceView, monkeypatch: Any
) -> None:
    monkeypatch.setattr(AttendanceView, "ask", classmethod(lambda *a: Unsaved.DISCARD))
    model = view.model
    qtmodeltester.check(model)
    top = _open_rows(view, range(2, 3))
    model.set_entry(top, model.column_of(march(2)), Cell(P, D("7.25")))
    model.set_entry(top, model.column_of(march(3)), Cell(F, D("0")))
    qtmodeltester.check(model)
    view.set_month(2026, 2)
    assert not model.is_dirty()
    qtmodeltester.check(model)


def test_a_supervisor_chooses_among_his_own_workshops(
    qtbot: Any, ctx: ServiceContext, sample: Sample, ui_settings: QSettings
) -> None:
    own = sample.workshop_ids[3:5]
    supervisor = Actor(user_id=9, username="sup", role=Role.SUPERVISOR, workshop_ids=frozenset(own))
    sheet_view = AttendanceView(ServiceContext(ctx.database, supervisor), today=TODAY)
    qtbot.addWidget(sheet_view)
    ui_settings.setValue("attendance_view/workshop", own[1])
    sheet_view.restore_state(ui_settings)
    sheet_view.load()
    listed = [sheet_view.workshop_box.itemData(i) for i in range(sheet_view.workshop_box.count())]
    assert sorted(listed) == sorted(own)
    assert sheet_view.workshop_id() == own[1]  # remembered from last time
    assert sheet_view.is_ready()


def test_the_window_stays_open_while_the_sheet_has_unsaved_changes(
    qtbot: Any, ctx: ServiceContext, workshop: int, ui_settings: QSettings, monkeypatch: Any
) -> None:
    window = MainWindow(ctx, settings=ui_settings)
    qtbot.addWidget(window)
    window.show()
    window.show_area("attendance")
    sheet_view = window.current_view()
    assert isinstance(sheet_view, AttendanceView)
    sheet_view.choose_workshop(workshop)
    model = sheet_view.model
    row = next(r for r in range(model.rowCount()) if model.is_editable(r, 0))
    model.set_entry(row, 0, Cell(P, D("5")))
    monkeypatch.setattr(AttendanceView, "ask", classmethod(lambda *a: Unsaved.CANCEL))
    assert not window.close()
    assert window.isVisible()
    monkeypatch.setattr(AttendanceView, "ask", classmethod(lambda *a: Unsaved.DISCARD))
    assert window.close()
