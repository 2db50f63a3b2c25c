"""Attendance: a workshop's monthly sheet, saved whole, and "mark the day present".

The sheet has one row per enrolment that overlaps the month (active, or ended during
it) and one column per day; a cell holds a status and hours.  A cell may be set only
inside its enrolment and never in the future, with at most the legal daily limit of
hours (a setting) counted across every workshop the trainee works in that day, and
at most one entry per enrolment and day (a unique constraint; saving over an existing
entry updates it).

:func:`save_month_sheet` checks every change first and refuses them all, naming each
bad cell, if any one is wrong; otherwise it writes them with a few bulk statements in
the caller's transaction and one audit entry.  The same sheet, read with
:func:`planilla_rows`, feeds the printed *planilla de control laboral*.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any
from uuid import uuid4

from sqlalchemy import Insert, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite

from carceles_desktop.domain.base import utcnow
from carceles_desktop.domain.catalogues import Establishment, Trade
from carceles_desktop.domain.enrolments import Attendance, Enrolment
from carceles_desktop.domain.enums import AttendanceStatus, DocumentType, EnrolmentState, Role
from carceles_desktop.domain.rules.calendar import WEEKDAY_INITIALS_ES
from carceles_desktop.domain.rules.redemption import count_valid_days
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.domain.users import User
from carceles_desktop.domain.workshops import Workshop, workshop_supervisors
from carceles_desktop.errors import NotFound, PermissionDenied, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP, Message
from carceles_desktop.services import audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.catalogues import holidays_between
from carceles_desktop.services.enrolments import (
    check_establishment_scope,
    ever_worked,
    today_or,
)
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.services.settings import get_settings
from carceles_desktop.storage.unit_of_work import UnitOfWork

#: New cells listed one by one in the audit entry up to this many; beyond, counted.
AUDIT_DETAIL_LIMIT = 300
_HUNDREDTH = Decimal("0.01")
_ZERO = Decimal("0.00")


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


@dataclass(frozen=True)
class CellChange:
    """A cell as the user left it: ``hours`` None deletes the day's entry."""

    enrolment_id: int
    day: date
    hours: Decimal | None
    status: AttendanceStatus = AttendanceStatus.PRESENTE


@dataclass(frozen=True)
class CellProblem:
    """A refused cell: whose, which day, and why."""

    enrolment_id: int
    day: date
    trainee_name: str
    message: Message

    @property
    def text(self) -> str:
        """The reason, translated when a translator is installed."""
        return self.message.render()


class InvalidCells(ValidationError):
    """Some cells of a sheet are wrong; nothing was saved.

    Attributes:
        problems: every bad cell, in the order of the changes.
    """

    def __init__(self, problems: list[CellProblem]) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "Nothing was saved: {count} cells are wrong."),
            field="cells",
            count=len(problems),
        )
        self.problems = tuple(problems)


@dataclass(frozen=True)
class SaveResult:
    """What a save wrote; cells sent unchanged are counted apart and not written."""

    inserted: int
    updated: int
    deleted: int
    unchanged: int

    @property
    def written(self) -> int:
        """Cells written (inserted, updated or deleted)."""
        return self.inserted + self.updated + self.deleted


# --------------------------------------------------------------------------- reading


@dataclass
class _Member:
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
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)


def _month_bounds(year: int, month: int) -> tuple[date, date]:
    if not (1 <= month <= 12 and 1900 <= year <= 9999):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "There is no month {month} of {year}."),
            field="month",
            month=month,
            year=year,
        )
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _workshop(uow: UnitOfWork, actor: Actor, workshop_id: int) -> Workshop:
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


def _members(uow: UnitOfWork, workshop_id: int, first: date, last: date) -> list[_Member]:
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
            _Member(eid, state, start, end, tid, code, f"{surnames}, {given}", dtype, dnum)
        )
    return members


def _recorded(
    uow: UnitOfWork, enrolment_ids: Sequence[int], first: date, last: date
) -> dict[tuple[int, date], tuple[int, AttendanceStatus, Decimal]]:
    """(enrolment, day) → (row id, status, hours) of the month's entries."""
    if not enrolment_ids:
        return {}
    query = select(
        Attendance.enrolment_id, Attendance.day, Attendance.id, Attendance.status, Attendance.hours
    ).where(Attendance.enrolment_id.in_(enrolment_ids), Attendance.day.between(first, last))
    return {(eid, day): (aid, st, hours) for eid, day, aid, st, hours in uow.session.execute(query)}


