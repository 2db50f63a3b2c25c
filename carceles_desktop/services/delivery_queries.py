"""The read side of delivery notes: lists, details, and their figures.

A user bound to an establishment sees its notes; a supervisor sees every note of his
establishment (a note carries no personal data, and one note may draw from several
workshops), but may prepare, issue and receive only notes drawing from his workshops.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from uuid import UUID

from sqlalchemy import ColumnElement, func, select

from carceles_desktop.domain.commerce import Agreement, Order, Partner, Product
from carceles_desktop.domain.deliveries import Delivery, DeliveryLine
from carceles_desktop.domain.enums import DeliveryState, TransportMode
from carceles_desktop.domain.production import ProductionBatch
from carceles_desktop.errors import NotFound
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.actor import Actor
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
)
from carceles_desktop.services.enrolments import check_establishment_scope
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.storage.unit_of_work import UnitOfWork

_ZERO = Decimal("0.000")


@dataclass(frozen=True)
class DeliveryLineRow:
    """One line of a delivery note."""

    id: int
    position: int
    batch_id: int
    batch_code: str
    product_id: int
    product_code: str
    description: str
    unit_code: str
    quantity: Decimal


@dataclass(frozen=True)
class DeliveryDetail:
    """A delivery note with everything its form and its document show.

    Attributes:
        number: ``NE01-000001`` once issued; None for a draft.
    """

    id: int
    uuid: UUID
    establishment_id: int
    series: str
    sequence: int | None
    number: str | None
    state: DeliveryState
    issue_date: date
    transfer_start_date: date
    partner_id: int
    partner_name: str
    partner_id_type: str
    partner_id_number: str
    transfer_reason_code: str
    departure_address: str
    departure_ubigeo: str
    arrival_address: str
    arrival_ubigeo: str
    transport_mode: TransportMode
    carrier_ruc: str | None
    carrier_name: str | None
    vehicle_plate: str | None
    driver_name: str | None
    driver_licence: str | None
    gross_weight_kg: Decimal
    packages: int
    order_id: int | None
    order_number: str | None
    agreement_id: int | None
    agreement_number: str | None
    observations: str | None
    dispatched_by: str | None
    received_by_name: str | None
    received_by_doc: str | None
    received_on: date | None
    annulled_on: date | None
    annul_reason: str | None
    print_count: int
    lines: tuple[DeliveryLineRow, ...]

    @property
    def total_quantity(self) -> Decimal:
        """Sum of the lines' quantities (of whatever units)."""
        return sum((line.quantity for line in self.lines), _ZERO)


@dataclass(frozen=True)
class DeliveryRow:
    """A delivery note in the list."""

    id: int
    uuid: UUID
    number: str | None
    state: DeliveryState
    issue_date: date
    partner_id: int
    partner_name: str
    order_number: str | None
    total_quantity: Decimal
    line_count: int


#: Fields of the detail read straight from the delivery record.
_COPIED = tuple(
    f.name
    for f in fields(DeliveryDetail)
    if f.name
    not in {
        "partner_name",
        "partner_id_type",
        "partner_id_number",
        "order_number",
        "agreement_number",
        "lines",
    }
)


def load_delivery(uow: UnitOfWork, delivery_id: int, *, lock: bool = False) -> Delivery:
    """Return the delivery record, locked against a concurrent change with ``lock``.

    Raises:
        NotFound: no delivery has that key.
    """
    query = select(Delivery).where(Delivery.id == delivery_id)
    if lock:
        # The second of two windows issuing the same draft waits here, then sees it
        # issued (populate_existing refreshes a copy the session already holds).
        query = query.with_for_update().execution_options(populate_existing=True)
    delivery = uow.session.scalar(query)
    if delivery is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no delivery note with the key {key}."),
            field="delivery",
            key=delivery_id,
        )
    return delivery


def delivery_detail(uow: UnitOfWork, delivery: Delivery) -> DeliveryDetail:
    """Build the detail of a delivery (for the delivery services)."""
    uow.session.flush()
    partner: Partner = delivery.partner
    order_number = (
        uow.session.scalar(select(Order.number).where(Order.id == delivery.order_id))
        if delivery.order_id
        else None
    )
    agreement_number = (
        uow.session.scalar(select(Agreement.number).where(Agreement.id == delivery.agreement_id))
        if delivery.agreement_id
        else None
    )
    line_query = (
        select(DeliveryLine, ProductionBatch.code, Product.code)
        .join(ProductionBatch, ProductionBatch.id == DeliveryLine.batch_id)
        .join(Product, Product.id == DeliveryLine.product_id)
        .where(DeliveryLine.delivery_id == delivery.id)
        .order_by(DeliveryLine.position, DeliveryLine.id)
    )
    lines = tuple(
        DeliveryLineRow(
            id=line.id,
            position=line.position,
            batch_id=line.batch_id,
            batch_code=batch_code,
            product_id=line.product_id,
            product_code=product_code,
            description=line.description,
            unit_code=line.unit_code,
            quantity=line.quantity,
        )
        for line, batch_code, product_code in uow.session.execute(line_query).all()
    )
    return DeliveryDetail(
        **{name: getattr(delivery, name) for name in _COPIED},
        partner_name=partner.name,
        partner_id_type=partner.id_type,
        partner_id_number=partner.id_number,
        order_number=order_number,
        agreement_number=agreement_number,
        lines=lines,
    )


