"""Styles and small flowables shared by the documents (tables, signature lines)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table

from carceles_desktop.documents import fonts
from carceles_desktop.documents.data import Signatory
from carceles_desktop.documents.text import Run, cached_width, markup

GREY = colors.Color(0.35, 0.35, 0.35)
SHADE = colors.Color(0.86, 0.86, 0.86)
HEADER_FILL = colors.Color(0.93, 0.93, 0.93)


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of the documents, built once with the embedded fonts."""

    body: ParagraphStyle
    small: ParagraphStyle
    note: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    banner: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    signature: ParagraphStyle


@cache
def styles() -> Styles:
    """Return the shared paragraph styles (registering the fonts first)."""
    fonts.register_fonts()
    body = ParagraphStyle("body", fontName=fonts.SANS, fontSize=9.5, leading=12.5)
    return Styles(
        body=body,
        small=ParagraphStyle("small", body, fontSize=8, leading=10),
        note=ParagraphStyle("note", body, fontSize=7.5, leading=9.5, textColor=GREY),
        title=ParagraphStyle(
            "title", body, fontName=fonts.SANS_BOLD, fontSize=14, leading=17, alignment=TA_CENTER
        ),
        heading=ParagraphStyle(
            "heading", body, fontName=fonts.SANS_BOLD, fontSize=10, leading=13, spaceBefore=4
        ),
        banner=ParagraphStyle(
            "banner",
            body,
            fontName=fonts.SANS_BOLD,
            fontSize=11,
            leading=14,
            alignment=TA_CENTER,
            textColor=colors.Color(0.6, 0, 0),
        ),
        cell=ParagraphStyle("cell", body, fontName=fonts.CONDENSED, fontSize=7.5, leading=8.5),
        cell_bold=ParagraphStyle(
            "cell_bold", body, fontName=fonts.CONDENSED_BOLD, fontSize=7.5, leading=8.5
        ),
        signature=ParagraphStyle("signature", body, fontSize=8, leading=10, alignment=TA_CENTER),
    )


def grid_style(header_rows: int = 1, font_size: float = 8) -> list[tuple[Any, ...]]:
    """Return table style commands for a ruled table whose first rows are headings."""
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), fonts.CONDENSED, font_size),
        ("GRID", (0, 0), (-1, -1), 0.4, GREY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if header_rows:
        last = header_rows - 1
        commands += [
            ("FONT", (0, 0), (-1, last), fonts.CONDENSED_BOLD, font_size),
            ("BACKGROUND", (0, 0), (-1, last), HEADER_FILL),
            ("ALIGN", (0, 0), (-1, last), "CENTER"),
        ]
    return commands


# --- small flowables ------------------------------------------------------------------


def key_value_table(pairs: Sequence[tuple[str, str]], width: float, key_width: float) -> Table:
    """Lay out labelled values ("Establecimiento: E.P. de Lurigancho") in two columns."""
    style = styles()
    # Same leading as the values, so that each label sits on its value's first baseline.
    key_style = ParagraphStyle("key", style.body, fontName=fonts.SANS_BOLD, fontSize=8.5)
    rows = [
        [Paragraph(markup(key), key_style), Paragraph(markup(value), style.body)]
        for key, value in pairs
    ]
    table = Table(rows, colWidths=[key_width, width - key_width])
    table.setStyle(
        [
            # Every table names its font: reportlab's default for a cell is Helvetica,
            # which is not embedded, and even an empty cell would pull it in.
            ("FONT", (0, 0), (-1, -1), fonts.SANS, 8),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]
    )
    return table


def signature_block(
    signers: Sequence[tuple[str, Signatory]], width: float, room: float = 20 * mm
) -> Table:
    """Lay out signature lines side by side, each with name, title and role under it.

    Args:
        signers: (role printed under the line, who signs) in the order printed.
        width: the width to spread the lines over.
        room: height left above each line for the handwritten signature and the seal.
    """
    style = styles()
    gap = 8 * mm
    line_width = (width - gap * (len(signers) - 1)) / len(signers)
    texts = []
    for role, person in signers:
        lines = [f"<b>{markup(person.name)}</b>"] if person.name else []
        lines += [markup(person.title)] if person.title else []
        lines.append(markup(role))
        texts.append(Paragraph("<br/>".join(lines), style.signature))
    cells: list[Any] = []
    widths: list[float] = []
    for index, text in enumerate(texts):
        if index:
            cells.append("")
            widths.append(gap)
        cells.append(text)
        widths.append(line_width)
    table = Table([[""] * len(cells), cells], colWidths=widths, rowHeights=[room, None])
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), fonts.SANS, 8),
        ("VALIGN", (0, 1), (-1, 1), "TOP"),
    ]
    commands += [("LINEABOVE", (c, 1), (c, 1), 0.6, colors.black) for c in range(0, len(cells), 2)]
    table.setStyle(commands)
    return table


#: A labelled value in a :func:`field_box`; ``None`` widens the field at its left.
Field = tuple[str, str] | None


@cache
def _field_style() -> ParagraphStyle:
    return ParagraphStyle("field", styles().body, fontSize=8.5, leading=10.5)


def field_cell(label: str, value: str) -> Paragraph:
    """Return a form field: its label small and grey above its value (no label: value only)."""
    if not label:
        return Paragraph(markup(value), _field_style())
    head = f'<font size="6.5" color="#595959">{markup(label)}</font>'
    return Paragraph(f"{head}<br/>{markup(value)}", _field_style())


