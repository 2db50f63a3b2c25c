"""The workshop's monthly report: the month's figures, its scope, and the paper."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pypdf
import pytest
from sqlalchemy import select

from carceles_desktop.domain.commerce import Partner
from carceles_desktop.domain.pay import PayRecord
from carceles_desktop.domain.users import AuditEntry
from carceles_desktop.errors import PermissionDenied
from carceles_desktop.services import deliveries, workshop_report
from carceles_desktop.services.attendance import planilla_rows
from carceles_desktop.storage.unit_of_work import Database
from tests.helpers.commerce_world import (
    ADMIN,
    TODAY,
    World,
    draft_input,
    finished_batch,
    seeded_database,
)


@pytest.fixture
def place(tmp_path: Path) -> Iterator[tuple[Database, World]]:
    database, world = seeded_database(tmp_path)
    with database.unit_of_work() as uow:
        batch = finished_batch(uow, world, accepted="20")
        note = deliveries.create_delivery_draft(
            uow,
            ADMIN,
            draft_input(world, [(batch.batch.id, "12")], issue_date=date(2026, 3, 20)),
        )
        deliveries.issue_delivery(uow, ADMIN, note.id, on=date(2026, 3, 20))
        for key, gross in (("E1", "100.00"), ("E2", "50.00")):
            gross_amount = Decimal(gross)
            uow.session.add(
                PayRecord(
                    enrolment_id=world.enrolments[key],
                    year=2026,
                    month=3,
                    gross=gross_amount,
                    inmate_share=gross_amount * Decimal("0.7"),
                    reparation_share=gross_amount * Decimal("0.2"),
                    reparation_destination="reparacion_civil",
                    institution_share=gross_amount * Decimal("0.1"),
                )
            )
        uow.commit()
    yield database, world
    database.dispose()


def _data(database: Database, world: World, month: int = 3):  # type: ignore[no-untyped-def]
    with database.unit_of_work(read_only=True) as uow:
        sheet = planilla_rows(uow, world.jefe, world.workshop_id, 2026, month)
        return workshop_report.workshop_report_data(uow, sheet, printed_on=TODAY)


def test_the_month_of_a_workshop_is_gathered(place: tuple[Database, World]) -> None:
    database, world = place
    data = _data(database, world)
    # E1 (6 h) and E2 (4 h) worked ten days in March in CARP-01; E3 is in another workshop.
    assert sorted((t.days_present, t.valid_days, t.hours) for t in data.trainees) == [
        (10, 10, Decimal("40.00")),
        (10, 10, Decimal("60.00")),
    ]
    assert data.total_hours == Decimal("100.00")
    assert len(data.batches) == 1
    (batch,) = data.batches
    assert (batch.accepted, batch.rejected, batch.state) == (Decimal(20), Decimal(1), "Terminado")
    (line,) = data.deliveries
    with database.unit_of_work(read_only=True) as uow:
        client = uow.session.get_one(Partner, world.partner_id).name
    assert (line.issued_on, line.quantity, line.client) == (date(2026, 3, 20), Decimal(12), client)
    assert line.number
    assert data.pay is not None
    assert (data.pay.people, data.pay.gross) == (2, Decimal("150.00"))
    assert data.pay.inmate + data.pay.reparation + data.pay.institution == data.pay.gross


def test_a_month_without_work_has_no_batches_and_no_pay(place: tuple[Database, World]) -> None:
    database, world = place
    data = _data(database, world, month=9)
    assert data.batches == ()
    assert data.deliveries == ()
    assert data.pay is None
    assert data.total_hours == 0


def test_the_pdf_carries_the_figures_and_the_print_is_audited(
    place: tuple[Database, World],
) -> None:
    database, world = place
    with database.unit_of_work() as uow:
        pdf = workshop_report.workshop_report_pdf(
            uow, world.jefe, world.workshop_id, 2026, 3, today=TODAY
        )
        uow.commit()
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "INFORME MENSUAL DEL TALLER" in text
    assert "marzo de 2026" in text
    assert "S/ 150.00" in text
    assert "Total (2 internos)" in text
    assert "3. Entregas del mes" in text
    with database.unit_of_work(read_only=True) as uow:
        entry = uow.session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert entry is not None
        assert (entry.action, entry.entity) == ("print", "workshop_report")
        assert json.loads(entry.changes)["month"] == "2026-03"


def test_a_supervisor_reports_only_on_his_workshops(place: tuple[Database, World]) -> None:
    database, world = place
    with database.unit_of_work() as uow:
        with pytest.raises(PermissionDenied):
            workshop_report.workshop_report_pdf(
                uow, world.supervisor, world.workshop2_id, 2026, 3, today=TODAY
            )
        assert workshop_report.workshop_report_pdf(
            uow, ADMIN, world.workshop_id, 2026, 3, today=date(2026, 4, 1)
        ).startswith(b"%PDF")
