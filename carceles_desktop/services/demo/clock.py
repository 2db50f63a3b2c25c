"""The demo's calendar: the history window, working days and plausible clock times.

Workshops work Monday to Saturday and close on national holidays (and on an
establishment's own holidays).  Times are stored in naive UTC; Lima is UTC−5 all year,
so an office day of 08:00–17:00 in Lima is 13:00–22:00 UTC.
"""

from __future__ import annotations

import random
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

SATURDAY = 5
_LIMA_OFFSET = timedelta(hours=5)


def office_time(day: date, rng: random.Random, *, early: int = 8, late: int = 17) -> datetime:
    """A moment of the office day (Lima time ``early``–``late``), as naive UTC."""
    minutes = rng.randrange(early * 60, late * 60)
    local = datetime.combine(day, time(minutes // 60, minutes % 60, rng.randrange(60)))
    return local + _LIMA_OFFSET


def end_of_day(day: date) -> datetime:
    """17:30 in Lima on ``day``, as naive UTC: when the day's attendance is entered."""
    return datetime.combine(day, time(17, 30)) + _LIMA_OFFSET


class WorkCalendar:
    """The working days of one establishment from ``start`` to ``today`` inclusive.

    Attributes:
        days: the working days in order.
        saturday: for each working day, whether it is a Saturday (a shorter day).
    """

    def __init__(self, start: date, today: date, holidays: Iterable[date]) -> None:
        closed = set(holidays)
        self.start = start
        self.today = today
        self.days: list[date] = []
        day = start
        while day <= today:
            if day.weekday() < 6 and day not in closed:
                self.days.append(day)
            day += timedelta(days=1)
        self.saturday = [d.weekday() == SATURDAY for d in self.days]

    def __len__(self) -> int:
        return len(self.days)

    def first_on_or_after(self, day: date) -> int:
        """Index of the first working day on or after ``day`` (``len`` if none)."""
        return bisect_left(self.days, day)

    def last_on_or_before(self, day: date) -> int:
        """Index of the last working day on or before ``day`` (-1 if none)."""
        return bisect_right(self.days, day) - 1

    def working_day_on_or_after(self, day: date) -> date:
        """``day`` moved forward to a working day (or kept if past the window)."""
        index = self.first_on_or_after(day)
        return self.days[index] if index < len(self.days) else day
