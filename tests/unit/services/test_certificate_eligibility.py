"""Eligibility: each missing thing is named; retakes count; lists for the screen."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import delete

from carceles_desktop.domain.enrolments import Assessment, Attendance
from carceles_desktop.domain.enums import EnrolmentState
from carceles_desktop.errors import PermissionDenied
from carceles_desktop.services import assessments, certificates, competencies
from carceles_desktop.services.certificate_eligibility import eligibility, eligible_enrolments
from carceles_desktop.storage.unit_of_work import Database
from tests.helpers.certificate_world import (
    ADMIN,
    EVALUATOR,
    ISSUE_DAY,
    PASSPHRASE,
    TODAY,
    World,
    seeded_database,
)


@pytest.fixture
def place(tmp_path: Path) -> Iterator[tuple[Database, World]]:
    database, world = seeded_database(tmp_path)
    yield database, world
    database.dispose()


def test_a_complete_graduate_is_eligible(place: tuple[Database, World]) -> None:
    database, world = place
    with database.unit_of_work(read_only=True) as uow:
        judged = eligibility(uow, world.jefe, world.enrolments["ready"])
    assert judged.eligible
    assert judged.missing == ()
    assert (judged.hours, judged.required_hours) == (Decimal("36.00"), 30)
    assert [c.code for c in judged.passed_competencies] == ["M1", "M2", "M3"]
    assert judged.missing_competencies == ()
    assert judged.trainee_name == "Quispe Ñahuincopa, María de los Ángeles"


def test_short_hours_and_a_failed_module_are_both_named(place: tuple[Database, World]) -> None:
    database, world = place
    with database.unit_of_work(read_only=True) as uow:
        judged = eligibility(uow, world.jefe, world.enrolments["short"])
    assert not judged.eligible
    assert not judged.needs_override
    texts = judged.missing_texts()
    assert texts == [
        "12 hours worked of the 30 required (18 missing).",
        "Competency M2 “Elaboración de panes” is not passed (last assessed on 2026-03-21).",
    ]
    assert [c.code for c in judged.missing_competencies] == ["M2"]
    assert judged.missing[0].params == {"hours": "12", "required": 30, "short": "18"}


def test_a_module_never_assessed_is_named(place: tuple[Database, World]) -> None:
    database, world = place
    with database.unit_of_work() as uow:
        uow.session.execute(
            delete(Assessment).where(
                Assessment.enrolment_id == world.enrolments["plain"],
                Assessment.competency_id == world.competencies["M1"],
            )
        )
        judged = eligibility(uow, world.jefe, world.enrolments["plain"])
    assert judged.missing_texts() == ["Competency M1 “Higiene e inocuidad” is not assessed yet."]


def test_an_open_enrolment_needs_only_the_override(place: tuple[Database, World]) -> None:
    database, world = place
    with database.unit_of_work(read_only=True) as uow:
        judged = eligibility(uow, world.jefe, world.enrolments["active"])
    assert not judged.eligible
    assert judged.needs_override
    assert judged.missing[0].params == {"state": EnrolmentState.ACTIVO.value}
    assert len(judged.missing) == 1


def test_the_latest_assessment_counts(place: tuple[Database, World]) -> None:
    database, world = place
    with database.unit_of_work() as uow:
        # A retake passes M2 for "short"; a later failure un-passes M1 for "ready".
        assessments.record_assessment(
            uow,
            ADMIN,
            world.enrolments["short"],
            world.competencies["M2"],
            on=date(2026, 3, 30),
            grade=13,
            passed=None,
            evaluator=EVALUATOR,
            today=TODAY,
        )
        assessments.record_assessment(
            uow,
            ADMIN,
            world.enrolments["ready"],
            world.competencies["M1"],
            on=date(2026, 3, 30),
            grade=None,
            passed=False,
            evaluator=EVALUATOR,
            today=TODAY,
        )
        short = eligibility(uow, world.jefe, world.enrolments["short"])
        ready = eligibility(uow, world.jefe, world.enrolments["ready"])
    assert [c.code for c in short.missing_competencies] == []
    assert len(short.missing) == 1  # only the hours remain
    assert [c.code for c in ready.missing_competencies] == ["M1"]
    assert ready.missing[0].params["day"] == "2026-03-30"


def test_optional_modules_do_not_block(place: tuple[Database, World]) -> None:
    database, world = place
    with database.unit_of_work(read_only=True) as uow:
        judged = eligibility(uow, world.jefe, world.enrolments["plain"])
    assert judged.eligible
    m3 = [c for c in judged.competencies if c.code == "M3"][0]
    assert (m3.required, m3.passed, m3.assessed_on) == (False, False, None)


def test_a_trade_without_modules_needs_some_hours(place: tuple[Database, World]) -> None:
    database, world = place
    with database.unit_of_work() as uow:
        for competency_id in world.competencies.values():
            competencies.update_competency(uow, ADMIN, competency_id, active=False)
        assert eligibility(uow, world.jefe, world.enrolments["short"]).eligible
        uow.session.execute(
            delete(Attendance).where(Attendance.enrolment_id == world.enrolments["short"])
        )
        judged = eligibility(uow, world.jefe, world.enrolments["short"])
    assert (judged.required_hours, judged.eligible) == (0, False)
    assert judged.missing_texts() == ["No hours of work are recorded."]


def test_a_certified_enrolment_says_so(place: tuple[Database, World]) -> None:
    database, world = place
    with database.unit_of_work() as uow:
        row = certificates.issue_certificate(
            uow,
            world.jefe,
            world.enrolments["ready"],
            passphrase=PASSPHRASE,
            on=ISSUE_DAY,
            today=TODAY,
        )
        judged = eligibility(uow, world.jefe, world.enrolments["ready"])
        listed = eligible_enrolments(uow, world.jefe, world.workshop_id, include_ineligible=True)
    assert not judged.eligible
    assert judged.certificate_number == row.number
    assert judged.missing_texts() == [
        f"Certificate {row.number} was already issued for this enrolment."
    ]
    assert world.enrolments["ready"] not in [item.enrolment_id for item in listed]


def test_workshop_lists_by_name_and_respect_the_establishment(
    place: tuple[Database, World],
) -> None:
    database, world = place
    with database.unit_of_work(read_only=True) as uow:
        ready = eligible_enrolments(uow, world.supervisor, world.workshop_id)
        everyone = eligible_enrolments(
            uow, world.supervisor, world.workshop_id, include_ineligible=True
        )
        with pytest.raises(PermissionDenied):
            eligible_enrolments(uow, world.jefe, world.foreign_workshop_id)
    assert [item.inmate_code for item in ready] == ["INT-0001", "INT-0004"]
    assert [item.trainee_name for item in everyone] == [
        "Cóndor, Ángel",
        "Núñez Peña, José Óscar",
        "Quispe Ñahuincopa, María de los Ángeles",
        "Torres Huamán, Luis",
    ]
