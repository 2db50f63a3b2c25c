"""Moving a trainee to another establishment (*traslado*); his history stays with him."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from carceles_desktop.domain.catalogues import Establishment
from carceles_desktop.domain.trainees import Trainee, TraineeTransfer
from carceles_desktop.errors import NotFound, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.enrolment_changes import end_open_enrolments
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.services.scope import (
    check_establishment_scope,
    check_reason,
    surnames_first,
    today_or,
)
from carceles_desktop.services.trainee_checks import check_unique, normalise
from carceles_desktop.services.trainee_records import (
    AUDIT_ENTITY,
    TraineeRow,
    load_trainee,
    trainee_row,
)
from carceles_desktop.storage.unit_of_work import UnitOfWork


def _transfer_target(uow: UnitOfWork, trainee: Trainee, code: str) -> Establishment:
    target = uow.session.scalar(select(Establishment).where(Establishment.code == code.strip()))
    if target is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "No establishment has the code {code}."),
            field="to_establishment_code",
            code=code,
        )
    if target.id == trainee.establishment_id:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{name} is already held in {establishment}."),
            field="to_establishment_code",
            name=surnames_first(trainee),
            establishment=target.name,
        )
    return target


def _check_transfer_date(trainee: Trainee, on: date, today: date) -> None:
    if on > today or (trainee.admission_date is not None and on < trainee.admission_date):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The transfer date {day} must be between admission and today."
            ),
            field="on",
            day=on.isoformat(),
        )


def transfer_trainee(
    uow: UnitOfWork,
    actor: Actor,
    trainee_id: int,
    to_establishment_code: str,
    on: date,
    reason: str,
    *,
    today: date | None = None,
) -> TraineeRow:
    """Move a trainee to another establishment; his history stays with him.

    Enrolments and attendance are kept as they were; open enrolments end on ``on``
    (active ones as ``trasladado``, waiting ones as ``retirado``) with ``reason``.

    Raises:
        PermissionDenied: the actor may not transfer trainees, or not this one.
        NotFound: no such trainee, or no establishment with that code.
        ValidationError: same establishment, no reason, a date in the future or
            before admission or before attendance already recorded.
        Conflict: the target establishment has a trainee with the same inmate code or
            document.
    """
    require(actor, Action.TRANSFER_TRAINEES)
    trainee = load_trainee(uow, trainee_id)
    check_establishment_scope(actor, trainee.establishment_id)
    target = _transfer_target(uow, trainee, to_establishment_code)
    reason = check_reason(reason)
    day = today_or(today)
    _check_transfer_date(trainee, on, day)
    check_unique(uow, normalise(trainee_row(trainee).to_input()), target.id, trainee.id)
    ended = end_open_enrolments(uow, actor, trainee.id, on, reason, day)
    source = trainee.establishment
    uow.session.add(
        TraineeTransfer(
            trainee_id=trainee.id,
            from_establishment_id=source.id,
            to_establishment_id=target.id,
            transferred_on=on,
            reason=reason,
        )
    )
    trainee.establishment = target
    uow.session.flush()
    audit.record(
        uow,
        actor,
        "transfer",
        AUDIT_ENTITY,
        entity_uuid=trainee.uuid,
        summary=f"Transferred trainee {trainee.inmate_code} from {source.code} to {target.code}",
        changes={
            "establishment": [source.code, target.code],
            "on": on,
            "reason": reason,
            "enrolments_ended": ended,
        },
    )
    return trainee_row(trainee)
