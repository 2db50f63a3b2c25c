"""Benchmark: generate the national-scale demo into a temporary SQLite file.

Prints the time of each phase, the rows of every table, the file's size and the peak
memory of the process.  Not collected by pytest; run it by hand:

    PYTHONPATH=. python tests/benchmarks/bench_demo_data.py [--scale site|national] [--keep PATH]
"""

from __future__ import annotations

import argparse
import resource
import sqlite3
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from carceles_desktop.domain.models import metadata
from carceles_desktop.services.demo import PHASES, generate_demo_data
from carceles_desktop.storage import migrate
from carceles_desktop.storage.engine import create_database_engine, parse_target
from carceles_desktop.storage.unit_of_work import Database


class PhaseClock:
    """Records when each phase starts and ends from the progress callback."""

    def __init__(self) -> None:
        self.started: dict[str, float] = {}
        self.ended: dict[str, float] = {}
        self._last_print = 0.0

    def __call__(self, label: str, done: int, total: int) -> None:
        now = time.perf_counter()
        self.started.setdefault(label, now)
        if done >= total:
            self.ended[label] = now
        if now - self._last_print > 10 or done >= total:
            print(
                f"  {label}: {done}/{total}  ({now - min(self.started.values()):.0f} s)", flush=True
            )
            self._last_print = now


def _peak_rss_mib() -> float:
    # Linux reports kilobytes; macOS bytes.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)


def main() -> None:
    """Generate, then print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", choices=("site", "national"), default="national")
    parser.add_argument("--keep", type=Path, help="write the database here instead of a temp file")
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 11, 30))
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "demo.sqlite3"
        target = parse_target(str(path))
        engine = create_database_engine(target)
        migrate.prepare(engine)
        database = Database(target, engine)
        clock = PhaseClock()
        started = time.perf_counter()
        cpu_started = time.process_time()
        report = generate_demo_data(database, scale=args.scale, today=args.today, progress=clock)
        total = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        database.dispose()

        # CPU time as well: on a shared machine the wall clock includes others' work.
        print(f"\nscale {args.scale}, today {args.today}: {total:.1f} s in all, {cpu:.1f} s CPU")
        for label in PHASES:
            if label in clock.started and label in clock.ended:
                print(f"  {clock.ended[label] - clock.started[label]:8.1f} s  {label}")
        print("\nrows per table:")
        connection = sqlite3.connect(path)
        for name in sorted(metadata.tables):
            count = connection.execute(f"SELECT count(*) FROM {name}").fetchone()[0]  # noqa: S608
            print(f"  {count:>10,}  {name}")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.close()
        size = path.stat().st_size
        print(f"\nfile size: {size / 2**20:,.1f} MiB")
        print(f"peak RSS: {_peak_rss_mib():,.0f} MiB")
        print(f"report: {report}")


if __name__ == "__main__":
    main()
