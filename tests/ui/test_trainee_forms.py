"""The trainee's form and the record's actions: checked as typed, refused in place, saved."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import func, select, update

from carceles_desktop.domain.enrolments import Enrolment
from carceles_desktop.domain.enums import DocumentType, EnrolmentState, Role
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.domain.workshops import Workshop
from carceles_desktop.services import audit, browse, redemption, trainees
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.catalogues import load_catalogues
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.ui.dialogs.enrolment_dialogs import (
    EnrolDialog,
    RecordDialog,
    StateChangeDialog,
    TransferDialog,
)
from carceles_desktop.ui.dialogs.field_form import FIELD_ERROR_STYLE
from carceles_desktop.ui.dialogs.trainee_dialog import TraineeDialog
from carceles_desktop.ui.messages import Kind
from carceles_desktop.ui.views.trainees_view import TraineesView
from carceles_desktop.ui.widgets.pdf_preview import PdfPreviewDialog
from tests.ui.sample_data import ESTABLISHMENTS, Sample

TODAY = date(2026, 11, 30)


def _dialog(qtbot: Any, ctx: ServiceContext, **kwargs: Any) -> TraineeDialog:
    dialog = TraineeDialog(ctx, today=TODAY, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _save_button(dialog: TraineeDialog) -> Any:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def _choose(dialog: TraineeDialog, name: str, value: object) -> None:
    combo = dialog.form.inputs[name]
    combo.setCurrentIndex(combo.findData(value))
    combo.activated.emit(combo.currentIndex())


def _fill(qtbot: Any, dialog: TraineeDialog, *, code: str, dni: str) -> None:
    _choose(dialog, "establishment_code", ESTABLISHMENTS[0][0])
    typed = {
        "inmate_code": code,
        "doc_number": dni,
        "paternal_surname": "Ñahui",
        "maternal_surname": "Cóndor",
        "given_names": "María Elena",
        "admission_date": "02/06/2019",
    }
    for name, text in typed.items():
        dialog.form.inputs[name].insert(text)  # as typed (keyClicks cannot type accents)
    _choose(dialog, "sex", "F")
    _choose(dialog, "legal_situation", "sentenciado")


def test_the_dni_problem_shows_beside_its_field_as_typed(qtbot: Any, ctx: ServiceContext) -> None:
    dialog = _dialog(qtbot, ctx)
    number = dialog.form.inputs["doc_number"]
    assert not _save_button(dialog).isEnabled()  # a blank form cannot be saved
    assert dialog.form.message("doc_number") == ""  # but is not a wall of red
    qtbot.keyClicks(number, "1234")
    assert dialog.form.message("doc_number") == (
        "El DNI tiene exactamente 8 dígitos (conserve los ceros iniciales, p. ej. 01234567)."
    )
    assert number.styleSheet() == FIELD_ERROR_STYLE
    assert dialog.form.messages["doc_number"].isVisibleTo(dialog)
    assert not _save_button(dialog).isEnabled()
    assert dialog.form.message("paternal_surname") == ""  # untouched: no message yet
    qtbot.keyClicks(number, "567a")
    assert dialog.form.message("doc_number") == "El DNI tiene solo dígitos."
    qtbot.keyClick(number, Qt.Key.Key_Backspace)
    qtbot.keyClicks(number, "8")
    assert dialog.form.message("doc_number") == ""
    assert number.styleSheet() == ""
    qtbot.keyClicks(dialog.form.inputs["paternal_surname"], "Quispe3")
    assert "letras" in dialog.form.message("paternal_surname")


def test_a_complete_form_saves_the_trainee(qtbot: Any, ctx: ServiceContext) -> None:
    dialog = _dialog(qtbot, ctx)
    _fill(qtbot, dialog, code="LUR-NEW-1", dni="41234567")
    qtbot.keyClicks(dialog.form.inputs["birth_date"], "31/02/1990")
    assert "dd/mm" in dialog.form.message("birth_date")
    assert not _save_button(dialog).isEnabled()
    dialog.form.inputs["birth_date"].setText("")
    qtbot.keyClicks(dialog.form.inputs["birth_date"], "22/07/1979")
    assert _save_button(dialog).isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        _save_button(dialog).click()
    saved = dialog.saved
    assert saved is not None
    assert (saved.inmate_code, saved.doc_number, saved.birth_date) == (
        "LUR-NEW-1",
        "41234567",
        date(1979, 7, 22),
    )
    with ctx.reading() as uow:
        assert trainees.get_trainee(uow, ctx.actor, saved.id).given_names == "María Elena"


def test_a_duplicate_document_is_refused_naming_the_trainee_who_has_it(
    qtbot: Any, ctx: ServiceContext, sample: Sample
) -> None:
    holder = next(
        t
        for t in sample.trainees
        if t["doc_number"] and t["establishment_id"] == sample.establishment_ids[0]
    )
    with ctx.reading() as uow:
        before = uow.session.scalar(select(func.count(Trainee.id)))
    dialog = _dialog(qtbot, ctx)
    _fill(qtbot, dialog, code="LUR-NEW-2", dni=holder["doc_number"])
    _save_button(dialog).click()
    assert dialog.isVisible()
    assert dialog.saved is None
    message = dialog.form.message("doc_number")
    assert holder["paternal_surname"] in message
    assert holder["inmate_code"] in message
    assert dialog.form.inputs["doc_number"].styleSheet() == FIELD_ERROR_STYLE
    with ctx.reading() as uow:
        assert uow.session.scalar(select(func.count(Trainee.id))) == before


def test_without_a_document_the_number_is_closed(qtbot: Any, ctx: ServiceContext) -> None:
    dialog = _dialog(qtbot, ctx)
    _fill(qtbot, dialog, code="LUR-NEW-3", dni="1234")
    assert not _save_button(dialog).isEnabled()
    _choose(dialog, "doc_type", DocumentType.NONE)
    number = dialog.form.inputs["doc_number"]
    assert not number.isEnabled()
    assert number.text() == ""
    assert dialog.form.message("doc_number") == ""
    assert _save_button(dialog).isEnabled()


def test_the_redemption_case_is_chosen_only_by_who_may(
    qtbot: Any, ctx: ServiceContext, sample: Sample
) -> None:
    with ctx.writing() as uow:
        load_catalogues(uow, Actor.system(), holiday_years=range(2026, 2027))
        uow.commit()
    trainee = sample.trainees[1]["id"]
    supervisor = Actor(
        user_id=None,
        username="sup",
        role=Role.SUPERVISOR,
        workshop_ids=frozenset({sample.trainees[1]["workshop_id"]}),
    )
    limited = _dialog(qtbot, ServiceContext(ctx.database, supervisor), trainee_id=trainee)
    assert not limited.form.inputs["redemption_rule"].isEnabled()
    dialog = _dialog(qtbot, ctx, trainee_id=trainee)
    picker = dialog.form.inputs["redemption_rule"]
    assert picker.isEnabled()
    assert picker.count() > 2
    picker.setCurrentIndex(1)  # the first case in force
    chosen = picker.currentData()
    assert not dialog.form.inputs["establishment_code"].isEnabled()  # transfer instead
    with qtbot.waitSignal(dialog.accepted):
        _save_button(dialog).click()
    with ctx.reading() as uow:
        assert trainees.get_trainee(uow, ctx.actor, trainee).redemption_rule_id == chosen


@pytest.fixture
def view(qtbot: Any, ctx: ServiceContext) -> TraineesView:
    trainees_view = TraineesView(ctx)
    qtbot.addWidget(trainees_view)
    trainees_view.resize(1200, 700)
    trainees_view.show()
    trainees_view.load()
    qtbot.waitUntil(trainees_view.is_ready)
    return trainees_view


def _select(view: TraineesView, inmate_code: str) -> None:
    view.search.setText(inmate_code)
    view.reload()
    view.table.selectRow(0)
    assert view.actions_bar.selected() is not None


def test_enter_on_a_row_edits_it_and_new_opens_a_blank_form(
    qtbot: Any, view: TraineesView, sample: Sample, monkeypatch: Any
) -> None:
    asked: list[int | None] = []
    monkeypatch.setattr(
        TraineeDialog,
        "ask",
        classmethod(lambda cls, ctx, parent=None, trainee_id=None: asked.append(trainee_id)),
    )
    actions = view.actions_bar
    assert not actions.edit_action.isEnabled()  # nobody selected yet
    _select(view, sample.trainees[5]["inmate_code"])
    view.table.setCurrentIndex(view.model.index(0, 1))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    actions.new_action.trigger()
    assert asked == [sample.trainees[5]["id"], None]
    assert actions.new_action.shortcut().toString() == "Ctrl+N"


def test_a_new_trainee_is_shown_and_selected(
    qtbot: Any, view: TraineesView, ctx: ServiceContext, monkeypatch: Any
) -> None:
    def ask(cls: Any, context: Any, parent: Any = None, trainee_id: Any = None) -> Any:
        dialog = _dialog(qtbot, context)
        _fill(qtbot, dialog, code="LUR-NEW-4", dni="04417552")
        dialog.save()
        return dialog.saved

    monkeypatch.setattr(TraineeDialog, "ask", classmethod(ask))
    view.actions_bar.new_action.trigger()
    assert view.model.rowCount() == 1
    assert view.actions_bar.selected().inmate_code == "LUR-NEW-4"  # type: ignore[union-attr]
    assert "Ñahui" in view.detail.toPlainText()


def _run_with(monkeypatch: Any, fill: Any) -> list[Any]:
    """Patch RecordDialog.run: fill the dialog as a user would, press OK, keep the result."""
    results: list[Any] = []

    def run(cls: Any, dialog: RecordDialog) -> Any:
        fill(dialog)
        dialog.accept_form()
        results.append(dialog.result_row)
        return dialog.result_row

    monkeypatch.setattr(RecordDialog, "run", classmethod(run))
    return results


def test_enrolling_in_a_full_workshop_says_it_went_to_the_waiting_list(
    view: TraineesView, ctx: ServiceContext, sample: Sample, monkeypatch: Any, shown_messages: Any
) -> None:
    free = next(t for t in sample.trainees if "workshop_id" not in t)
    with ctx.writing() as uow:
        workshop = uow.session.scalars(
            select(Workshop).where(Workshop.establishment_id == free["establishment_id"])
        ).first()
        assert workshop is not None
        active = uow.session.scalar(
            select(func.count(Enrolment.id)).where(
                Enrolment.workshop_id == workshop.id, Enrolment.state == EnrolmentState.ACTIVO
            )
        )
        uow.session.execute(
            update(Workshop).where(Workshop.id == workshop.id).values(capacity=active)
        )
        uow.commit()
        target = workshop.id

    def fill(dialog: EnrolDialog) -> None:
        dialog.workshop.setCurrentIndex(dialog.workshop.findData(target))

    results = _run_with(monkeypatch, fill)
    _select(view, free["inmate_code"])
    view.actions_bar.enrol_action.trigger()
    assert results[0].state is EnrolmentState.EN_ESPERA
    ((kind, _title, text),) = shown_messages
    assert kind is Kind.INFO
    assert str(results[0].queue_position) in text
    shown_messages.clear()
    assert "En espera" in view.detail.toPlainText()  # the record shows the enrolment


def test_a_state_change_needs_a_reason(qtbot: Any, ctx: ServiceContext, sample: Sample) -> None:
    enrolled = next(t for t in sample.trainees if "workshop_id" in t)
    with ctx.reading() as uow:
        detail = browse.trainee_detail(uow, ctx.actor, enrolled["id"])
    dialog = StateChangeDialog(ctx, detail, today=TODAY)
    qtbot.addWidget(dialog)
    if dialog.enrolment.count() == 0:
        pytest.skip("the sample trainee has no open enrolment")
    dialog.state.setCurrentIndex(dialog.state.findData(EnrolmentState.RETIRADO))
    dialog.accept_form()
    assert dialog.result_row is None
    assert dialog.form.message("reason") != ""
    dialog.reason.setText("Pidió su retiro")
    dialog.accept_form()
    assert dialog.result_row.state is EnrolmentState.RETIRADO


def test_a_transfer_moves_the_trainee_and_says_so(
    view: TraineesView, ctx: ServiceContext, sample: Sample, monkeypatch: Any
) -> None:
    moved = sample.trainees[0]  # in the first establishment

    def fill(dialog: TransferDialog) -> None:
        dialog.target.setCurrentIndex(dialog.target.findData(ESTABLISHMENTS[2][0]))
        if dialog.reason.text() == "":
            dialog.accept_form()  # refused: the reason is missing
            assert dialog.form.message("reason") != ""
        dialog.reason.setText("Traslado por seguridad")

    results = _run_with(monkeypatch, fill)
    _select(view, moved["inmate_code"])
    view.actions_bar.transfer_action.trigger()
    assert results[0].establishment_code == ESTABLISHMENTS[2][0]
    with ctx.reading() as uow:
        assert (
            browse.trainee_detail(uow, ctx.actor, moved["id"]).establishment_code
            == (ESTABLISHMENTS[2][0])
        )


def test_the_redemption_record_opens_in_the_preview_and_is_audited(
    view: TraineesView, ctx: ServiceContext, sample: Sample, monkeypatch: Any
) -> None:
    trainee = next(t for t in sample.trainees if "workshop_id" in t)
    with ctx.writing() as uow:
        load_catalogues(uow, Actor.system(), holiday_years=range(2026, 2027))
        choices = redemption.redemption_case_choices(uow, ctx.actor)
        trainees.set_redemption_case(uow, ctx.actor, trainee["id"], choices[0].id)
        uow.commit()
    shown: list[tuple[bytes, str]] = []
    monkeypatch.setattr(
        PdfPreviewDialog,
        "show_pdf",
        classmethod(lambda cls, parent, pdf, name, title: shown.append((pdf, name))),
    )
    _run_with(monkeypatch, lambda dialog: None)
    _select(view, trainee["inmate_code"])
    view.actions_bar.redemption_action.trigger()
    ((pdf, name),) = shown
    assert pdf.startswith(b"%PDF")
    assert name == f"redencion-{trainee['inmate_code']}.pdf"
    with ctx.reading() as uow:
        assert audit.count_audit_entries(uow, ctx.actor, entity="redemption_record") == 1


def test_a_read_only_user_gets_no_action_that_writes(
    qtbot: Any, ctx: ServiceContext, sample: Sample
) -> None:
    viewer = ServiceContext(ctx.database, Actor(user_id=None, username="ver", role=Role.CONSULTA))
    read_only = TraineesView(viewer)
    qtbot.addWidget(read_only)
    read_only.load()
    qtbot.waitUntil(read_only.is_ready)
    read_only.table.selectRow(0)
    actions = read_only.actions_bar
    assert actions.redemption_action.isEnabled()  # printing is reading
    for action in (
        actions.new_action,
        actions.edit_action,
        actions.transfer_action,
        actions.enrol_action,
        actions.state_action,
        actions.import_action,
    ):
        assert not action.isEnabled(), action.text()
