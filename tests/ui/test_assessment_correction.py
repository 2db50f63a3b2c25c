"""Corregir evaluación: a wrong result set right with a reason, refusals under their field."""

from __future__ import annotations

from typing import Any

import pytest

from carceles_desktop.services import assessments, certificate_eligibility
from carceles_desktop.services.assessments import AssessmentRow
from carceles_desktop.ui.dialogs import assessment_correction
from carceles_desktop.ui.dialogs.assessment_correction import (
    CorrectAssessmentDialog,
    choice_text,
    correct_for_trainee,
)
from carceles_desktop.ui.messages import Kind
from carceles_desktop.ui.widgets.assessment_result import FAILED
from tests.helpers.certificate_world import ADMIN
from tests.ui.certificate_fixtures import TODAY, Course, course_fixture  # noqa: F401


def _listed(course: Course, key: str) -> list[AssessmentRow]:
    with course.ctx.reading() as uow:
        return assessments.list_assessments(uow, ADMIN, course.world.enrolments[key])


def _dialog(qtbot: Any, course: Course) -> CorrectAssessmentDialog:
    choices = [(row, choice_text("PAN-01", row)) for row in _listed(course, "short")]
    dialog = CorrectAssessmentDialog(course.ctx, "Ángel Cóndor", choices, today=TODAY)
    qtbot.addWidget(dialog)
    return dialog


def test_the_chosen_assessment_fills_the_form(qtbot: Any, course: Course) -> None:
    dialog = _dialog(qtbot, course)
    assert dialog.assessment.count() == 2
    assert "M1" in dialog.assessment.itemText(0)
    assert dialog.result_input.grade_value() == 11
    dialog.assessment.setCurrentIndex(1)  # M2, failed with 8
    assert dialog.result_input.grade_value() == 8
    assert dialog.evaluator.text() == dialog.chosen().evaluator


def test_a_correction_without_a_reason_is_refused_and_changes_nothing(
    qtbot: Any, course: Course
) -> None:
    dialog = _dialog(qtbot, course)
    dialog.assessment.setCurrentIndex(1)
    dialog.result_input.grade.setValue(15)
    dialog.save()
    assert dialog.saved is None
    assert dialog.errors.message("reason") == "Indique el motivo del cambio."
    assert [a.grade for a in _listed(course, "short")] == [11, 8]


def _missing(course: Course) -> set[str]:
    with course.ctx.reading() as uow:
        judged = certificate_eligibility.eligibility(uow, ADMIN, course.world.enrolments["short"])
    return {c.code for c in judged.missing_competencies}


def test_a_corrected_grade_makes_the_module_passed(qtbot: Any, course: Course) -> None:
    assert "M2" in _missing(course)
    dialog = _dialog(qtbot, course)
    dialog.assessment.setCurrentIndex(1)
    dialog.result_input.grade.setValue(15)
    dialog.reason.setText("La nota se copió mal del acta")
    dialog.save()
    assert dialog.saved is not None
    assert (dialog.saved.grade, dialog.saved.passed) == (15, True)
    assert "M2" not in _missing(course)


def test_a_pass_can_become_a_fail_without_grade(qtbot: Any, course: Course) -> None:
    dialog = _dialog(qtbot, course)
    dialog.result_input.group.button(FAILED).setChecked(True)
    dialog.reason.setText("Se registró en el módulo equivocado")
    dialog.save()
    assert dialog.saved is not None
    assert (dialog.saved.grade, dialog.saved.passed) == (None, False)


def test_a_trainee_without_assessments_is_told_so(
    course: Course, monkeypatch: pytest.MonkeyPatch, shown_messages: list[Any]
) -> None:
    monkeypatch.setattr(
        CorrectAssessmentDialog, "ask", classmethod(lambda *a, **k: pytest.fail("no dialog"))
    )
    monkeypatch.setattr(
        assessment_correction.assessments, "list_assessments", lambda uow, actor, key: []
    )
    assert not correct_for_trainee(course.ctx, None, course.world.trainees["plain"])  # type: ignore[arg-type]
    ((kind, _title, text),) = shown_messages
    assert kind is Kind.INFO
    assert "no tiene evaluaciones que corregir" in text
    shown_messages.clear()


def test_the_form_shows_under_the_trainee_name(qtbot: Any, course: Course, tmp_path: Any) -> None:
    dialog = _dialog(qtbot, course)
    dialog.assessment.setCurrentIndex(1)
    dialog.save()  # no reason: the message shows under its field
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.grab().save(str(tmp_path / "correction.png"))
    assert dialog.errors.message("reason")


def test_every_assessment_of_the_trainee_is_offered(
    course: Course, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[Any] = []

    def ask(cls: Any, ctx: Any, name: str, choices: Any, parent: Any = None, **_: Any) -> Any:
        offered.extend(choices)
        return choices[0][0]

    monkeypatch.setattr(CorrectAssessmentDialog, "ask", classmethod(ask))
    assert correct_for_trainee(course.ctx, None, course.world.trainees["short"])  # type: ignore[arg-type]
    assert [row.id for row, _ in offered] == [a.id for a in _listed(course, "short")]
    assert all("PAN-01" in text or "Panadería" in text for _, text in offered)
