"""A filled database for the window's tests (and the browse benchmark).

Rows are inserted directly with SQLAlchemy in a few executemany calls, so that a few
hundred trainees (or 100,000 for a benchmark) cost little.  Names are Peruvian, with
the accents and eñes that searching must see through ("Núñez", "Ñahui").
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select

from carceles_desktop.domain.catalogues import Competency, Establishment, RegionalOffice, Trade
from carceles_desktop.domain.commerce import Partner
from carceles_desktop.domain.enrolments import (
    Assessment,
    Attendance,
    Enrolment,
    EnrolmentStateChange,
)
from carceles_desktop.domain.enums import (
    AttendanceStatus,
    DocumentType,
    EnrolmentState,
    LegalSituation,
    PartnerKind,
    Sex,
    WorkshopModality,
)
from carceles_desktop.domain.rules.text import fold, search_key
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.domain.workshops import Workshop
from carceles_desktop.storage.unit_of_work import Database

SURNAMES = [
    "Quispe",
    "Mamani",
    "Huamán",
    "Flores",
    "Rodríguez",
    "García",
    "Pérez",
    "Chávez",
    "Vásquez",
    "Ramírez",
    "Torres",
    "Sánchez",
    "Díaz",
    "Gutiérrez",
    "Cóndor",
    "Yupanqui",
    "Ticona",
    "Apaza",
    "Castillo",
    "Rojas",
    "Mendoza",
    "Espinoza",
    "Salazar",
    "Castro",
    "León",
    "Zúñiga",
    "Muñoz",
    "Ibáñez",
    "Peña",
    "Núñez",
    "Ñahui",
    "Ccori",
    "Huanca",
    "Choque",
    "Vargas",
]
GIVEN = [
    "José",
    "Luis",
    "Juan",
    "Carlos",
    "Jesús",
    "Miguel",
    "Ángel",
    "Víctor",
    "César",
    "Óscar",
    "Raúl",
    "Martín",
    "Percy",
    "Wilber",
    "Edwin",
    "Yolanda",
    "María",
    "Rosa",
    "Ana",
    "Sofía",
    "Teodoro",
    "Félix",
    "Nicanor",
    "Efraín",
    "Hernán",
]
ESTABLISHMENTS = (
    ("LURIGANCHO", "E.P. de Lurigancho"),
    ("ANCON-II", "E.P. Modelo Ancón II"),
    ("CHORRILLOS", "E.P. de Mujeres de Chorrillos"),
)
TRADES = (
    ("CARP", "Carpintería"),
    ("TEXT", "Textil y confección"),
    ("CUERO", "Cuero y calzado"),
    ("PAN", "Panadería y pastelería"),
)


@dataclass
class Sample:
    """What :func:`fill` inserted, for tests to compare against."""

    establishment_ids: list[int] = field(default_factory=list)
    workshop_ids: list[int] = field(default_factory=list)
    trainees: list[dict[str, Any]] = field(default_factory=list)

    def trainee_ids_matching(self, text: str) -> set[int]:
        """Ids whose search key contains the folded text (what the list should show)."""
        needle = fold(text)
        return {t["id"] for t in self.trainees if needle in t["search_key"]}


def fill(
    database: Database, *, trainees: int = 300, workshops_per_establishment: int = 3, seed: int = 7
) -> Sample:
    """Insert catalogues, workshops, trainees and enrolments; return what was inserted."""
    rng = random.Random(seed)
    sample = Sample()
    with database.unit_of_work() as uow:
        session = uow.session
        office = RegionalOffice(code="LIMA", name="Oficina Regional Lima", seat="Lima")
        session.add(office)
        session.flush()
        for code, name in ESTABLISHMENTS:
            est = Establishment(code=code, name=name, regional_office_id=office.id, city="Lima")
            session.add(est)
            session.flush()
            sample.establishment_ids.append(est.id)
        trade_ids, competencies = _trades(session)
        partner = Partner(
            kind=PartnerKind.COMPANY, id_type="6", id_number="20512333797", name="Cueros SAC"
        )
        session.add(partner)
        session.flush()
        for est_index, est_id in enumerate(sample.establishment_ids):
            for n in range(workshops_per_establishment):
                trade_index = (est_index + n) % len(TRADES)
                name = f"Taller de {TRADES[trade_index][1]} {n + 1}"
                workshop = Workshop(
                    code=f"{ESTABLISHMENTS[est_index][0][:4]}-{TRADES[trade_index][0]}-{n + 1:02d}",
                    name=name,
                    name_key=fold(name),
                    establishment_id=est_id,
                    trade_id=trade_ids[trade_index],
                    modality=WorkshopModality.PARTNER if n == 0 else WorkshopModality.INPE,
                    partner_id=partner.id if n == 0 else None,
                    capacity=40,
                )
                session.add(workshop)
                session.flush()
                sample.workshop_ids.append(workshop.id)
        _trainees(session, rng, sample, trainees)
        _enrolments(session, rng, sample, competencies)
        uow.commit()
    return sample


def _trades(session: Any) -> tuple[list[int], dict[int, list[int]]]:
    trade_ids = []
    competencies: dict[int, list[int]] = {}
    for code, name in TRADES:
        trade = Trade(code=code, name=name)
        session.add(trade)
        session.flush()
        trade_ids.append(trade.id)
        for n in range(2):
            comp = Competency(
                trade_id=trade.id, code=f"{code}-M{n + 1}", name=f"Módulo {n + 1} de {name}"
            )
            session.add(comp)
            session.flush()
            competencies.setdefault(trade.id, []).append(comp.id)
    return trade_ids, competencies


def _trainees(session: Any, rng: random.Random, sample: Sample, count: int) -> None:
    rows = []
    for n in range(count):
        paternal, maternal = rng.choice(SURNAMES), rng.choice(SURNAMES)
        given = " ".join(rng.sample(GIVEN, rng.choice((1, 2))))
        code = f"IN-{n + 1:06d}"
        doc_type = DocumentType.DNI if n % 17 else DocumentType.NONE
        doc_number = (
            f"{10_000_000 + n * 37 % 90_000_000:08d}" if doc_type is DocumentType.DNI else None
        )
        rows.append(
            {
                "establishment_id": sample.establishment_ids[n % len(sample.establishment_ids)],
                "inmate_code": code,
                "doc_type": doc_type,
                "doc_number": doc_number,
                "paternal_surname": paternal,
                "maternal_surname": maternal,
                "given_names": given,
                "sex": Sex.FEMALE if n % 3 == 2 else Sex.MALE,
                "birth_date": date(1970, 1, 1) + timedelta(days=rng.randrange(12_000)),
                "legal_situation": LegalSituation.SENTENCIADO
                if n % 4
                else LegalSituation.PROCESADO,
                "admission_date": date(2020, 1, 1) + timedelta(days=rng.randrange(1_500)),
                "search_key": search_key(paternal, maternal, given, doc_number, code),
            }
        )
    session.execute(insert(Trainee), rows)
    ids = session.scalars(select(Trainee.id).order_by(Trainee.id)).all()
    for row, trainee_id in zip(rows, ids, strict=True):
        row["id"] = trainee_id
    sample.trainees = rows


def _enrolments(
    session: Any, rng: random.Random, sample: Sample, competencies: dict[int, list[int]]
) -> None:
    by_establishment: dict[int, list[int]] = {}
    trades = dict(session.execute(select(Workshop.id, Workshop.trade_id)).all())
    for workshop_id, est_id in session.execute(select(Workshop.id, Workshop.establishment_id)):
        by_establishment.setdefault(est_id, []).append(workshop_id)
    enrolments = []
    for n, trainee in enumerate(sample.trainees):
        if n % 5 == 4:
            continue  # one in five was never enrolled
        workshop_id = rng.choice(by_establishment[trainee["establishment_id"]])
        starts = date(2025, 1, 6) + timedelta(days=rng.randrange(300))
        state = EnrolmentState.CULMINADO if n % 5 == 3 else EnrolmentState.ACTIVO
        ends = starts + timedelta(days=120) if state is EnrolmentState.CULMINADO else None
        enrolments.append(
            {
                "trainee_id": trainee["id"],
                "workshop_id": workshop_id,
                "starts_on": starts,
                "ends_on": ends,
                "state": state,
            }
        )
        trainee["workshop_id"] = workshop_id
    session.execute(insert(Enrolment), enrolments)
    rows = session.execute(
        select(
            Enrolment.id,
            Enrolment.starts_on,
            Enrolment.ends_on,
            Enrolment.state,
            Enrolment.workshop_id,
        )
    ).all()
    changes, attendance, assessments = [], [], []
    for enrolment_id, starts, ends, state, workshop_id in rows:
        changes.append(_change(enrolment_id, None, EnrolmentState.ACTIVO, starts, "Inscripción"))
        if state is EnrolmentState.CULMINADO:
            changes.append(
                _change(enrolment_id, EnrolmentState.ACTIVO, state, ends, "Culminó el módulo")
            )
        if enrolment_id % 10 == 1:
            for day in range(5):
                attendance.append(
                    {
                        "enrolment_id": enrolment_id,
                        "day": starts + timedelta(days=day),
                        "status": AttendanceStatus.PRESENTE,
                        "hours": Decimal("6.50"),
                    }
                )
            assessments.append(
                {
                    "enrolment_id": enrolment_id,
                    "competency_id": competencies[trades[workshop_id]][0],
                    "assessed_on": starts + timedelta(days=30),
                    "grade": 15,
                    "passed": True,
                    "evaluator": "Ing. Rosa Huamán",
                }
            )
    session.execute(insert(EnrolmentStateChange), changes)
    if attendance:
        session.execute(insert(Attendance), attendance)
        session.execute(insert(Assessment), assessments)


def _change(
    enrolment_id: int,
    from_state: EnrolmentState | None,
    to_state: EnrolmentState,
    day: date,
    reason: str,
) -> dict[str, Any]:
    return {
        "enrolment_id": enrolment_id,
        "from_state": from_state,
        "to_state": to_state,
        "changed_on": day,
        "reason": reason,
    }
