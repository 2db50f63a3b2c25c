"""Certificates, the establishment's signing keys, and gapless number series."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from carceles_desktop.domain.base import Base, Record, enum_type
from carceles_desktop.domain.enums import CertificateKind, CertificateState
from carceles_desktop.domain.trainees import Trainee


class NumberSeries(Record, Base):
    """The last number used in a gapless series.

    ``kind`` names the series family (``certificate``, ``delivery``) and ``scope`` the
    series itself (``LURIGANCHO-2026``, ``LURIGANCHO-NE01``).  The service that assigns
    a number increments ``last_value`` in the same transaction that stores the record,
    so a rollback gives the number back and no gap appears.
    """

    __tablename__ = "number_series"

    kind: Mapped[str] = mapped_column(String(20))
    scope: Mapped[str] = mapped_column(String(60))
    last_value: Mapped[int] = mapped_column(default=0)

    __table_args__ = (
        UniqueConstraint("kind", "scope"),
        CheckConstraint("last_value >= 0", name="not_negative"),
    )


class SigningKey(Record, Base):
    """An Ed25519 key of an establishment.

    The private half is stored only encrypted under a passphrase; a key imported from
    another installation carries the public half alone.
    """

    __tablename__ = "signing_keys"

    key_id: Mapped[str] = mapped_column(String(40), unique=True)
    establishment_code: Mapped[str] = mapped_column(String(30))
    public_key: Mapped[bytes] = mapped_column(LargeBinary(64))
    encrypted_private_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    valid_from: Mapped[date] = mapped_column()
    valid_to: Mapped[date | None] = mapped_column()

    __table_args__ = (
        CheckConstraint("valid_to IS NULL OR valid_to >= valid_from", name="valid_range"),
    )


class Certificate(Record, Base):
    """An issued certificate.

    ``snapshot`` is the JSON of exactly what was printed (names, document, trade,
    hours, dates, competencies, signatories): a later edit of the trainee never changes
    an issued certificate.  ``payload`` and ``signature`` are what the QR carries.
    """

    __tablename__ = "certificates"

    establishment_id: Mapped[int] = mapped_column(ForeignKey("establishments.id"))
    year: Mapped[int] = mapped_column()
    sequence: Mapped[int] = mapped_column()
    number: Mapped[str] = mapped_column(String(60), unique=True)
    book_folio: Mapped[str | None] = mapped_column(String(30))
    kind: Mapped[CertificateKind] = mapped_column(enum_type(CertificateKind))
    state: Mapped[CertificateState] = mapped_column(enum_type(CertificateState))
    trainee_id: Mapped[int] = mapped_column(ForeignKey("trainees.id"), index=True)
    enrolment_id: Mapped[int | None] = mapped_column(ForeignKey("enrolments.id"), index=True)
    issued_on: Mapped[date] = mapped_column()
    issued_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    override_reason: Mapped[str | None] = mapped_column(String(300))
    snapshot: Mapped[str] = mapped_column(Text)
    payload: Mapped[str] = mapped_column(Text)
    signature: Mapped[bytes] = mapped_column(LargeBinary(64))
    key_id: Mapped[str] = mapped_column(String(40))
    file_sha256: Mapped[str | None] = mapped_column(String(64))
    annulled_on: Mapped[date | None] = mapped_column()
    annul_reason: Mapped[str | None] = mapped_column(String(300))
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("certificates.id"))
    reprint_count: Mapped[int] = mapped_column(default=0)
    last_reprinted_on: Mapped[datetime | None] = mapped_column()
    search_key: Mapped[str] = mapped_column(String(300), default="")

    trainee: Mapped[Trainee] = relationship()

    __table_args__ = (
        UniqueConstraint("establishment_id", "year", "sequence"),
        CheckConstraint("sequence > 0", name="sequence_positive"),
        CheckConstraint(
            "(state = 'vigente' AND annulled_on IS NULL) OR state <> 'vigente'",
            name="annul_data_only_when_annulled",
        ),
        Index(None, "state", "issued_on"),
    )
