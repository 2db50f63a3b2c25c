"""The workshop's monthly report, from the records to PDF bytes.

It gathers, for one workshop and month: the trainees' month as the planilla counts it
(days present, valid days, hours), the production batches with work in the month
(begun by its end, not finished before its start), the lines of the delivery notes
issued in the month with goods of its batches, and the month's pay records added up.
Printing it is audited like the planilla, since it names people.
"""

from __future__ import annotations

import calendar
from datetime import date
from decimal import Decimal

from sqlalchemy import func, or_, select

from carceles_desktop.documents.workshop_report_data import (
    ReportBatch,
    ReportDelivery,
    ReportPay,
    ReportTrainee,
    WorkshopReportData,
    WorkshopReportSignatories,
)
from carceles_desktop.domain.catalogues import CatalogueEntry
from carceles_desktop.domain.commerce import Partner, Product
from carceles_desktop.domain.deliveries import Delivery, DeliveryLine
from carceles_desktop.domain.enrolments import Enrolment
from carceles_desktop.domain.enums import BatchState, CatalogueKind, DeliveryState
from carceles_desktop.domain.pay import PayRecord
from carceles_desktop.domain.production import ProductionBatch
from carceles_desktop.domain.workshops import Workshop
from carceles_desktop.services import audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.attendance import MonthSheet, planilla_rows
from carceles_desktop.services.letterhead import institution_header, person_document, signatory
from carceles_desktop.services.scope import today_or
from carceles_desktop.services.settings import get_settings
from carceles_desktop.storage.unit_of_work import UnitOfWork


def _unit_names(uow: UnitOfWork) -> dict[str, str]:
    """SUNAT unit codes by name, as printed ("unidad", "kilogramo" …)."""
    query = select(CatalogueEntry.code, CatalogueEntry.name).where(
        CatalogueEntry.catalogue == CatalogueKind.SUNAT_UNIT
    )
    return {code: name.lower() for code, name in uow.session.execute(query)}


def _batches(uow: UnitOfWork, workshop_id: int, first: date, last: date) -> list[ReportBatch]:
    from carceles_desktop.documents.labels import WorkshopReport as Labels

    units = _unit_names(uow)
    query = (
        select(ProductionBatch, Product)
        .join(Product, Product.id == ProductionBatch.product_id)
        .where(
            ProductionBatch.workshop_id == workshop_id,
            ProductionBatch.state != BatchState.ANULADO,
            ProductionBatch.starts_on <= last,
            or_(ProductionBatch.ends_on.is_(None), ProductionBatch.ends_on >= first),
        )
        .order_by(ProductionBatch.starts_on, ProductionBatch.code)
    )
    return [
        ReportBatch(
            code=batch.code,
            product=product.name,
            state=Labels.BATCH_STATES[batch.state],
            unit=units.get(product.unit_code, product.unit_code),
            planned=batch.planned_quantity,
            accepted=batch.accepted_quantity,
            rejected=batch.rejected_quantity,
            delivered=batch.delivered_quantity,
        )
        for batch, product in uow.session.execute(query)
    ]


def _deliveries(uow: UnitOfWork, workshop_id: int, first: date, last: date) -> list[ReportDelivery]:
    units = _unit_names(uow)
    query = (
        select(Delivery, Partner.name, DeliveryLine)
        .join(DeliveryLine, DeliveryLine.delivery_id == Delivery.id)
        .join(ProductionBatch, ProductionBatch.id == DeliveryLine.batch_id)
        .join(Partner, Partner.id == Delivery.partner_id)
        .where(
            ProductionBatch.workshop_id == workshop_id,
            Delivery.state.in_((DeliveryState.EMITIDA, DeliveryState.RECIBIDA)),
            Delivery.issue_date.between(first, last),
        )
        .order_by(Delivery.issue_date, Delivery.number, DeliveryLine.position)
    )
    return [
        ReportDelivery(
            number=delivery.number or "",
            issued_on=delivery.issue_date,
            client=client,
            description=line.description,
            quantity=line.quantity,
            unit=units.get(line.unit_code, line.unit_code),
        )
        for delivery, client, line in uow.session.execute(query)
    ]


