"""Trainees: field checks, duplicates, editing, the redemption case and transfers."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from carceles_desktop.domain.catalogues import Establishment, RedemptionRule, Trade
from carceles_desktop.domain.enrolments import Enrolment, EnrolmentStateChange
from carceles_desktop.domain.enums import (
    DocumentType,
    EnrolmentState,
    LegalSituation,
    Role,
    Sex,
    WorkshopModality,
)
from carceles_desktop.domain.trainees import Trainee, TraineeTransfer
from carceles_desktop.domain.users import AuditEntry
from carceles_desktop.domain.workshops import Workshop
from carceles_desktop.errors import Conflict, NotFound, PermissionDenied, ValidationError
from carceles_desktop.services import audit, trainees
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.catalogues import load_catalogues
from carceles_desktop.services.enrolments import change_enrolment_state, enrol_trainee
from carceles_desktop.services.trainees import (
    InvalidFields,
    TraineeInput,
    create_trainee,
    get_trainee,
    set_redemption_case,
    transfer_trainee,
    update_trainee,
    validate_trainee,
)
from carceles_desktop.storage.unit_of_work import Database
from tests.conftest import open_test_database

TODAY = date(2026, 11, 20)
ADMIN = Actor(user_id=None, username="admin", role=Role.ADMIN)
CONSULTA = Actor(user_id=None, username="consulta", role=Role.CONSULTA)

PERSON = TraineeInput(
    establishment_code="LURIGANCHO",
    inmate_code="LUR-0001",
    doc_type=DocumentType.DNI,
    doc_number="01234567",
    paternal_surname="Núñez",
    maternal_surname="Quispe",
    given_names="José Luis",
    sex=Sex.MALE,
    legal_situation=LegalSituation.SENTENCIADO,
    birth_date=date(1990, 5, 17),
    admission_date=date(2022, 3, 1),
)


@pytest.fixture(scope="module")
def seeded(migrated_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Catalogues and two workshops of Lurigancho, built once for the module."""
    path = tmp_path_factory.mktemp("trainees") / "seed.sqlite3"
    shutil.copyfile(migrated_template, path)
    db = open_test_database(path)
    with db.unit_of_work() as uow:
        load_catalogues(uow, Actor.system(), holiday_years=range(2026, 2027))
        est = uow.session.scalar(select(Establishment.id).where(Establishment.code == "LURIGANCHO"))
        trade = uow.session.scalar(select(Trade.id).where(Trade.code == "CARPINTERIA"))
        for code in ("LUR-CARP-01", "LUR-CARP-02"):
            uow.session.add(
                Workshop(
                    code=code,
                    name=f"Carpintería {code[-2:]}",
                    establishment_id=est,
                    trade_id=trade,
                    modality=WorkshopModality.INPE,
                    capacity=10,
                )
            )
        uow.commit()
    db.dispose()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return path


