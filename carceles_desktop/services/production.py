"""Production batches (*lotes*): plan, make, check quality, and account for who worked.

A batch moves ``planificado`` → ``en_proceso`` → ``terminado``, or to ``anulado`` while
nothing of it has been delivered.  Finishing records the quality check: units inspected,
accepted (good) and rejected, by whom; ``accepted + rejected ≤ inspected``, and a batch
may yield more than was planned.  Only accepted units can be delivered, and once some
are, the accepted quantity cannot drop below what left.

Workers are trainees enrolled in the batch's workshop during its period; their hours
obey the rule of :mod:`.batch_hours`; materials and workers are set in
:mod:`.batch_resources`.  Reading (lists, details, pickers) is in
:mod:`.production_queries`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from carceles_desktop.domain.commerce import Order, OrderLine
from carceles_desktop.domain.deliveries import Delivery, DeliveryLine
from carceles_desktop.domain.enrolments import Enrolment
from carceles_desktop.domain.enums import (
    BatchState,
    DeliveryState,
    OrderState,
)
from carceles_desktop.domain.production import BatchWorker, ProductionBatch
from carceles_desktop.domain.workshops import Workshop
from carceles_desktop.errors import Conflict, NotFound, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import audit, numbering
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.batch_hours import BatchSpan, check_trainee_hours
from carceles_desktop.services.commerce_common import (
    NumberInput,
    clean,
    decimal_value,
    optional_text,
    required_text,
)
from carceles_desktop.services.enrolments import check_establishment_scope, check_reason, today_or
from carceles_desktop.services.orders import refresh_order_state
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.services.production_queries import (
    BatchDetail,
    BatchRow,
    batch_detail,
    count_batches,
    deliverable_batches,
    eligible_workers,
    get_batch,
    search_batches,
)
from carceles_desktop.services.products import load_product
from carceles_desktop.storage.unit_of_work import UnitOfWork

__all__ = [
    "BatchDetail",
    "BatchInput",
    "BatchRow",
    "QualityInput",
    "annul_batch",
    "count_batches",
    "create_batch",
    "deliverable_batches",
    "eligible_workers",
    "finish_batch",
    "get_batch",
    "load_batch",
    "record_quality",
    "search_batches",
    "start_batch",
    "update_batch",
]

_ENTITY = "batch"
_CODE = re.compile(r"[A-Z0-9][A-Z0-9\-_.]{0,29}")
_NOTES_WIDTH = 500
_OPEN = (BatchState.PLANIFICADO, BatchState.EN_PROCESO)


@dataclass(frozen=True)
class BatchInput:
    """A batch's fields as a form holds them.

    Attributes:
        workshop_id: the workshop that makes it.
        product_id: what it makes.
        planned_quantity: units planned (3 decimals, above zero).
        starts_on: first day of work (planned, then actual once started).
        ends_on: last day of work, when known.
        order_line_id: the order line it is made for, if any (same product).
        code: the batch's code; empty takes the next ``L-<year>-NNN``.
    """

    workshop_id: int
    product_id: int
    planned_quantity: NumberInput
    starts_on: date
    ends_on: date | None = None
    order_line_id: int | None = None
    code: str | None = None


@dataclass(frozen=True)
class QualityInput:
    """The quality check of a finished batch.

    Attributes:
        inspected: units inspected.
        accepted: good units (the only ones that can be delivered).
        rejected: units refused.
        inspector: who checked (the *jefe de trabajo*, usually).
        notes: remarks.
    """

    inspected: NumberInput
    accepted: NumberInput
    rejected: NumberInput
    inspector: str
    notes: str | None = None


# --------------------------------------------------------------------------- helpers


def load_batch(uow: UnitOfWork, batch_id: int, *, lock: bool = False) -> ProductionBatch:
    """Return the batch record, locked against concurrent change with ``lock``.

    Raises:
        NotFound: no batch has that key.
    """
    query = select(ProductionBatch).where(ProductionBatch.id == batch_id)
    if lock:
        # FOR UPDATE on PostgreSQL (SQLite's BEGIN IMMEDIATE already serialises writers);
        # populate_existing so that a copy loaded earlier in the session is refreshed.
        query = query.with_for_update().execution_options(populate_existing=True)
    batch = uow.session.scalar(query)
    if batch is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no batch with the key {key}."),
            field="batch",
            key=batch_id,
        )
    return batch


def editable_batch(
    uow: UnitOfWork, actor: Actor, batch_id: int, states: Sequence[BatchState]
) -> ProductionBatch:
    """Return the batch locked for a change the actor may make in its current state.

    Raises:
        PermissionDenied: the actor may not edit batches of its workshop.
        NotFound: no batch has that key.
        Conflict: the batch is in none of ``states``.
    """
    require(actor, Action.EDIT_BATCHES)
    batch = load_batch(uow, batch_id, lock=True)
    require(actor, Action.EDIT_BATCHES, workshop_id=batch.workshop_id)
    check_establishment_scope(actor, batch.workshop.establishment_id)
    if batch.state not in states:
        raise Conflict(
            QT_TRANSLATE_NOOP("errors", "Batch {code} is {state}; that cannot be done now."),
            code=batch.code,
            state=batch.state.value,
        )
    return batch


def _workshop(uow: UnitOfWork, actor: Actor, workshop_id: int) -> Workshop:
    require(actor, Action.EDIT_BATCHES, workshop_id=workshop_id)
    workshop = uow.session.get(Workshop, workshop_id)
    if workshop is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no workshop with the key {key}."),
            field="workshop",
            key=workshop_id,
        )
    check_establishment_scope(actor, workshop.establishment_id)
    return workshop


def _check_order_line(
    uow: UnitOfWork, line_id: int, product_id: int, workshop: Workshop
) -> OrderLine:
    line = uow.session.get(OrderLine, line_id)
    if line is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no order line with the key {key}."),
            field="order_line",
            key=line_id,
        )
    order: Order = line.order
    if line.product_id != product_id:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "That line of order {number} is for another product."),
            field="order_line",
            number=order.number,
        )
    if order.state in (OrderState.ANULADO, OrderState.ENTREGADO):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Order {number} is {state}; it needs no more batches."),
            field="order_line",
            number=order.number,
            state=order.state.value,
        )
    if order.establishment_id != workshop.establishment_id:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Order {number} belongs to another establishment."),
            field="order_line",
            number=order.number,
        )
    return line


def _check_dates(starts_on: date, ends_on: date | None) -> None:
    if ends_on is not None and ends_on < starts_on:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The end date {end} is before the start date {start}."),
            field="ends_on",
            start=starts_on.isoformat(),
            end=ends_on.isoformat(),
        )


def _new_code(uow: UnitOfWork, workshop: Workshop, year: int) -> str:
    while True:
        sequence = numbering.next_number(uow, "batch", f"{workshop.establishment.code}-{year}")
        code = f"L-{year}-{sequence:03d}"
        if (
            uow.session.scalar(select(ProductionBatch.id).where(ProductionBatch.code == code))
            is None
        ):
            return code


def _checked_code(uow: UnitOfWork, text: str, own: int | None) -> str:
    code = clean(text).upper()
    if not _CODE.fullmatch(code):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A batch code has 1 to 30 letters, digits and hyphens."),
            field="code",
        )
    other = uow.session.scalar(select(ProductionBatch.id).where(ProductionBatch.code == code))
    if other is not None and other != own:
        raise Conflict(
            QT_TRANSLATE_NOOP("errors", "Another batch already has the code {code}."),
            field="code",
            code=code,
        )
    return code


def audit_batch(
    uow: UnitOfWork,
    actor: Actor,
    batch: ProductionBatch,
    action: str,
    summary: str,
    changes: dict[str, Any],
) -> None:
    """Append the audit entry of a change to a batch."""
    audit.record(
        uow,
        actor,
        action,
        _ENTITY,
        entity_uuid=batch.uuid,
        summary=f"Batch {batch.code}: {summary}",
        changes=changes,
    )


def _refresh_orders(uow: UnitOfWork, actor: Actor, *line_ids: int | None) -> None:
    for line_id in {i for i in line_ids if i is not None}:
        line = uow.session.get(OrderLine, line_id)
        if line is not None and line.order.state is not OrderState.ANULADO:
            refresh_order_state(uow, actor, line.order_id)


def _check_workers(
    uow: UnitOfWork, span: BatchSpan, workers: list[BatchWorker], today: date
) -> None:
    """Check every worker's hours against the dates ``span`` would give the batch."""
    by_trainee: dict[int, Decimal] = {}
    for worker in workers:
        trainee_id = uow.session.get_one(Enrolment, worker.enrolment_id).trainee_id
        by_trainee[trainee_id] = by_trainee.get(trainee_id, Decimal(0)) + worker.hours
    for trainee_id, hours in by_trainee.items():
        check_trainee_hours(uow, span, trainee_id, hours, today=today, field="workers")


