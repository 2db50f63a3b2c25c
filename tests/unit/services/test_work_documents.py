"""The planilla and the redemption record built from real records, printed and audited."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from carceles_desktop.domain.catalogues import Establishment, RedemptionRule, Trade
from carceles_desktop.domain.enums import (
    AttendanceStatus,
    DocumentType,
    LegalSituation,
    Role,
    Sex,
    WorkshopModality,
)
from carceles_desktop.domain.users import AuditEntry
from carceles_desktop.domain.workshops import Workshop
from carceles_desktop.errors import Conflict, NotFound, PermissionDenied, ValidationError
from carceles_desktop.services import work_documents
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.attendance import CellChange, save_month_sheet
from carceles_desktop.services.catalogues import load_catalogues
from carceles_desktop.services.enrolments import enrol_trainee
from carceles_desktop.services.trainees import TraineeInput, create_trainee, set_redemption_case
from carceles_desktop.storage.unit_of_work import Database

TODAY = date(2026, 11, 20)
SYSTEM = Actor.system()


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


@pytest.fixture
def world(database: Database) -> dict[str, int]:
    with database.unit_of_work() as uow:
        load_catalogues(uow, SYSTEM, holiday_years=range(2026, 2027))
        session = uow.session
        est = session.scalar(select(Establishment.id).where(Establishment.code == "LURIGANCHO"))
        trade = session.scalar(select(Trade.id).where(Trade.code == "CARPINTERIA"))
        workshop = Workshop(
            code="LUR-CARP",
            name="Taller de Carpintería",
            establishment_id=est,
            trade_id=trade,
            modality=WorkshopModality.INPE,
            capacity=10,
            standard_hours=Decimal(6),
        )
        session.add(workshop)
        session.flush()
        ids = {}
        for code, surname, given, dni in (
            ("LUR-001", "Núñez", "José Ángel", "01234567"),
            ("LUR-002", "Ñahui", "María", None),
        ):
            data = TraineeInput(
                establishment_code="LURIGANCHO",
                inmate_code=code,
                doc_type=DocumentType.DNI if dni else DocumentType.NONE,
                doc_number=dni,
                paternal_surname=surname,
                maternal_surname="Peña",
                given_names=given,
                sex=Sex.MALE,
                legal_situation=LegalSituation.SENTENCIADO,
            )
            trainee = create_trainee(uow, SYSTEM, data, today=TODAY).id
            enrolment = enrol_trainee(
                uow, SYSTEM, trainee, workshop.id, date(2026, 10, 1), today=TODAY
            ).id
            ids[code] = trainee
            ids[f"{code}-enrolment"] = enrolment
        changes = [
            CellChange(
                ids["LUR-001-enrolment"],
                date(2026, 10, day),
                Decimal("7.5"),
                AttendanceStatus.PRESENTE,
            )
            for day in (1, 2, 3, 5, 6)
        ] + [
            CellChange(
                ids["LUR-002-enrolment"], date(2026, 10, 1), Decimal(0), AttendanceStatus.FALTA
            )
        ]
        save_month_sheet(uow, SYSTEM, workshop.id, 2026, 10, changes, today=TODAY)
        ids["workshop"] = workshop.id
        uow.commit()
    return ids


def test_planilla_prints_names_totals_and_is_audited(
    database: Database, world: dict[str, int]
) -> None:
    with database.unit_of_work() as uow:
        workshop = work_documents.find_workshop_id(uow, "lur-carp")
        pdf = work_documents.planilla_pdf(uow, SYSTEM, workshop, 2026, 10, today=TODAY)
        uow.commit()
    text = _text(pdf)
    assert "PLANILLA DE CONTROL LABORAL" in text
    assert "Núñez Peña, José Ángel" in text
    assert "Ñahui Peña, María" in text
    assert "37.5" in text  # 5 days × 7.5 h
    assert "octubre de 2026" in text
    assert "E.P. de Lurigancho" in text
    with database.unit_of_work(read_only=True) as uow:
        last = uow.session.execute(
            select(AuditEntry.action, AuditEntry.entity).order_by(AuditEntry.seq.desc())
        ).first()
    assert tuple(last or ()) == ("print", "planilla")


def test_redemption_record_needs_a_chosen_case_then_prints_the_estimate(
    database: Database, world: dict[str, int]
) -> None:
    with database.unit_of_work() as uow:
        trainee = work_documents.find_trainee_id(uow, SYSTEM, "01234567")
        with pytest.raises(ValidationError):
            work_documents.redemption_pdf(
                uow, SYSTEM, trainee, date(2026, 10, 1), date(2026, 10, 31)
            )
        general = uow.session.scalar(
            select(RedemptionRule.id).where(
                RedemptionRule.case_code == "general", RedemptionRule.valid_to.is_(None)
            )
        )
        set_redemption_case(uow, SYSTEM, trainee, general)
        pdf = work_documents.redemption_pdf(
            uow, SYSTEM, trainee, date(2026, 10, 1), date(2026, 10, 31), today=TODAY
        )
        uow.commit()
    text = _text(pdf)
    assert "ESTIMADO, NO OFICIAL" in text
    assert "José Ángel Núñez Peña" in text or "Núñez Peña, José Ángel" in text
    assert "37.5" in text


def test_lookups_name_what_is_missing(database: Database, world: dict[str, int]) -> None:
    with database.unit_of_work(read_only=True) as uow:
        with pytest.raises(NotFound, match="NO-EXISTE"):
            work_documents.find_workshop_id(uow, "NO-EXISTE")
        with pytest.raises(NotFound, match="99999999"):
            work_documents.find_trainee_id(uow, SYSTEM, "99999999")
        assert work_documents.find_trainee_id(uow, SYSTEM, "lur-002") == world["LUR-002"]


def test_consulta_may_print_but_not_other_establishments(
    database: Database, world: dict[str, int]
) -> None:
    consulta = Actor(user_id=None, username="c", role=Role.CONSULTA)
    with database.unit_of_work() as uow:
        assert work_documents.planilla_pdf(uow, consulta, world["workshop"], 2026, 10, today=TODAY)
    supervisor = Actor(
        user_id=None, username="s", role=Role.SUPERVISOR, workshop_ids=frozenset({999})
    )
    with database.unit_of_work() as uow, pytest.raises(PermissionDenied):
        work_documents.planilla_pdf(uow, supervisor, world["workshop"], 2026, 10, today=TODAY)


def test_ambiguous_codes_are_refused(database: Database, world: dict[str, int]) -> None:
    with database.unit_of_work() as uow:
        data = TraineeInput(
            establishment_code="ANCON-II",
            inmate_code="LUR-002",
            doc_type=DocumentType.NONE,
            doc_number=None,
            paternal_surname="Otro",
            given_names="Pedro",
            sex=Sex.MALE,
            legal_situation=LegalSituation.PROCESADO,
        )
        create_trainee(uow, SYSTEM, data, today=TODAY)
        with pytest.raises(Conflict):
            work_documents.find_trainee_id(uow, SYSTEM, "LUR-002")
