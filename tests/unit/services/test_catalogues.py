import re
from collections import Counter
from datetime import date

import pytest
from sqlalchemy import func, select

from carceles_desktop.domain.catalogues import (
    CatalogueEntry,
    Competency,
    Establishment,
    Holiday,
    RegionalOffice,
    Trade,
)
from carceles_desktop.domain.enums import CatalogueKind, Role
from carceles_desktop.domain.rules.calendar import peru_national_holidays
from carceles_desktop.domain.rules.redemption import DEFAULT_RULES
from carceles_desktop.domain.users import AuditEntry, RoleRecord
from carceles_desktop.errors import Conflict, NotFound, PermissionDenied, ValidationError
from carceles_desktop.services import catalogue_loading
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.catalogues import (
    catalogue_codes,
    find_establishment,
    holidays_between,
    list_competencies,
    list_establishments,
    list_redemption_rules,
    list_trades,
    load_catalogues,
    read_catalogue,
)

ADMIN = Actor(user_id=None, username="admin", role=Role.ADMIN)
CONSULTA = Actor(user_id=None, username="c", role=Role.CONSULTA)
# A short span keeps each test fast; the default span is checked once below.
YEARS = range(2025, 2027)


def _holiday_days(years):
    return {day for year in years for day, _ in peru_national_holidays(year)}


def _count(uow, model):
    return uow.session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def loaded(database):
    with database.unit_of_work() as uow:
        load_catalogues(uow, ADMIN, holiday_years=YEARS)
        uow.commit()
    return database


# ----------------------------------------------------------------- shipped files


def test_establishments_file_has_unique_well_formed_codes():
    rows = read_catalogue("establishments.csv", ("code", "regional_office_code", "name"))
    codes = [row["code"] for row in rows]
    assert len(rows) == 69
    assert len(set(codes)) == 69
    assert all(re.fullmatch(r"[A-Z0-9-]+", code) and len(code) <= 30 for code in codes)
    by_office = Counter(row["regional_office_code"] for row in rows)
    assert by_office == {
        "NORTE": 11,
        "LIMA": 18,
        "SUR": 6,
        "CENTRO": 10,
        "ORIENTE": 4,
        "SUR_ORIENTE": 7,
        "NOR_ORIENTE": 9,
        "ALTIPLANO": 4,
    }
    names = {row["code"]: row["name"] for row in rows}
    assert names["LURIGANCHO"] == "E.P. de Lurigancho"
    assert names["ANCON-II"] == "E.P. Modelo Ancón II"


def test_every_trade_has_three_to_six_modules_with_plausible_hours():
    trades = {row["code"] for row in read_catalogue("trades.csv", ("code", "name"))}
    modules = read_catalogue("competencies.csv", ("trade_code", "code", "hours"))
    per_trade = Counter(row["trade_code"] for row in modules)
    assert len(trades) == 20
    assert set(per_trade) == trades
    assert all(3 <= n <= 6 for n in per_trade.values())
    assert all(40 <= int(row["hours"]) <= 200 for row in modules)


# ----------------------------------------------------------------- loading


def test_first_load_fills_every_catalogue(database):
    with database.unit_of_work() as uow:
        report = load_catalogues(uow, ADMIN, holiday_years=YEARS)
        uow.commit()
    modules = read_catalogue("competencies.csv", ("code",))
    assert report.roles == 4
    assert report.regional_offices == 8
    assert report.establishments == 69
    assert report.trades == 20
    assert report.competencies == len(modules)
    assert (report.sunat_id_types, report.sunat_transfer_reasons, report.sunat_units) == (5, 9, 11)
    assert report.redemption_rules == len(DEFAULT_RULES)
    assert report.holidays == len(_holiday_days(YEARS))
    with database.unit_of_work(read_only=True) as uow:
        assert _count(uow, RegionalOffice) == 8
        assert _count(uow, Establishment) == 69
        assert _count(uow, Trade) == 20
        assert _count(uow, Competency) == len(modules)
        assert _count(uow, CatalogueEntry) == 25
        assert _count(uow, Holiday) == report.holidays
        names = dict(uow.session.execute(select(RoleRecord.code, RoleRecord.name)).all())
        entries = uow.session.execute(
            select(AuditEntry.action, AuditEntry.entity, AuditEntry.summary)
        ).all()
    assert names == {
        Role.ADMIN: "Administrador",
        Role.JEFE: "Jefe de trabajo",
        Role.SUPERVISOR: "Supervisor",
        Role.CONSULTA: "Consulta",
    }
    assert [(e.action, e.entity) for e in entries] == [("import", "catalogues")]
    assert "establishments 69" in entries[0].summary


