"""The read side of orders, and the figures every order line shows.

For each line, at any time:

* **in production** — planned quantity of its batches still ``planificado`` or
  ``en_proceso``;
* **produced** — accepted (good) units of its finished batches;
* **delivered** — units on issued or received delivery notes linked to the order, for
  that line's product.  When an order has several lines of one product, deliveries fill
  them in line order (the last line takes any excess, so no unit goes unshown).

Lists find the page's ids first (newest first along the primary key, or in the order of
a heading), then sum the lines and deliveries of those ids only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from uuid import UUID

from sqlalchemy import ColumnElement, Numeric, cast, func, select

from carceles_desktop.domain.commerce import Order, OrderLine, Partner
from carceles_desktop.domain.deliveries import Delivery, DeliveryLine
from carceles_desktop.domain.enums import BatchState, DeliveryState, OrderState
from carceles_desktop.domain.production import ProductionBatch
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.agreements import load_agreement
from carceles_desktop.services.commerce_common import (
    NEWEST,
    NEWEST_FIRST,
    SortKey,
    by,
    check_page,
    count_rows,
    linked,
    load_record,
    number_or_name,
    order_by,
)
from carceles_desktop.services.enrolments import check_establishment_scope
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.storage.unit_of_work import UnitOfWork

_ZERO = Decimal("0.000")
#: Deliveries whose lines count as delivered.
COUNTED_DELIVERIES = (DeliveryState.EMITIDA, DeliveryState.RECIBIDA)
_OPEN_BATCHES = (BatchState.PLANIFICADO, BatchState.EN_PROCESO)


@dataclass(frozen=True)
class OrderLineRow:
    """One line with what has been made and delivered for it."""

    id: int
    position: int
    product_id: int
    product_code: str
    product_name: str
    unit_code: str
    quantity: Decimal
    unit_price: Decimal
    in_production: Decimal
    produced: Decimal
    delivered: Decimal

    @property
    def amount(self) -> Decimal:
        """Quantity × unit price, to the céntimo."""
        return (self.quantity * self.unit_price).quantize(Decimal("0.01"))

    @property
    def pending(self) -> Decimal:
        """Units still to deliver (never negative)."""
        return max(self.quantity - self.delivered, _ZERO)


@dataclass(frozen=True)
class OrderDetail:
    """An order with its lines, as the order screen shows it."""

    id: int
    uuid: UUID
    number: str
    establishment_id: int
    partner_id: int
    partner_name: str
    partner_id_number: str
    agreement_id: int | None
    agreement_number: str | None
    ordered_on: date
    due_on: date | None
    state: OrderState
    notes: str | None
    lines: tuple[OrderLineRow, ...]

    @property
    def total(self) -> Decimal:
        """Sum of the lines' amounts."""
        return sum((line.amount for line in self.lines), Decimal("0.00"))

    def is_overdue(self, today: date) -> bool:
        """True when the due day has passed and the order is still not delivered in full."""
        open_states = (OrderState.ABIERTO, OrderState.EN_PRODUCCION, OrderState.ENTREGADO_PARCIAL)
        return self.due_on is not None and today > self.due_on and self.state in open_states


@dataclass(frozen=True)
class OrderRow:
    """An order in the list, with its quantities summed over the lines."""

    id: int
    uuid: UUID
    number: str
    partner_id: int
    partner_name: str
    ordered_on: date
    due_on: date | None
    state: OrderState
    total: Decimal
    ordered_quantity: Decimal
    delivered_quantity: Decimal


def load_order(uow: UnitOfWork, order_id: int) -> Order:
    """Return the order record (for the other commerce services).

    Raises:
        NotFound: no order has that key.
    """
    return load_record(
        uow,
        Order,
        order_id,
        QT_TRANSLATE_NOOP("errors", "There is no order with the key {key}."),
        "order",
    )


def delivered_by_line(uow: UnitOfWork, order: Order) -> dict[int, Decimal]:
    """Units delivered for each line of the order (see the module's allocation rule)."""
    query = (
        select(DeliveryLine.product_id, func.sum(DeliveryLine.quantity))
        .join(Delivery, Delivery.id == DeliveryLine.delivery_id)
        .where(Delivery.order_id == order.id, Delivery.state.in_(COUNTED_DELIVERIES))
        .group_by(DeliveryLine.product_id)
    )
    # SUM keeps the column's type, so the scaled integers come back as Decimals.
    left: dict[int, Decimal] = {pid: total for pid, total in uow.session.execute(query)}
    lines_by_product: dict[int, list[OrderLine]] = defaultdict(list)
    for line in order.lines:
        lines_by_product[line.product_id].append(line)
    result: dict[int, Decimal] = {}
    for product_id, lines in lines_by_product.items():
        remaining = left.get(product_id, _ZERO)
        for index, line in enumerate(lines):
            share = remaining if index == len(lines) - 1 else min(remaining, line.quantity)
            result[line.id] = share.quantize(_ZERO)
            remaining -= share
    return result


