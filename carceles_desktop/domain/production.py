"""Production batches (*lotes*): what was made, from what, by whom, and its quality check.

Pietà's practice of numbering each garment with the inmate who made it is why a batch
records its workers and their hours.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from carceles_desktop.domain.base import Base, Hours, Money, Quantity, Record, enum_type
from carceles_desktop.domain.commerce import OrderLine, Product
from carceles_desktop.domain.enums import BatchState
from carceles_desktop.domain.workshops import Workshop


class ProductionBatch(Record, Base):
    """A batch of one product made in one workshop.

    ``delivered_quantity`` is kept by the delivery service inside the same transaction
    as the delivery; the CHECK below makes over-delivery impossible even if two
    processes issue at the same moment.
    """

    __tablename__ = "production_batches"

    code: Mapped[str] = mapped_column(String(30), unique=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    order_line_id: Mapped[int | None] = mapped_column(ForeignKey("order_lines.id"), index=True)
    planned_quantity: Mapped[Decimal] = mapped_column(Quantity)
    starts_on: Mapped[date] = mapped_column()
    ends_on: Mapped[date | None] = mapped_column()
    state: Mapped[BatchState] = mapped_column(enum_type(BatchState))
    inspected_quantity: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    accepted_quantity: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    rejected_quantity: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    delivered_quantity: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    inspector: Mapped[str | None] = mapped_column(String(120))
    inspected_on: Mapped[date | None] = mapped_column()
    quality_notes: Mapped[str | None] = mapped_column(String(500))

    workshop: Mapped[Workshop] = relationship()
    product: Mapped[Product] = relationship()
    order_line: Mapped[OrderLine | None] = relationship()
    materials: Mapped[list[BatchMaterial]] = relationship(
        back_populates="batch", cascade="all, delete-orphan"
    )
    workers: Mapped[list[BatchWorker]] = relationship(
        back_populates="batch", cascade="all, delete-orphan"
    )

    __table_args__ = (
        CheckConstraint("planned_quantity > 0", name="planned_positive"),
        CheckConstraint(
            "inspected_quantity >= 0 AND accepted_quantity >= 0 AND rejected_quantity >= 0",
            name="quality_not_negative",
        ),
        CheckConstraint(
            "accepted_quantity + rejected_quantity <= inspected_quantity",
            name="quality_adds_up",
        ),
        CheckConstraint(
            "delivered_quantity >= 0 AND delivered_quantity <= accepted_quantity",
            name="never_over_delivered",
        ),
        CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="period_order"),
        Index(None, "workshop_id", "state"),
    )


class BatchMaterial(Record, Base):
    """A material used by a batch, with its cost."""

    __tablename__ = "batch_materials"

    batch_id: Mapped[int] = mapped_column(
        ForeignKey("production_batches.id", ondelete="CASCADE"), index=True
    )
    description: Mapped[str] = mapped_column(String(160))
    quantity: Mapped[Decimal] = mapped_column(Quantity)
    unit_code: Mapped[str] = mapped_column(String(3))
    unit_cost: Mapped[Decimal] = mapped_column(Money)

    batch: Mapped[ProductionBatch] = relationship(back_populates="materials")

    __table_args__ = (
        CheckConstraint("quantity >= 0", name="quantity_not_negative"),
        CheckConstraint("unit_cost >= 0", name="cost_not_negative"),
    )


class BatchWorker(Record, Base):
    """A trainee (through his enrolment in the batch's workshop) and his hours on a batch."""

    __tablename__ = "batch_workers"

    batch_id: Mapped[int] = mapped_column(ForeignKey("production_batches.id", ondelete="CASCADE"))
    enrolment_id: Mapped[int] = mapped_column(ForeignKey("enrolments.id"), index=True)
    hours: Mapped[Decimal] = mapped_column(Hours)

    batch: Mapped[ProductionBatch] = relationship(back_populates="workers")

    __table_args__ = (
        UniqueConstraint("batch_id", "enrolment_id"),
        CheckConstraint("hours >= 0", name="hours_not_negative"),
    )
