"""A small prison for the commerce tests: establishments, workshops, trainees, attendance.

The seeded database is built once per test process (migrate, load the shipped
catalogues, insert the world) and copied for each test, so every test starts from the
same rows and keys in milliseconds.  Clients, products, orders, batches and deliveries
are made in the tests through the services themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from carceles_desktop.domain.catalogues import Establishment, Trade
from carceles_desktop.domain.enrolments import Attendance, Enrolment
from carceles_desktop.domain.enums import (
    AttendanceStatus,
    DocumentType,
    EnrolmentState,
    LegalSituation,
    PartnerKind,
    Role,
    Sex,
    TransportMode,
    WorkshopModality,
)
from carceles_desktop.domain.rules.text import search_key
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.domain.workshops import Workshop
from carceles_desktop.services import catalogues, partners, production, products
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.deliveries import DeliveryInput, DeliveryLineInput
from carceles_desktop.services.production import BatchInput, QualityInput
from carceles_desktop.services.production_queries import BatchDetail
from carceles_desktop.storage.engine import create_database_engine, parse_target
from carceles_desktop.storage.unit_of_work import Database, UnitOfWork
from tests.helpers.seeding import SeededTemplate, seed_with
from tests.helpers.seeding import open_database_at as open_database_at

ADMIN = Actor(user_id=None, username="admin", role=Role.ADMIN)
TODAY = date(2026, 11, 30)
#: The ten working days of attendance every trainee of CARP-01 has.
MARCH_START, MARCH_END = date(2026, 3, 2), date(2026, 3, 13)
COMPANY_RUC = "20512333797"


@dataclass
class World:
    """Keys of the seeded rows, and actors of each role (no user rows: ids are None)."""

    establishment_id: int
    other_establishment_id: int
    workshop_id: int
    workshop2_id: int
    foreign_workshop_id: int
    trainees: dict[str, int]
    enrolments: dict[str, int]
    partner_id: int
    chair_id: int
    table_id: int
    jefe: Actor = field(init=False)
    supervisor: Actor = field(init=False)
    consulta: Actor = field(init=False)
    other_jefe: Actor = field(init=False)

    def __post_init__(self) -> None:
        self.jefe = Actor(None, "jefe", Role.JEFE, establishment_id=self.establishment_id)
        self.supervisor = Actor(
            None,
            "supervisor",
            Role.SUPERVISOR,
            establishment_id=self.establishment_id,
            workshop_ids=frozenset({self.workshop_id}),
        )
        self.consulta = Actor(
            None, "consulta", Role.CONSULTA, establishment_id=self.establishment_id
        )
        self.other_jefe = Actor(
            None, "otro", Role.JEFE, establishment_id=self.other_establishment_id
        )


def _trainee(est_id: int, code: str, surname: str, given: str, dni: str) -> Trainee:
    return Trainee(
        establishment_id=est_id,
        inmate_code=code,
        doc_type=DocumentType.DNI,
        doc_number=dni,
        paternal_surname=surname,
        maternal_surname="Quispe",
        given_names=given,
        sex=Sex.MALE,
        legal_situation=LegalSituation.SENTENCIADO,
        search_key=search_key(surname, "Quispe", given, dni, code),
    )


def _attendance(uow: UnitOfWork, enrolment_id: int, hours: str) -> None:
    day = MARCH_START
    while day <= MARCH_END:
        if day.weekday() < 5:
            uow.session.add(
                Attendance(
                    enrolment_id=enrolment_id,
                    day=day,
                    status=AttendanceStatus.PRESENTE,
                    hours=Decimal(hours),
                )
            )
        day += timedelta(days=1)


def _insert_world(uow: UnitOfWork) -> World:
    s = uow.session
    catalogues.load_catalogues(uow, ADMIN, holiday_years=range(2026, 2027))
    lurigancho = s.scalars(select(Establishment).where(Establishment.code == "LURIGANCHO")).one()
    lurigancho.address = "Av. El Sol s/n, San Juan de Lurigancho"
    lurigancho.ubigeo = "150132"
    ancon = s.scalars(select(Establishment).where(Establishment.code == "ANCON-II")).one()
    carpentry = s.scalars(select(Trade).where(Trade.code == "CARPINTERIA")).one()
    shops = [
        Workshop(
            code="CARP-01",
            name="Carpintería 1",
            establishment_id=lurigancho.id,
            trade_id=carpentry.id,
            modality=WorkshopModality.PARTNER,
            capacity=30,
        ),
        Workshop(
            code="CARP-02",
            name="Carpintería 2",
            establishment_id=lurigancho.id,
            trade_id=carpentry.id,
            modality=WorkshopModality.INPE,
            capacity=30,
        ),
        Workshop(
            code="ANC-CARP",
            name="Carpintería Ancón",
            establishment_id=ancon.id,
            trade_id=carpentry.id,
            modality=WorkshopModality.INPE,
            capacity=30,
        ),
    ]
    s.add_all(shops)
    people = {
        "T1": _trainee(lurigancho.id, "T1", "Núñez", "José", "10117410"),
        "T2": _trainee(lurigancho.id, "T2", "Mamani", "Percy", "20117410"),
        "T3": _trainee(lurigancho.id, "T3", "Cóndor", "Ángel", "30117410"),
        "T4": _trainee(lurigancho.id, "T4", "Torres", "Luis", "40117410"),
        "T5": _trainee(lurigancho.id, "T5", "León", "Óscar", "50117410"),
    }
    s.add_all(people.values())
    s.flush()
    plan = {
        # trainee, workshop, start, end, state
        "E1": ("T1", shops[0], date(2026, 1, 5), None, EnrolmentState.ACTIVO),
        "E2": ("T2", shops[0], date(2026, 1, 5), None, EnrolmentState.ACTIVO),
        "E3": ("T3", shops[1], date(2026, 1, 5), None, EnrolmentState.ACTIVO),
        "E4": ("T4", shops[0], date(2026, 1, 5), None, EnrolmentState.EN_ESPERA),
        "E5": ("T5", shops[0], date(2026, 6, 1), None, EnrolmentState.ACTIVO),
    }
    enrolments = {}
    for key, (who, shop, start, end, state) in plan.items():
        enrolment = Enrolment(
            trainee_id=people[who].id,
            workshop_id=shop.id,
            starts_on=start,
            ends_on=end,
            state=state,
        )
        s.add(enrolment)
        s.flush()
        enrolments[key] = enrolment.id
    _attendance(uow, enrolments["E1"], "6")  # 60 h in March
    _attendance(uow, enrolments["E2"], "4")  # 40 h in March
    _attendance(uow, enrolments["E3"], "6")
    partner = partners.create_partner(
        uow,
        ADMIN,
        partners.PartnerInput(
            kind=PartnerKind.COMPANY,
            id_type="6",
            id_number=COMPANY_RUC,
            name="Muebles Andinos S.A.C.",
            address="Jr. Los Pinos 123, Ate",
            ubigeo="150103",
        ),
    )
    chair = products.create_product(
        uow,
        ADMIN,
        products.ProductInput(
            code="SILLA-01",
            name="Silla de madera tornillo",
            unit_code="NIU",
            unit_price="120",
            trade_id=carpentry.id,
            unit_weight_kg="4.5",
        ),
    )
    table = products.create_product(
        uow,
        ADMIN,
        products.ProductInput(
            code="MESA-01", name="Mesa de comedor", unit_code="NIU", unit_price="300"
        ),
    )
    return World(
        establishment_id=lurigancho.id,
        other_establishment_id=ancon.id,
        workshop_id=shops[0].id,
        workshop2_id=shops[1].id,
        foreign_workshop_id=shops[2].id,
        trainees={k: v.id for k, v in people.items()},
        enrolments=enrolments,
        partner_id=partner.id,
        chair_id=chair.id,
        table_id=table.id,
    )


def seed(database: Database) -> World:
    """Insert the world into an empty, migrated database (SQLite or PostgreSQL)."""
    return seed_with(database, _insert_world)


def seeded_database(folder: Path) -> tuple[Database, World]:
    """A fresh copy of the seeded SQLite database in ``folder``, and its world."""
    return _SEEDED.copy(folder)


# --------------------------------------------------------------------------- builders


def finished_batch(
    uow: UnitOfWork,
    world: World,
    *,
    accepted: str = "20",
    product_id: int | None = None,
    order_line_id: int | None = None,
    code: str | None = None,
    actor: Actor = ADMIN,
) -> BatchDetail:
    """Plan and finish a batch of CARP-01 in March with ``accepted`` good units."""
    batch = production.create_batch(
        uow,
        actor,
        BatchInput(
            workshop_id=world.workshop_id,
            product_id=product_id or world.chair_id,
            planned_quantity=accepted,
            starts_on=MARCH_START,
            order_line_id=order_line_id,
            code=code,
        ),
        today=TODAY,
    )
    return production.finish_batch(
        uow,
        actor,
        batch.batch.id,
        QualityInput(
            inspected=Decimal(accepted) + 1, accepted=accepted, rejected="1", inspector="Jefe"
        ),
        on=MARCH_END,
        today=TODAY,
    )


def draft_input(world: World, lines: list[tuple[int, str]], **changes: Any) -> DeliveryInput:
    """A delivery form for the world's client by private transport."""
    values: dict[str, Any] = {
        "partner_id": world.partner_id,
        "issue_date": date(2026, 4, 1),
        "transfer_start_date": date(2026, 4, 1),
        "lines": [DeliveryLineInput(batch_id=b, quantity=q) for b, q in lines],
        "transport_mode": TransportMode.PRIVATE,
        "vehicle_plate": "ABC-123",
        "driver_name": "Carlos Ruiz",
        "driver_licence": "Q12345678",
        "dispatched_by": "Jefe de Trabajo",
    }
    values.update(changes)
    return DeliveryInput(**values)


