"""Training certificates: issue, annul, replace and reprint (the entry points).

**Issue** (:func:`issue_certificate`, in :mod:`.certificate_issue`): numbered in the
establishment's gapless series per year inside the caller's transaction, with a snapshot
of what is printed and a signed QR payload.  **Annul**: the number stays used and
verification answers ANNULLED.  **Replace**: the old certificate becomes *reemplazado*
(verification answers REPLACED, naming the new number) and a new one, with a new
number, is issued from the current records and points to it.  **Reprint**: the stored
snapshot and signature print again, marked DUPLICADO with the reprint's date; no
passphrase is needed.

Batches (one transaction, cancel leaves nothing) and rendering many:
:mod:`.certificate_batch`.  The registry: :mod:`.certificate_queries`.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import select

from carceles_desktop.documents.certificate_data import CertificateData
from carceles_desktop.domain.catalogues import Establishment
from carceles_desktop.domain.certificates import Certificate
from carceles_desktop.domain.enums import CertificateState, EnrolmentState
from carceles_desktop.errors import Conflict, NotFound, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.certificate_eligibility import judge_enrolments
from carceles_desktop.services.certificate_issue import (
    AlreadyCertified,
    NotEligible,
    check_eligible,
    check_issue_day,
    issue_certificate,
    issue_judged,
    lock_enrolment,
    signer_for,
)
from carceles_desktop.services.certificate_queries import (
    CertificateRow,
    certificate_row,
    check_certificate_scope,
    workshop_of,
)
from carceles_desktop.services.certificate_snapshot import certificate_data_from_snapshot
from carceles_desktop.services.enrolments import check_reason, today_or
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.services.signing_keys import Signer
from carceles_desktop.storage.unit_of_work import UnitOfWork

__all__ = [
    "AlreadyCertified",
    "CertificateRow",
    "NotEligible",
    "Signer",
    "annul_certificate",
    "certificate_data_from_snapshot",
    "issue_certificate",
    "record_reprint",
    "replace_certificate",
    "reprint_certificate",
    "reprint_certificates",
]


def _certificate(uow: UnitOfWork, certificate_id: int) -> Certificate:
    certificate = uow.session.scalar(
        select(Certificate).where(Certificate.id == certificate_id).with_for_update()
    )
    if certificate is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no certificate {key}."),
            field="certificate",
            key=certificate_id,
        )
    return certificate


# --------------------------------------------------------------------------- after issue


def _check_current(certificate: Certificate) -> None:
    if certificate.state is not CertificateState.VIGENTE:
        raise Conflict(
            QT_TRANSLATE_NOOP("errors", "Certificate {number} is {state} already."),
            field="certificate",
            number=certificate.number,
            state=certificate.state.value,
        )


def _check_later_day(certificate: Certificate, on: date, today: date) -> None:
    if not certificate.issued_on <= on <= today:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Choose a day from the issue date {day} to today."),
            field="on",
            day=certificate.issued_on.isoformat(),
        )


def _void(
    uow: UnitOfWork, actor: Actor, certificate: Certificate, state: CertificateState, why: str
) -> None:
    before = certificate.state
    certificate.state = state
    uow.session.flush()
    audit.record(
        uow,
        actor,
        "annul" if state is CertificateState.ANULADO else "replace",
        "certificate",
        entity_uuid=certificate.uuid,
        summary=f"Certificate {certificate.number} {state.value} on "
        f"{certificate.annulled_on.isoformat() if certificate.annulled_on else '?'}: {why}",
        changes={"state": [before, state], "reason": why},
    )


def annul_certificate(
    uow: UnitOfWork,
    actor: Actor,
    certificate_id: int,
    *,
    reason: str,
    on: date,
    today: date | None = None,
) -> CertificateRow:
    """Annul a certificate; its number stays used and verification says ANNULLED.

    Raises:
        PermissionDenied: the actor may not annul certificates (or not this one).
        NotFound: no such certificate.
        ValidationError: no reason, or a day before the issue or in the future.
        Conflict: the certificate is annulled or replaced already.
    """
    require(actor, Action.ANNUL_CERTIFICATES)
    certificate = _certificate(uow, certificate_id)
    check_certificate_scope(actor, certificate, workshop_of(uow, certificate))
    _check_current(certificate)
    why = check_reason(reason)
    _check_later_day(certificate, on, today_or(today))
    certificate.annulled_on, certificate.annul_reason = on, why
    _void(uow, actor, certificate, CertificateState.ANULADO, why)
    return certificate_row(uow, certificate)


def replace_certificate(
    uow: UnitOfWork,
    actor: Actor,
    certificate_id: int,
    *,
    passphrase: str | Signer,
    on: date,
    reason: str,
    today: date | None = None,
) -> CertificateRow:
    """Replace a certificate by a new one, numbered anew, from the current records.

    The old one becomes *reemplazado* (verification names its successor); the new one
    points to it.  That the new snapshot reads the records as they are now is the point:
    a corrected name or document prints on the replacement.  An override the old
    certificate was issued under carries over.

    Returns:
        The new certificate.

    Raises:
        PermissionDenied: the actor may not annul and replace certificates, or the
            passphrase is wrong.
        NotFound: no such certificate, or no key valid on ``on``.
        ValidationError: no reason, a bad day, or the records no longer make the
            trainee eligible (:class:`NotEligible`).
        Conflict: the certificate is not current, or came from no enrolment.
    """
    require(actor, Action.ANNUL_CERTIFICATES)
    old = _certificate(uow, certificate_id)
    check_certificate_scope(actor, old, workshop_of(uow, old))
    _check_current(old)
    why = check_reason(reason)
    _check_later_day(old, on, today_or(today))
    if old.enrolment_id is None:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "errors", "Certificate {number} comes from no enrolment; annul it instead."
            ),
            field="certificate",
            number=old.number,
        )
    enrolment = lock_enrolment(uow, old.enrolment_id)
    old.annulled_on, old.annul_reason = on, why
    _void(uow, actor, old, CertificateState.REEMPLAZADO, why)
    judged = judge_enrolments(uow, [enrolment])[0]
    override = old.override_reason if enrolment.state is not EnrolmentState.CULMINADO else None
    check_eligible(judged, override)
    period = check_issue_day(judged, on, today_or(today))
    code = uow.session.get_one(Establishment, old.establishment_id).code
    signer = signer_for(uow, code, on, passphrase)
    return issue_judged(uow, actor, enrolment, (judged, period), signer, on, override, old)


def record_reprint(
    uow: UnitOfWork,
    actor: Actor,
    certificate_id: int,
    *,
    on: date,
    today: date | None = None,
) -> CertificateData:
    """Count a reprint and return the page to print, marked DUPLICADO with ``on``.

    An annulled or replaced certificate reprints with that state across the page: it
    is never printed as valid.

    Raises:
        PermissionDenied: the actor may not issue certificates of its workshop.
        NotFound: no such certificate.
        ValidationError: a day before the issue or in the future.
    """
    certificate = _certificate(uow, certificate_id)
    workshop_id = workshop_of(uow, certificate)
    require(actor, Action.ISSUE_CERTIFICATES, workshop_id=workshop_id)
    check_certificate_scope(actor, certificate, workshop_id)
    _check_later_day(certificate, on, today_or(today))
    before = certificate.reprint_count
    certificate.reprint_count = before + 1
    # The column holds the reprint's day (midnight): it is what the paper prints.
    certificate.last_reprinted_on = datetime.combine(on, time())
    uow.session.flush()
    audit.record(
        uow,
        actor,
        "print",
        "certificate",
        entity_uuid=certificate.uuid,
        summary=f"Certificate {certificate.number} reprinted (DUPLICADO) on {on.isoformat()}",
        changes={"reprint_count": [before, before + 1]},
    )
    return certificate_data_from_snapshot(certificate, reprinted_on=on)


def reprint_certificate(
    uow: UnitOfWork,
    actor: Actor,
    certificate_id: int,
    *,
    on: date,
    today: date | None = None,
) -> bytes:
    """Reprint a certificate as a one-page PDF marked DUPLICADO (see :func:`record_reprint`).

    Raises:
        PermissionDenied, NotFound, ValidationError: as :func:`record_reprint`.
    """
    from carceles_desktop.documents.certificate import render_certificate  # on use

    return render_certificate(record_reprint(uow, actor, certificate_id, on=on, today=today))


def reprint_certificates(
    uow: UnitOfWork,
    actor: Actor,
    certificate_ids: list[int],
    *,
    on: date,
    today: date | None = None,
) -> bytes:
    """Reprint several certificates into one PDF, each marked DUPLICADO and counted.

    Raises:
        PermissionDenied, NotFound, ValidationError: as :func:`record_reprint`.
        ValueError: no certificates given.
    """
    pages = [record_reprint(uow, actor, cid, on=on, today=today) for cid in certificate_ids]
    from carceles_desktop.documents.certificate import render_certificates  # on use

    return render_certificates(pages)
