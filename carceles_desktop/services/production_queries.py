"""The read side of production: batch lists, details, and pickers for forms.

Lists run in two steps: the ids of one page are found with the filters on the batch
table alone (scope by workshop, state, code or product), newest first along the primary
key or in the order of a heading (what a batch shows of its product, workshop or order is
then read by a correlated subquery); only those ids are joined to what the list shows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, func, or_, select

from carceles_desktop.domain.commerce import Order, OrderLine, Product
from carceles_desktop.domain.enrolments import Attendance, Enrolment
from carceles_desktop.domain.enums import AttendanceStatus, BatchState, EnrolmentState, OrderState
from carceles_desktop.domain.production import ProductionBatch
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.domain.workshops import Workshop
from carceles_desktop.errors import NotFound
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.batch_hours import batch_period
from carceles_desktop.services.commerce_common import (
    NEWEST,
    NEWEST_FIRST,
    SortKey,
    by,
    check_page,
    count_rows,
    linked,
    number_or_name,
    order_by,
    page_ids,
    workshop_scope,
)
from carceles_desktop.services.enrolments import surnames_first, today_or
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class BatchRow:
    """A batch in lists and pickers.

    Attributes:
        remaining: accepted units not yet delivered (what a delivery may still take).
    """

    id: int
    uuid: UUID
    code: str
    workshop_id: int
    workshop_code: str
    workshop_name: str
    product_id: int
    product_code: str
    product_name: str
    unit_code: str
    order_id: int | None
    order_number: str | None
    planned_quantity: Decimal
    starts_on: date
    ends_on: date | None
    state: BatchState
    accepted_quantity: Decimal
    delivered_quantity: Decimal

    @property
    def remaining(self) -> Decimal:
        """Accepted units not yet delivered."""
        return self.accepted_quantity - self.delivered_quantity


@dataclass(frozen=True)
class MaterialRow:
    """A material used by a batch."""

    description: str
    quantity: Decimal
    unit_code: str
    unit_cost: Decimal

    @property
    def amount(self) -> Decimal:
        """Quantity × unit cost, to the céntimo."""
        return (self.quantity * self.unit_cost).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class WorkerRow:
    """A trainee who worked on a batch.

    Attributes:
        attended_hours: his attendance hours in the workshop over the batch's period
            (through this enrolment), for comparison on screen.
    """

    enrolment_id: int
    trainee_id: int
    trainee_name: str
    inmate_code: str
    hours: Decimal
    attended_hours: Decimal


@dataclass(frozen=True)
class BatchDetail:
    """A batch with its quality check, materials and workers."""

    batch: BatchRow
    order_line_id: int | None
    inspected_quantity: Decimal
    rejected_quantity: Decimal
    inspector: str | None
    inspected_on: date | None
    quality_notes: str | None
    materials: tuple[MaterialRow, ...]
    workers: tuple[WorkerRow, ...]

    @property
    def materials_cost(self) -> Decimal:
        """Total cost of the materials."""
        return sum((m.amount for m in self.materials), Decimal("0.00"))

    @property
    def worker_hours(self) -> Decimal:
        """Total hours of the workers."""
        return sum((w.hours for w in self.workers), Decimal("0.00"))


_ROW_COLUMNS = (
    ProductionBatch.id,
    ProductionBatch.uuid,
    ProductionBatch.code,
    Workshop.id,
    Workshop.code,
    Workshop.name,
    Product.id,
    Product.code,
    Product.name,
    Product.unit_code,
    Order.id,
    Order.number,
    ProductionBatch.planned_quantity,
    ProductionBatch.starts_on,
    ProductionBatch.ends_on,
    ProductionBatch.state,
    ProductionBatch.accepted_quantity,
    ProductionBatch.delivered_quantity,
)


def _rows(uow: UnitOfWork, ids: list[int]) -> list[BatchRow]:
    if not ids:
        return []
    query = (
        select(*_ROW_COLUMNS)
        .join(Workshop, Workshop.id == ProductionBatch.workshop_id)
        .join(Product, Product.id == ProductionBatch.product_id)
        .outerjoin(OrderLine, OrderLine.id == ProductionBatch.order_line_id)
        .outerjoin(Order, Order.id == OrderLine.order_id)
        .where(ProductionBatch.id.in_(ids))
    )
    rows: Sequence[Any] = uow.session.execute(query).all()
    found = {row[0]: BatchRow(*row) for row in rows}
    return [found[i] for i in ids]


def _workers(uow: UnitOfWork, batch: ProductionBatch, today: date) -> tuple[WorkerRow, ...]:
    start, end = batch_period(batch.starts_on, batch.ends_on, today)
    result = []
    for worker in batch.workers:
        enrolment = uow.session.get_one(Enrolment, worker.enrolment_id)
        trainee: Trainee = enrolment.trainee
        attended = uow.session.scalar(
            select(func.coalesce(func.sum(Attendance.hours), 0)).where(
                Attendance.enrolment_id == enrolment.id,
                Attendance.status == AttendanceStatus.PRESENTE,
                Attendance.day.between(start, end),
            )
        )
        result.append(
            WorkerRow(
                enrolment_id=enrolment.id,
                trainee_id=trainee.id,
                trainee_name=surnames_first(trainee),
                inmate_code=trainee.inmate_code,
                hours=worker.hours,
                attended_hours=Decimal(attended or 0).quantize(Decimal("0.01")),
            )
        )
    return tuple(sorted(result, key=lambda w: w.trainee_name))


def batch_detail(uow: UnitOfWork, batch: ProductionBatch, today: date) -> BatchDetail:
    """Build a batch's detail (for the production and delivery services)."""
    uow.session.flush()
    return BatchDetail(
        batch=_rows(uow, [batch.id])[0],
        order_line_id=batch.order_line_id,
        inspected_quantity=batch.inspected_quantity,
        rejected_quantity=batch.rejected_quantity,
        inspector=batch.inspector,
        inspected_on=batch.inspected_on,
        quality_notes=batch.quality_notes,
        materials=tuple(
            MaterialRow(m.description, m.quantity, m.unit_code, m.unit_cost)
            for m in batch.materials
        ),
        workers=_workers(uow, batch, today),
    )


