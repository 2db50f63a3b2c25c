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
from reportlab.platypus import Paragraph, Table

from carceles_desktop.documents import fonts
from carceles_desktop.documents.data import Signatory
from carceles_desktop.documents.text import markup

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
