"""Delivery notes (*notas de entrega*): what left the prison, for whom, from which batch.

Shaped like SUNAT's *guía de remisión remitente* so clients recognise it, but an
internal document with its own series (``NE01-000001``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from carceles_desktop.domain.base import Base, Quantity, Record, enum_type
from carceles_desktop.domain.commerce import Partner, Product
from carceles_desktop.domain.enums import DeliveryState, TransportMode
from carceles_desktop.domain.production import ProductionBatch


class Delivery(Record, Base):
    """A delivery note; its number is assigned from a gapless series when issued."""

    __tablename__ = "deliveries"

    establishment_id: Mapped[int] = mapped_column(ForeignKey("establishments.id"))
    series: Mapped[str] = mapped_column(String(4))
    sequence: Mapped[int | None] = mapped_column()
    # Unique per establishment: on a shared server every establishment has its NE01.
    number: Mapped[str | None] = mapped_column(String(20))
    state: Mapped[DeliveryState] = mapped_column(enum_type(DeliveryState))
    issue_date: Mapped[date] = mapped_column()
    transfer_start_date: Mapped[date] = mapped_column()
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id"), index=True)
    transfer_reason_code: Mapped[str] = mapped_column(String(2))
    departure_address: Mapped[str] = mapped_column(String(200))
    departure_ubigeo: Mapped[str] = mapped_column(String(6))
    arrival_address: Mapped[str] = mapped_column(String(200))
    arrival_ubigeo: Mapped[str] = mapped_column(String(6))
    transport_mode: Mapped[TransportMode] = mapped_column(enum_type(TransportMode))
    carrier_ruc: Mapped[str | None] = mapped_column(String(11))
    carrier_name: Mapped[str | None] = mapped_column(String(160))
    vehicle_plate: Mapped[str | None] = mapped_column(String(10))
    driver_name: Mapped[str | None] = mapped_column(String(120))
    driver_licence: Mapped[str | None] = mapped_column(String(20))
    gross_weight_kg: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    packages: Mapped[int] = mapped_column(default=1)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreements.id"))
    observations: Mapped[str | None] = mapped_column(String(250))
    dispatched_by: Mapped[str | None] = mapped_column(String(120))
    received_by_name: Mapped[str | None] = mapped_column(String(120))
    received_by_doc: Mapped[str | None] = mapped_column(String(15))
    received_on: Mapped[date | None] = mapped_column()
    annulled_on: Mapped[date | None] = mapped_column()
    annul_reason: Mapped[str | None] = mapped_column(String(300))
    print_count: Mapped[int] = mapped_column(default=0)

    partner: Mapped[Partner] = relationship()
    lines: Mapped[list[DeliveryLine]] = relationship(
        back_populates="delivery", order_by="DeliveryLine.position", cascade="all, delete-orphan"
    )

    __table_args__ = (
        UniqueConstraint("establishment_id", "series", "sequence"),
        UniqueConstraint("establishment_id", "number"),
        CheckConstraint("transfer_start_date >= issue_date", name="transfer_after_issue"),
        CheckConstraint(
            "(state = 'borrador' AND number IS NULL) OR "
            "(state <> 'borrador' AND number IS NOT NULL)",
            name="numbered_once_issued",
        ),
        CheckConstraint("gross_weight_kg >= 0", name="weight_not_negative"),
        CheckConstraint("packages >= 0", name="packages_not_negative"),
        CheckConstraint(
            "length(departure_ubigeo) = 6 AND length(arrival_ubigeo) = 6", name="ubigeo_six_digits"
        ),
        Index(None, "state", "issue_date"),
    )


class DeliveryLine(Record, Base):
    """A quantity drawn from one finished batch."""

    __tablename__ = "delivery_lines"

    delivery_id: Mapped[int] = mapped_column(
        ForeignKey("deliveries.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    batch_id: Mapped[int] = mapped_column(ForeignKey("production_batches.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    description: Mapped[str] = mapped_column(String(200))
    unit_code: Mapped[str] = mapped_column(String(3))
    quantity: Mapped[Decimal] = mapped_column(Quantity)

    delivery: Mapped[Delivery] = relationship(back_populates="lines")
    batch: Mapped[ProductionBatch] = relationship()
    product: Mapped[Product] = relationship()

    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)
