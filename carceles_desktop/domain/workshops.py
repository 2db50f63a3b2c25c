"""Workshops (*talleres*) and who supervises them."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import CheckConstraint as Check
from sqlalchemy import Column, ForeignKey, Index, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from carceles_desktop.domain.base import Base, Hours, Record, enum_type
from carceles_desktop.domain.catalogues import Establishment, Trade
from carceles_desktop.domain.enums import WorkshopModality

workshop_supervisors = Table(
    "workshop_supervisors",
    Base.metadata,
    Column("workshop_id", ForeignKey("workshops.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Index(None, "user_id"),
)


class Workshop(Record, Base):
    """A productive workshop (*taller*) of an establishment."""

    __tablename__ = "workshops"

    code: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    establishment_id: Mapped[int] = mapped_column(ForeignKey("establishments.id"))
    trade_id: Mapped[int] = mapped_column(ForeignKey("trades.id"), index=True)
    modality: Mapped[WorkshopModality] = mapped_column(enum_type(WorkshopModality))
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id"), index=True)
    capacity: Mapped[int] = mapped_column()
    #: Hours of a normal working day in this workshop, used by "mark the day present".
    standard_hours: Mapped[Decimal] = mapped_column(Hours, default=Decimal("6"))
    name_key: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(default=True)

    establishment: Mapped[Establishment] = relationship()
    trade: Mapped[Trade] = relationship()

    __table_args__ = (
        Check("capacity > 0", name="capacity_positive"),
        Check("standard_hours > 0 AND standard_hours <= 2400", name="standard_hours_range"),
        Index(None, "establishment_id", "active"),
    )
