"""Trainee search per keystroke over a national database, beside the same raw SQL.

Goal (issue 2): ≤ 50 ms per keystroke and ≤ 2× the same raw SQL query over 100,000
trainees.  For each typed text and sort, the service's page query is captured once,
then timed through the service and straight through the DB-API cursor.

    python tests/benchmarks/bench_trainee_search.py [--national PATH]
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from _common import ensure_database, median_ms
from sqlalchemy import event

from carceles_desktop.domain.enums import Role
from carceles_desktop.services import browse
from carceles_desktop.services.actor import Actor
from carceles_desktop.storage.opening import open_database
from carceles_desktop.storage.unit_of_work import Database

TEXTS = ["", "q", "qu", "qui", "quis", "nunez", "nunez quispe", "40117", "zzz"]
SORTS = ["name", "code", "document", "establishment", "workshop"]


def _measure(
    database: Database, actor: Actor, captured: list[tuple[str, Any]], text: str, sort: str
) -> tuple[float, float, float]:
    """Time one typed text and sort: service page, the same SQL raw, and the count."""
    with database.unit_of_work(read_only=True) as uow:
        cursor = uow.session.connection().connection.dbapi_connection.cursor()
        captured.clear()
        browse.search_trainees(uow, actor, text=text, sort=sort)
        statement, params = captured[-1]
        service = median_ms(lambda: browse.search_trainees(uow, actor, text=text, sort=sort))
        raw = median_ms(lambda: cursor.execute(statement, params).fetchall())
        count = median_ms(lambda: browse.count_trainees(uow, actor, text=text))
    return service, raw, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--national", type=Path, default=Path("/tmp/carceles-bench-national.sqlite3")
    )
    args = parser.parse_args()
    database = open_database(str(ensure_database(args.national, "national")))
    actor = Actor(user_id=None, username="bench", role=Role.ADMIN)
    captured: list[tuple[str, Any]] = []
    event.listen(
        database.engine,
        "before_cursor_execute",
        lambda conn, cursor, statement, params, context, many: captured.append((statement, params)),
    )
    with database.unit_of_work(read_only=True) as uow:
        total = browse.count_trainees(uow, actor)
    print(f"{total} trainees; page of 200; medians of 11 runs")
    heading = ("typed", "sort", "service ms", "raw SQL ms", "ratio", "count ms")
    print("{:<15} {:<14} {:>10} {:>10} {:>6} {:>9}".format(*heading))
    worst = 0.0
    for text in TEXTS:
        for sort in SORTS if text in ("", "nunez") else ["name"]:
            service, raw, count = _measure(database, actor, captured, text, sort)
            if sort == "name":
                worst = max(worst, service)
            ratio = service / raw
            print(f"{text!r:<15} {sort:<14} {service:10.1f} {raw:10.1f} {ratio:6.2f} {count:9.1f}")

    def keystroke() -> object:
        with database.unit_of_work(read_only=True) as uow:
            return browse.search_trainees(uow, actor, text="nunez")

    print(f"\nworst name-sorted page: {worst:.1f} ms (goal ≤ 50 ms)")
    print(f"one keystroke incl. opening the unit of work ('nunez'): {median_ms(keystroke):.1f} ms")
    database.dispose()


if __name__ == "__main__":
    main()
