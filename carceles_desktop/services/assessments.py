"""Assessments: a supervisor grades each competency of an enrolment.

A result is a grade on Peru's vigesimal scale (0 to 20; it passes from the pass grade, a
setting, 11 by default) or a plain pass/fail without grade.  A competency may be
assessed again (a retake): the latest assessment counts for eligibility.  Rules: the
competency belongs to the workshop's trade and is active, the day lies inside the
enrolment and not in the future, and one competency is assessed at most once a day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from sqlalchemy import select

from carceles_desktop.domain.catalogues import Competency
from carceles_desktop.domain.enrolments import Assessment, Enrolment
from carceles_desktop.domain.enums import EnrolmentState
from carceles_desktop.errors import Conflict, NotFound, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.commerce_common import required_text
from carceles_desktop.services.enrolments import check_establishment_scope, today_or
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.services.scope import check_reason
from carceles_desktop.services.settings import get_settings
from carceles_desktop.storage.unit_of_work import UnitOfWork

HIGHEST_GRADE = 20
_EVALUATOR_WIDTH = 120


@dataclass(frozen=True)
class AssessmentRow:
    """One assessment, with the competency it grades.

    Attributes:
        grade: 0 to 20, or None for a pass/fail result.
        passed: the result (from the grade and the pass grade when graded).
    """

    id: int
    uuid: UUID
    enrolment_id: int
    competency_id: int
    competency_code: str
    competency_name: str
    competency_hours: int
    required: bool
    assessed_on: date
    grade: int | None
    passed: bool
    evaluator: str


def _row(assessment: Assessment, competency: Competency) -> AssessmentRow:
    return AssessmentRow(
        id=assessment.id,
        uuid=assessment.uuid,
        enrolment_id=assessment.enrolment_id,
        competency_id=competency.id,
        competency_code=competency.code,
        competency_name=competency.name,
        competency_hours=competency.hours,
        required=competency.required,
        assessed_on=assessment.assessed_on,
        grade=assessment.grade,
        passed=assessment.passed,
        evaluator=assessment.evaluator,
    )


def _enrolment(uow: UnitOfWork, enrolment_id: int) -> Enrolment:
    enrolment = uow.session.get(Enrolment, enrolment_id)
    if enrolment is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no enrolment with the key {key}."),
            field="enrolment",
            key=enrolment_id,
        )
    return enrolment


def _competency(uow: UnitOfWork, enrolment: Enrolment, competency_id: int) -> Competency:
    competency = uow.session.get(Competency, competency_id)
    if competency is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no competency with the key {key}."),
            field="competency",
            key=competency_id,
        )
    if competency.trade_id != enrolment.workshop.trade_id:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The competency {code} is not part of the trade of {workshop}."
            ),
            field="competency",
            code=competency.code,
            workshop=enrolment.workshop.name,
        )
    if not competency.active:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The competency {code} is no longer taught."),
            field="competency",
            code=competency.code,
        )
    return competency


def _check_day(enrolment: Enrolment, on: date, today: date) -> None:
    if enrolment.state is EnrolmentState.EN_ESPERA:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The enrolment is on the waiting list; it has nothing to assess yet."
            ),
            field="enrolment",
        )
    if on > today:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The date {day} is in the future."),
            field="on",
            day=on.isoformat(),
        )
    if on < enrolment.starts_on or (enrolment.ends_on is not None and on > enrolment.ends_on):
        end = enrolment.ends_on.isoformat() if enrolment.ends_on else "…"
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The date {day} is outside the enrolment ({start} – {end})."
            ),
            field="on",
            day=on.isoformat(),
            start=enrolment.starts_on.isoformat(),
            end=end,
        )


def _result(uow: UnitOfWork, grade: int | None, passed: bool | None) -> tuple[int | None, bool]:
    """Return (grade, passed): the pass follows from the grade when there is one."""
    if grade is None:
        if passed is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Enter a grade from 0 to 20, or pass or fail."),
                field="grade",
            )
        return None, bool(passed)
    if isinstance(grade, bool) or not isinstance(grade, int) or not 0 <= grade <= HIGHEST_GRADE:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The grade must be a whole number from 0 to 20."),
            field="grade",
        )
    pass_grade = get_settings(uow).pass_grade
    from_grade = grade >= pass_grade
    if passed is not None and bool(passed) != from_grade:
        text = (
            QT_TRANSLATE_NOOP(
                "errors",
                "A grade of {grade} passes (the pass grade is {pass_grade}); it cannot be "
                "marked failed.",
            )
            if from_grade
            else QT_TRANSLATE_NOOP(
                "errors",
                "A grade of {grade} fails (the pass grade is {pass_grade}); it cannot be "
                "marked passed.",
            )
        )
        raise ValidationError(text, field="passed", grade=grade, pass_grade=pass_grade)
    return grade, from_grade


def _evaluator(evaluator: str) -> str:
    return required_text(
        evaluator,
        "evaluator",
        _EVALUATOR_WIDTH,
        QT_TRANSLATE_NOOP("errors", "Enter who assessed the competency."),
    )


def _same_day(
    uow: UnitOfWork, enrolment_id: int, competency: Competency, on: date, own_id: int | None
) -> None:
    query = select(Assessment.id).where(
        Assessment.enrolment_id == enrolment_id,
        Assessment.competency_id == competency.id,
        Assessment.assessed_on == on,
    )
    if own_id is not None:
        query = query.where(Assessment.id != own_id)
    if uow.session.scalar(query.limit(1)) is not None:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "errors",
                "The competency {code} was already assessed on {day}; correct that "
                "assessment instead.",
            ),
            field="on",
            code=competency.code,
            day=on.isoformat(),
        )


def _scoped_enrolment(uow: UnitOfWork, actor: Actor, enrolment_id: int) -> Enrolment:
    enrolment = _enrolment(uow, enrolment_id)
    require(actor, Action.RECORD_ASSESSMENTS, workshop_id=enrolment.workshop_id)
    check_establishment_scope(actor, enrolment.workshop.establishment_id)
    return enrolment


def record_assessment(
    uow: UnitOfWork,
    actor: Actor,
    enrolment_id: int,
    competency_id: int,
    *,
    on: date,
    grade: int | None,
    passed: bool | None,
    evaluator: str,
    today: date | None = None,
) -> AssessmentRow:
    """Record how an enrolment did in one competency.

    Args:
        uow: the caller's unit of work (the caller commits).
        actor: who records; a supervisor only in his workshops.
        enrolment_id: the enrolment assessed.
        competency_id: a competency of the workshop's trade.
        on: the day of the assessment.
        grade: 0 to 20, or None for a pass/fail result.
        passed: the pass/fail result when there is no grade; with a grade it may be
            left None (it follows from the grade) and must agree with it otherwise.
        evaluator: who assessed (up to 120 characters).
        today: the current date (default: the computer's).

    Raises:
        PermissionDenied: the actor may not record assessments in this workshop.
        NotFound: no such enrolment or competency.
        ValidationError: a competency of another trade or no longer taught, a day in
            the future or outside the enrolment, a waiting enrolment, a grade off the
            scale or disagreeing with ``passed``, or no evaluator.
        Conflict: the competency was already assessed that day.
    """
    enrolment = _scoped_enrolment(uow, actor, enrolment_id)
    competency = _competency(uow, enrolment, competency_id)
    _check_day(enrolment, on, today_or(today))
    grade, result = _result(uow, grade, passed)
    who = _evaluator(evaluator)
    _same_day(uow, enrolment.id, competency, on, None)
    assessment = Assessment(
        enrolment_id=enrolment.id,
        competency_id=competency.id,
        assessed_on=on,
        grade=grade,
        passed=result,
        evaluator=who,
    )
    uow.session.add(assessment)
    uow.session.flush()
    audit.record(
        uow,
        actor,
        "create",
        "assessment",
        entity_uuid=assessment.uuid,
        summary=(
            f"Assessment of enrolment {enrolment.id} in {competency.code} on {on.isoformat()}: "
            f"{grade if grade is not None else '-'} {'passed' if result else 'failed'}"
        ),
        changes={"grade": grade, "passed": result, "evaluator": who, "on": on},
    )
    return _row(assessment, competency)


def update_assessment(
    uow: UnitOfWork,
    actor: Actor,
    assessment_id: int,
    *,
    on: date,
    grade: int | None,
    passed: bool | None,
    evaluator: str,
    reason: str,
    today: date | None = None,
) -> AssessmentRow:
    """Correct an assessment (the form sends every field again), saying why.

    The audit entry keeps the old and new values and the reason.  A certificate already
    issued keeps what it printed; a corrected result reaches paper only through a
    replacement.

    Raises:
        PermissionDenied, ValidationError, Conflict: as :func:`record_assessment`; also
            a ValidationError (``field`` ``reason``) without a reason.
        NotFound: no such assessment.
    """
    assessment = uow.session.get(Assessment, assessment_id)
    if assessment is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no assessment with the key {key}."),
            field="assessment",
            key=assessment_id,
        )
    enrolment = _scoped_enrolment(uow, actor, assessment.enrolment_id)
    competency = assessment.competency
    _check_day(enrolment, on, today_or(today))
    new_grade, result = _result(uow, grade, passed)
    who = _evaluator(evaluator)
    why = check_reason(reason)
    _same_day(uow, enrolment.id, competency, on, assessment.id)
    proposed = {"assessed_on": on, "grade": new_grade, "passed": result, "evaluator": who}
    changes = {
        key: [getattr(assessment, key), value]
        for key, value in proposed.items()
        if getattr(assessment, key) != value
    }
    if not changes:
        return _row(assessment, competency)
    for key, (_, value) in changes.items():
        setattr(assessment, key, value)
    uow.session.flush()
    audit.record(
        uow,
        actor,
        "update",
        "assessment",
        entity_uuid=assessment.uuid,
        summary=f"Assessment of enrolment {enrolment.id} in {competency.code} corrected: "
        + ", ".join(changes)
        + f" ({why})",
        changes={**changes, "reason": why},
    )
    return _row(assessment, competency)


def list_assessments(uow: UnitOfWork, actor: Actor, enrolment_id: int) -> list[AssessmentRow]:
    """Return an enrolment's assessments in teaching order, retakes by date.

    Raises:
        PermissionDenied: the actor may not view records, or the enrolment belongs to
            another establishment.
        NotFound: no such enrolment.
    """
    require(actor, Action.VIEW)
    enrolment = _enrolment(uow, enrolment_id)
    check_establishment_scope(actor, enrolment.workshop.establishment_id)
    query = (
        select(Assessment, Competency)
        .join(Competency, Competency.id == Assessment.competency_id)
        .where(Assessment.enrolment_id == enrolment_id)
        .order_by(Competency.position, Competency.code, Assessment.assessed_on, Assessment.id)
    )
    return [_row(assessment, competency) for assessment, competency in uow.session.execute(query)]