def _sheet_row(
    member: _Member, cells: dict[date, Cell], month_days: list[date], today: date, minimum: Decimal
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
    first, last = _month_bounds(year, month)
    workshop = _workshop(uow, actor, workshop_id)
    establishment = uow.session.get_one(Establishment, workshop.establishment_id)
    settings = get_settings(uow)
    day = today_or(today)
    holidays = holidays_between(uow, first, last, workshop.establishment_id)
    month_days = [first + timedelta(days=n) for n in range(last.day)]
    members = _members(uow, workshop_id, first, last)
    by_row: dict[int, dict[date, Cell]] = {m.enrolment_id: {} for m in members}
    for (eid, d), (_, status, hours) in _recorded(uow, list(by_row), first, last).items():
        by_row[eid][d] = Cell(status, hours)
    minimum = settings.minimum_valid_day_hours
    supervisors = uow.session.scalars(
        select(User.full_name)
        .join(workshop_supervisors, workshop_supervisors.c.user_id == User.id)
        .where(workshop_supervisors.c.workshop_id == workshop_id)
        .order_by(User.full_name)
    ).all()
    return MonthSheet(
        workshop_id=workshop.id,
        workshop_code=workshop.code,
        workshop_name=workshop.name,
        trade_name=uow.session.get_one(Trade, workshop.trade_id).name,
        supervisors=tuple(supervisors),
        establishment_code=establishment.code,
        establishment_name=establishment.name,
        establishment_city=establishment.city,
        year=year,
        month=month,
        days=tuple(
            SheetDay(
                d, WEEKDAY_INITIALS_ES[d.weekday()], d.weekday() == 6, holidays.get(d), d > day
            )
            for d in month_days
        ),
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


# --------------------------------------------------------------------------- checking

_Recorded = dict[tuple[int, date], tuple[int, AttendanceStatus, Decimal]]


@dataclass(frozen=True)
class _Context:
    members: dict[int, _Member]
    first: date
    last: date
    today: date
    limit: Decimal
    recorded: _Recorded
    #: hours the same trainees worked elsewhere, by (trainee, day)
    elsewhere: dict[tuple[int, date], Decimal]


def _hours_problem(hours: Any, status: AttendanceStatus, limit: Decimal) -> str | None:
    if not isinstance(hours, Decimal | int) or isinstance(hours, bool):
        return QT_TRANSLATE_NOOP("errors", "Hours must be a number.")
    value = Decimal(hours)
    if not value.is_finite():
        return QT_TRANSLATE_NOOP("errors", "Hours must be a number.")
    if value < 0:
        return QT_TRANSLATE_NOOP("errors", "Hours cannot be negative.")
    if value != value.quantize(_HUNDREDTH):
        return QT_TRANSLATE_NOOP("errors", "Hours have at most two decimals (e.g. 7.25).")
    if value > limit:
        return QT_TRANSLATE_NOOP("errors", "More than the daily limit of {limit} hours.")
    if status is AttendanceStatus.PRESENTE and value == 0:
        return QT_TRANSLATE_NOOP("errors", "A day present has hours; enter them or mark absence.")
    if status is not AttendanceStatus.PRESENTE and value != 0:
        return QT_TRANSLATE_NOOP("errors", "An absence has no hours.")
    return None


def _cell_problem(change: CellChange, ctx: _Context) -> tuple[str, dict[str, Any]] | None:
    """Why a change cannot be saved (source text, params), or None."""
    member = ctx.members.get(change.enrolment_id)
    if member is None:
        return QT_TRANSLATE_NOOP("errors", "This enrolment is not on the sheet."), {}
    day = change.day
    if not ctx.first <= day <= ctx.last:
        return QT_TRANSLATE_NOOP("errors", "The day is not in this month."), {}
    if change.hours is None:
        return None  # deleting is always allowed: it can only repair
    try:
        status = AttendanceStatus(change.status)
    except ValueError:
        return QT_TRANSLATE_NOOP("errors", "Unknown attendance mark {mark}."), {
            "mark": change.status
        }
    if day > ctx.today:
        return QT_TRANSLATE_NOOP("errors", "The day is in the future."), {}
    if not member.covers(day):
        end = member.ends_on.isoformat() if member.ends_on else "…"
        return QT_TRANSLATE_NOOP("errors", "Outside the enrolment ({start} to {end})."), {
            "start": member.starts_on.isoformat(),
            "end": end,
        }
    problem = _hours_problem(change.hours, status, ctx.limit)
    if problem:
        return problem, {"limit": str(ctx.limit)}
    return None


def _check_day_totals(
    changes: Sequence[CellChange], ctx: _Context, problems: dict[int, CellProblem]
) -> None:
    """Refuse days whose hours, across the trainee's rows and workshops, pass the limit."""
    final = {key: hours for key, (_, _, hours) in ctx.recorded.items()}
    for index, change in enumerate(changes):
        if index not in problems:
            final[(change.enrolment_id, change.day)] = Decimal(change.hours or 0)
    per_trainee: dict[tuple[int, date], Decimal] = defaultdict(lambda: _ZERO)
    for (eid, day), hours in final.items():
        per_trainee[(ctx.members[eid].trainee_id, day)] += hours
    text = QT_TRANSLATE_NOOP(
        "errors", "With {other} hours worked elsewhere that day, more than the limit of {limit}."
    )
    for index, change in enumerate(changes):
        if index in problems or change.hours is None:
            continue
        member = ctx.members[change.enrolment_id]
        key = (member.trainee_id, change.day)
        other = per_trainee[key] - final[(change.enrolment_id, change.day)]
        other += ctx.elsewhere.get(key, _ZERO)
        if per_trainee[key] + ctx.elsewhere.get(key, _ZERO) > ctx.limit:
            params = {"other": str(other), "limit": str(ctx.limit)}
            problems[index] = CellProblem(
                change.enrolment_id, change.day, member.name, Message("errors", text, params)
            )


def _hours_elsewhere(
    uow: UnitOfWork, sheet: Sequence[int], trainees: set[int], bounds: tuple[date, date]
) -> dict[tuple[int, date], Decimal]:
    """Hours the trainees worked on enrolments not on this sheet, by (trainee, day)."""
    if not trainees:
        return {}
    query = (
        select(Enrolment.trainee_id, Attendance.day, func.sum(Attendance.hours))
        .join(Enrolment, Enrolment.id == Attendance.enrolment_id)
        .where(
            Enrolment.trainee_id.in_(sorted(trainees)),
            Enrolment.id.not_in(list(sheet)),
            Attendance.day.between(*bounds),
        )
        .group_by(Enrolment.trainee_id, Attendance.day)
    )
    return {(tid, day): Decimal(total) for tid, day, total in uow.session.execute(query)}


def _validate(changes: Sequence[CellChange], ctx: _Context) -> None:
    problems: dict[int, CellProblem] = {}
    seen: set[tuple[int, date]] = set()
    for index, change in enumerate(changes):
        found = _cell_problem(change, ctx)
        key = (change.enrolment_id, change.day)
        if found is None and key in seen:
            found = QT_TRANSLATE_NOOP("errors", "The same cell was entered twice."), {}
        seen.add(key)
        if found is not None:
            member = ctx.members.get(change.enrolment_id)
            problems[index] = CellProblem(
                change.enrolment_id,
                change.day,
                member.name if member else "",
                Message("errors", found[0], found[1]),
            )
    _check_day_totals(changes, ctx, problems)
    if problems:
        raise InvalidCells([problems[i] for i in sorted(problems)])


# --------------------------------------------------------------------------- writing


def _upsert(uow: UnitOfWork) -> Insert:
    """INSERT … ON CONFLICT (enrolment, day) DO UPDATE, for the database in use."""
    table = Attendance.__table__
    dialect = uow.session.get_bind().dialect.name
    module: Any = postgresql if dialect == "postgresql" else sqlite
    stmt = module.insert(table)
    return stmt.on_conflict_do_update(
        index_elements=[table.c.enrolment_id, table.c.day],
        set_={
            "status": stmt.excluded.status,
            "hours": stmt.excluded.hours,
            "updated_at": stmt.excluded.updated_at,
        },
    )


def _describe(status: AttendanceStatus, hours: Decimal) -> str:
    return f"{status.value} {hours}" if status is AttendanceStatus.PRESENTE else status.value


def _write(
    uow: UnitOfWork, changes: Sequence[CellChange], recorded: _Recorded
) -> tuple[SaveResult, dict[str, list[str | None]], dict[int, int]]:
    """Write the changes; return the counts, the audit detail and new cells per row."""
    now = utcnow()
    upserts: list[dict[str, Any]] = []
    deletions: list[int] = []
    overwritten: dict[str, list[str | None]] = {}
    new: dict[str, list[str | None]] = {}
    unchanged = 0
    for change in changes:
        key = (change.enrolment_id, change.day)
        old = recorded.get(key)
        label = f"{change.enrolment_id}:{change.day.isoformat()}"
        before = _describe(old[1], old[2]) if old else None
        if change.hours is None:
            if old is None:
                unchanged += 1
            else:
                deletions.append(old[0])
                overwritten[label] = [before, None]
            continue
        status, hours = AttendanceStatus(change.status), Decimal(change.hours).quantize(_HUNDREDTH)
        if old is not None and (old[1], old[2]) == (status, hours):
            unchanged += 1
            continue
        (overwritten if old else new)[label] = [before, _describe(status, hours)]
        upserts.append(
            {
                "uuid": uuid4(),
                "enrolment_id": change.enrolment_id,
                "day": change.day,
                "status": status,
                "hours": hours,
                "created_at": now,
                "updated_at": now,
            }
        )
    if deletions:
        uow.session.execute(delete(Attendance).where(Attendance.id.in_(deletions)))
    if upserts:
        uow.session.execute(_upsert(uow), upserts)
    result = SaveResult(len(new), len(upserts) - len(new), len(deletions), unchanged)
    per_row: dict[int, int] = defaultdict(int)
    for label in new:
        per_row[int(label.split(":")[0])] += 1
    detail = overwritten | new if len(new) <= AUDIT_DETAIL_LIMIT else overwritten
    return result, detail, dict(per_row)


def save_month_sheet(
    uow: UnitOfWork,
    actor: Actor,
    workshop_id: int,
    year: int,
    month: int,
    changes: Sequence[CellChange],
    *,
    today: date | None = None,
) -> SaveResult:
    """Save the cells the user changed on a month sheet: all of them, or none.

    Every change is checked before anything is written.  Cells sent with the value
    they already hold are not written again.  One audit entry records the save, with
    the before and after of every overwritten or deleted cell, and of new cells too
    when they are at most :data:`AUDIT_DETAIL_LIMIT` (beyond, their count per row).

    Raises:
        PermissionDenied: the actor may not record attendance in this workshop.
        NotFound: no such workshop.
        ValidationError: no such month.
        InvalidCells: a :class:`ValidationError` whose ``problems`` name every bad cell
            (trainee, day, reason); nothing was written.
    """
    require(actor, Action.RECORD_ATTENDANCE, workshop_id=workshop_id)
    first, last = _month_bounds(year, month)
    workshop = _workshop(uow, actor, workshop_id)
    if not changes:
        return SaveResult(0, 0, 0, 0)
    members = {m.enrolment_id: m for m in _members(uow, workshop_id, first, last)}
    recorded = _recorded(uow, list(members), first, last)
    touched = {members[c.enrolment_id].trainee_id for c in changes if c.enrolment_id in members}
    limit = get_settings(uow).daily_hour_limit
    ctx = _Context(
        members,
        first,
        last,
        today_or(today),
        limit,
        recorded,
        _hours_elsewhere(uow, list(members), touched, (first, last)),
    )
    _validate(changes, ctx)
    result, detail, new_per_row = _write(uow, changes, recorded)
    if result.written:
        audit.record(
            uow,
            actor,
            "update",
            "attendance",
            entity_uuid=workshop.uuid,
            summary=(
                f"Attendance of {workshop.code} for {year}-{month:02d}: {result.inserted} new, "
                f"{result.updated} changed, {result.deleted} deleted"
            ),
            changes={"cells": detail, "new_cells_by_enrolment": new_per_row},
        )
    return result


def mark_day_present(
    uow: UnitOfWork,
    actor: Actor,
    workshop_id: int,
    day: date,
    *,
    today: date | None = None,
) -> int:
    """Mark present, with the workshop's standard hours, every row open that day.

    Entries already recorded that day (present or absent) are left as they are; only
    empty cells are filled.  The cells go through :func:`save_month_sheet`'s checks.

    Returns:
        The number of cells filled.

    Raises:
        PermissionDenied: the actor may not record attendance in this workshop.
        NotFound: no such workshop.
        InvalidCells: a cell would break a rule (e.g. the standard hours exceed the
            daily limit, or the trainee worked elsewhere that day); nothing was written.
    """
    require(actor, Action.RECORD_ATTENDANCE, workshop_id=workshop_id)
    workshop = _workshop(uow, actor, workshop_id)
    first, last = _month_bounds(day.year, day.month)
    members = _members(uow, workshop_id, first, last)
    recorded = _recorded(uow, [m.enrolment_id for m in members], day, day)
    changes = [
        CellChange(m.enrolment_id, day, workshop.standard_hours, AttendanceStatus.PRESENTE)
        for m in members
        if m.covers(day) and (m.enrolment_id, day) not in recorded
    ]
    result = save_month_sheet(uow, actor, workshop_id, day.year, day.month, changes, today=today)
    return result.inserted