def field_box(title: str | None, rows: Sequence[Sequence[Field]], widths: Sequence[float]) -> Table:
    """Lay labelled fields out in a ruled box, as on a printed form.

    Args:
        title: a shaded heading across the box (``"DESTINATARIO"``); ``None`` for none.
        rows: each row has one item per column: ``(label, value)``, or ``None`` to
            widen the field at its left over that column.
        widths: the columns' widths.
    """
    cells: list[list[Any]] = [[title, *[""] * (len(widths) - 1)]] if title else []
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), fonts.SANS_BOLD, 7.5),
        ("BOX", (0, 0), (-1, -1), 0.8, GREY),
        ("INNERGRID", (0, 0), (-1, -1), 0.35, GREY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if title:
        commands += [("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)]
    for items in rows:
        row = len(cells)
        line: list[Any] = []
        start = 0
        for col, item in enumerate(items):
            if item is None:
                line.append("")
                continue
            if col - start > 1:
                commands.append(("SPAN", (start, row), (col - 1, row)))
            start = col
            line.append(field_cell(*item))
        if len(items) - start > 1:
            commands.append(("SPAN", (start, row), (len(items) - 1, row)))
        cells.append(line)
    table = Table(cells, colWidths=list(widths))
    table.setStyle(commands)
    return table


def signature_boxes(
    boxes: Sequence[tuple[str, Sequence[str]]],
    width: float,
    *,
    caption: str,
    room: float = 15 * mm,
) -> Table:
    """Lay out boxed signatures side by side, as on a dispatch note.

    Each box has its title on a shaded band, room for the signature above a line with
    ``caption`` ("Firma") under it, then its lines ("Nombre: …"), ruled for handwriting.

    Args:
        boxes: (title, lines) per box; every box has the same number of lines.
        width: the width to spread the boxes over.
        caption: printed small under each signature line.
        room: height left for the handwritten signature.
    """
    gap = 6 * mm
    box_width = (width - gap * (len(boxes) - 1)) / len(boxes)
    columns = range(0, 2 * len(boxes) - 1, 2)
    line_count = len(boxes[0][1])
    grid: list[list[Any]] = [[] for _ in range(3 + line_count)]
    widths: list[float] = []
    for index, (title, lines) in enumerate(boxes):
        if index:
            for row in grid:
                row.append("")
            widths.append(gap)
        for row, value in zip(grid, [title, "", caption, *lines], strict=True):
            row.append(value)
        widths.append(box_width)
    heights = [5 * mm, room, 4 * mm, *[5 * mm] * line_count]
    table = Table(grid, colWidths=widths, rowHeights=heights)
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, 0), fonts.SANS_BOLD, 7.5),
        ("FONT", (0, 1), (-1, -1), fonts.SANS, 8),
        ("FONT", (0, 2), (-1, 2), fonts.SANS, 6.5),
        ("TEXTCOLOR", (0, 2), (-1, 2), GREY),
        ("ALIGN", (0, 2), (-1, 2), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
    ]
    for col in columns:
        commands += [
            ("BOX", (col, 0), (col, -1), 0.8, GREY),
            ("BACKGROUND", (col, 0), (col, 0), HEADER_FILL),
            ("LINEBELOW", (col, 0), (col, 0), 0.35, GREY),
            ("LINEBELOW", (col, 1), (col, 1), 0.6, colors.black),
            ("LINEBELOW", (col, 3), (col, -2), 0.25, GREY),
        ]
    table.setStyle(commands)
    return table


class FullWidth(Flowable):
    """A block laid out at a table's full width from inside the table's first cell.

    The cell tells the block it has the first column's width; the block takes ``width``
    instead and draws over the empty cells at its right.  That is what a SPAN across
    the row would do, without its cost: one SPAN makes reportlab map every cell of the
    table again at each page split, which for a long table is most of its layout time.
    """

    def __init__(self, block: Flowable, width: float) -> None:
        super().__init__()
        self.block = block
        self.full_width = width

    def wrap(self, _available_width: float, available_height: float) -> tuple[float, float]:
        """Measure the block at the full width; claim no width from the cell."""
        _width, height = self.block.wrap(self.full_width, available_height)
        self.height = height
        return 0.0, height

    def draw(self) -> None:
        """Draw the block from the cell's corner."""
        self.block.drawOn(self.canv, 0, 0)


# --- canvas drawing -------------------------------------------------------------------


def draw_centred_runs(
    canvas: Canvas,
    lines: Sequence[tuple[Sequence[Run], float]],
    centre: float,
    y: float,
    size: float,
    leading: float,
) -> None:
    """Draw lines of styled runs (from :func:`.text.wrap_runs`), each centred on ``centre``.

    One text object for all the lines: far cheaper than a :class:`Paragraph` per page.
    """
    text = canvas.beginText()
    for runs, width in lines:
        text.setTextOrigin(centre - width / 2, y)
        for piece, font in runs:
            text.setFont(font, size)
            text.textOut(piece)
        y -= leading
    canvas.drawText(text)


def draw_spaced(
    canvas: Canvas, text: str, font: str, size: float, spacing: float, centre: float, y: float
) -> None:
    """Draw letter-spaced capitals centred on ``centre`` (a certificate's title).

    The spacing after the last letter is left out of the width, so the word stays centred.
    """
    width = cached_width(text, font, size) + spacing * (len(text) - 1)
    line = canvas.beginText(centre - width / 2, y)
    line.setFont(font, size)
    line.setCharSpace(spacing)
    line.textOut(text)
    canvas.drawText(line)


def draw_diamond(canvas: Canvas, x: float, y: float, half: float) -> None:
    """Fill a small diamond centred on ``(x, y)`` in the current fill colour (an ornament)."""
    path = canvas.beginPath()
    path.moveTo(x - half, y)
    path.lineTo(x, y + half)
    path.lineTo(x + half, y)
    path.lineTo(x, y - half)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)
