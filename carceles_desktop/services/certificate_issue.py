"""Issuing one training certificate: the checks, the number, the snapshot, the signature.

When the enrolment is eligible (see :mod:`.certificate_eligibility`), the certificate
takes the next number of its establishment's gapless series for the year of issue,
``EP-LURIGANCHO-2026-000123``, inside the caller's transaction (a rollback gives the
number back); it stores a snapshot of every printed word (:mod:`.certificate_snapshot`)
and the QR payload signed with the establishment's key valid on the issue day.  Every
check runs before the first write, so a refusal leaves nothing behind, not even a
taken number.

No PDF hash is stored (``file_sha256`` stays empty): reportlab writes a timestamp and a
random id into each file, so a hash could not be recomputed later, while the signed
payload and the stored snapshot already prove what was issued.

The public entry points live in :mod:`.certificates`, which re-exports these.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from carceles_desktop.domain.catalogues import Establishment
from carceles_desktop.domain.certificates import Certificate
from carceles_desktop.domain.enrolments import Enrolment
from carceles_desktop.domain.enums import CertificateKind, CertificateState, EnrolmentState
from carceles_desktop.domain.rules.certificate_payload import encode, to_stored_text
from carceles_desktop.domain.rules.serials import certificate_number
from carceles_desktop.domain.rules.text import search_key
from carceles_desktop.errors import Conflict, NotFound, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import audit, numbering
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.certificate_eligibility import Eligibility, judge_enrolments
from carceles_desktop.services.certificate_queries import CertificateRow, new_certificate_row
from carceles_desktop.services.certificate_snapshot import (
    Period,
    book_folio,
    build_snapshot,
    certificate_data_from_snapshot,
    payload_of,
    period_of,
    to_json,
)
from carceles_desktop.services.enrolments import check_establishment_scope, check_reason, today_or
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.services.settings import get_settings
from carceles_desktop.services.signing_keys import Signer, find_key, open_signer
from carceles_desktop.storage.unit_of_work import UnitOfWork

SERIES_KIND = "certificate"
_SEARCH_WIDTH = 300


class NotEligible(ValidationError):
    """The enrolment may not be certified; nothing was written.

    Attributes:
        eligibility: what is missing, item by item (``eligibility.missing``).
    """

    def __init__(self, judged: Eligibility) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "{name} cannot be certified yet: {missing}"),
            field="enrolment",
            name=judged.trainee_name,
            missing=" ".join(judged.missing_texts()),
        )
        self.eligibility = judged


class AlreadyCertified(Conflict):
    """The enrolment holds a current certificate already; nothing was written."""


def lock_enrolment(uow: UnitOfWork, enrolment_id: int) -> Enrolment:
    """Load an enrolment, locked until the end of the transaction.

    Raises:
        NotFound: no such enrolment.
    """
    # FOR UPDATE: two PostgreSQL sessions issuing for one enrolment take turns, and the
    # second sees the first's certificate (SQLite's BEGIN IMMEDIATE does this already).
    enrolment = uow.session.scalar(
        select(Enrolment).where(Enrolment.id == enrolment_id).with_for_update()
    )
    if enrolment is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no enrolment with the key {key}."),
            field="enrolment",
            key=enrolment_id,
        )
    return enrolment


def _override(actor: Actor, override_reason: str | None) -> str | None:
    if override_reason is None:
        return None
    require(actor, Action.OVERRIDE_ELIGIBILITY)
    return check_reason(override_reason)


def check_eligible(judged: Eligibility, override: str | None) -> None:
    """Refuse an enrolment that may not be certified (``override``: a written reason).

    Raises:
        AlreadyCertified: it holds a current certificate.
        NotEligible: something is missing that the override does not waive.
    """
    if judged.certificate_number is not None:
        raise AlreadyCertified(
            QT_TRANSLATE_NOOP(
                "errors",
                "{name} already holds certificate {number} for this enrolment; annul or "
                "replace it instead.",
            ),
            field="enrolment",
            name=judged.trainee_name,
            number=judged.certificate_number,
        )
    if judged.eligible or (override is not None and judged.needs_override):
        return
    raise NotEligible(judged)


def check_issue_day(judged: Eligibility, on: date, today: date) -> Period:
    """Return the printed period, refusing an issue day in the future or before its end.

    Raises:
        ValidationError: on the ``on`` field.
    """
    if on > today:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The date {day} is in the future."),
            field="on",
            day=on.isoformat(),
        )
    period = period_of(judged)
    if period is None or on < period.end:
        end = period.end.isoformat() if period is not None else "?"
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "A certificate cannot be issued before the training ends ({end})."
            ),
            field="on",
            end=end,
        )
    return period


def signer_for(uow: UnitOfWork, code: str, on: date, passphrase: str | Signer) -> Signer:
    """Unlock the key of ``code`` valid on ``on``, or check that a given signer is it.

    Raises:
        NotFound: no key valid that day.
        PermissionDenied: a wrong passphrase.
        ValidationError: a signer of another establishment or not valid that day.
    """
    if not isinstance(passphrase, Signer):
        return open_signer(uow, code, on, passphrase)
    key = find_key(uow, passphrase.key_id)
    if key is None or key.establishment_code != code or not key.valid_on(on):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "Key {key_id} cannot sign certificates of {code} issued on {day}."
            ),
            field="passphrase",
            key_id=passphrase.key_id,
            code=code,
            day=on.isoformat(),
        )
    return passphrase


def issue_certificate(
    uow: UnitOfWork,
    actor: Actor,
    enrolment_id: int,
    *,
    passphrase: str | Signer,
    on: date,
    override_reason: str | None = None,
    today: date | None = None,
) -> CertificateRow:
    """Issue the training certificate of an enrolment, numbered and signed.

    Args:
        uow: the caller's unit of work (the caller commits).
        actor: who issues; a supervisor only in his workshops.
        enrolment_id: the enrolment certified.
        passphrase: the passphrase of the establishment's key valid on ``on``, or a
            :class:`Signer` already unlocked with it (a batch unlocks it once).
        on: the day of issue (not before the training ends, not in the future).
        override_reason: issue although the enrolment is not culminated (needs
            ``OVERRIDE_ELIGIBILITY``); hours and competencies are never waived.
        today: the current date (default: the computer's).

    Raises:
        PermissionDenied: the actor may not issue here, may not override, or the
            passphrase is wrong.
        NotFound: no such enrolment, or no key of the establishment valid on ``on``.
        NotEligible: what is missing, item by item (a ``ValidationError``).
        ValidationError: a bad date or reason, or a signer that cannot sign it.
        AlreadyCertified: a current certificate exists for the enrolment (a ``Conflict``).
        Conflict: the year's series is exhausted.
    """
    enrolment = lock_enrolment(uow, enrolment_id)
    require(actor, Action.ISSUE_CERTIFICATES, workshop_id=enrolment.workshop_id)
    check_establishment_scope(actor, enrolment.workshop.establishment_id)
    override = _override(actor, override_reason)
    judged = judge_enrolments(uow, [enrolment])[0]
    check_eligible(judged, override)
    period = check_issue_day(judged, on, today_or(today))
    if enrolment.state is EnrolmentState.CULMINADO:
        override = None  # nothing was overridden
    code = uow.session.get_one(Establishment, enrolment.workshop.establishment_id).code
    signer = signer_for(uow, code, on, passphrase)
    return issue_judged(uow, actor, enrolment, (judged, period), signer, on, override, None)


def _take_number(uow: UnitOfWork, code: str, year: int) -> tuple[int, str]:
    # Taken last: the series row stays locked until commit, so hold it as briefly as we can.
    sequence = numbering.next_number(uow, SERIES_KIND, f"{code}-{year}")
    try:
        return sequence, certificate_number(code, year, sequence)
    except ValueError:
        raise Conflict(
            QT_TRANSLATE_NOOP("errors", "The certificate series of {code} for {year} is full."),
            code=code,
            year=year,
        ) from None


def _audit_issue(
    uow: UnitOfWork,
    actor: Actor,
    certificate: Certificate,
    snapshot: dict[str, Any],
    replaces: Certificate | None,
) -> None:
    audit.record(
        uow,
        actor,
        "issue",
        "certificate",
        entity_uuid=certificate.uuid,
        summary=f"Certificate {certificate.number} issued to "
        f"{snapshot['document']['inmate_code']} ({snapshot['workshop_code']}) on "
        f"{certificate.issued_on.isoformat()}",
        changes={
            "number": certificate.number,
            "enrolment": certificate.enrolment_id,
            "key_id": certificate.key_id,
            "override_reason": certificate.override_reason,
            "replaces": replaces.number if replaces is not None else None,
        },
    )


def issue_judged(
    uow: UnitOfWork,
    actor: Actor,
    enrolment: Enrolment,
    judgement: tuple[Eligibility, Period],
    signer: Signer,
    on: date,
    override: str | None,
    replaces: Certificate | None,
) -> CertificateRow:
    """Number, snapshot, sign and store a certificate already checked (see the callers).

    Raises:
        Conflict: the year's series is exhausted.
    """
    settings = get_settings(uow)
    judged, period = judgement
    snapshot = build_snapshot(uow, enrolment, judged, period=period, on=on, settings=settings)
    sequence, number = _take_number(uow, snapshot["establishment_code"], on.year)
    snapshot["number"], snapshot["book_folio"] = number, book_folio(settings, sequence)
    payload_bytes = encode(payload_of(snapshot, key_id=signer.key_id))
    document = snapshot["document"]
    certificate = Certificate(
        establishment_id=enrolment.workshop.establishment_id,
        year=on.year,
        sequence=sequence,
        number=number,
        book_folio=snapshot["book_folio"],
        kind=CertificateKind.CAPACITACION,
        state=CertificateState.VIGENTE,
        trainee_id=enrolment.trainee_id,
        enrolment_id=enrolment.id,
        issued_on=on,
        issued_by_user_id=actor.user_id,
        override_reason=override,
        snapshot=to_json(snapshot),
        payload=to_stored_text(payload_bytes),
        signature=signer.sign(payload_bytes),
        key_id=signer.key_id,
        replaces_id=replaces.id if replaces is not None else None,
        search_key=search_key(
            number, snapshot["trainee_name"], document["doc_number"], document["inmate_code"]
        )[:_SEARCH_WIDTH],
    )
    # Fails loudly (a bug, not a user error) if the snapshot cannot be printed.
    certificate_data_from_snapshot(certificate)
    uow.session.add(certificate)
    uow.session.flush()
    _audit_issue(uow, actor, certificate, snapshot, replaces)
    issuer = actor.username if actor.user_id is not None else None
    workshop = (enrolment.workshop.id, enrolment.workshop.code)
    return new_certificate_row(certificate, workshop, replaces.number if replaces else None, issuer)
