"""Time a 200-line delivery note against a bare-table floor.

Run: ``cd /work/main && PYTHONPATH=. python tests/benchmarks/bench_delivery_note.py [runs]``

The floor is what reportlab itself costs for the goods: a plain platypus ``Table`` of the
same 200 rows (the same cell strings, long descriptions already broken into lines), the
same column widths and font, the heading repeated, on A4 with nothing else (no boxes,
letterhead, number block, page count or signatures).  The target is 2× the floor.
"""

from __future__ import annotations

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
from carceles_desktop.documents.base import A4_PORTRAIT
from carceles_desktop.documents.data import InstitutionHeader
from carceles_desktop.documents.delivery_note import DeliveryNoteLayout, render_delivery_note
from carceles_desktop.documents.delivery_note_data import (
    DeliveryAddress,
    DeliveryLine,
    DeliveryNoteData,
    DeliveryRecipient,
    DeliverySender,
    DeliverySignature,
    TransferReason,
    Transport,
)
from carceles_desktop.documents.text import format_quantity, wrap_text
from carceles_desktop.domain.enums import DeliveryState, TransportMode

LINES = 200
TARGET_RATIO = 2.0


def build(lines: int = LINES) -> DeliveryNoteData:
    """A note of ``lines`` goods, one in seven with a description on two lines."""
    goods = tuple(
        DeliveryLine(
            number=n,
            code=f"CARP-MESA-{n:04d}",
            description=(
                "Mesa de comedor de madera tornillo, seis sillas, laca mate, tallado andino"
                if n % 7 == 0
                else f"Silla de madera tornillo, modelo Ñaña n.° {n}"
            ),
            quantity=Decimal("2.5") if n % 3 == 0 else Decimal(12),
            unit_code="KGM" if n % 3 == 0 else "NIU",
            batch_code=f"LUR-CARP-2026-{n:04d}",
            unit_name="Kilogramo" if n % 3 == 0 else "Unidad",
        )
        for n in range(1, lines + 1)
    )
    return DeliveryNoteData(
        header=InstitutionHeader(
            "Instituto Nacional Penitenciario", "INPE", "Oficina Regional Lima", "E.P. Lurigancho"
        ),
        series="NE01",
        number="NE01-000123",
        state=DeliveryState.EMITIDA,
        issue_date=date(2026, 11, 30),
        transfer_start_date=date(2026, 12, 1),
        sender=DeliverySender(
            "Instituto Nacional Penitenciario (INPE)",
            "E.P. de Lurigancho",
            "20131370998",
            "Av. Próceres de la Independencia s/n, San Juan de Lurigancho, Lima",
        ),
        recipient=DeliveryRecipient("6", "RUC", "20512333797", "Muebles Peñaranda S.A.C."),
        reason=TransferReason("01", "Venta"),
        departure=DeliveryAddress("Av. Próceres s/n", "150132", "San Juan de Lurigancho"),
        arrival=DeliveryAddress("Jr. Ayacucho 245", "150101", "Lima"),
        transport=Transport(
            TransportMode.PUBLIC, carrier_ruc="20512333797", carrier_name="Transportes Ñaña"
        ),
        lines=goods,
        gross_weight_kg=Decimal("1234.5"),
        packages=14,
        related_order="PED-2026-0045",
        observations="Mercadería frágil.",
        dispatched_by=DeliverySignature("Juan Pérez Soto", "DNI 10117410", date(2026, 12, 1)),
    )


def floor_rows(data: DeliveryNoteData) -> tuple[list[list[str]], list[float]]:
    """The goods as plain rows, wrapped as the note wraps them (outside the timing)."""
    widths = DeliveryNoteLayout(data).col_widths
    font, size = fonts.CONDENSED, 8.0
    rows = [["N.°", "Código", "Descripción", "Cantidad", "Unidad", "Lote"]]
    for line in data.lines:
        cells = [line.code, line.description, line.batch_code or ""]
        code, description, batch = (
            "\n".join(wrap_text(text, font, size, width - 4))
            for text, width in zip(cells, (widths[1], widths[2], widths[5]), strict=True)
        )
        quantity = format_quantity(line.quantity)
        rows.append([str(line.number), code, description, quantity, line.unit_code, batch])
    return rows, widths


def bare_table(rows: list[list[str]], widths: list[float]) -> bytes:
    """The floor: the same rows in a plain reportlab table, same font and widths."""
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        [("FONT", (0, 0), (-1, -1), fonts.CONDENSED, 8), ("GRID", (0, 0), (-1, -1), 0.35, "grey")]
    )
    buffer = BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A4_PORTRAIT,
        initialFontName=fonts.CONDENSED,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
    ).build([table])
    return buffer.getvalue()


def median_seconds(function: Callable[[], bytes], runs: int) -> tuple[float, int]:
    """Median CPU time of ``runs`` calls, and the size of the last PDF.

    CPU time of this process, not wall time: the machine's two cores are shared, and
    other people's jobs would otherwise be counted against whichever side ran beside them.
    """
    times = []
    size = 0
    for _ in range(runs):
        start = time.process_time()
        size = len(function())
        times.append(time.process_time() - start)
    return statistics.median(times), size


def main() -> None:
    """Print the note's time beside the floor's, and the ratio."""
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    fonts.register_fonts()
    data = build()
    rows, widths = floor_rows(data)
    start = time.perf_counter()
    render_delivery_note(data)
    print(f"first note (cold caches):         {time.perf_counter() - start:.3f} s")
    note, note_size = median_seconds(lambda: render_delivery_note(data), runs)
    floor, floor_size = median_seconds(lambda: bare_table(rows, widths), runs)
    ratio = note / floor
    verdict = "OK" if ratio <= TARGET_RATIO else "OVER TARGET"
    print(f"delivery note, {LINES} lines, median of {runs}: {note:.3f} s ({note_size} bytes)")
    print(f"floor: bare platypus table, same rows: {floor:.3f} s ({floor_size} bytes)")
    print(f"ratio {ratio:.2f}x; target {TARGET_RATIO}x: {verdict}")


if __name__ == "__main__":
    main()
