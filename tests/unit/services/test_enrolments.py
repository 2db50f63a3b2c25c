"""Enrolments: capacity and the waiting list, state changes and their history."""

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

from carceles_desktop.domain.catalogues import Establishment, Trade
from carceles_desktop.domain.enrolments import Attendance, Enrolment, EnrolmentStateChange
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
from carceles_desktop.domain.workshops import Workshop
from carceles_desktop.errors import Conflict, NotFound, PermissionDenied, ValidationError
from carceles_desktop.services import audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.catalogues import load_catalogues
from carceles_desktop.services.enrolments import (
    TRANSITIONS,
    change_enrolment_state,
    enrol_trainee,
    enrolment_history,
    get_enrolment,
    promote_waiting,
)
from carceles_desktop.services.trainees import TraineeInput, create_trainee
from carceles_desktop.storage.unit_of_work import Database
from tests.conftest import open_test_database

TODAY = date(2026, 11, 20)
START = date(2026, 10, 1)
ADMIN = Actor(user_id=None, username="admin", role=Role.ADMIN)
S = EnrolmentState
MATERNAL = ("Apaza", "Baca", "Cruz", "Díaz", "Eguren")


@dataclass
class World:
    db: Database
    small: int  # capacity 2
    large: int  # capacity 10
    closed: int
    elsewhere: int  # a workshop of Ancón II
    trainees: list[int]
    stranger: int  # a trainee of Ancón II
    user: Actor  # a jefe with a user row


