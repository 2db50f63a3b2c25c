"""Input of the workshop's monthly report (*informe mensual del taller*).

What a workshop did in a month, as the head of work sends it to the regional office:
who worked and how much, what was produced and how it fared at inspection, what left
the establishment for which client, and the pay of the month split as the law orders.
Every figure comes computed from the service; the layout only prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from carceles_desktop.documents.data import InstitutionHeader, PersonDocument, Signatory


@dataclass(frozen=True)
class ReportTrainee:
    """One enrolment's month.

    Attributes:
        state: the enrolment's state as printed ("Activo", "Culminado" …).
        days_present: days marked present.
        valid_days: days whose hours reach the minimum of a valid work day.
        hours: hours recorded in the month.
    """

    full_name: str
    document: PersonDocument
    state: str
    days_present: int
    valid_days: int
    hours: Decimal


@dataclass(frozen=True)
class ReportBatch:
    """A production batch with work in the month (its quantities to date).

    Attributes:
        state: as printed ("En proceso", "Terminado" …).
        unit: the product's unit of measure as printed (e.g. "unidad").
    """

    code: str
    product: str
    state: str
    unit: str
    planned: Decimal
    accepted: Decimal
    rejected: Decimal
    delivered: Decimal


@dataclass(frozen=True)
class ReportDelivery:
    """A line of a delivery note issued in the month with goods of the workshop.

    Attributes:
        unit: the unit of measure as printed (e.g. "unidad").
    """

    number: str
    issued_on: date
    client: str
    description: str
    quantity: Decimal
    unit: str


@dataclass(frozen=True)
class ReportPay:
    """The month's pay records of the workshop, added up (soles).

    Attributes:
        people: how many pay records (one per enrolment paid).
        gross: what was paid in all.
        inmate: the inmates' 70 % (any alimony is paid out of it).
        reparation: the 20 % for civil reparation (or its legal destination).
        institution: the 10 % for the institution.
    """

    people: int
    gross: Decimal
    inmate: Decimal
    reparation: Decimal
    institution: Decimal


@dataclass(frozen=True)
class WorkshopReportSignatories:
    """Who signs the report: the workshop's supervisor and the head of work."""

    supervisor: Signatory
    work_head: Signatory


@dataclass(frozen=True)
class WorkshopReportData:
    """Everything printed on a workshop's monthly report.

    Attributes:
        header: the letterhead.
        partner: the partner company that runs the workshop with the institution, if any.
        trainees: the enrolments with a day in the month, in the planilla's order.
        minimum_valid_hours: hours that make a day valid (a setting).
        batches: production batches with work in the month.
        deliveries: lines of the notes issued in the month with the workshop's goods.
        pay: the month's pay, or None when none was recorded.
        place: where it is issued, e.g. ``"Lima"``.
    """

    header: InstitutionHeader
    workshop_code: str
    workshop_name: str
    trade: str
    modality: str
    partner: str | None
    year: int
    month: int
    trainees: tuple[ReportTrainee, ...]
    minimum_valid_hours: Decimal
    batches: tuple[ReportBatch, ...]
    deliveries: tuple[ReportDelivery, ...]
    pay: ReportPay | None
    place: str
    printed_on: date
    signatories: WorkshopReportSignatories

    @property
    def total_hours(self) -> Decimal:
        """Hours of every trainee in the month."""
        return sum((t.hours for t in self.trainees), Decimal(0))

    @property
    def total_valid_days(self) -> int:
        """Valid days of every trainee in the month."""
        return sum(t.valid_days for t in self.trainees)
