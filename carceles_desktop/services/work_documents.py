"""The monthly planilla and the redemption record, from the records to PDF bytes.

*Planilla de control laboral*: the monthly attendance sheet a workshop's supervisor,
the head of work and the director sign.  The redemption record supports the prison's
legal *cómputo laboral*; ours is an estimate, labelled as such on the paper.  Printing
either is audited, since both carry personal data.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_, select

from carceles_desktop.documents.planilla_data import (
    DayEntry,
    PlanillaData,
    PlanillaRow,
    PlanillaSignatories,
    month_days,
)
from carceles_desktop.documents.redemption_data import (
    RedemptionCase,
    RedemptionMonth,
    RedemptionRecordData,
    RedemptionSignatories,
)
from carceles_desktop.domain.catalogues import Establishment
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.domain.workshops import Workshop
from carceles_desktop.errors import Conflict, NotFound
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.attendance import MonthSheet, planilla_rows
from carceles_desktop.services.letterhead import institution_header, person_document, signatory
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.services.redemption import redemption_record
from carceles_desktop.services.settings import get_settings
from carceles_desktop.storage.unit_of_work import UnitOfWork


def find_workshop_id(uow: UnitOfWork, code: str) -> int:
    """Return the id of the workshop with ``code`` (case-insensitive).

    Raises:
        NotFound: no such workshop.
    """
    found = uow.session.scalar(select(Workshop.id).where(Workshop.code == code.strip().upper()))
    if found is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no workshop with code {code}."),
            field="workshop",
            code=code,
        )
    return found


def find_trainee_id(uow: UnitOfWork, actor: Actor, doc_or_code: str) -> int:
    """Return the trainee whose document number or inmate code is ``doc_or_code``.

    Raises:
        NotFound: nobody has it (in the actor's establishment, when he has one).
        Conflict: several trainees have it (in different establishments).
    """
    text = doc_or_code.strip().upper()
    query = select(Trainee.id, Trainee.establishment_id).where(
        or_(Trainee.doc_number == text, Trainee.inmate_code == text)
    )
    if actor.establishment_id is not None:
        query = query.where(Trainee.establishment_id == actor.establishment_id)
    rows = uow.session.execute(query.limit(3)).all()
    if not rows:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "No trainee has the document or inmate code {value}."),
            field="trainee",
            value=doc_or_code,
        )
    if len(rows) > 1:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "errors",
                "Several trainees have the document or inmate code {value}; use the inmate code.",
            ),
            field="trainee",
            value=doc_or_code,
        )
    return int(rows[0][0])


def planilla_data(sheet: MonthSheet, uow: UnitOfWork, *, printed_on: date) -> PlanillaData:
    """Turn a month's sheet into what the planilla layout prints."""
    settings = get_settings(uow)
    header = institution_header(uow, sheet.establishment_code, settings)
    holidays = {day.day: day.holiday for day in sheet.days if day.holiday}
    days = month_days(sheet.year, sheet.month, holidays)
    rows = []
    for number, row in enumerate(sheet.rows, start=1):
        entries = tuple(
            DayEntry(cell.status, cell.hours) if (cell := row.cells.get(day.on)) else None
            for day in days
        )
        rows.append(
            PlanillaRow(
                number=number,
                full_name=row.trainee_name,
                document=person_document(row.doc_type, row.doc_number, row.inmate_code),
                entries=entries,
                valid_days=row.valid_days,
                hours=row.total_hours,
            )
        )
    supervisor = ", ".join(sheet.supervisors)
    return PlanillaData(
        header=header,
        workshop_code=sheet.workshop_code,
        workshop_name=sheet.workshop_name,
        trade=sheet.trade_name,
        year=sheet.year,
        month=sheet.month,
        days=days,
        rows=tuple(rows),
        minimum_valid_hours=sheet.minimum_valid_day_hours,
        signatories=PlanillaSignatories(
            supervisor=signatory(settings, "instructor", name=supervisor),
            work_head=signatory(settings, "jefe_trabajo"),
            director=signatory(settings, "director"),
        ),
        place=sheet.establishment_city or sheet.establishment_name,
        printed_on=printed_on,
    )


def planilla_pdf(
    uow: UnitOfWork,
    actor: Actor,
    workshop_id: int,
    year: int,
    month: int,
    *,
    today: date | None = None,
) -> bytes:
    """Render a workshop's planilla for a month; the print is audited (caller commits).

    Raises:
        PermissionDenied: the actor may not print reports of that workshop.
        NotFound: no such workshop.
    """
    sheet = planilla_rows(uow, actor, workshop_id, year, month)
    from carceles_desktop.documents.planilla import render_planilla  # reportlab: on use

    pdf = render_planilla(planilla_data(sheet, uow, printed_on=today or date.today()))
    audit.record(
        uow,
        actor,
        "print",
        "planilla",
        summary=f"Planilla {sheet.workshop_code} {year}-{month:02d} ({len(sheet.rows)} internos)",
        changes={"workshop": sheet.workshop_code, "month": f"{year}-{month:02d}"},
    )
    return pdf


def redemption_pdf(
    uow: UnitOfWork,
    actor: Actor,
    trainee_id: int,
    start: date,
    end: date,
    *,
    today: date | None = None,
) -> bytes:
    """Render a trainee's redemption record (an estimate); the print is audited.

    Raises:
        PermissionDenied, NotFound, ValidationError: as :func:`redemption_record`.
    """
    require(actor, Action.PRINT_REPORTS)
    record = redemption_record(uow, actor, trainee_id, start, end)
    trainee = uow.session.get(Trainee, trainee_id)
    assert trainee is not None  # redemption_record found him
    establishment = uow.session.get(Establishment, trainee.establishment_id)
    assert establishment is not None
    settings = get_settings(uow)
    rule = record.rule
    data = RedemptionRecordData(
        header=institution_header(uow, establishment.code, settings),
        trainee_name=record.trainee_name,
        document=person_document(record.doc_type, record.doc_number, record.inmate_code),
        establishment=establishment.name,
        period_from=record.start,
        period_to=record.end,
        months=tuple(
            RedemptionMonth(m.year, m.month, m.valid_days, m.hours) for m in record.months
        ),
        total_valid_days=record.valid_days,
        total_hours=record.hours,
        minimum_valid_hours=record.minimum_valid_day_hours,
        case=RedemptionCase(
            description=rule.description,
            legal_basis=rule.legal_basis,
            valid_from=rule.valid_from,
            ratio=rule.ratio if rule.allowed else None,
        ),
        estimated_days=record.estimated_days,
        place=establishment.city or establishment.name,
        issued_on=today or date.today(),
        signatories=RedemptionSignatories(
            work_head=signatory(settings, "jefe_trabajo"),
            director=signatory(settings, "director"),
        ),
    )
    from carceles_desktop.documents.redemption_record import render_redemption_record

    pdf = render_redemption_record(data)
    audit.record(
        uow,
        actor,
        "print",
        "redemption_record",
        entity_uuid=trainee.uuid,
        summary=f"Redemption record {record.inmate_code} {start.isoformat()}..{end.isoformat()}",
    )
    return pdf
