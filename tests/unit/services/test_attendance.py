"""The monthly attendance sheet: reading it, saving it whole or not at all, marking a day."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError

from carceles_desktop.domain.catalogues import Establishment, Trade
from carceles_desktop.domain.enrolments import Attendance
from carceles_desktop.domain.enums import (
    AttendanceStatus,
    DocumentType,
    EnrolmentState,
    LegalSituation,
    Role,
    Sex,
    WorkshopModality,
)
from carceles_desktop.domain.users import AuditEntry, RoleRecord, User
from carceles_desktop.domain.workshops import Workshop, workshop_supervisors
from carceles_desktop.errors import NotFound, PermissionDenied, ValidationError
from carceles_desktop.services import attendance, audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.attendance import (
    CellChange,
    InvalidCells,
    load_month_sheet,
    mark_day_present,
    planilla_rows,
    save_month_sheet,
)
from carceles_desktop.services.catalogues import load_catalogues
from carceles_desktop.services.enrolments import change_enrolment_state, enrol_trainee
from carceles_desktop.services.settings import update_settings
from carceles_desktop.services.trainees import TraineeInput, create_trainee
from carceles_desktop.storage import migrate
from carceles_desktop.storage.engine import create_database_engine, parse_target
from carceles_desktop.storage.unit_of_work import Database
from tests.conftest import open_test_database

TODAY = date(2026, 11, 20)
ADMIN = Actor(user_id=None, username="admin", role=Role.ADMIN)
P, F, J = AttendanceStatus.PRESENTE, AttendanceStatus.FALTA, AttendanceStatus.JUSTIFICADA
D = Decimal


def nov(day: int) -> date:
    return date(2026, 11, day)


@dataclass
class World:
    db: Database
    workshop: int
    other: int
    rows: dict[str, int]  # surname → enrolment id in the workshop
    flores_other: int  # Flores's enrolment in the other workshop


@pytest.fixture(scope="module")
def seeded(migrated_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Apaza (from Oct 1), Baca (from Nov 10), Cruz (ended Nov 5), Díaz (ended Oct 20),
    Eguren (waiting) and Flores (in both workshops from Nov 2)."""
    path = tmp_path_factory.mktemp("attendance") / "seed.sqlite3"
    shutil.copyfile(migrated_template, path)
    db = open_test_database(path)
    system = Actor.system()
    with db.unit_of_work() as uow:
        load_catalogues(uow, system, holiday_years=range(2026, 2027))
        session = uow.session
        est = session.scalar(select(Establishment.id).where(Establishment.code == "LURIGANCHO"))
        trade = session.scalar(select(Trade.id).where(Trade.code == "CARPINTERIA"))
        for code in ("MAIN", "OTHER"):
            session.add(
                Workshop(
                    code=code,
                    name=f"Taller {code.lower()}",
                    establishment_id=est,
                    trade_id=trade,
                    modality=WorkshopModality.INPE,
                    capacity=10,
                    standard_hours=D(6),
                )
            )
        session.flush()
        main, other = (
            session.scalar(select(Workshop.id).where(Workshop.code == c)) for c in ("MAIN", "OTHER")
        )
        ids = {s: _trainee(uow, s) for s in ("Apaza", "Baca", "Cruz", "Díaz", "Eguren", "Flores")}

        def enrol(surname: str, workshop: int, start: date) -> int:
            return enrol_trainee(uow, system, ids[surname], workshop, start, today=TODAY).id

        cruz = enrol("Cruz", main, date(2026, 9, 1))
        diaz = enrol("Díaz", main, date(2026, 9, 1))
        enrol("Apaza", main, date(2026, 10, 1))
        for enrolment, end in ((diaz, date(2026, 10, 20)), (cruz, nov(5))):
            change_enrolment_state(
                uow, system, enrolment, EnrolmentState.CULMINADO, end, "Fin", today=TODAY
            )
        enrol("Baca", main, nov(10))
        enrol("Flores", main, nov(2))
        enrol("Flores", other, nov(2))
        session.get_one(Workshop, main).capacity = 3
        role = session.scalar(select(RoleRecord.id).where(RoleRecord.code == Role.SUPERVISOR))
        user = User(username="sup", full_name="Rosa Huamán", role_id=role, password_hash="x")
        session.add(user)
        session.flush()
        session.execute(insert(workshop_supervisors).values(workshop_id=main, user_id=user.id))
        assert enrol_trainee(uow, system, ids["Eguren"], main, nov(1), today=TODAY).waiting
        uow.commit()
    db.dispose()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return path