def get_batch(
    uow: UnitOfWork, actor: Actor, batch_id: int, *, today: date | None = None
) -> BatchDetail:
    """Return one batch with its quality check, materials and workers.

    Raises:
        PermissionDenied: the actor may not view records.
        NotFound: no batch has that key, or it is outside the actor's workshops.
    """
    require(actor, Action.VIEW)
    query = select(ProductionBatch).join(Workshop).where(ProductionBatch.id == batch_id)
    scope = workshop_scope(actor)
    if scope is not None:
        query = query.where(scope)
    batch = uow.session.scalar(query)
    if batch is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no batch with the key {key}."),
            field="batch",
            key=batch_id,
        )
    return batch_detail(uow, batch, today_or(today))


_BATCH = ProductionBatch
#: Sort keys of :func:`search_batches`, one per heading of the batches list.
BATCH_SORTS: Mapping[str, SortKey] = {
    NEWEST: NEWEST_FIRST,
    "code": by(_BATCH.code),
    "product": by(linked(Product.name_key, Product.id == _BATCH.product_id, outer=_BATCH)),
    "state": by(_BATCH.state),
    "planned": by(_BATCH.planned_quantity),
    "accepted": by(_BATCH.accepted_quantity),
    "remaining": by(_BATCH.accepted_quantity - _BATCH.delivered_quantity),
    "starts": by(_BATCH.starts_on),
    "ends": by(_BATCH.ends_on, nullable=True),
    "workshop": by(linked(Workshop.code, Workshop.id == _BATCH.workshop_id, outer=_BATCH)),
    "order": by(
        linked(
            Order.number,
            Order.id == OrderLine.order_id,
            OrderLine.id == _BATCH.order_line_id,
            outer=_BATCH,
        ),
        nullable=True,
    ),
}


def _filters(
    actor: Actor,
    text: str,
    state: BatchState | None,
    workshop_id: int | None,
    product_id: int | None,
) -> list[ColumnElement[bool]]:
    filters: list[ColumnElement[bool]] = []
    scope = workshop_scope(actor)
    if scope is not None:
        filters.append(ProductionBatch.workshop_id.in_(select(Workshop.id).where(scope)))
    if workshop_id is not None:
        filters.append(ProductionBatch.workshop_id == workshop_id)
    if state is not None:
        filters.append(ProductionBatch.state == state)
    if product_id is not None:
        filters.append(ProductionBatch.product_id == product_id)
    if text.strip():
        filters.append(
            number_or_name(text, ProductionBatch.code, ProductionBatch.product_id, Product)
        )
    return filters


