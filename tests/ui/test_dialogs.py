"""The sign-in and settings dialogs: refusals shown in place, nothing saved on bad input."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel

from carceles_desktop.domain.enums import Role
from carceles_desktop.errors import PermissionDenied
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.settings import PRESETS, get_settings
from carceles_desktop.ui.dialogs.login_dialog import LoginDialog
from carceles_desktop.ui.dialogs.settings_dialog import SettingsDialog

RIGHT = Actor(user_id=1, username="rquispe", role=Role.JEFE)


def _authenticate(name: str, password: str) -> Actor:
    if (name, password) != ("rquispe", "clave-correcta"):
        raise PermissionDenied(QT_TRANSLATE_NOOP("errors", "Wrong user name or password."))
    return RIGHT


def test_login_refuses_a_wrong_password_inline(qtbot: Any) -> None:
    dialog = LoginDialog(_authenticate)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("rquispe")
    dialog.password.setText("otra")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.isVisibleTo(dialog)
    assert dialog.error.text() == "Usuario o contraseña incorrectos."  # translated
    assert dialog.password.text() == ""
    assert dialog.actor is None


def test_login_accepts_the_right_password(qtbot: Any) -> None:
    dialog = LoginDialog(_authenticate)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText(" rquispe ")
    dialog.password.setText("clave-correcta")
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.actor == RIGHT
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "Ingresar"


def test_login_on_the_demo_database_says_how_to_sign_in(qtbot: Any) -> None:
    def texts(dialog: LoginDialog) -> str:
        return " ".join(label.text() for label in dialog.findChildren(QLabel))

    demo = LoginDialog(_authenticate, demo=True)
    real = LoginDialog(_authenticate)
    qtbot.addWidget(demo)
    qtbot.addWidget(real)
    assert "contraseña demo" in texts(demo)
    assert "demo" not in texts(real)


def test_login_asks_for_a_user_name(qtbot: Any) -> None:
    dialog = LoginDialog(_authenticate)
    qtbot.addWidget(dialog)
    dialog.try_sign_in()
    assert dialog.error.text() == "Escriba su nombre de usuario."


def _settings_dialog(qtbot: Any, ctx: ServiceContext) -> SettingsDialog:
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_settings_show_a_field_error_and_save_nothing(qtbot: Any, ctx: ServiceContext) -> None:
    dialog = _settings_dialog(qtbot, ctx)
    dialog.tabs.setCurrentIndex(2)
    dialog.fields["institution_name"].setText("Otra institución")
    dialog.fields["institution_ruc"].setText("20512333798")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible()
    error = dialog.errors["institution_ruc"]
    assert error.isVisibleTo(dialog)
    assert error.text().startswith("El RUC de la institución debe tener 11 dígitos")
    assert "border" in dialog.fields["institution_ruc"].styleSheet()
    assert dialog.tabs.currentIndex() == 0  # brought to the field's tab
    assert not dialog.errors["institution_name"].isVisibleTo(dialog)
    with ctx.reading() as uow:
        stored = get_settings(uow)
    assert stored.institution_name == PRESETS["INPE"][0]  # nothing was saved


def test_settings_save_good_input(qtbot: Any, ctx: ServiceContext) -> None:
    dialog = _settings_dialog(qtbot, ctx)
    dialog._preset.setCurrentIndex(dialog._preset.findData("SUNIR"))
    dialog._preset.activated.emit(dialog._preset.currentIndex())
    assert dialog.fields["institution_acronym"].text() == "SUNIR"
    dialog.fields["minimum_valid_day_hours"].setText("5.5")
    dialog.fields["pass_grade"].setValue(13)
    dialog._signatory_edits["director"][0].setText("Dr. Julio Ñahui Cóndor")
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    with ctx.reading() as uow:
        stored = get_settings(uow)
    assert stored == dialog.saved
    assert stored.institution_preset == "SUNIR"
    assert stored.institution_name == PRESETS["SUNIR"][0]
    assert stored.minimum_valid_day_hours == Decimal("5.5")
    assert stored.pass_grade == 13
    assert stored.signatories[0].name == "Dr. Julio Ñahui Cóndor"
    assert stored.logo_path is None  # untouched settings are not sent


def test_settings_are_read_only_without_the_permission(qtbot: Any, ctx: ServiceContext) -> None:
    viewer = ServiceContext(ctx.database, Actor(user_id=5, username="ver", role=Role.CONSULTA))
    dialog = _settings_dialog(qtbot, viewer)
    assert not dialog.tabs.isEnabled()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    assert dialog.read_only_note.isVisibleTo(dialog)
    assert dialog.windowTitle() == "Configuración"
