"""Workloads for the kill tests: each runs in a forked child and is killed at random.

Every workload takes the database path as text (and more text arguments), opens the
database the way the program does (engine with the pragmas, ``SqlUnitOfWork`` with
``BEGIN IMMEDIATE``) and writes; it never disposes or closes anything on purpose.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from carceles_desktop.domain.catalogues import Establishment, RegionalOffice, Trade
from carceles_desktop.domain.enrolments import Enrolment
from carceles_desktop.domain.enums import (
    DocumentType,
    EnrolmentState,
    LegalSituation,
    Sex,
    WorkshopModality,
)
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.domain.users import Setting
from carceles_desktop.domain.workshops import Workshop
from carceles_desktop.services import audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.storage.engine import create_database_engine, parse_target
from carceles_desktop.storage.unit_of_work import Database

ENROLMENTS = 200
_INSERT = (
    "INSERT INTO attendance (enrolment_id, day, status, hours, uuid, created_at, updated_at) "
    "VALUES (?, ?, 'presente', 600, ?, ?, ?)"
)
_CHUNK = 5_000


def open_plain(path: str) -> Database:
    """Open without migrating or checking: the file is known to be current."""
    target = parse_target(path)
    return Database(target, create_database_engine(target, must_exist=True))


def prepare_attendance_template(database: Database) -> None:
    """Add one workshop with ``ENROLMENTS`` enrolled trainees to a migrated database."""
    with database.unit_of_work() as uow:
        session = uow.session
        office = RegionalOffice(code="LIMA-T", name="Lima", seat="Lima")
        session.add(office)
        session.flush()
        site = Establishment(code="EP-T", name="E.P. de prueba", regional_office_id=office.id)
        trade = Trade(code="CARP-T", name="Carpintería")
        session.add_all([site, trade])
        session.flush()
        workshop = Workshop(
            code="T-1",
            name="Carpintería",
            establishment_id=site.id,
            trade_id=trade.id,
            modality=WorkshopModality.INPE,
            capacity=ENROLMENTS,
        )
        session.add(workshop)
        session.flush()
        for n in range(ENROLMENTS):
            trainee = Trainee(
                establishment_id=site.id,
                inmate_code=f"INT-{n:04d}",
                doc_type=DocumentType.NONE,
                paternal_surname="Núñez",
                given_names=f"José {n}",
                sex=Sex.MALE,
                legal_situation=LegalSituation.SENTENCIADO,
            )
            session.add(trainee)
            session.flush()
            session.add(
                Enrolment(
                    trainee_id=trainee.id,
                    workshop_id=workshop.id,
                    starts_on=date(2020, 1, 1),
                    state=EnrolmentState.ACTIVO,
                )
            )
        uow.commit()


def bulk_attendance(path: str, rows: str) -> None:
    """Insert ``rows`` attendance rows in ONE transaction (a large import)."""
    database = open_plain(path)
    total = int(rows)
    stamp = "2026-11-30 10:00:00.000000"
    first = date(2021, 1, 1)
    with database.unit_of_work() as uow:
        connection = uow.session.connection()
        enrolments = [
            row[0] for row in connection.exec_driver_sql("SELECT id FROM enrolments ORDER BY id")
        ]
        per_enrolment = -(-total // len(enrolments))
        days = [(first + timedelta(days=k)).isoformat() for k in range(per_enrolment)]
        pending: list[tuple[object, ...]] = []
        made = 0
        for enrolment in enrolments:
            for day in days:
                if made == total:
                    break
                pending.append((enrolment, day, uuid.uuid4().hex, stamp, stamp))
                made += 1
                if len(pending) == _CHUNK:
                    connection.exec_driver_sql(_INSERT, pending)
                    pending = []
        if pending:
            connection.exec_driver_sql(_INSERT, pending)
        uow.commit()


def audited_writes(path: str, count: str) -> None:
    """``count`` small transactions, each a setting and its audit entry."""
    database = open_plain(path)
    actor = Actor.system("crash-test")
    for n in range(int(count)):
        with database.unit_of_work() as uow:
            uow.session.add(Setting(key=f"crash.{n}", value=f'"{n}"'))
            audit.record(uow, actor, "create", "setting", summary=f"crash.{n}")
            uow.commit()


def small_demo(path: str) -> None:
    """The demo generator at a small size: four transactions, one per phase."""
    from carceles_desktop.services.demo import generate_demo_data
    from carceles_desktop.services.demo.world import Size

    generate_demo_data(
        open_plain(path),
        seed=7,
        today=date(2026, 11, 30),
        _size=Size(("LURIGANCHO",), trainees=40, workshops=2, history_days=60),
    )


def commit_then_exit(path: str, key: str, how: str) -> None:
    """Commit one setting, then end the process at once (``exit``) or wait to be killed.

    A reading unit of work stays open meanwhile, as the window's would: the writer's
    connection is then not the last one, so closing it does not fold the WAL into the
    main file, and the commit lives only in the WAL when the process dies.
    """
    import os
    import sys

    from sqlalchemy import text

    database = open_plain(path)
    with database.unit_of_work(read_only=True) as reader:
        reader.session.execute(text("SELECT count(*) FROM settings")).scalar()
        with database.unit_of_work() as uow:
            uow.session.add(Setting(key=key, value='"committed"'))
            uow.commit()
        if how == "exit":
            os._exit(0)
        print("committed", flush=True)
        sys.stdin.readline()  # killed while waiting here
