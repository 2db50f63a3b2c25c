"""The certificate's wording: the sentences printed on it, built from its data.

Kept apart from the drawing in :mod:`.certificate`: these are the words (with which of
them go in bold) and the choice of how a name breaks, all testable without a canvas.
Texts come from :class:`.labels.Certificate`.
"""

from __future__ import annotations

from decimal import Decimal

from carceles_desktop.documents import fonts
from carceles_desktop.documents.certificate_data import CertificateData
from carceles_desktop.documents.labels import DOCUMENT_TYPES, GRADE_WORDS
from carceles_desktop.documents.labels import Certificate as Labels
from carceles_desktop.documents.text import (
    Run,
    balanced_lines,
    clean,
    fit_font_size,
    format_hours,
    spanish_period,
)
from carceles_desktop.domain.enums import DocumentType


def document_line(data: CertificateData) -> str:
    """The line under the name: ``"DNI 01234567"``, or the inmate code when none."""
    document = data.document
    if document.doc_type is DocumentType.NONE or not document.doc_number:
        return Labels.INMATE_CODE.format(code=clean(document.inmate_code))
    return f"{DOCUMENT_TYPES[document.doc_type]} {clean(document.doc_number)}"


def name_lines(name: str, width: float, size: float, two_line_size: float) -> list[str]:
    """Choose whether the name prints on one line or two (surnames, then given names).

    One line while it fits at about the two-line size; else two, when that is larger.
    """
    font = fonts.SERIF_BOLD
    one = fit_font_size(name, font, size, width, 6)
    if one >= two_line_size - 1:
        return [name]
    surnames, comma, given = name.partition(", ")
    if comma:
        parts = [f"{surnames},", given]
    else:
        lines = balanced_lines(((name, font),), two_line_size, width)
        if len(lines) != 2:
            return [name]
        parts = ["".join(text for text, _ in runs) for runs, _ in lines]
    two = min(fit_font_size(part, font, two_line_size, width, 6) for part in parts)
    return parts if two > one else [name]


def grade_text(grade: Decimal) -> str:
    """Write a grade with its words when whole: ``"16 (dieciséis)"``; else ``"17.5"``."""
    if grade == grade.to_integral_value():
        whole = int(grade)
        return Labels.GRADE_VALUE.format(grade=whole, words=GRADE_WORDS[whole])
    return f"{grade.normalize():f}"


def achievement_runs(data: CertificateData) -> list[Run]:
    """The sentence under the name, with the trade, hours and result in bold."""
    regular, bold = fonts.SERIF, fonts.SERIF_BOLD
    runs: list[Run] = [
        (Labels.ACHIEVED, regular),
        (data.trade, bold),
        (Labels.DURATION, regular),
        (Labels.HOURS.format(hours=format_hours(data.total_hours)), bold),
        (Labels.PERIOD + spanish_period(data.start, data.end), regular),
        (Labels.RESULT, regular),
        (Labels.PASSED, bold),
    ]
    if data.grade is not None:
        runs += [(Labels.GRADE, regular), (grade_text(data.grade), bold)]
    if data.partner:
        runs += [(Labels.PARTNER, regular), (data.partner, bold)]
    if not runs[-1][0].endswith(Labels.END):  # "S.A.C." ends the sentence already
        runs.append((Labels.END, regular))
    return runs


def competency_runs(data: CertificateData) -> list[Run]:
    """The list of modules with their hours, after a bold heading."""
    items = [
        Labels.COMPETENCY.format(name=item.name, hours=format_hours(item.hours))
        for item in data.competencies
    ]
    return [(Labels.COMPETENCIES, fonts.SERIF_BOLD), ("; ".join(items) + ".", fonts.SERIF)]


def footnote_runs(data: CertificateData) -> list[Run]:
    """How to verify, then what the document is not, in small print."""
    verify = Labels.VERIFY[data.title]
    if data.verify_where:
        verify += Labels.VERIFY_WHERE.format(where=clean(data.verify_where))
    return [(verify + ".", fonts.SANS), (" " + Labels.DISCLAIMER, fonts.SANS)]