def get_delivery(uow: UnitOfWork, actor: Actor, delivery_id: int) -> DeliveryDetail:
    """Return one delivery note with its lines.

    Raises:
        PermissionDenied: the actor may not view records, or the note is of another
            establishment.
        NotFound: no delivery has that key.
    """
    require(actor, Action.VIEW)
    delivery = load_delivery(uow, delivery_id)
    check_establishment_scope(actor, delivery.establishment_id)
    return delivery_detail(uow, delivery)


_LINES = DeliveryLine.delivery_id == Delivery.id
#: Sort keys of :func:`search_deliveries`, one per heading of the notes list.
DELIVERY_SORTS: Mapping[str, SortKey] = {
    NEWEST: NEWEST_FIRST,
    "number": by(Delivery.number, nullable=True),  # drafts have none yet
    "date": by(Delivery.issue_date),
    "client": by(linked(Partner.name_key, Partner.id == Delivery.partner_id, outer=Delivery)),
    "order": by(linked(Order.number, Order.id == Delivery.order_id, outer=Delivery), nullable=True),
    "lines": by(linked(func.count(DeliveryLine.id), _LINES, outer=Delivery)),
    "units": by(linked(func.coalesce(func.sum(DeliveryLine.quantity), 0), _LINES, outer=Delivery)),
    "state": by(Delivery.state),
}


def _filters(
    actor: Actor,
    text: str,
    state: DeliveryState | None,
    partner_id: int | None,
    order_id: int | None,
) -> list[ColumnElement[bool]]:
    filters: list[ColumnElement[bool]] = []
    if actor.establishment_id is not None:
        filters.append(Delivery.establishment_id == actor.establishment_id)
    if state is not None:
        filters.append(Delivery.state == state)
    if partner_id is not None:
        filters.append(Delivery.partner_id == partner_id)
    if order_id is not None:
        filters.append(Delivery.order_id == order_id)
    if text.strip():
        filters.append(number_or_name(text, Delivery.number, Delivery.partner_id, Partner))
    return filters


def search_deliveries(
    uow: UnitOfWork,
    actor: Actor,
    *,
    text: str = "",
    state: DeliveryState | None = None,
    partner_id: int | None = None,
    order_id: int | None = None,
    sort: str = NEWEST,
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> list[DeliveryRow]:
    """Return one page of delivery notes, the newest first unless sorted otherwise.

    Args:
        uow: an open unit of work (read-only is enough).
        actor: who looks; a user bound to an establishment sees its notes only.
        text: found in the note's number or the client's name or document.
        state: only notes in this state.
        partner_id: only this client's notes.
        order_id: only the notes of this order.
        sort: one of :data:`DELIVERY_SORTS`; ties are broken by id, so pages are stable,
            and drafts (no number) and notes without an order come last both ways.
        descending: reverse the order.
        offset: rows to skip.
        limit: most rows to return (at most 1000).

    Raises:
        PermissionDenied: the actor may not view records.
        ValueError: an unknown sort key or a bad page (a programming error).
    """
    require(actor, Action.VIEW)
    offset, limit = check_page(offset, limit)
    order = order_by(DELIVERY_SORTS, sort, Delivery.id, descending=descending)
    filters = _filters(actor, text, state, partner_id, order_id)
    ids = page_ids(uow, Delivery, filters, order, offset, limit)
    if not ids:
        return []
    totals = {
        delivery_id: (total, count)
        for delivery_id, total, count in uow.session.execute(
            select(DeliveryLine.delivery_id, func.sum(DeliveryLine.quantity), func.count())
            .where(DeliveryLine.delivery_id.in_(ids))
            .group_by(DeliveryLine.delivery_id)
        )
    }
    query = (
        select(
            Delivery.id,
            Delivery.uuid,
            Delivery.number,
            Delivery.state,
            Delivery.issue_date,
            Delivery.partner_id,
            Partner.name,
            Order.number,
        )
        .join(Partner, Partner.id == Delivery.partner_id)
        .outerjoin(Order, Order.id == Delivery.order_id)
        .where(Delivery.id.in_(ids))
    )
    rows = {row[0]: row for row in uow.session.execute(query)}
    result = []
    for delivery_id in ids:
        row = rows[delivery_id]
        total, count = totals.get(delivery_id, (_ZERO, 0))
        result.append(
            DeliveryRow(
                id=row[0],
                uuid=row[1],
                number=row[2],
                state=row[3],
                issue_date=row[4],
                partner_id=row[5],
                partner_name=row[6],
                order_number=row[7],
                total_quantity=total,
                line_count=count,
            )
        )
    return result


def count_deliveries(
    uow: UnitOfWork,
    actor: Actor,
    *,
    text: str = "",
    state: DeliveryState | None = None,
    partner_id: int | None = None,
    order_id: int | None = None,
) -> int:
    """Count the notes :func:`search_deliveries` would page through.

    Raises:
        PermissionDenied: the actor may not view records.
    """
    require(actor, Action.VIEW)
    return count_rows(uow, Delivery, _filters(actor, text, state, partner_id, order_id))
