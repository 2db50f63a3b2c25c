"""The certificate registry: one certificate in full, and paged, filtered lists.

What lists show of the holder (name, document, trade) is what the certificate printed,
read from its snapshot, never the trainee's current record.  The text search looks in
``Certificate.search_key``: the folded number, printed name, document number and inmate
code, written at issue.  A user bound to an establishment sees its certificates; a
supervisor those of his workshops.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Select, false, func, select

from carceles_desktop.domain.catalogues import Establishment
from carceles_desktop.domain.certificates import Certificate
from carceles_desktop.domain.enrolments import Enrolment
from carceles_desktop.domain.enums import CertificateKind, CertificateState, Role
from carceles_desktop.domain.rules.certificate_payload import qr_text_from_stored
from carceles_desktop.domain.rules.serials import parse_certificate_number
from carceles_desktop.domain.rules.text import fold_pattern
from carceles_desktop.domain.users import User
from carceles_desktop.domain.workshops import Workshop
from carceles_desktop.errors import NotFound, PermissionDenied
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.certificate_snapshot import read_snapshot
from carceles_desktop.services.commerce_common import check_page
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.storage.unit_of_work import UnitOfWork

_LIKE_ESCAPE = "\\"


@dataclass(frozen=True)
class CertificateListItem:
    """A certificate in the registry list (holder as printed)."""

    id: int
    number: str
    state: CertificateState
    issued_on: date
    trainee_name: str
    doc_number: str | None
    inmate_code: str
    trade: str
    total_hours: int
    workshop_code: str | None
    reprint_count: int
    annulled_on: date | None


@dataclass(frozen=True)
class CertificateRow:
    """One certificate with everything its detail panel, reprint and verification use.

    Attributes:
        snapshot: the JSON of what was printed (see :mod:`.certificate_snapshot`).
        payload: the signed payload as stored (base32).
        signature: the 64-byte Ed25519 signature.
        issued_by: the user who issued it, when known.
        replaces_number: the certificate this one replaces, if any.
        replaced_by_number: the certificate that replaced this one, if any.
    """

    id: int
    uuid: UUID
    number: str
    establishment_code: str
    year: int
    sequence: int
    book_folio: str | None
    kind: CertificateKind
    state: CertificateState
    trainee_id: int
    enrolment_id: int | None
    workshop_id: int | None
    workshop_code: str | None
    trainee_name: str
    doc_number: str | None
    inmate_code: str
    trade: str
    total_hours: int
    start: date
    end: date
    issued_on: date
    issued_by: str | None
    override_reason: str | None
    key_id: str
    annulled_on: date | None
    annul_reason: str | None
    replaces_id: int | None
    replaces_number: str | None
    replaced_by_id: int | None
    replaced_by_number: str | None
    reprint_count: int
    last_reprinted_on: datetime | None
    snapshot: str
    payload: str
    signature: bytes

    @property
    def qr_text(self) -> str:
        """The text the certificate's QR holds."""
        return qr_text_from_stored(self.payload, self.signature)

    @property
    def current(self) -> bool:
        """True while the certificate stands (neither annulled nor replaced)."""
        return self.state is CertificateState.VIGENTE


def _visible(actor: Actor) -> ColumnElement[bool] | None:
    if actor.role is Role.SUPERVISOR:
        if not actor.workshop_ids:
            return false()
        return Enrolment.workshop_id.in_(sorted(actor.workshop_ids))
    if actor.establishment_id is not None:
        return Certificate.establishment_id == actor.establishment_id
    return None


def _not_found(key: object) -> NotFound:
    return NotFound(
        QT_TRANSLATE_NOOP("errors", "There is no certificate {key}."),
        field="certificate",
        key=key,
    )


def check_certificate_scope(
    actor: Actor, certificate: Certificate, workshop_id: int | None
) -> None:
    """Refuse a certificate of another establishment, or of another workshop to a supervisor.

    Raises:
        PermissionDenied: the certificate is out of the actor's reach.
    """
    own_place = actor.establishment_id in (None, certificate.establishment_id)
    own_shop = actor.role is not Role.SUPERVISOR or workshop_id in actor.workshop_ids
    if not (own_place and own_shop):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("errors", "{user} may not see certificate {number}."),
            user=actor.username,
            number=certificate.number,
        )


