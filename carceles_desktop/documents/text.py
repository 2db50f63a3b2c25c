"""Text helpers shared by the documents: hygiene before drawing, and Spanish formats."""

from __future__ import annotations

import unicodedata
from datetime import date
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import stringWidth

from carceles_desktop.documents.data import PersonDocument
from carceles_desktop.documents.labels import DOCUMENT_TYPES, Common
from carceles_desktop.domain.enums import DocumentType
from carceles_desktop.domain.rules.calendar import spanish_long_date


def clean(text: str) -> str:
    """Compose accents into single characters (NFC) before drawing.

    reportlab draws a combining accent as a separate glyph, so "N" + U+0303 would print
    as "N˜" instead of "Ñ"; text pasted from other programs sometimes arrives decomposed.
    """
    return unicodedata.normalize("NFC", text)


def markup(text: str) -> str:
    """Make plain text safe for a :class:`Paragraph` (which reads ``<``, ``&`` as markup)."""
    return escape(clean(text))


def format_hours(hours: Decimal) -> str:
    """Write hours compactly: ``8``, ``7.5``, ``7.25``, ``176.5``."""
    return f"{hours:.2f}".rstrip("0").rstrip(".")


def document_text(document: PersonDocument) -> str:
    """Write an identity document as ``"DNI 01234567"``, or the inmate code when none."""
    if document.doc_type is DocumentType.NONE or not document.doc_number:
        return f"{Common.INMATE_CODE_SHORT} {document.inmate_code}"
    return f"{DOCUMENT_TYPES[document.doc_type]} {document.doc_number}"


def place_and_date(place: str, on: date) -> str:
    """Write ``"Lima, 30 de noviembre de 2026"``."""
    return Common.PLACE_AND_DATE.format(place=place, date=spanish_long_date(on))


def fit_font_size(text: str, font: str, size: float, width: float, smallest: float) -> float:
    """Return the largest size up to ``size`` (not below ``smallest``) that fits ``width``."""
    natural = stringWidth(text, font, size)
    if natural <= width:
        return size
    return max(smallest, size * width / natural)