@pytest.fixture(scope="module")
def seeded(migrated_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("enrolments") / "seed.sqlite3"
    shutil.copyfile(migrated_template, path)
    db = open_test_database(path)
    with db.unit_of_work() as uow:
        load_catalogues(uow, Actor.system(), holiday_years=range(2026, 2027))
        session = uow.session
        est = dict(session.execute(select(Establishment.code, Establishment.id)).all())
        trade = session.scalar(select(Trade.id).where(Trade.code == "CARPINTERIA"))
        for code, place, capacity, active in (
            ("SMALL", "LURIGANCHO", 2, True),
            ("LARGE", "LURIGANCHO", 10, True),
            ("CLOSED", "LURIGANCHO", 10, False),
            ("ELSEWHERE", "ANCON-II", 10, True),
        ):
            session.add(
                Workshop(
                    code=code,
                    name=f"Taller {code.lower()}",
                    establishment_id=est[place],
                    trade_id=trade,
                    modality=WorkshopModality.INPE,
                    capacity=capacity,
                    active=active,
                )
            )
        role = session.scalar(select(RoleRecord.id).where(RoleRecord.code == Role.JEFE))
        session.add(
            User(username="jefe", full_name="Jefe de Trabajo", role_id=role, password_hash="x")
        )
        for n in range(5):
            _trainee(uow, "LURIGANCHO", f"L-{n}")
        _trainee(uow, "ANCON-II", "A-0")
        uow.commit()
    db.dispose()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return path


def _trainee(uow, establishment: str, code: str) -> int:
    data = TraineeInput(
        establishment_code=establishment,
        inmate_code=code,
        doc_type=DocumentType.NONE,
        doc_number=None,
        paternal_surname="Quispe",
        maternal_surname=MATERNAL[int(code[-1])],
        given_names="Juan",
        sex=Sex.MALE,
        legal_situation=LegalSituation.SENTENCIADO,
        admission_date=date(2025, 1, 1),
    )
    return create_trainee(uow, Actor.system(), data, today=TODAY).id


@pytest.fixture
def world(seeded: Path, tmp_path: Path) -> Iterator[World]:
    path = tmp_path / "db.sqlite3"
    shutil.copyfile(seeded, path)
    db = open_test_database(path)
    with db.unit_of_work(read_only=True) as uow:
        from carceles_desktop.domain.trainees import Trainee

        workshops = dict(uow.session.execute(select(Workshop.code, Workshop.id)).all())
        trainees = dict(uow.session.execute(select(Trainee.inmate_code, Trainee.id)).all())
        user_id = uow.session.scalar(select(User.id).where(User.username == "jefe"))
    yield World(
        db,
        workshops["SMALL"],
        workshops["LARGE"],
        workshops["CLOSED"],
        workshops["ELSEWHERE"],
        [trainees[f"L-{n}"] for n in range(5)],
        trainees["A-0"],
        Actor(user_id, "jefe", Role.JEFE),
    )
    db.dispose()


def _enrol(w: World, trainee: int, workshop: int | None = None, start: date = START, actor=ADMIN):
    with w.db.unit_of_work() as uow:
        row = enrol_trainee(uow, actor, trainee, workshop or w.small, start, today=TODAY)
        uow.commit()
    return row


def _change(w: World, enrolment: int, state: S, on: date, reason="Motivo", actor=ADMIN):
    with w.db.unit_of_work() as uow:
        row = change_enrolment_state(uow, actor, enrolment, state, on, reason, today=TODAY)
        uow.commit()
    return row


# --------------------------------------------------------------------------- enrolling


def test_enrolling_makes_an_active_enrolment_with_its_first_step(world: World) -> None:
    row = _enrol(world, world.trainees[0], actor=world.user)
    assert (row.state, row.waiting, row.queue_position) == (S.ACTIVO, False, None)
    assert row.trainee_name == "Quispe Apaza, Juan"
    assert row.workshop_code == "SMALL"
    with world.db.unit_of_work(read_only=True) as uow:
        history = enrolment_history(uow, ADMIN, row.id)
        entry = uow.session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert entry is not None
        assert (entry.action, entry.entity) == ("create", "enrolment")
        assert entry.entity_uuid == str(row.uuid)
    assert len(history) == 1
    assert (history[0].from_state, history[0].to_state) == (None, S.ACTIVO)
    assert (history[0].changed_on, history[0].username) == (START, "jefe")


def test_a_full_workshop_puts_new_enrolments_on_a_numbered_waiting_list(world: World) -> None:
    rows = [_enrol(world, t) for t in world.trainees[:4]]
    assert [r.state for r in rows] == [S.ACTIVO, S.ACTIVO, S.EN_ESPERA, S.EN_ESPERA]
    assert [r.queue_position for r in rows] == [None, None, 1, 2]
    assert rows[2].waiting


def test_a_second_open_enrolment_in_the_same_workshop_is_refused(world: World) -> None:
    first = _enrol(world, world.trainees[0])
    with pytest.raises(Conflict) as caught:
        _enrol(world, world.trainees[0])
    assert caught.value.field == "workshop"
    assert caught.value.message.params["existing_id"] == first.id
    # Another workshop is fine: a trainee may work in two.
    assert _enrol(world, world.trainees[0], world.large).state is S.ACTIVO


def test_a_new_enrolment_starts_after_the_previous_one_ended(world: World) -> None:
    first = _enrol(world, world.trainees[0])
    _change(world, first.id, S.CULMINADO, date(2026, 10, 31))
    with pytest.raises(ValidationError) as caught:
        _enrol(world, world.trainees[0], start=date(2026, 10, 31))
    assert caught.value.field == "starts_on"
    assert _enrol(world, world.trainees[0], start=date(2026, 11, 1)).state is S.ACTIVO


@pytest.mark.parametrize(
    ("start", "field"),
    [(date(2026, 11, 21), "starts_on"), (date(2024, 12, 31), "starts_on")],
)
def test_start_dates_in_the_future_or_before_admission_are_refused(
    world: World, start: date, field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        _enrol(world, world.trainees[0], start=start)
    assert caught.value.field == field


def test_closed_workshops_and_other_establishments_are_refused(world: World) -> None:
    with pytest.raises(ValidationError) as caught:
        _enrol(world, world.trainees[0], world.closed)
    assert caught.value.field == "workshop"
    with pytest.raises(ValidationError) as caught:
        _enrol(world, world.stranger, world.small)
    assert "another establishment" in str(caught.value)
    with pytest.raises(NotFound):
        _enrol(world, 9999)
    with pytest.raises(NotFound):
        _enrol(world, world.trainees[0], 9999)


def test_enrolling_needs_the_right_and_the_workshop(world: World) -> None:
    consulta = Actor(None, "c", Role.CONSULTA)
    outsider = Actor(None, "sup", Role.SUPERVISOR, workshop_ids=frozenset({world.large}))
    jefe_elsewhere = Actor(None, "j", Role.JEFE, establishment_id=9999)
    for actor in (consulta, outsider, jefe_elsewhere):
        with pytest.raises(PermissionDenied):
            _enrol(world, world.trainees[0], actor=actor)
    assert _enrol(world, world.trainees[0], world.large, actor=outsider).state is S.ACTIVO


# --------------------------------------------------------------------------- changing


def test_ending_an_enrolment_sets_its_end_and_keeps_the_history(world: World) -> None:
    row = _enrol(world, world.trainees[0])
    ended = _change(world, row.id, S.LIBERADO, date(2026, 11, 10), "  Libertad  ", world.user)
    assert (ended.state, ended.ends_on) == (S.LIBERADO, date(2026, 11, 10))
    with world.db.unit_of_work(read_only=True) as uow:
        history = enrolment_history(uow, ADMIN, row.id)
        assert uow.session.scalar(select(func.count()).select_from(EnrolmentStateChange)) == 2
        assert audit.verify_chain(uow).intact
    assert [(h.from_state, h.to_state) for h in history] == [
        (None, S.ACTIVO),
        (S.ACTIVO, S.LIBERADO),
    ]
    assert (history[1].reason, history[1].username) == ("Libertad", "jefe")
    assert history[1].changed_on == date(2026, 11, 10)


@pytest.mark.parametrize(
    ("path", "illegal"),
    [
        ((), S.EN_ESPERA),
        ((), S.ACTIVO),
        ((S.CULMINADO,), S.ACTIVO),
        ((S.RETIRADO,), S.LIBERADO),
    ],
)
def test_illegal_transitions_are_refused(world: World, path: tuple, illegal: S) -> None:
    row = _enrol(world, world.trainees[0])
    for state in path:
        _change(world, row.id, state, date(2026, 11, 1))
    with pytest.raises(ValidationError) as caught:
        _change(world, row.id, illegal, date(2026, 11, 2))
    assert caught.value.field == "state"


def test_a_waiting_enrolment_cannot_end_as_if_it_had_worked(world: World) -> None:
    rows = [_enrol(world, t) for t in world.trainees[:3]]
    assert S.CULMINADO not in TRANSITIONS[S.EN_ESPERA]
    with pytest.raises(ValidationError):
        _change(world, rows[2].id, S.CULMINADO, date(2026, 11, 1))
    withdrawn = _change(world, rows[2].id, S.RETIRADO, date(2026, 11, 1))
    assert (withdrawn.state, withdrawn.queue_position) == (S.RETIRADO, None)


@pytest.mark.parametrize(
    ("on", "reason", "field"),
    [
        (date(2026, 11, 21), "x", "on"),
        (date(2026, 9, 30), "x", "on"),
        (date(2026, 11, 1), "   ", "reason"),
        (date(2026, 11, 1), "x" * 301, "reason"),
    ],
)
def test_a_change_needs_a_reason_and_a_sensible_date(
    world: World, on: date, reason: str, field: str
) -> None:
    row = _enrol(world, world.trainees[0])
    with pytest.raises(ValidationError) as caught:
        _change(world, row.id, S.RETIRADO, on, reason)
    assert caught.value.field == field


def test_an_end_before_recorded_attendance_is_refused(world: World) -> None:
    row = _enrol(world, world.trainees[0])
    with world.db.unit_of_work() as uow:
        uow.session.execute(
            insert(Attendance),
            [
                {
                    "enrolment_id": row.id,
                    "day": date(2026, 11, 12),
                    "status": AttendanceStatus.PRESENTE,
                    "hours": Decimal(6),
                }
            ],
        )
        uow.commit()
    with pytest.raises(ValidationError) as caught:
        _change(world, row.id, S.RETIRADO, date(2026, 11, 11))
    assert caught.value.field == "on"
    assert "2026-11-12" in str(caught.value)
    assert _change(world, row.id, S.RETIRADO, date(2026, 11, 12)).state is S.RETIRADO


def test_changing_states_needs_the_right_and_the_workshop(world: World) -> None:
    row = _enrol(world, world.trainees[0])
    outsider = Actor(None, "sup", Role.SUPERVISOR, workshop_ids=frozenset({world.large}))
    insider = Actor(None, "sup", Role.SUPERVISOR, workshop_ids=frozenset({world.small}))
    for actor in (Actor(None, "c", Role.CONSULTA), outsider):
        with pytest.raises(PermissionDenied):
            _change(world, row.id, S.RETIRADO, date(2026, 11, 1), actor=actor)
    assert _change(world, row.id, S.RETIRADO, date(2026, 11, 1), actor=insider).ends_on
    with pytest.raises(NotFound):
        _change(world, 9999, S.RETIRADO, date(2026, 11, 1))


# --------------------------------------------------------------------------- waiting list


def test_promotion_takes_the_queue_in_order_when_places_free_up(world: World) -> None:
    rows = [_enrol(world, t) for t in world.trainees[:5]]
    with world.db.unit_of_work() as uow:
        assert promote_waiting(uow, ADMIN, world.small, date(2026, 11, 1), "x", today=TODAY) == []
    _change(world, rows[0].id, S.CULMINADO, date(2026, 10, 31))
    with world.db.unit_of_work() as uow:
        started = promote_waiting(
            uow, ADMIN, world.small, date(2026, 11, 2), "Vacante", today=TODAY
        )
        uow.commit()
    assert [s.id for s in started] == [rows[2].id]
    assert (started[0].state, started[0].starts_on) == (S.ACTIVO, date(2026, 11, 2))
    with world.db.unit_of_work(read_only=True) as uow:
        queue = [get_enrolment(uow, ADMIN, r.id).queue_position for r in rows[3:]]
        history = enrolment_history(uow, ADMIN, rows[2].id)
    assert queue == [1, 2]  # renumbered
    # The day the place was asked for stays in the history.
    assert [(h.to_state, h.changed_on) for h in history] == [
        (S.EN_ESPERA, START),
        (S.ACTIVO, date(2026, 11, 2)),
    ]


def test_a_chosen_waiting_enrolment_starts_only_when_a_place_is_free(world: World) -> None:
    rows = [_enrol(world, t) for t in world.trainees[:4]]
    with pytest.raises(Conflict) as caught:
        _change(world, rows[3].id, S.ACTIVO, date(2026, 11, 1))
    assert "full" in str(caught.value)
    _change(world, rows[1].id, S.RETIRADO, date(2026, 11, 1))
    # The jefe de trabajo may pick the second in line.
    assert _change(world, rows[3].id, S.ACTIVO, date(2026, 11, 2)).state is S.ACTIVO
    with world.db.unit_of_work(read_only=True) as uow:
        assert get_enrolment(uow, ADMIN, rows[2].id).queue_position == 1
        active = uow.session.scalar(
            select(func.count())
            .select_from(Enrolment)
            .where(Enrolment.workshop_id == world.small, Enrolment.state == S.ACTIVO)
        )
        assert active == 2
        assert audit.verify_chain(uow).intact
