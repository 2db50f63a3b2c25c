"""What a certificate prints, frozen at issue as JSON, and the page data rebuilt from it.

At issue :func:`build_snapshot` gathers every printed word from the records (trainee,
enrolment, workshop, trade, assessments) and the settings (letterhead, signatories,
book); the certificate stores it in ``Certificate.snapshot``.  A reprint, a preview or
a batch render calls :func:`certificate_data_from_snapshot`, which reads only that JSON
and the stored signature: a trainee renamed, a module re-timed or a new director after
the issue never change a certificate already issued.  Only a replacement takes a new
snapshot, which is its purpose (e.g. to correct a misspelt name).

Printed choices, decided here once:

* the name prints as the trainee's full name, given names first, accents kept;
* the modules listed are the competencies passed (required or not), with their nominal
  hours, and the hours printed are their sum (the training's duration); when the trade
  lists no modules, the hours worked (whole hours) print instead;
* the grade is the rounded mean of the listed modules' grades when every one has a
  grade, else the paper says "aprobado" without a grade;
* the instructor's line carries the evaluator of the latest module passed (the settings'
  instructor when the assessments name none); director and head of work come from the
  settings;
* the book and folio print as "Libro B, folio N", N being the certificate's sequence.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, Protocol

from carceles_desktop.documents.certificate_data import (
    HIGHEST_GRADE,
    PASSING_GRADE,
    CertificateData,
    CertificateSignatories,
    CertificateTitle,
    Competency,
)
from carceles_desktop.documents.data import InstitutionHeader, PersonDocument, Signatory
from carceles_desktop.domain.catalogues import Establishment
from carceles_desktop.domain.commerce import Partner
from carceles_desktop.domain.enrolments import Enrolment
from carceles_desktop.domain.enums import CertificateState, DocumentType
from carceles_desktop.domain.rules.certificate_payload import (
    CertificatePayload,
    make_id_hint,
    qr_text_from_stored,
)
from carceles_desktop.services.certificate_eligibility import CompetencyStanding, Eligibility
from carceles_desktop.services.letterhead import institution_header, person_document, signatory
from carceles_desktop.services.settings import Settings
from carceles_desktop.storage.unit_of_work import UnitOfWork

#: Version of the snapshot's JSON shape (kept in the JSON itself).
SNAPSHOT_FORMAT = 1


class StoredCertificate(Protocol):
    """What :func:`certificate_data_from_snapshot` reads from a certificate row."""

    @property
    def snapshot(self) -> str: ...  # noqa: D102 - the protocol's fields are the row's

    @property
    def payload(self) -> str: ...  # noqa: D102

    @property
    def signature(self) -> bytes: ...  # noqa: D102

    @property
    def state(self) -> CertificateState: ...  # noqa: D102


@dataclass(frozen=True)
class Period:
    """The training's first and last day, as printed."""

    start: date
    end: date


def period_of(judged: Eligibility) -> Period | None:
    """The period a certificate prints: the enrolment's, or to the last day worked.

    An enrolment still open (certified by override) ends on its last day of work.
    Returns None when it has neither an end nor a day of work.
    """
    end = judged.ends_on or judged.last_worked_on
    if end is None:
        return None
    return Period(judged.starts_on, max(end, judged.starts_on))