def test_default_holiday_span_runs_from_2015_to_two_years_ahead(database):
    with database.unit_of_work() as uow:
        report = load_catalogues(uow, ADMIN)
        first, last = uow.session.execute(
            select(func.min(Holiday.day), func.max(Holiday.day))
        ).one()
    assert report.holidays == len(_holiday_days(range(2015, date.today().year + 3)))
    assert first.year == 2015
    assert last.year == date.today().year + 2


def test_second_load_adds_nothing_and_writes_no_audit_entry(loaded):
    with loaded.unit_of_work() as uow:
        report = load_catalogues(uow, ADMIN, holiday_years=YEARS)
        uow.commit()
    assert report.total == 0
    with loaded.unit_of_work(read_only=True) as uow:
        assert _count(uow, AuditEntry) == 1
        assert _count(uow, Establishment) == 69


def test_users_edits_survive_a_reload_and_only_missing_rows_come_back(loaded):
    with loaded.unit_of_work() as uow:
        session = uow.session
        prison = session.scalars(
            select(Establishment).where(Establishment.code == "LURIGANCHO")
        ).one()
        prison.name = "E.P. Lurigancho (nombre corregido)"
        trade = session.scalars(select(Trade).where(Trade.code == "TALLADO")).one()
        trade.active = False
        module = session.scalars(select(Competency).where(Competency.code == "CARP-01")).one()
        module.hours = 55
        unit = session.scalars(select(CatalogueEntry).where(CatalogueEntry.code == "DZN")).one()
        session.delete(unit)
        uow.commit()
    with loaded.unit_of_work() as uow:
        report = load_catalogues(uow, ADMIN, holiday_years=YEARS)
        uow.commit()
    assert report.total == 1
    assert report.sunat_units == 1
    with loaded.unit_of_work(read_only=True) as uow:
        session = uow.session
        name = session.scalar(select(Establishment.name).where(Establishment.code == "LURIGANCHO"))
        active = session.scalar(select(Trade.active).where(Trade.code == "TALLADO"))
        hours = session.scalar(select(Competency.hours).where(Competency.code == "CARP-01"))
    assert name == "E.P. Lurigancho (nombre corregido)"
    assert active is False
    assert hours == 55


def test_a_wider_holiday_span_adds_only_the_new_years(loaded):
    with loaded.unit_of_work() as uow:
        report = load_catalogues(uow, ADMIN, holiday_years=range(2024, 2027))
    assert report.holidays == len(_holiday_days([2024]))
    assert report.total == report.holidays


def test_consulta_may_not_load_catalogues(database):
    with database.unit_of_work() as uow, pytest.raises(PermissionDenied):
        load_catalogues(uow, CONSULTA, holiday_years=YEARS)


def test_a_broken_row_names_file_and_row_and_loads_nothing(database, monkeypatch):
    real = catalogue_loading.resources.read_text

    def fake(relative):
        if relative.endswith("establishments.csv"):
            return (
                "code,regional_office_code,name,common_name,population,city\n"
                "TUMBES,NORTE,E.P. de Tumbes,,mixed,Tumbes\n"
                "ATLANTIS,MAR,E.P. de Atlántida,,mixed,\n"
            )
        return real(relative)

    monkeypatch.setattr(catalogue_loading.resources, "read_text", fake)
    with database.unit_of_work() as uow:
        with pytest.raises(ValidationError) as caught:
            load_catalogues(uow, ADMIN, holiday_years=YEARS)
        assert caught.value.field == "establishments.csv"
        assert caught.value.row == 3
        assert "MAR" in str(caught.value)
    with database.unit_of_work(read_only=True) as uow:
        assert _count(uow, RegionalOffice) == 0


def test_a_missing_column_is_named(monkeypatch):
    monkeypatch.setattr(catalogue_loading.resources, "read_text", lambda _: "code\nX\n")
    with pytest.raises(ValidationError, match="name"):
        read_catalogue("trades.csv", ("code", "name"))


# ----------------------------------------------------------------- reading


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("lurigancho", "LURIGANCHO"),
        ("E.P. de Huanuco", "HUANUCO"),
        ("huánuco", "HUANUCO"),
        ("ancon ii", "ANCON-II"),
        ("E.P. Modelo Ancon II", "ANCON-II"),
        ("Ancón", "ANCON"),
        ("santa monica", "MUJERES-CHORRILLOS"),
        ("la oroya", "LA-OROYA"),
        ("mujeres-cusco", "MUJERES-CUSCO"),
        ("Quencoro", "CUSCO-VARONES"),
    ],
)
def test_find_establishment_ignores_case_accents_and_prefix(loaded, text, code):
    with loaded.unit_of_work(read_only=True) as uow:
        assert find_establishment(uow, text).code == code


