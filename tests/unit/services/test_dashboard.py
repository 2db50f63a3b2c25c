"""The Panel's figures: today's attendance, the month's hours, orders due, deliveries,
culminated trainees without a certificate, each within the user's reach."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from carceles_desktop.domain.commerce import Order, Partner
from carceles_desktop.domain.enrolments import Attendance
from carceles_desktop.domain.enums import (
    AttendanceStatus,
    OrderState,
    PartnerKind,
)
from carceles_desktop.services import dashboard
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.demo import Size, generate_demo_data
from carceles_desktop.storage import migrate
from carceles_desktop.storage.engine import create_database_engine, parse_target
from carceles_desktop.storage.unit_of_work import Database
from tests.conftest import open_test_database
from tests.helpers.certificate_world import ADMIN, World, seeded_database

#: A Monday soon after the course's enrolments ended (31 March): within the window.
MONDAY = date(2026, 4, 6)
#: The course's enrolments began on 2 March; the 6th is a Friday of its first week.
WEEKDAY_IN_MARCH = date(2026, 3, 6)
#: A small demo, generated on both databases to compare their figures.
DEMO_DAY = date(2026, 11, 30)
SMALL_DEMO = Size(("LURIGANCHO",), trainees=250, workshops=4, history_days=120)


@pytest.fixture
def place(tmp_path: Path) -> Iterator[tuple[Database, World]]:
    database, world = seeded_database(tmp_path)
    yield database, world
    database.dispose()


def _read(database: Database, actor: Actor, today: date) -> dashboard.Dashboard:
    with database.unit_of_work(read_only=True) as uow:
        return dashboard.read_dashboard(uow, actor, today=today)


def _workshop(board: dashboard.Dashboard, workshop_id: int) -> dashboard.WorkshopToday:
    (found,) = [w for w in board.workshops if w.workshop_id == workshop_id]
    return found


def test_a_workshop_without_todays_attendance_stands_out(place: tuple[Database, World]) -> None:
    database, world = place
    board = _read(database, world.jefe, MONDAY)
    assert board.working_day
    shop = _workshop(board, world.workshop_id)
    assert (shop.working_today, shop.recorded_today) == (1, 0)  # "active" has not been recorded
    assert shop in board.workshops_missing_today
    with database.unit_of_work() as uow:
        uow.session.add(
            Attendance(
                enrolment_id=world.enrolments["active"],
                day=MONDAY,
                status=AttendanceStatus.FALTA,
                hours=Decimal(0),
            )
        )
        uow.commit()
    again = _read(database, world.jefe, MONDAY)
    assert _workshop(again, world.workshop_id).missing_today == 0  # an absence is recorded too
    assert again.workshops_missing_today == ()


def test_the_months_hours_count_from_the_first_to_today(place: tuple[Database, World]) -> None:
    database, world = place
    # Each enrolment of the first workshop has 6 h a day from Monday 2 March; by Friday
    # the 6th: "ready", "active" and "plain" worked 5 days, "short" only 2.
    shop = _workshop(_read(database, world.jefe, WEEKDAY_IN_MARCH), world.workshop_id)
    assert shop.month_hours == Decimal("6") * (5 + 5 + 5 + 2)
    assert _workshop(_read(database, world.jefe, MONDAY), world.workshop_id).month_hours == 0


def test_sundays_and_holidays_expect_no_attendance(place: tuple[Database, World]) -> None:
    database, world = place
    sunday = _read(database, world.jefe, date(2026, 4, 5))
    assert not sunday.working_day
    assert sunday.workshops_missing_today == ()
    labour_day = _read(database, world.jefe, date(2026, 5, 1))
    assert labour_day.holiday is not None
    assert not labour_day.working_day


def test_culminated_enrolments_without_a_certificate_are_counted(
    place: tuple[Database, World],
) -> None:
    database, world = place
    # ready, short and plain culminated on 31 March in Lurigancho; foreign is Ancón's.
    assert _read(database, world.jefe, MONDAY).awaiting_certificate == 3
    assert _read(database, ADMIN, MONDAY).awaiting_certificate == 4  # a national view
    assert _read(database, world.jefe, date(2026, 11, 30)).awaiting_certificate == 0  # too old


def test_a_supervisor_sees_his_own_workshops_only(place: tuple[Database, World]) -> None:
    database, world = place
    board = _read(database, world.supervisor, MONDAY)
    assert [w.workshop_id for w in board.workshops] == [world.workshop_id]
    other = _read(database, world.other_supervisor, MONDAY)
    assert [w.workshop_id for w in other.workshops] == [world.workshop2_id]
    assert other.awaiting_certificate == 0


def test_orders_overdue_or_due_within_a_week_are_listed_earliest_first(
    place: tuple[Database, World],
) -> None:
    database, world = place
    with database.unit_of_work() as uow:
        client = Partner(
            kind=PartnerKind.COMPANY, id_type="6", id_number="20512333797", name="Cueros SAC"
        )
        uow.session.add(client)
        uow.session.flush()
        for number, due, state in (
            ("P-1", date(2026, 4, 1), OrderState.ABIERTO),  # overdue
            ("P-2", date(2026, 4, 10), OrderState.EN_PRODUCCION),  # due this week
            ("P-3", date(2026, 4, 30), OrderState.ABIERTO),  # later
            ("P-4", date(2026, 4, 2), OrderState.ENTREGADO),  # delivered: nothing owed
        ):
            uow.session.add(
                Order(
                    number=number,
                    establishment_id=world.establishment_id,
                    partner_id=client.id,
                    ordered_on=date(2026, 3, 1),
                    due_on=due,
                    state=state,
                )
            )
        uow.commit()
    board = _read(database, world.jefe, MONDAY)
    assert board.orders_due_count == 2
    assert [(o.number, o.overdue) for o in board.orders_due] == [("P-1", True), ("P-2", False)]
    assert board.orders_due[0].client == "Cueros SAC"


@pytest.mark.postgres
def test_postgresql_gives_the_same_figures(fresh_postgres_url: str, tmp_path: Path) -> None:
    # The same small demo on both, read as of its own day and one in the past.
    sqlite = open_test_database(tmp_path / "twin.sqlite3")
    generate_demo_data(sqlite, seed=5, today=DEMO_DAY, _size=SMALL_DEMO)
    target = parse_target(fresh_postgres_url)
    engine = create_database_engine(target)
    migrate.prepare(engine)
    postgres = Database(target, engine)
    try:
        generate_demo_data(postgres, seed=5, today=DEMO_DAY, _size=SMALL_DEMO)
        for day in (DEMO_DAY, date(2026, 10, 15)):
            expected = _read(sqlite, ADMIN, day)
            assert sum(w.month_hours for w in expected.workshops) > 0
            assert _read(postgres, ADMIN, day) == expected
    finally:
        postgres.dispose()
        sqlite.dispose()
