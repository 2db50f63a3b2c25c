"""Input of the redemption record (*constancia de redención*, an estimate).

The legal computation of sentence redeemed by work (the *cómputo*) is signed by the
establishment and approved by a judge.  This record gathers the work that supports it
(valid days and hours per month) and the program's estimate, which the page labels
"estimado, no oficial".  Every figure comes computed from the service.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from carceles_desktop.documents.data import InstitutionHeader, PersonDocument, Signatory


@dataclass(frozen=True)
class RedemptionMonth:
    """Work in one month of the period.

    Attributes:
        year: the year.
        month: 1 to 12; printed in Spanish ("marzo de 2026").
        valid_days: days whose hours reach the minimum.
        hours: hours worked in the month.
    """

    year: int
    month: int
    valid_days: int
    hours: Decimal


@dataclass(frozen=True)
class RedemptionCase:
    """The version of the redemption rule chosen for the inmate by an authorised user.

    Attributes:
        description: the case, e.g. ``"Caso general"``.
        legal_basis: the law that sets the ratio, or that bars redemption.
        valid_from: first day the version applies.
        ratio: work days per day of sentence redeemed; ``None`` when the case may not
            redeem by work ("no aplica").
    """

    description: str
    legal_basis: str
    valid_from: date
    ratio: int | None

    @property
    def barred(self) -> bool:
        """Tell whether the law bars redemption by work in this case."""
        return self.ratio is None


@dataclass(frozen=True)
class RedemptionSignatories:
    """Who signs the record.

    Attributes:
        work_head: the establishment's head of work (*jefe de trabajo*).
        director: the establishment's director.
    """

    work_head: Signatory
    director: Signatory


@dataclass(frozen=True)
class RedemptionRecordData:
    """Everything printed on a trainee's redemption record.

    Attributes:
        header: the letterhead.
        trainee_name: surnames and names as printed.
        document: identity document and inmate code.
        establishment: where the inmate is held, as printed.
        period_from: first day of the period covered.
        period_to: last day of the period covered.
        months: one line per month of the period, in order.
        total_valid_days: valid days over the period (computed by the service).
        total_hours: hours over the period (computed by the service).
        minimum_valid_hours: hours that make a day valid (a setting).
        case: the rule version applied.
        estimated_days: estimated days of sentence redeemed; ``None`` exactly when the
            case bars redemption.
        place: where it is issued, e.g. ``"Lima"``.
        issued_on: the day it is issued.
        signatories: who signs.

    Raises:
        ValueError: the period is reversed, the estimate disagrees with the case, or the
            minimum is not positive.
    """

    header: InstitutionHeader
    trainee_name: str
    document: PersonDocument
    establishment: str
    period_from: date
    period_to: date
    months: tuple[RedemptionMonth, ...]
    total_valid_days: int
    total_hours: Decimal
    minimum_valid_hours: Decimal
    case: RedemptionCase
    estimated_days: int | None
    place: str
    issued_on: date
    signatories: RedemptionSignatories

    def __post_init__(self) -> None:
        if self.period_to < self.period_from:
            raise ValueError("the period ends before it starts")
        if (self.estimated_days is None) != self.case.barred:
            raise ValueError(
                f"estimate {self.estimated_days} does not agree with ratio {self.case.ratio}"
            )
        if not self.minimum_valid_hours > 0:
            raise ValueError(f"minimum valid hours must be positive: {self.minimum_valid_hours}")
