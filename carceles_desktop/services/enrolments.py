"""Enrolments (*matrículas*): a trainee's place in a workshop, its waiting list and states.

An enrolment moves only along these steps, each with a date and a reason kept in
``enrolment_state_changes`` (the history is never rewritten)::

    en_espera → activo | retirado
    activo    → culminado | retirado | trasladado | liberado

A workshop full to its capacity puts new enrolments on a waiting list (``en_espera``,
numbered 1, 2, 3 …).  Promotion from the list is never automatic: who works is the
*jefe de trabajo*'s choice (domain.md), and the first in line may meanwhile have been
released or screened out.  :func:`promote_waiting` takes the list in order when asked,
and :func:`change_enrolment_state` promotes one chosen enrolment; both check capacity.
When a waiting enrolment starts, its ``starts_on`` becomes the day it started; the day
it was asked for stays in the first history step.

This module enrols and reads; the steps live in :mod:`.enrolment_changes`, what both
share in :mod:`.enrolment_common`, and the scope checks the other trainee services
share in :mod:`.scope`.  All of them are re-exported here, where callers import them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from carceles_desktop.domain.enrolments import Enrolment, EnrolmentStateChange
from carceles_desktop.domain.enums import EnrolmentState
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.domain.users import User
from carceles_desktop.domain.workshops import Workshop
from carceles_desktop.errors import Conflict, NotFound, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.enrolment_changes import (
    TRANSITIONS,
    change_enrolment_state,
    end_open_enrolments,
    promote_waiting,
)
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
from carceles_desktop.services.scope import (
    REASON_WIDTH,
    check_establishment_scope,
    check_reason,
    check_trainee_access,
    ever_worked,
    surnames_first,
    today_or,
)
from carceles_desktop.storage.unit_of_work import UnitOfWork

__all__ = [
    "OPEN_STATES",
    "REASON_WIDTH",
    "TRANSITIONS",
    "EnrolmentRow",
    "StateChangeRow",
    "change_enrolment_state",
    "check_establishment_scope",
    "check_reason",
    "check_trainee_access",
    "end_open_enrolments",
    "enrol_trainee",
    "enrolment_history",
    "ever_worked",
    "get_enrolment",
    "promote_waiting",
    "surnames_first",
    "today_or",
]


@dataclass(frozen=True)
class StateChangeRow:
    """One step of an enrolment's history, with who recorded it and when (UTC)."""

    changed_on: date
    from_state: EnrolmentState | None
    to_state: EnrolmentState
    reason: str
    username: str | None
    recorded_at: datetime


# --------------------------------------------------------------------------- enrolling


def _trainee(uow: UnitOfWork, trainee_id: int) -> Trainee:
    trainee = uow.session.get(Trainee, trainee_id)
    if trainee is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no trainee with the key {key}."),
            field="trainee",
            key=trainee_id,
        )
    return trainee


def _check_workshop(trainee: Trainee, workshop: Workshop) -> None:
    if not workshop.active:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The workshop {workshop} is closed."),
            field="workshop",
            workshop=workshop.name,
        )
    if trainee.establishment_id != workshop.establishment_id:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "{name} is held in another establishment than the workshop {workshop}."
            ),
            field="workshop",
            name=surnames_first(trainee),
            workshop=workshop.name,
        )


def _check_start(trainee: Trainee, starts_on: date, today: date) -> None:
    if starts_on > today:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The start date {day} is in the future."),
            field="starts_on",
            day=starts_on.isoformat(),
        )
    if trainee.admission_date is not None and starts_on < trainee.admission_date:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The start date {day} is before the admission date {admission}."
            ),
            field="starts_on",
            day=starts_on.isoformat(),
            admission=trainee.admission_date.isoformat(),
        )
    if trainee.release_date is not None and starts_on >= trainee.release_date:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{name} was released on {release}."),
            field="starts_on",
            name=surnames_first(trainee),
            release=trainee.release_date.isoformat(),
        )


