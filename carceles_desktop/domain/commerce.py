"""Clients and partners, agreements (*convenios*), products and orders (*pedidos*)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from carceles_desktop.domain.base import Base, Money, Quantity, Record, enum_type
from carceles_desktop.domain.enums import AgreementState, OrderState, PartnerKind


class Partner(Record, Base):
    """A client or partner: company (RUC 20…), State entity, or natural person.

    ``id_type`` is SUNAT catalogue 06's code: 6 RUC, 1 DNI, 4 carné de extranjería,
    7 pasaporte, 0 other.
    """

    __tablename__ = "partners"

    kind: Mapped[PartnerKind] = mapped_column(enum_type(PartnerKind))
    id_type: Mapped[str] = mapped_column(String(1))
    id_number: Mapped[str] = mapped_column(String(15))
    name: Mapped[str] = mapped_column(String(160))
    address: Mapped[str | None] = mapped_column(String(200))
    ubigeo: Mapped[str | None] = mapped_column(String(6))
    contact_name: Mapped[str | None] = mapped_column(String(120))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(120))
    name_key: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(default=True)

    __table_args__ = (
        UniqueConstraint("id_type", "id_number"),
        CheckConstraint("id_type IN ('0', '1', '4', '6', '7')", name="sunat_id_type"),
        CheckConstraint("ubigeo IS NULL OR length(ubigeo) = 6", name="ubigeo_six_digits"),
        Index(None, "name_key", "id"),
    )


class Agreement(Record, Base):
    """A *convenio*: a partner runs or supplies a workshop for a period (2–4 years is common)."""

    __tablename__ = "agreements"

    number: Mapped[str] = mapped_column(String(40), unique=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id"), index=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id"), index=True)
    signed_on: Mapped[date] = mapped_column()
    starts_on: Mapped[date] = mapped_column()
    ends_on: Mapped[date] = mapped_column()
    state: Mapped[AgreementState] = mapped_column(enum_type(AgreementState))
    notes: Mapped[str | None] = mapped_column(String(500))

    partner: Mapped[Partner] = relationship()

    __table_args__ = (CheckConstraint("ends_on >= starts_on", name="period_order"),)


class Product(Record, Base):
    """Something a workshop makes and sells, with its SUNAT unit code."""

    __tablename__ = "products"

    code: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(160))
    trade_id: Mapped[int | None] = mapped_column(ForeignKey("trades.id"))
    unit_code: Mapped[str] = mapped_column(String(3))
    unit_price: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    unit_weight_kg: Mapped[Decimal | None] = mapped_column(Quantity)
    name_key: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(default=True)

    __table_args__ = (
        CheckConstraint("unit_price >= 0", name="price_not_negative"),
        CheckConstraint(
            "unit_weight_kg IS NULL OR unit_weight_kg >= 0", name="weight_not_negative"
        ),
        Index(None, "name_key", "id"),
    )


class Order(Record, Base):
    """A client's order (*pedido*)."""

    __tablename__ = "orders"

    number: Mapped[str] = mapped_column(String(30), unique=True)
    establishment_id: Mapped[int] = mapped_column(ForeignKey("establishments.id"))
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id"), index=True)
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreements.id"))
    ordered_on: Mapped[date] = mapped_column()
    due_on: Mapped[date | None] = mapped_column()
    state: Mapped[OrderState] = mapped_column(enum_type(OrderState))
    notes: Mapped[str | None] = mapped_column(String(500))

    partner: Mapped[Partner] = relationship()
    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", order_by="OrderLine.position", cascade="all, delete-orphan"
    )

    __table_args__ = (Index(None, "establishment_id", "state"),)


class OrderLine(Record, Base):
    """One product and quantity of an order."""

    __tablename__ = "order_lines"

    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    quantity: Mapped[Decimal] = mapped_column(Quantity)
    unit_price: Mapped[Decimal] = mapped_column(Money)

    order: Mapped[Order] = relationship(back_populates="lines")
    product: Mapped[Product] = relationship()

    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("unit_price >= 0", name="price_not_negative"),
    )