def _batch_figures(uow: UnitOfWork, order: Order) -> tuple[dict[int, Decimal], dict[int, Decimal]]:
    """Return (in production, produced) by line id."""
    query = select(
        ProductionBatch.order_line_id,
        ProductionBatch.state,
        ProductionBatch.planned_quantity,
        ProductionBatch.accepted_quantity,
    ).where(ProductionBatch.order_line_id.in_([line.id for line in order.lines]))
    planned: dict[int, Decimal] = defaultdict(lambda: _ZERO)
    produced: dict[int, Decimal] = defaultdict(lambda: _ZERO)
    for line_id, state, planned_qty, accepted in uow.session.execute(query):
        if line_id is None:
            continue
        if state in _OPEN_BATCHES:
            planned[line_id] += planned_qty
        elif state is BatchState.TERMINADO:
            produced[line_id] += accepted
    return planned, produced


def order_detail(uow: UnitOfWork, order: Order) -> OrderDetail:
    """Build the order's detail row (for the other commerce services)."""
    delivered = delivered_by_line(uow, order)
    planned, produced = _batch_figures(uow, order)
    lines = tuple(
        OrderLineRow(
            id=line.id,
            position=line.position,
            product_id=line.product_id,
            product_code=line.product.code,
            product_name=line.product.name,
            unit_code=line.product.unit_code,
            quantity=line.quantity,
            unit_price=line.unit_price,
            in_production=planned[line.id],
            produced=produced[line.id],
            delivered=delivered.get(line.id, _ZERO),
        )
        for line in order.lines
    )
    agreement = load_agreement(uow, order.agreement_id) if order.agreement_id else None
    return OrderDetail(
        id=order.id,
        uuid=order.uuid,
        number=order.number,
        establishment_id=order.establishment_id,
        partner_id=order.partner_id,
        partner_name=order.partner.name,
        partner_id_number=order.partner.id_number,
        agreement_id=order.agreement_id,
        agreement_number=agreement.number if agreement else None,
        ordered_on=order.ordered_on,
        due_on=order.due_on,
        state=order.state,
        notes=order.notes,
        lines=lines,
    )


def state_for(detail: OrderDetail) -> OrderState:
    """The state an order's figures call for (``anulado`` stays)."""
    if detail.state is OrderState.ANULADO:
        return OrderState.ANULADO
    if detail.lines and all(line.delivered >= line.quantity for line in detail.lines):
        return OrderState.ENTREGADO
    if any(line.delivered > 0 for line in detail.lines):
        return OrderState.ENTREGADO_PARCIAL
    if any(line.in_production > 0 or line.produced > 0 for line in detail.lines):
        return OrderState.EN_PRODUCCION
    return OrderState.ABIERTO


# --------------------------------------------------------------------------- reading


def get_order(uow: UnitOfWork, actor: Actor, order_id: int) -> OrderDetail:
    """Return an order with its lines and their figures.

    Raises:
        PermissionDenied: the actor may not view records, or the order is of another
            establishment.
        NotFound: no order has that key.
    """
    require(actor, Action.VIEW)
    order = load_order(uow, order_id)
    check_establishment_scope(actor, order.establishment_id)
    return order_detail(uow, order)


#: Sort keys of :func:`search_orders`, one per heading of the orders list.  The page
#: query joins the client, so its name is read directly.
ORDER_SORTS: Mapping[str, SortKey] = {
    NEWEST: NEWEST_FIRST,
    "number": by(Order.number),
    "client": by(Partner.name_key),
    "ordered": by(Order.ordered_on),
    "due": by(Order.due_on, nullable=True),
    "delivered": by(
        linked(
            func.coalesce(func.sum(DeliveryLine.quantity), 0),
            DeliveryLine.delivery_id == Delivery.id,
            Delivery.order_id == Order.id,
            Delivery.state.in_(COUNTED_DELIVERIES),
            outer=Order,
        )
    ),
    # Scaled integers multiplied: NUMERIC keeps a large order from overflowing a bigint.
    "total": by(
        linked(
            func.coalesce(
                func.sum(cast(OrderLine.quantity, Numeric) * cast(OrderLine.unit_price, Numeric)),
                0,
            ),
            OrderLine.order_id == Order.id,
            outer=Order,
        )
    ),
    "state": by(Order.state),
}


