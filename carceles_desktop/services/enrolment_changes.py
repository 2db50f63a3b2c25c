"""Moving an enrolment along its steps: starting from the waiting list, or ending it.

The steps allowed are :data:`TRANSITIONS`; each is checked (date, reason, attendance
already recorded, capacity when starting) and appended to the history.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from carceles_desktop.domain.enrolments import Attendance, Enrolment
from carceles_desktop.domain.enums import EnrolmentState
from carceles_desktop.errors import Conflict, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.enrolment_common import (
    OPEN_STATES,
    EnrolmentRow,
    active_count,
    add_step,
    enrolment_row,
    load_enrolment,
    locked_workshop,
)
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.services.scope import check_establishment_scope, check_reason, today_or
from carceles_desktop.storage.unit_of_work import UnitOfWork

_S = EnrolmentState
#: The steps an enrolment may take, from each state.
TRANSITIONS: dict[EnrolmentState, frozenset[EnrolmentState]] = {
    _S.EN_ESPERA: frozenset({_S.ACTIVO, _S.RETIRADO}),
    _S.ACTIVO: frozenset({_S.CULMINADO, _S.RETIRADO, _S.TRASLADADO, _S.LIBERADO}),
}


def _renumber_queue(uow: UnitOfWork, workshop_id: int) -> None:
    query = (
        select(Enrolment)
        .where(Enrolment.workshop_id == workshop_id, Enrolment.state == _S.EN_ESPERA)
        .order_by(Enrolment.queue_position, Enrolment.id)
    )
    for position, waiting in enumerate(uow.session.scalars(query), start=1):
        waiting.queue_position = position


def _check_change_date(uow: UnitOfWork, enrolment: Enrolment, on: date, today: date) -> None:
    if on > today:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The date {day} is in the future."),
            field="on",
            day=on.isoformat(),
        )
    if on < enrolment.starts_on:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The date {day} is before the enrolment began ({start})."),
            field="on",
            day=on.isoformat(),
            start=enrolment.starts_on.isoformat(),
        )
    later = uow.session.scalar(
        select(func.max(Attendance.day)).where(
            Attendance.enrolment_id == enrolment.id, Attendance.day > on
        )
    )
    if later is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Attendance is recorded up to {last}, after {day}; correct the attendance "
                "or choose a later date.",
            ),
            field="on",
            day=on.isoformat(),
            last=later.isoformat(),
        )


def _check_free_place(uow: UnitOfWork, workshop_id: int) -> None:
    workshop = locked_workshop(uow, workshop_id)
    if active_count(uow, workshop.id) >= workshop.capacity:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "errors", "The workshop {workshop} is full ({capacity} places taken)."
            ),
            field="state",
            workshop=workshop.name,
            capacity=workshop.capacity,
        )


def _apply_change(
    uow: UnitOfWork,
    actor: Actor,
    enrolment: Enrolment,
    change: tuple[EnrolmentState, date, str],
    today: date,
) -> None:
    new_state, on, reason = EnrolmentState(change[0]), change[1], change[2]
    old_state = enrolment.state
    if new_state not in TRANSITIONS.get(old_state, frozenset()):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "An enrolment in state {old} cannot change to {new}."),
            field="state",
            old=old_state.value,
            new=new_state.value,
        )
    reason = check_reason(reason)
    _check_change_date(uow, enrolment, on, today)
    if new_state is _S.ACTIVO:
        _check_free_place(uow, enrolment.workshop_id)
        enrolment.starts_on = on
    else:
        enrolment.ends_on = on
    enrolment.state = new_state
    enrolment.queue_position = None
    uow.session.flush()
    if old_state is _S.EN_ESPERA:
        _renumber_queue(uow, enrolment.workshop_id)
    add_step(uow, actor, enrolment, (old_state, new_state), on, reason)


def change_enrolment_state(
    uow: UnitOfWork,
    actor: Actor,
    enrolment_id: int,
    new_state: EnrolmentState,
    on: date,
    reason: str,
    *,
    today: date | None = None,
) -> EnrolmentRow:
    """Move an enrolment one step (see :data:`TRANSITIONS`), with a date and a reason.

    An ending sets ``ends_on`` to ``on``; starting a waiting enrolment sets ``starts_on``.

    Raises:
        PermissionDenied: the actor may not change enrolments of this workshop.
        NotFound: no such enrolment.
        ValidationError: a step not allowed (``field`` ``state``), no reason
            (``reason``), a date in the future, before the start, or before attendance
            already recorded (``on``).
        Conflict: starting a waiting enrolment in a full workshop.
    """
    enrolment = load_enrolment(uow, enrolment_id)
    require(actor, Action.ENROL, workshop_id=enrolment.workshop_id)
    check_establishment_scope(actor, enrolment.workshop.establishment_id)
    _apply_change(uow, actor, enrolment, (new_state, on, reason), today_or(today))
    return enrolment_row(enrolment)


def promote_waiting(
    uow: UnitOfWork,
    actor: Actor,
    workshop_id: int,
    on: date,
    reason: str,
    *,
    today: date | None = None,
) -> list[EnrolmentRow]:
    """Start waiting enrolments in queue order while the workshop has free places.

    Returns:
        The enrolments started (empty when the workshop is full or nobody waits).

    Raises:
        PermissionDenied: the actor may not enrol in this workshop.
        NotFound: no such workshop.
        ValidationError: no reason, a date in the future or before a waiting start.
    """
    require(actor, Action.ENROL, workshop_id=workshop_id)
    workshop = locked_workshop(uow, workshop_id)
    check_establishment_scope(actor, workshop.establishment_id)
    free = workshop.capacity - active_count(uow, workshop_id)
    queue = uow.session.scalars(
        select(Enrolment)
        .where(Enrolment.workshop_id == workshop_id, Enrolment.state == _S.EN_ESPERA)
        .order_by(Enrolment.queue_position, Enrolment.id)
        .limit(max(free, 0))
    ).all()
    started = []
    for enrolment in queue:
        _apply_change(uow, actor, enrolment, (_S.ACTIVO, on, reason), today_or(today))
        started.append(enrolment_row(enrolment))
    return started


def end_open_enrolments(
    uow: UnitOfWork, actor: Actor, trainee_id: int, on: date, reason: str, today: date
) -> list[int]:
    """End every open enrolment of a trainee who leaves the establishment.

    Active enrolments end as ``trasladado``; waiting ones as ``retirado`` (a waiting
    enrolment never started, see :data:`TRANSITIONS`).  Used by the transfer service.

    Returns:
        The keys of the enrolments ended.

    Raises:
        ValidationError: as for :func:`change_enrolment_state`.
    """
    open_ones = uow.session.scalars(
        select(Enrolment)
        .where(Enrolment.trainee_id == trainee_id, Enrolment.state.in_(OPEN_STATES))
        .order_by(Enrolment.id)
    ).all()
    for enrolment in open_ones:
        target = _S.TRASLADADO if enrolment.state is _S.ACTIVO else _S.RETIRADO
        # A place asked for after the transfer date lapses on the day it was asked for.
        day = max(on, enrolment.starts_on) if enrolment.state is _S.EN_ESPERA else on
        _apply_change(uow, actor, enrolment, (target, day, reason), today)
    return [e.id for e in open_ones]