def _check_no_clash(uow: UnitOfWork, trainee: Trainee, workshop: Workshop, start: date) -> None:
    previous = uow.session.scalars(
        select(Enrolment).where(
            Enrolment.trainee_id == trainee.id, Enrolment.workshop_id == workshop.id
        )
    ).all()
    for old in previous:
        if old.state in OPEN_STATES:
            raise Conflict(
                QT_TRANSLATE_NOOP("errors", "{name} is already enrolled in {workshop} ({state})."),
                field="workshop",
                name=surnames_first(trainee),
                workshop=workshop.name,
                state=old.state.value,
                existing_id=old.id,
            )
        if old.ends_on is not None and start <= old.ends_on:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{name}'s previous enrolment in {workshop} ended on {end}; "
                    "a new one must start after that day.",
                ),
                field="starts_on",
                name=surnames_first(trainee),
                workshop=workshop.name,
                end=old.ends_on.isoformat(),
            )


def _next_queue_position(uow: UnitOfWork, workshop_id: int) -> int:
    last = uow.session.scalar(
        select(func.max(Enrolment.queue_position)).where(
            Enrolment.workshop_id == workshop_id, Enrolment.state == EnrolmentState.EN_ESPERA
        )
    )
    return (last or 0) + 1


def enrol_trainee(
    uow: UnitOfWork,
    actor: Actor,
    trainee_id: int,
    workshop_id: int,
    starts_on: date,
    *,
    reason: str = "",
    today: date | None = None,
) -> EnrolmentRow:
    """Enrol a trainee in a workshop, or put him on its waiting list when it is full.

    Args:
        uow: the caller's unit of work (the caller commits).
        actor: who enrols.
        trainee_id: the trainee's key.
        workshop_id: the workshop's key.
        starts_on: the first day (for a waiting enrolment: the day it was asked for).
        reason: an optional note kept in the history.
        today: the current date (default: the computer's).

    Returns:
        The enrolment: state ``activo``, or ``en_espera`` with its ``queue_position``.

    Raises:
        PermissionDenied: the actor may not enrol in this workshop.
        NotFound: no such trainee or workshop (``field`` ``trainee`` or ``workshop``).
        ValidationError: closed workshop, another establishment, a start date in the
            future, before admission, after release or inside a previous enrolment.
        Conflict: the trainee already holds or waits for a place in this workshop.
    """
    require(actor, Action.ENROL, workshop_id=workshop_id)
    workshop = locked_workshop(uow, workshop_id)
    check_establishment_scope(actor, workshop.establishment_id)
    trainee = _trainee(uow, trainee_id)
    _check_workshop(trainee, workshop)
    _check_start(trainee, starts_on, today_or(today))
    _check_no_clash(uow, trainee, workshop, starts_on)
    full = active_count(uow, workshop_id) >= workshop.capacity
    enrolment = Enrolment(
        trainee=trainee,
        workshop=workshop,
        starts_on=starts_on,
        state=EnrolmentState.EN_ESPERA if full else EnrolmentState.ACTIVO,
        queue_position=_next_queue_position(uow, workshop_id) if full else None,
    )
    uow.session.add(enrolment)
    uow.session.flush()
    add_step(uow, actor, enrolment, (None, enrolment.state), starts_on, " ".join(reason.split()))
    return enrolment_row(enrolment)


# --------------------------------------------------------------------------- reading


def get_enrolment(uow: UnitOfWork, actor: Actor, enrolment_id: int) -> EnrolmentRow:
    """Return one enrolment.

    Raises:
        PermissionDenied: the actor may not view records.
        NotFound: no such enrolment.
    """
    require(actor, Action.VIEW)
    return enrolment_row(load_enrolment(uow, enrolment_id))


def enrolment_history(uow: UnitOfWork, actor: Actor, enrolment_id: int) -> list[StateChangeRow]:
    """Return every step of an enrolment, oldest first, with who recorded it.

    Raises:
        PermissionDenied: the actor may not view records.
        NotFound: no such enrolment.
    """
    require(actor, Action.VIEW)
    load_enrolment(uow, enrolment_id)
    query = (
        select(
            EnrolmentStateChange.changed_on,
            EnrolmentStateChange.from_state,
            EnrolmentStateChange.to_state,
            EnrolmentStateChange.reason,
            User.username,
            EnrolmentStateChange.created_at,
        )
        .outerjoin(User, User.id == EnrolmentStateChange.user_id)
        .where(EnrolmentStateChange.enrolment_id == enrolment_id)
        .order_by(EnrolmentStateChange.id)
    )
    return [StateChangeRow(*row) for row in uow.session.execute(query)]
