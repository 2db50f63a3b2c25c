"""Time opening and saving a 60-trainee workshop's month sheet against raw-SQL floors.

Run: ``cd /work/main && PYTHONPATH=. python tests/benchmarks/bench_attendance.py [runs]``

The database is a migrated SQLite file with the shipped catalogues, 10 workshops of 60
trainees each, and nine months of attendance in the other workshops (about 160,000
rows) so that the queries meet a table of a realistic size.  Figures are medians of
``runs`` runs (default 15):

* open: ``load_month_sheet`` in a read-only unit of work; floor: a plain ``SELECT`` of
  the month's attendance rows of the workshop on a raw connection.
* save: ``save_month_sheet`` of every cell of the month (60 × 31 new cells) including
  the commit; floor: an ``executemany`` INSERT of the same rows and a commit.
* overwrite: the same save when every cell already holds another value (updates, and
  one audit entry that lists every cell's before and after).

Targets: 100 ms for opening and for saving.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select

from carceles_desktop.domain.base import utcnow
from carceles_desktop.domain.catalogues import Establishment, Trade
from carceles_desktop.domain.enrolments import Attendance, Enrolment
from carceles_desktop.domain.enums import (
    AttendanceStatus,
    DocumentType,
    EnrolmentState,
    LegalSituation,
    Sex,
    WorkshopModality,
)
from carceles_desktop.domain.rules.text import search_key
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.domain.workshops import Workshop
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.attendance import CellChange, load_month_sheet, save_month_sheet
from carceles_desktop.services.catalogues import load_catalogues
from carceles_desktop.storage import migrate
from carceles_desktop.storage.engine import create_database_engine, parse_target
from carceles_desktop.storage.unit_of_work import Database

TRAINEES = 60
WORKSHOPS = 10
YEAR, MONTH = 2026, 10
TODAY = date(2026, 11, 20)
TARGET_MS = 100.0
ACTOR = Actor.system("benchmark")


def _open(path: Path) -> Database:
    target = parse_target(str(path))
    engine = create_database_engine(target)
    migrate.prepare(engine)
    return Database(target, engine)


def build(db: Database) -> tuple[int, list[int]]:
    """Fill the database; return the measured workshop and its enrolment ids."""
    with db.unit_of_work() as uow:
        load_catalogues(uow, ACTOR, holiday_years=range(2026, 2027))
        session = uow.session
        est = session.scalar(select(Establishment.id).where(Establishment.code == "LURIGANCHO"))
        trade = session.scalar(select(Trade.id).where(Trade.code == "CARPINTERIA"))
        workshop_rows = [
            {
                "code": f"LUR-CARP-{n:02d}",
                "name": f"Carpintería {n}",
                "establishment_id": est,
                "trade_id": trade,
                "modality": WorkshopModality.INPE,
                "capacity": TRAINEES,
            }
            for n in range(WORKSHOPS)
        ]
        session.execute(insert(Workshop), workshop_rows)
        workshops = list(session.scalars(select(Workshop.id).order_by(Workshop.id)))
        people = []
        for n in range(TRAINEES * WORKSHOPS):
            surname, given, code = f"Quispe{chr(65 + n % 26)}", "José Núñez", f"LUR-{n:05d}"
            people.append(
                {
                    "establishment_id": est,
                    "inmate_code": code,
                    "doc_type": DocumentType.DNI,
                    "doc_number": f"{n:08d}",
                    "paternal_surname": surname,
                    "maternal_surname": "Mamani",
                    "given_names": given,
                    "sex": Sex.MALE,
                    "legal_situation": LegalSituation.SENTENCIADO,
                    "search_key": search_key(surname, "Mamani", given, f"{n:08d}", code),
                }
            )
        session.execute(insert(Trainee), people)
        trainees = list(session.scalars(select(Trainee.id).order_by(Trainee.id)))
        session.execute(
            insert(Enrolment),
            [
                {
                    "trainee_id": trainee,
                    "workshop_id": workshops[n // TRAINEES],
                    "starts_on": date(2026, 1, 2),
                    "state": EnrolmentState.ACTIVO,
                }
                for n, trainee in enumerate(trainees)
            ],
        )
        enrolments = list(
            session.execute(select(Enrolment.id, Enrolment.workshop_id).order_by(Enrolment.id))
        )
        history: list[dict[str, Any]] = []
        day = date(2026, 1, 2)
        while day < date(2026, 10, 1):
            if day.weekday() < 6:
                history += [
                    {
                        "enrolment_id": eid,
                        "day": day,
                        "status": AttendanceStatus.PRESENTE,
                        "hours": Decimal(6),
                    }
                    for eid, wid in enrolments
                    if wid != workshops[0]
                ]
            day += timedelta(days=1)
        session.execute(insert(Attendance), history)
        uow.commit()
    measured = [eid for eid, wid in enrolments if wid == workshops[0]]
    print(f"database: {len(history):,} attendance rows in other workshops", file=sys.stderr)
    return workshops[0], measured


def _month_changes(enrolments: list[int], hours: Decimal) -> list[CellChange]:
    days = [date(YEAR, MONTH, d) for d in range(1, 32)]
    return [CellChange(eid, day, hours) for eid in enrolments for day in days]


def _median_ms(runs: int, setup: Callable[[], None], action: Callable[[], Any]) -> float:
    times = []
    for _ in range(runs):
        setup()
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _clear(db: Database, enrolments: list[int]) -> None:
    with db.unit_of_work() as uow:
        uow.session.execute(delete(Attendance).where(Attendance.enrolment_id.in_(enrolments)))
        uow.commit()
    _checkpoint(db)


def _checkpoint(db: Database) -> None:
    # Fold the WAL back into the file between runs, so that no timed run pays for a
    # checkpoint the set-up's writes made due (both the service and the floor alike).
    connection = db.engine.raw_connection()
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def main(runs: int = 15) -> None:
    """Build the database, time everything and print the figures."""
    with tempfile.TemporaryDirectory() as folder:
        db = _open(Path(folder) / "bench.sqlite3")
        workshop, enrolments = build(db)
        full = _month_changes(enrolments, Decimal(8))
        other = _month_changes(enrolments, Decimal("7.5"))
        first, last = date(YEAR, MONTH, 1), date(YEAR, MONTH, 31)

        def load() -> None:
            with db.unit_of_work(read_only=True) as uow:
                sheet = load_month_sheet(uow, ACTOR, workshop, YEAR, MONTH, today=TODAY)
            assert len(sheet.rows) == TRAINEES
            assert sum(len(r.cells) for r in sheet.rows) == len(full)

        def save(changes: list[CellChange]) -> Callable[[], None]:
            def run() -> None:
                with db.unit_of_work() as uow:
                    save_month_sheet(uow, ACTOR, workshop, YEAR, MONTH, changes, today=TODAY)
                    uow.commit()

            return run

        def raw_select() -> None:
            connection = db.engine.raw_connection()
            try:
                marks = ",".join("?" * len(enrolments))
                rows = connection.execute(
                    "SELECT enrolment_id, day, status, hours FROM attendance "
                    f"WHERE enrolment_id IN ({marks}) AND day BETWEEN ? AND ?",
                    [*enrolments, first.isoformat(), last.isoformat()],
                ).fetchall()
            finally:
                connection.close()
            assert len(rows) == len(full)

        def raw_insert() -> None:
            now = utcnow().isoformat(sep=" ")
            rows = [
                (uuid.uuid4().hex, c.enrolment_id, c.day.isoformat(), "presente", 800, now, now)
                for c in full
            ]
            connection = db.engine.raw_connection()
            try:
                connection.execute("BEGIN IMMEDIATE")
                connection.executemany(
                    "INSERT INTO attendance (uuid, enrolment_id, day, status, hours, "
                    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    rows,
                )
                connection.commit()
            finally:
                connection.close()

        def fill() -> None:
            _clear(db, enrolments)
            save(full)()
            _checkpoint(db)

        cleared = lambda: _clear(db, enrolments)  # noqa: E731 - a one-line setup step
        figures = {
            "save (1,860 new cells, with commit)": (
                _median_ms(runs, cleared, save(full)),
                _median_ms(runs, cleared, raw_insert),
            ),
            "overwrite (1,860 changed cells)": (
                _median_ms(runs, fill, save(other)),
                None,
            ),
        }
        _median_ms(1, fill, lambda: None)
        figures["open (60 rows × 31 days)"] = (
            _median_ms(runs, lambda: None, load),
            _median_ms(runs, lambda: None, raw_select),
        )
        db.dispose()
    print(f"{'':38}{'service':>10}{'raw floor':>11}   target {TARGET_MS:.0f} ms; median of {runs}")
    for name, (service, floor) in figures.items():
        floor_text = f"{floor:8.1f} ms" if floor is not None else "         -"
        verdict = "ok" if service <= TARGET_MS else "SLOW"
        print(f"{name:38}{service:7.1f} ms {floor_text}   {verdict}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)