def _grade(listed: tuple[CompetencyStanding, ...]) -> int | None:
    grades = [item.grade for item in listed]
    if not listed or any(grade is None for grade in grades):
        return None
    mean = Decimal(sum(g for g in grades if g is not None)) / len(grades)
    whole = int(mean.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    # A pass grade set below 11 can pass a mean the paper's scale does not certify.
    return whole if PASSING_GRADE <= whole <= HIGHEST_GRADE else None


def _instructor(settings: Settings, listed: tuple[CompetencyStanding, ...]) -> Signatory:
    dated = [item for item in listed if item.evaluator and item.assessed_on is not None]
    if not dated:
        return signatory(settings, "instructor")
    latest = max(dated, key=lambda item: (item.assessed_on or date.min, item.competency_id))
    return signatory(settings, "instructor", name=latest.evaluator)


def _hours(judged: Eligibility, listed: tuple[CompetencyStanding, ...]) -> tuple[int, bool]:
    """The hours printed, and whether the modules are listed with theirs."""
    nominal = sum(item.hours for item in listed)
    if nominal > 0:
        return nominal, True
    return int(judged.hours.to_integral_value(rounding=ROUND_DOWN)), False


def build_snapshot(
    uow: UnitOfWork,
    enrolment: Enrolment,
    judged: Eligibility,
    *,
    period: Period,
    on: date,
    settings: Settings,
) -> dict[str, Any]:
    """Gather what the certificate prints, except its number and folio (given at issue)."""
    trainee, workshop = enrolment.trainee, enrolment.workshop
    establishment = uow.session.get_one(Establishment, workshop.establishment_id)
    header = institution_header(uow, establishment.code, settings)
    document = person_document(trainee.doc_type, trainee.doc_number, trainee.inmate_code)
    listed = judged.passed_competencies
    total, with_modules = _hours(judged, listed)
    instructor = _instructor(settings, listed)
    return {
        "format": SNAPSHOT_FORMAT,
        "establishment_code": establishment.code,
        "workshop_code": workshop.code,
        "header": {
            "name": header.name,
            "acronym": header.acronym,
            "regional_office": header.regional_office,
            "establishment": header.establishment,
            "logo_path": str(header.logo_path) if header.logo_path else None,
        },
        "title": CertificateTitle.CERTIFICADO.value,
        "number": "",
        "book_folio": None,
        "trainee_name": trainee.full_name,
        "surnames": " ".join(s for s in (trainee.paternal_surname, trainee.maternal_surname) if s),
        "given_names": trainee.given_names,
        "document": {
            "doc_type": document.doc_type.value,
            "doc_number": document.doc_number,
            "inmate_code": document.inmate_code,
        },
        "trade": workshop.trade.name,
        "competencies": [
            {"code": item.code, "name": item.name, "hours": item.hours} for item in listed
        ]
        if with_modules
        else [],
        "total_hours": total,
        "hours_worked": str(judged.hours),
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "grade": _grade(listed),
        "place": establishment.city or establishment.name,
        "issued_on": on.isoformat(),
        "signatories": {
            "director": _signer_json(signatory(settings, "director")),
            "work_head": _signer_json(signatory(settings, "jefe_trabajo")),
            "instructor": _signer_json(instructor),
        },
        "partner": _partner_name(uow, enrolment),
        "verify_where": None,
    }


def _partner_name(uow: UnitOfWork, enrolment: Enrolment) -> str | None:
    """The company that trained with the workshop, when one runs it."""
    partner_id = enrolment.workshop.partner_id
    if partner_id is None:
        return None
    partner = uow.session.get(Partner, partner_id)
    return partner.name if partner is not None else None


def _signer_json(person: Signatory) -> dict[str, str]:
    return {"name": person.name, "title": person.title}


def book_folio(settings: Settings, sequence: int) -> str:
    """How the register's book and folio print, e.g. ``"Libro 1, folio 123"``."""
    return f"Libro {settings.certificate_series_book}, folio {sequence}"


def payload_of(snapshot: dict[str, Any], *, key_id: str) -> CertificatePayload:
    """The signed QR payload of a snapshot (number already set).

    Raises:
        ValueError: a text is too long for the payload or a date is out of its range.
    """
    document = snapshot["document"]
    return CertificatePayload(
        number=snapshot["number"],
        establishment_code=snapshot["establishment_code"],
        name=snapshot["trainee_name"],
        id_hint=make_id_hint(
            DocumentType(document["doc_type"]), document["doc_number"], document["inmate_code"]
        ),
        trade=snapshot["trade"],
        hours=int(snapshot["total_hours"]),
        start=date.fromisoformat(snapshot["start"]),
        end=date.fromisoformat(snapshot["end"]),
        issued=date.fromisoformat(snapshot["issued_on"]),
        key_id=key_id,
    )


def to_json(snapshot: dict[str, Any]) -> str:
    """The stored text: compact, accents kept, keys sorted so equal snapshots compare equal."""
    return json.dumps(snapshot, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def read_snapshot(text: str) -> dict[str, Any]:
    """Parse a stored snapshot.

    Raises:
        ValueError: the text is not a snapshot this program wrote.
    """
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("format") != SNAPSHOT_FORMAT:
        raise ValueError("not a certificate snapshot of format 1")
    return data


def _signatory(item: dict[str, str] | None) -> Signatory | None:
    return Signatory(item["name"], item["title"]) if item is not None else None


def _existing(path: str | None) -> Path | None:
    # A logo moved or deleted since the issue prints no logo rather than no certificate.
    return Path(path) if path and Path(path).is_file() else None


def certificate_data_from_snapshot(
    row: StoredCertificate, *, reprinted_on: date | None = None
) -> CertificateData:
    """Rebuild the printable certificate from its stored snapshot alone.

    Args:
        row: the stored certificate (its snapshot, payload, signature and state).
        reprinted_on: the day of a reprint, printed "DUPLICADO — reimpreso el …";
            None prints the original.

    Raises:
        ValueError: the snapshot or payload is damaged.
    """
    data = read_snapshot(row.snapshot)
    header, document, people = data["header"], data["document"], data["signatories"]
    director, work_head = _signatory(people["director"]), _signatory(people["work_head"])
    if director is None or work_head is None:
        raise ValueError("a certificate snapshot lacks its director or head of work")
    grade = data["grade"]
    return CertificateData(
        header=InstitutionHeader(
            name=header["name"],
            acronym=header["acronym"],
            regional_office=header["regional_office"],
            establishment=header["establishment"],
            logo_path=_existing(header["logo_path"]),
        ),
        title=CertificateTitle(data["title"]),
        number=data["number"],
        book_folio=data["book_folio"],
        trainee_name=data["trainee_name"],
        document=PersonDocument(
            DocumentType(document["doc_type"]), document["doc_number"], document["inmate_code"]
        ),
        trade=data["trade"],
        competencies=tuple(
            Competency(item["name"], Decimal(item["hours"])) for item in data["competencies"]
        ),
        total_hours=Decimal(data["total_hours"]),
        start=date.fromisoformat(data["start"]),
        end=date.fromisoformat(data["end"]),
        grade=Decimal(grade) if grade is not None else None,
        place=data["place"],
        issued_on=date.fromisoformat(data["issued_on"]),
        signatories=CertificateSignatories(
            director, work_head, _signatory(people.get("instructor"))
        ),
        qr_text=qr_text_from_stored(row.payload, row.signature),
        partner=data["partner"],
        verify_where=data["verify_where"],
        state=row.state,
        reprinted_on=reprinted_on,
    )
