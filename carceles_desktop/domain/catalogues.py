"""Catalogues: shipped with the program, editable afterwards.

Regional offices and establishments (E.P., *establecimiento penitenciario*), trades
(*oficios*) and their competencies, SUNAT code lists, national holidays, and the
versioned redemption-ratio table.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from carceles_desktop.domain.base import Base, Record, enum_type
from carceles_desktop.domain.enums import CatalogueKind


class RegionalOffice(Record, Base):
    """One of INPE's eight *oficinas regionales*."""

    __tablename__ = "regional_offices"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    seat: Mapped[str] = mapped_column(String(80))

    establishments: Mapped[list[Establishment]] = relationship(back_populates="regional_office")


class Establishment(Record, Base):
    """A prison (*establecimiento penitenciario*, E.P.)."""

    __tablename__ = "establishments"

    code: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    common_name: Mapped[str | None] = mapped_column(String(80))
    regional_office_id: Mapped[int] = mapped_column(ForeignKey("regional_offices.id"), index=True)
    population: Mapped[str] = mapped_column(String(20), default="mixed")
    city: Mapped[str | None] = mapped_column(String(80))
    address: Mapped[str | None] = mapped_column(String(200))
    ubigeo: Mapped[str | None] = mapped_column(String(6))
    active: Mapped[bool] = mapped_column(default=True)

    regional_office: Mapped[RegionalOffice] = relationship(back_populates="establishments")

    __table_args__ = (
        CheckConstraint("ubigeo IS NULL OR length(ubigeo) = 6", name="ubigeo_six_digits"),
    )


class Trade(Record, Base):
    """A trade taught and worked in the workshops (*oficio*)."""

    __tablename__ = "trades"

    code: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    active: Mapped[bool] = mapped_column(default=True)

    competencies: Mapped[list[Competency]] = relationship(
        back_populates="trade", order_by="Competency.position"
    )


class Competency(Record, Base):
    """A module or competency of a trade, with its nominal hours."""

    __tablename__ = "competencies"

    trade_id: Mapped[int] = mapped_column(ForeignKey("trades.id"))
    code: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(160))
    hours: Mapped[int] = mapped_column(default=0)
    required: Mapped[bool] = mapped_column(default=True)
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)

    trade: Mapped[Trade] = relationship(back_populates="competencies")

    __table_args__ = (
        UniqueConstraint("trade_id", "code"),
        CheckConstraint("hours >= 0", name="hours_not_negative"),
    )


class CatalogueEntry(Record, Base):
    """A code of one of the small SUNAT catalogues (ID types, transfer reasons, units)."""

    __tablename__ = "catalogue_entries"

    catalogue: Mapped[CatalogueKind] = mapped_column(enum_type(CatalogueKind))
    code: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(120))
    active: Mapped[bool] = mapped_column(default=True)

    __table_args__ = (UniqueConstraint("catalogue", "code"),)


class Holiday(Record, Base):
    """A non-working day: national (``establishment_id`` empty) or local."""

    __tablename__ = "holidays"

    day: Mapped[date] = mapped_column()
    name: Mapped[str] = mapped_column(String(120))
    establishment_id: Mapped[int | None] = mapped_column(ForeignKey("establishments.id"))

    __table_args__ = (UniqueConstraint("day", "establishment_id"), Index(None, "day"))


class RedemptionRule(Record, Base):
    """One version of a redemption ratio: work days per day of sentence redeemed.

    Which version applies to an inmate is a legal decision taken by an authorised user;
    the program stores the choice and never guesses it.  ``ratio`` empty means the case
    may not redeem by work (``allowed`` false).
    """

    __tablename__ = "redemption_rules"

    case_code: Mapped[str] = mapped_column(String(40))
    description: Mapped[str] = mapped_column(String(300))
    legal_basis: Mapped[str] = mapped_column(String(120))
    valid_from: Mapped[date] = mapped_column()
    valid_to: Mapped[date | None] = mapped_column()
    allowed: Mapped[bool] = mapped_column(default=True)
    ratio: Mapped[int | None] = mapped_column()

    __table_args__ = (
        UniqueConstraint("case_code", "valid_from"),
        CheckConstraint(
            "(allowed AND ratio IS NOT NULL AND ratio > 0) OR (NOT allowed AND ratio IS NULL)",
            name="ratio_when_allowed",
        ),
        CheckConstraint("valid_to IS NULL OR valid_to >= valid_from", name="valid_range"),
    )
