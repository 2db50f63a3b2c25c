"""Emitir certificados: candidates with what they lack, the passphrase, the batch job
with its progress and Cancel, and the paper (one PDF or one file per person)."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from carceles_desktop.services import certificate_batch, certificate_eligibility
from carceles_desktop.ui.dialogs.assessment_dialog import AssessmentDialog
from carceles_desktop.ui.dialogs.issue_dialog import IssueDialog
from carceles_desktop.ui.dialogs.issue_output import OutputChoice
from carceles_desktop.ui.dialogs.signing_passphrase import SigningPassphraseDialog
from carceles_desktop.ui.dialogs.small_form import SmallForm
from carceles_desktop.ui.messages import Kind
from carceles_desktop.ui.models.candidates_table import MISSING, NAME
from carceles_desktop.ui.views.certificates_view import CertificatesView
from tests.helpers.certificate_world import ADMIN
from tests.ui.certificate_fixtures import (  # noqa: F401 - fixtures
    PASSPHRASE,
    TODAY,
    Course,
    course_fixture,
    pdf_pages,
    previews_fixture,
)

JOB_MS = 20_000


@pytest.fixture
def dialog(qtbot: Any, course: Course) -> IssueDialog:
    window = IssueDialog(course.ctx, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    assert window.choose_workshop(course.world.workshop_id)
    return window


@pytest.fixture
def passphrase(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The passphrase dialog answered with ``PASSPHRASE`` (the texts it showed recorded)."""
    asked: list[str] = []

    def answer(cls: Any, parent: Any, *, text: str) -> str:
        asked.append(text)
        return PASSPHRASE

    monkeypatch.setattr(SigningPassphraseDialog, "ask", classmethod(answer))
    return asked


def _row(dialog: IssueDialog, name: str) -> int:
    names = [dialog.candidates.index(r, NAME).data() for r in range(dialog.candidates.rowCount())]
    return names.index(name)


def test_candidates_are_checkable_only_when_eligible_and_say_what_is_missing(
    dialog: IssueDialog, qtmodeltester: Any
) -> None:
    model = dialog.candidates
    qtmodeltester.check(model)
    names = [model.index(r, NAME).data() for r in range(model.rowCount())]
    assert names == [
        "Cóndor, Ángel",
        "Núñez Peña, José Óscar",
        "Quispe Ñahuincopa, María de los Ángeles",
        "Torres Huamán, Luis",
    ]
    checkable = [
        bool(model.flags(model.index(r, NAME)) & Qt.ItemFlag.ItemIsUserCheckable)
        for r in range(model.rowCount())
    ]
    assert checkable == [False, False, True, True]
    short = _row(dialog, "Cóndor, Ángel")
    missing = model.index(short, MISSING).data()
    assert "12" in missing
    assert "30" in missing  # 12 hours worked of the 30 required
    assert "M2" in missing
    tooltip = model.index(short, NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.count("•") == 2  # hours, and M2 not passed (M3 is optional)
    assert len(model.checked_ids()) == 2
    assert dialog.issue_button.isEnabled()


def test_issue_two_in_one_job_then_preview_a_two_page_pdf(
    qtbot: Any,
    dialog: IssueDialog,
    course: Course,
    passphrase: list[str],
    previews: list[Any],
) -> None:
    with qtbot.waitSignal(dialog.issued, timeout=JOB_MS) as issued:
        dialog.issue_button.click()
    result = issued.args[0]
    assert not result.cancelled
    assert [row.number for row in result.issued] == [
        "EP-LURIGANCHO-2026-000001",
        "EP-LURIGANCHO-2026-000002",
    ]
    assert "2" in passphrase[0]
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=JOB_MS)
    pdf, _name, _title = previews[0]
    assert pdf_pages(pdf) == 2
    assert len(course.registry()) == 2
    # The two certified are no longer candidates; the list was judged again.
    assert dialog.candidates.rowCount() == 2
    assert dialog.candidates.checked_ids() == []
    assert dialog.print_button.isEnabled()


