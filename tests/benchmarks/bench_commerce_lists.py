"""The Producción and Entregas lists over a national database: a page, a keystroke, a filter.

Goal (issue 4): ≤ 50 ms to show a page or apply a search.  Each figure is the median
wall time of the list model's own reset (the page query, the model's reset signals and
the decision whether a count must run; the count itself runs on a pool thread, so it is
timed apart), for a user of every establishment and for a head of work of one.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_commerce_lists.py [--national PATH]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from _common import ensure_database, median_ms
from PySide6.QtCore import QCoreApplication

from carceles_desktop.domain.enums import BatchState, DeliveryState, Role
from carceles_desktop.services import delivery_queries
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.storage.opening import open_database
from carceles_desktop.ui import workers
from carceles_desktop.ui.models.commerce_tables import batches_model, deliveries_model

#: Keystrokes as typed into either list (batch codes of the demo: LURIGANCHO-L26-00032).
TEXTS = ["", "l", "lu", "lurigancho", "l26-0003", "sil", "silla", "ne01-0001", "andinos", "zzz"]


def _busiest_establishment(ctx: ServiceContext) -> int:
    """The establishment of the newest note (the demo's busiest site)."""
    with ctx.reading() as uow:
        newest = delivery_queries.search_deliveries(uow, ctx.actor, limit=1)
        return delivery_queries.get_delivery(uow, ctx.actor, newest[0].id).establishment_id


def _measure(label: str, model: object, state: object) -> float:
    worst = 0.0
    model.filter_value = None  # type: ignore[attr-defined]
    for text in TEXTS:
        # What a keystroke costs once the pause has passed: one reset with the new text.
        def one(text: str = text) -> None:
            model._reset(model.query.__class__(text=text, sort=model.query.sort))  # type: ignore[attr-defined]

        ms = median_ms(one)
        workers.wait_for_jobs()
        worst = max(worst, ms)
        print(f"{label:<28} {text!r:<14} {ms:8.1f} ms  ({model.rowCount()} rows shown)")  # type: ignore[attr-defined]
    model.filter_value = state  # type: ignore[attr-defined]
    everything = model.query.__class__(sort=model.query.sort)  # type: ignore[attr-defined]
    ms = median_ms(lambda: model._reset(everything))  # type: ignore[attr-defined]
    workers.wait_for_jobs()
    worst = max(worst, ms)
    print(f"{label:<28} {'state=' + str(state):<14} {ms:8.1f} ms  ({model.rowCount()} rows shown)")  # type: ignore[attr-defined]
    start = time.perf_counter()
    model.filter_value = None  # type: ignore[attr-defined]
    total = model._count(everything)  # type: ignore[attr-defined]
    ms = (time.perf_counter() - start) * 1000
    print(f"{label:<28} {'count (pool)':<14} {ms:8.1f} ms  ({total})")
    return worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--national", type=Path, default=Path("/tmp/carceles-bench-national.sqlite3")
    )
    args = parser.parse_args()
    app = QCoreApplication([])
    database = open_database(str(ensure_database(args.national, "national")))
    admin = ServiceContext(database, Actor(user_id=None, username="bench", role=Role.ADMIN))
    place = _busiest_establishment(admin)
    jefe = ServiceContext(
        database, Actor(user_id=None, username="jefe", role=Role.JEFE, establishment_id=place)
    )
    worst = 0.0
    for who, ctx in (("all", admin), ("one establishment", jefe)):
        worst = max(worst, _measure(f"batches, {who}", batches_model(ctx), BatchState.EN_PROCESO))
        worst = max(worst, _measure(f"notes, {who}", deliveries_model(ctx), DeliveryState.BORRADOR))
    print(f"worst: {worst:.1f} ms (goal ≤ 50 ms)")
    workers.wait_for_jobs()
    database.dispose()
    del app


if __name__ == "__main__":
    main()
