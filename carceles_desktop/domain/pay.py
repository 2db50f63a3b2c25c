"""Pay records: an inmate's gross pay for a period and its legal split (DL 1343)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from carceles_desktop.domain.base import Base, Money, Record


class PayRecord(Record, Base):
    """Gross pay of an enrolment for a month, split 70/20/10 by default.

    ``alimony`` is taken from the inmate's share first, when a court ordered it.
    """

    __tablename__ = "pay_records"

    enrolment_id: Mapped[int] = mapped_column(ForeignKey("enrolments.id"))
    year: Mapped[int] = mapped_column()
    month: Mapped[int] = mapped_column()
    gross: Mapped[Decimal] = mapped_column(Money)
    inmate_share: Mapped[Decimal] = mapped_column(Money)
    alimony: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    reparation_share: Mapped[Decimal] = mapped_column(Money)
    #: Where the 20 % goes: ``reparacion_civil`` or the destination set when none is owed.
    reparation_destination: Mapped[str] = mapped_column(String(40))
    institution_share: Mapped[Decimal] = mapped_column(Money)

    __table_args__ = (
        UniqueConstraint("enrolment_id", "year", "month"),
        CheckConstraint("month BETWEEN 1 AND 12", name="month_range"),
        CheckConstraint(
            "gross >= 0 AND inmate_share >= 0 AND reparation_share >= 0 "
            "AND institution_share >= 0 AND alimony >= 0 AND alimony <= inmate_share",
            name="amounts_not_negative",
        ),
        CheckConstraint(
            "inmate_share + reparation_share + institution_share = gross", name="split_adds_up"
        ),
    )
