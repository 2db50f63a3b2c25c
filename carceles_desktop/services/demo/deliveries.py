"""Delivery notes (*notas de entrega*): what left the prison, for whom, from which batch.

As in :mod:`carceles_desktop.services.deliveries`, units leave a batch when its note is
issued: a batch's ``delivered_quantity`` is the sum of its issued and received notes'
lines, never above its accepted quantity.  Drafts hold no units, but the demo keeps each
draft within what its batch has left, so that every draft can be issued.  Notes are
numbered when issued, from the establishment's gapless series, in the order they were
issued; an annulled note keeps its number and its goods go out again on a new note.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from carceles_desktop.domain.enums import DeliveryState as D
from carceles_desktop.domain.enums import WorkshopModality as M
from carceles_desktop.services.demo.bulk import Bulk, uuid_int
from carceles_desktop.services.demo.orders import Line, OrderPlan
from carceles_desktop.services.demo.production import Batch
from carceles_desktop.services.demo.world import EstablishmentInfo, PartnerInfo, WorkshopInfo, World

_ANNUL_REASONS = (
    "Error en la dirección del punto de llegada",
    "El cliente reprogramó la entrega",
    "Error en las cantidades consignadas",
    "Vehículo no autorizado en el control de salida",
)
_STATES = (D.RECIBIDA, D.EMITIDA, D.ANULADA)
_RECENT = (D.BORRADOR, D.EMITIDA, D.RECIBIDA)


@dataclass
class Shipment:
    """A delivery note being planned; line quantities in thousandths."""

    id: int
    uuid: int
    workshop: WorkshopInfo
    partner: PartnerInfo
    reason: str
    arrival: tuple[str, str]
    order: OrderPlan | None
    line: Line | None
    agreement_id: int | None
    state: D
    issue: date
    transfer: date
    lines: list[tuple[Batch, int]] = field(default_factory=list)
    received_on: date | None = None
    annulled_on: date | None = None
    annul_reason: str | None = None
    sequence: int | None = None


@dataclass
class _Target:
    partner: PartnerInfo
    reason: str
    arrival: tuple[str, str]
    order: OrderPlan | None = None
    agreement_id: int | None = None
    line: Line | None = None


class DeliveryPlanner:
    """Plans one workshop's delivery notes from its finished batches."""

    def __init__(
        self, world: World, bulk: Bulk, establishment: EstablishmentInfo, workshop: WorkshopInfo
    ) -> None:
        self.world, self.bulk, self.establishment, self.workshop = (
            world,
            bulk,
            establishment,
            workshop,
        )
        self.rng = world.rng("deliveries", workshop.code)
        self.shipments: list[Shipment] = []
        self.shipped: dict[int, int] = {}
        self._taken: dict[int, int] = {}
        self._drafted: dict[int, int] = {}

    def plan(self, orders: list[OrderPlan], batches: list[Batch]) -> list[Shipment]:
        """Deliver what orders asked for, then sell or transfer some of the stock."""
        for order in orders:
            if order.annulled:
                continue
            reason = "13" if self.workshop.modality is M.PARTNER else "01"
            for line in order.lines:
                target = _Target(
                    order.partner, reason, _home(order.partner), order, order.agreement_id, line
                )
                for batch in sorted(line.batches, key=lambda b: b.inspected_on or b.starts):
                    wanted = line.quantity - self._taken.get(line.id, 0)
                    self._ship(batch, min(wanted, self._left(batch)), target)
        for batch in batches:
            if batch.order_line_id is None and batch.finished and self.rng.random() < 0.7:
                units = batch.accepted // 1000
                share = max(1, int(units * self.rng.uniform(0.3, 1.0))) * 1000
                self._ship(batch, min(share, self._left(batch)), self._stock_target())
        self._keep_a_draft()
        return self.shipments

    def _left(self, batch: Batch) -> int:
        """Units of a batch that no issued note took and no draft holds."""
        return batch.accepted - batch.delivered - self._drafted.get(batch.id, 0)

    def _hold(self, shipment: Shipment, sign: int) -> None:
        """Count a note's units as issued (+1) or take them back (-1)."""
        for batch, quantity in shipment.lines:
            if shipment.state is D.BORRADOR:
                self._drafted[batch.id] = self._drafted.get(batch.id, 0) + sign * quantity
            else:
                batch.delivered += sign * quantity
            if shipment.line is not None:
                self._taken[shipment.line.id] = (
                    self._taken.get(shipment.line.id, 0) + sign * quantity
                )
                if shipment.state is not D.BORRADOR:
                    self.shipped[shipment.line.id] = (
                        self.shipped.get(shipment.line.id, 0) + sign * quantity
                    )

    def _keep_a_draft(self) -> None:
        # The latest note of a busy workshop is often still being prepared.
        if any(s.state is D.BORRADOR for s in self.shipments):
            return
        recent = [
            s
            for s in self.shipments
            if s.state is D.EMITIDA and s.issue >= self.world.today - timedelta(days=7)
        ]
        if not recent or self.rng.random() < 0.4:
            return
        latest = max(recent, key=lambda s: (s.issue, s.id))
        self._hold(latest, -1)
        latest.state = D.BORRADOR
        self._hold(latest, +1)

    def _stock_target(self) -> _Target:
        rng, world = self.rng, self.world
        roll = rng.random()
        if self.workshop.modality is M.OWN_VENTURE or 0.4 <= roll < 0.7:
            person = rng.choice(self.establishment.persons)
            return _Target(person, "01", _home(person))
        if roll < 0.4:
            company = rng.choice(world.companies)
            return _Target(company, "01", _home(company))
        if roll < 0.85 and len(world.places) > 1:
            place = rng.choice([p for p in world.places if p[0] != self.establishment.name])
            return _Target(
                world.state_partners["inpe"], "04", (f"{place[0]}, {place[1]}", place[2])
            )
        entity = world.state_partners[
            rng.choice(("muni_sjl", "ugel", "muni_chincha", "gore_cusco"))
        ]
        return _Target(entity, "13", _home(entity))

    def _ship(self, batch: Batch, quantity: int, target: _Target) -> None:
        if not batch.finished or quantity < 1000 or batch.inspected_on is None:
            return
        rng = self.rng
        day = batch.inspected_on + timedelta(days=rng.randrange(0, 10))
        units = quantity // 1000
        if units >= 2 and rng.random() < 0.2:
            first = max(1, round(units * 0.6)) * 1000
            self._note(batch, first, day, target, may_annul=True)
            self._note(
                batch,
                quantity - first,
                day + timedelta(days=rng.randrange(5, 15)),
                target,
                may_annul=True,
            )
        else:
            self._note(batch, quantity, day, target, may_annul=True)

    def _note(
        self, batch: Batch, quantity: int, day: date, target: _Target, *, may_annul: bool
    ) -> None:
        rng, today = self.rng, self.world.today
        if day > today:
            if day > today + timedelta(days=10) or rng.random() < 0.4:
                return  # not prepared yet
            state, day = D.BORRADOR, today
        elif day >= today - timedelta(days=10):
            state = rng.choices(_RECENT, weights=(30, 40, 30))[0]
        else:
            state = rng.choices(_STATES, weights=(92, 3, 5 if may_annul else 0))[0]
        transfer = day + timedelta(days=rng.randrange(0, 3))
        shipment = Shipment(
            id=self.bulk.next_id("deliveries"),
            uuid=uuid_int(rng),
            workshop=self.workshop,
            partner=target.partner,
            reason=target.reason,
            arrival=target.arrival,
            order=target.order,
            line=target.line,
            agreement_id=target.agreement_id,
            state=state,
            issue=day,
            transfer=transfer,
            lines=[(batch, quantity)],
        )
        self.shipments.append(shipment)
        if state is D.RECIBIDA:
            received = transfer + timedelta(days=rng.randrange(0, 3))
            if received > today:
                shipment.state = D.EMITIDA
            else:
                shipment.received_on = received
        if shipment.state is D.ANULADA:
            shipment.annulled_on = min(day + timedelta(days=rng.randrange(0, 4)), today)
            shipment.annul_reason = rng.choice(_ANNUL_REASONS)
            again = shipment.annulled_on + timedelta(days=rng.randrange(1, 8))
            self._note(batch, quantity, again, target, may_annul=False)
            return
        self._hold(shipment, +1)


def _home(partner: PartnerInfo) -> tuple[str, str]:
    return partner.address, partner.ubigeo
