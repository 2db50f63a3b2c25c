"""The workshop's monthly report (*informe mensual del taller*), A4 portrait.

Four sections under the letterhead and the workshop's particulars: the trainees'
month (days, valid days, hours, with totals), the production batches that had work in
the month, the delivery notes issued with the workshop's goods, and the month's pay
split 70/20/10; then place, date and the signatures of the workshop's supervisor and
the head of work.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from carceles_desktop.documents import fonts
from carceles_desktop.documents.base import DocumentLayout, write_atomically
from carceles_desktop.documents.blocks import grid_style, key_value_table, signature_block
from carceles_desktop.documents.labels import WorkshopReport as Labels
from carceles_desktop.documents.text import (
    document_text,
    format_hours,
    format_quantity,
    markup,
    numeric_date,
    place_and_date,
)
from carceles_desktop.documents.workshop_report_data import WorkshopReportData
from carceles_desktop.domain.rules.calendar import spanish_month_year


def render_workshop_report(data: WorkshopReportData, *, watermark: str | None = None) -> bytes:
    """Render a workshop's monthly report.

    Raises:
        FileNotFoundError: the letterhead's logo file is missing.
    """
    return WorkshopReportLayout(data, watermark=watermark).render()


def write_workshop_report(
    data: WorkshopReportData, path: Path, *, watermark: str | None = None
) -> None:
    """Render the report and write it to ``path`` (replaced only once complete).

    Raises:
        FileNotFoundError: the letterhead's logo file is missing.
        OSError: the file cannot be written.
    """
    write_atomically(path, render_workshop_report(data, watermark=watermark))


class WorkshopReportLayout(DocumentLayout):
    """Layout of the report: a column of blocks, top to bottom."""

    key_width = 38 * mm
    trainee_widths = (9 * mm, 62 * mm, 36 * mm, 23 * mm, 15 * mm, 15 * mm, 14 * mm)
    batch_widths = (37 * mm, 45 * mm, 18 * mm, 19 * mm, 19 * mm, 18 * mm, 18 * mm)
    delivery_widths = (27 * mm, 18 * mm, 50 * mm, 55 * mm, 24 * mm)
    pay_widths = (80 * mm, 40 * mm)

    def __init__(self, data: WorkshopReportData, *, watermark: str | None = None) -> None:
        self.data = data
        month = spanish_month_year(data.year, data.month)
        title = Labels.DOCUMENT_TITLE.format(code=data.workshop_code, month=month)
        super().__init__(data.header, title, subject=Labels.TITLE, watermark=watermark)

    def footer_text(self) -> str:
        """Say on every page which workshop and month the page belongs to."""
        month = spanish_month_year(self.data.year, self.data.month)
        return f"{Labels.TITLE} · {self.data.workshop_code} · {month}"

    def story(self) -> list[Flowable]:
        """Return the blocks of the report in reading order."""
        style = self.styles
        return [
            Paragraph(Labels.TITLE, style.title),
            Spacer(0, 4 * mm),
            key_value_table(self._workshop_pairs(), self.content_width, self.key_width),
            Paragraph(Labels.TRAINEES_HEADING, style.heading),
            Spacer(0, 1.5 * mm),
            self._trainees_table(),
            Spacer(0, 1 * mm),
            Paragraph(
                Labels.VALID_DAY_NOTE.format(hours=format_hours(self.data.minimum_valid_hours)),
                style.note,
            ),
            Paragraph(Labels.PRODUCTION_HEADING, style.heading),
            Spacer(0, 1.5 * mm),
            *self._production(),
            Paragraph(Labels.DELIVERIES_HEADING, style.heading),
            Spacer(0, 1.5 * mm),
            self._deliveries(),
            # The pay and the signatures stay together: a signed page shows what it signs.
            KeepTogether(
                [
                    Paragraph(Labels.PAY_HEADING, style.heading),
                    Spacer(0, 1.5 * mm),
                    self._pay(),
                    Spacer(0, 6 * mm),
                    *self._closing(),
                ]
            ),
        ]

    # blocks --------------------------------------------------------------------------

    def _workshop_pairs(self) -> list[tuple[str, str]]:
        data = self.data
        pairs = [
            (Labels.WORKSHOP, f"{data.workshop_name} ({data.workshop_code})"),
            (Labels.TRADE, data.trade),
            (Labels.MODALITY, data.modality),
        ]
        if data.partner:
            pairs.append((Labels.PARTNER, data.partner))
        pairs += [
            (Labels.ESTABLISHMENT, data.header.establishment),
            (Labels.MONTH, spanish_month_year(data.year, data.month)),
        ]
        return pairs

    def _trainees_table(self) -> Table:
        data = self.data
        cell = self.styles.cell
        rows: list[list[Any]] = [
            [
                Labels.NUMBER,
                Labels.NAME,
                Labels.DOCUMENT,
                Labels.STATE,
                Labels.DAYS_PRESENT,
                Labels.VALID_DAYS,
                Labels.HOURS,
            ]
        ]
        for number, trainee in enumerate(data.trainees, start=1):
            rows.append(
                [
                    str(number),
                    Paragraph(markup(trainee.full_name), cell),
                    Paragraph(markup(document_text(trainee.document)), cell),
                    trainee.state,
                    str(trainee.days_present),
                    str(trainee.valid_days),
                    format_hours(trainee.hours),
                ]
            )
        if not data.trainees:
            rows.append(["", Labels.NO_TRAINEES, "", "", "", "", ""])
        rows.append(
            [
                "",
                Labels.TOTAL.format(count=len(data.trainees)),
                "",
                "",
                str(sum(t.days_present for t in data.trainees)),
                str(data.total_valid_days),
                format_hours(data.total_hours),
            ]
        )
        table = Table(rows, colWidths=self.trainee_widths, repeatRows=1)
        table.setStyle(
            grid_style(header_rows=1, font_size=8)
            + [
                ("ALIGN", (4, 0), (-1, -1), "RIGHT"),
                ("ALIGN", (0, 1), (0, -1), "RIGHT"),
                ("FONT", (0, -1), (-1, -1), fonts.CONDENSED_BOLD, 8),
                ("LINEABOVE", (0, -1), (-1, -1), 1, colors.black),
                ("SPAN", (1, -1), (3, -1)),
            ]
        )
        return table

    def _production(self) -> list[Flowable]:
        data = self.data
        if not data.batches:
            return [Paragraph(Labels.NO_BATCHES, self.styles.body)]
        rows: list[list[Any]] = [
            [
                Labels.BATCH,
                Labels.PRODUCT,
                Labels.STATE,
                Labels.PLANNED,
                Labels.ACCEPTED,
                Labels.REJECTED,
                Labels.DELIVERED,
            ]
        ]
        cell = self.styles.cell
        for batch in data.batches:
            rows.append(
                [
                    batch.code,
                    Paragraph(markup(f"{batch.product} ({batch.unit})"), cell),
                    batch.state,
                    format_quantity(batch.planned),
                    format_quantity(batch.accepted),
                    format_quantity(batch.rejected),
                    format_quantity(batch.delivered),
                ]
            )
        table = Table(rows, colWidths=self.batch_widths, repeatRows=1)
        table.setStyle(
            grid_style(header_rows=1, font_size=8) + [("ALIGN", (3, 0), (-1, -1), "RIGHT")]
        )
        return [table, Spacer(0, 1 * mm), Paragraph(Labels.BATCH_NOTE, self.styles.note)]

    def _deliveries(self) -> Flowable:
        data = self.data
        if not data.deliveries:
            return Paragraph(Labels.NO_DELIVERIES, self.styles.body)
        cell = self.styles.cell
        rows: list[list[Any]] = [
            [Labels.NOTE_NUMBER, Labels.DATE, Labels.CLIENT, Labels.GOODS, Labels.QUANTITY]
        ]
        for line in data.deliveries:
            rows.append(
                [
                    line.number,
                    numeric_date(line.issued_on),
                    Paragraph(markup(line.client), cell),
                    Paragraph(markup(line.description), cell),
                    f"{format_quantity(line.quantity)} {line.unit}",
                ]
            )
        table = Table(rows, colWidths=self.delivery_widths, repeatRows=1)
        table.setStyle(
            grid_style(header_rows=1, font_size=8) + [("ALIGN", (4, 1), (4, -1), "RIGHT")]
        )
        return table

    def _pay(self) -> Flowable:
        pay = self.data.pay
        if pay is None:
            return Paragraph(Labels.NO_PAY, self.styles.body)

        def money(amount: Any) -> str:
            return Labels.CURRENCY.format(amount=format_quantity(amount, 2))

        rows = [
            [Labels.PAY_PEOPLE, str(pay.people)],
            [Labels.PAY_GROSS, money(pay.gross)],
            [Labels.PAY_INMATE, money(pay.inmate)],
            [Labels.PAY_REPARATION, money(pay.reparation)],
            [Labels.PAY_INSTITUTION, money(pay.institution)],
        ]
        table = Table(rows, colWidths=self.pay_widths, hAlign="LEFT")
        table.setStyle(
            grid_style(header_rows=0, font_size=8.5)
            + [
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("FONT", (0, 1), (-1, 1), fonts.CONDENSED_BOLD, 8.5),
            ]
        )
        return table

    def _closing(self) -> list[Flowable]:
        data = self.data
        date_style = ParagraphStyle("place_date", self.styles.body, alignment=TA_RIGHT)
        signers = (
            (Labels.SIGN_SUPERVISOR, data.signatories.supervisor),
            (Labels.SIGN_WORK_HEAD, data.signatories.work_head),
        )
        return [
            Paragraph(markup(place_and_date(data.place, data.printed_on)), date_style),
            Spacer(0, 4 * mm),
            signature_block(signers, self.content_width, room=22 * mm),
        ]
