"""Checks and small helpers the trainee services share.

Who may touch which establishment's and which workshop's records, the reason every
change must give, the date a service takes for "today", the name as lists write it,
and which enrolments count as having worked.  Enrolments, trainees, attendance,
agreements, certificates and others use them; they depend on nothing but the domain.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, and_, exists, select

from carceles_desktop.domain.enrolments import Enrolment, EnrolmentStateChange
from carceles_desktop.domain.enums import EnrolmentState, Role
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.errors import PermissionDenied, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.actor import Actor
from carceles_desktop.storage.unit_of_work import UnitOfWork

REASON_WIDTH = 300


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
        EnrolmentStateChange.from_state == EnrolmentState.EN_ESPERA,
        EnrolmentStateChange.to_state == EnrolmentState.RETIRADO,
    )
    return and_(Enrolment.state != EnrolmentState.EN_ESPERA, ~left_waiting)


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
