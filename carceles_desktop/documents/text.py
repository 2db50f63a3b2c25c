"""Text helpers shared by the documents: hygiene before drawing, and Spanish formats."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib.utils import simpleSplit
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


def format_quantity(value: Decimal, decimals: int | None = None) -> str:
    """Write a quantity with thousands commas: ``1,250.5``; ``decimals`` fixes the places.

    Without ``decimals``, trailing zeros go (``12`` units, ``2.5`` kg); with it, they stay
    (a weight printed as ``1,234.500``).
    """
    if decimals is not None:
        return f"{value:,.{decimals}f}"
    text = f"{value:,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def numeric_date(on: date) -> str:
    """Write a date as forms do in Peru: ``30/11/2026``."""
    return f"{on.day:02d}/{on.month:02d}/{on.year}"


def document_text(document: PersonDocument) -> str:
    """Write an identity document as ``"DNI 01234567"``, or the inmate code when none."""
    if document.doc_type is DocumentType.NONE or not document.doc_number:
        return f"{Common.INMATE_CODE_SHORT} {document.inmate_code}"
    return f"{DOCUMENT_TYPES[document.doc_type]} {document.doc_number}"


def spanish_period(start: date, end: date) -> str:
    """Write a period in words: ``"del 1 de marzo al 30 de agosto de 2026"``.

    The first year is left out when both days fall in the same year, as people write it.
    """
    first = spanish_long_date(start)
    if start.year == end.year:
        first = first.removesuffix(f" de {start.year}")
    return Common.PERIOD.format(start=first, end=spanish_long_date(end))


def place_and_date(place: str, on: date) -> str:
    """Write ``"Lima, 30 de noviembre de 2026"``."""
    return Common.PLACE_AND_DATE.format(place=place, date=spanish_long_date(on))


def fit_font_size(text: str, font: str, size: float, width: float, smallest: float) -> float:
    """Return the largest size up to ``size`` (not below ``smallest``) that fits ``width``."""
    natural = stringWidth(text, font, size)
    if natural <= width:
        return size
    return max(smallest, size * width / natural)


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width``.

    Lines break at spaces; a word longer than the width (a batch code) breaks after a
    hyphen, or else anywhere.  Far cheaper than a :class:`Paragraph` for a plain table
    cell: join the lines with a newline and give the cell ``len(lines)`` leadings.
    """
    text = clean(text)
    if stringWidth(text, font, size) <= width:
        return [text]
    lines: list[str] = []
    for line in simpleSplit(text, font, size, width) or [""]:
        while stringWidth(line, font, size) > width and len(line) > 1:
            head = _longest_head(line, font, size, width)
            lines.append(head)
            line = line[len(head) :]
        lines.append(line)
    return lines


def _longest_head(word: str, font: str, size: float, width: float) -> str:
    """Return the longest start of ``word`` that fits, cut after a hyphen if one fits."""
    end = 1
    while end < len(word) and stringWidth(word[: end + 1], font, size) <= width:
        end += 1
    hyphen = word.rfind("-", 0, end)
    return word[: hyphen + 1] if hyphen > 0 else word[:end]


#: A piece of text and the font it is set in.
Run = tuple[str, str]


@lru_cache(maxsize=8192)
def cached_width(text: str, font: str, size: float) -> float:
    """Return ``stringWidth``, remembered.

    A TrueType width is a Python loop over the glyphs, and the words of a certificate's
    wording repeat on every page of a batch.
    """
    return float(stringWidth(text, font, size))


def wrap_runs(runs: Sequence[Run], size: float, width: float) -> list[tuple[list[Run], float]]:
    """Break styled text into lines no wider than ``width``, breaking only at spaces.

    A run that starts without a space stays glued to the word before it, so
    ``[("Carpintería", bold), (", con …", regular)]`` never breaks before the comma.  A
    word wider than ``width`` gets a line of its own.

    Returns:
        Each line as its runs (adjacent pieces in the same font merged) and its width.
    """
    words: list[list[Run]] = []
    glued = False
    for text, font in runs:
        for index, part in enumerate(clean(text).split(" ")):
            if index:
                glued = False
            if not part:
                continue
            if glued and words:
                words[-1].append((part, font))
            else:
                words.append([(part, font)])
            glued = True
    lines: list[tuple[list[Run], float]] = []
    line: list[Run] = []
    used = 0.0
    for word in words:
        word_width = sum(cached_width(piece, font, size) for piece, font in word)
        space = cached_width(" ", word[0][1], size)
        if line and used + space + word_width > width:
            lines.append((line, used))
            line, used = [], 0.0
        if line:
            _append_run(line, (" ", word[0][1]))
            used += space
        for piece in word:
            _append_run(line, piece)
        used += word_width
    if line:
        lines.append((line, used))
    return lines


@lru_cache(maxsize=256)
def balanced_lines(
    runs: tuple[Run, ...], size: float, width: float
) -> tuple[tuple[tuple[Run, ...], float], ...]:
    """Wrap like :func:`wrap_runs`, then narrow the lines as far as their count allows.

    Centred text reads better with lines of even length than with a full line over a
    stray last word.  Remembered, since a batch repeats the same course's wording.
    """
    lines = wrap_runs(runs, size, width)
    if len(lines) > 1:
        low, high = max(used for _, used in lines) / len(lines), width
        for _ in range(12):
            middle = (low + high) / 2
            if len(wrap_runs(runs, size, middle)) > len(lines):
                low = middle
            else:
                high = middle
        lines = wrap_runs(runs, size, high)
    return tuple((tuple(line), used) for line, used in lines)


def _append_run(line: list[Run], run: Run) -> None:
    if line and line[-1][1] == run[1]:
        line[-1] = (line[-1][0] + run[0], run[1])
    else:
        line.append(run)
