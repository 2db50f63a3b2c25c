"""Filling one establishment: its people, their days of work, what they made and sent.

Everything of one establishment is planned and written inside one transaction, one
workshop at a time, and then dropped: only delivery notes wait for the end, because
they are numbered across the whole establishment in the order they were issued.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date

from carceles_desktop.services.demo.attendance import AttendanceWriter
from carceles_desktop.services.demo.bulk import Bulk
from carceles_desktop.services.demo.clock import WorkCalendar, office_time
from carceles_desktop.services.demo.deliveries import DeliveryPlanner, Shipment
from carceles_desktop.services.demo.delivery_notes import write_shipments
from carceles_desktop.services.demo.orders import OrderPlanner, settle_states, write_orders
from carceles_desktop.services.demo.people import Stint, assign_trainees, simulate_workshop
from carceles_desktop.services.demo.production import BatchPlanner, write_batches
from carceles_desktop.services.demo.roster import write_enrolments, write_trainees
from carceles_desktop.services.demo.world import EstablishmentInfo, WorkshopInfo, World


@dataclass
class Tally:
    """Rows written, by kind."""

    trainees: int = 0
    enrolments: int = 0
    attendance: int = 0
    assessments: int = 0
    batches: int = 0
    orders: int = 0
    deliveries: int = 0

    def add(self, other: Tally) -> None:
        """Add another tally to this one."""
        for item in fields(self):
            setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))


def calendar_for(world: World, establishment: EstablishmentInfo) -> WorkCalendar:
    """The establishment's working days: national and its own holidays are closed."""
    closed: set[date] = set(world.holidays.get(None, set()))
    closed |= world.holidays.get(establishment.id, set())
    return WorkCalendar(world.start, world.today, closed)


def fill_establishment(
    world: World,
    bulk: Bulk,
    establishment: EstablishmentInfo,
    workshop_done: Callable[[], None],
) -> Tally:
    """Write one establishment's trainees, enrolments, attendance, production, deliveries.

    Args:
        world: the shared state.
        bulk: the writer of this establishment's transaction.
        establishment: the establishment to fill.
        workshop_done: called after each workshop, for progress.
    """
    tally = Tally()
    cal = calendar_for(world, establishment)
    by_workshop = {w.id: simulate_workshop(world, cal, w) for w in establishment.workshops}
    stints: list[Stint] = [s for group in by_workshop.values() for s in group]
    trainees = assign_trainees(world, establishment, stints)
    keys = write_trainees(world, bulk, establishment, trainees)
    write_enrolments(world, bulk, establishment, stints, keys)
    tally.trainees, tally.enrolments = len(trainees), len(stints)
    counters = ([0], [0])
    shipments: list[Shipment] = []
    for workshop in establishment.workshops:
        _fill_workshop(
            world,
            bulk,
            cal,
            establishment,
            workshop,
            by_workshop[workshop.id],
            counters,
            shipments,
            tally,
        )
        workshop_done()
    tally.deliveries = write_shipments(world, bulk, establishment, shipments)
    _note_history(world, establishment, tally)
    return tally


def _fill_workshop(
    world: World,
    bulk: Bulk,
    cal: WorkCalendar,
    establishment: EstablishmentInfo,
    workshop: WorkshopInfo,
    stints: list[Stint],
    counters: tuple[list[int], list[int]],
    shipments: list[Shipment],
    tally: Tally,
) -> None:
    """Attendance and assessments, then batches, orders and their deliveries."""
    writer = AttendanceWriter(world, bulk, cal, workshop)
    attendance, assessments = writer.write(stints)
    planner = BatchPlanner(world, bulk, cal, workshop, establishment.tag)
    batches = planner.plan(stints, writer.worked, counters[0])
    orders = OrderPlanner(world, bulk, establishment, workshop).plan(batches, counters[1])
    deliveries = DeliveryPlanner(world, bulk, establishment, workshop)
    shipments.extend(deliveries.plan(orders, batches))
    settle_states(orders, deliveries.shipped)
    write_orders(world, bulk, establishment, orders)
    write_batches(world, bulk, workshop, batches)
    tally.attendance += attendance
    tally.assessments += assessments
    tally.batches += len(batches)
    tally.orders += len(orders)


def _note_history(world: World, establishment: EstablishmentInfo, tally: Tally) -> None:
    """One audit entry for the history the demo loaded into the establishment."""
    rng = world.rng("history-import", establishment.code)
    world.audit.note(
        office_time(world.today, rng, early=7, late=8),
        world.who.admin,
        "import",
        "attendance",
        summary=f"Demo data: loaded the history of {establishment.name}: "
        f"{tally.attendance} attendance rows, {tally.assessments} assessments, "
        f"{tally.batches} batches, {tally.orders} orders, {tally.deliveries} delivery notes",
        changes={
            "establishment": establishment.code,
            "attendance": tally.attendance,
            "assessments": tally.assessments,
            "batches": tally.batches,
            "orders": tally.orders,
            "deliveries": tally.deliveries,
            "demo": True,
        },
    )