@pytest.fixture
def db(seeded: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "db.sqlite3"
    shutil.copyfile(seeded, path)
    database = open_test_database(path)
    yield database
    database.dispose()


def _ids(db: Database) -> dict[str, int]:
    with db.unit_of_work(read_only=True) as uow:
        workshops = dict(uow.session.execute(select(Workshop.code, Workshop.id)).all())
        ests = dict(uow.session.execute(select(Establishment.code, Establishment.id)).all())
    return {**workshops, **ests}


def _create(db: Database, data: TraineeInput = PERSON, actor: Actor = ADMIN) -> int:
    with db.unit_of_work() as uow:
        row = create_trainee(uow, actor, data, today=TODAY)
        uow.commit()
    return row.id


def _last_entry(uow) -> audit.AuditRow:
    return audit._row(
        uow.session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    )


def _fields(problems: list) -> list[str]:
    return [p.field for p in problems]


# --------------------------------------------------------------------------- checks


def test_a_good_record_has_no_problems() -> None:
    assert validate_trainee(PERSON, today=TODAY) == []


def test_every_problem_is_returned_with_its_field() -> None:
    data = replace(
        PERSON,
        inmate_code="",
        doc_number="1234567",
        paternal_surname="Núñez2",
        given_names="",
        birth_date=date(2027, 1, 1),
    )
    problems = validate_trainee(data, today=TODAY)
    assert _fields(problems) == [
        "inmate_code",
        "doc_number",
        "paternal_surname",
        "given_names",
        "birth_date",
    ]
    assert all(p.text for p in problems)
    assert "8 digits" in problems[1].text


@pytest.mark.parametrize("check", ["2", "G", "g"])
def test_a_dni_with_its_right_check_character_passes(check: str) -> None:
    assert validate_trainee(replace(PERSON, doc_number="10117410", doc_check=check)) == []
    assert validate_trainee(replace(PERSON, doc_number=f"10117410-{check}")) == []


@pytest.mark.parametrize("number", ["10117410-3", "10117410-H"])
def test_a_dni_with_a_wrong_check_character_names_doc_number(number: str) -> None:
    problems = validate_trainee(replace(PERSON, doc_number=number), today=TODAY)
    assert _fields(problems) == ["doc_number"]
    assert "check character" in problems[0].text


def test_a_wrong_check_character_is_refused_by_create(db: Database) -> None:
    with db.unit_of_work() as uow, pytest.raises(InvalidFields) as caught:
        create_trainee(uow, ADMIN, replace(PERSON, doc_check="9"), today=TODAY)
    assert caught.value.field == "doc_number"
    assert isinstance(caught.value, ValidationError)


def test_dni_leading_zeros_are_kept(db: Database) -> None:
    trainee_id = _create(db, replace(PERSON, doc_number=" 0123 4567 "))
    with db.unit_of_work(read_only=True) as uow:
        row = get_trainee(uow, ADMIN, trainee_id)
        stored = uow.session.get_one(Trainee, trainee_id)
        assert stored.doc_number == "01234567"
        assert stored.search_key == "nunez quispe jose luis 01234567 lur-0001"
    assert row.doc_number == "01234567"


def test_without_a_document_the_inmate_code_identifies() -> None:
    none = replace(PERSON, doc_type=DocumentType.NONE, doc_number=None)
    assert validate_trainee(none, today=TODAY) == []
    problems = validate_trainee(replace(none, doc_number="123"), today=TODAY)
    assert _fields(problems) == ["doc_number"]
    problems = validate_trainee(replace(none, inmate_code="  "), today=TODAY)
    assert _fields(problems) == ["inmate_code"]


def test_foreign_documents_are_letters_and_digits(db: Database) -> None:
    passport = replace(PERSON, doc_type=DocumentType.PASAPORTE, doc_number="ab12 3456")
    assert validate_trainee(passport, today=TODAY) == []
    trainee_id = _create(db, passport)
    with db.unit_of_work(read_only=True) as uow:
        assert get_trainee(uow, ADMIN, trainee_id).doc_number == "AB123456"
    for bad in ("AB-123", "A" * 13, ""):
        problems = validate_trainee(
            replace(passport, doc_type=DocumentType.CARNE_EXTRANJERIA, doc_number=bad)
        )
        assert _fields(problems) == ["doc_number"], bad


def test_names_take_letters_apostrophes_and_hyphens_only() -> None:
    assert validate_trainee(replace(PERSON, paternal_surname="D'Ángelo-Ñahui")) == []
    assert validate_trainee(replace(PERSON, given_names="Ma. José")) == []
    assert validate_trainee(replace(PERSON, maternal_surname="")) == []
    for bad in ("Juan_", "J0sé", "--", "Ana@"):
        assert _fields(validate_trainee(replace(PERSON, given_names=bad))) == ["given_names"]
    too_long = validate_trainee(replace(PERSON, given_names="A" * 81))
    assert _fields(too_long) == ["given_names"]


def test_dates_must_make_sense() -> None:
    minor = replace(PERSON, birth_date=date(2005, 1, 1), admission_date=date(2022, 3, 1))
    assert _fields(validate_trainee(minor, today=TODAY)) == ["birth_date"]
    future = replace(PERSON, admission_date=date(2026, 12, 1))
    assert _fields(validate_trainee(future, today=TODAY)) == ["admission_date"]
    released = replace(PERSON, release_date=date(2021, 1, 1))
    assert _fields(validate_trainee(released, today=TODAY)) == ["release_date"]
    ancient = replace(PERSON, birth_date=date(1850, 1, 1))
    assert _fields(validate_trainee(ancient, today=TODAY)) == ["birth_date"]


def test_unknown_choices_are_named() -> None:
    data = replace(PERSON, sex="X", legal_situation="libre")  # type: ignore[arg-type]
    assert _fields(validate_trainee(data, today=TODAY)) == ["sex", "legal_situation"]
    text_values = replace(PERSON, sex="F", doc_type="dni")  # type: ignore[arg-type]
    assert validate_trainee(text_values, today=TODAY) == []


def test_an_unknown_establishment_is_named(db: Database) -> None:
    with db.unit_of_work() as uow, pytest.raises(InvalidFields) as caught:
        create_trainee(uow, ADMIN, replace(PERSON, establishment_code="NOWHERE"), today=TODAY)
    assert caught.value.field == "establishment_code"
    assert len(caught.value.problems) == 1


# --------------------------------------------------------------------------- creating


def test_create_writes_the_record_and_an_audit_entry(db: Database) -> None:
    trainee_id = _create(db)
    with db.unit_of_work(read_only=True) as uow:
        row = get_trainee(uow, ADMIN, trainee_id)
        entry = _last_entry(uow)
        assert audit.verify_chain(uow).intact
    assert row.full_name == "José Luis Núñez Quispe"
    assert row.establishment_code == "LURIGANCHO"
    assert row.redemption_rule_id is None
    assert row.to_input() == PERSON
    assert (entry.action, entry.entity) == ("create", "trainee")
    assert entry.entity_uuid == str(row.uuid)
    # The audit names the fields, never the personal data itself.
    assert "01234567" not in json.dumps(entry.changes)
    assert "doc_number" in entry.changes["fields"]


def test_a_second_trainee_with_the_same_document_is_refused_naming_the_first(
    db: Database,
) -> None:
    first = _create(db)
    again = replace(PERSON, inmate_code="LUR-0002", given_names="Pedro")
    with db.unit_of_work() as uow, pytest.raises(Conflict) as caught:
        create_trainee(uow, ADMIN, again, today=TODAY)
    assert caught.value.field == "doc_number"
    assert "Núñez Quispe, José Luis" in str(caught.value)
    assert "LUR-0001" in str(caught.value)
    assert caught.value.message.params["existing_id"] == first


def test_a_duplicate_that_slips_past_the_check_is_still_named(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As when a concurrent writer on PostgreSQL wins the race: the constraint speaks.
    _create(db)
    real = trainees._check_unique
    calls = []

    def late(*args: object) -> None:
        calls.append(args)
        if len(calls) > 1:
            real(*args)

    monkeypatch.setattr(trainees, "_check_unique", late)
    with db.unit_of_work() as uow, pytest.raises(Conflict) as caught:
        create_trainee(uow, ADMIN, replace(PERSON, inmate_code="LUR-0002"), today=TODAY)
    assert caught.value.field == "doc_number"
    assert len(calls) == 2


def test_the_same_inmate_code_is_refused(db: Database) -> None:
    _create(db)
    other = replace(PERSON, doc_number="10117410")
    with db.unit_of_work() as uow, pytest.raises(Conflict) as caught:
        create_trainee(uow, ADMIN, other, today=TODAY)
    assert caught.value.field == "inmate_code"


def test_the_same_document_in_another_establishment_is_allowed(db: Database) -> None:
    _create(db)
    _create(db, replace(PERSON, establishment_code="ANCON-II"))
    with db.unit_of_work(read_only=True) as uow:
        assert uow.session.scalar(select(func.count()).select_from(Trainee)) == 2


def test_trainees_without_documents_do_not_clash(db: Database) -> None:
    none = replace(PERSON, doc_type=DocumentType.NONE, doc_number=None)
    _create(db, none)
    _create(db, replace(none, inmate_code="LUR-0002"))
    with db.unit_of_work(read_only=True) as uow:
        assert uow.session.scalar(select(func.count()).select_from(Trainee)) == 2


def test_consulta_may_not_create(db: Database) -> None:
    with db.unit_of_work() as uow, pytest.raises(PermissionDenied):
        create_trainee(uow, CONSULTA, PERSON, today=TODAY)


def test_an_actor_of_another_establishment_may_not_create_here(db: Database) -> None:
    ids = _ids(db)
    jefe = Actor(None, "jefe", Role.JEFE, establishment_id=ids["ANCON-II"])
    with db.unit_of_work() as uow, pytest.raises(PermissionDenied):
        create_trainee(uow, jefe, PERSON, today=TODAY)


# --------------------------------------------------------------------------- editing


def test_update_writes_only_what_changed_with_before_and_after(db: Database) -> None:
    trainee_id = _create(db)
    with db.unit_of_work() as uow:
        row = update_trainee(
            uow, ADMIN, trainee_id, replace(PERSON, given_names="José Luís "), today=TODAY
        )
        uow.commit()
    with db.unit_of_work(read_only=True) as uow:
        entry = _last_entry(uow)
        stored = uow.session.get_one(Trainee, trainee_id)
        assert stored.search_key == "nunez quispe jose luis 01234567 lur-0001"
    assert row.given_names == "José Luís"
    assert entry.action == "update"
    assert entry.changes == {"given_names": ["José Luis", "José Luís"]}


def test_an_update_that_changes_nothing_writes_nothing(db: Database) -> None:
    trainee_id = _create(db)
    with db.unit_of_work() as uow:
        before = uow.session.scalar(select(func.count()).select_from(AuditEntry))
        update_trainee(uow, ADMIN, trainee_id, PERSON, today=TODAY)
        after = uow.session.scalar(select(func.count()).select_from(AuditEntry))
    assert before == after


def test_update_refuses_a_document_another_trainee_holds(db: Database) -> None:
    _create(db)
    second = _create(db, replace(PERSON, inmate_code="LUR-0002", doc_number="10117410"))
    with db.unit_of_work() as uow, pytest.raises(Conflict) as caught:
        update_trainee(uow, ADMIN, second, replace(PERSON, inmate_code="LUR-0002"), today=TODAY)
    assert caught.value.field == "doc_number"
    assert "LUR-0001" in str(caught.value)


def test_update_cannot_move_the_trainee(db: Database) -> None:
    trainee_id = _create(db)
    with db.unit_of_work() as uow, pytest.raises(InvalidFields) as caught:
        update_trainee(
            uow, ADMIN, trainee_id, replace(PERSON, establishment_code="ANCON-II"), today=TODAY
        )
    assert caught.value.field == "establishment_code"
    assert "transfer" in str(caught.value)


def test_update_of_a_missing_trainee_is_not_found(db: Database) -> None:
    with db.unit_of_work() as uow, pytest.raises(NotFound):
        update_trainee(uow, ADMIN, 999, PERSON, today=TODAY)


def test_a_supervisor_edits_only_trainees_of_his_workshops(db: Database) -> None:
    ids = _ids(db)
    trainee_id = _create(db)
    mine = Actor(None, "sup1", Role.SUPERVISOR, workshop_ids=frozenset({ids["LUR-CARP-01"]}))
    other = Actor(None, "sup2", Role.SUPERVISOR, workshop_ids=frozenset({ids["LUR-CARP-02"]}))
    with db.unit_of_work() as uow:
        enrol_trainee(uow, mine, trainee_id, ids["LUR-CARP-01"], date(2026, 11, 2), today=TODAY)
        uow.commit()
    changed = replace(PERSON, nationality="Peruana ")
    with db.unit_of_work() as uow:
        update_trainee(uow, mine, trainee_id, replace(changed, first_offender=False), today=TODAY)
    with db.unit_of_work() as uow, pytest.raises(PermissionDenied) as caught:
        update_trainee(uow, other, trainee_id, replace(changed, first_offender=False), today=TODAY)
    assert "workshops assigned to him" in str(caught.value)


# --------------------------------------------------------------------------- redemption case


def _rule_id(db: Database, case: str = "general") -> int:
    with db.unit_of_work(read_only=True) as uow:
        rule = uow.session.scalar(
            select(RedemptionRule.id)
            .where(RedemptionRule.case_code == case)
            .order_by(RedemptionRule.valid_from.desc())
        )
    assert rule is not None
    return rule


def test_the_redemption_case_is_set_by_an_authorised_user_only(db: Database) -> None:
    ids = _ids(db)
    trainee_id = _create(db)
    rule = _rule_id(db)
    supervisor = Actor(None, "sup", Role.SUPERVISOR, workshop_ids=frozenset(ids.values()))
    with db.unit_of_work() as uow, pytest.raises(PermissionDenied):
        set_redemption_case(uow, supervisor, trainee_id, rule)
    jefe = Actor(None, "jefe", Role.JEFE, establishment_id=ids["LURIGANCHO"])
    with db.unit_of_work() as uow:
        row = set_redemption_case(uow, jefe, trainee_id, rule)
        uow.commit()
    assert row.redemption_rule_id == rule
    with db.unit_of_work(read_only=True) as uow:
        entry = _last_entry(uow)
    assert entry.action == "set_redemption_case"
    assert entry.changes["redemption_rule"][0] is None
    assert "general" in entry.changes["redemption_rule"][1]


def test_an_unknown_rule_is_named(db: Database) -> None:
    trainee_id = _create(db)
    with db.unit_of_work() as uow, pytest.raises(NotFound) as caught:
        set_redemption_case(uow, ADMIN, trainee_id, 9999)
    assert caught.value.field == "redemption_rule"


def test_editing_the_form_never_touches_the_redemption_case(db: Database) -> None:
    trainee_id = _create(db)
    rule = _rule_id(db)
    with db.unit_of_work() as uow:
        set_redemption_case(uow, ADMIN, trainee_id, rule)
        row = update_trainee(uow, ADMIN, trainee_id, replace(PERSON, sex=Sex.MALE), today=TODAY)
    assert row.redemption_rule_id == rule


# --------------------------------------------------------------------------- transfer


def test_a_transfer_keeps_the_history_and_ends_open_enrolments(db: Database) -> None:
    ids = _ids(db)
    trainee_id = _create(db)
    with db.unit_of_work() as uow:
        active = enrol_trainee(uow, ADMIN, trainee_id, ids["LUR-CARP-01"], date(2026, 9, 1))
        old = enrol_trainee(uow, ADMIN, trainee_id, ids["LUR-CARP-02"], date(2026, 6, 1))
        change_enrolment_state(
            uow, ADMIN, old.id, EnrolmentState.CULMINADO, date(2026, 8, 1), "Fin", today=TODAY
        )
        row = transfer_trainee(
            uow,
            ADMIN,
            trainee_id,
            "ANCON-II",
            date(2026, 11, 15),
            "Orden de traslado 123",
            today=TODAY,
        )
        uow.commit()
    assert row.establishment_code == "ANCON-II"
    with db.unit_of_work(read_only=True) as uow:
        moved = uow.session.get_one(Enrolment, active.id)
        kept = uow.session.get_one(Enrolment, old.id)
        transfer = uow.session.scalars(select(TraineeTransfer)).one()
        last_step = uow.session.scalars(
            select(EnrolmentStateChange)
            .where(EnrolmentStateChange.enrolment_id == active.id)
            .order_by(EnrolmentStateChange.id.desc())
        ).first()
        assert audit.verify_chain(uow).intact
        assert (moved.state, moved.ends_on) == (EnrolmentState.TRASLADADO, date(2026, 11, 15))
        assert (kept.state, kept.ends_on) == (EnrolmentState.CULMINADO, date(2026, 8, 1))
        assert (transfer.from_establishment_id, transfer.to_establishment_id) == (
            ids["LURIGANCHO"],
            ids["ANCON-II"],
        )
        assert last_step is not None
        assert last_step.reason == "Orden de traslado 123"


def test_a_transfer_retires_a_waiting_enrolment(db: Database) -> None:
    ids = _ids(db)
    trainee_id = _create(db)
    with db.unit_of_work() as uow:
        uow.session.get_one(Workshop, ids["LUR-CARP-01"]).capacity = 1
        other = _create_in(uow, replace(PERSON, inmate_code="X-1", doc_number="10117410"))
        enrol_trainee(uow, ADMIN, other, ids["LUR-CARP-01"], date(2026, 9, 1), today=TODAY)
        waiting = enrol_trainee(uow, ADMIN, trainee_id, ids["LUR-CARP-01"], date(2026, 9, 2))
        assert waiting.waiting
        transfer_trainee(uow, ADMIN, trainee_id, "ANCON-II", date(2026, 11, 1), "Traslado")
        assert uow.session.get_one(Enrolment, waiting.id).state is EnrolmentState.RETIRADO


def _create_in(uow, data: TraineeInput) -> int:
    return create_trainee(uow, ADMIN, data, today=TODAY).id


def test_transfer_refusals(db: Database) -> None:
    ids = _ids(db)
    trainee_id = _create(db)
    _create(db, replace(PERSON, establishment_code="ANCON-II", doc_number="10117410"))
    cases = [
        ("LURIGANCHO", date(2026, 11, 1), "x", ValidationError, "to_establishment_code"),
        ("NOWHERE", date(2026, 11, 1), "x", NotFound, "to_establishment_code"),
        ("ANCON", date(2026, 12, 1), "x", ValidationError, "on"),
        ("ANCON", date(2020, 1, 1), "x", ValidationError, "on"),
        ("ANCON", date(2026, 11, 1), "  ", ValidationError, "reason"),
        # Ancón II already holds someone with the code LUR-0001.
        ("ANCON-II", date(2026, 11, 1), "x", Conflict, "inmate_code"),
    ]
    for code, on, reason, error, field in cases:
        with db.unit_of_work() as uow, pytest.raises(error) as caught:
            transfer_trainee(uow, ADMIN, trainee_id, code, on, reason, today=TODAY)
        assert caught.value.field == field, code
    supervisor = Actor(None, "sup", Role.SUPERVISOR, workshop_ids=frozenset(ids.values()))
    with db.unit_of_work() as uow, pytest.raises(PermissionDenied):
        transfer_trainee(uow, supervisor, trainee_id, "ANCON", date(2026, 11, 1), "x")
