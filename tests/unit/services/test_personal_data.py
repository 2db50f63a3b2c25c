"""Exporting everything stored about one trainee (Ley 29733 access and portability)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from carceles_desktop.domain.catalogues import Competency, Establishment, RegionalOffice, Trade
from carceles_desktop.domain.certificates import Certificate
from carceles_desktop.domain.commerce import Product
from carceles_desktop.domain.enrolments import (
    Assessment,
    Attendance,
    Enrolment,
    EnrolmentStateChange,
)
from carceles_desktop.domain.enums import (
    AttendanceStatus,
    BatchState,
    CertificateKind,
    CertificateState,
    DocumentType,
    EnrolmentState,
    LegalSituation,
    Role,
    Sex,
    WorkshopModality,
)
from carceles_desktop.domain.pay import PayRecord
from carceles_desktop.domain.production import BatchWorker, ProductionBatch
from carceles_desktop.domain.trainees import Trainee, TraineeTransfer
from carceles_desktop.domain.users import AuditEntry
from carceles_desktop.domain.workshops import Workshop
from carceles_desktop.errors import NotFound, PermissionDenied
from carceles_desktop.services import personal_data
from carceles_desktop.services.actor import Actor
from carceles_desktop.storage.unit_of_work import Database

ADMIN = Actor(user_id=None, username="oficial-datos", role=Role.ADMIN)


@pytest.fixture
def story(db: Database) -> dict[str, int]:
    """One trainee with a row of every kind, and a second trainee who must not leak in."""
    with db.unit_of_work() as uow:
        s = uow.session
        office = RegionalOffice(code="ORL", name="Lima", seat="Lima")
        trade = Trade(code="CARP", name="Carpintería")
        s.add_all([office, trade])
        s.flush()
        home = Establishment(code="EP-A", name="E.P. Ancón", regional_office_id=office.id)
        other = Establishment(code="EP-B", name="E.P. Callao", regional_office_id=office.id)
        competency = Competency(trade_id=trade.id, code="C1", name="Ensamblar muebles")
        product = Product(code="SILLA", name="Silla de madera", unit_code="NIU")
        s.add_all([home, other, competency, product])
        s.flush()
        shop = Workshop(
            code="T1",
            name="Carpintería",
            establishment_id=home.id,
            trade_id=trade.id,
            modality=WorkshopModality.INPE,
            capacity=10,
        )
        person = _trainee(home.id, "A-1", "12345678", "Núñez", "José Ángel")
        bystander = _trainee(home.id, "A-2", "87654321", "Quispe", "Rosa")
        s.add_all([shop, person, bystander])
        s.flush()
        s.add(
            TraineeTransfer(
                trainee_id=person.id,
                from_establishment_id=other.id,
                to_establishment_id=home.id,
                transferred_on=date(2026, 1, 5),
                reason="Acercamiento familiar",
            )
        )
        enrolment = Enrolment(
            trainee_id=person.id,
            workshop_id=shop.id,
            starts_on=date(2026, 2, 1),
            state=EnrolmentState.ACTIVO,
        )
        theirs = Enrolment(
            trainee_id=bystander.id,
            workshop_id=shop.id,
            starts_on=date(2026, 2, 1),
            state=EnrolmentState.ACTIVO,
        )
        s.add_all([enrolment, theirs])
        s.flush()
        batch = ProductionBatch(
            code="L-1",
            workshop_id=shop.id,
            product_id=product.id,
            planned_quantity=Decimal("10"),
            starts_on=date(2026, 3, 1),
            state=BatchState.EN_PROCESO,
        )
        s.add(batch)
        s.flush()
        s.add_all(
            [
                EnrolmentStateChange(
                    enrolment_id=enrolment.id,
                    from_state=None,
                    to_state=EnrolmentState.ACTIVO,
                    changed_on=date(2026, 2, 1),
                    reason="Ingreso al taller",
                ),
                Attendance(
                    enrolment_id=enrolment.id,
                    day=date(2026, 2, 2),
                    status=AttendanceStatus.PRESENTE,
                    hours=Decimal("6.5"),
                ),
                Attendance(
                    enrolment_id=enrolment.id,
                    day=date(2026, 2, 3),
                    status=AttendanceStatus.FALTA,
                ),
                Attendance(
                    enrolment_id=theirs.id,
                    day=date(2026, 2, 2),
                    status=AttendanceStatus.PRESENTE,
                    hours=Decimal("4"),
                ),
                Assessment(
                    enrolment_id=enrolment.id,
                    competency_id=competency.id,
                    assessed_on=date(2026, 3, 30),
                    grade=15,
                    passed=True,
                    evaluator="Instructor Ramos",
                ),
                PayRecord(
                    enrolment_id=enrolment.id,
                    year=2026,
                    month=2,
                    gross=Decimal("100.00"),
                    inmate_share=Decimal("70.00"),
                    reparation_share=Decimal("20.00"),
                    reparation_destination="reparacion_civil",
                    institution_share=Decimal("10.00"),
                ),
                BatchWorker(batch_id=batch.id, enrolment_id=enrolment.id, hours=Decimal("12")),
                Certificate(
                    establishment_id=home.id,
                    year=2026,
                    sequence=1,
                    number="CP-EPA-2026-1",
                    kind=CertificateKind.CAPACITACION,
                    state=CertificateState.VIGENTE,
                    trainee_id=person.id,
                    enrolment_id=enrolment.id,
                    issued_on=date(2026, 4, 1),
                    snapshot=json.dumps({"holder": "José Ángel Núñez", "hours": "120"}),
                    payload="INPE1:ABC",
                    signature=b"\x00" * 64,
                    key_id="EPA-1",
                ),
            ]
        )
        uow.commit()
        return {"person": person.id, "bystander": bystander.id, "home": home.id, "other": other.id}


def _trainee(place: int, code: str, dni: str, surname: str, names: str) -> Trainee:
    return Trainee(
        establishment_id=place,
        inmate_code=code,
        doc_type=DocumentType.DNI,
        doc_number=dni,
        paternal_surname=surname,
        given_names=names,
        sex=Sex.MALE,
        legal_situation=LegalSituation.SENTENCIADO,
        search_key=f"{names} {surname}".lower(),
    )


def test_export_gathers_every_kind_of_row_about_the_person(
    db: Database, story: dict[str, int]
) -> None:
    with db.unit_of_work() as uow:
        data = personal_data.export_trainee_data(uow, ADMIN, story["person"])
        uow.commit()

    assert data["format"] == personal_data.FORMAT
    assert data["exported_by"] == "oficial-datos"
    person = data["trainee"]
    assert person["given_names"] == "José Ángel"
    assert person["doc_number"] == "12345678"
    assert person["doc_type"] == "dni"
    assert person["establishment"] == {"code": "EP-A", "name": "E.P. Ancón"}
    assert "search_key" not in person
    assert [t["reason"] for t in data["transfers"]] == ["Acercamiento familiar"]
    (enrolment,) = data["enrolments"]
    assert enrolment["workshop"]["code"] == "T1"
    assert [h["to_state"] for h in enrolment["history"]] == ["activo"]
    assert [(a["day"], a["hours"]) for a in enrolment["attendance"]] == [
        ("2026-02-02", "6.50"),
        ("2026-02-03", "0.00"),
    ]
    assert enrolment["assessments"][0]["grade"] == 15
    assert enrolment["pay_records"][0]["inmate_share"] == "70.00"
    assert enrolment["batch_work"][0]["batch_code"] == "L-1"
    assert enrolment["batch_work"][0]["product"] == "Silla de madera"
    (certificate,) = data["certificates"]
    assert certificate["snapshot"] == {"holder": "José Ángel Núñez", "hours": "120"}
    assert certificate["signature"] == "00" * 64
    # Plain JSON all the way down.
    assert json.loads(json.dumps(data)) == data


def test_export_contains_nothing_of_another_trainee(db: Database, story: dict[str, int]) -> None:
    with db.unit_of_work() as uow:
        text = json.dumps(personal_data.export_trainee_data(uow, ADMIN, story["person"]))
    assert "Quispe" not in text
    assert "87654321" not in text
    assert '"hours": "4.00"' not in text


def test_export_is_audited_without_personal_details(db: Database, story: dict[str, int]) -> None:
    with db.unit_of_work() as uow:
        personal_data.export_trainee_data(uow, ADMIN, story["person"])
        person_uuid = str(uow.session.get(Trainee, story["person"]).uuid)  # type: ignore[union-attr]
        uow.commit()
    with db.unit_of_work(read_only=True) as uow:
        entry = uow.session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert entry is not None
        assert entry.action == "export"
        assert entry.entity == "trainee"
        assert entry.entity_uuid == person_uuid
        logged = entry.summary + entry.changes
        assert json.loads(entry.changes)["rows"]["attendance"] == 2
    for detail in ("José", "Núñez", "12345678", "A-1"):
        assert detail not in logged


def test_only_administrators_export(db: Database, story: dict[str, int]) -> None:
    jefe = Actor(user_id=None, username="jefe", role=Role.JEFE)
    with db.unit_of_work() as uow, pytest.raises(PermissionDenied):
        personal_data.export_trainee_data(uow, jefe, story["person"])


def test_an_establishments_admin_exports_only_its_own_trainees(
    db: Database, story: dict[str, int]
) -> None:
    local = Actor(
        user_id=None, username="admin-b", role=Role.ADMIN, establishment_id=story["other"]
    )
    with db.unit_of_work() as uow, pytest.raises(PermissionDenied, match="own establishment"):
        personal_data.export_trainee_data(uow, local, story["person"])


def test_unknown_trainee(db: Database) -> None:
    with db.unit_of_work() as uow, pytest.raises(NotFound):
        personal_data.export_trainee_data(uow, ADMIN, 404)


def test_write_json_keeps_accents_and_replaces_atomically(
    db: Database, story: dict[str, int], tmp_path: Path
) -> None:
    with db.unit_of_work() as uow:
        data = personal_data.export_trainee_data(uow, ADMIN, story["person"])
    folder = tmp_path / "salida"
    folder.mkdir()
    target = folder / "datos.json"
    target.write_text("viejo", encoding="utf-8")

    written = personal_data.write_trainee_data_json(data, target)

    assert written == target
    raw = target.read_text(encoding="utf-8")
    assert "José Ángel" in raw
    assert json.loads(raw) == data
    assert [p.name for p in folder.iterdir()] == ["datos.json"]  # no temporary left


def test_write_json_leaves_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "datos.json"
    target.write_text("viejo", encoding="utf-8")
    with pytest.raises(TypeError):
        personal_data.write_trainee_data_json({"bad": object()}, target)
    assert target.read_text(encoding="utf-8") == "viejo"
    assert [p.name for p in tmp_path.iterdir()] == ["datos.json"]
