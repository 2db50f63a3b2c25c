import json
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from carceles_desktop.domain.enums import Role
from carceles_desktop.domain.rules.identity import is_valid_ruc
from carceles_desktop.domain.users import AuditEntry, Setting
from carceles_desktop.errors import PermissionDenied, ValidationError
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.catalogues import load_catalogues
from carceles_desktop.services.settings import (
    PRESETS,
    REPARATION_DESTINATIONS,
    Settings,
    Signatory,
    apply_institution_preset,
    get_settings,
    update_settings,
)

ADMIN = Actor(user_id=None, username="admin", role=Role.ADMIN)
CONSULTA = Actor(user_id=None, username="c", role=Role.CONSULTA)


def _count(uow, model):
    return uow.session.scalar(select(func.count()).select_from(model))


def _stored(database):
    with database.unit_of_work(read_only=True) as uow:
        return dict(uow.session.execute(select(Setting.key, Setting.value)).all())


def test_a_new_database_reads_the_defaults(database):
    with database.unit_of_work(read_only=True) as uow:
        settings = get_settings(uow)
    assert settings == Settings()
    assert settings.institution_name == "Instituto Nacional Penitenciario"
    assert settings.institution_acronym == "INPE"
    assert is_valid_ruc(settings.institution_ruc)
    assert settings.daily_hour_limit == Decimal("8")
    assert settings.minimum_valid_day_hours == Decimal("4")
    assert settings.pass_grade == 11
    assert settings.minimum_wage == Decimal("1130.00")
    assert settings.minimum_wage_valid_from == date(2025, 1, 1)
    assert settings.delivery_series == "NE01"
    assert settings.reparation_destination_when_none_owed in REPARATION_DESTINATIONS
    assert [s.role for s in settings.signatories] == ["director", "jefe_trabajo", "instructor"]


