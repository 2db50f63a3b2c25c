"""What enrolling and changing an enrolment share.

The row screens get, the workshop locked for a capacity check, and the history step
every change appends.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from sqlalchemy import func, select

from carceles_desktop.domain.enrolments import Enrolment, EnrolmentStateChange
from carceles_desktop.domain.enums import EnrolmentState
from carceles_desktop.domain.workshops import Workshop
from carceles_desktop.errors import NotFound
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.scope import surnames_first
from carceles_desktop.storage.unit_of_work import UnitOfWork

#: States of an enrolment that still holds (or waits for) a place.
OPEN_STATES = (EnrolmentState.ACTIVO, EnrolmentState.EN_ESPERA)


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


def enrolment_row(enrolment: Enrolment) -> EnrolmentRow:
    """The row of an enrolment, with its trainee's and workshop's names."""
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


def load_enrolment(uow: UnitOfWork, enrolment_id: int) -> Enrolment:
    """Return the enrolment with this key.

    Raises:
        NotFound: no such enrolment (``field`` ``enrolment``).
    """
    enrolment = uow.session.get(Enrolment, enrolment_id)
    if enrolment is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no enrolment with the key {key}."),
            field="enrolment",
            key=enrolment_id,
        )
    return enrolment


def active_count(uow: UnitOfWork, workshop_id: int) -> int:
    """Places taken in a workshop: its active enrolments."""
    query = select(func.count(Enrolment.id)).where(
        Enrolment.workshop_id == workshop_id, Enrolment.state == EnrolmentState.ACTIVO
    )
    return int(uow.session.scalar(query) or 0)


def locked_workshop(uow: UnitOfWork, workshop_id: int) -> Workshop:
    """Return the workshop, locked until the transaction ends.

    Raises:
        NotFound: no such workshop (``field`` ``workshop``).
    """
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


def add_step(
    uow: UnitOfWork,
    actor: Actor,
    enrolment: Enrolment,
    step: tuple[EnrolmentState | None, EnrolmentState],
    on: date,
    reason: str,
) -> None:
    """Append a step to the enrolment's history and audit it."""
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
