"""Production batches (*lotes*): what each workshop made, from what, by whom.

A workshop runs its batches one after another, so a trainee's hours on a batch come out
of the hours he was present while that batch was made — never more.  Finished batches
pass a quality check (accepted plus rejected never exceed what was inspected; a few units
may wait for rework); a few batches are annulled; the next ones are planned.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from carceles_desktop.domain.enums import BatchState
from carceles_desktop.services.demo.attendance import Worked
from carceles_desktop.services.demo.bulk import Bulk, Row, uuid_int
from carceles_desktop.services.demo.clock import WorkCalendar, office_time
from carceles_desktop.services.demo.people import Stint
from carceles_desktop.services.demo.world import ProductRow, WorkshopInfo, World

#: States whose batches have an end date.
_ENDED = (BatchState.TERMINADO, BatchState.ANULADO)
_NOTES_OK = (
    None,
    "Conforme",
    "Conforme; etiquetado con el código de cada interno",
    "Acabados conformes a la muestra aprobada por el cliente",
)
_NOTES_REJECTS = (
    "Costuras irregulares en algunas unidades; separadas como merma",
    "Medidas fuera de tolerancia; unidades rechazadas",
    "Manchas y defectos de acabado en unidades rechazadas",
    "Unidades pendientes de reproceso",
)
_NOTES_ANNULLED = (
    "Lote anulado: falta de insumos",
    "Lote anulado por cambio de especificaciones del cliente",
    "Lote anulado: avería de maquinaria",
)


@dataclass
class Batch:
    """A batch being planned; quantities in thousandths of a unit, hours in hundredths."""

    id: int
    uuid: int
    code: str
    product: ProductRow
    planned: int
    starts: date
    ends: date
    state: BatchState
    inspected: int = 0
    accepted: int = 0
    rejected: int = 0
    inspected_on: date | None = None
    notes: str | None = None
    workers: list[tuple[int, int]] = field(default_factory=list)
    materials: list[tuple[str, int, str, int]] = field(default_factory=list)
    order_line_id: int | None = None
    delivered: int = 0

    @property
    def finished(self) -> bool:
        """True when the batch is finished and checked."""
        return self.state is BatchState.TERMINADO


class BatchPlanner:
    """Plans one workshop's batches over the history."""

    def __init__(
        self, world: World, bulk: Bulk, cal: WorkCalendar, workshop: WorkshopInfo, tag: str
    ) -> None:
        self.world, self.bulk, self.cal, self.workshop, self.tag = world, bulk, cal, workshop, tag
        self.rng = world.rng("batches", workshop.code)
        self.products = world.products.get(workshop.trade, [])

    def plan(
        self, stints: list[Stint], worked: dict[int, Worked], counter: list[int]
    ) -> list[Batch]:
        """Plan the batches; ``counter`` numbers batch codes across the establishment."""
        if not self.products:
            return []
        rng, today = self.rng, self.world.today
        weights = [len(self.products) - i for i in range(len(self.products))]
        scale = max(0.3, self.workshop.capacity / 30)
        day = self.world.start + timedelta(days=rng.randrange(10, 40))
        batches: list[Batch] = []
        planned_ahead = rng.randrange(1, 3)
        while True:
            product = rng.choices(self.products, weights=weights)[0]
            starts = self.cal.working_day_on_or_after(day)
            if starts > today and (planned_ahead == 0 or starts > today + timedelta(days=45)):
                break
            low, high = product.spec.batch
            planned = max(1, int(rng.randint(low, high) * scale)) * 1000
            ends = starts + timedelta(days=rng.randint(*product.spec.days))
            counter[0] += 1
            batch = Batch(
                id=self.bulk.next_id("production_batches"),
                uuid=uuid_int(rng),
                code=f"{self.tag}-L{starts.year % 100:02d}-{counter[0]:05d}",
                product=product,
                planned=planned,
                starts=starts,
                ends=ends,
                state=self._state(starts, ends),
            )
            if batch.state is BatchState.PLANIFICADO:
                planned_ahead -= 1
            else:
                self._work(batch, stints, worked)
            batches.append(batch)
            day = ends + timedelta(days=rng.randrange(1, 8))
        return batches

    def _state(self, starts: date, ends: date) -> BatchState:
        today = self.world.today
        if starts > today:
            return BatchState.PLANIFICADO
        if ends > today:
            return BatchState.EN_PROCESO
        return BatchState.ANULADO if self.rng.random() < 0.05 else BatchState.TERMINADO

    def _work(self, batch: Batch, stints: list[Stint], worked: dict[int, Worked]) -> None:
        rng, today = self.rng, self.world.today
        if batch.state is BatchState.ANULADO:
            span = max(1, (batch.ends - batch.starts).days)
            batch.ends = batch.starts + timedelta(days=rng.randrange(1, span + 1))
            batch.notes = rng.choice(_NOTES_ANNULLED)
        low = self.cal.first_on_or_after(batch.starts)
        high = self.cal.last_on_or_before(min(batch.ends, today))
        present = [(s.id, worked[s.id].between(low, high)) for s in stints if s.id in worked]
        present = [(key, hours) for key, hours in present if hours > 0]
        share = rng.uniform(0.4, 0.85)
        team = rng.sample(present, min(len(present), 30, max(1, round(len(present) * share))))
        for key, hours in sorted(team):
            # Whole half-hours, and never more than he was present while it was made.
            on_batch = int(hours * rng.uniform(0.5, 0.95)) // 50 * 50
            if on_batch > 0:
                batch.workers.append((key, on_batch))
        progress = 1.0
        if batch.state is BatchState.EN_PROCESO:
            progress = max(
                0.05, (today - batch.starts).days / max(1, (batch.ends - batch.starts).days)
            )
        elif batch.state is BatchState.ANULADO:
            progress = rng.uniform(0.1, 0.6)
        for material in batch.product.spec.materials:
            used = batch.planned * float(material.per_unit) * rng.uniform(1.0, 1.08) * progress
            cost = round(float(material.unit_cost) * 100)
            batch.materials.append((material.description, round(used), material.unit, cost))
        if batch.finished:
            self._inspect(batch, rng)

    def _inspect(self, batch: Batch, rng: random.Random) -> None:
        units = batch.planned // 1000
        inspected = max(1, units - rng.randrange(0, max(1, units // 50) + 1))
        rejected = round(inspected * rng.uniform(0, 0.06))
        rework = round(inspected * rng.uniform(0.01, 0.03)) if rng.random() < 0.1 else 0
        batch.inspected = inspected * 1000
        batch.rejected = rejected * 1000
        batch.accepted = max(0, inspected - rejected - rework) * 1000
        batch.inspected_on = min(batch.ends + timedelta(days=rng.randrange(0, 3)), self.world.today)
        batch.notes = rng.choice(_NOTES_REJECTS) if rejected or rework else rng.choice(_NOTES_OK)


def write_batches(world: World, bulk: Bulk, workshop: WorkshopInfo, batches: list[Batch]) -> None:
    """Write the batches, their materials and their workers."""
    rng = world.rng("batch-rows", workshop.code)
    inspector = world.who.jefe_name
    if workshop.partner is not None:
        inspector = f"{workshop.partner.contact} ({workshop.partner.name})"

    def batch_rows() -> Iterator[Row]:
        for batch in batches:
            started = bulk.stamp(office_time(batch.starts - timedelta(days=3), rng))
            last = batch.inspected_on or min(batch.ends, world.today)
            yield {
                "id": batch.id,
                "uuid": bulk.uuid(batch.uuid),
                "created_at": started,
                "updated_at": bulk.stamp(
                    office_time(max(last, batch.starts - timedelta(days=3)), rng)
                ),
                "code": batch.code,
                "workshop_id": workshop.id,
                "product_id": batch.product.id,
                "order_line_id": batch.order_line_id,
                "planned_quantity": batch.planned,
                "starts_on": bulk.day(batch.starts),
                "ends_on": bulk.day(batch.ends if batch.state in _ENDED else None),
                "state": batch.state.value,
                "inspected_quantity": batch.inspected,
                "accepted_quantity": batch.accepted,
                "rejected_quantity": batch.rejected,
                "delivered_quantity": batch.delivered,
                "inspector": inspector if batch.finished else None,
                "inspected_on": bulk.day(batch.inspected_on),
                "quality_notes": batch.notes,
            }

    bulk.insert("production_batches", batch_rows())
    bulk.insert("batch_materials", _materials(bulk, rng, batches))
    bulk.insert("batch_workers", _workers(bulk, rng, batches))


def _materials(bulk: Bulk, rng: random.Random, batches: list[Batch]) -> Iterator[Row]:
    for batch in batches:
        stamp = bulk.stamp(office_time(batch.starts, rng))
        for description, quantity, unit, cost in batch.materials:
            yield {
                "uuid": bulk.uuid(uuid_int(rng)),
                "created_at": stamp,
                "updated_at": stamp,
                "batch_id": batch.id,
                "description": description,
                "quantity": quantity,
                "unit_code": unit,
                "unit_cost": cost,
            }


def _workers(bulk: Bulk, rng: random.Random, batches: list[Batch]) -> Iterator[Row]:
    for batch in batches:
        # Hours are put down when the batch is checked (or, still open, when it began).
        stamp = bulk.stamp(office_time(batch.inspected_on or batch.starts, rng))
        for enrolment_id, hours in batch.workers:
            yield {
                "uuid": bulk.uuid(uuid_int(rng)),
                "created_at": stamp,
                "updated_at": stamp,
                "batch_id": batch.id,
                "enrolment_id": enrolment_id,
                "hours": hours,
            }
