"""Time the monthly attendance sheet of a 60-trainee workshop against a bare-table floor.

Run: ``cd /work/main && PYTHONPATH=. python tests/benchmarks/bench_planilla.py [runs]``

The floor is what reportlab itself costs for the same cells: a plain platypus ``Table``
of the same strings, column widths and font on A4 landscape, with the heading rows
repeated, and nothing else (no letterhead, no page count, no per-cell styles).  The
target for the sheet is 0.3 s.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from io import BytesIO

from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Table

from carceles_desktop.documents import fonts
from carceles_desktop.documents.base import A4_LANDSCAPE
from carceles_desktop.documents.data import InstitutionHeader, PersonDocument, Signatory
from carceles_desktop.documents.planilla import PlanillaLayout, render_planilla
from carceles_desktop.documents.planilla_data import (
    DayEntry,
    PlanillaData,
    PlanillaRow,
    PlanillaSignatories,
    month_days,
)
from carceles_desktop.documents.text import document_text, format_hours
from carceles_desktop.domain.enums import AttendanceStatus, DocumentType
from carceles_desktop.domain.rules.calendar import WEEKDAY_INITIALS_ES, peru_national_holidays

TRAINEES = 60
TARGET_SECONDS = 0.3


def _entry(rng: random.Random) -> DayEntry:
    draw = rng.random()
    if draw < 0.06:
        return DayEntry(AttendanceStatus.FALTA)
    if draw < 0.09:
        return DayEntry(AttendanceStatus.JUSTIFICADA)
    hours = rng.choice(("8", "8", "7.5", "6", "3.5", "10.25"))
    return DayEntry(AttendanceStatus.PRESENTE, Decimal(hours))


def build(trainees: int = TRAINEES) -> PlanillaData:
    """A month of a workshop with accented names, absences and short days."""
    rng = random.Random(2026)
    days = month_days(2026, 7, dict(peru_national_holidays(2026)))
    rows = []
    for number in range(1, trainees + 1):
        entries = tuple(None if day.is_rest_day else _entry(rng) for day in days)
        worked = [entry.hours for entry in entries if entry]
        document = PersonDocument(DocumentType.DNI, f"{rng.randrange(10**8):08d}", f"{number}")
        name = f"NÚÑEZ PEÑA {number}, María José"
        valid = sum(1 for hours in worked if hours >= 4)
        rows.append(PlanillaRow(number, name, document, entries, valid, sum(worked, Decimal(0))))
    return PlanillaData(
        header=InstitutionHeader(
            "Instituto Nacional Penitenciario",
            "INPE",
            "Oficina Regional Lima",
            "E.P. de Lurigancho",
        ),
        workshop_code="LUR-CARP-01",
        workshop_name="Carpintería en madera",
        trade="Carpintería",
        year=2026,
        month=7,
        days=days,
        rows=tuple(rows),
        minimum_valid_hours=Decimal(4),
        signatories=PlanillaSignatories(Signatory("Juan Pérez"), Signatory(), Signatory()),
        place="Lima",
        printed_on=date(2026, 8, 3),
    )


def bare_table(data: PlanillaData) -> bytes:
    """The floor: the same cells in a plain reportlab table, same font and widths."""
    widths = PlanillaLayout(data).col_widths
    head = ["N.°", "Apellidos y nombres", "Documento"] + [str(d.on.day) for d in data.days]
    head += ["Días válidos", "Horas"]
    initials = ["", "", ""] + [WEEKDAY_INITIALS_ES[d.on.weekday()] for d in data.days] + ["", ""]
    rows = [head, initials]
    for row in data.rows:
        cells = [str(row.number), row.full_name, document_text(row.document)]
        for entry in row.entries:
            cells.append("" if entry is None else format_hours(entry.hours))
        rows.append([*cells, str(row.valid_days), format_hours(row.hours)])
    table = Table(rows, colWidths=widths, rowHeights=4.6 * mm, repeatRows=2)
    table.setStyle(
        [("FONT", (0, 0), (-1, -1), fonts.CONDENSED, 7), ("GRID", (0, 0), (-1, -1), 0.35, "grey")]
    )
    buffer = BytesIO()
    margins = {
        "leftMargin": 10 * mm,
        "rightMargin": 10 * mm,
        "topMargin": 45 * mm,
        "bottomMargin": 14 * mm,
    }
    SimpleDocTemplate(
        buffer, pagesize=A4_LANDSCAPE, initialFontName=fonts.CONDENSED, **margins
    ).build([table])
    return buffer.getvalue()


def median_seconds(function: Callable[[], bytes], runs: int) -> tuple[float, int]:
    """Median wall time of ``runs`` calls, and the size of the last PDF."""
    times = []
    size = 0
    for _ in range(runs):
        start = time.perf_counter()
        size = len(function())
        times.append(time.perf_counter() - start)
    return statistics.median(times), size


def main() -> None:
    """Print the sheet's time beside the floor's."""
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    start = time.perf_counter()
    fonts.register_fonts()
    print(f"font registration (first call): {time.perf_counter() - start:.3f} s")
    data = build()
    start = time.perf_counter()
    render_planilla(data)
    print(f"first planilla (cold caches):   {time.perf_counter() - start:.3f} s")
    sheet, sheet_size = median_seconds(lambda: render_planilla(data), runs)
    floor, floor_size = median_seconds(lambda: bare_table(data), runs)
    verdict = "OK" if sheet <= TARGET_SECONDS else "OVER TARGET"
    print(f"planilla, {TRAINEES} trainees, median of {runs}: {sheet:.3f} s ({sheet_size} bytes)")
    print(f"floor: bare platypus table, same cells:  {floor:.3f} s ({floor_size} bytes)")
    print(f"ratio {sheet / floor:.2f}x; target {TARGET_SECONDS} s: {verdict}")


if __name__ == "__main__":
    main()
