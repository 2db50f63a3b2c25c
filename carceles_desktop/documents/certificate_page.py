"""How one training certificate is drawn on its A4 landscape page.

:class:`CertificatePage` draws certificates one after another on one canvas (see
:mod:`.certificate` for the functions that render and write them).  It draws straight
on the canvas rather than through platypus: a batch prints hundreds of pages, and a
layout engine per page would cost several times the drawing itself.  What every page of
a batch shares (the double border, the letterhead and the title) is drawn once as a PDF
form and placed on each page; only the holder's text, the signatures, the QR and the
marks are drawn per page.  Positions are named class attributes, measured from the top
of the page, so that a change of layout is a change of numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from pathlib import Path
from typing import ClassVar

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from carceles_desktop.documents import fonts
from carceles_desktop.documents.base import A4_LANDSCAPE, draw_watermark
from carceles_desktop.documents.blocks import draw_centred_runs, draw_diamond, draw_spaced
from carceles_desktop.documents.certificate_data import CertificateData
from carceles_desktop.documents.certificate_wording import (
    achievement_runs,
    competency_runs,
    document_line,
    footnote_runs,
    name_lines,
)
from carceles_desktop.documents.data import Signatory
from carceles_desktop.documents.labels import Certificate as Labels
from carceles_desktop.documents.labels import Common
from carceles_desktop.documents.qr import draw_qr
from carceles_desktop.documents.text import (
    Run,
    balanced_lines,
    cached_width,
    clean,
    fit_font_size,
    place_and_date,
)
from carceles_desktop.domain.enums import CertificateState
from carceles_desktop.domain.rules.calendar import spanish_long_date

#: Wrapped lines: each line's runs and its width.
Lines = tuple[tuple[tuple[Run, ...], float], ...]

NAVY = colors.Color(0.11, 0.18, 0.33)
GOLD = colors.Color(0.62, 0.49, 0.22)
INK = colors.Color(0.12, 0.12, 0.12)
MUTED = colors.Color(0.38, 0.38, 0.38)
MARK_RED = colors.Color(0.7, 0, 0)


class CertificatePage:
    """Draws certificates on one canvas; positions are named, measured from the top.

    Args:
        buffer: where the PDF goes.
        first: the first certificate (it names the PDF).
        count: how many certificates the PDF holds.
    """

    inner_margin: ClassVar[float] = 20 * mm
    outer_border: ClassVar[float] = 9 * mm
    inner_border: ClassVar[float] = 11.5 * mm
    logo_size: ClassVar[float] = 21 * mm
    logo_top: ClassVar[float] = 17 * mm
    institution_y: ClassVar[float] = 23 * mm
    office_y: ClassVar[float] = 28.5 * mm
    establishment_y: ClassVar[float] = 34 * mm
    rule_y: ClassVar[float] = 39.5 * mm
    title_y: ClassVar[float] = 55 * mm
    title_rest_y: ClassVar[float] = 63 * mm
    number_y: ClassVar[float] = 69.5 * mm
    grants_y: ClassVar[float] = 80 * mm
    name_y: ClassVar[float] = 94 * mm
    #: From the line under the name to the document's baseline.
    document_gap: ClassVar[float] = 5.5 * mm
    body_y: ClassVar[float] = 113.5 * mm
    #: Least room from the document's line to the body's first baseline.
    body_gap: ClassVar[float] = 9.5 * mm
    body_size: ClassVar[float] = 12.5
    body_leading: ClassVar[float] = 6 * mm
    body_width: ClassVar[float] = 215 * mm
    competencies_size: ClassVar[float] = 9.0
    competencies_leading: ClassVar[float] = 4.2 * mm
    place_y: ClassVar[float] = 147 * mm
    #: Least room above the place and date, when a long text pushes it down.
    place_gap: ClassVar[float] = 8 * mm
    signature_line_y: ClassVar[float] = 167 * mm
    signature_width: ClassVar[float] = 56 * mm
    qr_size: ClassVar[float] = 28 * mm
    footnote_y: ClassVar[float] = 188.5 * mm
    photo_size: ClassVar[tuple[float, float]] = (26 * mm, 34.5 * mm)
    photo_top: ClassVar[float] = 73.5 * mm
    name_size: ClassVar[float] = 28.0
    two_line_name_size: ClassVar[float] = 21.0
    duplicate_y: ClassVar[float] = 74.5 * mm

    def __init__(self, buffer: BytesIO, first: CertificateData, *, count: int) -> None:
        fonts.register_fonts()
        self.width, self.height = A4_LANDSCAPE
        self.canvas = Canvas(
            buffer, pagesize=A4_LANDSCAPE, initialFontName=fonts.SERIF, lang="es-PE"
        )
        header = first.header
        acronym = clean(header.acronym)
        name = clean(header.name)
        self.canvas.setAuthor(f"{name} ({acronym})" if acronym else name)
        if count == 1:
            title = Labels.DOCUMENT_TITLE.format(
                title=Labels.TITLE_WORD[first.title].capitalize(), number=first.number
            )
        else:
            title = Labels.BATCH_TITLE.format(count=count)
        self.canvas.setTitle(title)
        self.canvas.setSubject(f"{Labels.TITLE_WORD[first.title]} {Labels.TITLE_REST}")
        self.canvas.setCreator(Common.CREATOR)
        self._forms: dict[tuple[object, ...], str] = {}
        self._images: dict[Path, ImageReader] = {}

    # one page ------------------------------------------------------------------------

    def draw(self, data: CertificateData) -> None:
        """Draw one certificate on a page of its own."""
        canvas = self.canvas
        canvas.doForm(self._frame_form(data))
        canvas.setFillColor(INK)
        self._draw_number(data)
        document_y = self._draw_holder(data)
        self._draw_body(data, max(self.body_y, document_y + self.body_gap))
        self._draw_signatures(data)
        self._draw_verification(data)
        if data.state is not CertificateState.VIGENTE:
            word = Labels.ANNULLED if data.state is CertificateState.ANULADO else Labels.REPLACED
            draw_watermark(canvas, word, self.width, self.height)
        canvas.showPage()

    def _y(self, from_top: float) -> float:
        return self.height - from_top

    # what every page of a batch shares ------------------------------------------------

    def _frame_form(self, data: CertificateData) -> str:
        """Return the form with the border, letterhead and title, drawing it once."""
        key = (data.header, data.title, data.right_logo_path)
        name = self._forms.get(key)
        if name is None:
            name = f"frame{len(self._forms)}"
            self.canvas.beginForm(name)
            self._draw_frame(data)
            self.canvas.endForm()
            self._forms[key] = name
        return name

    def _draw_frame(self, data: CertificateData) -> None:
        canvas = self.canvas
        self._draw_borders()
        header = data.header
        for path, x in (
            (header.logo_path, self.inner_margin + 2 * mm),
            (data.right_logo_path, self.width - self.inner_margin - 2 * mm - self.logo_size),
        ):
            if path is not None:
                top = self._y(self.logo_top)
                canvas.drawImage(
                    self._image(path),
                    x,
                    top - self.logo_size,
                    width=self.logo_size,
                    height=self.logo_size,
                    preserveAspectRatio=True,
                    mask="auto",
                )
        centre = self.width / 2
        room = self.width - 2 * (self.inner_margin + self.logo_size + 6 * mm)
        canvas.setFillColor(NAVY)
        for text, font, size, y in (
            (clean(header.name).upper(), fonts.SERIF_BOLD, 15.0, self.institution_y),
            (clean(header.regional_office), fonts.SERIF, 11.0, self.office_y),
            (clean(header.establishment), fonts.SERIF_BOLD, 11.5, self.establishment_y),
        ):
            canvas.setFont(font, fit_font_size(text, font, size, room, 8))
            canvas.drawCentredString(centre, self._y(y), text)
        self._draw_rule(centre, self._y(self.rule_y), 40 * mm)
        word = Labels.TITLE_WORD[data.title]
        canvas.setFillColor(NAVY)
        draw_spaced(canvas, word, fonts.SERIF_BOLD, 40, 7, centre, self._y(self.title_y))
        canvas.setFillColor(GOLD)
        rest = Labels.TITLE_REST
        draw_spaced(canvas, rest, fonts.SERIF, 15, 3.5, centre, self._y(self.title_rest_y))

    def _draw_borders(self) -> None:
        canvas = self.canvas
        outer, inner = self.outer_border, self.inner_border
        canvas.setStrokeColor(NAVY)
        canvas.setLineWidth(2.4)
        canvas.rect(outer, outer, self.width - 2 * outer, self.height - 2 * outer)
        canvas.setStrokeColor(GOLD)
        canvas.setLineWidth(0.8)
        canvas.rect(inner, inner, self.width - 2 * inner, self.height - 2 * inner)
        # A small gold diamond on each corner of the inner line.
        canvas.setFillColor(GOLD)
        for x in (inner, self.width - inner):
            for y in (inner, self.height - inner):
                draw_diamond(canvas, x, y, 1.6 * mm)

    def _draw_rule(self, centre: float, y: float, half: float) -> None:
        """A thin gold line with a diamond in its middle, under the letterhead."""
        canvas = self.canvas
        canvas.setStrokeColor(GOLD)
        canvas.setLineWidth(0.6)
        canvas.line(centre - half, y, centre - 2.5 * mm, y)
        canvas.line(centre + 2.5 * mm, y, centre + half, y)
        canvas.setFillColor(GOLD)
        draw_diamond(canvas, centre, y, 1.3 * mm)

    def _image(self, path: Path) -> ImageReader:
        """Return the image, read once per PDF (a missing file raises here)."""
        reader = self._images.get(path)
        if reader is None:
            if not path.is_file():
                raise FileNotFoundError(f"image not found: {path}")
            reader = self._images[path] = ImageReader(str(path))
        return reader

    # the holder ----------------------------------------------------------------------

    def _draw_number(self, data: CertificateData) -> None:
        canvas = self.canvas
        parts = [Labels.NUMBER.format(number=clean(data.number))]
        if data.book_folio:
            parts.append(Labels.BOOK_FOLIO.format(book_folio=clean(data.book_folio)))
        canvas.setFillColor(MUTED)
        canvas.setFont(fonts.SANS, 8.5)
        canvas.drawCentredString(self.width / 2, self._y(self.number_y), "   ·   ".join(parts))
        if data.reprinted_on is not None:
            mark = Labels.DUPLICATE.format(date=spanish_long_date(data.reprinted_on))
            canvas.setFillColor(MARK_RED)
            canvas.setFont(fonts.SANS_BOLD, 8.5)
            canvas.drawCentredString(self.width / 2, self._y(self.duplicate_y), mark)
        canvas.setFillColor(INK)

    def _holder_width(self, data: CertificateData) -> float:
        """The width of the lines beside the photo: narrower on both sides when there is one."""
        if data.photo_path is None:
            return self.body_width
        beside = self.inner_margin + 2 * mm + self.photo_size[0] + 6 * mm
        return min(self.body_width, self.width - 2 * beside)

    def _draw_holder(self, data: CertificateData) -> float:
        """Draw who certifies, the holder's name and document, and the photo.

        Returns:
            How far from the top the document's line is.
        """
        canvas = self.canvas
        centre = self.width / 2
        width = self._holder_width(data)
        establishment = clean(data.header.establishment)
        grants = Labels.GRANTS[data.title].format(establishment=establishment)
        canvas.setFont(fonts.SERIF, fit_font_size(grants, fonts.SERIF, 12.5, width, 9))
        canvas.drawCentredString(centre, self._y(self.grants_y), grants)
        under = self._draw_name(clean(data.trainee_name), width)
        canvas.setFillColor(MUTED)
        canvas.setFont(fonts.SANS, 10)
        document_y = under + self.document_gap
        canvas.drawCentredString(centre, self._y(document_y), document_line(data))
        canvas.setFillColor(INK)
        if data.photo_path is not None:
            photo_width, photo_height = self.photo_size
            x = self.inner_margin + 2 * mm
            top = self._y(self.photo_top)
            canvas.drawImage(
                self._image(data.photo_path),
                x,
                top - photo_height,
                width=photo_width,
                height=photo_height,
                preserveAspectRatio=True,
            )
            canvas.setStrokeColor(GOLD)
            canvas.setLineWidth(0.7)
            canvas.rect(x, top - photo_height, photo_width, photo_height)
        return document_y

    def _draw_name(self, name: str, width: float) -> float:
        """Draw the name, the largest text after the title, and the line under it.

        A name too long for one line in large type goes on two, broken after the
        surnames' comma when there is one.

        Returns:
            How far from the top the line under the name is.
        """
        canvas = self.canvas
        centre = self.width / 2
        font = fonts.SERIF_BOLD
        lines = name_lines(name, width, self.name_size, self.two_line_name_size)
        ceiling = self.name_size if len(lines) == 1 else self.two_line_name_size
        size = min(fit_font_size(text, font, ceiling, width, 6) for text in lines)
        leading = size * 1.15
        baseline = self._y(self.name_y) + leading * 0.55 * (len(lines) - 1)
        canvas.setFillColor(NAVY)
        canvas.setFont(font, size)
        for text in lines:
            canvas.drawCentredString(centre, baseline, text)
            baseline -= leading
        used = max(cached_width(text, font, size) for text in lines)
        half = max(used / 2 + 8 * mm, 60 * mm)
        under = self.height - (baseline + leading) + 3.5 * mm
        canvas.setStrokeColor(GOLD)
        canvas.setLineWidth(0.7)
        canvas.line(centre - half, self._y(under), centre + half, self._y(under))
        canvas.setFillColor(INK)
        return under

    # what was achieved ---------------------------------------------------------------

    def _draw_body(self, data: CertificateData, top: float) -> None:
        """Draw what was achieved, the competencies, and the place and date."""
        width = self.body_width
        size, lines = _fitted(achievement_runs(data), self.body_size, width, 3, 9)
        leading = self.body_leading * size / self.body_size
        self._draw_lines(lines, size, self._y(top), leading)
        last = top + (len(lines) - 1) * leading
        if data.competencies:
            runs = competency_runs(data)
            top = last + leading + 1.5 * mm
            size, lines = _fitted(runs, self.competencies_size, width + 20 * mm, 3, 6.5)
            leading = self.competencies_leading * size / self.competencies_size
            self.canvas.setFillColor(MUTED)
            self._draw_lines(lines, size, self._y(top), leading)
            self.canvas.setFillColor(INK)
            last = top + (len(lines) - 1) * leading
        place = clean(place_and_date(data.place, data.issued_on))
        self.canvas.setFont(fonts.SERIF, 11.5)
        place_y = max(self.place_y, last + self.place_gap)
        self.canvas.drawCentredString(self.width / 2, self._y(place_y), place)

    def _draw_lines(self, lines: Lines, size: float, y: float, leading: float) -> None:
        draw_centred_runs(self.canvas, lines, self.width / 2, y, size, leading)

    # signatures and verification -----------------------------------------------------

    def _draw_signatures(self, data: CertificateData) -> None:
        people = data.signatories
        signers: list[tuple[str, Signatory]] = []
        if people.instructor is not None:
            signers.append((Labels.SIGN_INSTRUCTOR, people.instructor))
        signers += [(Labels.SIGN_WORK_HEAD, people.work_head)]
        signers += [(Labels.SIGN_DIRECTOR, people.director)]
        # Centred, and clear of the QR at the right by the same margin at the left.
        half_span = self.width / 2 - self.inner_margin - self.qr_size - 8 * mm
        step = 2 * half_span / len(signers)
        canvas = self.canvas
        y = self._y(self.signature_line_y)
        for index, (role, person) in enumerate(signers):
            centre = self.width / 2 - half_span + step * (index + 0.5)
            half = min(self.signature_width, step - 6 * mm) / 2
            canvas.setStrokeColor(INK)
            canvas.setLineWidth(0.6)
            canvas.line(centre - half, y, centre + half, y)
            lines = [
                (clean(person.name), fonts.SERIF_BOLD, 9.5, INK),
                (clean(person.title), fonts.SERIF, 8.0, INK),
                (role, fonts.SANS, 7.0, MUTED),
            ]
            # Fixed rows, so that the roles line up whichever names are left blank.
            line_y = y - 4 * mm
            for text, font, size, colour in lines:
                if text:
                    canvas.setFillColor(colour)
                    canvas.setFont(font, fit_font_size(text, font, size, 2 * half + 6 * mm, 6))
                    canvas.drawCentredString(centre, line_y, text)
                line_y -= size + 2.5
        canvas.setFillColor(INK)

    def _draw_verification(self, data: CertificateData) -> None:
        canvas = self.canvas
        size = self.qr_size
        x = self.width - self.inner_margin - size + 2 * mm
        y = self.inner_border + 2.5 * mm
        draw_qr(canvas, x, y, size, data.qr_text)
        canvas.setFillColor(MUTED)
        canvas.setFont(fonts.SANS, 6)
        canvas.drawCentredString(x + size / 2, y + size + 1.2 * mm, clean(data.number))
        width = 2 * (self.width / 2 - self.inner_margin - size - 8 * mm)
        lines = balanced_lines(tuple(footnote_runs(data)), 6.2, width)
        self._draw_lines(lines, 6.2, self._y(self.footnote_y), 2.8 * mm)
        canvas.setFillColor(INK)


def _fitted(
    runs: Sequence[Run], size: float, width: float, most_lines: int, smallest: float
) -> tuple[float, Lines]:
    """Wrap balanced at ``size``, shrinking by half points until ``most_lines`` suffice."""
    key = tuple(runs)
    lines = balanced_lines(key, size, width)
    while len(lines) > most_lines and size > smallest:
        size -= 0.5
        lines = balanced_lines(key, size, width)
    return size, lines
