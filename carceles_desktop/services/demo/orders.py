"""Clients' orders (*pedidos*): which batches were made for whom.

Most batches of a workshop that works for outside clients belong to an order; a
partner-run workshop works only for its partner; inmates' own ventures mostly make for
stock, which families and visitors buy.  An order's state follows from its batches and
deliveries: nothing started (abierto), in production, partly or wholly delivered, or
annulled by the client.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from carceles_desktop.domain.enums import BatchState, OrderState
from carceles_desktop.domain.enums import WorkshopModality as M
from carceles_desktop.services.demo.bulk import Bulk, Row, uuid_int
from carceles_desktop.services.demo.clock import office_time
from carceles_desktop.services.demo.production import Batch
from carceles_desktop.services.demo.world import (
    EstablishmentInfo,
    PartnerInfo,
    ProductRow,
    WorkshopInfo,
    World,
)

_ORDER_SHARE = {M.PARTNER: 0.95, M.OWN_VENTURE: 0.25, M.TRAINING: 0.3, M.INPE: 0.65}


@dataclass
class Line:
    """An order line; quantity in thousandths, price in céntimos."""

    id: int
    uuid: int
    product: ProductRow
    quantity: int
    price: int
    batches: list[Batch] = field(default_factory=list)
    shipped: int = 0


@dataclass
class OrderPlan:
    """An order being planned."""

    id: int
    uuid: int
    number: str
    partner: PartnerInfo
    agreement_id: int | None
    ordered_on: date
    due_on: date
    lines: list[Line]
    annulled: bool = False
    notes: str | None = None
    state: OrderState = OrderState.ABIERTO


class OrderPlanner:
    """Groups one workshop's batches into orders."""

    def __init__(
        self, world: World, bulk: Bulk, establishment: EstablishmentInfo, workshop: WorkshopInfo
    ) -> None:
        self.world, self.bulk, self.establishment, self.workshop = (
            world,
            bulk,
            establishment,
            workshop,
        )
        self.rng = world.rng("orders", workshop.code)

    def plan(self, batches: list[Batch], counter: list[int]) -> list[OrderPlan]:
        """Orders for some of ``batches`` (linking them), plus recent orders not started."""
        rng = self.rng
        orders: list[OrderPlan] = []
        share = _ORDER_SHARE[self.workshop.modality]
        index = 0
        while index < len(batches):
            if rng.random() >= share:
                index += 1  # made for stock
                continue
            size = rng.randint(1, 5 if self.workshop.client is not None else 3)
            group = batches[index : index + size]
            index += len(group)
            orders.append(self._order(group, counter))
        if self.world.products.get(self.workshop.trade) and rng.random() < 0.6:
            orders.append(self._order([], counter))
        return orders

    def _client(self) -> tuple[PartnerInfo, int | None]:
        rng, workshop = self.rng, self.workshop
        if workshop.partner is not None:
            return workshop.partner, workshop.agreement_id
        if workshop.client is not None and rng.random() < 0.85:
            return workshop.client, workshop.client_agreement_id
        roll = rng.random()
        if roll < 0.35 and workshop.modality is not M.OWN_VENTURE:
            state = [p for k, p in sorted(self.world.state_partners.items()) if _is_state(k)]
            return rng.choice(state), None
        if roll < 0.8 and workshop.modality is not M.OWN_VENTURE:
            return rng.choice(self.world.companies), None
        return rng.choice(self.establishment.persons), None

    def _order(self, group: list[Batch], counter: list[int]) -> OrderPlan:
        rng, today = self.rng, self.world.today
        partner, agreement = self._client()
        if group:
            first = min(b.starts for b in group)
            ordered = min(first - timedelta(days=rng.randrange(5, 30)), today)
            due = max(b.ends for b in group) + timedelta(days=rng.randrange(5, 20))
        else:
            ordered = today - timedelta(days=rng.randrange(0, 20))
            due = ordered + timedelta(days=rng.randrange(30, 90))
        counter[0] += 1
        order = OrderPlan(
            id=self.bulk.next_id("orders"),
            uuid=uuid_int(rng),
            number=f"{self.establishment.tag}-P{ordered.year}-{counter[0]:04d}",
            partner=partner,
            agreement_id=agreement,
            ordered_on=ordered,
            due_on=due,
            lines=self._lines(group),
        )
        order.notes = (
            "Según convenio vigente"
            if agreement
            else f"Orden de compra N.° {rng.randrange(100, 9999)}"
        )
        ended = all(b.state is BatchState.TERMINADO for b in group)
        if group and ended and rng.random() < 0.05:
            _annul(order, rng)
        return order

    def _lines(self, group: list[Batch]) -> list[Line]:
        rng = self.rng
        by_product: dict[int, list[Batch]] = {}
        for batch in group:
            by_product.setdefault(batch.product.id, []).append(batch)
        lines: list[Line] = []
        if not group:
            products = self.world.products[self.workshop.trade]
            for product in rng.sample(products, min(len(products), rng.randint(1, 2))):
                low, high = product.spec.batch
                lines.append(self._line(product, rng.randint(low, high) * 1000, []))
            return lines
        for batches in by_product.values():
            planned = sum(b.planned for b in batches)
            quantity = max(1000, int(planned * rng.uniform(0.85, 0.97)) // 1000 * 1000)
            line = self._line(batches[0].product, quantity, batches)
            for batch in batches:
                batch.order_line_id = line.id
            lines.append(line)
        return lines

    def _line(self, product: ProductRow, quantity: int, batches: list[Batch]) -> Line:
        price = round(product.price * self.rng.uniform(0.9, 1.1))
        return Line(
            self.bulk.next_id("order_lines"), uuid_int(self.rng), product, quantity, price, batches
        )


def _is_state(key: str) -> bool:
    return key in {
        "ejercito",
        "marina",
        "policia",
        "muni_sjl",
        "muni_chincha",
        "ugel",
        "hospital",
        "gore_cusco",
    }


def _annul(order: OrderPlan, rng: random.Random) -> None:
    order.annulled = True
    order.notes = "Anulado a solicitud del cliente antes de la entrega"
    for line in order.lines:
        for batch in line.batches:
            batch.state = BatchState.ANULADO
            batch.inspected = batch.accepted = batch.rejected = 0
            batch.inspected_on = None
            batch.notes = "Lote anulado: pedido anulado por el cliente"


def settle_states(orders: list[OrderPlan], shipped: dict[int, int]) -> None:
    """Set each order's state from its batches and what issued deliveries took per line."""
    for order in orders:
        if order.annulled:
            order.state = OrderState.ANULADO
            continue
        for line in order.lines:
            line.shipped = shipped.get(line.id, 0)
        if order.lines and all(line.shipped >= line.quantity for line in order.lines):
            order.state = OrderState.ENTREGADO
        elif any(line.shipped for line in order.lines):
            order.state = OrderState.ENTREGADO_PARCIAL
        elif any(
            b.state is not BatchState.PLANIFICADO for line in order.lines for b in line.batches
        ):
            order.state = OrderState.EN_PRODUCCION
        else:
            order.state = OrderState.ABIERTO


def write_orders(
    world: World, bulk: Bulk, establishment: EstablishmentInfo, orders: list[OrderPlan]
) -> None:
    """Write the orders and their lines."""
    rng = world.rng("order-rows", establishment.code)
    today = world.today

    def order_rows() -> Iterator[Row]:
        for order in orders:
            yield {
                "id": order.id,
                "uuid": bulk.uuid(order.uuid),
                "created_at": bulk.stamp(office_time(order.ordered_on, rng)),
                "updated_at": bulk.stamp(office_time(min(order.due_on, today), rng)),
                "number": order.number,
                "establishment_id": establishment.id,
                "partner_id": order.partner.id,
                "agreement_id": order.agreement_id,
                "ordered_on": bulk.day(order.ordered_on),
                "due_on": bulk.day(order.due_on),
                "state": order.state.value,
                "notes": order.notes,
            }

    def line_rows() -> Iterator[Row]:
        for order in orders:
            stamp = bulk.stamp(office_time(order.ordered_on, rng))
            for position, line in enumerate(order.lines, start=1):
                yield {
                    "id": line.id,
                    "uuid": bulk.uuid(line.uuid),
                    "created_at": stamp,
                    "updated_at": stamp,
                    "order_id": order.id,
                    "position": position,
                    "product_id": line.product.id,
                    "quantity": line.quantity,
                    "unit_price": line.price,
                }

    bulk.insert("orders", order_rows())
    bulk.insert("order_lines", line_rows())
