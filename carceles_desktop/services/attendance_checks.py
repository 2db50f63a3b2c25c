"""The checks every changed cell of an attendance sheet goes through before a save.

A cell may be set only inside its enrolment and never in the future, with at most the
legal daily limit of hours (a setting) counted across every workshop the trainee
works in that day, and once per save.  :func:`validate_changes` names every bad cell
at once, so the screen can mark them all in place.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from carceles_desktop.domain.enrolments import Attendance, Enrolment
from carceles_desktop.domain.enums import AttendanceStatus
from carceles_desktop.errors import ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP, Message
from carceles_desktop.services.attendance_sheet import Recorded, SheetMember
from carceles_desktop.storage.unit_of_work import UnitOfWork

#: Hours are kept to the hundredth.
HUNDREDTH = Decimal("0.01")
_ZERO = Decimal("0.00")


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
class CheckContext:
    """What the checks compare the changes with: the sheet as stored and the limits."""

    members: dict[int, SheetMember]
    first: date
    last: date
    today: date
    limit: Decimal
    recorded: Recorded
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
    if value != value.quantize(HUNDREDTH):
        return QT_TRANSLATE_NOOP("errors", "Hours have at most two decimals (e.g. 7.25).")
    if value > limit:
        return QT_TRANSLATE_NOOP("errors", "More than the daily limit of {limit} hours.")
    if status is AttendanceStatus.PRESENTE and value == 0:
        return QT_TRANSLATE_NOOP("errors", "A day present has hours; enter them or mark absence.")
    if status is not AttendanceStatus.PRESENTE and value != 0:
        return QT_TRANSLATE_NOOP("errors", "An absence has no hours.")
    return None


def _cell_problem(change: CellChange, ctx: CheckContext) -> tuple[str, dict[str, Any]] | None:
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
    changes: Sequence[CellChange], ctx: CheckContext, problems: dict[int, CellProblem]
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


def hours_elsewhere(
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


def validate_changes(changes: Sequence[CellChange], ctx: CheckContext) -> None:
    """Check every change; refuse them all, naming each bad cell, if any one is wrong.

    Raises:
        InvalidCells: every bad cell, in the order of the changes.
    """
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
