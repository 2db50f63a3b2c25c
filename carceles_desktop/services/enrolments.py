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

This module also holds the scope checks the other trainee services share: who may touch
which establishment's and which workshop's records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from sqlalchemy import ColumnElement, and_, exists, func, select

from carceles_desktop.domain.enrolments import Attendance, Enrolment, EnrolmentStateChange
from carceles_desktop.domain.enums import EnrolmentState, Role
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.domain.users import User
from carceles_desktop.domain.workshops import Workshop
from carceles_desktop.errors import Conflict, NotFound, PermissionDenied, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.storage.unit_of_work import UnitOfWork

_S = EnrolmentState
#: The steps an enrolment may take, from each state.
TRANSITIONS: dict[EnrolmentState, frozenset[EnrolmentState]] = {
    _S.EN_ESPERA: frozenset({_S.ACTIVO, _S.RETIRADO}),
    _S.ACTIVO: frozenset({_S.CULMINADO, _S.RETIRADO, _S.TRASLADADO, _S.LIBERADO}),
}
#: States of an enrolment that still holds (or waits for) a place.
OPEN_STATES = (_S.ACTIVO, _S.EN_ESPERA)
REASON_WIDTH = 300


@dataclass(frozen=True)
class EnrolmentRow:
    """An enrolment as screens show it.

    Attributes:
        queue_position: place on the waiting list (1 is next), for ``en_espera`` only.
    """

    id: int
    uuid: UUID
    trainee_id: int
    trainee_name: str
    inmate_code: str
    workshop_id: int
    workshop_code: str
    workshop_name: str
    starts_on: date
    ends_on: date | None
    state: EnrolmentState
    queue_position: int | None

    @property
    def waiting(self) -> bool:
        """True when the enrolment is on the waiting list (the workshop was full)."""
        return self.state is EnrolmentState.EN_ESPERA


@dataclass(frozen=True)
class StateChangeRow:
    """One step of an enrolment's history, with who recorded it and when (UTC)."""

    changed_on: date
    from_state: EnrolmentState | None
    to_state: EnrolmentState
    reason: str
    username: str | None
    recorded_at: datetime


# --------------------------------------------------------------------------- scope


def today_or(today: date | None) -> date:
    """Return ``today`` when given (tests, imports of old data), else the local date."""
    return today if today is not None else date.today()


def surnames_first(trainee: Trainee) -> str:
    """Write a trainee's name as lists sort it: ``"Quispe Mamani, José Luis"``."""
    surnames = " ".join(s for s in (trainee.paternal_surname, trainee.maternal_surname) if s)
    return f"{surnames}, {trainee.given_names}"


def check_establishment_scope(actor: Actor, establishment_id: int) -> None:
    """Refuse an actor bound to one establishment any record of another.

    Raises:
        PermissionDenied: the record belongs to another establishment.
    """
    if actor.establishment_id is not None and actor.establishment_id != establishment_id:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "errors", "{user} may work only with the records of his own establishment."
            ),
            user=actor.username,
        )


def check_trainee_access(uow: UnitOfWork, actor: Actor, trainee: Trainee) -> None:
    """Refuse a trainee outside the actor's establishment or, for a supervisor, workshops.

    A supervisor may touch a trainee enrolled (now or before) in one of his workshops,
    or one never enrolled anywhere (just registered, about to be enrolled).

    Raises:
        PermissionDenied: the trainee is out of the actor's reach.
    """
    check_establishment_scope(actor, trainee.establishment_id)
    if actor.role is not Role.SUPERVISOR:
        return
    query = select(Enrolment.workshop_id).where(Enrolment.trainee_id == trainee.id)
    workshops = set(uow.session.scalars(query))
    if workshops and not workshops & actor.workshop_ids:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "errors", "{user} may change only the trainees of the workshops assigned to him."
            ),
            user=actor.username,
        )


