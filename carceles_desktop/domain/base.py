"""Declarative base, column types and mixins shared by every model.

Every record carries a globally unique ``uuid`` beside its local integer key, so that
bundles from many establishments merge without collisions and re-importing a bundle
changes nothing.
"""

from __future__ import annotations

import uuid as uuid_module
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, DateTime, Dialect, Enum, MetaData, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# Named constraints let Alembic's batch mode drop and recreate them on SQLite.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Return the current UTC time without tzinfo (the form stored in the database)."""
    return datetime.now(UTC).replace(tzinfo=None)


class ScaledDecimal(TypeDecorator[Decimal]):
    """A Decimal stored as a scaled integer (``scale`` digits after the point).

    SQLite has no exact decimal type; storing hours as hundredths and money as céntimos
    in integers keeps arithmetic exact on SQLite and PostgreSQL alike, and lets SUM run
    in SQL.  Check constraints on such columns are written in the scaled unit.
    """

    impl = BigInteger
    cache_ok = True

    def __init__(self, scale: int) -> None:
        super().__init__()
        self.scale = scale
        self._factor = 10**scale
        self._quantum = Decimal(1).scaleb(-scale)

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        """Scale a Decimal to the stored integer; refuse more decimals than the scale."""
        if value is None:
            return None
        scaled = (Decimal(value) * self._factor).to_integral_value()
        if scaled != Decimal(value) * self._factor:
            raise ValueError(f"{value} has more than {self.scale} decimals")
        return int(scaled)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        """Turn the stored integer back into a Decimal."""
        if value is None:
            return None
        return (Decimal(int(value)) / self._factor).quantize(self._quantum)

    @property
    def python_type(self) -> type[Decimal]:
        """Values come back as Decimal."""
        return Decimal


#: Hours of work, to the hundredth (7.5 h is 750).
Hours = ScaledDecimal(2)
#: Money in soles, to the céntimo.
Money = ScaledDecimal(2)
#: Quantities of product or material, to the thousandth (kilograms, metres).
Quantity = ScaledDecimal(3)


class Base(DeclarativeBase):
    """Base of every model."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: DateTime()}


class Record:
    """Columns every record has: local key, global UUID, timestamps."""

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[uuid_module.UUID] = mapped_column(
        Uuid, unique=True, default=uuid_module.uuid4, nullable=False
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow, nullable=False)


def enum_type(enum_cls: type[Any], name: str | None = None) -> Enum:
    """Return a portable string column type (with a CHECK) for a StrEnum.

    ``name`` names the CHECK constraint; give one when a table has two columns of the
    same enum, since constraint names must differ within a table on PostgreSQL.
    """
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=True,
        values_callable=lambda members: [m.value for m in members],
        length=max(len(m.value) for m in enum_cls) + 4,
        name=name or enum_cls.__name__.lower(),
        validate_strings=True,
    )
