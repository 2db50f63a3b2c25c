"""Time the Asistencia screen: opening a 60-trainee month and saving from it.

Run: ``cd /work/main && PYTHONPATH=. python tests/benchmarks/bench_attendance_sheet.py [runs]``

The database is the one of ``bench_attendance.py`` (shipped catalogues, 10 workshops of
60 trainees, about 160,000 attendance rows).  Figures are medians of ``runs`` runs
(default 15), offscreen:

* open: ``AttendanceView.load_sheet`` of a full month (60 × 31 cells) until the table
  is painted — the service's read, the model's reset and the first paint;
* save a day: one day of the 60 trainees typed and saved (the service's save, the commit
  and the sheet read again);
* save a month: every cell of the month changed and saved.

Targets: 100 ms for opening and for saving.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from carceles_desktop.domain.enums import AttendanceStatus  # noqa: E402
from carceles_desktop.services.attendance import Cell, save_month_sheet  # noqa: E402
from carceles_desktop.services.context import ServiceContext  # noqa: E402
from carceles_desktop.ui.views.attendance_view import AttendanceView  # noqa: E402
from tests.benchmarks.bench_attendance import (  # noqa: E402
    ACTOR,
    MONTH,
    TARGET_MS,
    TODAY,
    YEAR,
    _month_changes,
    _open,
    build,
)


def _median(runs: int, setup: Callable[[], None], action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs + 1):
        setup()
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times[1:])  # the first run warms caches up


def main(runs: int = 15) -> None:
    """Build the database, time the screen and print the figures."""
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        db = _open(Path(folder) / "bench.sqlite3")
        workshop, enrolments = build(db)
        with db.unit_of_work() as uow:
            changes = _month_changes(enrolments, Decimal(8))
            save_month_sheet(uow, ACTOR, workshop, YEAR, MONTH, changes, today=TODAY)
            uow.commit()
        view = AttendanceView(ServiceContext(db, ACTOR), today=TODAY)
        view.resize(1120, 700)
        view.show()
        view.load()
        view.choose_workshop(workshop)
        view.set_month(YEAR, MONTH)
        model = view.model
        assert model.rowCount() == len(enrolments)

        def open_sheet() -> None:
            view.load_sheet()
            view.table.viewport().repaint()
            app.processEvents()

        def type_day(hours: str) -> Callable[[], None]:
            def setup() -> None:
                column = model.column_of(TODAY.replace(month=MONTH, day=6))
                for row in range(model.rowCount()):
                    model.set_entry(row, column, Cell(AttendanceStatus.PRESENTE, Decimal(hours)))

            return setup

        flip = iter(["7.5", "6", "5.5", "7"] * (runs + 2))

        def type_month() -> None:
            hours = Decimal(next(flip))
            for row in range(model.rowCount()):
                for column in range(model.day_count):
                    model.set_entry(row, column, Cell(AttendanceStatus.PRESENTE, hours))

        opened = _median(runs, lambda: None, open_sheet)
        day = _median(runs, lambda: type_day(next(flip))(), view.save)
        month = _median(runs, type_month, view.save)
        assert not model.is_dirty()
    for name, value in (("open", opened), ("save a day", day), ("save a month", month)):
        verdict = "ok" if value <= TARGET_MS else "SLOW"
        print(f"{name:<13} {value:7.1f} ms  (target {TARGET_MS:.0f} ms) {verdict}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)
