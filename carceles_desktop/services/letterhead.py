"""What every printed document shares: the institution's letterhead and signatories.

Taken from the settings (institution name, acronym, logo: INPE by default, SUNIR
selectable) and the catalogue (regional office and establishment), so that changing the
institution's name in Configuración changes every document printed afterwards.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from carceles_desktop.documents.data import InstitutionHeader, PersonDocument, Signatory
from carceles_desktop.domain.catalogues import Establishment, RegionalOffice
from carceles_desktop.domain.enums import DocumentType
from carceles_desktop.errors import NotFound
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.settings import Settings, get_settings
from carceles_desktop.storage.unit_of_work import UnitOfWork


def institution_header(
    uow: UnitOfWork, establishment_code: str, settings: Settings | None = None
) -> InstitutionHeader:
    """Return the letterhead for documents of ``establishment_code``.

    Raises:
        NotFound: the establishment is not in the catalogue.
    """
    settings = settings or get_settings(uow)
    row = uow.session.execute(
        select(Establishment.name, RegionalOffice.name)
        .join(RegionalOffice, Establishment.regional_office_id == RegionalOffice.id)
        .where(Establishment.code == establishment_code)
    ).first()
    if row is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no establishment with code {code}."),
            code=establishment_code,
        )
    logo = Path(settings.logo_path) if settings.logo_path else None
    return InstitutionHeader(
        name=settings.institution_name,
        acronym=settings.institution_acronym,
        regional_office=row[1],
        establishment=row[0],
        logo_path=logo if logo is not None and logo.is_file() else None,
    )


def signatory(settings: Settings, role: str, *, name: str | None = None) -> Signatory:
    """Return the signature line of ``role`` (director, jefe_trabajo, instructor).

    ``name`` overrides the configured name (e.g. the workshop's own supervisor).
    """
    for entry in settings.signatories:
        if entry.role == role:
            return Signatory(name=name if name is not None else entry.name, title=entry.title)
    return Signatory(name=name or "", title="")


def person_document(
    doc_type: DocumentType, doc_number: str | None, inmate_code: str
) -> PersonDocument:
    """Return how a trainee is identified on paper."""
    if doc_type is DocumentType.NONE or not doc_number:
        return PersonDocument(DocumentType.NONE, None, inmate_code)
    return PersonDocument(doc_type, doc_number, inmate_code)