# --------------------------------------------------------------------------- batches


def create_batch(
    uow: UnitOfWork, actor: Actor, data: BatchInput, *, today: date | None = None
) -> BatchDetail:
    """Plan a batch (state ``planificado``).

    Raises:
        PermissionDenied: the actor may not edit batches of that workshop.
        NotFound: the workshop, product or order line does not exist.
        ValidationError: a field is wrong (line of another product, dates out of order …).
        Conflict: the code is taken.
    """
    require(actor, Action.EDIT_BATCHES)
    workshop = _workshop(uow, actor, data.workshop_id)
    product = load_product(uow, data.product_id)
    if not product.active:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Product {code} is retired."),
            field="product",
            code=product.code,
        )
    planned = decimal_value(data.planned_quantity, "planned_quantity", places=3, positive=True)
    _check_dates(data.starts_on, data.ends_on)
    if data.order_line_id is not None:
        _check_order_line(uow, data.order_line_id, product.id, workshop)
    code = (
        _checked_code(uow, data.code or "", None)
        if clean(data.code)
        else _new_code(uow, workshop, data.starts_on.year)
    )
    batch = ProductionBatch(
        code=code,
        workshop_id=workshop.id,
        product_id=product.id,
        order_line_id=data.order_line_id,
        planned_quantity=planned,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        state=BatchState.PLANIFICADO,
    )
    uow.session.add(batch)
    uow.session.flush()
    audit_batch(
        uow,
        actor,
        batch,
        "create",
        f"planned {planned} {product.unit_code} of {product.code}",
        {
            "workshop_id": [None, workshop.id],
            "product_id": [None, product.id],
            "order_line_id": [None, data.order_line_id],
            "planned_quantity": [None, planned],
            "starts_on": [None, data.starts_on],
            "ends_on": [None, data.ends_on],
        },
    )
    _refresh_orders(uow, actor, data.order_line_id)
    return batch_detail(uow, batch, today_or(today))