def _trainee(uow, surname: str) -> int:
    data = TraineeInput(
        establishment_code="LURIGANCHO",
        inmate_code=f"LUR-{surname[:3].upper()}",
        doc_type=DocumentType.NONE,
        doc_number=None,
        paternal_surname=surname,
        given_names="Juan",
        sex=Sex.MALE,
        legal_situation=LegalSituation.SENTENCIADO,
    )
    return create_trainee(uow, Actor.system(), data, today=TODAY).id


@pytest.fixture
def world(seeded: Path, tmp_path: Path) -> Iterator[World]:
    path = tmp_path / "db.sqlite3"
    shutil.copyfile(seeded, path)
    db = open_test_database(path)
    with db.unit_of_work(read_only=True) as uow:
        workshops = dict(uow.session.execute(select(Workshop.code, Workshop.id)).all())
        main = load_month_sheet(uow, ADMIN, workshops["MAIN"], 2026, 11, today=TODAY)
        other = load_month_sheet(uow, ADMIN, workshops["OTHER"], 2026, 11, today=TODAY)
    rows = {row.trainee_name.split(",")[0]: row.enrolment_id for row in main.rows}
    yield World(db, workshops["MAIN"], workshops["OTHER"], rows, other.rows[0].enrolment_id)
    db.dispose()


def _save(w: World, changes, workshop: int | None = None, actor: Actor = ADMIN):
    with w.db.unit_of_work() as uow:
        result = save_month_sheet(
            uow, actor, workshop or w.workshop, 2026, 11, changes, today=TODAY
        )
        uow.commit()
    return result


def _sheet(w: World, workshop: int | None = None, actor: Actor = ADMIN):
    with w.db.unit_of_work(read_only=True) as uow:
        return load_month_sheet(uow, actor, workshop or w.workshop, 2026, 11, today=TODAY)


def _row(sheet, surname: str):
    return next(r for r in sheet.rows if r.trainee_name.startswith(surname))


def _count(w: World) -> int:
    with w.db.unit_of_work(read_only=True) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(Attendance)) or 0)


def _last_entry(w: World) -> audit.AuditRow:
    with w.db.unit_of_work(read_only=True) as uow:
        entry = uow.session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert audit.verify_chain(uow).intact
        return audit._row(entry)


# --------------------------------------------------------------------------- reading


def test_the_sheet_has_a_row_per_enrolment_overlapping_the_month(world: World) -> None:
    sheet = _sheet(world)
    assert [r.trainee_name for r in sheet.rows] == [
        "Apaza, Juan",
        "Baca, Juan",
        "Cruz, Juan",
        "Flores, Juan",
    ]  # not Díaz (ended in October) nor Eguren (waiting)
    assert (sheet.standard_hours, sheet.daily_limit) == (D(6), D(8))
    assert sheet.minimum_valid_day_hours == D(4)
    assert (sheet.workshop_code, sheet.establishment_code) == ("MAIN", "LURIGANCHO")
    assert (sheet.trade_name, sheet.establishment_city) == ("Carpintería", "Lima")
    assert sheet.supervisors == ("Rosa Huamán",)


def test_days_are_flagged_and_editable_only_inside_the_enrolment(world: World) -> None:
    sheet = _sheet(world)
    assert len(sheet.days) == 30
    first = sheet.days[0]
    assert (first.sunday, first.holiday, first.weekday) == (True, "Todos los Santos", "D")
    assert [d.day.day for d in sheet.days if d.future] == list(range(21, 31))
    assert not any(d.holiday for d in sheet.days[1:])
    assert _row(sheet, "Apaza").editable == {nov(d) for d in range(1, 21)}
    assert _row(sheet, "Baca").editable == {nov(d) for d in range(10, 21)}
    assert _row(sheet, "Cruz").editable == {nov(d) for d in range(1, 6)}


def test_reading_needs_the_workshop(world: World) -> None:
    consulta = Actor(None, "c", Role.CONSULTA)
    assert _sheet(world, actor=consulta).rows
    outsider = Actor(None, "s", Role.SUPERVISOR, workshop_ids=frozenset({world.other}))
    with pytest.raises(PermissionDenied):
        _sheet(world, actor=outsider)
    with pytest.raises(NotFound):
        _sheet(world, workshop=9999)
    with world.db.unit_of_work(read_only=True) as uow, pytest.raises(ValidationError) as caught:
        load_month_sheet(uow, ADMIN, world.workshop, 2026, 13)
    assert caught.value.field == "month"


