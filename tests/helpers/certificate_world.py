"""A small bakery course to certify: a trade with three modules, trainees in every plight.

The seeded database (catalogues, a test trade, two workshops of Lurigancho and one of
Ancón, five enrolments with their attendance and assessments, a signing key sealed with
cheap argon2 parameters) is built once per test process and copied for each test.

Enrolments of PAN-01 (the trade needs M1 10 h + M2 20 h = 30 h, M3 is optional):

* ``ready``: culminated, 36 h, every module graded (16, 18, 14): eligible, grade 16;
* ``active``: still active, 36 h, M1 and M2 passed: only the override is missing;
* ``short``: culminated, 12 h, M1 passed, M2 failed, M3 never: hours and M2 missing;
* ``plain``: culminated, 36 h, M1 and M2 passed without grades: eligible, "aprobado";
* ``foreign``: culminated in Ancón's workshop, everything passed (another establishment).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from carceles_desktop.domain.catalogues import Competency, Establishment, Trade
from carceles_desktop.domain.enrolments import Assessment, Attendance, Enrolment
from carceles_desktop.domain.enums import (
    AttendanceStatus,
    DocumentType,
    EnrolmentState,
    LegalSituation,
    Role,
    Sex,
    WorkshopModality,
)
from carceles_desktop.domain.rules.text import search_key
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.domain.workshops import Workshop
from carceles_desktop.services import key_sealing, signing_keys
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.catalogues import load_catalogues
from carceles_desktop.storage.engine import create_database_engine, parse_target
from carceles_desktop.storage.unit_of_work import Database, UnitOfWork
from tests.helpers.seeding import SeededTemplate, seed_with
from tests.helpers.seeding import open_database_at as open_database_at

PASSPHRASE = "clave de prueba ñandú"
ADMIN = Actor(user_id=None, username="admin", role=Role.ADMIN)
TODAY = date(2026, 11, 30)
ISSUE_DAY = date(2026, 11, 30)
MARCH = date(2026, 3, 2)
CODE = "LURIGANCHO"
EVALUATOR = "Juana Ccori Mamani"


@dataclass
class World:
    """Keys of the seeded rows, and actors of each role."""

    establishment_id: int
    other_establishment_id: int
    workshop_id: int
    workshop2_id: int
    foreign_workshop_id: int
    trade_code: str
    competencies: dict[str, int]
    trainees: dict[str, int]
    enrolments: dict[str, int]
    jefe: Actor = field(init=False)
    supervisor: Actor = field(init=False)
    other_supervisor: Actor = field(init=False)
    consulta: Actor = field(init=False)

    def __post_init__(self) -> None:
        place = self.establishment_id
        self.jefe = Actor(None, "jefe", Role.JEFE, establishment_id=place)
        self.supervisor = Actor(
            None,
            "supervisor",
            Role.SUPERVISOR,
            establishment_id=place,
            workshop_ids=frozenset({self.workshop_id}),
        )
        self.other_supervisor = Actor(
            None,
            "otro",
            Role.SUPERVISOR,
            establishment_id=place,
            workshop_ids=frozenset({self.workshop2_id}),
        )
        self.consulta = Actor(None, "consulta", Role.CONSULTA, establishment_id=place)


_PEOPLE = {
    # key: (surname, maternal, given, doc type, doc number)
    "ready": ("Quispe", "Ñahuincopa", "María de los Ángeles", DocumentType.DNI, "10117410"),
    "active": ("Núñez", "Peña", "José Óscar", DocumentType.CARNE_EXTRANJERIA, "CE0012345"),
    "short": ("Cóndor", "", "Ángel", DocumentType.NONE, None),
    "plain": ("Torres", "Huamán", "Luis", DocumentType.DNI, "40117410"),
    "foreign": ("León", "Ríos", "Percy", DocumentType.DNI, "50117410"),
}


def _trainee(establishment_id: int, key: str, index: int) -> Trainee:
    surname, maternal, given, doc_type, doc_number = _PEOPLE[key]
    code = f"INT-{index:04d}"
    return Trainee(
        establishment_id=establishment_id,
        inmate_code=code,
        doc_type=doc_type,
        doc_number=doc_number,
        paternal_surname=surname,
        maternal_surname=maternal,
        given_names=given,
        sex=Sex.FEMALE if key == "ready" else Sex.MALE,
        legal_situation=LegalSituation.SENTENCIADO,
        search_key=search_key(surname, maternal, given, doc_number, code),
    )


def add_days(uow: UnitOfWork, enrolment_id: int, days: int, hours: str = "6") -> None:
    """Add ``days`` working days of attendance from 2 March 2026."""
    day, added = MARCH, 0
    while added < days:
        if day.weekday() < 5:
            uow.session.add(
                Attendance(
                    enrolment_id=enrolment_id,
                    day=day,
                    status=AttendanceStatus.PRESENTE,
                    hours=Decimal(hours),
                )
            )
            added += 1
        day += timedelta(days=1)


def _assess(uow: UnitOfWork, enrolment_id: int, competency_id: int, grade: Any, on: date) -> None:
    passed = grade if isinstance(grade, bool) else grade >= 11
    uow.session.add(
        Assessment(
            enrolment_id=enrolment_id,
            competency_id=competency_id,
            assessed_on=on,
            grade=None if isinstance(grade, bool) else grade,
            passed=passed,
            evaluator=EVALUATOR,
        )
    )


def _insert(uow: UnitOfWork) -> World:
    s = uow.session
    load_catalogues(uow, ADMIN, holiday_years=range(2026, 2027))
    lurigancho = s.scalars(select(Establishment).where(Establishment.code == CODE)).one()
    lurigancho.city = "Lima"
    ancon = s.scalars(select(Establishment).where(Establishment.code == "ANCON-II")).one()
    trade = Trade(code="PANADERIA_T", name="Panadería y pastelería")
    s.add(trade)
    s.flush()
    modules = {
        "M1": Competency(trade_id=trade.id, code="M1", name="Higiene e inocuidad", hours=10),
        "M2": Competency(trade_id=trade.id, code="M2", name="Elaboración de panes", hours=20),
        "M3": Competency(
            trade_id=trade.id, code="M3", name="Decoración de tortas", hours=5, required=False
        ),
    }
    for position, competency in enumerate(modules.values(), start=1):
        competency.position = position
    s.add_all(modules.values())
    shops = [
        Workshop(code="PAN-01", name="Panadería 1", establishment_id=lurigancho.id),
        Workshop(code="PAN-02", name="Panadería 2", establishment_id=lurigancho.id),
        Workshop(code="ANC-PAN", name="Panadería Ancón", establishment_id=ancon.id),
    ]
    for shop in shops:
        shop.trade_id, shop.modality, shop.capacity = trade.id, WorkshopModality.INPE, 20
    s.add_all(shops)
    s.flush()
    people = {
        key: _trainee(ancon.id if key == "foreign" else lurigancho.id, key, n)
        for n, key in enumerate(_PEOPLE, start=1)
    }
    s.add_all(people.values())
    s.flush()
    end = date(2026, 3, 31)
    plan = {
        "ready": (shops[0], EnrolmentState.CULMINADO, 6, {"M1": 16, "M2": 18, "M3": 14}),
        "active": (shops[0], EnrolmentState.ACTIVO, 6, {"M1": 13, "M2": 12}),
        "short": (shops[0], EnrolmentState.CULMINADO, 2, {"M1": 11, "M2": 8}),
        "plain": (shops[0], EnrolmentState.CULMINADO, 6, {"M1": True, "M2": True}),
        "foreign": (shops[2], EnrolmentState.CULMINADO, 6, {"M1": 15, "M2": 15}),
    }
    enrolments = {}
    for key, (shop, state, days, grades) in plan.items():
        enrolment = Enrolment(
            trainee_id=people[key].id,
            workshop_id=shop.id,
            starts_on=MARCH,
            ends_on=end if state is EnrolmentState.CULMINADO else None,
            state=state,
        )
        s.add(enrolment)
        s.flush()
        enrolments[key] = enrolment.id
        add_days(uow, enrolment.id, days)
        for n, (module, grade) in enumerate(grades.items()):
            _assess(uow, enrolment.id, modules[module].id, grade, date(2026, 3, 20 + n))
    _cheap_key(uow)
    return World(
        establishment_id=lurigancho.id,
        other_establishment_id=ancon.id,
        workshop_id=shops[0].id,
        workshop2_id=shops[1].id,
        foreign_workshop_id=shops[2].id,
        trade_code=trade.code,
        competencies={k: c.id for k, c in modules.items()},
        trainees={k: t.id for k, t in people.items()},
        enrolments=enrolments,
    )


def _cheap_key(uow: UnitOfWork) -> None:
    # The argon2 parameters travel with the sealed key: cheap here, cheap in every copy.
    saved = key_sealing.KDF_MEMORY_KIB, key_sealing.KDF_TIME_COST
    key_sealing.KDF_MEMORY_KIB, key_sealing.KDF_TIME_COST = 1024, 1
    try:
        for code in (CODE, "ANCON-II"):
            signing_keys.create_signing_key(
                uow, ADMIN, code, PASSPHRASE, valid_from=date(2026, 1, 1)
            )
    finally:
        key_sealing.KDF_MEMORY_KIB, key_sealing.KDF_TIME_COST = saved


def seed(database: Database) -> World:
    """Insert the world into an empty, migrated database (SQLite or PostgreSQL)."""
    return seed_with(database, _insert)


def seeded_database(folder: Path) -> tuple[Database, World]:
    """A fresh copy of the seeded SQLite database in ``folder``, and its world."""
    return _SEEDED.copy(folder)


def issue_in_child(url: str, enrolment_id: int, barrier: Any, results: Any) -> None:
    """Issue one certificate from a separate process, when every process is ready.

    Runs in a process started with ``spawn``; puts on ``results`` either
    ``("issued", enrolment_id, number)``, ``("conflict", enrolment_id, text)`` or
    ``("error", enrolment_id, repr)`` for anything unexpected.
    """
    from carceles_desktop.errors import Conflict
    from carceles_desktop.services import certificates

    database = Database(parse_target(url), create_database_engine(parse_target(url)))
    try:
        # Wait *outside* any transaction: on SQLite the first statement takes the write
        # lock, and a process holding it at the barrier would stall the other.
        barrier.wait(timeout=60)
        with database.unit_of_work() as uow:
            row = certificates.issue_certificate(
                uow, ADMIN, enrolment_id, passphrase=PASSPHRASE, on=ISSUE_DAY, today=TODAY
            )
            uow.commit()
        results.put(("issued", enrolment_id, row.number))
    except Conflict as exc:
        results.put(("conflict", enrolment_id, str(exc)))
    except Exception as exc:  # reported to the parent, which fails the test
        results.put(("error", enrolment_id, repr(exc)))
    finally:
        database.dispose()


_SEEDED = SeededTemplate("carceles-certificates-", "certificates.sqlite3", _insert)
