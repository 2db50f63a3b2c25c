"""The delivery note (*nota de entrega*), A4 portrait.

Shaped like SUNAT's *guía de remisión remitente* so that clients recognise it: the
sender at the top left and a boxed number block at the top right (RUC, "NOTA DE
ENTREGA", number), then recipient, transfer, addresses, transport, the table of goods,
weight and packages, observations and the two signature boxes.  Every page repeats the
letterhead, the sender and number block, the table's headings, "Página N de M" and the
footer saying that the note is an internal document, not a SUNAT one.

The goods table is the bulk of a long note, so its cells are plain strings (wrapped by
hand when long) with computed heights: a :class:`Paragraph` per cell would cost several
times the whole table.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from carceles_desktop.documents import fonts
from carceles_desktop.documents.base import DocumentLayout, write_atomically
from carceles_desktop.documents.blocks import (
    GREY,
    HEADER_FILL,
    Field,
    FullWidth,
    field_box,
    signature_boxes,
)
from carceles_desktop.documents.delivery_note_data import (
    DeliveryAddress,
    DeliveryLine,
    DeliveryNoteData,
    DeliverySignature,
)
from carceles_desktop.documents.labels import DeliveryNote as Labels
from carceles_desktop.documents.text import (
    clean,
    fit_font_size,
    format_quantity,
    markup,
    numeric_date,
    wrap_text,
)
from carceles_desktop.domain.enums import TransportMode
from carceles_desktop.domain.rules.calendar import spanish_long_date

_MARK_RED = colors.Color(0.7, 0, 0)
# The last lines of goods stay on the page of the signatures: a signed page must show
# goods, not only totals.
_LINES_KEPT_WITH_SIGNATURES = 3


def render_delivery_note(data: DeliveryNoteData, *, copy: bool = False) -> bytes:
    """Render a delivery note.

    Args:
        data: the note's snapshot.
        copy: print it as a copy ("COPIA" by the number and across every page, unless
            the note is annulled or a draft, whose own word takes the diagonal).

    Returns:
        The PDF.

    Raises:
        FileNotFoundError: the letterhead's logo file is missing.
    """
    return DeliveryNoteLayout(data, copy=copy).render()


def write_delivery_note(data: DeliveryNoteData, path: Path, *, copy: bool = False) -> None:
    """Render the note and write it to ``path`` (replaced only once complete).

    Raises:
        FileNotFoundError: the letterhead's logo file is missing.
        OSError: the file cannot be written.
    """
    write_atomically(path, render_delivery_note(data, copy=copy))


class DeliveryNoteLayout(DocumentLayout):
    """Layout of the note; the number block and the table's columns are named below."""

    margin_left = 15 * mm
    margin_right = 15 * mm
    # The guía's letterhead: sender at the left, number block at the right, with room
    # under the block for its marks (COPIA, ANULADA, BORRADOR).
    letterhead_height = 30 * mm
    body_gap = 0.0
    logo_max_width = 22 * mm

    box_width: ClassVar[float] = 70 * mm
    box_height: ClassVar[float] = 24 * mm
    number_width: ClassVar[float] = 9 * mm
    code_width: ClassVar[float] = 26 * mm
    quantity_width: ClassVar[float] = 20 * mm
    unit_width: ClassVar[float] = 14 * mm
    batch_width: ClassVar[float] = 30 * mm
    font_size: ClassVar[float] = 8.0
    leading: ClassVar[float] = 9.6
    cell_padding: ClassVar[tuple[float, float]] = (2.0, 2.5)  # top, bottom
    signature_room: ClassVar[float] = 15 * mm

    def __init__(self, data: DeliveryNoteData, *, copy: bool = False) -> None:
        self.data = data
        self.copy = copy
        if data.number is None:
            self.number_text = Labels.DRAFT_NUMBER.format(series=data.series)
        else:
            self.number_text = data.number
        marks = [Labels.ANNULLED] if data.is_annulled else []
        marks += [Labels.DRAFT] if data.is_draft else []
        marks += [Labels.COPY] if copy else []
        self.marks = marks
        title = Labels.DOCUMENT_TITLE.format(number=self.number_text)
        super().__init__(
            data.header, title, subject=Labels.TITLE, watermark=marks[0] if marks else None
        )
        description = self.content_width - self.number_width - self.code_width
        description -= self.quantity_width + self.unit_width + self.batch_width
        self.col_widths = [
            self.number_width,
            self.code_width,
            description,
            self.quantity_width,
            self.unit_width,
            self.batch_width,
        ]

    # hooks ---------------------------------------------------------------------------

    def footer_text(self) -> str:
        """Tie loose pages to the note and say, on each, that it is not a SUNAT document."""
        return f"{self.number_text} · {Labels.FOOTER}"

    def story(self) -> list[Flowable]:
        """Return the blocks above the goods, then the goods table with its tail."""
        return [*self._parties(), self._goods_table()]

    # letterhead --------------------------------------------------------------------

    def _draw_letterhead(self, canvas: Canvas) -> None:
        """Draw the guía's letterhead instead of the centred one of the other documents.

        Clients know a dispatch document by this shape: who sends at the top left, the
        boxed RUC, title and number at the top right.  It repeats on every page.
        """
        top = self.page_height - self.margin_top
        self._draw_number_box(canvas, top)
        self._draw_sender(canvas, top)

    def _draw_number_box(self, canvas: Canvas, top: float) -> None:
        right = self.page_width - self.margin_right
        left = right - self.box_width
        bottom = top - self.box_height
        centre = left + self.box_width / 2
        inner = self.box_width - 6 * mm
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(1.2)
        canvas.roundRect(left, bottom, self.box_width, self.box_height, 2 * mm)
        band = bottom + self.box_height / 2 - 4 * mm
        canvas.setFillColor(HEADER_FILL)
        canvas.rect(left, band, self.box_width, 8 * mm, stroke=1, fill=1)
        canvas.setFillColor(colors.black)
        ruc = Labels.RUC.format(ruc=clean(self.data.sender.ruc))
        number = Labels.NUMBER.format(number=self.number_text)
        rows = (
            (ruc, fonts.SANS_BOLD, 10.0, top - 5.5 * mm),
            (Labels.TITLE, fonts.SANS_BOLD, 13.0, band + 2.6 * mm),
            (number, fonts.SANS_BOLD, 12.0, bottom + 2.5 * mm),
        )
        for text, font, size, y in rows:
            canvas.setFont(font, fit_font_size(text, font, size, inner, 7))
            canvas.drawCentredString(centre, y, text)
        if self.marks:
            mark = " · ".join(self.marks)
            canvas.setFillColor(_MARK_RED)
            canvas.setFont(fonts.SANS_BOLD, fit_font_size(mark, fonts.SANS_BOLD, 11, inner, 7))
            canvas.drawCentredString(centre, bottom - 4 * mm, mark)
            canvas.setFillColor(colors.black)

    def _draw_sender(self, canvas: Canvas, top: float) -> None:
        header, sender = self.header, self.data.sender
        x = self.margin_left
        width = self.content_width - self.box_width - 6 * mm
        logo = header.logo_path
        if logo is not None:
            height = self.box_height
            canvas.drawImage(
                str(logo),
                x,
                top - height,
                width=self.logo_max_width,
                height=height,
                preserveAspectRatio=True,
                anchor="w",
                mask="auto",
            )
            x += self.logo_max_width + 3 * mm
            width -= self.logo_max_width + 3 * mm
        lines = (
            (sender.institution, fonts.SANS_BOLD, 10.5),
            (header.regional_office, fonts.SANS, 8.5),
            (sender.establishment, fonts.SANS_BOLD, 9.5),
        )
        y = top - 4 * mm
        for text, font, size in lines:
            text = clean(text)
            canvas.setFont(font, fit_font_size(text, font, size, width, 6.5))
            canvas.drawString(x, y, text)
            y -= size + 3
        canvas.setFont(fonts.SANS, 8)
        canvas.setFillColor(GREY)
        for line in wrap_text(sender.address, fonts.SANS, 8, width)[:2]:
            canvas.drawString(x, y, line)
            y -= 10
        canvas.setFillColor(colors.black)

    # blocks above the goods ----------------------------------------------------------

    def _parties(self) -> list[Flowable]:
        recipient = self.data.recipient
        id_type = Labels.CODE_AND_NAME.format(
            code=recipient.id_type_code, name=recipient.id_type_name
        )
        parties = field_box(
            Labels.RECIPIENT,
            [
                [
                    (Labels.ID_TYPE, id_type),
                    (Labels.ID_NUMBER, recipient.id_number),
                    (Labels.RECIPIENT_NAME, recipient.name),
                ]
            ],
            [38 * mm, 32 * mm, self.content_width - 70 * mm],
        )
        return [
            self._transfer_box(),
            _gap(),
            parties,
            _gap(),
            self._addresses(),
            _gap(),
            self._transport_box(),
            _gap(),
        ]

    def _transfer_box(self) -> Table:
        """Dates, reason and related documents: what SUNAT calls the transfer's data."""
        data = self.data
        reason = data.reason
        related = [
            Labels.RELATED_ORDER.format(number=data.related_order) if data.related_order else "",
            Labels.RELATED_AGREEMENT.format(number=data.related_agreement)
            if data.related_agreement
            else "",
        ]
        rows: list[list[Field]] = [
            [
                (Labels.ISSUE_DATE, numeric_date(data.issue_date)),
                (Labels.TRANSFER_START, numeric_date(data.transfer_start_date)),
                (Labels.REASON, Labels.CODE_AND_NAME.format(code=reason.code, name=reason.text)),
                (Labels.RELATED, " · ".join(r for r in related if r) or Labels.NONE),
            ]
        ]
        if reason.detail:
            rows.append([(Labels.REASON_DETAIL, reason.detail), None, None, None])
        widths = [30 * mm, 38 * mm, 52 * mm, self.content_width - 120 * mm]
        return field_box(Labels.TRANSFER, rows, widths)

    def _addresses(self) -> Table:
        half = (self.content_width - 4 * mm) / 2
        boxes = [
            _address_box(Labels.DEPARTURE, self.data.departure, half),
            "",
            _address_box(Labels.ARRIVAL, self.data.arrival, half),
        ]
        table = Table([boxes], colWidths=[half, 4 * mm, half])
        table.setStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.SANS, 8),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
        return table

    def _transport_box(self) -> Table:
        transport = self.data.transport
        width = self.content_width
        row: list[Field]
        if transport.mode is TransportMode.PUBLIC:
            row = [
                (Labels.TRANSPORT_MODE, Labels.PUBLIC),
                (Labels.CARRIER_RUC, transport.carrier_ruc or ""),
                (Labels.CARRIER_NAME, transport.carrier_name or ""),
            ]
            widths = [45 * mm, 35 * mm, width - 80 * mm]
        else:
            row = [
                (Labels.TRANSPORT_MODE, Labels.PRIVATE),
                (Labels.PLATE, transport.vehicle_plate or ""),
                (Labels.DRIVER, transport.driver_name or ""),
                (Labels.LICENCE, transport.driver_licence or ""),
            ]
            widths = [45 * mm, 28 * mm, width - 113 * mm, 40 * mm]
        return field_box(Labels.TRANSPORT, [row], widths)

    # the goods -----------------------------------------------------------------------

    def _goods_table(self) -> Table:
        head = [
            Labels.LINE_NUMBER,
            Labels.CODE,
            Labels.DESCRIPTION,
            Labels.QUANTITY,
            Labels.UNIT,
            Labels.BATCH,
        ]
        # The title is a plain string in the first cell, drawn across the row, and each
        # block after the goods a FullWidth flowable: no SPAN at all, since one SPAN
        # makes reportlab map all 1,200 cells again at every page split (15 % of the
        # note's time for 200 lines).  See FullWidth.
        rows: list[list[Any]] = [[Labels.GOODS, *[""] * 5], head]
        heights: list[float | None] = [5 * mm, 5 * mm]
        for line in self.data.lines:
            cells, count = self._line_cells(line)
            rows.append(cells)
            heights.append(count * self.leading + sum(self.cell_padding))
        if not self.data.lines:
            rows.append(["", "", Labels.NO_LINES, "", "", ""])
            heights.append(self.leading + sum(self.cell_padding))
        last_line = len(rows) - 1
        tail = self._tail()
        rows += [[FullWidth(block, self.content_width), *[""] * 5] for block in tail]
        heights += [None] * len(tail)
        table = Table(rows, colWidths=self.col_widths, rowHeights=heights, repeatRows=2)
        table.setStyle(self._goods_style(last_line, len(rows)))
        return table

    def _line_cells(self, line: DeliveryLine) -> tuple[list[str], int]:
        """Return a line's cells, long texts broken into lines, and its line count."""
        font, size = fonts.CONDENSED, self.font_size
        room = [width - 4 for width in self.col_widths]  # 2 pt padding each side
        code = wrap_text(line.code, font, size, room[1])
        description = wrap_text(line.description, font, size, room[2])
        batch = wrap_text(line.batch_code or "", font, size, room[5])
        cells = [
            str(line.number),
            "\n".join(code),
            "\n".join(description),
            format_quantity(line.quantity),
            clean(line.unit_code),
            "\n".join(batch),
        ]
        return cells, max(len(code), len(description), len(batch))

    def _goods_style(self, last_line: int, row_count: int) -> list[tuple[Any, ...]]:
        end = (-1, last_line)
        top, bottom = self.cell_padding
        commands: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, -1), fonts.CONDENSED, self.font_size, self.leading),
            ("FONT", (0, 0), (-1, 1), fonts.SANS_BOLD, 7.5),
            ("BACKGROUND", (0, 0), (-1, 1), HEADER_FILL),
            ("ALIGN", (0, 1), (-1, 1), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, 0), 4),
            ("GRID", (0, 1), end, 0.35, GREY),
            ("BOX", (0, 0), end, 0.8, GREY),
            ("LINEBELOW", (0, 0), (-1, 0), 0.35, GREY),
            ("VALIGN", (0, 0), (-1, 1), "MIDDLE"),
            ("VALIGN", (0, 2), end, "TOP"),
            ("ALIGN", (0, 2), (0, last_line), "CENTER"),
            ("ALIGN", (3, 2), (3, last_line), "RIGHT"),
            ("ALIGN", (4, 2), (4, last_line), "CENTER"),
            ("LEFTPADDING", (0, 1), end, 2),
            ("RIGHTPADDING", (0, 1), end, 2),
            ("TOPPADDING", (0, 2), end, top),
            ("BOTTOMPADDING", (0, 2), end, bottom),
        ]
        first_tail = last_line + 1
        commands += [
            ("LEFTPADDING", (0, first_tail), (-1, -1), 0),
            ("RIGHTPADDING", (0, first_tail), (-1, -1), 0),
            ("TOPPADDING", (0, first_tail), (-1, -1), 2.5 * mm),
            ("BOTTOMPADDING", (0, first_tail), (-1, -1), 0),
            ("NOSPLIT", (0, max(2, first_tail - _LINES_KEPT_WITH_SIGNATURES)), (-1, -1)),
        ]
        return commands

    # after the goods -----------------------------------------------------------------

    def _tail(self) -> list[Flowable]:
        """Units legend, weight and packages, observations and signatures."""
        data = self.data
        blocks: list[Flowable] = []
        legend = self._units_legend()
        if legend:
            blocks.append(Paragraph(legend, self.styles.note))
        half = self.content_width / 2
        totals: list[Field] = [
            (Labels.WEIGHT, format_quantity(data.gross_weight_kg, 3)),
            (Labels.PACKAGES, str(data.packages)),
        ]
        blocks.append(field_box(None, [totals], [half, half]))
        notes: list[list[Field]] = [[("", data.observations or Labels.NONE)]]
        if data.is_annulled and data.annulled_on:
            reason = f": {data.annul_reason}" if data.annul_reason else ""
            annulled = Labels.ANNULLED_NOTE.format(
                date=spanish_long_date(data.annulled_on), reason=reason
            )
            notes.append([("", annulled)])
        blocks.append(field_box(Labels.OBSERVATIONS, notes, [self.content_width]))
        signers = (
            (Labels.DISPATCHED_BY, _signer_rows(data.dispatched_by)),
            (Labels.RECEIVED_BY, _signer_rows(data.received_by)),
        )
        blocks.append(
            signature_boxes(
                signers, self.content_width, caption=Labels.SIGNATURE, room=self.signature_room
            )
        )
        return blocks

    def _units_legend(self) -> str:
        names: dict[str, str] = {}
        for line in self.data.lines:
            if line.unit_name:
                names.setdefault(clean(line.unit_code), clean(line.unit_name))
        items = [Labels.UNIT_ITEM.format(code=code, name=name) for code, name in names.items()]
        return markup(Labels.UNITS_LEGEND.format(units="; ".join(items))) if items else ""


def _gap() -> Flowable:
    return Spacer(0, 2 * mm)


def _address_box(title: str, address: DeliveryAddress, width: float) -> Table:
    ubigeo = address.ubigeo
    if address.place:
        ubigeo = f"{ubigeo} – {address.place}"
    rows: list[list[Field]] = [[(Labels.ADDRESS, address.address)], [(Labels.UBIGEO, ubigeo)]]
    return field_box(title, rows, [width])


def _signer_rows(signer: DeliverySignature) -> list[str]:
    """The name, document and date under a signature line; blanks are for handwriting."""
    on = numeric_date(signer.on) if signer.on else ""
    return [
        f"{Labels.SIGNER_NAME}: {clean(signer.name or '')}",
        f"{Labels.SIGNER_DOCUMENT}: {clean(signer.document or '')}",
        f"{Labels.SIGNER_DATE}: {on}",
    ]
