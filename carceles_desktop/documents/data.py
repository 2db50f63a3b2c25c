"""Input pieces shared by every document: the letterhead, people's identity, signatories."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from carceles_desktop.domain.enums import DocumentType


@dataclass(frozen=True)
class InstitutionHeader:
    """The letterhead printed at the top of every page.

    The institution is a setting (INPE today, SUNIR after DL 1710), so its name, acronym
    and logo come from the caller, never from constants here.

    Attributes:
        name: full name, e.g. ``"Instituto Nacional Penitenciario"``.
        acronym: e.g. ``"INPE"``; printed in brackets after the name.
        regional_office: as printed, e.g. ``"Oficina Regional Lima"``.
        establishment: as printed, e.g. ``"E.P. de Lurigancho"``.
        logo_path: PNG or JPEG printed at the left of the letterhead; ``None`` for none.
    """

    name: str
    acronym: str
    regional_office: str
    establishment: str
    logo_path: Path | None = None


@dataclass(frozen=True)
class PersonDocument:
    """How a trainee is identified on paper.

    Attributes:
        doc_type: the identity document; ``DocumentType.NONE`` when he has none.
        doc_number: its number, ``None`` exactly when there is no document.
        inmate_code: the prison's code for the inmate, which identifies him when he has
            no document.

    Raises:
        ValueError: a number without a document type, or a document type without number.
    """

    doc_type: DocumentType
    doc_number: str | None
    inmate_code: str

    def __post_init__(self) -> None:
        if (self.doc_type is DocumentType.NONE) != (not self.doc_number):
            raise ValueError(f"document {self.doc_type} with number {self.doc_number!r}")


@dataclass(frozen=True)
class Signatory:
    """A person who signs a document, printed under the signature line.

    The role under the line ("Jefe de trabajo") comes from each document's labels; this
    holds who fills it.  Both texts may be empty: the line is then left for a handwritten
    name.

    Attributes:
        name: full name, e.g. ``"Lic. Rosa Quispe Mamani"``.
        title: post or profession printed under the name, e.g. ``"Jefa del Área de Trabajo"``.
    """

    name: str = ""
    title: str = ""
