"""What the concurrency tests share: a seeded place on each database, and a race of processes."""

from __future__ import annotations

import multiprocessing
import queue
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import pytest

from carceles_desktop.storage import migrate
from carceles_desktop.storage.engine import create_database_engine, parse_target
from carceles_desktop.storage.unit_of_work import Database

W = TypeVar("W")


def seeded_place(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    seed: Callable[[Database], W],
    seeded_database: Callable[[Path], tuple[Database, W]],
) -> tuple[str, Database, W]:
    """A seeded database and its URL: PostgreSQL when ``request.param`` says so, else SQLite.

    The caller disposes of the database.
    """
    if request.param == "postgres":
        url = request.getfixturevalue("fresh_postgres_url")
        database = Database(parse_target(url), create_database_engine(parse_target(url)))
        migrate.prepare(database.engine)
        world = seed(database)
    else:
        database, world = seeded_database(tmp_path)
        url = database.target.url.render_as_string(hide_password=False)
    return url, database, world


def race(target: Callable[..., None], arguments: Sequence[tuple[Any, ...]]) -> list[Any]:
    """Start one ``spawn`` process per argument tuple; each gets ``(*args, barrier, results)``.

    Returns what the children put on the results queue, in arrival order; fails the test
    when a child exits badly or says nothing.
    """
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(len(arguments))
    results = context.Queue()
    processes = [
        context.Process(target=target, args=(*args, barrier, results)) for args in arguments
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
