"""Issue 500 certificates in one batch, then render them into one PDF; time each step.

Run: ``cd /work/main && PYTHONPATH=. python tests/benchmarks/bench_certificate_issue.py [N]``
(add ``--postgres URL`` to run on a fresh PostgreSQL database instead of SQLite).

The world: one workshop of Lurigancho whose trade has five modules (three required),
N culminated enrolments, each with 40 days of attendance and its five assessments.
Timed separately (wall clock, the disk included):

* unlocking the key (argon2id with the shipped parameters, once per batch);
* the batch: eligibility, number, snapshot, Ed25519 signature, insert and audit entry
  for every certificate, in one transaction, commit included;
* rendering every certificate from its stored snapshot into one PDF (print audited).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert, select

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
from carceles_desktop.services import certificate_batch, signing_keys
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.catalogues import load_catalogues
from carceles_desktop.storage import migrate
from carceles_desktop.storage.engine import create_database_engine, parse_target
from carceles_desktop.storage.unit_of_work import Database

PASSPHRASE = "frase de paso de la prueba"
ADMIN = Actor(user_id=None, username="admin", role=Role.ADMIN)
START = date(2026, 3, 2)
END = date(2026, 6, 30)
ON = date(2026, 11, 30)
GIVEN = ("José María", "Ángel", "Ñusta", "Óscar", "Rosa Elena", "Percy", "Lucía", "Raúl")
SURNAMES = ("Quispe", "Mamani", "Huamán", "Núñez", "Cóndor", "Peña", "Ccori", "Ríos")


def _open(target_text: str) -> Database:
    target = parse_target(target_text)
    engine = create_database_engine(target)
    migrate.prepare(engine)
    return Database(target, engine)


def _modules(uow: object, trade_id: int) -> list[Competency]:
    names = ("Seguridad", "Trazado", "Ensamble de muebles", "Acabados", "Tapicería")
    modules = [
        Competency(trade_id=trade_id, code=f"B{n}", name=name, hours=40, required=n < 3, position=n)
        for n, name in enumerate(names)
    ]
    uow.session.add_all(modules)  # type: ignore[attr-defined]
    return modules


def seed(database: Database, count: int) -> int:
    """Insert the world; return the workshop's key."""
    with database.unit_of_work() as uow:
        s = uow.session
        load_catalogues(uow, ADMIN, holiday_years=range(2026, 2027))
        place = s.scalars(select(Establishment).where(Establishment.code == "LURIGANCHO")).one()
        trade = Trade(code="BENCH", name="Carpintería en madera")
        s.add(trade)
        s.flush()
        modules = _modules(uow, trade.id)
        shop = Workshop(
            code="BENCH-01",
            name="Carpintería banco",
            establishment_id=place.id,
            trade_id=trade.id,
            modality=WorkshopModality.INPE,
            capacity=count,
        )
        s.add(shop)
        s.flush()
        people = []
        for n in range(count):
            surname, maternal = SURNAMES[n % 8], SURNAMES[(n // 8) % 8]
            given, code, dni = GIVEN[(n // 64) % 8], f"B-{n:05d}", f"{20000000 + n:08d}"
            people.append(
                Trainee(
                    establishment_id=place.id,
                    inmate_code=code,
                    doc_type=DocumentType.DNI,
                    doc_number=dni,
                    paternal_surname=surname,
                    maternal_surname=maternal,
                    given_names=given,
                    sex=Sex.MALE,
                    legal_situation=LegalSituation.SENTENCIADO,
                    search_key=search_key(surname, maternal, given, dni, code),
                )
            )
        s.add_all(people)
        s.flush()
        enrolments = [
            Enrolment(
                trainee_id=p.id,
                workshop_id=shop.id,
                starts_on=START,
                ends_on=END,
                state=EnrolmentState.CULMINADO,
            )
            for p in people
        ]
        s.add_all(enrolments)
        s.flush()
        days = [
            START + timedelta(days=d)
            for d in range(0, 60)
            if (START + timedelta(days=d)).weekday() < 5
        ][:40]
        s.execute(
            insert(Attendance),
            [
                {
                    "enrolment_id": e.id,
                    "day": d,
                    "status": AttendanceStatus.PRESENTE,
                    "hours": Decimal(6),
                }
                for e in enrolments
                for d in days
            ],
        )
        s.execute(
            insert(Assessment),
            [
                {
                    "enrolment_id": e.id,
                    "competency_id": m.id,
                    "assessed_on": END - timedelta(days=5 - m.position),
                    "grade": 11 + (e.id + m.position) % 10,
                    "passed": True,
                    "evaluator": "Juan Pérez Soto",
                }
                for e in enrolments
                for m in modules
            ],
        )
        signing_keys.create_signing_key(uow, ADMIN, "LURIGANCHO", PASSPHRASE, valid_from=START)
        uow.commit()
        return shop.id


def main() -> None:
    """Print the time of each step."""
    parser = argparse.ArgumentParser()
    parser.add_argument("count", nargs="?", type=int, default=500)
    parser.add_argument("--postgres", metavar="URL", help="a fresh, empty PostgreSQL database")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-certificates-"))
    database = _open(args.postgres or str(folder / "bench.sqlite3"))
    try:
        workshop_id = seed(database, args.count)
        with database.unit_of_work() as uow:
            start = time.perf_counter()
            signing_keys.open_signer(uow, "LURIGANCHO", ON, PASSPHRASE)
            unlock = time.perf_counter() - start
        from carceles_desktop.services.certificate_eligibility import eligible_enrolments

        with database.unit_of_work(read_only=True) as uow:
            start = time.perf_counter()
            ready = eligible_enrolments(uow, ADMIN, workshop_id)
            judge = time.perf_counter() - start
        start = time.perf_counter()
        result = certificate_batch.issue_certificates(
            database, ADMIN, [r.enrolment_id for r in ready], passphrase=PASSPHRASE, on=ON
        )
        issue = time.perf_counter() - start
        with database.unit_of_work() as uow:
            start = time.perf_counter()
            pdf = certificate_batch.render_certificates(uow, ADMIN, result.certificate_ids)
            uow.commit()
            render = time.perf_counter() - start
        issued = len(result.issued)
        print(f"database: {database.target.describe()}")
        print(f"eligibility of {len(ready)} enrolments:       {judge:.3f} s")
        print(f"unlock the key (argon2id, once):       {unlock:.3f} s")
        print(
            f"issue {issued} certificates (one transaction, unlock included): {issue:.3f} s "
            f"({1000 * (issue - unlock) / max(issued, 1):.2f} ms each beyond the unlock)"
        )
        print(f"render {issued} into one PDF:             {render:.3f} s ({len(pdf)} bytes)")
        print(f"numbers {result.issued[0].number} … {result.issued[-1].number}")
    finally:
        database.dispose()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
