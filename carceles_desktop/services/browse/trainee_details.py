"""The Internos detail panel: one trainee's personal data and every enrolment's story."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from uuid import UUID

from sqlalchemy import func, select

from carceles_desktop.domain.catalogues import Competency, Establishment, RedemptionRule
from carceles_desktop.domain.enrolments import (
    Assessment,
    Attendance,
    Enrolment,
    EnrolmentStateChange,
)
from carceles_desktop.domain.enums import (
    AttendanceStatus,
    DocumentType,
    EnrolmentState,
    LegalSituation,
    Sex,
)
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.domain.workshops import Workshop
from carceles_desktop.errors import NotFound
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.browse._common import trainee_filters
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class StateChangeRow:
    """One step of an enrolment's history."""

    changed_on: date
    from_state: EnrolmentState | None
    to_state: EnrolmentState
    reason: str


@dataclass(frozen=True)
class AssessmentRow:
    """A competency assessed within an enrolment."""

    competency_code: str
    competency_name: str
    assessed_on: date
    grade: int | None
    passed: bool
    evaluator: str


@dataclass(frozen=True)
class EnrolmentSummary:
    """An enrolment of a trainee with its history, hours worked and assessments."""

    id: int
    workshop_code: str
    workshop_name: str
    starts_on: date
    ends_on: date | None
    state: EnrolmentState
    total_hours: Decimal
    days_present: int
    history: tuple[StateChangeRow, ...]
    assessments: tuple[AssessmentRow, ...]


@dataclass(frozen=True)
class TraineeDetail:
    """Everything the detail panel shows about one trainee."""

    id: int
    uuid: UUID
    inmate_code: str
    doc_type: DocumentType
    doc_number: str | None
    paternal_surname: str
    maternal_surname: str
    given_names: str
    sex: Sex
    birth_date: date | None
    nationality: str
    establishment_code: str
    establishment_name: str
    admission_date: date | None
    legal_situation: LegalSituation
    first_offender: bool
    redemption_case: str | None
    release_date: date | None
    enrolments: tuple[EnrolmentSummary, ...]

    @property
    def full_name(self) -> str:
        """Names then surnames, as printed on documents."""
        surnames = " ".join(s for s in (self.paternal_surname, self.maternal_surname) if s)
        return f"{self.given_names} {surnames}".strip()


def _visible_trainee(uow: UnitOfWork, actor: Actor, trainee_id: int) -> Trainee:
    query = select(Trainee).where(Trainee.id == trainee_id, *trainee_filters(actor, ""))
    trainee = uow.session.scalar(query)
    if trainee is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no trainee with the key {key}."),
            key=trainee_id,
        )
    return trainee


def trainee_detail(uow: UnitOfWork, actor: Actor, trainee_id: int) -> TraineeDetail:
    """Return a trainee's personal data and every enrolment with its history.

    Raises:
        PermissionDenied: the actor may not view records.
        NotFound: no such trainee, or one the actor may not see.
    """
    require(actor, Action.VIEW)
    trainee = _visible_trainee(uow, actor, trainee_id)
    rule = (
        uow.session.get(RedemptionRule, trainee.redemption_rule_id)
        if trainee.redemption_rule_id is not None
        else None
    )
    establishment = uow.session.get_one(Establishment, trainee.establishment_id)
    return TraineeDetail(
        id=trainee.id,
        uuid=trainee.uuid,
        inmate_code=trainee.inmate_code,
        doc_type=trainee.doc_type,
        doc_number=trainee.doc_number,
        paternal_surname=trainee.paternal_surname,
        maternal_surname=trainee.maternal_surname,
        given_names=trainee.given_names,
        sex=trainee.sex,
        birth_date=trainee.birth_date,
        nationality=trainee.nationality,
        establishment_code=establishment.code,
        establishment_name=establishment.name,
        admission_date=trainee.admission_date,
        legal_situation=trainee.legal_situation,
        first_offender=trainee.first_offender,
        redemption_case=f"{rule.case_code} — {rule.description}" if rule else None,
        release_date=trainee.release_date,
        enrolments=_enrolment_summaries(uow, trainee.id),
    )


def _hours_worked(uow: UnitOfWork, trainee_id: int) -> dict[int, tuple[Decimal, int]]:
    """Enrolment → (hours present, days present) of the trainee's attendance."""
    hours = (
        select(
            Attendance.enrolment_id,
            func.coalesce(func.sum(Attendance.hours), 0),
            func.count(Attendance.id),
        )
        .join(Enrolment, Enrolment.id == Attendance.enrolment_id)
        .where(
            Enrolment.trainee_id == trainee_id,
            Attendance.status == AttendanceStatus.PRESENTE,
        )
        .group_by(Attendance.enrolment_id)
    )
    # SUM and COALESCE keep the column's type, so the total comes back as Decimal hours.
    return {eid: (Decimal(total), days) for eid, total, days in uow.session.execute(hours)}


def _histories(uow: UnitOfWork, trainee_id: int) -> dict[int, list[StateChangeRow]]:
    """Enrolment → its state changes, oldest first."""
    history: dict[int, list[StateChangeRow]] = {}
    changes = (
        select(EnrolmentStateChange)
        .join(Enrolment, Enrolment.id == EnrolmentStateChange.enrolment_id)
        .where(Enrolment.trainee_id == trainee_id)
        .order_by(EnrolmentStateChange.changed_on, EnrolmentStateChange.id)
    )
    for change in uow.session.scalars(changes):
        history.setdefault(change.enrolment_id, []).append(
            StateChangeRow(change.changed_on, change.from_state, change.to_state, change.reason)
        )
    return history


def _assessments(uow: UnitOfWork, trainee_id: int) -> dict[int, list[AssessmentRow]]:
    """Enrolment → its assessments, oldest first."""
    grades: dict[int, list[AssessmentRow]] = {}
    assessed = (
        select(Assessment, Competency.code, Competency.name)
        .join(Competency, Competency.id == Assessment.competency_id)
        .join(Enrolment, Enrolment.id == Assessment.enrolment_id)
        .where(Enrolment.trainee_id == trainee_id)
        .order_by(Assessment.assessed_on, Assessment.id)
    )
    for assessment, code, name in uow.session.execute(assessed):
        grades.setdefault(assessment.enrolment_id, []).append(
            AssessmentRow(
                code,
                name,
                assessment.assessed_on,
                assessment.grade,
                assessment.passed,
                assessment.evaluator,
            )
        )
    return grades


def _enrolment_summaries(uow: UnitOfWork, trainee_id: int) -> tuple[EnrolmentSummary, ...]:
    totals = _hours_worked(uow, trainee_id)
    history = _histories(uow, trainee_id)
    grades = _assessments(uow, trainee_id)
    enrolments = (
        select(Enrolment, Workshop.code, Workshop.name)
        .join(Workshop, Workshop.id == Enrolment.workshop_id)
        .where(Enrolment.trainee_id == trainee_id)
        .order_by(Enrolment.starts_on.desc(), Enrolment.id.desc())
    )
    result = []
    for enrolment, code, name in uow.session.execute(enrolments):
        total, days = totals.get(enrolment.id, (Decimal("0.00"), 0))
        result.append(
            EnrolmentSummary(
                id=enrolment.id,
                workshop_code=code,
                workshop_name=name,
                starts_on=enrolment.starts_on,
                ends_on=enrolment.ends_on,
                state=enrolment.state,
                total_hours=total.quantize(Decimal("0.01")),
                days_present=days,
                history=tuple(history.get(enrolment.id, ())),
                assessments=tuple(grades.get(enrolment.id, ())),
            )
        )
    return tuple(result)
