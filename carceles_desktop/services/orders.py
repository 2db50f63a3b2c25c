"""Orders (*pedidos*): a client's lines of products, and their state.

The state follows what is made and delivered (:func:`refresh_order_state`, called by
the batch and delivery services): ``abierto`` → ``en_produccion`` once a batch is
linked → ``entregado_parcial`` once something is delivered → ``entregado`` when every
line is delivered in full.  Annulling a delivery moves it back.  ``anulado`` is set by
hand and is final.  The figures and the lists are in :mod:`.order_queries`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from carceles_desktop.domain.catalogues import Establishment
from carceles_desktop.domain.commerce import Order, OrderLine, Product
from carceles_desktop.domain.deliveries import Delivery
from carceles_desktop.domain.enums import DeliveryState, OrderState
from carceles_desktop.domain.production import ProductionBatch
from carceles_desktop.errors import Conflict, NotFound, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import audit, numbering
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.agreements import load_agreement
from carceles_desktop.services.commerce_common import (
    NumberInput,
    decimal_value,
    optional_text,
    to_decimal,
)
from carceles_desktop.services.enrolments import check_establishment_scope, check_reason
from carceles_desktop.services.order_queries import (
    COUNTED_DELIVERIES,
    OrderDetail,
    OrderLineRow,
    OrderRow,
    count_orders,
    delivered_by_line,
    get_order,
    load_order,
    order_detail,
    search_orders,
    state_for,
)
from carceles_desktop.services.partners import load_partner
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.services.products import load_product
from carceles_desktop.storage.unit_of_work import UnitOfWork

__all__ = [
    "COUNTED_DELIVERIES",
    "OrderDetail",
    "OrderInput",
    "OrderLineInput",
    "OrderLineRow",
    "OrderRow",
    "apply_lines",
    "cancel_order",
    "count_orders",
    "create_order",
    "get_order",
    "refresh_order_state",
    "search_orders",
    "update_order",
]

_ENTITY = "order"
_ZERO = Decimal("0.000")
_NUMBER_WIDTH = 30


@dataclass(frozen=True)
class OrderLineInput:
    """One line of an order form.

    Attributes:
        product_id: the product ordered.
        quantity: how many units (3 decimals).
        unit_price: price agreed; empty takes the product's list price.
        line_id: the line being edited; None for a new line.
    """

    product_id: int
    quantity: NumberInput
    unit_price: NumberInput | None = None
    line_id: int | None = None


@dataclass(frozen=True)
class OrderInput:
    """An order's fields as a form holds them.

    Attributes:
        partner_id: the client.
        ordered_on: the day the order was placed.
        lines: at least one line.
        due_on: the day the client expects it (not before ``ordered_on``).
        agreement_id: the convenio it falls under, when any (of the same partner).
        notes: free text.
        establishment_id: the establishment that takes the order; by default the
            actor's.
    """

    partner_id: int
    ordered_on: date
    lines: Sequence[OrderLineInput]
    due_on: date | None = None
    agreement_id: int | None = None
    notes: str | None = None
    establishment_id: int | None = None


def refresh_order_state(uow: UnitOfWork, actor: Actor, order_id: int) -> OrderState:
    """Bring the order's state in line with its batches and deliveries (audited).

    Called by the batch and delivery services inside their transaction.  The order row
    is locked first (PostgreSQL), so that two notes issued for one order at the same
    moment compute the state one after the other, each seeing the other's units.
    """
    uow.session.flush()
    query = (
        select(Order)
        .where(Order.id == order_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    order = uow.session.scalar(query) or load_order(uow, order_id)
    new_state = state_for(order_detail(uow, order))
    if new_state is not order.state:
        audit.record(
            uow,
            actor,
            "state_change",
            _ENTITY,
            entity_uuid=order.uuid,
            summary=f"Order {order.number} is now {new_state.value}",
            changes={"state": [order.state, new_state]},
        )
        order.state = new_state
        uow.session.flush()
    return new_state


# --------------------------------------------------------------------------- writing


def _establishment(uow: UnitOfWork, actor: Actor, wanted: int | None) -> Establishment:
    establishment_id = wanted if wanted is not None else actor.establishment_id
    if establishment_id is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Choose the establishment that takes the order."),
            field="establishment",
        )
    check_establishment_scope(actor, establishment_id)
    establishment = uow.session.get(Establishment, establishment_id)
    if establishment is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no establishment with the key {key}."),
            field="establishment",
            key=establishment_id,
        )
    return establishment


def _new_number(uow: UnitOfWork, establishment: Establishment, year: int) -> str:
    # The establishment's code keeps numbers apart on a shared server; cut to fit the column.
    prefix = establishment.code[: _NUMBER_WIDTH - len("-2026-00001")]
    while True:
        sequence = numbering.next_number(uow, "order", f"{establishment.code}-{year}")
        number = f"{prefix}-{year}-{sequence:05d}"
        if uow.session.scalar(select(Order.id).where(Order.number == number)) is None:
            return number


def _check_header(uow: UnitOfWork, data: OrderInput) -> None:
    partner = load_partner(uow, data.partner_id)
    if not partner.active:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{name} is retired; reactivate the partner first."),
            field="partner",
            name=partner.name,
        )
    if data.due_on is not None and data.due_on < data.ordered_on:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The due date cannot be before the order date {day}."),
            field="due_on",
            day=data.ordered_on.isoformat(),
        )
    if data.agreement_id is not None:
        agreement = load_agreement(uow, data.agreement_id)
        if agreement.partner_id != data.partner_id:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Agreement {number} is with another partner."),
                field="agreement",
                number=agreement.number,
            )
    if not data.lines:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "An order needs at least one line."), field="lines"
        )


def _line_has_batches(uow: UnitOfWork, line_id: int) -> bool:
    query = select(ProductionBatch.id).where(ProductionBatch.order_line_id == line_id).limit(1)
    return uow.session.scalar(query) is not None


def _edit_line(
    uow: UnitOfWork, line: OrderLine, product_id: int, quantity: Decimal, done: Decimal, at: str
) -> None:
    if line.product_id != product_id and (done > 0 or _line_has_batches(uow, line.id)):
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "errors", "This line already has batches or deliveries; its product cannot change."
            ),
            field=f"{at}.product",
        )
    if quantity < done:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{delivered} were already delivered for this line."),
            field=f"{at}.quantity",
            delivered=str(done),
        )


def _planned_lines(
    uow: UnitOfWork, order: Order, inputs: Sequence[OrderLineInput], delivered: dict[int, Decimal]
) -> list[tuple[OrderLine | None, Product, Decimal, Decimal]]:
    """Check every line of the form; return (existing line or None, product, qty, price)."""
    existing = {line.id: line for line in order.lines}
    plan: list[tuple[OrderLine | None, Product, Decimal, Decimal]] = []
    for index, item in enumerate(inputs):
        at = f"lines[{index}]"
        try:
            product = load_product(uow, item.product_id)
        except NotFound as exc:
            raise NotFound(exc.message, field=f"{at}.product") from None
        quantity = decimal_value(item.quantity, f"{at}.quantity", places=3, positive=True)
        price = to_decimal(item.unit_price, f"{at}.unit_price", places=2)
        line = existing.get(item.line_id) if item.line_id is not None else None
        if item.line_id is not None and (line is None or any(p[0] is line for p in plan)):
            raise NotFound(
                QT_TRANSLATE_NOOP("errors", "This line is no longer part of the order."),
                field=f"{at}.line",
            )
        if line is None and not product.active:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Product {code} is retired."),
                field=f"{at}.product",
                code=product.code,
            )
        if line is not None:
            _edit_line(uow, line, product.id, quantity, delivered.get(line.id, _ZERO), at)
        plan.append((line, product, quantity, product.unit_price if price is None else price))
    kept = {id(p[0]) for p in plan}
    for line in order.lines:
        if id(line) in kept:
            continue
        if delivered.get(line.id, _ZERO) > 0 or _line_has_batches(uow, line.id):
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "errors", "The line of {code} has batches or deliveries; it cannot be removed."
                ),
                field="lines",
                code=line.product.code,
            )
    return plan


def apply_lines(
    uow: UnitOfWork,
    order: Order,
    inputs: Sequence[OrderLineInput],
    delivered: dict[int, Decimal],
) -> list[dict[str, object]]:
    """Make the order's lines those of the form; return what changed, for the audit.

    Every line is checked before any is changed.

    Raises:
        NotFound: a product or an edited line does not exist (``lines[i].…``).
        ValidationError: a quantity or price is wrong, or a new line's product is retired.
        Conflict: a line in use would change product or disappear.
    """
    plan = _planned_lines(uow, order, inputs, delivered)
    changes: list[dict[str, object]] = []
    kept = {id(p[0]) for p in plan}
    for line in order.lines:
        if id(line) not in kept:
            changes.append({"removed": line.product.code, "quantity": line.quantity})
    wanted: list[OrderLine] = []
    for index, (existing, product, quantity, price) in enumerate(plan):
        if existing is None:
            line = OrderLine(product_id=product.id, quantity=quantity, unit_price=price)
            changes.append({"added": product.code, "quantity": quantity, "unit_price": price})
        else:
            line = existing
            old = [line.product_id, line.quantity, line.unit_price]
            if old != [product.id, quantity, price]:
                changes.append(
                    {"line": line.id, "before": old, "after": [product.id, quantity, price]}
                )
            line.product_id, line.quantity, line.unit_price = product.id, quantity, price
        line.product = product
        line.position = index
        wanted.append(line)
    order.lines = wanted
    return changes


def create_order(uow: UnitOfWork, actor: Actor, data: OrderInput) -> OrderDetail:
    """Record a client's order; it is numbered ``<ESTABLISHMENT>-<year>-00001``.

    Raises:
        PermissionDenied: the actor may not edit orders, or the establishment is not his.
        NotFound: the partner, agreement, product or establishment does not exist.
        ValidationError: a field is wrong; a line's field is named like
            ``lines[2].quantity``.
    """
    require(actor, Action.EDIT_CLIENTS)
    establishment = _establishment(uow, actor, data.establishment_id)
    _check_header(uow, data)
    order = Order(
        number="",
        establishment_id=establishment.id,
        partner_id=data.partner_id,
        agreement_id=data.agreement_id,
        ordered_on=data.ordered_on,
        due_on=data.due_on,
        state=OrderState.ABIERTO,
        notes=optional_text(data.notes, "notes", 500),
    )
    line_changes = apply_lines(uow, order, data.lines, {})
    order.number = _new_number(uow, establishment, data.ordered_on.year)
    uow.session.add(order)
    uow.session.flush()
    audit.record(
        uow,
        actor,
        "create",
        _ENTITY,
        entity_uuid=order.uuid,
        summary=f"Recorded order {order.number} of {order.partner.name}",
        changes={"partner_id": [None, order.partner_id], "lines": line_changes},
    )
    return order_detail(uow, order)


def update_order(uow: UnitOfWork, actor: Actor, order_id: int, data: OrderInput) -> OrderDetail:
    """Change an order's header and lines.

    A line keeps its product once batches are linked to it, cannot drop below what was
    already delivered for it, and cannot be removed once it has batches or deliveries.

    Raises:
        PermissionDenied: the actor may not edit orders, or the order is of another
            establishment.
        NotFound: the order, partner, agreement or a product does not exist.
        ValidationError: a field is wrong (``lines[i].field`` for lines).
        Conflict: the order is annulled or delivered in full, its client changes after
            deliveries, or a line in use would change product or disappear.
    """
    require(actor, Action.EDIT_CLIENTS)
    order = load_order(uow, order_id)
    check_establishment_scope(actor, order.establishment_id)
    if order.state in (OrderState.ANULADO, OrderState.ENTREGADO):
        raise Conflict(
            QT_TRANSLATE_NOOP("errors", "Order {number} is {state}; it can no longer change."),
            number=order.number,
            state=order.state.value,
        )
    _check_header(uow, data)
    delivered = delivered_by_line(uow, order)
    if data.partner_id != order.partner_id and _has_deliveries(uow, order.id):
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "errors", "Order {number} has delivery notes; its client cannot change."
            ),
            field="partner",
            number=order.number,
        )
    notes = optional_text(data.notes, "notes", 500)
    before = {
        "partner_id": order.partner_id,
        "agreement_id": order.agreement_id,
        "due_on": order.due_on,
        "ordered_on": order.ordered_on,
        "notes": order.notes,
    }
    # The lines are checked (and only then changed) before the header is touched, so a
    # refusal leaves the order as it was.
    line_changes = apply_lines(uow, order, data.lines, delivered)
    order.partner_id = data.partner_id
    order.agreement_id = data.agreement_id
    order.due_on = data.due_on
    order.ordered_on = data.ordered_on
    order.notes = notes
    after = {name: getattr(order, name) for name in before}
    changes: dict[str, object] = {k: [before[k], v] for k, v in after.items() if before[k] != v}
    if line_changes:
        changes["lines"] = line_changes
    uow.session.flush()
    if changes:
        audit.record(
            uow,
            actor,
            "update",
            _ENTITY,
            entity_uuid=order.uuid,
            summary=f"Changed order {order.number}: " + ", ".join(changes),
            changes=changes,
        )
    refresh_order_state(uow, actor, order.id)
    return order_detail(uow, order)


def _has_deliveries(uow: UnitOfWork, order_id: int) -> bool:
    query = select(Delivery.id).where(
        Delivery.order_id == order_id, Delivery.state != DeliveryState.ANULADA
    )
    return uow.session.scalar(query.limit(1)) is not None


def cancel_order(uow: UnitOfWork, actor: Actor, order_id: int, *, reason: str) -> OrderDetail:
    """Annul an order (final).  Its batches stay, free for other clients.

    Raises:
        PermissionDenied: the actor may not edit orders.
        NotFound: no order has that key.
        ValidationError: no reason given.
        Conflict: already annulled, or a delivery note (draft or issued, not annulled)
            refers to it.
    """
    require(actor, Action.EDIT_CLIENTS)
    order = load_order(uow, order_id)
    check_establishment_scope(actor, order.establishment_id)
    text = check_reason(reason)
    if order.state is OrderState.ANULADO:
        raise Conflict(
            QT_TRANSLATE_NOOP("errors", "Order {number} is already annulled."), number=order.number
        )
    if _has_deliveries(uow, order.id):
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "errors", "Order {number} has delivery notes; annul or delete them first."
            ),
            number=order.number,
        )
    before = order.state
    order.state = OrderState.ANULADO
    note = f"Anulado: {text}"
    order.notes = (f"{order.notes}\n{note}" if order.notes else note)[-500:]
    uow.session.flush()
    audit.record(
        uow,
        actor,
        "annul",
        _ENTITY,
        entity_uuid=order.uuid,
        summary=f"Annulled order {order.number}: {text}",
        changes={"state": [before, OrderState.ANULADO]},
    )
    return order_detail(uow, order)
