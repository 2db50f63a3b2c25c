"""The rule that keeps a trainee's hours on batches within the hours he attended.

A batch's *period* runs from ``starts_on`` to ``ends_on`` (to today while it has no end).
Hours on a batch can only have been worked on days of its period, and only on days the
trainee attended that workshop.  So, for every window of days W:

    the hours a trainee has on the workshop's batches whose period lies inside W
    must not exceed his attendance hours in that workshop within W.

This is exactly the condition under which his attended hours can be shared out among
his batches day by day (Hall's condition for intervals; a window that is not one
stretch splits into stretches, each checked on its own), so it refuses nothing that
could be true and accepts nothing that could not.  Only windows that begin at some
batch's start and end at some batch's end need checking, and when one batch changes,
only the windows that contain its period.

Annulled batches do not count.  Hours are counted per trainee and workshop, across his
enrolments there (a trainee may be enrolled twice in one workshop over the years).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import accumulate

from sqlalchemy import select

from carceles_desktop.domain.enrolments import Attendance, Enrolment
from carceles_desktop.domain.enums import AttendanceStatus, BatchState
from carceles_desktop.domain.production import BatchWorker, ProductionBatch
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.errors import ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.storage.unit_of_work import UnitOfWork

_ZERO = Decimal("0.00")

HOURS_ABOVE_ATTENDANCE = QT_TRANSLATE_NOOP(
    "errors",
    "{trainee} would have {hours} h on batches {batches} from {start} to {end}, but he "
    "attended this workshop only {attended} h on those days.",
)


@dataclass(frozen=True)
class _Stint:
    """One batch's period and the trainee's hours on it."""

    code: str
    start: date
    end: date
    hours: Decimal


def batch_period(starts_on: date, ends_on: date | None, today: date) -> tuple[date, date]:
    """Return the days a batch covers: to its end, or to today while it has none."""
    end = ends_on if ends_on is not None else today
    return starts_on, max(end, starts_on)


class _Attendance:
    """Attendance hours by day, summed over any range of days in O(log n)."""

    def __init__(self, days: list[tuple[date, Decimal]]) -> None:
        days.sort()
        self._days = [day for day, _ in days]
        self._totals = [_ZERO, *accumulate(hours for _, hours in days)]

    def between(self, start: date, end: date) -> Decimal:
        lo = bisect_left(self._days, start)
        hi = bisect_right(self._days, end)
        return self._totals[hi] - self._totals[lo]


def _other_stints(
    uow: UnitOfWork, batch_id: int, enrolments: list[int], today: date
) -> list[_Stint]:
    query = (
        select(
            ProductionBatch.code,
            ProductionBatch.starts_on,
            ProductionBatch.ends_on,
            BatchWorker.hours,
        )
        .join(BatchWorker, BatchWorker.batch_id == ProductionBatch.id)
        .where(
            BatchWorker.enrolment_id.in_(enrolments),
            ProductionBatch.id != batch_id,
            ProductionBatch.state != BatchState.ANULADO,
        )
    )
    stints: dict[str, _Stint] = {}
    for code, starts_on, ends_on, hours in uow.session.execute(query):
        start, end = batch_period(starts_on, ends_on, today)
        previous = stints.get(code)
        # Two enrolments of one trainee on one batch: his hours there add up.
        total = hours + (previous.hours if previous else _ZERO)
        stints[code] = _Stint(code, start, end, total)
    return list(stints.values())


@dataclass(frozen=True)
class BatchSpan:
    """The batch being changed, with the dates it would have (checked before writing)."""

    id: int
    code: str
    workshop_id: int
    starts_on: date
    ends_on: date | None

    @classmethod
    def of(
        cls, batch: ProductionBatch, starts_on: date | None = None, ends_on: date | None = None
    ) -> BatchSpan:
        """The batch's span, with new dates where given."""
        return cls(
            batch.id,
            batch.code,
            batch.workshop_id,
            starts_on or batch.starts_on,
            ends_on or batch.ends_on,
        )


def check_trainee_hours(
    uow: UnitOfWork,
    batch: BatchSpan,
    trainee_id: int,
    hours: Decimal,
    *,
    today: date,
    field: str,
) -> None:
    """Refuse ``hours`` for a trainee on ``batch`` when no sharing of his attendance fits.

    Args:
        uow: the caller's unit of work.
        batch: the batch being changed, with its (possibly new, not yet written) dates.
        trainee_id: the trainee.
        hours: his total hours on this batch.
        today: the end of the period of a batch without an end date.
        field: the form field, for the error (``workers[1].hours``).

    Raises:
        ValidationError: naming the tightest window of days that does not fit, the
            hours claimed and the hours attended.
    """
    if hours <= 0:
        return
    enrolments = list(
        uow.session.scalars(
            select(Enrolment.id).where(
                Enrolment.trainee_id == trainee_id, Enrolment.workshop_id == batch.workshop_id
            )
        )
    )
    start, end = batch_period(batch.starts_on, batch.ends_on, today)
    stints = [
        _Stint(batch.code, start, end, hours),
        *_other_stints(uow, batch.id, enrolments, today),
    ]
    low = min(s.start for s in stints)
    high = max(s.end for s in stints)
    query = select(Attendance.day, Attendance.hours).where(
        Attendance.enrolment_id.in_(enrolments),
        Attendance.status == AttendanceStatus.PRESENTE,
        Attendance.day.between(low, high),
    )
    attended = _Attendance([(day, hours) for day, hours in uow.session.execute(query)])
    # Tightest windows first, so the message names the fewest batches.
    starts = sorted({s.start for s in stints if s.start <= start}, reverse=True)
    ends = sorted({s.end for s in stints if s.end >= end})
    for window_start in starts:
        for window_end in ends:
            inside = [s for s in stints if window_start <= s.start and s.end <= window_end]
            claimed = sum((s.hours for s in inside), _ZERO)
            available = attended.between(window_start, window_end)
            if claimed > available:
                trainee = uow.session.get(Trainee, trainee_id)
                raise ValidationError(
                    HOURS_ABOVE_ATTENDANCE,
                    field=field,
                    trainee=_name(trainee) if trainee else str(trainee_id),
                    hours=str(claimed),
                    batches=", ".join(sorted(s.code for s in inside)),
                    start=window_start.isoformat(),
                    end=window_end.isoformat(),
                    attended=str(available),
                )


def _name(trainee: Trainee) -> str:
    surnames = " ".join(s for s in (trainee.paternal_surname, trainee.maternal_surname) if s)
    return f"{trainee.given_names} {surnames} ({trainee.inmate_code})"
