"""The read side of the lists: filtering, sorting, paging, scope and details."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

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
    Role,
    Sex,
    WorkshopModality,
)
from carceles_desktop.domain.rules.text import fold, search_key
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.domain.users import RoleRecord, User
from carceles_desktop.domain.workshops import Workshop, workshop_supervisors
from carceles_desktop.errors import NotFound
from carceles_desktop.services import browse
from carceles_desktop.services.actor import Actor
from carceles_desktop.storage.opening import open_database
from carceles_desktop.storage.unit_of_work import Database

ADMIN = Actor(user_id=None, username="admin", role=Role.ADMIN)

# (code, paternal, maternal, given, doc number or None, establishment index)
PEOPLE = [
    ("A-001", "Núñez", "Quispe", "José Luis", "10117410", 0),
    ("A-002", "NUÑEZ", "Mamani", "Rosa", "20117410", 0),
    ("A-003", "Ñahui", "Cóndor", "Ángel", None, 0),
    ("A-004", "Álvarez", "Pérez", "María", "30117410", 0),
    ("A-005", "Nuno", "Torres", "Percy", "40117410", 0),
    ("B-001", "Quispe", "Núñez", "Wilber", "50117410", 1),
    ("B-002", "Zapata", "León", "Óscar_50%", "60117410", 1),
]


@dataclass
class World:
    database: Database
    est: list[int]
    workshops: dict[str, int]
    trainees: dict[str, int]
    supervisor_id: int


def _trainee(code: str, pat: str, mat: str, given: str, doc: str | None, est_id: int) -> Trainee:
    return Trainee(
        establishment_id=est_id,
        inmate_code=code,
        doc_type=DocumentType.DNI if doc else DocumentType.NONE,
        doc_number=doc,
        paternal_surname=pat,
        maternal_surname=mat,
        given_names=given,
        sex=Sex.MALE,
        legal_situation=LegalSituation.SENTENCIADO,
        search_key=search_key(pat, mat, given, doc, code),
    )


def _enrol(session, trainee_id, workshop_id, starts, state, ends=None):  # noqa: ANN001, ANN202
    enrolment = Enrolment(
        trainee_id=trainee_id, workshop_id=workshop_id, starts_on=starts, ends_on=ends, state=state
    )
    session.add(enrolment)
    session.flush()
    session.add(
        EnrolmentStateChange(
            enrolment_id=enrolment.id,
            from_state=None,
            to_state=EnrolmentState.ACTIVO,
            changed_on=starts,
            reason="Inscripción",
        )
    )
    if state is not EnrolmentState.ACTIVO:
        session.add(
            EnrolmentStateChange(
                enrolment_id=enrolment.id,
                from_state=EnrolmentState.ACTIVO,
                to_state=state,
                changed_on=ends or starts,
                reason="Culminó",
            )
        )
    return enrolment


@pytest.fixture(
    params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
)
def world(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[World]:
    # The same expectations on PostgreSQL: accents, LIKE escapes, NULL order, scope.
    if request.param == "postgres":
        location = request.getfixturevalue("fresh_postgres_url")
    else:
        location = str(tmp_path / "browse.sqlite3")
    database = open_database(location, create=True)
    with database.unit_of_work() as uow:
        s = uow.session
        office = RegionalOffice(code="LIMA", name="Lima", seat="Lima")
        s.add(office)
        s.flush()
        ests = [
            Establishment(
                code="LURIGANCHO", name="E.P. de Lurigancho", regional_office_id=office.id
            ),
            Establishment(code="ANCON-II", name="E.P. Ancón II", regional_office_id=office.id),
        ]
        s.add_all(ests)
        trade = Trade(code="CARP", name="Carpintería")
        s.add(trade)
        s.flush()
        comp = Competency(trade_id=trade.id, code="M1", name="Corte de madera")
        partner = Partner(
            kind=PartnerKind.COMPANY, id_type="6", id_number="20512333797", name="Maderas SAC"
        )
        s.add_all([comp, partner])
        s.flush()
        workshops = {}
        for code, name, est, modality in [
            ("LUR-CARP-01", "Carpintería fina", ests[0], WorkshopModality.PARTNER),
            ("LUR-TEXT-01", "Textil y confección", ests[0], WorkshopModality.INPE),
            ("ANC-CARP-01", "Carpintería básica", ests[1], WorkshopModality.INPE),
        ]:
            workshop = Workshop(
                code=code,
                name=name,
                name_key=fold(name),
                establishment_id=est.id,
                trade_id=trade.id,
                modality=modality,
                partner_id=partner.id if modality is WorkshopModality.PARTNER else None,
                capacity=30,
            )
            s.add(workshop)
            s.flush()
            workshops[code] = workshop.id
        trainees = {}
        for code, pat, mat, given, doc, est_index in PEOPLE:
            trainee = _trainee(code, pat, mat, given, doc, ests[est_index].id)
            s.add(trainee)
            s.flush()
            trainees[code] = trainee.id
        fine, textile, ancon = (workshops[c] for c in ("LUR-CARP-01", "LUR-TEXT-01", "ANC-CARP-01"))
        # ended in textile, later active in fine carpentry (active wins).
        _enrol(
            s,
            trainees["A-001"],
            textile,
            date(2025, 1, 6),
            EnrolmentState.CULMINADO,
            date(2025, 5, 1),
        )
        active = _enrol(s, trainees["A-001"], fine, date(2025, 3, 1), EnrolmentState.ACTIVO)
        _enrol(s, trainees["A-002"], fine, date(2025, 2, 1), EnrolmentState.ACTIVO)
        _enrol(s, trainees["A-003"], textile, date(2025, 2, 1), EnrolmentState.EN_ESPERA)
        _enrol(
            s,
            trainees["A-004"],
            textile,
            date(2024, 6, 1),
            EnrolmentState.RETIRADO,
            date(2024, 9, 1),
        )
        _enrol(s, trainees["B-001"], ancon, date(2025, 4, 1), EnrolmentState.ACTIVO)
        for day, hours in [(3, "6.50"), (4, "7.25"), (5, "0")]:
            present = hours != "0"
            s.add(
                Attendance(
                    enrolment_id=active.id,
                    day=date(2025, 3, day),
                    status=AttendanceStatus.PRESENTE if present else AttendanceStatus.FALTA,
                    hours=Decimal(hours),
                )
            )
        s.add(
            Assessment(
                enrolment_id=active.id,
                competency_id=comp.id,
                assessed_on=date(2025, 4, 1),
                grade=16,
                passed=True,
                evaluator="Ing. Huamán",
            )
        )
        role = RoleRecord(code=Role.SUPERVISOR, name="Supervisor")
        s.add(role)
        s.flush()
        user = User(
            username="sup",
            full_name="Carlos Supervisor",
            role_id=role.id,
            password_hash="x",
            establishment_id=ests[0].id,
        )
        s.add(user)
        s.flush()
        s.execute(workshop_supervisors.insert().values(workshop_id=fine, user_id=user.id))
        est_ids = [e.id for e in ests]
        uow.commit()
    yield World(database, est_ids, workshops, trainees, user.id)
    database.dispose()


def _codes(world: World, actor: Actor = ADMIN, **kwargs: object) -> list[str]:
    with world.database.unit_of_work(read_only=True) as uow:
        return [row.inmate_code for row in browse.search_trainees(uow, actor, **kwargs)]


def _count(world: World, actor: Actor = ADMIN, text: str = "") -> int:
    with world.database.unit_of_work(read_only=True) as uow:
        return browse.count_trainees(uow, actor, text=text)


# --------------------------------------------------------------------------- trainees


def test_search_ignores_case_and_accents(world: World) -> None:
    assert sorted(_codes(world, text="nunez")) == ["A-001", "A-002", "B-001"]
    assert sorted(_codes(world, text="NÚÑEZ")) == ["A-001", "A-002", "B-001"]
    assert _codes(world, text="ñahui") == ["A-003"]
    assert _codes(world, text="nahui") == ["A-003"]
    assert _count(world, text="nunez") == 3


def test_search_finds_document_and_code_and_several_words(world: World) -> None:
    assert _codes(world, text="30117410") == ["A-004"]
    assert _codes(world, text="b-002") == ["B-002"]
    assert _codes(world, text="  nunez   quispe ") == ["A-001"]


def test_like_specials_match_literally(world: World) -> None:
    # Only B-002's given names hold "_" and "%": a wildcard would have matched everyone.
    assert _codes(world, text="%") == ["B-002"]
    assert _codes(world, text="_") == ["B-002"]
    assert _codes(world, text="r_s") == []
    assert _codes(world, text="oscar_50%") == ["B-002"]


def test_empty_text_lists_everyone_and_counts(world: World) -> None:
    assert len(_codes(world)) == len(PEOPLE)
    assert _count(world) == len(PEOPLE)


def test_sort_by_name_both_ways(world: World) -> None:
    names = _codes(world, sort="name")
    # Alphabetical ignoring case and accents: Álvarez first, Ñahui among the N's.
    assert names == ["A-004", "A-003", "A-002", "A-001", "A-005", "B-001", "B-002"]
    assert _codes(world, sort="name", descending=True) == list(reversed(names))


def test_sort_by_code_and_establishment(world: World) -> None:
    assert _codes(world, sort="code") == sorted(code for code, *_ in PEOPLE)
    assert _codes(world, sort="code", descending=True)[0] == "B-002"
    by_est = _codes(world, sort="establishment")
    assert by_est[:2] == ["B-001", "B-002"]  # "E.P. Ancón II" before "E.P. de Lurigancho"


def test_sort_by_document_puts_missing_last_both_ways(world: World) -> None:
    assert _codes(world, sort="document")[0] == "A-001"
    assert _codes(world, sort="document")[-1] == "A-003"
    assert _codes(world, sort="document", descending=True)[0] == "B-002"
    assert _codes(world, sort="document", descending=True)[-1] == "A-003"


def test_sort_by_workshop_uses_the_current_enrolment(world: World) -> None:
    codes = _codes(world, sort="workshop")
    # "Carpintería básica" < "Carpintería fina" < "Textil y confección" < never enrolled
    assert codes[:3] == ["B-001", "A-001", "A-002"]
    assert set(codes[3:5]) == {"A-003", "A-004"}
    assert codes[5:] == ["A-005", "B-002"]


def test_sort_by_enrolment_state(world: World) -> None:
    codes = _codes(world, sort="state")
    # activo < en_espera < retirado < never enrolled
    assert codes[:3] == ["A-001", "A-002", "B-001"]
    assert codes[3:5] == ["A-003", "A-004"]
    assert _codes(world, sort="state", descending=True)[:3] == ["A-004", "A-003", "B-001"]


def test_pages_join_up_without_gaps_or_repeats(world: World) -> None:
    whole = _codes(world, sort="establishment")
    pages = [_codes(world, sort="establishment", offset=o, limit=2) for o in range(0, 8, 2)]
    assert [code for page in pages for code in page] == whole


def test_current_enrolment_prefers_active_then_waiting(world: World) -> None:
    with world.database.unit_of_work(read_only=True) as uow:
        rows = {r.inmate_code: r for r in browse.search_trainees(uow, ADMIN)}
    assert rows["A-001"].active_workshop == "Carpintería fina"
    assert rows["A-001"].enrolment_state is EnrolmentState.ACTIVO
    assert rows["A-003"].enrolment_state is EnrolmentState.EN_ESPERA
    assert rows["A-004"].enrolment_state is EnrolmentState.RETIRADO
    assert rows["A-005"].active_workshop is None
    assert rows["A-005"].enrolment_state is None
    assert rows["B-001"].establishment_code == "ANCON-II"


def test_scope_by_establishment_and_by_supervisor(world: World) -> None:
    jefe = Actor(user_id=2, username="jefe", role=Role.JEFE, establishment_id=world.est[1])
    assert sorted(_codes(world, jefe)) == ["B-001", "B-002"]
    assert _count(world, jefe, "nunez") == 1
    sup = Actor(
        user_id=3,
        username="sup",
        role=Role.SUPERVISOR,
        establishment_id=world.est[0],
        workshop_ids=frozenset({world.workshops["LUR-CARP-01"]}),
    )
    assert sorted(_codes(world, sup)) == ["A-001", "A-002"]
    assert _count(world, sup) == 2
    nobody = Actor(user_id=4, username="new", role=Role.SUPERVISOR)
    assert _codes(world, nobody) == []
    assert _count(world, nobody) == 0


def test_bad_sort_or_page_is_a_programming_error(world: World) -> None:
    with pytest.raises(ValueError, match="sort"):
        _codes(world, sort="shoe size")
    with pytest.raises(ValueError, match="page"):
        _codes(world, limit=0)


def test_trainee_detail_has_history_hours_and_assessments(world: World) -> None:
    with world.database.unit_of_work(read_only=True) as uow:
        detail = browse.trainee_detail(uow, ADMIN, world.trainees["A-001"])
    assert detail.full_name == "José Luis Núñez Quispe"
    assert detail.establishment_code == "LURIGANCHO"
    assert [e.workshop_code for e in detail.enrolments] == ["LUR-CARP-01", "LUR-TEXT-01"]
    active, ended = detail.enrolments
    assert active.total_hours == Decimal("13.75")
    assert active.days_present == 2
    assert [a.grade for a in active.assessments] == [16]
    assert active.assessments[0].competency_name == "Corte de madera"
    assert ended.total_hours == Decimal("0.00")
    assert [(h.from_state, h.to_state) for h in ended.history] == [
        (None, EnrolmentState.ACTIVO),
        (EnrolmentState.ACTIVO, EnrolmentState.CULMINADO),
    ]


def test_trainee_detail_outside_scope_is_not_found(world: World) -> None:
    jefe = Actor(user_id=2, username="jefe", role=Role.JEFE, establishment_id=world.est[1])
    with world.database.unit_of_work(read_only=True) as uow, pytest.raises(NotFound):
        browse.trainee_detail(uow, jefe, world.trainees["A-001"])
    with world.database.unit_of_work(read_only=True) as uow, pytest.raises(NotFound):
        browse.trainee_detail(uow, ADMIN, 999_999)


# --------------------------------------------------------------------------- workshops


def _workshops(world: World, actor: Actor = ADMIN, **kwargs: object) -> list[browse.WorkshopRow]:
    with world.database.unit_of_work(read_only=True) as uow:
        return browse.search_workshops(uow, actor, **kwargs)


def test_workshop_search_by_folded_name_or_code(world: World) -> None:
    assert [w.code for w in _workshops(world, text="carpinteria")] == [
        "ANC-CARP-01",
        "LUR-CARP-01",
    ]
    assert [w.code for w in _workshops(world, text="lur-text")] == ["LUR-TEXT-01"]
    with world.database.unit_of_work(read_only=True) as uow:
        assert browse.count_workshops(uow, ADMIN, text="CARPINTERÍA") == 2
        assert browse.count_workshops(uow, ADMIN) == 3


def test_workshop_rows_and_sorting(world: World) -> None:
    rows = {w.code: w for w in _workshops(world)}
    fine = rows["LUR-CARP-01"]
    assert fine.active_trainees == 2
    assert fine.partner_name == "Maderas SAC"
    assert fine.modality is WorkshopModality.PARTNER
    assert rows["LUR-TEXT-01"].active_trainees == 0
    by_trainees = [w.code for w in _workshops(world, sort="trainees", descending=True)]
    assert by_trainees[0] == "LUR-CARP-01"
    assert [w.code for w in _workshops(world, sort="name")] == [
        "ANC-CARP-01",
        "LUR-CARP-01",
        "LUR-TEXT-01",
    ]
    with pytest.raises(ValueError, match="sort"):
        _workshops(world, sort="colour")


def test_workshop_scope_and_detail(world: World) -> None:
    sup = Actor(
        user_id=3,
        username="sup",
        role=Role.SUPERVISOR,
        workshop_ids=frozenset({world.workshops["LUR-CARP-01"]}),
    )
    assert [w.code for w in _workshops(world, sup)] == ["LUR-CARP-01"]
    with world.database.unit_of_work(read_only=True) as uow:
        detail = browse.workshop_detail(uow, sup, world.workshops["LUR-CARP-01"])
        with pytest.raises(NotFound):
            browse.workshop_detail(uow, sup, world.workshops["ANC-CARP-01"])
    assert detail.supervisors == ("Carlos Supervisor",)
    assert [m.inmate_code for m in detail.members] == ["A-002", "A-001"]
    assert detail.members[1].name == "Núñez Quispe, José Luis"
    assert detail.waiting == 0
    assert detail.finished == 0
    with world.database.unit_of_work(read_only=True) as uow:
        textile = browse.workshop_detail(uow, ADMIN, world.workshops["LUR-TEXT-01"])
    assert textile.waiting == 1
    assert textile.finished == 2
    assert [m.state for m in textile.members] == [EnrolmentState.EN_ESPERA]