def test_changes_round_trip_through_the_database(database, tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n")
    with database.unit_of_work() as uow:
        returned = update_settings(
            uow,
            ADMIN,
            daily_hour_limit="7.5",
            minimum_valid_day_hours=Decimal("6"),
            pass_grade="13",
            minimum_wage="1200.5",
            minimum_wage_valid_from="2026-05-01",
            logo_path=str(logo),
            signatories=[
                ("director", "Ana Quispe Mamani", "Directora del E.P."),
                ("instructor", " Luis Ñahui ", "Instructor de carpintería"),
            ],
            backup_encrypt=True,
            reparation_destination_when_none_owed="interno",
        )
        uow.commit()
    with database.unit_of_work(read_only=True) as uow:
        again = get_settings(uow)
    assert again == returned
    assert again.daily_hour_limit == Decimal("7.5")
    assert again.pass_grade == 13
    assert again.minimum_wage == Decimal("1200.50")
    assert again.minimum_wage_valid_from == date(2026, 5, 1)
    assert again.logo_path == str(logo)
    assert again.signatories[1] == Signatory(
        "instructor", "Luis Ñahui", "Instructor de carpintería"
    )
    assert again.backup_encrypt is True
    assert again.institution_name == Settings().institution_name


def test_only_changed_keys_are_stored_and_audited(database):
    with database.unit_of_work() as uow:
        update_settings(uow, ADMIN, pass_grade=11, delivery_series="NE01")
        assert _count(uow, AuditEntry) == 0
        update_settings(uow, ADMIN, pass_grade=12, delivery_series="NE01")
        entries = uow.session.execute(select(AuditEntry.action, AuditEntry.changes)).all()
        uow.commit()
    assert _stored(database) == {"pass_grade": "12"}
    assert len(entries) == 1
    assert entries[0].action == "update"
    assert json.loads(entries[0].changes) == {"pass_grade": [11, 12]}


INVALID = [
    ("institution_name", "  "),
    ("institution_acronym", "X" * 21),
    ("institution_ruc", "20131370051"),
    ("institution_ruc", "2013137005"),
    ("institution_preset", "MINJUS"),
    ("logo_path", "/no/such/logo.png"),
    ("establishment_code", "lurigancho?"),
    ("signatories", [("alcalde", "X", "Alcalde")]),
    ("signatories", [("director", "A", "D"), ("director", "B", "D")]),
    ("signatories", [("director", "A", "")]),
    ("signatories", "director"),
    ("daily_hour_limit", "0.5"),
    ("daily_hour_limit", 25),
    ("daily_hour_limit", "8.125"),
    ("daily_hour_limit", 8.5),
    ("daily_hour_limit", "ocho"),
    ("minimum_valid_day_hours", "0"),
    ("minimum_valid_day_hours", "9"),
    ("pass_grade", 21),
    ("pass_grade", -1),
    ("pass_grade", True),
    ("reparation_destination_when_none_owed", "caja_chica"),
    ("idle_lock_minutes", 0),
    ("minimum_wage", "0"),
    ("minimum_wage", "-5"),
    ("minimum_wage_valid_from", "2025-13-01"),
    ("certificate_series_book", "libro uno"),
    ("delivery_series", "NE1"),
    ("delivery_series", "ne01"),
    ("backup_folder", "copias"),
    ("backup_interval_minutes", 2),
    ("backup_encrypt", "yes"),
]


@pytest.mark.parametrize(("field", "value"), INVALID)
def test_each_bad_value_names_its_field_and_changes_nothing(database, field, value):
    with database.unit_of_work() as uow:
        with pytest.raises(ValidationError) as caught:
            # A valid change alongside must not be written either.
            update_settings(uow, ADMIN, **({"institution_acronym": "SUNIR"} | {field: value}))
        assert caught.value.field == field
        assert str(caught.value)
        assert get_settings(uow) == Settings()
        assert _count(uow, AuditEntry) == 0
        uow.commit()
    assert _stored(database) == {}


def test_messages_say_which_setting_is_wrong(database):
    expected = {
        "daily_hour_limit": "daily hour limit",
        "pass_grade": "pass grade",
        "institution_ruc": "RUC",
        "minimum_valid_day_hours": "valid work day",
        "delivery_series": "delivery-note series",
    }
    with database.unit_of_work() as uow:
        for field, words in expected.items():
            with pytest.raises(ValidationError, match=words):
                update_settings(uow, ADMIN, **{field: "999"})


def test_an_unknown_setting_is_named(database):
    with database.unit_of_work() as uow, pytest.raises(ValidationError) as caught:
        update_settings(uow, ADMIN, colour="azul")
    assert caught.value.field == "colour"
    assert "colour" in str(caught.value)


def test_minimum_hours_are_checked_against_the_new_limit(database):
    with database.unit_of_work() as uow:
        changed = update_settings(uow, ADMIN, daily_hour_limit="10", minimum_valid_day_hours="9")
        assert (changed.daily_hour_limit, changed.minimum_valid_day_hours) == (10, 9)
        with pytest.raises(ValidationError) as caught:
            update_settings(uow, ADMIN, daily_hour_limit="6")
        assert caught.value.field == "daily_hour_limit"
        assert "9" in str(caught.value)
        with pytest.raises(ValidationError) as caught:
            update_settings(uow, ADMIN, minimum_valid_day_hours="10.5")
        assert caught.value.field == "minimum_valid_day_hours"
        assert "10" in str(caught.value)


def test_establishment_code_must_exist(database):
    with database.unit_of_work() as uow:
        load_catalogues(uow, ADMIN, holiday_years=range(0))
        with pytest.raises(ValidationError) as caught:
            update_settings(uow, ADMIN, establishment_code="ATLANTIDA")
        assert caught.value.field == "establishment_code"
        assert "ATLANTIDA" in str(caught.value)
        settings = update_settings(uow, ADMIN, establishment_code="LURIGANCHO")
        assert settings.establishment_code == "LURIGANCHO"
        assert update_settings(uow, ADMIN, establishment_code="").establishment_code is None


@pytest.mark.parametrize(
    "call",
    [
        lambda uow, actor: update_settings(uow, actor, pass_grade=12),
        lambda uow, actor: apply_institution_preset(uow, actor, "SUNIR"),
    ],
)
def test_consulta_may_not_change_settings(database, call):
    with database.unit_of_work() as uow:
        with pytest.raises(PermissionDenied):
            call(uow, CONSULTA)
        assert get_settings(uow) == Settings()
        assert _count(uow, AuditEntry) == 0


def test_sunir_preset_changes_name_and_acronym_only(database):
    with database.unit_of_work() as uow:
        settings = apply_institution_preset(uow, ADMIN, "SUNIR")
        uow.commit()
    assert (settings.institution_name, settings.institution_acronym) == PRESETS["SUNIR"]
    assert settings.institution_name == (
        "Superintendencia Nacional de Internamiento y Resocialización"
    )
    assert settings.institution_preset == "SUNIR"
    assert settings.institution_ruc == Settings().institution_ruc
    assert set(_stored(database)) == {
        "institution_name",
        "institution_acronym",
        "institution_preset",
    }
    with database.unit_of_work() as uow:
        back = apply_institution_preset(uow, ADMIN, "INPE")
    assert back.institution_name == "Instituto Nacional Penitenciario"


def test_an_unknown_preset_is_refused(database):
    with database.unit_of_work() as uow, pytest.raises(ValidationError) as caught:
        apply_institution_preset(uow, ADMIN, "MINJUS")
    assert caught.value.field == "institution_preset"
    assert "SUNIR" in str(caught.value)


def test_an_unreadable_stored_value_reads_as_the_default(database, caplog):
    with database.unit_of_work() as uow:
        uow.session.add(Setting(key="daily_hour_limit", value='"ocho"'))
        uow.session.add(Setting(key="pass_grade", value="14"))
        uow.session.add(Setting(key="idle_lock_minutes", value='"diez"'))
        uow.session.add(Setting(key="minimum_valid_day_hours", value='"12"'))
        uow.session.add(Setting(key="ui.language", value='"es_PE"'))
        uow.commit()
    with database.unit_of_work(read_only=True) as uow:
        settings = get_settings(uow)
    assert settings.daily_hour_limit == Decimal("8")
    assert settings.pass_grade == 14
    assert settings.idle_lock_minutes == 10
    assert settings.minimum_valid_day_hours == Decimal("4")
    assert "daily_hour_limit" in caplog.text
