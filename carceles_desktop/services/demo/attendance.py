"""Daily attendance and competency assessments of one workshop's enrolments.

Attendance follows the rules the program enforces: only on working days inside the
enrolment (a trainee who leaves does not work on the day he leaves, except the one who
completes the programme), never after ``today``, at most 8 hours, and 0 hours when absent
or excused.  Each enrolment gets its own habits (how often he misses, an illness that
keeps him away a week), and the workshop closes on a few days for security searches.

Assessments are taken when the hours worked reach a competency's nominal hours; a few
fail and are retaken.
"""

from __future__ import annotations

import random
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from carceles_desktop.domain.enums import AttendanceStatus
from carceles_desktop.domain.enums import EnrolmentState as S
from carceles_desktop.services.demo.bulk import Bulk, Row, uuid_int
from carceles_desktop.services.demo.clock import WorkCalendar, end_of_day, office_time
from carceles_desktop.services.demo.people import Stint
from carceles_desktop.services.demo.world import WorkshopInfo, World

_PRESENT = AttendanceStatus.PRESENTE.value
_ABSENT = AttendanceStatus.FALTA.value
_EXCUSED = AttendanceStatus.JUSTIFICADA.value
_SATURDAY_HOURS = 400
_MOST_HOURS = 800


@dataclass(frozen=True)
class Worked:
    """The hours an enrolment worked, as running totals from its first working day.

    ``prefix[k]`` is the hundredths of hours worked from calendar day ``first`` to
    ``first + k`` inclusive.
    """

    first: int
    prefix: array[int]

    @property
    def total(self) -> int:
        """Hundredths of hours worked in all."""
        return self.prefix[-1] if self.prefix else 0

    def between(self, low: int, high: int) -> int:
        """Hundredths of hours worked from calendar day ``low`` to ``high`` inclusive."""
        low = max(low, self.first)
        high = min(high, self.first + len(self.prefix) - 1)
        if high < low:
            return 0
        before = self.prefix[low - self.first - 1] if low > self.first else 0
        return self.prefix[high - self.first] - before


def attendance_window(cal: WorkCalendar, stint: Stint) -> tuple[int, int]:
    """Calendar indices of the first and last day the enrolment can have attendance."""
    if stint.state is S.EN_ESPERA:
        return 0, -1
    last = cal.today
    if stint.end is not None:
        last = stint.end if stint.state is S.CULMINADO else stint.end - timedelta(days=1)
    return cal.first_on_or_after(stint.start), cal.last_on_or_before(min(last, cal.today))


class AttendanceWriter:
    """Writes one workshop's attendance and assessments and keeps the hours worked."""

    def __init__(self, world: World, bulk: Bulk, cal: WorkCalendar, workshop: WorkshopInfo):
        self.world, self.bulk, self.cal, self.workshop = world, bulk, cal, workshop
        self.rng = world.rng("attendance", workshop.code)
        encode_day = bulk.day_encoder()
        self.days = [encode_day(d) for d in cal.days]
        minute = timedelta(minutes=self.rng.randrange(0, 45))
        self.stamps = [bulk.stamp(end_of_day(d) + minute) for d in cal.days]
        self.closed = {k for k in range(len(cal)) if self.rng.random() < 0.01}
        self.worked: dict[int, Worked] = {}
        self.rows = 0

    def write(self, stints: list[Stint]) -> tuple[int, int]:
        """Write attendance then assessments; return both counts."""
        self.rows = self.bulk.insert("attendance", self._attendance(stints))
        assessed = self.bulk.insert("assessments", self._assessments(stints))
        return self.rows, assessed

    def _attendance(self, stints: list[Stint]) -> Iterator[Row]:
        rng, days, stamps, closed = self.rng, self.days, self.stamps, self.closed
        saturday = self.cal.saturday
        encode_uuid = self.bulk.uuid
        standard = self.workshop.hours
        for stint in stints:
            low, high = attendance_window(self.cal, stint)
            running = array("l")
            self.worked[stint.id] = Worked(low, running)
            if high < low:
                continue
            absent = rng.uniform(0.02, 0.10)
            excused = rng.uniform(0.005, 0.03)
            ill_from, ill_to = -1, -1
            if rng.random() < 0.12:
                ill_from = rng.randrange(low, high + 1)
                ill_to = ill_from + rng.randrange(3, 9)
            total = 0
            for k in range(low, high + 1):
                if k in closed:
                    running.append(total)
                    continue
                roll = rng.random()
                hours = 0
                if ill_from <= k <= ill_to or roll < excused:
                    status = _EXCUSED
                elif roll < excused + absent:
                    status = _ABSENT
                else:
                    status = _PRESENT
                    hours = (
                        _SATURDAY_HOURS if saturday[k] and standard > _SATURDAY_HOURS else standard
                    )
                    if roll > 0.93:  # left early: a court hearing, a visit, the doctor
                        hours = max(100, hours - rng.choice((50, 100, 150, 200)))
                    hours = min(hours, _MOST_HOURS)
                total += hours
                running.append(total)
                yield {
                    "uuid": encode_uuid(uuid_int(rng)),
                    "enrolment_id": stint.id,
                    "day": days[k],
                    "status": status,
                    "hours": hours,
                    "created_at": stamps[k],
                    "updated_at": stamps[k],
                }

    def _assessments(self, stints: list[Stint]) -> Iterator[Row]:
        competencies = self.world.trades.get(self.workshop.trade, [])
        rng = self.world.rng("assessments", self.workshop.code)
        for stint in stints:
            worked = self.worked.get(stint.id)
            if worked is None or worked.total == 0 or not competencies:
                continue
            chosen = [c for c in competencies if c.required or rng.random() < 0.4]
            need = sum(c.hours for c in chosen) * 100
            # Who completed the programme passed all it asks, even with fewer hours logged.
            squeeze = stint.state is S.CULMINADO and 0 < worked.total < need
            cumulative = 0
            for competency in chosen:
                cumulative += competency.hours * 100
                threshold = cumulative * worked.total // need if squeeze else cumulative
                offset = bisect_left(worked.prefix, max(threshold, 1))
                if offset >= len(worked.prefix):
                    break
                yield from self._grades(rng, stint, worked, competency.id, worked.first + offset)

    def _grades(
        self, rng: random.Random, stint: Stint, worked: Worked, competency_id: int, index: int
    ) -> Iterator[Row]:
        last = worked.first + len(worked.prefix) - 1
        retake = index + rng.randrange(5, 25)
        if rng.random() < 0.1 and (retake <= last or stint.state is not S.CULMINADO):
            yield self._assessment(rng, stint, competency_id, self.cal.days[index], False)
            if retake > last:
                return
            index = retake
        yield self._assessment(rng, stint, competency_id, self.cal.days[index], True)

    def _assessment(
        self, rng: random.Random, stint: Stint, competency_id: int, day: date, passed: bool
    ) -> Row:
        grade = int(rng.triangular(11, 20.99, 15)) if passed else rng.randrange(5, 11)
        stamp = self.bulk.stamp(office_time(day, rng))
        return {
            "uuid": self.bulk.uuid(uuid_int(rng)),
            "created_at": stamp,
            "updated_at": stamp,
            "enrolment_id": stint.id,
            "competency_id": competency_id,
            "assessed_on": self.bulk.day(day),
            "grade": grade,
            "passed": grade >= 11,
            "evaluator": self.workshop.instructor,
        }
