"""The first-run wizard: a new database gets its settings and first administrator."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWizard
from sqlalchemy import func, select

from carceles_desktop import window_database
from carceles_desktop.domain.enums import Role
from carceles_desktop.domain.users import AuditEntry
from carceles_desktop.services import audit, catalogues, users
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.settings import PRESETS, Settings, get_settings
from carceles_desktop.services.sign_in import sign_in
from carceles_desktop.storage.opening import open_database
from carceles_desktop.storage.unit_of_work import Database
from carceles_desktop.ui import launch
from carceles_desktop.ui.dialogs.first_run_wizard import FirstRunWizard
from carceles_desktop.ui.dialogs.login_dialog import LoginDialog
from tests.ui.accounts import ADMIN_PASSWORD, speak_spanish

ESTABLISHMENT = "LURIGANCHO"


@pytest.fixture(autouse=True)
def _spanish_messages() -> None:
    speak_spanish()


@pytest.fixture
def new_database(database_path: Path) -> Iterator[Database]:
    """A migrated database without any record, prepared as app.py prepares it."""
    database = open_database(str(database_path))
    assert window_database.prepare_first_run(database)  # no users: catalogues loaded for the wizard
    yield database
    database.dispose()


def _wizard(qtbot: Any, database: Database) -> FirstRunWizard:
    setup = ServiceContext(database, Actor.system())
    wizard = FirstRunWizard(setup, lambda name, password: sign_in(database, name, password))
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _fill(wizard: FirstRunWizard, *, password: str, repeat: str | None = None) -> None:
    """Go through the pages with good settings and stop on the administrator's page."""
    place = wizard.establishment_page.establishment
    place.setCurrentIndex(place.findData(ESTABLISHMENT))
    wizard.next()
    institution = wizard.institution_page
    institution.preset.setCurrentIndex(institution.preset.findData("SUNIR"))
    institution.preset.activated.emit(institution.preset.currentIndex())
    wizard.next()
    name, title = wizard.signatories_page.lines["director"]
    name.setText("Dr. Julio Ñahui Cóndor")
    title.setText("Director del E.P. Lurigancho")
    wizard.next()
    admin = wizard.admin_page
    assert wizard.currentPage() is admin
    admin.username.setText("rquispe")
    admin.full_name.setText("Rosa Quispe Mamani")
    admin.password.setText(password)
    admin.repeat.setText(password if repeat is None else repeat)


def _audit_count(database: Database) -> int:
    with database.unit_of_work(read_only=True) as uow:
        return int(uow.session.scalar(select(func.count(AuditEntry.seq))) or 0)


def test_a_new_database_gets_the_catalogues_before_the_wizard(new_database: Database) -> None:
    with new_database.unit_of_work(read_only=True) as uow:
        codes = {row.code for row in catalogues.list_establishments(uow)}
        assert not users.has_users(uow)
    assert ESTABLISHMENT in codes


def test_the_wizard_creates_the_administrator_and_the_settings(
    qtbot: Any, new_database: Database
) -> None:
    wizard = _wizard(qtbot, new_database)
    _fill(wizard, password=ADMIN_PASSWORD)
    with qtbot.waitSignal(wizard.accepted):
        wizard.button(QWizard.WizardButton.FinishButton).click()

    assert wizard.actor is not None
    assert (wizard.actor.username, wizard.actor.role) == ("rquispe", Role.ADMIN)
    with new_database.unit_of_work(read_only=True) as uow:
        stored = get_settings(uow)
        account = users.current_user(uow, wizard.actor)
        entries = audit.list_audit_entries(uow, wizard.actor, limit=5)
        assert audit.verify_chain(uow).intact
    assert stored.establishment_code == ESTABLISHMENT
    assert (stored.institution_name, stored.institution_preset) == (PRESETS["SUNIR"][0], "SUNIR")
    assert stored.signatories[0].name == "Dr. Julio Ñahui Cóndor"
    assert account.full_name == "Rosa Quispe Mamani"
    assert not account.must_change_password
    # Newest first: the sign-in, the settings (by the new administrator), his account.
    assert [(e.action, e.entity, e.username) for e in entries[:3]] == [
        ("login", "user", "rquispe"),
        ("update", "settings", "rquispe"),
        ("create", "user", "sistema"),
    ]


