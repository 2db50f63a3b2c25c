"""Verifying a certificate from its QR text or its PDF, offline and without a passphrase.

The checks run in this order, and the first that fails gives the verdict:

1. the text is a certificate code that decodes (else ``UNREADABLE``);
2. its key id is known here, as an own key or one imported (else ``UNKNOWN_KEY``);
3. the Ed25519 signature holds and the key belongs to the establishment the payload
   names (else ``ALTERED``);
4. the key was valid on the certificate's issue date (else ``KEY_NOT_VALID_ON_DATE``);
5. this installation's records, when they hold the number: not annulled
   (``ANNULLED``), not replaced by a later certificate (``REPLACED``), and the very
   payload that was issued (else ``ALTERED``).

A valid signature proves the QR is genuine, not that the paper around it matches it:
the result carries the signed fields so that the screen shows them large, for a person
to compare with the printed text.  No actor is needed: checking a paper is open to
anyone at the desk, and reading changes nothing (nothing is audited).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select

from carceles_desktop.domain.certificates import Certificate
from carceles_desktop.domain.enums import CertificateState
from carceles_desktop.domain.rules.certificate_payload import (
    QR_PREFIX,
    CertificatePayload,
    decode,
    from_qr_text,
    from_stored_text,
    signing_input,
)
from carceles_desktop.i18n import QT_TRANSLATE_NOOP, Message
from carceles_desktop.services.signing_keys import KeyRow, find_key
from carceles_desktop.storage.unit_of_work import UnitOfWork

_CONTEXT = "verification"
# Payload of at least one byte plus a 64-byte signature: 104 base32 characters or more.
QR_TEXT_PATTERN = re.compile(rf"{QR_PREFIX}[A-Z2-7]{{104,}}")


class VerificationStatus(StrEnum):
    """The verdict on one certificate code."""

    VALID = "valid"
    ALTERED = "altered"
    UNKNOWN_KEY = "unknown_key"
    KEY_NOT_VALID_ON_DATE = "key_not_valid_on_date"
    ANNULLED = "annulled"
    REPLACED = "replaced"
    UNREADABLE = "unreadable"


@dataclass(frozen=True)
class LocalRecord:
    """What this installation's records say about the certificate's number.

    Attributes:
        state: vigente, anulado or reemplazado.
        issued_on: the issue date recorded.
        annulled_on: when it was annulled or replaced, if it was.
        replaced_by: the number of the certificate that replaces it, if any.
        matches: True when the record holds exactly the payload that was scanned.
    """

    state: CertificateState
    issued_on: date
    annulled_on: date | None
    replaced_by: str | None
    matches: bool


@dataclass(frozen=True)
class VerificationResult:
    """The verdict, why, and the signed fields to show large.

    Attributes:
        status: the verdict; only ``VALID`` means the certificate may be trusted.
        message: one sentence for the person at the desk (translate at display time).
        payload: the fields the code carries; trustworthy only when the signature held
            (``VALID``, ``KEY_NOT_VALID_ON_DATE``, ``ANNULLED``, ``REPLACED``).
        key: the signing key, when known here.
        local: this installation's record of the number, when there is one.
        qr_text: the certificate code as read (whitespace removed), when there was one.
        detail: for ``UNREADABLE``, the technical reason (English, for the log).
    """

    status: VerificationStatus
    message: Message
    payload: CertificatePayload | None = None
    key: KeyRow | None = None
    local: LocalRecord | None = None
    qr_text: str | None = None
    detail: str | None = None

    @property
    def valid(self) -> bool:
        """True only for a certificate that passed every check."""
        return self.status is VerificationStatus.VALID

    @property
    def signature_holds(self) -> bool:
        """True when the payload's fields are genuine (whatever else failed)."""
        return self.status in _SIGNED


_SIGNED = frozenset(
    {
        VerificationStatus.VALID,
        VerificationStatus.KEY_NOT_VALID_ON_DATE,
        VerificationStatus.ANNULLED,
        VerificationStatus.REPLACED,
    }
)


