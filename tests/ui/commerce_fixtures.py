"""A commerce world for the window's tests: the seeded prison of ``tests/helpers``.

Each test gets a fresh copy of the seeded database (clients, products, workshops with
attendance) and the world's keys; batches and notes are made through the services.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from carceles_desktop.services import deliveries, production_queries
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.storage.unit_of_work import Database
from tests.helpers.commerce_world import ADMIN, World, draft_input, finished_batch, seeded_database


@dataclass
class Shop:
    """The world, its database, and a context for the head of work of its establishment."""

    database: Database
    world: World
    ctx: ServiceContext

    def remaining(self, batch_id: int) -> Decimal:
        """Units a batch has left now."""
        with self.ctx.reading() as uow:
            return production_queries.get_batch(uow, ADMIN, batch_id).batch.remaining

    def finished(self, accepted: str = "20", **kwargs: object) -> int:
        """A finished batch of chairs with ``accepted`` units; returns its key."""
        with self.database.unit_of_work() as uow:
            batch = finished_batch(uow, self.world, accepted=accepted, **kwargs)  # type: ignore[arg-type]
            uow.commit()
        return batch.batch.id

    def issued_note(self, batch_id: int, quantity: str) -> int:
        """An issued note of ``quantity`` units of a batch; returns its key."""
        with self.database.unit_of_work() as uow:
            draft = deliveries.create_delivery_draft(
                uow, ADMIN, draft_input(self.world, [(batch_id, quantity)])
            )
            deliveries.issue_delivery(uow, ADMIN, draft.id, on=date(2026, 4, 1))
            uow.commit()
        return draft.id


@pytest.fixture(name="shop")
def shop_fixture(tmp_path: Path) -> Iterator[Shop]:
    """A fresh copy of the seeded world; its context is the head of work of Lurigancho."""
    database, world = seeded_database(tmp_path)
    yield Shop(database, world, ServiceContext(database, world.jefe))
    database.dispose()
