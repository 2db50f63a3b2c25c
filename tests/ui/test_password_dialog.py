"""Changing one's own password, an administrator's reset, and the forced change at start."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from carceles_desktop.domain.enums import Role
from carceles_desktop.errors import PermissionDenied
from carceles_desktop.services import users
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.sign_in import sign_in
from carceles_desktop.storage.unit_of_work import Database
from carceles_desktop.ui import launch
from carceles_desktop.ui.dialogs.password_dialog import (
    ChangePasswordDialog,
    ResetPasswordDialog,
    ensure_password_changed,
)
from carceles_desktop.ui.main_window import MainWindow
from tests.ui.accounts import ADMIN_PASSWORD, PASSWORD, make_user, speak_spanish

NEW = "Otra-clave-segura-9"


@pytest.fixture(autouse=True)
def _spanish_messages() -> None:
    speak_spanish()


def _save(dialog: Any) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def _change_dialog(qtbot: Any, ctx: ServiceContext, **kwargs: Any) -> ChangePasswordDialog:
    dialog = ChangePasswordDialog(ctx, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_wrong_current_password_is_shown_under_its_field(qtbot: Any, database: Database) -> None:
    actor = make_user(database, "jperez", Role.JEFE)
    dialog = _change_dialog(qtbot, ServiceContext(database, actor))
    dialog.current.setText("no-es-la-clave")
    dialog.new_password.setText(NEW)
    dialog.repeat.setText(NEW)
    _save(dialog)
    assert dialog.isVisible()
    assert dialog.errors.message("old_password") == "La contraseña actual no es correcta."
    assert dialog.current.text() == ""
    assert sign_in(database, "jperez", PASSWORD).user_id == actor.user_id  # unchanged


def test_different_new_passwords_change_nothing(qtbot: Any, database: Database) -> None:
    actor = make_user(database, "jperez", Role.JEFE)
    dialog = _change_dialog(qtbot, ServiceContext(database, actor))
    dialog.current.setText(PASSWORD)
    dialog.new_password.setText(NEW)
    dialog.repeat.setText(NEW + "!")
    _save(dialog)
    assert dialog.errors.message("password_repeat")
    assert sign_in(database, "jperez", PASSWORD).user_id == actor.user_id


def test_the_password_is_changed(qtbot: Any, database: Database) -> None:
    actor = make_user(database, "jperez", Role.JEFE)
    dialog = _change_dialog(qtbot, ServiceContext(database, actor))
    dialog.current.setText(PASSWORD)
    dialog.new_password.setText(NEW)
    dialog.repeat.setText(NEW)
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    assert sign_in(database, "jperez", NEW).user_id == actor.user_id
    with pytest.raises(PermissionDenied):
        sign_in(database, "jperez", PASSWORD)


def test_a_reset_forces_a_change_at_the_next_start(
    qtbot: Any, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = make_user(database, "admin", Role.ADMIN, password=ADMIN_PASSWORD)
    supervisor = make_user(database, "sup.rojas", Role.SUPERVISOR)
    assert supervisor.user_id is not None
    reset = ResetPasswordDialog(ServiceContext(database, admin), supervisor.user_id, "sup.rojas")
    qtbot.addWidget(reset)
    reset.new_password.setText("corta")
    reset.repeat.setText("corta")
    _save(reset)
    assert reset.errors.message("password") == "La contraseña debe tener al menos 8 caracteres."
    reset.new_password.setText(NEW)
    reset.repeat.setText(NEW)
    assert reset.must_change.isChecked()
    with qtbot.waitSignal(reset.accepted):
        _save(reset)

    signed = sign_in(database, "sup.rojas", NEW)
    ctx = ServiceContext(database, signed)
    asked: list[bool] = []
    monkeypatch.setattr(
        ChangePasswordDialog,
        "ask",
        classmethod(lambda cls, c, parent=None, *, forced=False: asked.append(forced) or False),
    )
    assert not ensure_password_changed(ctx)  # he gave up: the program does not start
    assert asked == [True]

    start = launch.WindowStart(
        database=database,
        actor=signed,
        authenticate=lambda name, password: sign_in(database, name, password),
        demo=False,
        lang="es",
    )
    monkeypatch.setattr(
        MainWindow, "attach", lambda self, *a, **k: pytest.fail("no records expected")
    )
    assert launch.run_window(start) == 0
    assert asked == [True, True]


def test_the_forced_dialog_says_why_and_clears_the_mark(qtbot: Any, database: Database) -> None:
    admin = make_user(database, "admin", Role.ADMIN, password=ADMIN_PASSWORD)
    user = make_user(database, "jperez", Role.JEFE)
    assert user.user_id is not None
    with database.unit_of_work() as uow:
        users.reset_password(uow, admin, user.user_id, NEW)
        uow.commit()
    ctx = ServiceContext(database, sign_in(database, "jperez", NEW))
    dialog = _change_dialog(qtbot, ctx, forced=True)
    assert dialog.intro.isVisibleTo(dialog)
    assert "jperez" in dialog.intro.text()
    dialog.current.setText(NEW)
    dialog.new_password.setText("Mi-propia-clave-55")
    dialog.repeat.setText("Mi-propia-clave-55")
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    assert ensure_password_changed(ctx)  # no mark left: passes without asking


def test_accounts_without_the_mark_and_the_program_itself_pass(database: Database) -> None:
    actor = make_user(database, "jperez", Role.JEFE)
    assert ensure_password_changed(ServiceContext(database, actor))
    system = ServiceContext(database, Actor.system())
    assert ensure_password_changed(system)


def test_the_window_offers_the_change_only_to_real_accounts(
    qtbot: Any, ctx: ServiceContext, database: Database, ui_settings: Any
) -> None:
    program = MainWindow(ctx, settings=ui_settings)
    qtbot.addWidget(program)
    assert not program.password_action.isEnabled()  # the test's admin has no account
    actor = make_user(database, "jperez", Role.JEFE)
    window = MainWindow(ServiceContext(database, actor), settings=ui_settings)
    qtbot.addWidget(window)
    assert window.password_action.isEnabled()