def test_a_weak_password_is_shown_on_the_page_and_nothing_is_created(
    qtbot: Any, new_database: Database
) -> None:
    before = _audit_count(new_database)
    wizard = _wizard(qtbot, new_database)
    _fill(wizard, password="corta")
    wizard.button(QWizard.WizardButton.FinishButton).click()

    assert wizard.isVisible()
    assert wizard.currentPage() is wizard.admin_page
    errors = wizard.admin_page.errors
    assert errors.message("password") == "La contraseña debe tener al menos 8 caracteres."
    assert wizard.admin_page.password.text() == ""
    assert wizard.actor is None
    with new_database.unit_of_work(read_only=True) as uow:
        assert not users.has_users(uow)
        assert get_settings(uow) == Settings()
    assert _audit_count(new_database) == before


def test_two_different_passwords_are_refused_before_anything_is_written(
    qtbot: Any, new_database: Database
) -> None:
    wizard = _wizard(qtbot, new_database)
    _fill(wizard, password=ADMIN_PASSWORD, repeat=ADMIN_PASSWORD + "x")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.admin_page.errors.message("password_repeat")
    assert not wizard.admin_page.errors.message("password")
    with new_database.unit_of_work(read_only=True) as uow:
        assert not users.has_users(uow)


def test_a_bad_ruc_keeps_the_institution_page_and_writes_nothing(
    qtbot: Any, new_database: Database
) -> None:
    before = _audit_count(new_database)
    wizard = _wizard(qtbot, new_database)
    wizard.next()
    wizard.institution_page.ruc.setText("20512333798")  # wrong check digit
    wizard.next()
    assert wizard.currentPage() is wizard.institution_page
    message = wizard.institution_page.errors.message("institution_ruc")
    assert message.startswith("El RUC de la institución debe tener 11 dígitos")
    assert _audit_count(new_database) == before  # the check was a rehearsal

    wizard.institution_page.ruc.setText(Settings().institution_ruc)
    wizard.next()
    assert wizard.currentPage() is wizard.signatories_page
    assert not wizard.institution_page.errors.message("institution_ruc")


def test_a_logo_is_chosen_through_the_patch_point(
    qtbot: Any, new_database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n")
    monkeypatch.setattr(FirstRunWizard, "choose_logo", classmethod(lambda cls, p, s: str(logo)))
    wizard = _wizard(qtbot, new_database)
    wizard.next()
    wizard.institution_page._pick_logo()
    assert wizard.settings_values()["logo_path"] == str(logo)
    wizard.next()
    assert wizard.currentPage() is wizard.signatories_page  # the service accepted the file


def test_launch_runs_the_wizard_instead_of_the_login(
    new_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        LoginDialog, "ask", classmethod(lambda cls, *a, **k: asked.append("login") or None)
    )
    monkeypatch.setattr(
        FirstRunWizard, "ask", classmethod(lambda cls, *a, **k: asked.append("wizard") or None)
    )
    start = launch.WindowStart(
        database=new_database,
        actor=None,
        authenticate=lambda name, password: sign_in(new_database, name, password),
        demo=False,
        lang="es",
        first_run=True,
    )
    assert launch.run_window(start) == 0  # the wizard was cancelled: no window
    assert asked == ["wizard"]


def test_a_database_with_users_is_no_first_run(new_database: Database) -> None:
    with new_database.unit_of_work() as uow:
        users.create_user(
            uow,
            Actor.system(),
            username="admin",
            full_name="Administrador",
            role=Role.ADMIN,
            password=ADMIN_PASSWORD,
        )
        uow.commit()
    assert not window_database.prepare_first_run(new_database)
