"""Two processes issue at the same moment: never more than a batch has, numbers gapless.

Each test starts two OS processes (``spawn``), lets them meet at a barrier outside any
transaction, and has both issue at once.  SQLite serialises them with ``BEGIN
IMMEDIATE`` and the busy timeout; PostgreSQL with row locks on the batch, the note and
the number series.  Either way exactly one wins and the other is told what is left.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from carceles_desktop.domain.certificates import NumberSeries
from carceles_desktop.domain.enums import DeliveryState
from carceles_desktop.services import audit, deliveries, delivery_queries
from carceles_desktop.services.production_queries import get_batch
from carceles_desktop.storage.unit_of_work import Database
from tests.helpers.commerce_world import (
    ADMIN,
    TODAY,
    World,
    draft_input,
    finished_batch,
    issue_in_child,
    seed,
    seeded_database,
)
from tests.helpers.races import race, seeded_place

pytestmark = pytest.mark.integration

APRIL = date(2026, 4, 1)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def place(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, Database, World]]:
    """A seeded database and its URL, on SQLite and (when available) PostgreSQL."""
    url, database, world = seeded_place(request, tmp_path, seed, seeded_database)
    yield url, database, world
    database.dispose()


def _race(url: str, delivery_ids: list[int]) -> list[tuple[Any, ...]]:
    outcomes = race(issue_in_child, [(url, did, APRIL) for did in delivery_ids])
    return sorted(outcomes, key=lambda outcome: outcome[0] != "issued")


def test_two_processes_cannot_take_more_than_a_batch_has(
    place: tuple[str, Database, World],
) -> None:
    url, database, world = place
    with database.unit_of_work() as uow:
        batch = finished_batch(uow, world, accepted="20")
        first = deliveries.create_delivery_draft(
            uow, ADMIN, draft_input(world, [(batch.batch.id, "2")])
        )
        deliveries.issue_delivery(uow, ADMIN, first.id, on=APRIL)  # NE01-000001
        drafts = [
            deliveries.create_delivery_draft(
                uow, ADMIN, draft_input(world, [(batch.batch.id, "12")])
            ).id
            for _ in range(2)
        ]
        uow.commit()

    won, lost = _race(url, drafts)

    assert (won[0], won[2]) == ("issued", "NE01-000002"), (won, lost)
    assert lost[0] == "conflict", lost
    assert (
        lost[2] == f"Batch {batch.batch.code} has only 6.000 NIU left; this note asks for 12.000."
    )
    assert lost[3]["left"] == "6.000"
    with database.unit_of_work() as uow:
        assert get_batch(uow, ADMIN, batch.batch.id, today=TODAY).batch.delivered_quantity == (
            Decimal("14.000")
        )
        loser = delivery_queries.get_delivery(uow, ADMIN, lost[1])
        assert (loser.state, loser.number) == (DeliveryState.BORRADOR, None)
        series = uow.session.scalars(
            select(NumberSeries).where(NumberSeries.kind == "delivery")
        ).one()
        assert (series.scope, series.last_value) == ("LURIGANCHO-NE01", 2)
        # The loser, cut down to what is left, takes the next number: no gap.
        deliveries.update_delivery_draft(
            uow, ADMIN, lost[1], draft_input(world, [(batch.batch.id, "6")])
        )
        assert deliveries.issue_delivery(uow, ADMIN, lost[1], on=APRIL).number == "NE01-000003"
        uow.commit()
    with database.unit_of_work() as uow:
        assert audit.verify_chain(uow).intact


def test_one_draft_issued_from_two_processes_is_issued_once(
    place: tuple[str, Database, World],
) -> None:
    url, database, world = place
    with database.unit_of_work() as uow:
        batch = finished_batch(uow, world, accepted="20")
        draft = deliveries.create_delivery_draft(
            uow, ADMIN, draft_input(world, [(batch.batch.id, "5")])
        ).id
        uow.commit()

    won, lost = _race(url, [draft, draft])

    assert (won[0], won[2]) == ("issued", "NE01-000001"), (won, lost)
    assert lost[0] == "conflict", lost
    assert "emitida" in lost[2], lost
    with database.unit_of_work() as uow:
        assert get_batch(uow, ADMIN, batch.batch.id, today=TODAY).batch.delivered_quantity == (
            Decimal("5.000")
        )
        taken = select(NumberSeries.last_value).where(NumberSeries.kind == "delivery")
        assert uow.session.scalars(taken).one() == 1