# --------------------------------------------------------------------------- saving


def test_saved_cells_come_back_with_their_totals(world: World) -> None:
    apaza = world.rows["Apaza"]
    changes = [CellChange(apaza, nov(d), D(8)) for d in range(2, 7)]
    changes += [CellChange(apaza, nov(9), D(0), F), CellChange(apaza, nov(10), D("3.5"))]
    changes += [CellChange(apaza, nov(11), D(0), J)]
    result = _save(world, changes)
    assert (result.inserted, result.updated, result.deleted, result.unchanged) == (8, 0, 0, 0)
    row = _row(_sheet(world), "Apaza")
    assert row.cells[nov(2)].hours == D("8.00")
    assert row.cells[nov(9)].status is F
    assert row.cells[nov(9)].hours == D(0)
    assert (row.total_hours, row.days_present) == (D("43.50"), 6)
    assert row.valid_days == 5  # 3.5 h is below the 4 h minimum
    entry = _last_entry(world)
    assert (entry.action, entry.entity) == ("update", "attendance")
    assert entry.changes["cells"][f"{apaza}:2026-11-10"] == [None, "presente 3.50"]
    assert "8 new" in entry.summary


def test_saving_over_an_entry_updates_it(world: World) -> None:
    apaza = world.rows["Apaza"]
    _save(world, [CellChange(apaza, nov(3), D(6))])
    result = _save(world, [CellChange(apaza, nov(3), D("7.25"))])
    assert (result.inserted, result.updated) == (0, 1)
    assert _count(world) == 1
    assert _row(_sheet(world), "Apaza").cells[nov(3)].hours == D("7.25")
    assert _last_entry(world).changes["cells"] == {
        f"{apaza}:2026-11-03": ["presente 6.00", "presente 7.25"]
    }


def test_the_database_refuses_two_rows_for_one_day(world: World) -> None:
    _save(world, [CellChange(world.rows["Apaza"], nov(3), D(6))])
    with world.db.unit_of_work() as uow, pytest.raises(IntegrityError):
        uow.session.execute(
            insert(Attendance),
            [{"enrolment_id": world.rows["Apaza"], "day": nov(3), "status": P, "hours": D(2)}],
        )


def test_deleting_a_cell(world: World) -> None:
    apaza = world.rows["Apaza"]
    _save(world, [CellChange(apaza, nov(3), D(6)), CellChange(apaza, nov(4), D(6))])
    result = _save(world, [CellChange(apaza, nov(3), None), CellChange(apaza, nov(5), None)])
    assert (result.deleted, result.unchanged) == (1, 1)
    assert set(_row(_sheet(world), "Apaza").cells) == {nov(4)}
    assert _last_entry(world).changes["cells"] == {f"{apaza}:2026-11-03": ["presente 6.00", None]}


def test_cells_sent_unchanged_are_not_written_again(world: World) -> None:
    apaza = world.rows["Apaza"]
    _save(world, [CellChange(apaza, nov(3), D(6))])
    seq = _last_entry(world).seq
    result = _save(world, [CellChange(apaza, nov(3), D("6.00"))])
    assert (result.written, result.unchanged) == (0, 1)
    assert _last_entry(world).seq == seq  # no audit entry for nothing


def _refusal(world: World, change: CellChange) -> str:
    with pytest.raises(InvalidCells) as caught:
        _save(world, [change])
    assert _count(world) == 0
    (problem,) = caught.value.problems
    assert (problem.enrolment_id, problem.day) == (change.enrolment_id, change.day)
    assert caught.value.field == "cells"
    return problem.text


