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

This module saves; reading the sheet lives in :mod:`.attendance_sheet` and the cell
checks in :mod:`.attendance_checks`.  Their public names are re-exported here, where
callers import them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import uuid4

from sqlalchemy import Insert, delete
from sqlalchemy.dialects import postgresql, sqlite

from carceles_desktop.domain.base import utcnow
from carceles_desktop.domain.enrolments import Attendance
from carceles_desktop.domain.enums import AttendanceStatus
from carceles_desktop.services import audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.attendance_checks import (
    HUNDREDTH,
    CellChange,
    CellProblem,
    CheckContext,
    InvalidCells,
    hours_elsewhere,
    validate_changes,
)
from carceles_desktop.services.attendance_sheet import (
    Cell,
    MonthSheet,
    Recorded,
    SheetDay,
    SheetRow,
    load_month_sheet,
    month_bounds,
    planilla_rows,
    recorded_cells,
    scoped_workshop,
    sheet_members,
)
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.services.scope import today_or
from carceles_desktop.services.settings import get_settings
from carceles_desktop.storage.unit_of_work import UnitOfWork

__all__ = [
    "AUDIT_DETAIL_LIMIT",
    "Cell",
    "CellChange",
    "CellProblem",
    "InvalidCells",
    "MonthSheet",
    "SaveResult",
    "SheetDay",
    "SheetRow",
    "load_month_sheet",
    "mark_day_present",
    "planilla_rows",
    "save_month_sheet",
]

#: New cells listed one by one in the audit entry up to this many; beyond, counted.
AUDIT_DETAIL_LIMIT = 300


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
    uow: UnitOfWork, changes: Sequence[CellChange], recorded: Recorded
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
        status, hours = AttendanceStatus(change.status), Decimal(change.hours).quantize(HUNDREDTH)
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


def _check_context(
    uow: UnitOfWork,
    workshop_id: int,
    bounds: tuple[date, date],
    changes: Sequence[CellChange],
    today: date,
) -> CheckContext:
    """Read what the changes are checked against: rows, cells, limit, hours elsewhere."""
    first, last = bounds
    members = {m.enrolment_id: m for m in sheet_members(uow, workshop_id, first, last)}
    recorded = recorded_cells(uow, list(members), first, last)
    touched = {members[c.enrolment_id].trainee_id for c in changes if c.enrolment_id in members}
    limit = get_settings(uow).daily_hour_limit
    return CheckContext(
        members,
        first,
        last,
        today,
        limit,
        recorded,
        hours_elsewhere(uow, list(members), touched, (first, last)),
    )


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
    bounds = month_bounds(year, month)
    workshop = scoped_workshop(uow, actor, workshop_id)
    if not changes:
        return SaveResult(0, 0, 0, 0)
    ctx = _check_context(uow, workshop_id, bounds, changes, today_or(today))
    validate_changes(changes, ctx)
    result, detail, new_per_row = _write(uow, changes, ctx.recorded)
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
    workshop = scoped_workshop(uow, actor, workshop_id)
    first, last = month_bounds(day.year, day.month)
    members = sheet_members(uow, workshop_id, first, last)
    recorded = recorded_cells(uow, [m.enrolment_id for m in members], day, day)
    changes = [
        CellChange(m.enrolment_id, day, workshop.standard_hours, AttendanceStatus.PRESENTE)
        for m in members
        if m.covers(day) and (m.enrolment_id, day) not in recorded
    ]
    result = save_month_sheet(uow, actor, workshop_id, day.year, day.month, changes, today=today)
    return result.inserted