@dataclass(frozen=True)
class _Links:
    """What a certificate row shows from other records."""

    workshop: tuple[int, str] | None = None
    replaces: str | None = None
    replaced_by: tuple[int, str] | None = None
    issuer: str | None = None


def _detail(uow: UnitOfWork, certificate: Certificate) -> CertificateRow:
    session = uow.session
    workshop = None
    if certificate.enrolment_id is not None:
        workshop = session.execute(
            select(Workshop.id, Workshop.code)
            .join(Enrolment, Enrolment.workshop_id == Workshop.id)
            .where(Enrolment.id == certificate.enrolment_id)
        ).first()
    replaced_by = session.execute(
        select(Certificate.id, Certificate.number).where(Certificate.replaces_id == certificate.id)
    ).first()
    replaces = (
        session.scalar(select(Certificate.number).where(Certificate.id == certificate.replaces_id))
        if certificate.replaces_id is not None
        else None
    )
    issuer = (
        session.scalar(select(User.username).where(User.id == certificate.issued_by_user_id))
        if certificate.issued_by_user_id is not None
        else None
    )
    links = _Links(
        (workshop[0], workshop[1]) if workshop else None,
        replaces,
        (replaced_by[0], replaced_by[1]) if replaced_by else None,
        issuer,
    )
    return _assemble(certificate, links)


def _assemble(certificate: Certificate, links: _Links) -> CertificateRow:
    printed = read_snapshot(certificate.snapshot)
    workshop, replaced_by = links.workshop, links.replaced_by
    return CertificateRow(
        id=certificate.id,
        uuid=certificate.uuid,
        number=certificate.number,
        establishment_code=printed["establishment_code"],
        year=certificate.year,
        sequence=certificate.sequence,
        book_folio=certificate.book_folio,
        kind=certificate.kind,
        state=certificate.state,
        trainee_id=certificate.trainee_id,
        enrolment_id=certificate.enrolment_id,
        workshop_id=workshop[0] if workshop else None,
        workshop_code=workshop[1] if workshop else None,
        trainee_name=printed["trainee_name"],
        doc_number=printed["document"]["doc_number"],
        inmate_code=printed["document"]["inmate_code"],
        trade=printed["trade"],
        total_hours=int(printed["total_hours"]),
        start=date.fromisoformat(printed["start"]),
        end=date.fromisoformat(printed["end"]),
        issued_on=certificate.issued_on,
        issued_by=links.issuer,
        override_reason=certificate.override_reason,
        key_id=certificate.key_id,
        annulled_on=certificate.annulled_on,
        annul_reason=certificate.annul_reason,
        replaces_id=certificate.replaces_id,
        replaces_number=links.replaces,
        replaced_by_id=replaced_by[0] if replaced_by else None,
        replaced_by_number=replaced_by[1] if replaced_by else None,
        reprint_count=certificate.reprint_count,
        last_reprinted_on=certificate.last_reprinted_on,
        snapshot=certificate.snapshot,
        payload=certificate.payload,
        signature=certificate.signature,
    )


def certificate_row(uow: UnitOfWork, certificate: Certificate) -> CertificateRow:
    """The row of a loaded certificate (no permission check; for the certificate services)."""
    return _detail(uow, certificate)


def new_certificate_row(
    certificate: Certificate,
    workshop: tuple[int, str],
    replaces: str | None,
    issuer: str | None,
) -> CertificateRow:
    """The row of a certificate just issued, from what the issuer knows (no query)."""
    return _assemble(certificate, _Links(workshop, replaces, None, issuer))


def workshop_of(uow: UnitOfWork, certificate: Certificate) -> int | None:
    """The workshop a certificate was issued in, if it came from an enrolment."""
    if certificate.enrolment_id is None:
        return None
    return uow.session.scalar(
        select(Enrolment.workshop_id).where(Enrolment.id == certificate.enrolment_id)
    )


def get_certificate(uow: UnitOfWork, actor: Actor, certificate_id: int) -> CertificateRow:
    """Return one certificate in full.

    Raises:
        PermissionDenied: the actor may not view it.
        NotFound: no such certificate.
    """
    require(actor, Action.VIEW)
    certificate = uow.session.get(Certificate, certificate_id)
    if certificate is None:
        raise _not_found(certificate_id)
    check_certificate_scope(actor, certificate, workshop_of(uow, certificate))
    return _detail(uow, certificate)


