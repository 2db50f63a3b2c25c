"""Page furniture shared by every document.

A document is a subclass of :class:`DocumentLayout` that supplies its story (the
flowables) and, if it wants, a heading repeated under the letterhead of every page.  The
base class draws the rest on every page: the institution's letterhead, the footer with
"Página N de M", an optional diagonal watermark ("ANULADA", "COPIA", "DUPLICADO"), and
fills the PDF's metadata.  Placement is in named class attributes so that a document
changes a margin by overriding one name (pretix's invoice renderer does the same).
Styles and small flowables are in :mod:`.blocks`, text helpers in :mod:`.text`.
"""

from __future__ import annotations

import math
import os
import tempfile
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import Any, ClassVar

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from carceles_desktop.documents import fonts
from carceles_desktop.documents.blocks import GREY, styles
from carceles_desktop.documents.data import InstitutionHeader
from carceles_desktop.documents.labels import Common
from carceles_desktop.documents.text import clean, fit_font_size

A4_PORTRAIT = A4
A4_LANDSCAPE = landscape(A4)

#: Draws the footer of one page once the page count is known: (canvas, page, total).
FooterPainter = Callable[[Canvas, int, int], None]


class NumberedCanvas(Canvas):
    """A canvas that holds its pages back until the end, to write "Página N de M".

    Each finished page is kept as the canvas state; on save, the footer painter runs on
    every page with the total known, then the pages are written.  This is the usual
    reportlab recipe (one layout pass, unlike a two-pass ``multiBuild``).
    """

    def __init__(self, *args: Any, footer: FooterPainter, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._held_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        """Hold the finished page instead of writing it."""
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        """Paint every footer with the page count, then write the document."""
        total = len(self._held_pages)
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            self._footer(self, number, total)
            Canvas.showPage(self)
        Canvas.save(self)


class DocumentLayout:
    """A document's page furniture; subclasses supply :meth:`story`.

    Hooks a subclass may override: :meth:`story` (required), :meth:`draw_heading` (with
    ``heading_height`` set to the room it needs), :meth:`footer_text`.

    Args:
        header: the institution's letterhead.
        title: the PDF's title (metadata) and, by default, the footer's text.
        subject: the PDF's subject (metadata).
        watermark: a word drawn across every page, e.g. ``"ANULADA"``; ``None`` for none.
    """

    pagesize: ClassVar[tuple[float, float]] = A4_PORTRAIT
    margin_left: ClassVar[float] = 18 * mm
    margin_right: ClassVar[float] = 18 * mm
    margin_top: ClassVar[float] = 12 * mm
    margin_bottom: ClassVar[float] = 10 * mm
    letterhead_height: ClassVar[float] = 20 * mm
    heading_height: ClassVar[float] = 0.0
    footer_height: ClassVar[float] = 8 * mm
    #: Space between the letterhead (or heading) and the story on every page.
    body_gap: ClassVar[float] = 3 * mm
    logo_max_width: ClassVar[float] = 30 * mm

    def __init__(
        self,
        header: InstitutionHeader,
        title: str,
        *,
        subject: str = "",
        watermark: str | None = None,
    ) -> None:
        self.header = header
        self.title = clean(title)
        self.subject = clean(subject)
        self.watermark = clean(watermark) if watermark else None
        self.styles = styles()

    # hooks ---------------------------------------------------------------------------

    def story(self) -> list[Flowable]:
        """Return the flowables of the document body."""
        raise NotImplementedError

    def draw_heading(self, canvas: Canvas, top: float) -> None:
        """Draw what repeats on every page under the letterhead, below ``top``."""

    def footer_text(self) -> str:
        """Return the text at the left of every footer (ties loose pages together)."""
        return self.title

    # geometry ------------------------------------------------------------------------

    @property
    def page_width(self) -> float:
        """The page's width in points."""
        return self.pagesize[0]

    @property
    def page_height(self) -> float:
        """The page's height in points."""
        return self.pagesize[1]

    @property
    def institution_line(self) -> str:
        """The institution as printed and as the PDF's author: ``"Name (ACRONYM)"``."""
        name, acronym = clean(self.header.name), clean(self.header.acronym)
        return f"{name} ({acronym})" if acronym else name

    @property
    def content_width(self) -> float:
        """The width between the margins."""
        return self.page_width - self.margin_left - self.margin_right

    @property
    def frame_height(self) -> float:
        """The height left for the story on each page."""
        furniture = self.letterhead_height + self.heading_height + self.footer_height
        return self.page_height - self.margin_top - self.margin_bottom - furniture

    # rendering -----------------------------------------------------------------------

    def render(self) -> bytes:
        """Lay the document out and return the PDF.

        Raises:
            FileNotFoundError: the letterhead names a logo file that does not exist.
        """
        logo = self.header.logo_path
        if logo is not None and not logo.is_file():
            raise FileNotFoundError(f"logo image not found: {logo}")
        buffer = BytesIO()
        frame = Frame(
            self.margin_left,
            self.margin_bottom + self.footer_height,
            self.content_width,
            self.frame_height,
            leftPadding=0,
            rightPadding=0,
            topPadding=self.body_gap,
            bottomPadding=0,
            id="body",
        )
        template = PageTemplate("page", [frame], onPage=self._on_page, onPageEnd=self._on_page_end)
        document = BaseDocTemplate(
            buffer,
            pagesize=self.pagesize,
            pageTemplates=[template],
            title=self.title,
            author=self.institution_line,
            subject=self.subject,
            creator=Common.CREATOR,
            lang="es-PE",
            # Otherwise every page's preamble names Helvetica, a font not embedded.
            initialFontName=fonts.SANS,
        )

        def canvas_maker(*args: Any, **kwargs: Any) -> NumberedCanvas:
            return NumberedCanvas(*args, footer=self._draw_footer, **kwargs)

        document.build(self.story(), canvasmaker=canvas_maker)
        return buffer.getvalue()

    def write(self, path: Path) -> None:
        """Render and write the PDF to ``path``, replacing it only once complete."""
        pdf = self.render()
        write_atomically(path, pdf)

    def _on_page(self, canvas: Canvas, _document: BaseDocTemplate) -> None:
        canvas.saveState()
        self._draw_letterhead(canvas)
        self.draw_heading(canvas, self.page_height - self.margin_top - self.letterhead_height)
        canvas.restoreState()

    def _on_page_end(self, canvas: Canvas, _document: BaseDocTemplate) -> None:
        # Drawn last, over the content, so that shaded cells cannot hide "ANULADA".
        if self.watermark:
            draw_watermark(canvas, self.watermark, self.page_width, self.page_height)

    def _draw_letterhead(self, canvas: Canvas) -> None:
        top = self.page_height - self.margin_top
        bottom = top - self.letterhead_height
        logo_width = 0.0
        if self.header.logo_path is not None:
            logo_width = self.logo_max_width
            canvas.drawImage(
                str(self.header.logo_path),
                self.margin_left,
                bottom + 2 * mm,
                width=logo_width,
                height=self.letterhead_height - 2 * mm,
                preserveAspectRatio=True,
                anchor="w",
                mask="auto",
            )
        # Centred on the page, kept clear of the logo on both sides.
        width = self.content_width - 2 * (logo_width + 3 * mm if logo_width else 0)
        centre = self.page_width / 2
        lines = (
            (self.institution_line, fonts.SANS_BOLD, 11.0),
            (self.header.regional_office, fonts.SANS, 9.0),
            (self.header.establishment, fonts.SANS_BOLD, 9.0),
        )
        y = top - 4 * mm
        for text, font, size in lines:
            text = clean(text)
            canvas.setFont(font, fit_font_size(text, font, size, width, 6))
            canvas.drawCentredString(centre, y, text)
            y -= size + 3
        canvas.setStrokeColor(GREY)
        canvas.setLineWidth(0.6)
        canvas.line(self.margin_left, bottom, self.page_width - self.margin_right, bottom)

    def _draw_footer(self, canvas: Canvas, page: int, total: int) -> None:
        canvas.saveState()
        y = self.margin_bottom
        right = self.page_width - self.margin_right
        canvas.setStrokeColor(GREY)
        canvas.setLineWidth(0.4)
        canvas.line(self.margin_left, y + 4 * mm, right, y + 4 * mm)
        canvas.setFillColor(GREY)
        text = clean(self.footer_text())
        # Shrunk rather than run into "Página N de M" at the right.
        room = self.content_width - 30 * mm
        canvas.setFont(fonts.SANS, fit_font_size(text, fonts.SANS, 7, room, 4))
        canvas.drawString(self.margin_left, y + 1 * mm, text)
        canvas.setFillColor(colors.black)
        canvas.setFont(fonts.SANS_BOLD, 8)
        canvas.drawRightString(right, y + 1 * mm, Common.PAGE_OF.format(page=page, total=total))
        canvas.restoreState()


def draw_watermark(canvas: Canvas, text: str, page_width: float, page_height: float) -> None:
    """Draw ``text`` large and translucent along the page's diagonal."""
    angle = math.degrees(math.atan2(page_height, page_width))
    diagonal = math.hypot(page_width, page_height)
    # Across 70 % of the diagonal, but a short word must not outgrow the page.
    size = min(0.7 * diagonal / stringWidth(text, fonts.SANS_BOLD, 1), 0.3 * page_width)
    canvas.saveState()
    canvas.setFillColor(colors.Color(0.75, 0, 0), alpha=0.18)
    canvas.setFont(fonts.SANS_BOLD, size)
    canvas.translate(page_width / 2, page_height / 2)
    canvas.rotate(angle)
    canvas.drawCentredString(0, -size * 0.35, text)
    canvas.restoreState()


def write_atomically(path: Path, content: bytes) -> None:
    """Write bytes to ``path`` through a temporary file in the same folder.

    A crash or a full disk leaves the old file (or none), never half a PDF.
    """
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