def _pay(uow: UnitOfWork, workshop_id: int, year: int, month: int) -> ReportPay | None:
    row = uow.session.execute(
        select(
            func.count(),
            func.sum(PayRecord.gross),
            func.sum(PayRecord.inmate_share),  # alimony is taken out of this share
            func.sum(PayRecord.reparation_share),
            func.sum(PayRecord.institution_share),
        )
        .join(Enrolment, Enrolment.id == PayRecord.enrolment_id)
        .where(
            Enrolment.workshop_id == workshop_id,
            PayRecord.year == year,
            PayRecord.month == month,
        )
    ).one()
    people, gross, inmate, reparation, institution = row
    if not people:
        return None
    return ReportPay(
        people=int(people),
        gross=Decimal(gross or 0),
        inmate=Decimal(inmate or 0),
        reparation=Decimal(reparation or 0),
        institution=Decimal(institution or 0),
    )


def workshop_report_data(
    uow: UnitOfWork, sheet: MonthSheet, *, printed_on: date
) -> WorkshopReportData:
    """Gather the report of the workshop and month of ``sheet`` (already checked)."""
    from carceles_desktop.documents.labels import WorkshopReport as Labels

    settings = get_settings(uow)
    workshop = uow.session.get_one(Workshop, sheet.workshop_id)
    partner = (
        uow.session.get_one(Partner, workshop.partner_id).name
        if workshop.partner_id is not None
        else None
    )
    first = date(sheet.year, sheet.month, 1)
    last = date(sheet.year, sheet.month, calendar.monthrange(sheet.year, sheet.month)[1])
    trainees = tuple(
        ReportTrainee(
            full_name=row.trainee_name,
            document=person_document(row.doc_type, row.doc_number, row.inmate_code),
            state=Labels.ENROLMENT_STATES[row.state],
            days_present=row.days_present,
            valid_days=row.valid_days,
            hours=row.total_hours,
        )
        for row in sheet.rows
    )
    return WorkshopReportData(
        header=institution_header(uow, sheet.establishment_code, settings),
        workshop_code=sheet.workshop_code,
        workshop_name=sheet.workshop_name,
        trade=sheet.trade_name,
        modality=Labels.MODALITIES[workshop.modality],
        partner=partner,
        year=sheet.year,
        month=sheet.month,
        trainees=trainees,
        minimum_valid_hours=sheet.minimum_valid_day_hours,
        batches=tuple(_batches(uow, workshop.id, first, last)),
        deliveries=tuple(_deliveries(uow, workshop.id, first, last)),
        pay=_pay(uow, workshop.id, sheet.year, sheet.month),
        place=sheet.establishment_city or sheet.establishment_name,
        printed_on=printed_on,
        signatories=WorkshopReportSignatories(
            supervisor=signatory(settings, "instructor", name=", ".join(sheet.supervisors)),
            work_head=signatory(settings, "jefe_trabajo"),
        ),
    )


def workshop_report_pdf(
    uow: UnitOfWork,
    actor: Actor,
    workshop_id: int,
    year: int,
    month: int,
    *,
    today: date | None = None,
) -> bytes:
    """Render a workshop's monthly report; the print is audited (caller commits).

    Raises:
        PermissionDenied: the actor may not print reports of that workshop.
        NotFound: no such workshop.
        ValidationError: no such month.
    """
    sheet = planilla_rows(uow, actor, workshop_id, year, month)
    data = workshop_report_data(uow, sheet, printed_on=today_or(today))
    from carceles_desktop.documents.workshop_report import render_workshop_report  # on use

    pdf = render_workshop_report(data)
    audit.record(
        uow,
        actor,
        "print",
        "workshop_report",
        summary=(
            f"Monthly report {sheet.workshop_code} {year}-{month:02d} "
            f"({len(data.trainees)} internos, {len(data.batches)} lotes)"
        ),
        changes={"workshop": sheet.workshop_code, "month": f"{year}-{month:02d}"},
    )
    return pdf
