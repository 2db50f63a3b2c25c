"""Two processes issue certificates of one establishment and year at the same moment.

Each test starts two OS processes (``spawn``) that meet at a barrier outside any
transaction and then issue at once.  SQLite serialises them with ``BEGIN IMMEDIATE``;
PostgreSQL with the row locks on the enrolment and the number series.  Either way the
numbers come out 1 and 2, never twice the same and never with a gap, and one enrolment
is never certified twice.
"""

from __future__ import annotations

import multiprocessing
import queue
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from carceles_desktop.domain.certificates import Certificate
from carceles_desktop.services import audit, numbering
from carceles_desktop.storage import migrate
from carceles_desktop.storage.engine import create_database_engine, parse_target
from carceles_desktop.storage.unit_of_work import Database
from tests.helpers.certificate_world import World, issue_in_child, seed, seeded_database

pytestmark = pytest.mark.integration


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def place(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, Database, World]]:
    """A seeded database and its URL, on SQLite and (when available) PostgreSQL."""
    if request.param == "postgres":
        url = request.getfixturevalue("fresh_postgres_url")
        database = Database(parse_target(url), create_database_engine(parse_target(url)))
        migrate.prepare(database.engine)
        world = seed(database)
    else:
        database, world = seeded_database(tmp_path)
        url = database.target.url.render_as_string(hide_password=False)
    yield url, database, world
    database.dispose()


def _race(url: str, enrolment_ids: list[int]) -> list[tuple[Any, ...]]:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(len(enrolment_ids))
    results = context.Queue()
    processes = [
        context.Process(target=issue_in_child, args=(url, eid, barrier, results))
        for eid in enrolment_ids
    ]
    for process in processes:
        process.start()
    try:
        outcomes = [results.get(timeout=120) for _ in processes]
    except queue.Empty:  # pragma: no cover - only when a child died without a word
        outcomes = []
    for process in processes:
        process.join(timeout=60)
        if process.is_alive():  # pragma: no cover
            process.kill()
    results.close()
    assert all(p.exitcode == 0 for p in processes), [p.exitcode for p in processes]
    assert len(outcomes) == len(processes), outcomes
    return outcomes


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
