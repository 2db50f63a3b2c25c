"""Input of the training certificate (*certificado* or *constancia de capacitación*).

The certificate is the institution's own record that an inmate completed training in a
workshop: not a MINEDU/CETPRO title nor a Ministry of Labour competency certificate, and
the page says so.  The service fills this snapshot from the stored certificate (the JSON
of exactly what was printed), so a reprint prints the same words as the original.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from carceles_desktop.documents.data import InstitutionHeader, PersonDocument, Signatory
from carceles_desktop.domain.enums import CertificateState

#: Peru's vigesimal scale: grades 0 to 20, a pass from 11.
HIGHEST_GRADE = Decimal(20)
PASSING_GRADE = Decimal(11)


class CertificateTitle(StrEnum):
    """Which document it is: a certificate, or the humbler *constancia*."""

    CERTIFICADO = "certificado"
    CONSTANCIA = "constancia"


@dataclass(frozen=True)
class Competency:
    """A module or competency trained, printed in the list under the trade.

    Attributes:
        name: e.g. ``"Ensamble de muebles de madera"``.
        hours: hours of the module.
    """

    name: str
    hours: Decimal


@dataclass(frozen=True)
class CertificateSignatories:
    """Who signs, in rank order from the instructor to the director.

    Attributes:
        director: the establishment's director (printed at the right).
        work_head: the establishment's head of work (*jefe de trabajo*).
        instructor: who taught the workshop; ``None`` to print two signature lines.
    """

    director: Signatory
    work_head: Signatory
    instructor: Signatory | None = None


@dataclass(frozen=True)
class CertificateData:
    """Everything printed on one training certificate.

    Attributes:
        header: institution (INPE by default, SUNIR selectable), regional office,
            establishment and the logo printed at the left.
        title: certificate or *constancia*.
        number: the correlative number, e.g. ``"EP-LURIGANCHO-2026-000123"``.
        book_folio: the register's book and folio as printed, e.g. ``"Libro 2, folio 45"``;
            ``None`` if not kept.
        trainee_name: full name, accents kept, as on the document.
        document: identity document, or the inmate code when he has none.
        trade: the trade (*oficio*) or course, e.g. ``"Carpintería en madera"``.
        competencies: modules or competencies with their hours; may be empty.
        total_hours: hours of the training; the sum of the competencies' when listed.
        start: first day of the training.
        end: last day of the training.
        grade: final grade on the 0–20 scale, at least 11; ``None`` to print "aprobado"
            without a grade.
        place: where it is issued, e.g. ``"Lima"``.
        issued_on: the day it is issued.
        signatories: who signs.
        qr_text: the text the QR carries (the signed verification payload).
        partner: the partner company that gave the training, as printed; ``None`` if none.
        photo_path: the trainee's photo (about 30 × 40 mm); ``None`` for none.
        right_logo_path: the issuing unit's logo at the right of the letterhead.
        verify_where: where else to verify (a web address, an office); ``None`` to name
            only the program.
        state: valid, annulled or replaced; anything but valid prints across the page.
        reprinted_on: the day of a reprint, printed "DUPLICADO — reimpreso el …";
            ``None`` for the original.

    Raises:
        ValueError: the period is reversed or ends after issue, hours are not positive
            or disagree with the competencies, or the grade is off the scale or failing.
    """

    header: InstitutionHeader
    title: CertificateTitle
    number: str
    book_folio: str | None
    trainee_name: str
    document: PersonDocument
    trade: str
    competencies: tuple[Competency, ...]
    total_hours: Decimal
    start: date
    end: date
    grade: Decimal | None
    place: str
    issued_on: date
    signatories: CertificateSignatories
    qr_text: str
    partner: str | None = None
    photo_path: Path | None = None
    right_logo_path: Path | None = None
    verify_where: str | None = None
    state: CertificateState = CertificateState.VIGENTE
    reprinted_on: date | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("the training ends before it starts")
        if self.issued_on < self.end:
            raise ValueError("the certificate is issued before the training ends")
        if not self.total_hours > 0:
            raise ValueError(f"total hours must be positive: {self.total_hours}")
        listed = sum((item.hours for item in self.competencies), Decimal(0))
        if self.competencies and listed != self.total_hours:
            raise ValueError(f"competencies add up to {listed} hours, not {self.total_hours}")
        if self.grade is not None and not PASSING_GRADE <= self.grade <= HIGHEST_GRADE:
            raise ValueError(f"a certified grade must be 11 to 20: {self.grade}")
        if not self.qr_text:
            raise ValueError("a certificate needs its QR text")

    @property
    def is_void(self) -> bool:
        """Tell whether the certificate no longer stands (annulled or replaced)."""
        return self.state is not CertificateState.VIGENTE