# --------------------------------------------------------------------------- other processes


def issue_in_child(url: str, delivery_id: int, on: date, barrier: Any, results: Any) -> None:
    """Issue one draft from a separate process, starting when every process is ready.

    Runs in a process started with the ``spawn`` method; puts on ``results`` either
    ``("issued", delivery_id, number)`` or ``("conflict", delivery_id, text, params)``
    (or ``("error", delivery_id, repr)`` for anything unexpected).
    """
    from carceles_desktop.errors import Conflict
    from carceles_desktop.services import deliveries

    database = Database(parse_target(url), create_database_engine(parse_target(url)))
    try:
        # Wait *outside* any transaction: on SQLite the first statement takes the write
        # lock, and a process holding it at the barrier would stall the other.
        barrier.wait(timeout=60)
        with database.unit_of_work() as uow:
            note = deliveries.issue_delivery(uow, ADMIN, delivery_id, on=on)
            uow.commit()
        results.put(("issued", delivery_id, note.number))
    except Conflict as exc:
        results.put(("conflict", delivery_id, str(exc), dict(exc.message.params)))
    except Exception as exc:  # reported to the parent, which fails the test
        results.put(("error", delivery_id, repr(exc)))
    finally:
        database.dispose()


_SEEDED = SeededTemplate("carceles-commerce-", "commerce.sqlite3", _insert_world)
