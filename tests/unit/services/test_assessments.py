"""Recording assessments: vigesimal grades and the pass grade, pass/fail, dates, scope."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from carceles_desktop.domain.users import AuditEntry
from carceles_desktop.errors import Conflict, PermissionDenied, ValidationError
from carceles_desktop.services import assessments
from carceles_desktop.services.settings import update_settings
from carceles_desktop.storage.unit_of_work import Database
from tests.helpers.certificate_world import ADMIN, EVALUATOR, TODAY, World, seeded_database


@pytest.fixture
def place(tmp_path: Path) -> Iterator[tuple[Database, World]]:
    database, world = seeded_database(tmp_path)
    yield database, world
    database.dispose()


def _record(world: World, uow: object, **overrides: object) -> assessments.AssessmentRow:
    values: dict[str, object] = {
        "on": date(2026, 3, 30),
        "grade": 12,
        "passed": None,
        "evaluator": "Rosa Pari",
        "today": TODAY,
    }
    values.update(overrides)
    enrolment = values.pop("enrolment", world.enrolments["short"])
    competency = values.pop("competency", world.competencies["M2"])
    actor = values.pop("actor", world.supervisor)
    return assessments.record_assessment(uow, actor, enrolment, competency, **values)  # type: ignore[arg-type]


def test_a_grade_decides_the_pass_with_the_setting(place: tuple[Database, World]) -> None:
    database, world = place
    with database.unit_of_work() as uow:
        assert _record(world, uow, grade=11).passed is True
        assert _record(world, uow, grade=10, on=date(2026, 3, 31)).passed is False
        update_settings(uow, ADMIN, pass_grade=13)
        row = _record(world, uow, competency=world.competencies["M3"], grade=12)
        assert (row.grade, row.passed, row.competency_code) == (12, False, "M3")


def test_pass_fail_without_grade(place: tuple[Database, World]) -> None:
    database, world = place
    with database.unit_of_work() as uow:
        row = _record(world, uow, grade=None, passed=True)
        assert (row.grade, row.passed) == (None, True)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"grade": 21}, "grade"),
        ({"grade": -1}, "grade"),
        ({"grade": None, "passed": None}, "grade"),
        ({"grade": 15, "passed": False}, "passed"),
        ({"grade": 5, "passed": True}, "passed"),
        ({"on": date(2026, 12, 1)}, "on"),
        ({"on": date(2026, 3, 1)}, "on"),
        ({"on": date(2026, 4, 1)}, "on"),
        ({"evaluator": "  "}, "evaluator"),
    ],
)
def test_bad_input_names_the_field(
    place: tuple[Database, World], overrides: dict[str, object], field: str
) -> None:
    database, world = place
    with database.unit_of_work() as uow, pytest.raises(ValidationError) as caught:
        _record(world, uow, **overrides)
    assert caught.value.field == field


def test_competency_must_belong_to_the_workshops_trade(place: tuple[Database, World]) -> None:
    database, world = place
    with database.unit_of_work() as uow:
        from carceles_desktop.services.catalogues import list_competencies

        carpentry = list_competencies(uow, "CARPINTERIA")[0]
        with pytest.raises(ValidationError) as caught:
            _record(world, uow, competency=carpentry.id)
        assert caught.value.field == "competency"


def test_one_assessment_a_day_per_competency(place: tuple[Database, World]) -> None:
    database, world = place
    with database.unit_of_work() as uow:
        _record(world, uow)
        with pytest.raises(Conflict):
            _record(world, uow, grade=15)


def test_supervisor_only_in_his_workshops(place: tuple[Database, World]) -> None:
    database, world = place
    with database.unit_of_work() as uow:
        with pytest.raises(PermissionDenied):
            _record(world, uow, actor=world.other_supervisor)
        with pytest.raises(PermissionDenied):
            _record(world, uow, actor=world.consulta)
        with pytest.raises(PermissionDenied):
            _record(world, uow, actor=world.jefe, enrolment=world.enrolments["foreign"])


def test_update_and_list_in_teaching_order(place: tuple[Database, World]) -> None:
    database, world = place
    with database.unit_of_work() as uow:
        listed = assessments.list_assessments(uow, world.jefe, world.enrolments["short"])
        assert [(a.competency_code, a.grade, a.passed) for a in listed] == [
            ("M1", 11, True),
            ("M2", 8, False),
        ]
        fixed = assessments.update_assessment(
            uow,
            world.supervisor,
            listed[1].id,
            on=listed[1].assessed_on,
            grade=14,
            passed=None,
            evaluator=EVALUATOR,
            reason="Error de transcripción del acta",
            today=TODAY,
        )
        assert (fixed.grade, fixed.passed) == (14, True)
        again = assessments.list_assessments(uow, world.jefe, world.enrolments["short"])
        assert [a.passed for a in again] == [True, True]


def test_a_correction_needs_a_reason_and_the_audit_keeps_it(
    place: tuple[Database, World],
) -> None:
    database, world = place
    with database.unit_of_work() as uow:
        listed = assessments.list_assessments(uow, world.jefe, world.enrolments["short"])
        wrong = listed[1]
        with pytest.raises(ValidationError) as refused:
            assessments.update_assessment(
                uow,
                world.supervisor,
                wrong.id,
                on=wrong.assessed_on,
                grade=14,
                passed=None,
                evaluator=EVALUATOR,
                reason="   ",
                today=TODAY,
            )
        assert refused.value.field == "reason"
        assessments.update_assessment(
            uow,
            world.supervisor,
            wrong.id,
            on=wrong.assessed_on,
            grade=14,
            passed=None,
            evaluator=EVALUATOR,
            reason="Error de transcripción del acta",
            today=TODAY,
        )
        entry = uow.session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert entry is not None
        assert entry.action == "update"
        assert "Error de transcripción del acta" in entry.summary
        changes = json.loads(entry.changes)
        assert changes["grade"] == [8, 14]
        assert changes["passed"] == [False, True]
        assert changes["reason"] == "Error de transcripción del acta"
