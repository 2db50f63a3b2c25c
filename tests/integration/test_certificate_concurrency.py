"""Two processes issue certificates of one establishment and year at the same moment.

Each test starts two OS processes (``spawn``) that meet at a barrier outside any
transaction and then issue at once.  SQLite serialises them with ``BEGIN IMMEDIATE``;
PostgreSQL with the row locks on the enrolment and the number series.  Either way the
numbers come out 1 and 2, never twice the same and never with a gap, and one enrolment
is never certified twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from carceles_desktop.domain.certificates import Certificate
from carceles_desktop.services import audit, numbering
from carceles_desktop.storage.unit_of_work import Database
from tests.helpers.certificate_world import World, issue_in_child, seed, seeded_database
from tests.helpers.races import race, seeded_place

pytestmark = pytest.mark.integration


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def place(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, Database, World]]:
    """A seeded database and its URL, on SQLite and (when available) PostgreSQL."""
    url, database, world = seeded_place(request, tmp_path, seed, seeded_database)
    yield url, database, world
    database.dispose()


def _race(url: str, enrolment_ids: list[int]) -> list[tuple[Any, ...]]:
    return race(issue_in_child, [(url, eid) for eid in enrolment_ids])


def test_two_issuers_take_consecutive_numbers(place: tuple[str, Database, World]) -> None:
    url, database, world = place
    outcomes = _race(url, [world.enrolments["ready"], world.enrolments["plain"]])
    assert sorted(outcome[0] for outcome in outcomes) == ["issued", "issued"], outcomes
    assert sorted(outcome[2] for outcome in outcomes) == [
        "EP-LURIGANCHO-2026-000001",
        "EP-LURIGANCHO-2026-000002",
    ]
    with database.unit_of_work(read_only=True) as uow:
        assert numbering.last_number(uow, "certificate", "LURIGANCHO-2026") == 2
        sequences = uow.session.scalars(select(Certificate.sequence).order_by(Certificate.sequence))
        assert list(sequences) == [1, 2]
        assert audit.verify_chain(uow).intact


def test_one_enrolment_from_two_processes_is_certified_once(
    place: tuple[str, Database, World],
) -> None:
    url, database, world = place
    outcomes = _race(url, [world.enrolments["ready"]] * 2)
    kinds = sorted(outcome[0] for outcome in outcomes)
    assert kinds == ["conflict", "issued"], outcomes
    lost = next(outcome for outcome in outcomes if outcome[0] == "conflict")
    assert "EP-LURIGANCHO-2026-000001" in lost[2]
    with database.unit_of_work(read_only=True) as uow:
        assert uow.session.scalar(select(func.count(Certificate.id))) == 1
        assert numbering.last_number(uow, "certificate", "LURIGANCHO-2026") == 1
