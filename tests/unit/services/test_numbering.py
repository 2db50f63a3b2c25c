"""Gapless series: numbers in order, per series, given back by a rollback."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from carceles_desktop.domain.certificates import NumberSeries
from carceles_desktop.services import numbering
from carceles_desktop.storage.unit_of_work import Database


def test_a_new_series_starts_at_one_and_counts_up(database: Database) -> None:
    with database.unit_of_work() as uow:
        assert numbering.last_number(uow, "delivery", "LURIGANCHO-NE01") == 0
        taken = [numbering.next_number(uow, "delivery", "LURIGANCHO-NE01") for _ in range(3)]
        assert taken == [1, 2, 3]
        assert numbering.last_number(uow, "delivery", "LURIGANCHO-NE01") == 3
        uow.commit()
    with database.unit_of_work() as uow:
        assert numbering.next_number(uow, "delivery", "LURIGANCHO-NE01") == 4


def test_series_are_independent_by_kind_and_scope(database: Database) -> None:
    with database.unit_of_work() as uow:
        numbering.next_number(uow, "delivery", "LURIGANCHO-NE01")
        numbering.next_number(uow, "delivery", "LURIGANCHO-NE01")
        assert numbering.next_number(uow, "delivery", "ANCON-II-NE01") == 1
        assert numbering.next_number(uow, "certificate", "LURIGANCHO-NE01") == 1
        rows = uow.session.execute(
            select(NumberSeries.kind, NumberSeries.scope, NumberSeries.last_value).order_by(
                NumberSeries.kind, NumberSeries.scope
            )
        ).all()
        assert [tuple(r) for r in rows] == [
            ("certificate", "LURIGANCHO-NE01", 1),
            ("delivery", "ANCON-II-NE01", 1),
            ("delivery", "LURIGANCHO-NE01", 2),
        ]


def test_a_rollback_gives_the_number_back(database: Database) -> None:
    with database.unit_of_work() as uow:
        assert numbering.next_number(uow, "delivery", "X-NE01") == 1
        uow.commit()
    with database.unit_of_work() as uow:
        assert numbering.next_number(uow, "delivery", "X-NE01") == 2
        uow.rollback()
    with database.unit_of_work() as uow:
        # Leaving the block without commit also rolls back.
        assert numbering.next_number(uow, "delivery", "X-NE01") == 2
    with database.unit_of_work() as uow:
        assert numbering.next_number(uow, "delivery", "X-NE01") == 2
        uow.commit()
    with database.unit_of_work(read_only=True) as uow:
        assert numbering.last_number(uow, "delivery", "X-NE01") == 2


def test_a_rolled_back_first_number_leaves_no_series_behind(database: Database) -> None:
    with database.unit_of_work() as uow:
        assert numbering.next_number(uow, "delivery", "NEW-NE01") == 1
    with database.unit_of_work() as uow:
        assert uow.session.scalar(select(NumberSeries.id)) is None
        assert numbering.next_number(uow, "delivery", "NEW-NE01") == 1


def test_a_read_only_unit_cannot_take_a_number(database: Database) -> None:
    with database.unit_of_work(read_only=True) as uow, pytest.raises(RuntimeError):
        numbering.next_number(uow, "delivery", "X-NE01")


@pytest.mark.parametrize(
    ("kind", "scope"), [("", "X"), ("delivery", ""), ("de livery", "X"), ("delivery", "X" * 61)]
)
def test_malformed_names_are_refused(database: Database, kind: str, scope: str) -> None:
    with database.unit_of_work() as uow, pytest.raises(ValueError, match="series"):
        numbering.next_number(uow, kind, scope)


@pytest.mark.postgres
def test_numbers_on_postgresql_are_gapless_under_rollback(fresh_postgres_url: str) -> None:
    from carceles_desktop.storage import migrate
    from carceles_desktop.storage.engine import create_database_engine, parse_target

    target = parse_target(fresh_postgres_url)
    engine = create_database_engine(target)
    migrate.prepare(engine)
    database = Database(target, engine)
    try:
        with database.unit_of_work() as uow:
            assert numbering.next_number(uow, "delivery", "PG-NE01") == 1
            uow.commit()
        with database.unit_of_work() as uow:
            assert numbering.next_number(uow, "delivery", "PG-NE01") == 2
            uow.rollback()
        with database.unit_of_work() as uow:
            assert numbering.next_number(uow, "delivery", "PG-NE01") == 2
            assert numbering.next_number(uow, "delivery", "PG-NE02") == 1
            uow.commit()
    finally:
        database.dispose()
