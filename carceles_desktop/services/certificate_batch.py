"""Issuing a workshop's certificates in one go, and printing many at once.

**One transaction for the whole batch.**  :func:`issue_certificates` issues every
certificate of the batch inside one unit of work and commits once at the end.
Cancelling (``should_cancel()`` answering true between two certificates) or any failure
rolls the whole batch back: no certificate of it exists afterwards, and the numbers it
had taken return to the series, so the next batch continues without a gap.  The
alternative — a transaction per certificate — would leave the ones already committed
(each whole) after a cancel; one transaction was chosen because a batch is one
decision ("certify this course"), its numbers come out consecutive, and 500
certificates take a few seconds (``tests/benchmarks/bench_certificate_issue.py``),
short enough to hold the series.  The key's passphrase is checked once, before any
certificate is written.  Enrolments that turn out not to be eligible are skipped with
their reasons, without writing anything for them; the rest of the batch goes on.

**Printing** (:func:`render_certificates`, :func:`write_certificate_files`) reads only
the stored snapshots and prints the originals (no DUPLICADO mark: that is
:func:`.certificates.record_reprint`'s); every print is audited.  A render cancelled
half-way returns nothing and writes no file.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol

from sqlalchemy import select

from carceles_desktop.documents.cancel import Cancelled
from carceles_desktop.documents.certificate_data import CertificateData
from carceles_desktop.domain.catalogues import Establishment
from carceles_desktop.domain.certificates import Certificate
from carceles_desktop.domain.enrolments import Enrolment
from carceles_desktop.domain.workshops import Workshop
from carceles_desktop.errors import NotFound
from carceles_desktop.i18n import QT_TRANSLATE_NOOP, Message
from carceles_desktop.services import audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.certificate_queries import (
    CertificateRow,
    check_certificate_scope,
    workshop_of,
)
from carceles_desktop.services.certificate_snapshot import (
    certificate_data_from_snapshot,
    read_snapshot,
)
from carceles_desktop.services.certificates import AlreadyCertified, NotEligible, issue_certificate
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.services.signing_keys import Signer, open_signer
from carceles_desktop.storage.unit_of_work import UnitOfWork

__all__ = [
    "DEFAULT_FILE_PATTERN",
    "BatchIssueResult",
    "Cancelled",
    "SkippedEnrolment",
    "file_name",
    "issue_certificates",
    "render_certificates",
    "write_certificate_files",
]

#: Called as ``progress(done, total)``.
Progress = Callable[[int, int], None]
#: The default name of one certificate's file; fields: number, surnames, names, inmate_code.
DEFAULT_FILE_PATTERN = "{number} {surnames} {names}.pdf"
_MAX_NAME = 150
# Characters Windows refuses in file names, and the path separators of every system.
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{n}" for n in range(1, 10)}
    | {f"LPT{n}" for n in range(1, 10)}
)


class UnitFactory(Protocol):
    """Anything that opens units of work: a ``Database`` has ``unit_of_work()``."""

    def unit_of_work(self, *, read_only: bool = False) -> AbstractContextManager[UnitOfWork]:
        """Open a unit of work."""
        ...


@dataclass(frozen=True)
class SkippedEnrolment:
    """An enrolment of the batch that was not certified, and why."""

    enrolment_id: int
    trainee_name: str
    reasons: tuple[Message, ...]


@dataclass(frozen=True)
class BatchIssueResult:
    """What a batch did.

    Attributes:
        issued: the certificates issued (empty when cancelled).
        skipped: the enrolments left out, with their reasons.
        cancelled: the user cancelled; nothing of the batch was kept.
        seconds: how long the batch took.
    """

    issued: tuple[CertificateRow, ...]
    skipped: tuple[SkippedEnrolment, ...]
    cancelled: bool
    seconds: float

    @property
    def certificate_ids(self) -> list[int]:
        """The keys of the certificates issued, in issue order."""
        return [row.id for row in self.issued]


def _opener(
    source: UnitFactory | Callable[[], AbstractContextManager[UnitOfWork]],
) -> Callable[[], AbstractContextManager[UnitOfWork]]:
    if hasattr(source, "unit_of_work"):
        return source.unit_of_work
    return source


def _establishment_codes(uow: UnitOfWork, enrolment_ids: Sequence[int]) -> dict[int, str]:
    query = (
        select(Enrolment.id, Establishment.code)
        .join(Workshop, Workshop.id == Enrolment.workshop_id)
        .join(Establishment, Establishment.id == Workshop.establishment_id)
        .where(Enrolment.id.in_(sorted(set(enrolment_ids))))
    )
    return {eid: code for eid, code in uow.session.execute(query)}


def issue_certificates(
    source: UnitFactory | Callable[[], AbstractContextManager[UnitOfWork]],
    actor: Actor,
    enrolment_ids: Sequence[int],
    *,
    passphrase: str,
    on: date,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
    today: date | None = None,
) -> BatchIssueResult:
    """Issue many certificates in one transaction that this function commits.

    Args:
        source: the database (or a function opening a writing unit of work).
        actor: who issues.
        enrolment_ids: the enrolments to certify, in the order their numbers follow.
        passphrase: the establishment key's passphrase (checked once).
        on: the day of issue of every certificate.
        progress: called after each certificate with (done, total).
        should_cancel: asked before each certificate; true rolls everything back.
        today: the current date (default: the computer's).

    Returns:
        What was issued and skipped; with ``cancelled`` nothing was kept.

    Raises:
        PermissionDenied: the actor may not issue there, or the passphrase is wrong.
        NotFound: no key of the establishment is valid on ``on``, or no such enrolment.
        AppError: any other refusal of a certificate rolls the whole batch back.
    """
    started = time.perf_counter()
    issued: list[CertificateRow] = []
    skipped: list[SkippedEnrolment] = []
    signers: dict[str, Signer] = {}
    total = len(enrolment_ids)
    with _opener(source)() as uow:
        codes = _establishment_codes(uow, enrolment_ids)
        for done, enrolment_id in enumerate(enrolment_ids):
            if should_cancel is not None and should_cancel():
                uow.rollback()
                return BatchIssueResult((), tuple(skipped), True, _since(started))
            code = codes.get(enrolment_id)
            if code is not None and code not in signers:
                signers[code] = open_signer(uow, code, on, passphrase)
            try:
                row = issue_certificate(
                    uow,
                    actor,
                    enrolment_id,
                    passphrase=signers[code] if code is not None else passphrase,
                    on=on,
                    today=today,
                )
            except NotEligible as refused:
                # Raised before anything of this certificate is written.
                judged = refused.eligibility
                skipped.append(SkippedEnrolment(enrolment_id, judged.trainee_name, judged.missing))
            except AlreadyCertified as refused:
                name = str(refused.message.params.get("name", ""))
                skipped.append(SkippedEnrolment(enrolment_id, name, (refused.message,)))
            else:
                issued.append(row)
            if progress is not None:
                progress(done + 1, total)
        uow.commit()
    return BatchIssueResult(tuple(issued), tuple(skipped), False, _since(started))


def _since(started: float) -> float:
    return round(time.perf_counter() - started, 3)


# --------------------------------------------------------------------------- printing


def _printable(
    uow: UnitOfWork, actor: Actor, certificate_ids: Sequence[int]
) -> Iterator[tuple[Certificate, CertificateData]]:
    require(actor, Action.ISSUE_CERTIFICATES)
    for certificate_id in certificate_ids:
        certificate = uow.session.get(Certificate, certificate_id)
        if certificate is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("errors", "There is no certificate {key}."),
                field="certificate",
                key=certificate_id,
            )
        workshop_id = workshop_of(uow, certificate)
        require(actor, Action.ISSUE_CERTIFICATES, workshop_id=workshop_id)
        check_certificate_scope(actor, certificate, workshop_id)
        yield certificate, certificate_data_from_snapshot(certificate)


def _audit_print(uow: UnitOfWork, actor: Actor, numbers: list[str], where: str) -> None:
    summary = f"{len(numbers)} certificates printed ({where})"
    if numbers:
        summary += f": {numbers[0]} … {numbers[-1]}" if len(numbers) > 1 else f": {numbers[0]}"
    audit.record(uow, actor, "print", "certificate", summary=summary, changes={"numbers": numbers})


def render_certificates(
    uow: UnitOfWork,
    actor: Actor,
    certificate_ids: Sequence[int],
    *,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> bytes:
    """Print certificates as issued into one PDF, one page each; the print is audited.

    Raises:
        PermissionDenied: the actor may not issue (and so print) these certificates.
        NotFound: a key matches no certificate.
        Cancelled: ``should_cancel()`` answered true; nothing is returned.
        ValueError: no certificates given.
    """
    loaded = list(_printable(uow, actor, certificate_ids))
    from carceles_desktop.documents.certificate import render_certificates as render_pages

    pdf = render_pages([data for _, data in loaded], progress=progress, should_cancel=should_cancel)
    _audit_print(uow, actor, [c.number for c, _ in loaded], "one PDF")
    return pdf


def file_name(certificate: Certificate, pattern: str = DEFAULT_FILE_PATTERN) -> str:
    """The file name of one certificate, safe on Windows, macOS and Linux.

    Accents stay (every current file system keeps them); characters that are not
    allowed in names go, runs of spaces shrink to one, and the name is cut to 150
    characters before its extension.

    Raises:
        KeyError: the pattern names a field other than number, surnames, names and
            inmate_code.
    """
    printed = read_snapshot(certificate.snapshot)
    text = pattern.format(
        number=certificate.number,
        surnames=printed["surnames"],
        names=printed["given_names"],
        inmate_code=printed["document"]["inmate_code"],
    )
    text = unicodedata.normalize("NFC", _UNSAFE.sub(" ", text))
    stem, dot, extension = " ".join(text.split()).rpartition(".")
    if not dot:
        stem, extension = extension, "pdf"
    stem = stem[:_MAX_NAME].strip(" .") or certificate.number
    if stem.split(".")[0].upper() in _RESERVED:
        stem = f"{certificate.number} {stem}"
    return f"{stem}.{extension or 'pdf'}"


def write_certificate_files(
    uow: UnitOfWork,
    actor: Actor,
    certificate_ids: Sequence[int],
    folder: Path,
    *,
    pattern: str = DEFAULT_FILE_PATTERN,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> list[Path]:
    """Print each certificate to its own PDF in ``folder``; the print is audited.

    Each file is written whole (through a temporary file) or not at all.  A cancel
    removes the files this call wrote and raises :class:`Cancelled`; the caller's
    transaction then rolls the audit entry back with it.

    Raises:
        PermissionDenied, NotFound: as :func:`render_certificates`.
        Cancelled: ``should_cancel()`` answered true.
        OSError: a file cannot be written (the ones written stay).
    """
    from carceles_desktop.documents.base import write_atomically  # reportlab: on use
    from carceles_desktop.documents.certificate import render_certificates as render_pages

    loaded = list(_printable(uow, actor, certificate_ids))
    written: list[Path] = []
    for done, (certificate, data) in enumerate(loaded, start=1):
        if should_cancel is not None and should_cancel():
            for path in written:
                path.unlink(missing_ok=True)
            raise Cancelled
        path = folder / file_name(certificate, pattern)
        write_atomically(path, render_pages([data]))
        written.append(path)
        if progress is not None:
            progress(done, len(loaded))
    _audit_print(uow, actor, [c.number for c, _ in loaded], f"{len(written)} files")
    return written