def _filters(
    actor: Actor, text: str, state: OrderState | None, partner_id: int | None
) -> list[ColumnElement[bool]]:
    filters: list[ColumnElement[bool]] = []
    if actor.establishment_id is not None:
        filters.append(Order.establishment_id == actor.establishment_id)
    if state is not None:
        filters.append(Order.state == state)
    if partner_id is not None:
        filters.append(Order.partner_id == partner_id)
    if text.strip():
        filters.append(number_or_name(text, Order.number, Order.partner_id, Partner))
    return filters


def search_orders(
    uow: UnitOfWork,
    actor: Actor,
    *,
    text: str = "",
    state: OrderState | None = None,
    partner_id: int | None = None,
    sort: str = NEWEST,
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> list[OrderRow]:
    """Return one page of orders, the newest first unless sorted otherwise.

    Args:
        uow: an open unit of work (read-only is enough).
        actor: who looks; a user bound to an establishment sees its orders only.
        text: found in the order number or the client's name or document.
        state: only orders in this state.
        partner_id: only this client's orders.
        sort: one of :data:`ORDER_SORTS`; ties are broken by id, so pages are stable, and
            orders without a due day come last both ways.
        descending: reverse the order.
        offset: rows to skip.
        limit: most rows to return (at most 1000).

    Raises:
        PermissionDenied: the actor may not view records.
        ValueError: an unknown sort key or a bad page (a programming error).
    """
    require(actor, Action.VIEW)
    offset, limit = check_page(offset, limit)
    order = order_by(ORDER_SORTS, sort, Order.id, descending=descending)
    query = (
        select(
            Order.id,
            Order.uuid,
            Order.number,
            Order.partner_id,
            Partner.name,
            Order.ordered_on,
            Order.due_on,
            Order.state,
        )
        .join(Partner, Partner.id == Order.partner_id)
        .where(*_filters(actor, text, state, partner_id))
        .order_by(*order)
        .offset(offset)
        .limit(limit)
    )
    rows = uow.session.execute(query).all()
    ids = [row[0] for row in rows]
    sums = _page_sums(uow, ids)
    return [OrderRow(*row, *sums.get(row[0], (Decimal("0.00"), _ZERO, _ZERO))) for row in rows]


def _page_sums(uow: UnitOfWork, ids: list[int]) -> dict[int, tuple[Decimal, Decimal, Decimal]]:
    if not ids:
        return {}
    result: dict[int, tuple[Decimal, Decimal, Decimal]] = {}
    lines = select(OrderLine.order_id, OrderLine.quantity, OrderLine.unit_price).where(
        OrderLine.order_id.in_(ids)
    )
    totals: dict[int, list[Decimal]] = defaultdict(lambda: [Decimal("0.00"), _ZERO])
    for order_id, quantity, price in uow.session.execute(lines):
        totals[order_id][0] += (quantity * price).quantize(Decimal("0.01"))
        totals[order_id][1] += quantity
    delivered = (
        select(Delivery.order_id, func.sum(DeliveryLine.quantity))
        .join(DeliveryLine, DeliveryLine.delivery_id == Delivery.id)
        .where(Delivery.order_id.in_(ids), Delivery.state.in_(COUNTED_DELIVERIES))
        .group_by(Delivery.order_id)
    )
    done = {oid: total for oid, total in uow.session.execute(delivered) if oid is not None}
    for order_id in ids:
        amount, quantity = totals[order_id]
        result[order_id] = (amount, quantity, done.get(order_id, _ZERO).quantize(_ZERO))
    return result


def count_orders(
    uow: UnitOfWork,
    actor: Actor,
    *,
    text: str = "",
    state: OrderState | None = None,
    partner_id: int | None = None,
) -> int:
    """Count the orders :func:`search_orders` would page through.

    Raises:
        PermissionDenied: the actor may not view records.
    """
    require(actor, Action.VIEW)
    return count_rows(uow, Order, _filters(actor, text, state, partner_id))
