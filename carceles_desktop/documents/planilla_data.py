"""Input of the monthly attendance sheet (*planilla de control laboral*).

The *planilla* is the signed monthly sheet of a workshop: one row per trainee, one
column per day with the hours worked, and the totals that support redemption of
sentence.  The service that fills it computes the totals; the renderer only prints them.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from carceles_desktop.documents.data import InstitutionHeader, PersonDocument, Signatory
from carceles_desktop.domain.enums import AttendanceStatus

_MAX_HOURS = Decimal(24)


@dataclass(frozen=True)
class PlanillaDay:
    """A column of the sheet: one day of the month.

    Attributes:
        on: the day.
        holiday: the holiday's name (*feriado*) when the day is one, else ``None``.
    """

    on: date
    holiday: str | None = None

    @property
    def is_sunday(self) -> bool:
        """Tell whether the day is a Sunday."""
        return self.on.weekday() == 6

    @property
    def is_rest_day(self) -> bool:
        """Tell whether the column is shaded: a Sunday or a holiday."""
        return self.is_sunday or self.holiday is not None


@dataclass(frozen=True)
class DayEntry:
    """One trainee's attendance on one day, as recorded.

    Attributes:
        status: present, absent (*falta*, printed "F") or justified absence ("J").
        hours: hours of effective work; zero unless present.

    Raises:
        ValueError: hours outside 0–24, or hours on a day of absence.
    """

    status: AttendanceStatus
    hours: Decimal = Decimal(0)

    def __post_init__(self) -> None:
        # The same rules as the attendance table's CHECK constraints.
        if not Decimal(0) <= self.hours <= _MAX_HOURS:
            raise ValueError(f"hours in a day must be 0 to 24: {self.hours}")
        if self.status is not AttendanceStatus.PRESENTE and self.hours:
            raise ValueError(f"hours recorded on a day marked {self.status}")


@dataclass(frozen=True)
class PlanillaRow:
    """One trainee's line of the sheet.

    Attributes:
        number: the row number printed in the first column (1, 2, …).
        full_name: surnames and names as printed, e.g. ``"NÚÑEZ PEÑA, María José"``.
        document: identity document, or the inmate code when there is none.
        entries: one item per day of the month, day 1 first; ``None`` where nothing was
            recorded (blank cell: not yet enrolled, left, or not recorded).
        valid_days: days whose hours reach the minimum (computed by the service).
        hours: total hours worked in the month (computed by the service).
    """

    number: int
    full_name: str
    document: PersonDocument
    entries: tuple[DayEntry | None, ...]
    valid_days: int
    hours: Decimal


@dataclass(frozen=True)
class PlanillaSignatories:
    """The three people who sign the sheet.

    Attributes:
        supervisor: the workshop's supervisor.
        work_head: the establishment's head of work (*jefe de trabajo*).
        director: the establishment's director.
    """

    supervisor: Signatory
    work_head: Signatory
    director: Signatory


@dataclass(frozen=True)
class PlanillaData:
    """Everything printed on a workshop's monthly attendance sheet.

    Attributes:
        header: the letterhead.
        workshop_code: e.g. ``"LUR-CARP-01"``.
        workshop_name: e.g. ``"Carpintería en madera"``.
        trade: the trade (*oficio*), e.g. ``"Carpintería"``.
        year: the year of the sheet.
        month: its month, 1 to 12.
        days: every day of the month in order (see :func:`month_days`).
        rows: one per trainee, in the order printed.
        minimum_valid_hours: hours that make a day valid (a setting); printed in a note.
        signatories: who signs at the end of the last page.
        place: where it is printed, e.g. ``"Lima"``.
        printed_on: the day it is printed.

    Raises:
        ValueError: ``days`` are not the days of the month, or a row's entries do not
            match them, or the minimum is not positive.
    """

    header: InstitutionHeader
    workshop_code: str
    workshop_name: str
    trade: str
    year: int
    month: int
    days: tuple[PlanillaDay, ...]
    rows: tuple[PlanillaRow, ...]
    minimum_valid_hours: Decimal
    signatories: PlanillaSignatories
    place: str
    printed_on: date

    def __post_init__(self) -> None:
        expected = [day.on for day in month_days(self.year, self.month)]
        if [day.on for day in self.days] != expected:
            raise ValueError(f"days must be every day of {self.year}-{self.month:02d} in order")
        for row in self.rows:
            if len(row.entries) != len(self.days):
                raise ValueError(f"row {row.number}: {len(row.entries)} entries for the month")
        if not self.minimum_valid_hours > 0:
            raise ValueError(f"minimum valid hours must be positive: {self.minimum_valid_hours}")


def month_days(
    year: int, month: int, holidays: Mapping[date, str] | None = None
) -> tuple[PlanillaDay, ...]:
    """Build the columns of a month, marking the holidays given.

    Args:
        year: the year.
        month: 1 to 12.
        holidays: holiday names by date (e.g. from ``peru_national_holidays`` plus
            regional ones); dates outside the month are ignored.

    Raises:
        ValueError: ``month`` is not 1 to 12.
    """
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1 to 12: {month}")
    holidays = holidays or {}
    count = calendar.monthrange(year, month)[1]
    return tuple(
        PlanillaDay(on, holidays.get(on))
        for on in (date(year, month, day) for day in range(1, count + 1))
    )