def _message(text: str, **params: object) -> Message:
    return Message(_CONTEXT, text, params)


_NOT_A_CODE = QT_TRANSLATE_NOOP(
    "verification",
    "Unreadable: this is not a certificate code, or it was read incompletely. Scan it again.",
)
_NO_CODE_IN_PDF = QT_TRANSLATE_NOOP(
    "verification", "Unreadable: no certificate code was found in this PDF."
)
_NOT_A_PDF = QT_TRANSLATE_NOOP("verification", "Unreadable: the file cannot be read as a PDF.")


def _unreadable(
    sentence: str, detail: str | None = None, qr_text: str | None = None
) -> VerificationResult:
    return VerificationResult(
        VerificationStatus.UNREADABLE, _message(sentence), qr_text=qr_text, detail=detail
    )


def verify_text(uow: UnitOfWork, text: str) -> VerificationResult:
    """Verify the text of a certificate's QR code (as a USB scanner types it).

    Never raises for bad input: every failure is a result with its status.
    """
    compact = "".join(text.split()).upper()
    try:
        payload_bytes, signature = from_qr_text(compact)
        payload = decode(payload_bytes)
    except ValueError as exc:
        return _unreadable(_NOT_A_CODE, str(exc), compact or None)
    key = find_key(uow, payload.key_id)
    if key is None:
        return VerificationResult(
            VerificationStatus.UNKNOWN_KEY,
            _message(
                QT_TRANSLATE_NOOP(
                    "verification",
                    "Unknown key {key_id}: import the public keys of {code} to check this "
                    "certificate. Its fields are not yet proven.",
                ),
                key_id=payload.key_id,
                code=payload.establishment_code,
            ),
            payload=payload,
            qr_text=compact,
        )
    checked = _check_signature(key, payload, payload_bytes, signature, compact)
    if checked is not None:
        return checked
    return _check_records(uow, key, payload, payload_bytes, compact)


def _check_signature(
    key: KeyRow, payload: CertificatePayload, payload_bytes: bytes, signature: bytes, text: str
) -> VerificationResult | None:
    try:
        Ed25519PublicKey.from_public_bytes(key.public_key).verify(
            signature, signing_input(payload_bytes)
        )
    except (InvalidSignature, ValueError):
        return VerificationResult(
            VerificationStatus.ALTERED,
            _message(
                QT_TRANSLATE_NOOP(
                    "verification",
                    "Altered: the signature does not match the data. Do not accept this "
                    "certificate.",
                )
            ),
            payload=payload,
            key=key,
            qr_text=text,
        )
    if key.establishment_code != payload.establishment_code:
        return VerificationResult(
            VerificationStatus.ALTERED,
            _message(
                QT_TRANSLATE_NOOP(
                    "verification",
                    "Altered: the certificate names {code} but is signed with a key of "
                    "{key_code}. Do not accept it.",
                ),
                code=payload.establishment_code,
                key_code=key.establishment_code,
            ),
            payload=payload,
            key=key,
            qr_text=text,
        )
    if not key.valid_on(payload.issued):
        return VerificationResult(
            VerificationStatus.KEY_NOT_VALID_ON_DATE,
            _message(
                QT_TRANSLATE_NOOP(
                    "verification",
                    "Key {key_id} was not valid on the issue date {issued} (valid {span}).",
                ),
                key_id=key.key_id,
                issued=payload.issued.isoformat(),
                span=_span(key),
            ),
            payload=payload,
            key=key,
            qr_text=text,
        )
    return None


def _span(key: KeyRow) -> str:
    end = key.valid_to.isoformat() if key.valid_to else "…"
    return f"{key.valid_from.isoformat()} – {end}"