def ever_worked() -> ColumnElement[bool]:
    """SQL condition: the enrolment was active at some time (it has days to record).

    Waiting enrolments never worked, nor those that left the waiting list straight away.
    """
    left_waiting = exists().where(
        EnrolmentStateChange.enrolment_id == Enrolment.id,
        EnrolmentStateChange.from_state == _S.EN_ESPERA,
        EnrolmentStateChange.to_state == _S.RETIRADO,
    )
    return and_(Enrolment.state != _S.EN_ESPERA, ~left_waiting)


# --------------------------------------------------------------------------- helpers


def _row(enrolment: Enrolment) -> EnrolmentRow:
    trainee, workshop = enrolment.trainee, enrolment.workshop
    return EnrolmentRow(
        id=enrolment.id,
        uuid=enrolment.uuid,
        trainee_id=trainee.id,
        trainee_name=surnames_first(trainee),
        inmate_code=trainee.inmate_code,
        workshop_id=workshop.id,
        workshop_code=workshop.code,
        workshop_name=workshop.name,
        starts_on=enrolment.starts_on,
        ends_on=enrolment.ends_on,
        state=enrolment.state,
        queue_position=enrolment.queue_position,
    )


def check_reason(reason: str) -> str:
    """Return the reason stripped, or refuse an empty or too long one.

    Raises:
        ValidationError: ``field`` is ``reason``.
    """
    text = " ".join(reason.split())
    if not text:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Give the reason for the change."), field="reason"
        )
    if len(text) > REASON_WIDTH:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The reason is longer than {width} characters."),
            field="reason",
            width=REASON_WIDTH,
        )
    return text


def _active_count(uow: UnitOfWork, workshop_id: int) -> int:
    query = select(func.count(Enrolment.id)).where(
        Enrolment.workshop_id == workshop_id, Enrolment.state == _S.ACTIVO
    )
    return int(uow.session.scalar(query) or 0)


def _locked_workshop(uow: UnitOfWork, workshop_id: int) -> Workshop:
    # FOR UPDATE serialises capacity checks on PostgreSQL; SQLite's BEGIN IMMEDIATE
    # already does (and SQLAlchemy leaves the clause out there).
    query = select(Workshop).where(Workshop.id == workshop_id).with_for_update()
    workshop = uow.session.scalar(query)
    if workshop is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no workshop with the key {key}."),
            field="workshop",
            key=workshop_id,
        )
    return workshop


def _renumber_queue(uow: UnitOfWork, workshop_id: int) -> None:
    query = (
        select(Enrolment)
        .where(Enrolment.workshop_id == workshop_id, Enrolment.state == _S.EN_ESPERA)
        .order_by(Enrolment.queue_position, Enrolment.id)
    )
    for position, waiting in enumerate(uow.session.scalars(query), start=1):
        waiting.queue_position = position


def _add_step(
    uow: UnitOfWork,
    actor: Actor,
    enrolment: Enrolment,
    step: tuple[EnrolmentState | None, EnrolmentState],
    on: date,
    reason: str,
) -> None:
    from_state, to_state = step
    uow.session.add(
        EnrolmentStateChange(
            enrolment_id=enrolment.id,
            from_state=from_state,
            to_state=to_state,
            changed_on=on,
            reason=reason,
            user_id=actor.user_id,
        )
    )
    uow.session.flush()
    audit.record(
        uow,
        actor,
        "create" if from_state is None else "state_change",
        "enrolment",
        entity_uuid=enrolment.uuid,
        summary=(
            f"Enrolment {enrolment.id} of trainee {enrolment.trainee.inmate_code} in "
            f"{enrolment.workshop.code}: {from_state or '-'} → {to_state} on {on.isoformat()}"
        ),
        changes={"state": [from_state, to_state], "on": on, "reason": reason},
    )