@pytest.mark.parametrize(
    ("who", "day", "hours", "status", "reason"),
    [
        ("Apaza", 21, D(6), P, "future"),
        ("Baca", 9, D(6), P, "Outside the enrolment (2026-11-10 to …)"),
        ("Cruz", 6, D(6), P, "Outside the enrolment (2026-09-01 to 2026-11-05)"),
        ("Apaza", 3, D("8.5"), P, "daily limit of 8"),
        ("Apaza", 3, D("7.125"), P, "two decimals"),
        ("Apaza", 3, D(-1), P, "negative"),
        ("Apaza", 3, D(0), P, "enter them"),
        ("Apaza", 3, D(2), F, "absence has no hours"),
        ("Apaza", 3, D(2), "vacaciones", "Unknown attendance mark vacaciones"),
        ("Apaza", 3, 7.5, P, "must be a number"),
    ],
)
def test_a_bad_cell_is_refused_with_its_reason(
    world: World, who: str, day: int, hours, status, reason: str
) -> None:
    text = _refusal(world, CellChange(world.rows[who], nov(day), hours, status))
    assert reason in text


def test_cells_off_the_sheet_are_refused(world: World) -> None:
    assert "not on the sheet" in _refusal(world, CellChange(9999, nov(3), D(6)))
    assert "not in this month" in _refusal(
        world, CellChange(world.rows["Apaza"], date(2026, 10, 30), D(6))
    )


def test_one_bad_cell_among_many_saves_nothing_and_is_named(world: World) -> None:
    good = [
        CellChange(enrolment, day, D(6))
        for name, enrolment in world.rows.items()
        if name != "Cruz"
        for day in (nov(d) for d in range(10, 21))
    ]
    bad = CellChange(world.rows["Baca"], nov(8), D(6))
    with pytest.raises(InvalidCells) as caught:
        _save(world, [*good[:20], bad, *good[20:]])
    (problem,) = caught.value.problems
    assert (problem.trainee_name, problem.day) == ("Baca, Juan", nov(8))
    assert "1 cells" in str(caught.value)
    assert _count(world) == 0
    assert _save(world, good).inserted == len(good) == 33


def test_every_bad_cell_is_listed(world: World) -> None:
    apaza = world.rows["Apaza"]
    changes = [
        CellChange(apaza, nov(3), D(9)),
        CellChange(apaza, nov(4), D(6)),
        CellChange(apaza, nov(25), D(6)),
        CellChange(apaza, nov(4), D(5)),
    ]
    with pytest.raises(InvalidCells) as caught:
        _save(world, changes)
    assert [(p.day, "twice" in p.text) for p in caught.value.problems] == [
        (nov(3), False),
        (nov(25), False),
        (nov(4), True),
    ]


def test_the_daily_limit_counts_hours_worked_in_other_workshops(world: World) -> None:
    _save(world, [CellChange(world.flores_other, nov(3), D(6))], workshop=world.other)
    flores = world.rows["Flores"]
    with pytest.raises(InvalidCells) as caught:
        _save(world, [CellChange(flores, nov(3), D(3))])
    assert "6.00 hours worked elsewhere" in caught.value.problems[0].text
    assert _save(world, [CellChange(flores, nov(3), D(2))]).inserted == 1


def test_the_daily_limit_is_a_setting(world: World) -> None:
    with world.db.unit_of_work() as uow:
        update_settings(uow, ADMIN, daily_hour_limit="10")
        uow.commit()
    assert _save(world, [CellChange(world.rows["Apaza"], nov(3), D("9.5"))]).inserted == 1
    assert _sheet(world).daily_limit == D(10)


def test_saving_needs_the_right_in_the_workshop(world: World) -> None:
    change = [CellChange(world.rows["Apaza"], nov(3), D(6))]
    outsider = Actor(None, "s", Role.SUPERVISOR, workshop_ids=frozenset({world.other}))
    for actor in (Actor(None, "c", Role.CONSULTA), outsider):
        with pytest.raises(PermissionDenied):
            _save(world, change, actor=actor)
    insider = Actor(None, "s", Role.SUPERVISOR, workshop_ids=frozenset({world.workshop}))
    assert _save(world, change, actor=insider).inserted == 1