def search_batches(
    uow: UnitOfWork,
    actor: Actor,
    *,
    text: str = "",
    state: BatchState | None = None,
    workshop_id: int | None = None,
    product_id: int | None = None,
    sort: str = NEWEST,
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> list[BatchRow]:
    """Return one page of batches, the newest first unless sorted otherwise.

    Args:
        uow: an open unit of work (read-only is enough).
        actor: who looks; a supervisor sees his workshops' batches, a user bound to an
            establishment its workshops' batches.
        text: found in the batch code or the product's name or code.
        state: only batches in this state.
        workshop_id: only this workshop's batches.
        product_id: only batches of this product.
        sort: one of :data:`BATCH_SORTS`; ties are broken by id, so pages are stable, and
            batches without an end day or an order come last both ways.
        descending: reverse the order.
        offset: rows to skip.
        limit: most rows to return (at most 1000).

    Raises:
        PermissionDenied: the actor may not view records.
        ValueError: an unknown sort key or a bad page (a programming error).
    """
    require(actor, Action.VIEW)
    offset, limit = check_page(offset, limit)
    order = order_by(BATCH_SORTS, sort, ProductionBatch.id, descending=descending)
    filters = _filters(actor, text, state, workshop_id, product_id)
    return _rows(uow, page_ids(uow, ProductionBatch, filters, order, offset, limit))


def count_batches(
    uow: UnitOfWork,
    actor: Actor,
    *,
    text: str = "",
    state: BatchState | None = None,
    workshop_id: int | None = None,
    product_id: int | None = None,
) -> int:
    """Count the batches :func:`search_batches` would page through.

    Raises:
        PermissionDenied: the actor may not view records.
    """
    require(actor, Action.VIEW)
    return count_rows(uow, ProductionBatch, _filters(actor, text, state, workshop_id, product_id))


def deliverable_batches(
    uow: UnitOfWork,
    actor: Actor,
    *,
    product_id: int | None = None,
    order_id: int | None = None,
    limit: int = 200,
) -> list[BatchRow]:
    """Finished batches with units left, for a delivery form's picker (oldest first).

    A batch made for an order that is still alive is offered only for that order.

    Raises:
        PermissionDenied: the actor may not view records.
        ValueError: a bad limit (a programming error).
    """
    require(actor, Action.VIEW)
    _, limit = check_page(0, limit)
    reserved_elsewhere = (
        select(OrderLine.id)
        .join(Order, Order.id == OrderLine.order_id)
        .where(Order.state != OrderState.ANULADO)
    )
    if order_id is not None:
        reserved_elsewhere = reserved_elsewhere.where(Order.id != order_id)
    filters = [
        *_filters(actor, "", BatchState.TERMINADO, None, product_id),
        ProductionBatch.accepted_quantity > ProductionBatch.delivered_quantity,
        or_(
            ProductionBatch.order_line_id.is_(None),
            ProductionBatch.order_line_id.not_in(reserved_elsewhere),
        ),
    ]
    page = select(ProductionBatch.id).where(*filters).order_by(ProductionBatch.id).limit(limit)
    return _rows(uow, list(uow.session.scalars(page)))


@dataclass(frozen=True)
class EligibleWorker:
    """An enrolment that may work on a batch (for the workers form's picker)."""

    enrolment_id: int
    trainee_id: int
    trainee_name: str
    inmate_code: str
    state: EnrolmentState


def eligible_workers(
    uow: UnitOfWork, actor: Actor, batch_id: int, *, today: date | None = None
) -> list[EligibleWorker]:
    """List the enrolments in the batch's workshop that overlap its period.

    Raises:
        PermissionDenied: the actor may not view records.
        NotFound: no batch has that key (or it is outside the actor's workshops).
    """
    detail = get_batch(uow, actor, batch_id, today=today)
    row = detail.batch
    start, end = batch_period(row.starts_on, row.ends_on, today_or(today))
    query = (
        select(Enrolment, Trainee)
        .join(Trainee, Trainee.id == Enrolment.trainee_id)
        .where(
            Enrolment.workshop_id == row.workshop_id,
            Enrolment.state != EnrolmentState.EN_ESPERA,
            Enrolment.starts_on <= end,
            or_(Enrolment.ends_on.is_(None), Enrolment.ends_on >= start),
        )
        .order_by(Trainee.paternal_surname, Trainee.maternal_surname, Trainee.given_names)
    )
    return [
        EligibleWorker(e.id, t.id, surnames_first(t), t.inmate_code, e.state)
        for e, t in uow.session.execute(query).all()
    ]
