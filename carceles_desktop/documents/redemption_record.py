"""The redemption record (*constancia de trabajo para redención de pena*), A4 portrait.

It lists the valid days and hours of work per month and the program's estimate of the
days of sentence redeemed.  The legal *cómputo* is the establishment's, approved by a
judge; the page says so in a banner at the top, in a paragraph under it and in the
footer of every page, so that no one mistakes the estimate for the cómputo.
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
from carceles_desktop.documents.labels import Common
from carceles_desktop.documents.labels import Redemption as Labels
from carceles_desktop.documents.redemption_data import RedemptionRecordData
from carceles_desktop.documents.text import document_text, format_hours, markup, place_and_date
from carceles_desktop.domain.enums import DocumentType
from carceles_desktop.domain.rules.calendar import spanish_long_date, spanish_month_year

_WARNING_RED = colors.Color(0.6, 0, 0)


def render_redemption_record(data: RedemptionRecordData, *, watermark: str | None = None) -> bytes:
    """Render a trainee's redemption record (an estimate, labelled as such).

    Args:
        data: the record's snapshot, totals and estimate included.
        watermark: a word across every page (e.g. ``"COPIA"``); ``None`` for none.

    Returns:
        The PDF.

    Raises:
        FileNotFoundError: the letterhead's logo file is missing.
    """
    return RedemptionRecordLayout(data, watermark=watermark).render()


def write_redemption_record(
    data: RedemptionRecordData, path: Path, *, watermark: str | None = None
) -> None:
    """Render the record and write it to ``path`` (replaced only once complete).

    Raises:
        FileNotFoundError: the letterhead's logo file is missing.
        OSError: the file cannot be written.
    """
    write_atomically(path, render_redemption_record(data, watermark=watermark))


class RedemptionRecordLayout(DocumentLayout):
    """Layout of the record: the story is a column of blocks, top to bottom."""

    key_width = 48 * mm
    month_widths = (60 * mm, 32 * mm, 32 * mm)

    def __init__(self, data: RedemptionRecordData, *, watermark: str | None = None) -> None:
        self.data = data
        title = Labels.DOCUMENT_TITLE.format(name=data.trainee_name)
        super().__init__(data.header, title, subject=Labels.TITLE, watermark=watermark)

    def footer_text(self) -> str:
        """Repeat the warning on every page, with whose record it is."""
        return f"{Labels.BANNER} · {self.data.trainee_name}"

    def story(self) -> list[Flowable]:
        """Return the blocks of the record in reading order."""
        style = self.styles
        return [
            Paragraph(Labels.TITLE, style.title),
            Spacer(0, 3 * mm),
            self._banner(),
            Spacer(0, 3 * mm),
            Paragraph(Labels.EXPLANATION, style.small),
            Spacer(0, 4 * mm),
            key_value_table(self._trainee_pairs(), self.content_width, self.key_width),
            Paragraph(Labels.WORK_HEADING, style.heading),
            Spacer(0, 1.5 * mm),
            self._months_table(),
            Spacer(0, 1 * mm),
            Paragraph(self._valid_day_note(), style.note),
            # The rule, the estimate and the signatures stay on one page: a signed page
            # must show what was signed.
            KeepTogether(
                [
                    Paragraph(Labels.RULE_HEADING, style.heading),
                    Spacer(0, 1.5 * mm),
                    key_value_table(self._rule_pairs(), self.content_width, self.key_width),
                    Spacer(0, 4 * mm),
                    self._estimate_box(),
                    Spacer(0, 6 * mm),
                    *self._closing(),
                ]
            ),
        ]

    # blocks --------------------------------------------------------------------------

    def _banner(self) -> Table:
        table = Table(
            [[Paragraph(Labels.BANNER, self.styles.banner)]], colWidths=[self.content_width]
        )
        table.setStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.SANS, 8),
                ("BOX", (0, 0), (-1, -1), 1.5, _WARNING_RED),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
        return table

    def _trainee_pairs(self) -> list[tuple[str, str]]:
        data = self.data
        document = data.document
        has_document = document.doc_type is not DocumentType.NONE
        period = Labels.PERIOD_RANGE.format(
            start=spanish_long_date(data.period_from), end=spanish_long_date(data.period_to)
        )
        return [
            (Labels.TRAINEE, data.trainee_name),
            (Labels.DOCUMENT, document_text(document) if has_document else Common.NO_DOCUMENT),
            (Common.INMATE_CODE, document.inmate_code),
            (Labels.ESTABLISHMENT, data.establishment),
            (Labels.PERIOD, period),
        ]

    def _months_table(self) -> Table:
        data = self.data
        rows: list[list[Any]] = [[Labels.MONTH, Labels.VALID_DAYS, Labels.HOURS]]
        for line in data.months:
            month = spanish_month_year(line.year, line.month)
            rows.append([month, str(line.valid_days), format_hours(line.hours)])
        if not data.months:
            rows.append([Labels.NO_MONTHS, "", ""])
        rows.append([Labels.TOTAL, str(data.total_valid_days), format_hours(data.total_hours)])
        table = Table(rows, colWidths=self.month_widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(
            grid_style(header_rows=1, font_size=8.5)
            + [
                ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                ("FONT", (0, -1), (-1, -1), fonts.CONDENSED_BOLD, 8.5),
                ("LINEABOVE", (0, -1), (-1, -1), 1, colors.black),
            ]
        )
        return table

    def _valid_day_note(self) -> str:
        hours = format_hours(self.data.minimum_valid_hours)
        return markup(Labels.VALID_DAY_NOTE.format(hours=hours))

    def _rule_pairs(self) -> list[tuple[str, str]]:
        case = self.data.case
        if case.ratio is None:
            ratio = Labels.BARRED.format(basis=case.legal_basis)
        else:
            ratio = Labels.RATIO_VALUE.format(ratio=case.ratio)
        return [
            (Labels.CASE, case.description),
            (Labels.LEGAL_BASIS, case.legal_basis),
            (Labels.IN_FORCE_FROM, spanish_long_date(case.valid_from)),
            (Labels.RATIO, ratio),
        ]

    def _estimate_box(self) -> Table:
        data = self.data
        style = self.styles
        value_style = ParagraphStyle("estimate", style.title, alignment=TA_RIGHT)
        if data.estimated_days is None or data.case.ratio is None:
            value, formula = Labels.NOT_APPLICABLE, ""
        else:
            value = str(data.estimated_days)
            formula = Labels.ESTIMATE_FORMULA.format(
                days=data.total_valid_days, ratio=data.case.ratio
            )
        label = f"<b>{markup(Labels.ESTIMATE)}</b>"
        if formula:
            label += f"<br/><font size=7.5>{markup(formula)}</font>"
        table = Table(
            [[Paragraph(label, style.body), Paragraph(markup(value), value_style)]],
            colWidths=[self.content_width - 45 * mm, 45 * mm],
        )
        table.setStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.SANS, 8),
                ("BOX", (0, 0), (-1, -1), 1, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ]
        )
        return table

    def _closing(self) -> list[Flowable]:
        data = self.data
        date_style = ParagraphStyle("place_date", self.styles.body, alignment=TA_RIGHT)
        signers = (
            (Labels.SIGN_WORK_HEAD, data.signatories.work_head),
            (Labels.SIGN_DIRECTOR, data.signatories.director),
        )
        return [
            Paragraph(markup(place_and_date(data.place, data.issued_on)), date_style),
            Spacer(0, 4 * mm),
            signature_block(signers, self.content_width, room=22 * mm),
        ]
