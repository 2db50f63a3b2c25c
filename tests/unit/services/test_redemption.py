"""The supporting record for redemption: valid days, hours, the chosen rule, the estimate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest
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
from carceles_desktop.domain.rules.redemption import DL_1737_START
from carceles_desktop.domain.workshops import Workshop
from carceles_desktop.errors import NotFound, PermissionDenied, ValidationError
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.attendance import CellChange, save_month_sheet
from carceles_desktop.services.catalogues import load_catalogues
from carceles_desktop.services.enrolments import enrol_trainee
from carceles_desktop.services.redemption import redemption_case_choices, redemption_record
from carceles_desktop.services.settings import update_settings
from carceles_desktop.services.trainees import TraineeInput, create_trainee, set_redemption_case
from carceles_desktop.storage.unit_of_work import Database

TODAY = date(2026, 11, 20)
ADMIN = Actor(user_id=None, username="admin", role=Role.ADMIN)
D = Decimal
PERIOD = (date(2026, 9, 1), date(2026, 11, 30))


@dataclass
class World:
    db: Database
    trainee: int
    rules: dict[tuple[str, date], int]


def _rule(world: World, case: str, current: bool = True) -> int:
    matching = [(start, rid) for (code, start), rid in world.rules.items() if code == case]
    return max(matching)[1] if current else min(matching)[1]


@pytest.fixture
def world(database: Database) -> World:
    """A trainee in two workshops with hours in October and November 2026."""
    system = Actor.system()
    with database.unit_of_work() as uow:
        load_catalogues(uow, system, holiday_years=range(2026, 2027))
        session = uow.session
        est = session.scalar(select(Establishment.id).where(Establishment.code == "LURIGANCHO"))
        trade = session.scalar(select(Trade.id).where(Trade.code == "CARPINTERIA"))
        workshops = []
        for code in ("A", "B"):
            workshop = Workshop(
                code=code,
                name=f"Taller {code}",
                establishment_id=est,
                trade_id=trade,
                modality=WorkshopModality.INPE,
                capacity=5,
            )
            session.add(workshop)
            session.flush()
            workshops.append(workshop.id)
        data = TraineeInput(
            establishment_code="LURIGANCHO",
            inmate_code="LUR-1",
            doc_type=DocumentType.DNI,
            doc_number="10117410",
            paternal_surname="Ccori",
            maternal_surname="Huanca",
            given_names="Efraín",
            sex=Sex.MALE,
            legal_situation=LegalSituation.SENTENCIADO,
        )
        trainee = create_trainee(uow, system, data, today=TODAY).id
        a, b = (
            enrol_trainee(uow, system, trainee, w, date(2026, 10, 1), today=TODAY).id
            for w in workshops
        )
        october = [CellChange(a, date(2026, 10, d), D(6)) for d in range(1, 10)]  # 9 valid
        october += [CellChange(a, date(2026, 10, 12), D("3.75"))]  # below the minimum …
        october += [CellChange(a, date(2026, 10, 13), D(0), AttendanceStatus.FALTA)]
        # … but with 2 h in workshop B the 12th counts; the 13th (2 h in B only) does not.
        october_b = [CellChange(b, date(2026, 10, 12 + n), D(2)) for n in range(2)]
        november = [CellChange(a, date(2026, 11, d), D(8)) for d in range(2, 6)]  # 4 valid
        for workshop, month, changes in (
            (workshops[0], 10, october),
            (workshops[1], 10, october_b),
            (workshops[0], 11, november),
        ):
            save_month_sheet(uow, system, workshop, 2026, month, changes, today=TODAY)
        rules = {(r.case_code, r.valid_from): r.id for r in session.scalars(select(RedemptionRule))}
        uow.commit()
    return World(database, trainee, rules)


def _choose(world: World, rule: int) -> None:
    with world.db.unit_of_work() as uow:
        set_redemption_case(uow, ADMIN, world.trainee, rule)
        uow.commit()


def _record(world: World, start: date = PERIOD[0], end: date = PERIOD[1], actor=ADMIN):
    with world.db.unit_of_work(read_only=True) as uow:
        return redemption_record(uow, actor, world.trainee, start, end)


def test_without_a_chosen_case_there_is_no_record(world: World) -> None:
    with pytest.raises(ValidationError) as caught:
        _record(world)
    assert caught.value.field == "redemption_rule"
    assert "must choose it" in str(caught.value)
    assert "Ccori Huanca, Efraín" in str(caught.value)


def test_the_general_case_redeems_one_day_per_two_valid_days(world: World) -> None:
    _choose(world, _rule(world, "general"))
    record = _record(world)
    assert [(m.month, m.days_worked, m.valid_days, m.hours) for m in record.months] == [
        (9, 0, 0, D(0)),
        (10, 11, 10, D("61.75")),
        (11, 4, 4, D(32)),
    ]
    assert (record.valid_days, record.days_worked, record.hours) == (14, 15, D("93.75"))
    assert record.rule.ratio == 2
    assert record.estimated_days == 7
    assert record.barred_by is None
    assert record.minimum_valid_day_hours == D(4)
    assert record.workshops == ("Taller A", "Taller B")
    assert record.rule_covers_period
    assert (record.trainee_name, record.doc_number) == ("Ccori Huanca, Efraín", "10117410")


def test_the_estimate_rounds_down_with_the_case_ratio(world: World) -> None:
    _choose(world, _rule(world, "robo_agravado"))
    record = _record(world)
    assert (record.valid_days, record.rule.ratio, record.estimated_days) == (14, 5, 2)


def test_the_minimum_hours_are_a_setting(world: World) -> None:
    _choose(world, _rule(world, "general"))
    with world.db.unit_of_work() as uow:
        update_settings(uow, ADMIN, minimum_valid_day_hours="6.5")
        uow.commit()
    record = _record(world)
    assert (record.valid_days, record.estimated_days) == (4, 2)  # only the 8 h days


def test_a_barred_case_shows_no_estimate_and_the_rule(world: World) -> None:
    _choose(world, _rule(world, "crimen_organizado"))
    record = _record(world)
    assert record.estimated_days is None
    assert record.barred_by is not None
    assert "Ley 30077" in record.barred_by
    assert "D. Leg. 1737" in record.barred_by
    assert record.valid_days == 14  # the work itself is still on record


def test_a_period_outside_the_chosen_version_is_flagged(world: World) -> None:
    _choose(world, _rule(world, "general", current=False))
    record = _record(world)
    assert not record.rule_covers_period
    assert record.rule.valid_to is not None
    assert record.rule.valid_to < DL_1737_START


def test_the_period_bounds_are_inclusive_and_checked(world: World) -> None:
    _choose(world, _rule(world, "general"))
    record = _record(world, date(2026, 10, 9), date(2026, 11, 2))
    assert [m.month for m in record.months] == [10, 11]
    assert record.valid_days == 3  # Oct 9, Oct 12 (3.75 h + 2 h), Nov 2
    with pytest.raises(ValidationError) as caught:
        _record(world, date(2026, 10, 9), date(2026, 10, 9) - timedelta(days=1))
    assert caught.value.field == "end"
    with world.db.unit_of_work(read_only=True) as uow, pytest.raises(NotFound):
        redemption_record(uow, ADMIN, 9999, *PERIOD)


def test_reading_the_record_needs_the_trainee_in_reach(world: World) -> None:
    _choose(world, _rule(world, "general"))
    assert _record(world, actor=Actor(None, "c", Role.CONSULTA)).valid_days == 14
    with pytest.raises(PermissionDenied):
        _record(world, actor=Actor(None, "j", Role.JEFE, establishment_id=9999))


def test_case_choices_list_the_versions_in_force_first(world: World) -> None:
    with world.db.unit_of_work(read_only=True) as uow:
        choices = redemption_case_choices(uow, ADMIN, on=TODAY)
        with pytest.raises(PermissionDenied):
            redemption_case_choices(uow, Actor(None, "s", Role.SUPERVISOR))
    assert len(choices) == 12
    in_force = [c for c in choices if c.in_force]
    assert choices[: len(in_force)] == in_force
    assert {c.rule.case_code for c in in_force} >= {"general", "crimen_organizado"}
    assert all(c.rule.valid_from == DL_1737_START for c in in_force)