def update_batch(
    uow: UnitOfWork, actor: Actor, batch_id: int, data: BatchInput, *, today: date | None = None
) -> BatchDetail:
    """Change a batch that is planned or in process.

    Its workshop cannot change once it has workers; the workers' hours are checked
    again against the new dates.

    Raises:
        PermissionDenied: the actor may not edit batches of the old or new workshop.
        NotFound: the batch, workshop, product or order line does not exist.
        ValidationError: a field is wrong, or the new dates leave a worker with more
            hours than he attended.
        Conflict: the batch is finished or annulled, its workshop would change with
            workers on it, or the code is taken.
    """
    day = today_or(today)
    batch = editable_batch(uow, actor, batch_id, _OPEN)
    workshop = _workshop(uow, actor, data.workshop_id)
    if workshop.id != batch.workshop_id and batch.workers:
        raise Conflict(
            QT_TRANSLATE_NOOP("errors", "Batch {code} has workers; its workshop cannot change."),
            field="workshop",
            code=batch.code,
        )
    product = load_product(uow, data.product_id)
    planned = decimal_value(data.planned_quantity, "planned_quantity", places=3, positive=True)
    _check_dates(data.starts_on, data.ends_on)
    if data.order_line_id is not None:
        _check_order_line(uow, data.order_line_id, product.id, workshop)
    code = _checked_code(uow, data.code or "", batch.id) if clean(data.code) else batch.code
    names = (
        "code",
        "workshop_id",
        "product_id",
        "order_line_id",
        "planned_quantity",
        "starts_on",
        "ends_on",
    )
    before = {name: getattr(batch, name) for name in names}
    after = dict(
        zip(
            names,
            (
                code,
                workshop.id,
                product.id,
                data.order_line_id,
                planned,
                data.starts_on,
                data.ends_on,
            ),
            strict=True,
        )
    )
    changes = {k: [before[k], v] for k, v in after.items() if before[k] != v}
    if not changes:
        return batch_detail(uow, batch, day)
    if "starts_on" in changes or "ends_on" in changes:
        span = BatchSpan(batch.id, code, batch.workshop_id, data.starts_on, data.ends_on)
        _check_workers(uow, span, list(batch.workers), day)
    for name, value in after.items():
        setattr(batch, name, value)
    uow.session.flush()
    # Reload the relationships that follow the keys just changed (workshop, product).
    uow.session.refresh(batch)
    audit_batch(uow, actor, batch, "update", "changed " + ", ".join(changes), changes)
    _refresh_orders(uow, actor, before["order_line_id"], data.order_line_id)
    return batch_detail(uow, batch, day)


