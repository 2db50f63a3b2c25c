"""Kill-test workloads through the real services: an import, deliveries, certificates.

Each ``prepare_*`` builds a template database in the test process (and says what the
workload will be given); each workload runs in a forked child that the harness
(``tests/helpers/kill_harness.py``) kills at random; each ``judge_*`` reads what a run
left with plain ``sqlite3`` (as a fresh program would, replaying the WAL) and returns a
label, or fails on a state that must never exist (half an operation, a gap in a series,
a record without its audit entry).
"""

from __future__ import annotations

import csv
import random
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from carceles_desktop.domain.enrolments import Assessment, Enrolment
from carceles_desktop.domain.enums import DocumentType, EnrolmentState, LegalSituation, Role, Sex
from carceles_desktop.domain.rules.text import search_key
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.services import catalogues, deliveries
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.certificate_batch import issue_certificates
from carceles_desktop.services.trainee_import import import_trainees
from tests.helpers import certificate_world, commerce_world
from tests.helpers.crash_workloads import open_plain

ADMIN = Actor(user_id=None, username="admin", role=Role.ADMIN)
TODAY = date(2026, 11, 30)
IMPORT_ESTABLISHMENT = "LURIGANCHO"
DELIVERY_DAY = date(2026, 4, 1)
_THOUSANDTHS = 1000  # Quantity columns hold thousandths


