"""What a batch used and who made it: its materials and its workers with their hours.

Workers are trainees enrolled in the batch's workshop during its period (not on the
waiting list); their hours obey the rule of :mod:`.batch_hours`.  Both lists are
replaced whole, as the batch form holds them, and audited before and after.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from carceles_desktop.domain.catalogues import CatalogueEntry
from carceles_desktop.domain.enrolments import Enrolment
from carceles_desktop.domain.enums import BatchState, CatalogueKind, EnrolmentState
from carceles_desktop.domain.production import BatchMaterial, BatchWorker, ProductionBatch
from carceles_desktop.errors import NotFound, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.batch_hours import BatchSpan, batch_period, check_trainee_hours
from carceles_desktop.services.commerce_common import (
    NumberInput,
    clean,
    decimal_value,
    required_text,
)
from carceles_desktop.services.enrolments import today_or
from carceles_desktop.services.production import audit_batch, editable_batch
from carceles_desktop.services.production_queries import BatchDetail, batch_detail
from carceles_desktop.storage.unit_of_work import UnitOfWork

_CHANGEABLE = (BatchState.PLANIFICADO, BatchState.EN_PROCESO, BatchState.TERMINADO)


@dataclass(frozen=True)
class MaterialInput:
    """A material used by a batch."""

    description: str
    quantity: NumberInput
    unit_code: str
    unit_cost: NumberInput


@dataclass(frozen=True)
class WorkerInput:
    """A trainee (by his enrolment in the workshop) and his hours on the batch."""

    enrolment_id: int
    hours: NumberInput


def _unit_known(uow: UnitOfWork, code: str) -> bool:
    query = select(CatalogueEntry.id).where(
        CatalogueEntry.catalogue == CatalogueKind.SUNAT_UNIT, CatalogueEntry.code == code
    )
    return uow.session.scalar(query) is not None


def set_batch_materials(
    uow: UnitOfWork,
    actor: Actor,
    batch_id: int,
    materials: Sequence[MaterialInput],
    *,
    today: date | None = None,
) -> BatchDetail:
    """Replace the list of materials a batch used.

    Raises:
        PermissionDenied: the actor may not edit batches of its workshop.
        NotFound: no batch has that key.
        ValidationError: a material's field is wrong (``materials[i].field``).
        Conflict: the batch is annulled.
    """
    batch = editable_batch(uow, actor, batch_id, _CHANGEABLE)
    rows = []
    for index, item in enumerate(materials):
        at = f"materials[{index}]"
        description = required_text(
            item.description,
            f"{at}.description",
            160,
            QT_TRANSLATE_NOOP("errors", "Describe the material."),
        )
        unit = clean(item.unit_code).upper()
        if not _unit_known(uow, unit):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "“{code}” is not a unit of the SUNAT list (NIU, PR, KGM …)."
                ),
                field=f"{at}.unit_code",
                code=unit,
            )
        rows.append(
            (
                description,
                decimal_value(item.quantity, f"{at}.quantity", places=3),
                unit,
                decimal_value(item.unit_cost, f"{at}.unit_cost", places=2),
            )
        )
    before = [[m.description, m.quantity, m.unit_code, m.unit_cost] for m in batch.materials]
    after = [list(row) for row in rows]
    if before != after:
        batch.materials = [
            BatchMaterial(description=d, quantity=q, unit_code=u, unit_cost=c)
            for d, q, u, c in rows
        ]
        uow.session.flush()
        audit_batch(
            uow, actor, batch, "update", "materials changed", {"materials": [before, after]}
        )
    return batch_detail(uow, batch, today_or(today))


def _eligible(
    uow: UnitOfWork, batch: ProductionBatch, enrolment_id: int, at: str, today: date
) -> Enrolment:
    enrolment = uow.session.get(Enrolment, enrolment_id)
    if enrolment is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no enrolment with the key {key}."),
            field=f"{at}.enrolment",
            key=enrolment_id,
        )
    start, end = batch_period(batch.starts_on, batch.ends_on, today)
    if (
        enrolment.workshop_id != batch.workshop_id
        or enrolment.state is EnrolmentState.EN_ESPERA
        or enrolment.starts_on > end
        or (enrolment.ends_on is not None and enrolment.ends_on < start)
    ):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "{code} was not enrolled in this workshop between {start} and {end}."
            ),
            field=f"{at}.enrolment",
            code=enrolment.trainee.inmate_code,
            start=start.isoformat(),
            end=end.isoformat(),
        )
    return enrolment


def set_batch_workers(
    uow: UnitOfWork,
    actor: Actor,
    batch_id: int,
    workers: Sequence[WorkerInput],
    *,
    today: date | None = None,
) -> BatchDetail:
    """Replace the list of trainees who worked on a batch, with their hours.

    Each must be enrolled in the batch's workshop during its period, and his hours must
    fit his attendance (see :mod:`.batch_hours`).

    Raises:
        PermissionDenied: the actor may not edit batches of its workshop.
        NotFound: no batch or enrolment has that key.
        ValidationError: an enrolment outside the workshop or period, an enrolment
            listed twice, bad hours, or hours above attendance (``workers[i].field``).
        Conflict: the batch is annulled.
    """
    day = today_or(today)
    batch = editable_batch(uow, actor, batch_id, _CHANGEABLE)
    wanted: dict[int, Decimal] = {}
    by_trainee: dict[int, tuple[Decimal, str]] = {}
    for index, item in enumerate(workers):
        at = f"workers[{index}]"
        enrolment = _eligible(uow, batch, item.enrolment_id, at, day)
        if enrolment.id in wanted:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "{code} is listed twice."),
                field=f"{at}.enrolment",
                code=enrolment.trainee.inmate_code,
            )
        hours = decimal_value(item.hours, f"{at}.hours", places=2)
        wanted[enrolment.id] = hours
        previous = by_trainee.get(enrolment.trainee_id, (Decimal(0), at))[0]
        by_trainee[enrolment.trainee_id] = (previous + hours, f"{at}.hours")
    for trainee_id, (hours, field) in by_trainee.items():
        check_trainee_hours(uow, BatchSpan.of(batch), trainee_id, hours, today=day, field=field)
    before = {w.enrolment_id: w.hours for w in batch.workers}
    if before != wanted:
        kept = {w.enrolment_id: w for w in batch.workers if w.enrolment_id in wanted}
        for enrolment_id, worker in kept.items():
            worker.hours = wanted[enrolment_id]
        batch.workers = [
            kept.get(eid) or BatchWorker(enrolment_id=eid, hours=hours)
            for eid, hours in wanted.items()
        ]
        uow.session.flush()
        audit_batch(
            uow,
            actor,
            batch,
            "update",
            "workers changed",
            {
                "workers": [
                    {str(k): v for k, v in before.items()},
                    {str(k): v for k, v in wanted.items()},
                ]
            },
        )
    return batch_detail(uow, batch, day)
