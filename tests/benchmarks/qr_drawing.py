"""Print what a QR code adds to rendering a certificate-like page, by drawing method.

Run: ``PYTHONPATH=. python tests/benchmarks/qr_drawing.py [pages]``.  Each variant
renders the same number of A4 landscape pages with a few lines of embedded-TTF text (the
"bare page"), then the same page with a 300-character QR code (level Q, version 12):
only encoded (zxing-cpp, not drawn), drawn by :func:`carceles_desktop.documents.qr.draw_qr`
(inline 1-bit image), as a vector path of horizontal runs, as a reportlab image XObject,
and with reportlab's own QR widget.  The best of several rounds is printed, since the
machines these run on are shared.
"""

from __future__ import annotations

import base64
import os
import re
import sys
import time
from collections.abc import Callable
from io import BytesIO

from PIL import Image
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from carceles_desktop.documents import fonts, qr

SIZE = 30 * mm
X, Y = 240 * mm, 20 * mm
_DARK_RUN = re.compile(rb"\x00+")

Draw = Callable[[Canvas, str], None]


def _texts(count: int) -> list[str]:
    return ["CP1" + base64.b32encode(os.urandom(181)).decode().rstrip("=") for _ in range(count)]


def _bare(canvas: Canvas, index: int) -> None:
    canvas.setFont(fonts.SERIF_BOLD, 36)
    canvas.drawCentredString(148 * mm, 170 * mm, "CERTIFICADO")
    canvas.setFont(fonts.SERIF, 22)
    canvas.drawCentredString(148 * mm, 130 * mm, f"María Ñahuincopa de la Cruz {index}")
    canvas.setFont(fonts.SANS, 11)
    for line in range(8):
        canvas.drawString(30 * mm, (100 - 8 * line) * mm, "por haber culminado la capacitación")


def _encode_only(canvas: Canvas, text: str) -> None:
    qr.qr_matrix(text)


def _inline_image(canvas: Canvas, text: str) -> None:
    qr.draw_qr(canvas, X, Y, SIZE, text)


def _vector_runs(canvas: Canvas, text: str) -> None:
    matrix = qr.qr_matrix(text)
    size = matrix.size
    module = SIZE / (size + 2 * qr.QUIET_ZONE)
    rows = b"\xff".join(matrix.modules[r * size : (r + 1) * size] for r in range(size))
    runs = [
        f"{start % (size + 1)} {size - 1 - start // (size + 1)} {end - start} 1 re"
        for start, end in (m.span() for m in _DARK_RUN.finditer(rows))
    ]
    canvas.saveState()
    canvas.setFillGray(1)
    canvas.rect(X, Y, SIZE, SIZE, stroke=0, fill=1)
    canvas.translate(X + qr.QUIET_ZONE * module, Y + qr.QUIET_ZONE * module)
    canvas.scale(module, module)
    canvas.setFillGray(0)
    canvas.addLiteral("\n".join([*runs, "f"]))
    canvas.restoreState()


def _image_xobject(canvas: Canvas, text: str) -> None:
    matrix = qr.qr_matrix(text)
    picture = Image.frombytes("L", (matrix.size, matrix.size), matrix.modules).convert("1")
    border = qr.QUIET_ZONE * SIZE / (matrix.size + 2 * qr.QUIET_ZONE)
    canvas.setFillGray(1)
    canvas.rect(X, Y, SIZE, SIZE, stroke=0, fill=1)
    inner = SIZE - 2 * border
    canvas.drawImage(ImageReader(picture), X + border, Y + border, inner, inner)


def _widget(canvas: Canvas, text: str) -> None:
    widget = QrCodeWidget(text, barLevel="Q")
    drawing = Drawing(SIZE, SIZE)
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, X, Y)


def _render(texts: list[str], draw: Draw | None) -> tuple[float, int]:
    out = BytesIO()
    canvas = Canvas(out, pagesize=landscape(A4))
    start = time.perf_counter()
    for index, text in enumerate(texts):
        _bare(canvas, index)
        if draw is not None:
            draw(canvas, text)
        canvas.showPage()
    canvas.save()
    return time.perf_counter() - start, len(out.getvalue())


def main() -> None:  # noqa: D103 - see the module docstring
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    fonts.register_fonts()
    texts = _texts(pages)
    _render(texts[:5], _inline_image)  # warm up fonts and caches
    variants: dict[str, Draw | None] = {
        "bare page": None,
        "encoded only": _encode_only,
        "inline image (draw_qr)": _inline_image,
        "vector runs": _vector_runs,
        "image XObject": _image_xobject,
    }
    best = dict.fromkeys(variants, float("inf"))
    sizes: dict[str, int] = {}
    for _ in range(5):
        for name, draw in variants.items():
            seconds, sizes[name] = _render(texts, draw)
            best[name] = min(best[name], seconds)
    # The widget is slow: 50 pages, scaled up.
    widget_seconds, widget_size = _render(texts[:50], _widget)
    best["reportlab QR widget"] = widget_seconds * pages / 50
    sizes["reportlab QR widget"] = widget_size * pages // 50
    base = best["bare page"]
    for name, seconds in best.items():
        print(
            f"{name:24} {seconds / pages * 1000:6.2f} ms/page  ×{seconds / base:5.1f}"
            f"  {sizes[name] / 1024:6.0f} KiB"
        )


if __name__ == "__main__":
    main()