def test_find_establishment_lists_candidates_when_ambiguous(loaded):
    with loaded.unit_of_work(read_only=True) as uow, pytest.raises(Conflict) as caught:
        find_establishment(uow, "Chorrillos")
    assert "MUJERES-CHORRILLOS" in str(caught.value)
    assert "ANEXO-MUJERES-CHORRILLOS" in str(caught.value)


@pytest.mark.parametrize("text", ["Atlántida", "   "])
def test_find_establishment_names_what_it_did_not_find(loaded, text):
    with loaded.unit_of_work(read_only=True) as uow, pytest.raises(NotFound) as caught:
        find_establishment(uow, text)
    assert text.strip() in str(caught.value)
    assert caught.value.field == "establishment"


def test_list_establishments_searches_names_and_offices(loaded):
    with loaded.unit_of_work(read_only=True) as uow:
        everything = list_establishments(uow)
        cusco = list_establishments(uow, search="CUSCO")
        sur_oriente = list_establishments(uow, search="sur oriente")
    assert len(everything) == 69
    assert {row.code for row in cusco} == {"CUSCO-VARONES", "MUJERES-CUSCO"}
    assert len(sur_oriente) == 7
    row = next(r for r in everything if r.code == "CUSCO-VARONES")
    assert (row.regional_office, row.city, row.common_name) == (
        "Oficina Regional Sur Oriente",
        "Cusco",
        "Quencoro",
    )


def test_inactive_establishments_are_hidden_unless_asked_for(loaded):
    with loaded.unit_of_work() as uow:
        uow.session.execute(
            Establishment.__table__.update()
            .where(Establishment.code == "TUMBES")
            .values(active=False)
        )
        assert "TUMBES" not in {row.code for row in list_establishments(uow)}
        assert "TUMBES" in {row.code for row in list_establishments(uow, include_inactive=True)}


def test_trades_and_their_modules(loaded):
    with loaded.unit_of_work(read_only=True) as uow:
        trades = list_trades(uow)
        modules = list_competencies(uow, "CARPINTERIA")
        with pytest.raises(NotFound, match="PESCA"):
            list_competencies(uow, "PESCA")
    assert len(trades) == 20
    assert "Carpintería" in {trade.name for trade in trades}
    assert [m.position for m in modules] == sorted(m.position for m in modules)
    assert modules[0].code == "CARP-01"
    assert all(m.trade_code == "CARPINTERIA" and m.hours > 0 for m in modules)


def test_sunat_code_lists(loaded):
    with loaded.unit_of_work(read_only=True) as uow:
        id_types = {row.code: row.name for row in catalogue_codes(uow, CatalogueKind.SUNAT_ID_TYPE)}
        reasons = {row.code for row in catalogue_codes(uow, CatalogueKind.SUNAT_TRANSFER_REASON)}
        units = {row.code for row in catalogue_codes(uow, CatalogueKind.SUNAT_UNIT)}
    assert id_types == {
        "0": "Otros tipos de documento",
        "1": "DNI",
        "4": "Carné de extranjería",
        "6": "RUC",
        "7": "Pasaporte",
    }
    assert {"01", "04", "13"} <= reasons
    assert {"NIU", "C62", "KGM", "MTR", "PR", "DZN"} <= units


def test_redemption_rules_come_back_as_loaded(loaded):
    with loaded.unit_of_work(read_only=True) as uow:
        rules = list_redemption_rules(uow)
    assert set(rules) == set(DEFAULT_RULES)
    assert len(rules) == len(DEFAULT_RULES)


def test_holidays_between_national_and_local(loaded):
    with loaded.unit_of_work() as uow:
        prison = find_establishment(uow, "Lurigancho")
        uow.session.add(
            Holiday(day=date(2026, 5, 20), name="Aniversario", establishment_id=prison.id)
        )
        uow.session.flush()
        national = holidays_between(uow, date(2026, 1, 1), date(2026, 12, 31))
        local = holidays_between(uow, date(2026, 5, 1), date(2026, 5, 31), prison.id)
        with pytest.raises(ValidationError) as caught:
            holidays_between(uow, date(2026, 2, 1), date(2026, 1, 1))
    assert national == dict(peru_national_holidays(2026))
    assert date(2026, 5, 20) not in national
    assert local == {date(2026, 5, 1): national[date(2026, 5, 1)], date(2026, 5, 20): "Aniversario"}
    assert caught.value.field == "end"