def test_a_large_save_is_summarised_in_the_audit(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(attendance, "AUDIT_DETAIL_LIMIT", 3)
    apaza, baca = world.rows["Apaza"], world.rows["Baca"]
    _save(world, [CellChange(apaza, nov(2), D(6))])
    changes = [CellChange(apaza, nov(d), D(5)) for d in range(2, 6)]
    changes += [CellChange(baca, nov(d), D(5)) for d in range(10, 13)]
    result = _save(world, changes)
    assert (result.inserted, result.updated) == (6, 1)
    entry = _last_entry(world)
    # The overwritten cell is always listed; new ones are counted by row.
    assert entry.changes["cells"] == {f"{apaza}:2026-11-02": ["presente 6.00", "presente 5.00"]}
    assert entry.changes["new_cells_by_enrolment"] == {str(apaza): 3, str(baca): 3}


# --------------------------------------------------------------------------- marking a day


def test_mark_day_present_fills_the_empty_cells_of_open_rows(world: World) -> None:
    _save(world, [CellChange(world.rows["Apaza"], nov(12), D(0), F)])
    with world.db.unit_of_work() as uow:
        filled = mark_day_present(uow, ADMIN, world.workshop, nov(12), today=TODAY)
        uow.commit()
    assert filled == 2  # Baca and Flores; Apaza's absence stays; Cruz had left
    sheet = _sheet(world)
    assert _row(sheet, "Apaza").cells[nov(12)].status is F
    assert _row(sheet, "Baca").cells[nov(12)] == attendance.Cell(P, D("6.00"))
    assert nov(12) not in _row(sheet, "Cruz").cells
    with world.db.unit_of_work() as uow:
        assert mark_day_present(uow, ADMIN, world.workshop, nov(12), today=TODAY) == 0


def test_mark_day_present_keeps_the_rules(world: World) -> None:
    with world.db.unit_of_work() as uow, pytest.raises(InvalidCells) as caught:
        mark_day_present(uow, ADMIN, world.workshop, nov(21), today=TODAY)
    assert len(caught.value.problems) == 3
    with world.db.unit_of_work() as uow:
        uow.session.get_one(Workshop, world.workshop).standard_hours = D(9)
        with pytest.raises(InvalidCells):
            mark_day_present(uow, ADMIN, world.workshop, nov(12), today=TODAY)
    with world.db.unit_of_work() as uow, pytest.raises(PermissionDenied):
        mark_day_present(uow, Actor(None, "c", Role.CONSULTA), world.workshop, nov(12))


def test_the_planilla_is_the_sheet_for_printing(world: World) -> None:
    _save(world, [CellChange(world.rows["Apaza"], nov(3), D(6))])
    with world.db.unit_of_work(read_only=True) as uow:
        printed = planilla_rows(uow, ADMIN, world.workshop, 2026, 11)
    assert _row(printed, "Apaza").total_hours == D(6)
    assert printed.total_hours == D(6)
    assert printed.day_totals() == {nov(3): D(6)}
    assert printed.today == date.today()


@pytest.mark.postgres
def test_the_same_services_work_on_postgresql(fresh_postgres_url: str) -> None:
    engine = create_database_engine(parse_target(fresh_postgres_url))
    migrate.prepare(engine)
    db = Database(parse_target(fresh_postgres_url), engine)
    system = Actor.system()
    try:
        with db.unit_of_work() as uow:
            load_catalogues(uow, system, holiday_years=range(2026, 2027))
            est = uow.session.scalar(
                select(Establishment.id).where(Establishment.code == "LURIGANCHO")
            )
            trade = uow.session.scalar(select(Trade.id).where(Trade.code == "CARPINTERIA"))
            workshop = Workshop(
                code="PG",
                name="Taller PG",
                establishment_id=est,
                trade_id=trade,
                modality=WorkshopModality.INPE,
                capacity=1,
            )
            uow.session.add(workshop)
            uow.session.flush()
            first, second = (_trainee(uow, name) for name in ("Apaza", "Baca"))
            row = enrol_trainee(uow, system, first, workshop.id, nov(2), today=TODAY)
            assert enrol_trainee(uow, system, second, workshop.id, nov(2), today=TODAY).waiting
            changes = [CellChange(row.id, nov(d), D("7.25")) for d in range(2, 10)]
            assert (
                save_month_sheet(uow, system, workshop.id, 2026, 11, changes, today=TODAY).inserted
                == 8
            )
            changes = [CellChange(row.id, nov(2), D(0), F), CellChange(row.id, nov(3), None)]
            result = save_month_sheet(uow, system, workshop.id, 2026, 11, changes, today=TODAY)
            assert (result.updated, result.deleted) == (1, 1)
            uow.commit()
        with db.unit_of_work(read_only=True) as uow:
            sheet = load_month_sheet(uow, ADMIN, workshop.id, 2026, 11, today=TODAY)
            assert audit.verify_chain(uow).intact
        (only,) = sheet.rows
        assert (only.total_hours, only.days_present) == (D("43.50"), 6)
        assert only.cells[nov(2)].status is F
    finally:
        db.dispose()