# --------------------------------------------------------------------------- enrolling


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
    workshop = _locked_workshop(uow, workshop_id)
    check_establishment_scope(actor, workshop.establishment_id)
    trainee = uow.session.get(Trainee, trainee_id)
    if trainee is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no trainee with the key {key}."),
            field="trainee",
            key=trainee_id,
        )
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
    _check_start(trainee, starts_on, today_or(today))
    _check_no_clash(uow, trainee, workshop, starts_on)
    full = _active_count(uow, workshop_id) >= workshop.capacity
    position = None
    if full:
        last = uow.session.scalar(
            select(func.max(Enrolment.queue_position)).where(
                Enrolment.workshop_id == workshop_id, Enrolment.state == _S.EN_ESPERA
            )
        )
        position = (last or 0) + 1
    enrolment = Enrolment(
        trainee=trainee,
        workshop=workshop,
        starts_on=starts_on,
        state=_S.EN_ESPERA if full else _S.ACTIVO,
        queue_position=position,
    )
    uow.session.add(enrolment)
    uow.session.flush()
    _add_step(uow, actor, enrolment, (None, enrolment.state), starts_on, " ".join(reason.split()))
    return _row(enrolment)


# --------------------------------------------------------------------------- changing


def _get_enrolment(uow: UnitOfWork, enrolment_id: int) -> Enrolment:
    enrolment = uow.session.get(Enrolment, enrolment_id)
    if enrolment is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no enrolment with the key {key}."),
            field="enrolment",
            key=enrolment_id,
        )
    return enrolment


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
        workshop = _locked_workshop(uow, enrolment.workshop_id)
        if _active_count(uow, workshop.id) >= workshop.capacity:
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "errors", "The workshop {workshop} is full ({capacity} places taken)."
                ),
                field="state",
                workshop=workshop.name,
                capacity=workshop.capacity,
            )
        enrolment.starts_on = on
    else:
        enrolment.ends_on = on
    enrolment.state = new_state
    enrolment.queue_position = None
    uow.session.flush()
    if old_state is _S.EN_ESPERA:
        _renumber_queue(uow, enrolment.workshop_id)
    _add_step(uow, actor, enrolment, (old_state, new_state), on, reason)


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
    enrolment = _get_enrolment(uow, enrolment_id)
    require(actor, Action.ENROL, workshop_id=enrolment.workshop_id)
    check_establishment_scope(actor, enrolment.workshop.establishment_id)
    _apply_change(uow, actor, enrolment, (new_state, on, reason), today_or(today))
    return _row(enrolment)


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
    workshop = _locked_workshop(uow, workshop_id)
    check_establishment_scope(actor, workshop.establishment_id)
    free = workshop.capacity - _active_count(uow, workshop_id)
    queue = uow.session.scalars(
        select(Enrolment)
        .where(Enrolment.workshop_id == workshop_id, Enrolment.state == _S.EN_ESPERA)
        .order_by(Enrolment.queue_position, Enrolment.id)
        .limit(max(free, 0))
    ).all()
    started = []
    for enrolment in queue:
        _apply_change(uow, actor, enrolment, (_S.ACTIVO, on, reason), today_or(today))
        started.append(_row(enrolment))
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


# --------------------------------------------------------------------------- reading


def get_enrolment(uow: UnitOfWork, actor: Actor, enrolment_id: int) -> EnrolmentRow:
    """Return one enrolment.

    Raises:
        PermissionDenied: the actor may not view records.
        NotFound: no such enrolment.
    """
    require(actor, Action.VIEW)
    return _row(_get_enrolment(uow, enrolment_id))


def enrolment_history(uow: UnitOfWork, actor: Actor, enrolment_id: int) -> list[StateChangeRow]:
    """Return every step of an enrolment, oldest first, with who recorded it.

    Raises:
        PermissionDenied: the actor may not view records.
        NotFound: no such enrolment.
    """
    require(actor, Action.VIEW)
    _get_enrolment(uow, enrolment_id)
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