def start_batch(
    uow: UnitOfWork, actor: Actor, batch_id: int, *, on: date, today: date | None = None
) -> BatchDetail:
    """Mark a planned batch as in process; ``on`` becomes its start date.

    Raises:
        PermissionDenied: the actor may not edit batches of its workshop.
        NotFound: no batch has that key.
        ValidationError: ``on`` is in the future or after the batch's end date.
        Conflict: the batch is not planned.
    """
    day = today_or(today)
    batch = editable_batch(uow, actor, batch_id, (BatchState.PLANIFICADO,))
    if on > day:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A batch cannot start in the future."), field="on"
        )
    _check_dates(on, batch.ends_on)
    _check_workers(uow, BatchSpan.of(batch, starts_on=on), list(batch.workers), day)
    before = (batch.state, batch.starts_on)
    batch.state, batch.starts_on = BatchState.EN_PROCESO, on
    uow.session.flush()
    audit_batch(
        uow,
        actor,
        batch,
        "state_change",
        f"started on {on}",
        {"state": [before[0], batch.state], "starts_on": [before[1], on]},
    )
    return batch_detail(uow, batch, day)


def _quality(data: QualityInput) -> tuple[Decimal, Decimal, Decimal, str, str | None]:
    inspected = decimal_value(data.inspected, "inspected", places=3)
    accepted = decimal_value(data.accepted, "accepted", places=3)
    rejected = decimal_value(data.rejected, "rejected", places=3)
    if accepted + rejected > inspected:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "Accepted and rejected units ({total}) exceed the {inspected} inspected."
            ),
            field="accepted",
            total=str(accepted + rejected),
            inspected=str(inspected),
        )
    inspector = required_text(
        data.inspector,
        "inspector",
        120,
        QT_TRANSLATE_NOOP("errors", "Enter who checked the batch."),
    )
    return (
        inspected,
        accepted,
        rejected,
        inspector,
        optional_text(data.notes, "notes", _NOTES_WIDTH),
    )


def _apply_quality(batch: ProductionBatch, data: QualityInput, on: date) -> dict[str, list[Any]]:
    inspected, accepted, rejected, inspector, notes = _quality(data)
    if accepted < batch.delivered_quantity:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "errors",
                "{delivered} units of batch {code} were already delivered; accepted "
                "units cannot be fewer.",
            ),
            field="accepted",
            delivered=str(batch.delivered_quantity),
            code=batch.code,
        )
    names = (
        "inspected_quantity",
        "accepted_quantity",
        "rejected_quantity",
        "inspector",
        "inspected_on",
        "quality_notes",
    )
    after = dict(zip(names, (inspected, accepted, rejected, inspector, on, notes), strict=True))
    changes = {n: [getattr(batch, n), v] for n, v in after.items() if getattr(batch, n) != v}
    for name, value in after.items():
        setattr(batch, name, value)
    return changes


