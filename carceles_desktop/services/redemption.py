"""The supporting record of work for the redemption of sentence (*redención de la pena*).

The legal computation is the prison's and the judge's; this record gives them the days
and hours worked per month, across every workshop, and an estimate of the days
redeemed (printed "estimado, no oficial").  A day counts when its hours reach the
minimum in the settings; the estimate is ``floor(valid days ÷ ratio)`` of the rule
version an authorised user chose for the trainee (never guessed here).  A case the
law bars from redemption gets no estimate but the rule that bars it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select

from carceles_desktop.domain.catalogues import RedemptionRule
from carceles_desktop.domain.enrolments import Attendance, Enrolment
from carceles_desktop.domain.enums import AttendanceStatus, DocumentType
from carceles_desktop.domain.rules.redemption import (
    RuleVersion,
    count_valid_days,
    estimate_redeemed_days,
)
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.domain.workshops import Workshop
from carceles_desktop.errors import NotFound, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.enrolments import check_trainee_access, surnames_first, today_or
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.services.settings import get_settings
from carceles_desktop.storage.unit_of_work import UnitOfWork

_ZERO = Decimal("0.00")


@dataclass(frozen=True)
class MonthWork:
    """One month of the record: days with hours, days that count, hours."""

    year: int
    month: int
    days_worked: int
    valid_days: int
    hours: Decimal


@dataclass(frozen=True)
class RedemptionRecord:
    """A trainee's work over a period and the estimate it supports.

    Attributes:
        rule: the rule version chosen for the trainee.
        rule_covers_period: False when part of the period falls outside the chosen
            version's validity (the reader should check the choice).
        months: every month of the period, in order, months without work included.
        estimated_days: ``floor(valid_days ÷ rule.ratio)``, or None when barred.
        barred_by: the rule that bars redemption (description and legal basis), or None.
        workshops: names of the workshops the hours come from.
    """

    trainee_id: int
    inmate_code: str
    trainee_name: str
    doc_type: DocumentType
    doc_number: str | None
    start: date
    end: date
    rule_id: int
    rule: RuleVersion
    rule_covers_period: bool
    minimum_valid_day_hours: Decimal
    months: tuple[MonthWork, ...]
    days_worked: int
    valid_days: int
    hours: Decimal
    estimated_days: int | None
    barred_by: str | None
    workshops: tuple[str, ...]


@dataclass(frozen=True)
class RedemptionCaseChoice:
    """A row of the redemption-rule table, for the "choose the case" picker."""

    id: int
    rule: RuleVersion
    in_force: bool


def _version(rule: RedemptionRule) -> RuleVersion:
    return RuleVersion(
        case_code=rule.case_code,
        description=rule.description,
        legal_basis=rule.legal_basis,
        valid_from=rule.valid_from,
        valid_to=rule.valid_to,
        allowed=rule.allowed,
        ratio=rule.ratio,
    )


def redemption_case_choices(
    uow: UnitOfWork, actor: Actor, *, on: date | None = None
) -> list[RedemptionCaseChoice]:
    """List every rule version, those in force on ``on`` (default today) first.

    Raises:
        PermissionDenied: the actor may not choose redemption cases.
    """
    require(actor, Action.SET_REDEMPTION_CASE)
    day = today_or(on)
    query = select(RedemptionRule).order_by(
        RedemptionRule.valid_from.desc(), RedemptionRule.case_code
    )
    choices = [
        RedemptionCaseChoice(rule.id, version, version.in_force_on(day))
        for rule in uow.session.scalars(query)
        for version in (_version(rule),)
    ]
    return sorted(choices, key=lambda choice: not choice.in_force)


def _months(start: date, end: date) -> list[tuple[int, int]]:
    months = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _hours_by_day(uow: UnitOfWork, trainee_id: int, start: date, end: date) -> dict[date, Decimal]:
    # Summed per day across workshops: a day counts once, with all its hours.
    query = (
        select(Attendance.day, func.sum(Attendance.hours))
        .join(Enrolment, Enrolment.id == Attendance.enrolment_id)
        .where(
            Enrolment.trainee_id == trainee_id,
            Attendance.status == AttendanceStatus.PRESENTE,
            Attendance.day.between(start, end),
        )
        .group_by(Attendance.day)
    )
    return {day: Decimal(hours) for day, hours in uow.session.execute(query)}


def _trainee_and_case(
    uow: UnitOfWork, actor: Actor, trainee_id: int
) -> tuple[Trainee, RedemptionRule]:
    trainee = uow.session.get(Trainee, trainee_id)
    if trainee is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no trainee with the key {key}."),
            field="trainee",
            key=trainee_id,
        )
    check_trainee_access(uow, actor, trainee)
    if trainee.redemption_rule is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "No redemption case has been chosen for {name}; a user allowed to choose "
                "redemption cases (jefe de trabajo or administrator) must choose it first.",
            ),
            field="redemption_rule",
            name=surnames_first(trainee),
        )
    return trainee, trainee.redemption_rule


def _month_work(
    uow: UnitOfWork, trainee_id: int, period: tuple[date, date], minimum: Decimal
) -> tuple[MonthWork, ...]:
    by_month: dict[tuple[int, int], dict[date, Decimal]] = defaultdict(dict)
    for day, hours in _hours_by_day(uow, trainee_id, *period).items():
        by_month[(day.year, day.month)][day] = hours
    return tuple(
        MonthWork(
            year,
            month,
            sum(1 for h in days.values() if h > 0),
            count_valid_days(days, minimum),
            sum(days.values(), _ZERO),
        )
        for year, month in _months(*period)
        for days in (by_month.get((year, month), {}),)
    )


def redemption_record(
    uow: UnitOfWork, actor: Actor, trainee_id: int, start: date, end: date
) -> RedemptionRecord:
    """Gather a trainee's work from ``start`` to ``end`` (inclusive) and the estimate.

    Raises:
        PermissionDenied: the actor may not view records, or not this trainee.
        NotFound: no such trainee.
        ValidationError: ``end`` before ``start`` (``field`` ``end``), or no redemption
            case chosen for the trainee yet (``field`` ``redemption_rule``).
    """
    require(actor, Action.VIEW)
    trainee, chosen = _trainee_and_case(uow, actor, trainee_id)
    if end < start:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The end date {end} is before the start date {start}."),
            field="end",
            start=start.isoformat(),
            end=end.isoformat(),
        )
    rule = _version(chosen)
    minimum = get_settings(uow).minimum_valid_day_hours
    months = _month_work(uow, trainee.id, (start, end), minimum)
    valid = sum(m.valid_days for m in months)
    workshops = uow.session.scalars(
        select(Workshop.name)
        .join(Enrolment, Enrolment.workshop_id == Workshop.id)
        .join(Attendance, Attendance.enrolment_id == Enrolment.id)
        .where(
            Enrolment.trainee_id == trainee.id,
            Attendance.status == AttendanceStatus.PRESENTE,
            Attendance.day.between(start, end),
        )
        .distinct()
        .order_by(Workshop.name)
    ).all()
    return RedemptionRecord(
        trainee_id=trainee.id,
        inmate_code=trainee.inmate_code,
        trainee_name=surnames_first(trainee),
        doc_type=trainee.doc_type,
        doc_number=trainee.doc_number,
        start=start,
        end=end,
        rule_id=chosen.id,
        rule=rule,
        rule_covers_period=rule.in_force_on(start) and rule.in_force_on(end),
        minimum_valid_day_hours=minimum,
        months=months,
        days_worked=sum(m.days_worked for m in months),
        valid_days=valid,
        hours=sum((m.hours for m in months), _ZERO),
        estimated_days=estimate_redeemed_days(valid, rule),
        barred_by=None if rule.allowed else f"{rule.description} ({rule.legal_basis})",
        workshops=tuple(workshops),
    )
