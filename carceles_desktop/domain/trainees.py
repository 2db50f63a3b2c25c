"""Trainees (*internos*): the inmates who train and work in the workshops.

Personal, partly sensitive data (Ley 29733): only what the records need is kept, and
crime details are never stored — only the redemption case an authorised user chose.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from carceles_desktop.domain.base import Base, Record, enum_type
from carceles_desktop.domain.catalogues import Establishment, RedemptionRule
from carceles_desktop.domain.enums import DocumentType, LegalSituation, Sex


class Trainee(Record, Base):
    """An inmate who trains or works in a workshop.

    ``search_key`` is the lower-cased, accent-free join of names, document number and
    inmate code, maintained by the services, so that a search ignores case and accents
    on SQLite and PostgreSQL alike with a plain ``LIKE``.
    """

    __tablename__ = "trainees"

    establishment_id: Mapped[int] = mapped_column(ForeignKey("establishments.id"))
    inmate_code: Mapped[str] = mapped_column(String(30))
    doc_type: Mapped[DocumentType] = mapped_column(enum_type(DocumentType))
    doc_number: Mapped[str | None] = mapped_column(String(12))
    paternal_surname: Mapped[str] = mapped_column(String(60))
    maternal_surname: Mapped[str] = mapped_column(String(60), default="")
    given_names: Mapped[str] = mapped_column(String(80))
    sex: Mapped[Sex] = mapped_column(enum_type(Sex))
    birth_date: Mapped[date | None] = mapped_column()
    nationality: Mapped[str] = mapped_column(String(40), default="Peruana")
    admission_date: Mapped[date | None] = mapped_column()
    legal_situation: Mapped[LegalSituation] = mapped_column(enum_type(LegalSituation))
    first_offender: Mapped[bool] = mapped_column(default=True)
    #: The redemption case chosen by an authorised user (never inferred).
    redemption_rule_id: Mapped[int | None] = mapped_column(ForeignKey("redemption_rules.id"))
    release_date: Mapped[date | None] = mapped_column()
    search_key: Mapped[str] = mapped_column(String(300), default="")

    establishment: Mapped[Establishment] = relationship()
    redemption_rule: Mapped[RedemptionRule | None] = relationship()

    __table_args__ = (
        UniqueConstraint("establishment_id", "inmate_code"),
        UniqueConstraint("establishment_id", "doc_type", "doc_number"),
        CheckConstraint(
            "(doc_type = 'ninguno' AND doc_number IS NULL) OR "
            "(doc_type <> 'ninguno' AND doc_number IS NOT NULL)",
            name="doc_number_matches_type",
        ),
        CheckConstraint("doc_type <> 'dni' OR length(doc_number) = 8", name="dni_eight_digits"),
        # search_key starts with the folded surnames and names: sorting by it orders
        # "Álvarez" with the A's and "Ñahui" with the N's, on every database.
        Index(None, "search_key"),
        Index(None, "doc_number"),
    )

    @property
    def full_name(self) -> str:
        """Names then surnames, as printed on documents."""
        surnames = " ".join(s for s in (self.paternal_surname, self.maternal_surname) if s)
        return f"{self.given_names} {surnames}".strip()


class TraineeTransfer(Record, Base):
    """A move of a trainee to another establishment; the history stays with him."""

    __tablename__ = "trainee_transfers"

    trainee_id: Mapped[int] = mapped_column(ForeignKey("trainees.id"), index=True)
    from_establishment_id: Mapped[int] = mapped_column(ForeignKey("establishments.id"))
    to_establishment_id: Mapped[int] = mapped_column(ForeignKey("establishments.id"))
    transferred_on: Mapped[date] = mapped_column()
    reason: Mapped[str] = mapped_column(String(300))

    __table_args__ = (
        CheckConstraint("from_establishment_id <> to_establishment_id", name="different_places"),
    )
