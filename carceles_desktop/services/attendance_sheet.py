"""Reading a workshop's monthly attendance sheet, for the screen and the planilla.

The sheet has one row per enrolment that overlaps the month (active, or ended during
it) and one column per day.  The queries here are shared with saving, which reads the
same rows and cells to check the changes against.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select

from carceles_desktop.domain.catalogues import Establishment, Trade
from carceles_desktop.domain.enrolments import Attendance, Enrolment
from carceles_desktop.domain.enums import AttendanceStatus, DocumentType, EnrolmentState, Role
from carceles_desktop.domain.rules.calendar import WEEKDAY_INITIALS_ES
from carceles_desktop.domain.rules.redemption import count_valid_days
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.domain.users import User
from carceles_desktop.domain.workshops import Workshop, workshop_supervisors
from carceles_desktop.errors import NotFound, PermissionDenied, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.catalogues import holidays_between
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.services.scope import check_establishment_scope, ever_worked, today_or
from carceles_desktop.services.settings import get_settings
from carceles_desktop.storage.unit_of_work import UnitOfWork

_ZERO = Decimal("0.00")

#: (enrolment, day) → (row id, status, hours) of the entries recorded.
Recorded = dict[tuple[int, date], tuple[int, AttendanceStatus, Decimal]]


@dataclass(frozen=True)
class Cell:
    """One day of one row: ``hours`` is 0 for an absence."""

    status: AttendanceStatus
    hours: Decimal


@dataclass(frozen=True)
class SheetDay:
    """A column of the sheet: the weekday initial in Spanish, Sundays and holidays flagged."""

    day: date
    weekday: str
    sunday: bool
    holiday: str | None
    future: bool


@dataclass(frozen=True)
class SheetRow:
    """One enrolment's month.

    Attributes:
        cells: the recorded days (a day without entry is absent from the mapping).
        editable: the days a cell may be set (inside the enrolment, not in the future).
        total_hours: hours recorded this month in this workshop.
        days_present: days marked present.
        valid_days: days whose hours reach the minimum of a valid work day (a setting).
    """

    enrolment_id: int
    trainee_id: int
    inmate_code: str
    trainee_name: str
    doc_type: DocumentType
    doc_number: str | None
    state: EnrolmentState
    starts_on: date
    ends_on: date | None
    cells: Mapping[date, Cell]
    editable: frozenset[date]
    total_hours: Decimal
    days_present: int
    valid_days: int


@dataclass(frozen=True)
class MonthSheet:
    """A workshop's attendance for one month, as the screen and the planilla show it.

    Attributes:
        supervisors: full names of the workshop's supervisors (the planilla's signers).
        establishment_city: where the establishment is (the planilla's place of issue).
    """

    workshop_id: int
    workshop_code: str
    workshop_name: str
    trade_name: str
    supervisors: tuple[str, ...]
    establishment_code: str
    establishment_name: str
    establishment_city: str | None
    year: int
    month: int
    days: tuple[SheetDay, ...]
    rows: tuple[SheetRow, ...]
    standard_hours: Decimal
    daily_limit: Decimal
    minimum_valid_day_hours: Decimal
    today: date

    @property
    def total_hours(self) -> Decimal:
        """Hours of every row."""
        return sum((row.total_hours for row in self.rows), _ZERO)

    def day_totals(self) -> dict[date, Decimal]:
        """Hours recorded on each day, across rows (days without hours are left out)."""
        totals: dict[date, Decimal] = defaultdict(lambda: _ZERO)
        for row in self.rows:
            for day, cell in row.cells.items():
                totals[day] += cell.hours
        return dict(totals)


@dataclass
class SheetMember:
    """An enrolment on the sheet, with what its row shows of the trainee."""

    enrolment_id: int
    state: EnrolmentState
    starts_on: date
    ends_on: date | None
    trainee_id: int
    inmate_code: str
    name: str
    doc_type: DocumentType
    doc_number: str | None

    def covers(self, day: date) -> bool:
        """True when ``day`` falls inside the enrolment."""
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """The first and last day of the month.

    Raises:
        ValidationError: no such month (``field`` ``month``).
    """
    if not (1 <= month <= 12 and 1900 <= year <= 9999):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "There is no month {month} of {year}."),
            field="month",
            month=month,
            year=year,
        )
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def scoped_workshop(uow: UnitOfWork, actor: Actor, workshop_id: int) -> Workshop:
    """Return the workshop, if the actor may work with it.

    Raises:
        NotFound: no such workshop.
        PermissionDenied: another establishment's, or a supervisor's not assigned to him.
    """
    workshop = uow.session.get(Workshop, workshop_id)
    if workshop is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no workshop with the key {key}."),
            field="workshop",
            key=workshop_id,
        )
    check_establishment_scope(actor, workshop.establishment_id)
    if actor.role is Role.SUPERVISOR and workshop_id not in actor.workshop_ids:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("errors", "{user} may see only the workshops assigned to him."),
            user=actor.username,
        )
    return workshop


def sheet_members(uow: UnitOfWork, workshop_id: int, first: date, last: date) -> list[SheetMember]:
    """The enrolments that worked in the workshop between ``first`` and ``last``, by name."""
    query = (
        select(
            Enrolment.id,
            Enrolment.state,
            Enrolment.starts_on,
            Enrolment.ends_on,
            Trainee.id,
            Trainee.inmate_code,
            Trainee.paternal_surname,
            Trainee.maternal_surname,
            Trainee.given_names,
            Trainee.doc_type,
            Trainee.doc_number,
        )
        .join(Trainee, Trainee.id == Enrolment.trainee_id)
        .where(
            Enrolment.workshop_id == workshop_id,
            Enrolment.starts_on <= last,
            Enrolment.ends_on.is_(None) | (Enrolment.ends_on >= first),
            ever_worked(),
        )
        .order_by(
            Trainee.paternal_surname, Trainee.maternal_surname, Trainee.given_names, Enrolment.id
        )
    )
    members = []
    for (
        eid,
        state,
        start,
        end,
        tid,
        code,
        paternal,
        maternal,
        given,
        dtype,
        dnum,
    ) in uow.session.execute(query):
        surnames = f"{paternal} {maternal}" if maternal else paternal
        members.append(
            SheetMember(eid, state, start, end, tid, code, f"{surnames}, {given}", dtype, dnum)
        )
    return members


def recorded_cells(
    uow: UnitOfWork, enrolment_ids: Sequence[int], first: date, last: date
) -> Recorded:
    """(enrolment, day) → (row id, status, hours) of the month's entries."""
    if not enrolment_ids:
        return {}
    query = select(
        Attendance.enrolment_id, Attendance.day, Attendance.id, Attendance.status, Attendance.hours
    ).where(Attendance.enrolment_id.in_(enrolment_ids), Attendance.day.between(first, last))
    return {(eid, day): (aid, st, hours) for eid, day, aid, st, hours in uow.session.execute(query)}


def _sheet_row(
    member: SheetMember,
    cells: dict[date, Cell],
    month_days: list[date],
    today: date,
    minimum: Decimal,
) -> SheetRow:
    present = {d: c.hours for d, c in cells.items() if c.status is AttendanceStatus.PRESENTE}
    return SheetRow(
        enrolment_id=member.enrolment_id,
        trainee_id=member.trainee_id,
        inmate_code=member.inmate_code,
        trainee_name=member.name,
        doc_type=member.doc_type,
        doc_number=member.doc_number,
        state=member.state,
        starts_on=member.starts_on,
        ends_on=member.ends_on,
        cells=cells,
        editable=frozenset(d for d in month_days if d <= today and member.covers(d)),
        total_hours=sum(present.values(), _ZERO),
        days_present=len(present),
        valid_days=count_valid_days(present, minimum),
    )


def _sheet_days(
    month_days: list[date], holidays: Mapping[date, str], today: date
) -> tuple[SheetDay, ...]:
    return tuple(
        SheetDay(d, WEEKDAY_INITIALS_ES[d.weekday()], d.weekday() == 6, holidays.get(d), d > today)
        for d in month_days
    )


def _supervisor_names(uow: UnitOfWork, workshop_id: int) -> tuple[str, ...]:
    return tuple(
        uow.session.scalars(
            select(User.full_name)
            .join(workshop_supervisors, workshop_supervisors.c.user_id == User.id)
            .where(workshop_supervisors.c.workshop_id == workshop_id)
            .order_by(User.full_name)
        ).all()
    )


def load_month_sheet(
    uow: UnitOfWork,
    actor: Actor,
    workshop_id: int,
    year: int,
    month: int,
    *,
    today: date | None = None,
) -> MonthSheet:
    """Read a workshop's attendance sheet for a month.

    Rows are sorted by surnames; a trainee enrolled twice in the month has two rows.

    Raises:
        PermissionDenied: the actor may not view records, or not of this workshop.
        NotFound: no such workshop.
        ValidationError: no such month (``field`` ``month``).
    """
    require(actor, Action.VIEW)
    first, last = month_bounds(year, month)
    workshop = scoped_workshop(uow, actor, workshop_id)
    establishment = uow.session.get_one(Establishment, workshop.establishment_id)
    settings = get_settings(uow)
    day = today_or(today)
    holidays = holidays_between(uow, first, last, workshop.establishment_id)
    month_days = [first + timedelta(days=n) for n in range(last.day)]
    members = sheet_members(uow, workshop_id, first, last)
    by_row: dict[int, dict[date, Cell]] = {m.enrolment_id: {} for m in members}
    for (eid, d), (_, status, hours) in recorded_cells(uow, list(by_row), first, last).items():
        by_row[eid][d] = Cell(status, hours)
    minimum = settings.minimum_valid_day_hours
    supervisors = _supervisor_names(uow, workshop_id)
    return MonthSheet(
        workshop_id=workshop.id,
        workshop_code=workshop.code,
        workshop_name=workshop.name,
        trade_name=uow.session.get_one(Trade, workshop.trade_id).name,
        supervisors=supervisors,
        establishment_code=establishment.code,
        establishment_name=establishment.name,
        establishment_city=establishment.city,
        year=year,
        month=month,
        days=_sheet_days(month_days, holidays, day),
        rows=tuple(
            _sheet_row(m, by_row[m.enrolment_id], month_days, day, minimum) for m in members
        ),
        standard_hours=workshop.standard_hours,
        daily_limit=settings.daily_hour_limit,
        minimum_valid_day_hours=minimum,
        today=day,
    )


def planilla_rows(
    uow: UnitOfWork, actor: Actor, workshop_id: int, year: int, month: int
) -> MonthSheet:
    """The month sheet for printing the *planilla de control laboral*.

    Raises:
        PermissionDenied: the actor may not print reports, or not of this workshop.
        NotFound: no such workshop.
        ValidationError: no such month.
    """
    require(actor, Action.PRINT_REPORTS)
    return load_month_sheet(uow, actor, workshop_id, year, month)