def test_cancel_during_the_issue_leaves_nothing_issued(
    qtbot: Any,
    dialog: IssueDialog,
    course: Course,
    passphrase: list[str],
    previews: list[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first_done, cancelled = threading.Event(), threading.Event()
    real = certificate_batch.issue_certificate

    def slow(*args: Any, **kwargs: Any) -> Any:
        row = real(*args, **kwargs)
        first_done.set()
        assert cancelled.wait(10)  # the user presses Cancel after the first certificate
        return row

    monkeypatch.setattr(certificate_batch, "issue_certificate", slow)
    with qtbot.waitSignal(dialog.issued, timeout=JOB_MS) as issued:
        dialog.issue_button.click()
        qtbot.waitUntil(first_done.is_set, timeout=JOB_MS)
        job = dialog.job
        assert job is not None
        assert job.isVisible()
        assert job.note.text()  # it says what Cancel does
        job.cancel_button.click()
        cancelled.set()
    assert issued.args[0].cancelled
    assert course.registry() == []
    assert previews == []
    assert not dialog.is_busy()
    # The numbers went back: the next batch starts at 1.
    assert course.issue("ready").issued[0].number == "EP-LURIGANCHO-2026-000001"


def test_a_wrong_passphrase_issues_nothing(
    qtbot: Any,
    dialog: IssueDialog,
    course: Course,
    monkeypatch: pytest.MonkeyPatch,
    shown_messages: list[Any],
) -> None:
    monkeypatch.setattr(
        SigningPassphraseDialog, "ask", classmethod(lambda cls, parent, *, text: "no es la clave")
    )
    dialog.issue_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy() and bool(shown_messages), timeout=JOB_MS)
    ((kind, _title, _text),) = shown_messages
    assert kind in (Kind.WARNING, Kind.ERROR)
    shown_messages.clear()
    assert course.registry() == []


def test_one_file_per_person_into_a_folder(
    qtbot: Any,
    dialog: IssueDialog,
    passphrase: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown_messages: list[Any],
) -> None:
    folder = tmp_path / "certificados"
    folder.mkdir()
    monkeypatch.setattr(
        OutputChoice, "choose_folder", classmethod(lambda cls, parent, start: str(folder))
    )
    dialog.output.per_person.setChecked(True)
    with qtbot.waitSignal(dialog.printed, timeout=JOB_MS) as printed:
        dialog.issue_button.click()
    assert sorted(path.name for path in printed.args[0]) == [
        "EP-LURIGANCHO-2026-000001 Quispe Ñahuincopa María de los Ángeles.pdf",
        "EP-LURIGANCHO-2026-000002 Torres Huamán Luis.pdf",
    ]
    assert all(pdf_pages(path.read_bytes()) == 1 for path in folder.iterdir())
    ((kind, _title, text),) = shown_messages
    assert kind is Kind.INFO
    assert "2" in text
    shown_messages.clear()


def test_issue_with_an_exception_for_an_enrolment_not_yet_culminated(
    qtbot: Any,
    dialog: IssueDialog,
    course: Course,
    previews: list[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog.table.selectRow(_row(dialog, "Núñez Peña, José Óscar"))
    assert dialog.override_button.isEnabled()

    def answer(cls: Any, parent: Any, title: str, intro: str, fields: Any, submit: Any, **_: Any):
        return submit({"reason": "Liberado tras completar los módulos", "passphrase": PASSPHRASE})

    monkeypatch.setattr(SmallForm, "ask", classmethod(answer))
    dialog.override_button.click()
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=JOB_MS)
    (issued,) = course.registry()
    assert issued.trainee_name == "José Óscar Núñez Peña"


def test_an_assessment_from_the_candidates_makes_a_trainee_closer_to_eligible(
    qtbot: Any, course: Course
) -> None:
    enrolment = course.world.enrolments["short"]
    form = AssessmentDialog(course.ctx, "Ángel Cóndor", [(enrolment, "PAN-01")], today=TODAY)
    qtbot.addWidget(form)
    assert form.choose_competency(course.world.competencies["M2"])
    form.day.setDate(form.day.date().fromString("25/03/2026", "dd/MM/yyyy"))
    form.grade.setValue(17)
    form.evaluator.setText("Juana Ccori Mamani")
    form.save()
    assert form.saved is not None
    assert form.saved.passed
    with course.ctx.reading() as uow:
        judged = certificate_eligibility.eligibility(uow, ADMIN, enrolment)
    assert not judged.missing_competencies
    # A day after the enrolment ended is refused under the date field.
    form.day.setDate(form.day.date().fromString("20/11/2026", "dd/MM/yyyy"))
    form.save()
    assert form.errors.message("on") != ""


def test_the_assessment_form_refuses_a_missing_evaluator_under_its_field(
    qtbot: Any, course: Course
) -> None:
    enrolment = course.world.enrolments["short"]
    form = AssessmentDialog(course.ctx, "Ángel Cóndor", [(enrolment, "PAN-01")], today=TODAY)
    qtbot.addWidget(form)
    form.result_group.button(1).setChecked(True)  # passed, without a grade
    form.day.setDate(form.day.date().fromString("26/03/2026", "dd/MM/yyyy"))
    form.save()
    assert form.saved is None
    assert form.errors.message("evaluator") != ""
    assert date(2026, 3, 26) <= TODAY


def test_the_passphrase_is_typed_in_a_password_field(qtbot: Any) -> None:
    asked = SigningPassphraseDialog(None, text="Escriba la frase.")
    qtbot.addWidget(asked)
    assert asked.passphrase.echoMode() == QLineEdit.EchoMode.Password
    asked.take()  # nothing typed: it stays open and says so
    assert not asked.error.isHidden()


def test_the_registry_opens_the_issue_dialog_and_lists_what_it_issued(
    qtbot: Any, course: Course, passphrase: list[str], previews: list[Any]
) -> None:
    view = CertificatesView(course.ctx, today=TODAY)
    qtbot.addWidget(view)
    view.show()
    view.load()
    qtbot.waitUntil(view.is_ready)
    assert view.model.rowCount() == 0
    view.issue_button.click()
    dialog = view.issue_dialog
    assert dialog.isVisible()
    assert dialog.choose_workshop(course.world.workshop_id)
    with qtbot.waitSignal(dialog.issued, timeout=JOB_MS):
        dialog.issue_button.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2 and view.is_ready())
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=JOB_MS)
    dialog.reject()