def finish_batch(
    uow: UnitOfWork,
    actor: Actor,
    batch_id: int,
    quality: QualityInput,
    *,
    on: date,
    today: date | None = None,
) -> BatchDetail:
    """Finish a batch (``terminado``) on ``on`` with its quality check.

    Raises:
        PermissionDenied: the actor may not edit batches of its workshop.
        NotFound: no batch has that key.
        ValidationError: a quality figure is wrong, ``on`` is before the start or in the
            future, or the shorter period leaves a worker above his attendance.
        Conflict: the batch is already finished or annulled.
    """
    day = today_or(today)
    batch = editable_batch(uow, actor, batch_id, _OPEN)
    if on > day:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A batch cannot finish in the future."), field="on"
        )
    _check_dates(batch.starts_on, on)
    _quality(quality)  # every check before anything is written
    _check_workers(uow, BatchSpan.of(batch, ends_on=on), list(batch.workers), day)
    before = (batch.state, batch.ends_on)
    changes = _apply_quality(batch, quality, on)
    batch.state, batch.ends_on = BatchState.TERMINADO, on
    uow.session.flush()
    changes.update(state=[before[0], batch.state], ends_on=[before[1], on])
    audit_batch(
        uow,
        actor,
        batch,
        "state_change",
        f"finished on {on}, {batch.accepted_quantity} accepted",
        changes,
    )
    _refresh_orders(uow, actor, batch.order_line_id)
    return batch_detail(uow, batch, day)


def record_quality(
    uow: UnitOfWork,
    actor: Actor,
    batch_id: int,
    quality: QualityInput,
    *,
    on: date,
    today: date | None = None,
) -> BatchDetail:
    """Correct the quality check of a finished batch.

    The batch row is locked first, so a delivery issued at the same moment either comes
    before (and the check sees it) or waits.

    Raises:
        PermissionDenied: the actor may not edit batches of its workshop.
        NotFound: no batch has that key.
        ValidationError: a quality figure is wrong or ``on`` is out of the batch's period.
        Conflict: the batch is not finished, or accepted units would drop below those
            already delivered.
    """
    batch = editable_batch(uow, actor, batch_id, (BatchState.TERMINADO,))
    if on < batch.starts_on or on > today_or(today):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Choose a day from {start} to today."),
            field="on",
            start=batch.starts_on.isoformat(),
        )
    changes = _apply_quality(batch, quality, on)
    uow.session.flush()
    if changes:
        audit_batch(uow, actor, batch, "update", "quality check corrected", changes)
        _refresh_orders(uow, actor, batch.order_line_id)
    return batch_detail(uow, batch, today_or(today))


def annul_batch(
    uow: UnitOfWork, actor: Actor, batch_id: int, *, reason: str, today: date | None = None
) -> BatchDetail:
    """Annul a batch of which nothing was delivered; the reason joins its notes.

    Raises:
        PermissionDenied: the actor may not edit batches of its workshop.
        NotFound: no batch has that key.
        ValidationError: no reason given.
        Conflict: the batch is annulled already, units of it were delivered, or a
            delivery draft still draws from it.
    """
    batch = editable_batch(uow, actor, batch_id, (*_OPEN, BatchState.TERMINADO))
    text = check_reason(reason)
    in_drafts = uow.session.scalar(
        select(Delivery.id)
        .join(DeliveryLine, DeliveryLine.delivery_id == Delivery.id)
        .where(DeliveryLine.batch_id == batch.id, Delivery.state == DeliveryState.BORRADOR)
        .limit(1)
    )
    if batch.delivered_quantity > 0 or in_drafts is not None:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "errors", "Batch {code} is on delivery notes; annul or change them first."
            ),
            code=batch.code,
        )
    before = batch.state
    batch.state = BatchState.ANULADO
    note = f"Anulado: {text}"
    batch.quality_notes = (f"{batch.quality_notes}\n{note}" if batch.quality_notes else note)[
        -_NOTES_WIDTH:
    ]
    uow.session.flush()
    audit_batch(uow, actor, batch, "annul", text, {"state": [before, batch.state]})
    _refresh_orders(uow, actor, batch.order_line_id)
    return batch_detail(uow, batch, today_or(today))