@contextmanager
def _read(path: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(path)
    try:
        yield connection
    finally:
        connection.close()


def check_integrity(path: Path) -> None:
    """Open the file as the program would after a crash (replaying the WAL) and check it."""
    with _read(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def _fold_wal(path: Path) -> Path:
    with _read(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def _series(connection: sqlite3.Connection, kind: str) -> dict[str, int]:
    rows = connection.execute(
        "SELECT scope, last_value FROM number_series WHERE kind = ?", (kind,)
    ).fetchall()
    return {str(scope): int(value) for scope, value in rows}


def _audited(connection: sqlite3.Connection, entity: str, action: str) -> set[str]:
    """The records (uuid as 32 hex digits, as the tables store it) with such an entry."""
    rows = connection.execute(
        "SELECT entity_uuid FROM audit_entries WHERE entity = ? AND action = ?", (entity, action)
    )
    return {uuid.UUID(row[0]).hex for row in rows if row[0]}


def _gapless(sequences: list[int], last: int, what: str) -> None:
    assert sorted(sequences) == list(range(1, last + 1)), (
        f"{what}: numbers {sorted(sequences)} with the series at {last}"
    )


# --------------------------------------------------------------------------- import


HEADINGS = [
    "Código interno",
    "Apellido paterno",
    "Apellido materno",
    "Nombres",
    "Tipo de documento",
    "N° documento",
    "Sexo",
    "Fecha de nacimiento",
    "Situación jurídica",
]
_SURNAMES = ["Quispe", "Mamani", "Núñez", "Cóndor", "Ñahui", "Huamán", "Pérez", "Ccama"]
_GIVEN = ["José Luis", "María Elena", "Ángel", "Óscar", "Percy", "Rosa", "Wilber"]


def write_trainees_csv(path: Path, rows: int) -> Path:
    """Write a valid trainee sheet of ``rows`` rows (distinct codes and DNIs)."""
    rng = random.Random(7)
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(HEADINGS)
        for n in range(rows):
            born = date(1960, 1, 1) + timedelta(days=rng.randrange(15_000))
            writer.writerow(
                [
                    f"LUR-{n:06d}",
                    rng.choice(_SURNAMES),
                    rng.choice(_SURNAMES),
                    rng.choice(_GIVEN),
                    "DNI",
                    f"{40_000_000 + n:08d}",
                    rng.choice("MF"),
                    born.strftime("%d/%m/%Y"),
                    rng.choice(["Procesado", "Sentenciado"]),
                ]
            )
    return path


def prepare_import_template(migrated: Path, folder: Path) -> Path:
    """A migrated database with the shipped catalogues (the establishments) loaded."""
    path = folder / "import-template.sqlite3"
    shutil.copyfile(migrated, path)
    database = open_plain(str(path))
    try:
        with database.unit_of_work() as uow:
            catalogues.load_catalogues(uow, Actor.system(), holiday_years=range(2026, 2027))
            uow.commit()
    finally:
        database.dispose()
    return _fold_wal(path)


def import_sheet(path: str, sheet: str) -> None:
    """Import every trainee of ``sheet`` in one unit of work, as the window does."""
    database = open_plain(path)
    with database.unit_of_work() as uow:
        import_trainees(
            uow, ADMIN, Path(sheet), establishment_code=IMPORT_ESTABLISHMENT, today=TODAY
        )
        uow.commit()


def judge_import(path: Path, rows: int) -> str:
    """All the rows and one audit entry, or no row and no entry."""
    check_integrity(path)
    with _read(path) as connection:
        count = connection.execute("SELECT count(*) FROM trainees").fetchone()[0]
        entries = connection.execute(
            "SELECT count(*) FROM audit_entries WHERE action = 'import' AND entity = 'trainee'"
        ).fetchone()[0]
    assert count in (0, rows), f"a partial import: {count} of {rows} trainees"
    assert entries == (1 if count else 0), f"{count} trainees with {entries} import entries"
    return "none" if count == 0 else "all"


# --------------------------------------------------------------------------- deliveries


@dataclass(frozen=True)
class DeliveryPlan:
    """The drafts a workload issues, in order, and what each takes from which batch.

    Attributes:
        drafts: delivery keys, in the order they are issued.
        lines: per draft, (batch id, thousandths of a unit) of each line.
        delivered: per batch, what it had delivered before (thousandths).
        issued_before: how many notes were issued in the template already.
    """

    drafts: tuple[int, ...]
    lines: dict[int, tuple[tuple[int, int], ...]]
    delivered: dict[int, int]
    issued_before: int


def prepare_delivery_template(folder: Path, drafts: int = 20) -> tuple[Path, DeliveryPlan]:
    """Four finished batches, one note issued already, and ``drafts`` drafts to issue.

    Each draft has a line on every batch.
    """
    folder.mkdir(parents=True, exist_ok=True)
    database, world = commerce_world.seeded_database(folder)
    try:
        with database.unit_of_work() as uow:
            batches = [
                commerce_world.finished_batch(uow, world, accepted="100", code=f"LOTE-K{n}")
                for n in range(4)
            ]
            ids = [batch.batch.id for batch in batches]
            first = deliveries.create_delivery_draft(
                uow, ADMIN, commerce_world.draft_input(world, [(ids[0], "1")])
            )
            deliveries.issue_delivery(uow, ADMIN, first.id, on=DELIVERY_DAY)
            made = []
            for n in range(drafts):
                lines = [(ids[0], "2"), (ids[1], str(1 + n % 3)), (ids[2], "3"), (ids[3], "1.5")]
                draft = deliveries.create_delivery_draft(
                    uow, ADMIN, commerce_world.draft_input(world, lines)
                )
                made.append((draft.id, lines))
            uow.commit()
    finally:
        database.dispose()
    path = _fold_wal(folder / "commerce.sqlite3")
    with _read(path) as connection:
        delivered = dict(
            connection.execute("SELECT id, delivered_quantity FROM production_batches").fetchall()
        )
    plan = DeliveryPlan(
        drafts=tuple(draft for draft, _ in made),
        lines={
            draft: tuple((batch, int(Decimal(q) * _THOUSANDTHS)) for batch, q in lines)
            for draft, lines in made
        },
        delivered={int(k): int(v) for k, v in delivered.items()},
        issued_before=1,
    )
    return path, plan


def issue_drafts(path: str, drafts: str) -> None:
    """Issue each draft (comma-separated keys) in its own unit of work, in order."""
    database = open_plain(path)
    for draft in drafts.split(","):
        with database.unit_of_work() as uow:
            deliveries.issue_delivery(uow, ADMIN, int(draft), on=DELIVERY_DAY)
            uow.commit()


def judge_deliveries(path: Path, plan: DeliveryPlan) -> str:
    """Each note emitida with its number and its units taken, or a draft with nothing taken."""
    check_integrity(path)
    with _read(path) as connection:
        notes = {
            key: (state, sequence, number, record)
            for key, state, sequence, number, record in connection.execute(
                "SELECT id, state, sequence, number, uuid FROM deliveries"
            )
        }
        delivered = dict(
            connection.execute("SELECT id, delivered_quantity FROM production_batches")
        )
        audited = _audited(connection, "delivery", "issue")
        series = _series(connection, "delivery")
    issued = [d for d in plan.drafts if notes[d][0] == "emitida"]
    # One transaction per note, in order: the issued ones are the first ones.
    assert issued == list(plan.drafts[: len(issued)]), f"issued out of order: {issued}"
    expected = dict(plan.delivered)
    for draft in plan.drafts:
        state, sequence, number, record = notes[draft]
        if draft in issued:
            assert sequence is not None, f"note {draft} emitida without a number"
            assert number, f"note {draft} emitida without a number"
            assert record in audited, f"note {draft} emitida without its audit entry"
            for batch, quantity in plan.lines[draft]:
                expected[batch] += quantity
        else:
            assert (state, sequence, number) == ("borrador", None, None), notes[draft]
            assert record not in audited, f"draft {draft} has an issue entry"
    assert delivered == expected, f"batches {delivered}, expected {expected}"
    emitted = [seq for state, seq, _n, _u in notes.values() if state == "emitida"]
    assert len(series) == 1
    _gapless(emitted, next(iter(series.values())), "delivery notes")
    assert len(emitted) == plan.issued_before + len(issued)
    return f"{len(issued)} of {len(plan.drafts)} issued"


# --------------------------------------------------------------------------- certificates


def prepare_certificate_template(folder: Path, count: int = 40) -> tuple[Path, list[int]]:
    """The bakery world of ``certificate_world`` with ``count`` more eligible enrolments.

    Returns the template and the enrolments a batch certifies: the world's two eligible
    ones ("ready", "plain") and the new ones.
    """
    folder.mkdir(parents=True, exist_ok=True)
    database, world = certificate_world.seeded_database(folder)
    new: list[int] = []
    try:
        with database.unit_of_work() as uow:
            session = uow.session
            for n in range(count):
                code = f"PAN-{n:04d}"
                surname, given = _SURNAMES[n % len(_SURNAMES)], _GIVEN[n % len(_GIVEN)]
                trainee = Trainee(
                    establishment_id=world.establishment_id,
                    inmate_code=code,
                    doc_type=DocumentType.NONE,
                    paternal_surname=surname,
                    given_names=given,
                    sex=Sex.MALE,
                    legal_situation=LegalSituation.SENTENCIADO,
                    search_key=search_key(surname, given, code),
                )
                session.add(trainee)
                session.flush()
                enrolment = Enrolment(
                    trainee_id=trainee.id,
                    workshop_id=world.workshop_id,
                    starts_on=certificate_world.MARCH,
                    ends_on=date(2026, 3, 31),
                    state=EnrolmentState.CULMINADO,
                )
                session.add(enrolment)
                session.flush()
                certificate_world.add_days(uow, enrolment.id, 6)
                for day, (module, grade) in enumerate((("M1", 15), ("M2", 17))):
                    session.add(
                        Assessment(
                            enrolment_id=enrolment.id,
                            competency_id=world.competencies[module],
                            assessed_on=date(2026, 3, 20 + day),
                            grade=grade,
                            passed=True,
                            evaluator=certificate_world.EVALUATOR,
                        )
                    )
                new.append(enrolment.id)
            uow.commit()
    finally:
        database.dispose()
    path = _fold_wal(folder / "certificates.sqlite3")
    return path, [world.enrolments["ready"], world.enrolments["plain"], *new]


def issue_batch(path: str, enrolments: str) -> None:
    """Issue a batch of certificates (comma-separated enrolment keys) in one transaction."""
    result = issue_certificates(
        open_plain(path),
        certificate_world.ADMIN,
        [int(key) for key in enrolments.split(",")],
        passphrase=certificate_world.PASSPHRASE,
        on=certificate_world.ISSUE_DAY,
        today=certificate_world.TODAY,
    )
    assert not result.skipped, result.skipped  # every enrolment of the batch is eligible


def judge_certificates(path: Path, enrolments: list[int]) -> str:
    """The whole batch, numbered without gaps, each with its audit entry; or nothing."""
    check_integrity(path)
    with _read(path) as connection:
        rows = connection.execute(
            "SELECT enrolment_id, sequence, number, uuid, signature FROM certificates"
        ).fetchall()
        audited = _audited(connection, "certificate", "issue")
        series = _series(connection, "certificate")
    if not rows:
        assert not audited, "issue entries without certificates"
        assert all(value == 0 for value in series.values()), f"numbers taken: {series}"
        return "none"
    assert sorted(row[0] for row in rows) == sorted(enrolments), "a partial batch"
    for _enrolment, _sequence, number, record, signature in rows:
        assert number, f"certificate {record} without a number"
        assert signature, f"certificate {number} unsigned"
        assert record in audited, f"certificate {number} without its audit entry"
    assert len(audited) == len(rows)
    assert len(series) == 1
    _gapless([row[1] for row in rows], next(iter(series.values())), "certificates")
    return "all"
