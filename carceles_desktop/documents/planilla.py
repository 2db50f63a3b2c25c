"""The monthly attendance sheet (*planilla de control laboral*), A4 landscape.

One row per trainee, one narrow column per day with the hours worked, the totals at the
right, and the legend and three signature lines after the last row.  Long workshops run
over several pages; each repeats the letterhead, the sheet's heading and the table's
column headings, and counts "Página N de M".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table

from carceles_desktop.documents import fonts
from carceles_desktop.documents.base import A4_LANDSCAPE, DocumentLayout, write_atomically
from carceles_desktop.documents.blocks import GREY, HEADER_FILL, SHADE, signature_block
from carceles_desktop.documents.labels import Planilla as Labels
from carceles_desktop.documents.planilla_data import DayEntry, PlanillaData, PlanillaRow
from carceles_desktop.documents.text import (
    clean,
    document_text,
    fit_font_size,
    format_hours,
    markup,
    place_and_date,
)
from carceles_desktop.domain.enums import AttendanceStatus
from carceles_desktop.domain.rules.calendar import WEEKDAY_INITIALS_ES, spanish_month_year

_HEAD_ROWS = 2
# The last trainees stay on the page of the legend and signatures, so that the signed
# page is never one without any row of the sheet.
_ROWS_KEPT_WITH_SIGNATURES = 3
_MARKS = {AttendanceStatus.FALTA: Labels.ABSENT, AttendanceStatus.JUSTIFICADA: Labels.JUSTIFIED}


def render_planilla(data: PlanillaData, *, watermark: str | None = None) -> bytes:
    """Render a workshop's monthly attendance sheet.

    Args:
        data: the sheet's snapshot, totals included.
        watermark: a word across every page (e.g. ``"COPIA"``); ``None`` for none.

    Returns:
        The PDF.

    Raises:
        FileNotFoundError: the letterhead's logo file is missing.
    """
    return PlanillaLayout(data, watermark=watermark).render()


def write_planilla(data: PlanillaData, path: Path, *, watermark: str | None = None) -> None:
    """Render the sheet and write it to ``path`` (replaced only once complete).

    Raises:
        FileNotFoundError: the letterhead's logo file is missing.
        OSError: the file cannot be written.
    """
    write_atomically(path, render_planilla(data, watermark=watermark))


class PlanillaLayout(DocumentLayout):
    """Layout of the sheet; column widths and row heights are named below."""

    pagesize = A4_LANDSCAPE
    margin_left = 10 * mm
    margin_right = 10 * mm
    margin_top = 8 * mm
    margin_bottom = 7 * mm
    letterhead_height = 17 * mm
    heading_height = 13 * mm
    body_gap = 0.0  # the heading leaves its own gap
    footer_height = 7 * mm

    number_width: ClassVar[float] = 7 * mm
    document_width: ClassVar[float] = 24 * mm
    day_width: ClassVar[float] = 5.5 * mm
    valid_days_width: ClassVar[float] = 10 * mm
    hours_width: ClassVar[float] = 11 * mm
    head_row_heights: ClassVar[tuple[float, float]] = (4.6 * mm, 4 * mm)
    row_height: ClassVar[float] = 4.6 * mm
    font_size: ClassVar[float] = 7.0
    smallest_font_size: ClassVar[float] = 4.5
    cell_padding: ClassVar[float] = 0.8

    def __init__(self, data: PlanillaData, *, watermark: str | None = None) -> None:
        self.data = data
        self.month_text = spanish_month_year(data.year, data.month)
        title = Labels.DOCUMENT_TITLE.format(code=data.workshop_code, month=self.month_text)
        super().__init__(data.header, title, subject=Labels.TITLE, watermark=watermark)
        fixed = self.number_width + self.document_width + self.valid_days_width
        fixed += self.hours_width + self.day_width * len(data.days)
        self.name_width = self.content_width - fixed
        self.col_widths = [self.number_width, self.name_width, self.document_width]
        self.col_widths += [self.day_width] * len(data.days)
        self.col_widths += [self.valid_days_width, self.hours_width]
        self.first_day_col = 3
        self.valid_days_col = self.first_day_col + len(data.days)

    # hooks ---------------------------------------------------------------------------

    def draw_heading(self, canvas: Canvas, top: float) -> None:
        """Draw the sheet's title and the workshop and month, on every page."""
        centre = self.page_width / 2
        canvas.setFont(fonts.SANS_BOLD, 13)
        canvas.drawCentredString(centre, top - 5.5 * mm, Labels.TITLE)
        data = self.data
        pairs = (
            (Labels.WORKSHOP, f"{data.workshop_code} — {data.workshop_name}"),
            (Labels.TRADE, data.trade),
            (Labels.MONTH, self.month_text),
        )
        _draw_labelled_line(canvas, centre, top - 10.5 * mm, pairs, 9, self.content_width)

    def story(self) -> list[Flowable]:
        """Return the table: headings, one row per trainee, legend and signatures."""
        commands: list[tuple[Any, ...]] = []
        rows: list[list[Any]] = self._head_rows(commands)
        heights: list[float | None] = list(self.head_row_heights)
        for row in self.data.rows:
            cells, wrapped = self._trainee_row(row, len(rows), commands)
            rows.append(cells)
            heights.append(None if wrapped else self.row_height)
        last_data_row = len(rows) - 1
        rows += self._tail_rows()
        heights += [None] * (len(rows) - len(heights))
        table = Table(rows, colWidths=self.col_widths, rowHeights=heights, repeatRows=_HEAD_ROWS)
        table.setStyle(self._table_style(last_data_row, len(rows)) + commands)
        return [table]

    # table parts ---------------------------------------------------------------------

    def _head_rows(self, commands: list[tuple[Any, ...]]) -> list[list[Any]]:
        days = self.data.days
        numbers: list[Any] = [Labels.NUMBER, Labels.NAME, Labels.DOCUMENT]
        numbers += [str(day.on.day) for day in days] + [Labels.VALID_DAYS, Labels.HOURS]
        initials: list[Any] = ["", "", ""] + [WEEKDAY_INITIALS_ES[d.on.weekday()] for d in days]
        initials += ["", ""]
        for col in (0, 1, 2, self.valid_days_col, self.valid_days_col + 1):
            commands.append(("SPAN", (col, 0), (col, 1)))
        commands.append(("FONT", (self.valid_days_col, 0), (-1, 0), fonts.CONDENSED_BOLD, 6.5))
        return [numbers, initials]

    def _trainee_row(
        self, row: PlanillaRow, index: int, commands: list[tuple[Any, ...]]
    ) -> tuple[list[Any], bool]:
        name, wrapped_name = self._fitted(row.full_name, 1, index, commands)
        document, wrapped_document = self._fitted(document_text(row.document), 2, index, commands)
        cells: list[Any] = [str(row.number), name, document]
        for offset, entry in enumerate(row.entries):
            cells.append(self._day_cell(entry, self.first_day_col + offset, index, commands))
        cells += [str(row.valid_days), format_hours(row.hours)]
        return cells, wrapped_name or wrapped_document

    def _fitted(
        self, text: str, col: int, row: int, commands: list[tuple[Any, ...]]
    ) -> tuple[Any, bool]:
        """Shrink a text to its column; wrap it (a taller row) only when even that fails."""
        text = clean(text)
        room = self.col_widths[col] - 2 * self.cell_padding
        size = fit_font_size(text, fonts.CONDENSED, self.font_size, room, 5.5)
        if stringWidth(text, fonts.CONDENSED, size) > room:
            return Paragraph(markup(text), self.styles.cell), True
        if size < self.font_size:
            commands.append(("FONT", (col, row), (col, row), fonts.CONDENSED, size, size * 1.2))
        return text, False

    def _day_cell(
        self, entry: DayEntry | None, col: int, row: int, commands: list[tuple[Any, ...]]
    ) -> str:
        if entry is None:
            return ""
        if entry.status is not AttendanceStatus.PRESENTE:
            commands.append(("FONTNAME", (col, row), (col, row), fonts.CONDENSED_BOLD))
            return _MARKS[entry.status]
        text = format_hours(entry.hours)
        font = fonts.CONDENSED
        if entry.hours < self.data.minimum_valid_hours:
            # Shown, since the hours were worked, but visibly not a valid day.
            font = fonts.SANS_ITALIC
            commands.append(("FONTNAME", (col, row), (col, row), font))
            commands.append(("TEXTCOLOR", (col, row), (col, row), GREY))
        room = self.day_width - 2 * self.cell_padding
        size = fit_font_size(text, font, self.font_size, room, self.smallest_font_size)
        if size < self.font_size:
            commands.append(("FONT", (col, row), (col, row), font, size, size * 1.2))
        return text

    def _tail_rows(self) -> list[list[Any]]:
        """Legend, place and date, signatures: full-width rows after the trainees."""
        data = self.data
        notes = [
            Labels.LEGEND,
            Labels.VALID_DAY_NOTE.format(hours=format_hours(data.minimum_valid_hours)),
        ]
        holidays = [
            Labels.HOLIDAY_ITEM.format(day=day.on.day, name=markup(day.holiday))
            for day in data.days
            if day.holiday
        ]
        if holidays:
            notes.append(Labels.HOLIDAYS.format(holidays="; ".join(holidays)))
        legend = Paragraph(" ".join(notes), self.styles.note)
        date_style = ParagraphStyle("place_date", self.styles.small, alignment=TA_RIGHT)
        dated = Paragraph(markup(place_and_date(data.place, data.printed_on)), date_style)
        people = data.signatories
        signatures = signature_block(
            (
                (Labels.SIGN_SUPERVISOR, people.supervisor),
                (Labels.SIGN_WORK_HEAD, people.work_head),
                (Labels.SIGN_DIRECTOR, people.director),
            ),
            self.content_width - 30 * mm,
        )
        blank = [""] * (len(self.col_widths) - 1)
        return [[legend, *blank], [dated, *blank], [signatures, *blank]]

    def _table_style(self, last_data_row: int, row_count: int) -> list[tuple[Any, ...]]:
        body_end = (-1, last_data_row)
        totals = (self.valid_days_col, _HEAD_ROWS)
        commands: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, -1), fonts.CONDENSED, self.font_size),
            ("GRID", (0, 0), body_end, 0.35, GREY),
            ("BOX", (0, 0), body_end, 0.8, GREY),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (0, 0), body_end, "CENTER"),
            ("ALIGN", (1, _HEAD_ROWS), (2, last_data_row), "LEFT"),
            ("LEFTPADDING", (0, 0), body_end, self.cell_padding),
            ("RIGHTPADDING", (0, 0), body_end, self.cell_padding),
            ("TOPPADDING", (0, 0), body_end, 0.5),
            ("BOTTOMPADDING", (0, 0), body_end, 1.2),
            ("FONT", (0, 0), (-1, 1), fonts.CONDENSED_BOLD, self.font_size),
            ("BACKGROUND", (0, 0), (-1, 1), HEADER_FILL),
            ("FONT", totals, body_end, fonts.CONDENSED_BOLD, self.font_size),
            (
                "LINEBEFORE",
                (self.valid_days_col, 0),
                (self.valid_days_col, last_data_row),
                0.8,
                GREY,
            ),
        ]
        for offset, day in enumerate(self.data.days):
            if day.is_rest_day:
                col = self.first_day_col + offset
                commands.append(("BACKGROUND", (col, 0), (col, last_data_row), SHADE))
        first_tail = last_data_row + 1
        for row in range(first_tail, row_count):
            commands.append(("SPAN", (0, row), (-1, row)))
        commands += [
            ("TOPPADDING", (0, first_tail), (-1, -1), 5),
            ("LEFTPADDING", (0, first_tail), (-1, -1), 0),
            ("ALIGN", (0, row_count - 1), (-1, -1), "CENTER"),
            ("NOSPLIT", (0, max(_HEAD_ROWS, first_tail - _ROWS_KEPT_WITH_SIGNATURES)), (-1, -1)),
        ]
        return commands


def _draw_labelled_line(
    canvas: Canvas,
    centre: float,
    y: float,
    pairs: tuple[tuple[str, str], ...],
    size: float,
    width: float,
) -> None:
    """Draw "Label: value" pairs on one centred line, shrinking it to ``width`` if needed."""
    gap = "      "
    parts: list[tuple[str, str]] = []
    for index, (label, value) in enumerate(pairs):
        parts.append((f"{gap if index else ''}{label}: ", fonts.SANS_BOLD))
        parts.append((clean(value), fonts.SANS))
    natural = sum(stringWidth(text, font, size) for text, font in parts)
    if natural > width:
        size = size * width / natural
        natural = width
    x = centre - natural / 2
    for text, font in parts:
        canvas.setFont(font, size)
        canvas.drawString(x, y, text)
        x += stringWidth(text, font, size)
