"""The legal split of an inmate's pay (Decreto Legislativo 1343).

By default 70 % goes to the inmate (a court-ordered alimony comes out of this share
first), 20 % to the civil reparation (reparación civil) and 10 % to the institution for
reinvestment in the workshops.  The reparation and institution shares are rounded to
céntimos; whatever rounding leaves over belongs to the inmate, so the shares always add
up to the gross exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENTIMO = Decimal("0.01")


@dataclass(frozen=True)
class PaySplit:
    """Gross pay and its shares, in soles with two decimals.

    Attributes:
        gross: the pay earned.
        inmate_share: the inmate's share, alimony included.
        alimony: the part of the inmate's share paid under a court alimony order.
        inmate_net: what is left to the inmate after alimony.
        reparation_share: the civil reparation share (or its configured destination).
        institution_share: the institution's share for reinvestment.
    """

    gross: Decimal
    inmate_share: Decimal
    alimony: Decimal
    inmate_net: Decimal
    reparation_share: Decimal
    institution_share: Decimal


def _require_centimos(name: str, amount: Decimal) -> None:
    if not amount.is_finite():
        raise ValueError(f"{name} must be a finite amount: {amount}")
    if amount < 0:
        raise ValueError(f"{name} must not be negative: {amount}")
    if amount != amount.quantize(CENTIMO):
        raise ValueError(f"{name} must be in whole céntimos: {amount}")


def _share(gross: Decimal, percent: int) -> Decimal:
    return (gross * percent / 100).quantize(CENTIMO, rounding=ROUND_HALF_UP)


def split_pay(
    gross: Decimal,
    *,
    inmate_percent: int = 70,
    reparation_percent: int = 20,
    institution_percent: int = 10,
    alimony: Decimal = Decimal(0),
) -> PaySplit:
    """Split gross pay between the inmate, the civil reparation and the institution.

    Example: S/ 600.00 splits into 420.00 / 120.00 / 60.00.

    Args:
        gross: the pay earned, in whole céntimos.
        inmate_percent: the inmate's percentage.
        reparation_percent: the civil reparation's percentage.
        institution_percent: the institution's percentage.
        alimony: court-ordered alimony to take from the inmate's share, in whole céntimos.

    Returns:
        The split; ``inmate_share + reparation_share + institution_share == gross``.

    Raises:
        ValueError: a percentage is outside 0–100 or they do not add up to 100; the
            gross or the alimony is negative, not finite or has fractions of a céntimo;
            or the alimony exceeds the inmate's share.
    """
    percents = (inmate_percent, reparation_percent, institution_percent)
    if any(p < 0 or p > 100 for p in percents) or sum(percents) != 100:
        raise ValueError(f"percentages must be 0-100 and add up to 100: {percents}")
    _require_centimos("gross", gross)
    _require_centimos("alimony", alimony)
    # Same representation whatever was passed (600 or 600.00), for display and storage.
    gross, alimony = gross.quantize(CENTIMO), alimony.quantize(CENTIMO)
    reparation = _share(gross, reparation_percent)
    # Rounding both shares up could exceed the gross by a céntimo when the inmate's
    # percentage is 0; the institution gives way so that no share is negative.
    institution = min(_share(gross, institution_percent), gross - reparation)
    inmate = gross - reparation - institution
    if alimony > inmate:
        raise ValueError(f"alimony {alimony} exceeds the inmate's share {inmate}")
    return PaySplit(
        gross=gross,
        inmate_share=inmate,
        alimony=alimony,
        inmate_net=inmate - alimony,
        reparation_share=reparation,
        institution_share=institution,
    )