def _local_record(
    uow: UnitOfWork, payload: CertificatePayload, payload_bytes: bytes
) -> LocalRecord | None:
    row = uow.session.scalar(select(Certificate).where(Certificate.number == payload.number))
    if row is None:
        return None
    try:
        matches = from_stored_text(row.payload) == payload_bytes
    except ValueError:
        matches = False
    replaced_by = uow.session.scalar(
        select(Certificate.number).where(Certificate.replaces_id == row.id).limit(1)
    )
    return LocalRecord(row.state, row.issued_on, row.annulled_on, replaced_by, matches)


def _check_records(
    uow: UnitOfWork, key: KeyRow, payload: CertificatePayload, payload_bytes: bytes, text: str
) -> VerificationResult:
    local = _local_record(uow, payload, payload_bytes)

    def result(status: VerificationStatus, message: Message) -> VerificationResult:
        return VerificationResult(status, message, payload, key, local, text)

    if local is not None and local.state is CertificateState.ANULADO:
        when = local.annulled_on.isoformat() if local.annulled_on else "?"
        return result(
            VerificationStatus.ANNULLED,
            _message(
                QT_TRANSLATE_NOOP(
                    "verification", "Annulled on {day}: this certificate is no longer valid."
                ),
                day=when,
            ),
        )
    if local is not None and local.state is CertificateState.REEMPLAZADO:
        return result(
            VerificationStatus.REPLACED,
            _message(
                QT_TRANSLATE_NOOP(
                    "verification",
                    "Replaced by certificate {number}: ask for the newer paper.",
                ),
                number=local.replaced_by or "?",
            ),
        )
    if local is not None and not local.matches:
        return result(
            VerificationStatus.ALTERED,
            _message(
                QT_TRANSLATE_NOOP(
                    "verification",
                    "Altered: certificate {number} is recorded here with other data. Do "
                    "not accept it; report it to the establishment.",
                ),
                number=payload.number,
            ),
        )
    if local is None:
        sentence = QT_TRANSLATE_NOOP(
            "verification",
            "Valid: signed by {code} with key {key_id}. Not recorded in this installation; "
            "compare the fields with the paper.",
        )
    else:
        sentence = QT_TRANSLATE_NOOP(
            "verification",
            "Valid: signed by {code} with key {key_id} and recorded here as current. "
            "Compare the fields with the paper.",
        )
    return result(
        VerificationStatus.VALID,
        _message(sentence, code=payload.establishment_code, key_id=key.key_id),
    )


# --- PDFs -------------------------------------------------------------------------------------


def verify_pdf_all(uow: UnitOfWork, source: str | Path | bytes) -> list[VerificationResult]:
    """Verify every certificate in a PDF (one per page in a batch), in file order.

    A file that is not a readable PDF, or holds no certificate code, gives a single
    ``UNREADABLE`` result.
    """
    try:
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
    except OSError as exc:
        return [_unreadable(_NOT_A_PDF, str(exc))]
    try:
        from carceles_desktop.documents.qr import find_qr_texts  # zxing-cpp: on use

        texts = find_qr_texts(data, QR_TEXT_PATTERN)
    except ValueError as exc:
        return [_unreadable(_NOT_A_PDF, str(exc))]
    if not texts:
        return [_unreadable(_NO_CODE_IN_PDF)]
    return [verify_text(uow, text) for text in texts]


def verify_pdf(uow: UnitOfWork, source: str | Path | bytes) -> VerificationResult:
    """Verify the certificate in a one-certificate PDF (see :func:`verify_pdf_all`).

    A PDF holding several certificates gives ``UNREADABLE``, asking for
    :func:`verify_pdf_all`, rather than a verdict on one of them picked at random.
    """
    results = verify_pdf_all(uow, source)
    if len(results) == 1:
        return results[0]
    return VerificationResult(
        VerificationStatus.UNREADABLE,
        _message(
            QT_TRANSLATE_NOOP(
                "verification",
                "The PDF holds {count} certificates; verify them one by one.",
            ),
            count=len(results),
        ),
    )