def find_certificate(uow: UnitOfWork, actor: Actor, number: str) -> CertificateRow:
    """Return the certificate with that number (spaces and case do not matter).

    Raises:
        PermissionDenied: the actor may not view it.
        NotFound: no certificate has that number, or it is not a certificate number.
    """
    require(actor, Action.VIEW)
    try:
        code, year, sequence = parse_certificate_number(number)
    except ValueError:
        raise _not_found(number.strip()) from None
    certificate = uow.session.scalar(
        select(Certificate)
        .join(Establishment, Establishment.id == Certificate.establishment_id)
        .where(
            Establishment.code == code,
            Certificate.year == year,
            Certificate.sequence == sequence,
        )
    )
    if certificate is None:
        raise _not_found(number.strip())
    check_certificate_scope(actor, certificate, workshop_of(uow, certificate))
    return _detail(uow, certificate)


def _filtered(
    actor: Actor,
    columns: Any,
    *,
    text: str,
    state: CertificateState | None,
    year: int | None,
    workshop_id: int | None,
) -> Select[Any]:
    query = columns.outerjoin(Enrolment, Enrolment.id == Certificate.enrolment_id)
    scope = _visible(actor)
    if scope is not None:
        query = query.where(scope)
    if text.strip():
        query = query.where(Certificate.search_key.like(fold_pattern(text), escape=_LIKE_ESCAPE))
    if state is not None:
        query = query.where(Certificate.state == state)
    if year is not None:
        query = query.where(Certificate.year == year)
    if workshop_id is not None:
        query = query.where(Enrolment.workshop_id == workshop_id)
    return query


def search_certificates(
    uow: UnitOfWork,
    actor: Actor,
    *,
    text: str = "",
    state: CertificateState | None = None,
    year: int | None = None,
    workshop_id: int | None = None,
    offset: int = 0,
    limit: int = 100,
) -> list[CertificateListItem]:
    """Return one page of the registry, newest first.

    Args:
        uow: an open unit of work (read-only is enough).
        actor: who reads.
        text: words of the number, printed name, document or inmate code (case and
            accents ignored).
        state: only certificates in this state.
        year: only certificates of this year of issue.
        workshop_id: only certificates issued in this workshop.
        offset: rows to skip.
        limit: rows to return, at most 1,000.

    Raises:
        PermissionDenied: the actor may not view records.
        ValueError: a bad page (a programming error).
    """
    require(actor, Action.VIEW)
    offset, limit = check_page(offset, limit)
    columns = select(
        Certificate.id,
        Certificate.number,
        Certificate.state,
        Certificate.issued_on,
        Certificate.snapshot,
        Certificate.reprint_count,
        Certificate.annulled_on,
        Workshop.code,
    )
    query = _filtered(
        actor, columns, text=text, state=state, year=year, workshop_id=workshop_id
    ).outerjoin(Workshop, Workshop.id == Enrolment.workshop_id)
    query = query.order_by(
        Certificate.year.desc(), Certificate.sequence.desc(), Certificate.id.desc()
    )
    rows = uow.session.execute(query.offset(offset).limit(limit))
    result = []
    for cid, number, st, issued, snapshot, reprints, annulled, shop in rows:
        printed = read_snapshot(snapshot)
        result.append(
            CertificateListItem(
                id=cid,
                number=number,
                state=st,
                issued_on=issued,
                trainee_name=printed["trainee_name"],
                doc_number=printed["document"]["doc_number"],
                inmate_code=printed["document"]["inmate_code"],
                trade=printed["trade"],
                total_hours=int(printed["total_hours"]),
                workshop_code=shop,
                reprint_count=reprints,
                annulled_on=annulled,
            )
        )
    return result


def count_certificates(
    uow: UnitOfWork,
    actor: Actor,
    *,
    text: str = "",
    state: CertificateState | None = None,
    year: int | None = None,
    workshop_id: int | None = None,
) -> int:
    """Count what :func:`search_certificates` would list with the same filters.

    Raises:
        PermissionDenied: the actor may not view records.
    """
    require(actor, Action.VIEW)
    query = _filtered(
        actor,
        select(func.count(Certificate.id)),
        text=text,
        state=state,
        year=year,
        workshop_id=workshop_id,
    )
    return int(uow.session.scalar(query) or 0)
