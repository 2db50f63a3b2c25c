"""Who may receive a workshop's training certificate, and what is missing otherwise.

A trainee is eligible for the certificate of one enrolment when:

1. the enrolment is *culminado* — or an authorised user (``OVERRIDE_ELIGIBILITY``)
   overrides this one condition with a written reason, e.g. for a trainee released or
   transferred after finishing the modules;
2. his hours of work in the enrolment (attendance marked present) reach the sum of the
   nominal hours of the trade's required, active competencies (any hours at all when
   the trade lists none);
3. every required, active competency of the trade is passed: the latest assessment of
   each counts, so a retake replaces a failure;
4. no current (*vigente*) certificate was issued for the enrolment already.

The override waives only the first condition: a certificate never states hours or
modules that the records do not show.  :class:`Eligibility` names each missing thing
in a message the screen shows as it is (translated at display time).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import selectinload

from carceles_desktop.domain.catalogues import Competency
from carceles_desktop.domain.certificates import Certificate
from carceles_desktop.domain.enrolments import Assessment, Attendance, Enrolment
from carceles_desktop.domain.enums import AttendanceStatus, CertificateState, EnrolmentState
from carceles_desktop.domain.rules.text import fold
from carceles_desktop.domain.workshops import Workshop
from carceles_desktop.errors import NotFound
from carceles_desktop.i18n import QT_TRANSLATE_NOOP, Message
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.enrolments import check_establishment_scope, surnames_first
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.storage.unit_of_work import UnitOfWork

_CONTEXT = "certificates"
_ZERO = Decimal("0.00")


@dataclass(frozen=True)
class CompetencyStanding:
    """Where an enrolment stands in one competency of its trade.

    Attributes:
        passed: the latest assessment passed.
        grade: the latest assessment's grade (None: pass/fail, or never assessed).
        assessed_on: the day of the latest assessment; None when never assessed.
        evaluator: who gave the latest assessment.
    """

    competency_id: int
    code: str
    name: str
    hours: int
    required: bool
    passed: bool
    grade: int | None
    assessed_on: date | None
    evaluator: str | None


@dataclass(frozen=True)
class Eligibility:
    """Whether an enrolment may be certified now, and what is missing if not.

    Attributes:
        eligible: every condition holds; a certificate may be issued.
        needs_override: only the culmination is missing: an authorised user may issue
            with a written reason.
        missing: one message per missing thing (empty when eligible).
        hours: hours worked in the enrolment.
        required_hours: the sum of the hours of the trade's required competencies.
        competencies: the trade's active competencies, in teaching order.
        last_worked_on: the last day with hours, if any.
        certificate_number: the current certificate already issued, if any.
    """

    enrolment_id: int
    trainee_id: int
    trainee_name: str
    inmate_code: str
    workshop_id: int
    workshop_code: str
    state: EnrolmentState
    starts_on: date
    ends_on: date | None
    last_worked_on: date | None
    hours: Decimal
    required_hours: int
    competencies: tuple[CompetencyStanding, ...]
    certificate_number: str | None
    eligible: bool
    needs_override: bool
    missing: tuple[Message, ...]

    @property
    def passed_competencies(self) -> tuple[CompetencyStanding, ...]:
        """The competencies passed (required or not), in teaching order."""
        return tuple(item for item in self.competencies if item.passed)

    @property
    def missing_competencies(self) -> tuple[CompetencyStanding, ...]:
        """The required competencies not passed yet."""
        return tuple(item for item in self.competencies if item.required and not item.passed)

    def missing_texts(self) -> list[str]:
        """The missing things as sentences (translated when a translator is installed)."""
        return [message.render() for message in self.missing]


def _message(text: str, **params: object) -> Message:
    return Message(_CONTEXT, text, params)


def _standing(competency: Competency, latest: Assessment | None) -> CompetencyStanding:
    return CompetencyStanding(
        competency_id=competency.id,
        code=competency.code,
        name=competency.name,
        hours=competency.hours,
        required=competency.required,
        passed=latest is not None and latest.passed,
        grade=latest.grade if latest is not None else None,
        assessed_on=latest.assessed_on if latest is not None else None,
        evaluator=latest.evaluator if latest is not None else None,
    )


def _competency_messages(standings: Sequence[CompetencyStanding]) -> list[Message]:
    messages = []
    for item in standings:
        if not item.required or item.passed:
            continue
        if item.assessed_on is None:
            messages.append(
                _message(
                    QT_TRANSLATE_NOOP(
                        "certificates", "Competency {code} “{name}” is not assessed yet."
                    ),
                    code=item.code,
                    name=item.name,
                )
            )
        else:
            messages.append(
                _message(
                    QT_TRANSLATE_NOOP(
                        "certificates",
                        "Competency {code} “{name}” is not passed (last assessed on {day}).",
                    ),
                    code=item.code,
                    name=item.name,
                    day=item.assessed_on.isoformat(),
                )
            )
    return messages


def _hours_message(hours: Decimal, required: int) -> Message | None:
    if required == 0:
        if hours > 0:
            return None
        return _message(QT_TRANSLATE_NOOP("certificates", "No hours of work are recorded."))
    if hours >= required:
        return None
    return _message(
        QT_TRANSLATE_NOOP(
            "certificates", "{hours} hours worked of the {required} required ({short} missing)."
        ),
        hours=_text(hours),
        required=required,
        short=_text(required - hours),
    )


def _text(hours: Decimal) -> str:
    return f"{hours.normalize():f}"


def _judge(
    enrolment: Enrolment,
    worked: tuple[Decimal, date | None],
    standings: tuple[CompetencyStanding, ...],
    certificate_number: str | None,
) -> Eligibility:
    hours, last_day = worked
    required_hours = sum(item.hours for item in standings if item.required)
    missing: list[Message] = []
    if certificate_number is not None:
        missing.append(
            _message(
                QT_TRANSLATE_NOOP(
                    "certificates", "Certificate {number} was already issued for this enrolment."
                ),
                number=certificate_number,
            )
        )
    hours_missing = _hours_message(hours, required_hours)
    if hours_missing is not None:
        missing.append(hours_missing)
    missing.extend(_competency_messages(standings))
    culminated = enrolment.state is EnrolmentState.CULMINADO
    waiting = enrolment.state is EnrolmentState.EN_ESPERA
    if not culminated:
        missing.insert(
            0,
            _message(
                QT_TRANSLATE_NOOP(
                    "certificates",
                    "The enrolment is {state}, not culminated; an authorised user may "
                    "override this with a written reason.",
                ),
                state=enrolment.state.value,
            ),
        )
    trainee, workshop = enrolment.trainee, enrolment.workshop
    return Eligibility(
        enrolment_id=enrolment.id,
        trainee_id=trainee.id,
        trainee_name=surnames_first(trainee),
        inmate_code=trainee.inmate_code,
        workshop_id=workshop.id,
        workshop_code=workshop.code,
        state=enrolment.state,
        starts_on=enrolment.starts_on,
        ends_on=enrolment.ends_on,
        last_worked_on=last_day,
        hours=hours,
        required_hours=required_hours,
        competencies=standings,
        certificate_number=certificate_number,
        eligible=not missing,
        needs_override=not culminated and not waiting and len(missing) == 1,
        missing=tuple(missing),
    )


def _worked(uow: UnitOfWork, ids: ColumnElement[bool]) -> dict[int, tuple[Decimal, date | None]]:
    query = (
        select(Attendance.enrolment_id, func.sum(Attendance.hours), func.max(Attendance.day))
        .where(ids, Attendance.status == AttendanceStatus.PRESENTE, Attendance.hours > 0)
        .group_by(Attendance.enrolment_id)
    )
    # SUM keeps the column's type: the total comes back as Decimal hours.
    return {eid: (Decimal(total), last) for eid, total, last in uow.session.execute(query)}


def _latest(uow: UnitOfWork, ids: ColumnElement[bool]) -> dict[tuple[int, int], Assessment]:
    query = select(Assessment).where(ids).order_by(Assessment.assessed_on, Assessment.id)
    # Later rows overwrite earlier ones: the latest assessment of each competency stays.
    return {(a.enrolment_id, a.competency_id): a for a in uow.session.scalars(query)}


def _current_numbers(uow: UnitOfWork, ids: ColumnElement[bool]) -> dict[int, str]:
    query = select(Certificate.enrolment_id, Certificate.number).where(
        ids, Certificate.state == CertificateState.VIGENTE
    )
    return {eid: number for eid, number in uow.session.execute(query) if eid is not None}


def _trade_competencies(uow: UnitOfWork, trade_ids: set[int]) -> dict[int, list[Competency]]:
    query = (
        select(Competency)
        .where(Competency.trade_id.in_(sorted(trade_ids)), Competency.active.is_(True))
        .order_by(Competency.position, Competency.code)
    )
    found: dict[int, list[Competency]] = {trade: [] for trade in trade_ids}
    for competency in uow.session.scalars(query):
        found[competency.trade_id].append(competency)
    return found


def judge_enrolments(uow: UnitOfWork, enrolments: Sequence[Enrolment]) -> list[Eligibility]:
    """Judge loaded enrolments with a handful of queries (no permission check).

    The certificate services use it after their own checks; screens call
    :func:`eligibility` or :func:`eligible_enrolments`.
    """
    if not enrolments:
        return []
    keys = sorted({e.id for e in enrolments})
    worked = _worked(uow, Attendance.enrolment_id.in_(keys))
    latest = _latest(uow, Assessment.enrolment_id.in_(keys))
    numbers = _current_numbers(uow, Certificate.enrolment_id.in_(keys))
    trades = _trade_competencies(uow, {e.workshop.trade_id for e in enrolments})
    result = []
    for enrolment in enrolments:
        standings = tuple(
            _standing(c, latest.get((enrolment.id, c.id)))
            for c in trades[enrolment.workshop.trade_id]
        )
        hours = worked.get(enrolment.id, (_ZERO, None))
        result.append(_judge(enrolment, hours, standings, numbers.get(enrolment.id)))
    return result


def eligibility(uow: UnitOfWork, actor: Actor, enrolment_id: int) -> Eligibility:
    """Say whether one enrolment may be certified now, and what is missing.

    Raises:
        PermissionDenied: the actor may not view records, or the enrolment belongs to
            another establishment.
        NotFound: no such enrolment.
    """
    require(actor, Action.VIEW)
    enrolment = uow.session.get(Enrolment, enrolment_id)
    if enrolment is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no enrolment with the key {key}."),
            field="enrolment",
            key=enrolment_id,
        )
    check_establishment_scope(actor, enrolment.workshop.establishment_id)
    return judge_enrolments(uow, [enrolment])[0]


def eligible_enrolments(
    uow: UnitOfWork, actor: Actor, workshop_id: int, *, include_ineligible: bool = False
) -> list[Eligibility]:
    """List a workshop's enrolments that may be certified, by trainee name.

    Args:
        uow: an open unit of work (read-only is enough).
        actor: who asks.
        workshop_id: the workshop.
        include_ineligible: also list the enrolments not (or not yet) eligible, with
            what each is missing (waiting enrolments and those already certified are
            never listed).

    Raises:
        PermissionDenied: the actor may not view records, or the workshop belongs to
            another establishment.
        NotFound: no such workshop.
    """
    require(actor, Action.VIEW)
    workshop = uow.session.get(Workshop, workshop_id)
    if workshop is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no workshop with the key {key}."),
            field="workshop",
            key=workshop_id,
        )
    check_establishment_scope(actor, workshop.establishment_id)
    certified = select(Certificate.enrolment_id).where(
        Certificate.state == CertificateState.VIGENTE, Certificate.enrolment_id.is_not(None)
    )
    query = (
        select(Enrolment)
        .options(selectinload(Enrolment.trainee), selectinload(Enrolment.workshop))
        .where(
            Enrolment.workshop_id == workshop_id,
            Enrolment.state != EnrolmentState.EN_ESPERA,
            Enrolment.id.not_in(certified),
        )
    )
    if not include_ineligible:
        query = query.where(Enrolment.state == EnrolmentState.CULMINADO)
    judged = judge_enrolments(uow, list(uow.session.scalars(query)))
    if not include_ineligible:
        judged = [item for item in judged if item.eligible]
    return sorted(judged, key=lambda item: (fold(item.trainee_name), item.enrolment_id))
