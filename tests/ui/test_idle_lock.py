"""The idle lock: the records hide after a stretch without input, until the password."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QElapsedTimer, QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog

from carceles_desktop.domain.enums import Role
from carceles_desktop.services import users
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.settings import update_settings
from carceles_desktop.services.sign_in import sign_in
from carceles_desktop.storage.unit_of_work import Database
from carceles_desktop.ui.main_window import MainWindow
from carceles_desktop.ui.views.trainees_view import TraineesView
from tests.ui.accounts import ADMIN_PASSWORD, PASSWORD, make_user, speak_spanish


@pytest.fixture
def window(qtbot: Any, database: Database, ui_settings: QSettings) -> MainWindow:
    actor = make_user(database, "jperez", Role.JEFE, full_name="Juan Pérez Huamán")
    shown = MainWindow(
        ServiceContext(database, actor),
        settings=ui_settings,
        authenticate=lambda name, password: sign_in(database, name, password),
    )
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.show_area("trainees")
    view = shown.current_view()
    assert isinstance(view, TraineesView)
    qtbot.waitUntil(view.is_ready)
    return shown


@pytest.fixture(autouse=True)
def _spanish_messages() -> None:
    speak_spanish()


def _records_hidden(window: MainWindow) -> bool:
    return (
        window.is_locked()
        and not window.stack.isVisible()
        and not window.nav.isVisible()
        and not window.statusBar().isVisible()
        and not window.menuBar().isEnabled()
    )


def test_the_idle_minutes_come_from_the_settings(
    qtbot: Any, database: Database, ui_settings: QSettings
) -> None:
    with database.unit_of_work() as uow:
        update_settings(uow, Actor.system(), idle_lock_minutes=3)
        uow.commit()
    actor = make_user(database, "jperez", Role.JEFE)
    window = MainWindow(ServiceContext(database, actor), settings=ui_settings, authenticate=print)
    qtbot.addWidget(window)
    assert window.idle_lock.interval_ms() == 3 * 60_000
    assert window.idle_lock.is_running()


def test_idle_time_locks_and_hides_the_records(qtbot: Any, window: MainWindow) -> None:
    assert window.stack.isVisible()
    window.idle_lock.set_interval_ms(30)
    qtbot.waitUntil(lambda: _records_hidden(window))
    screen = window.lock_screen
    assert screen is not None
    assert screen.isVisible()
    assert "Juan Pérez Huamán" in screen.note.text()
    assert not window.settings_action.isEnabled()
    assert not window.reload_action.isEnabled()
    assert not window.idle_lock.is_running()


def test_a_wrong_password_keeps_it_locked_and_the_right_one_unlocks(
    qtbot: Any, window: MainWindow
) -> None:
    window.lock_action.trigger()  # Ctrl+L
    assert _records_hidden(window)
    screen = window.lock_screen
    assert screen is not None
    screen.password.setText("no-es-la-clave")
    screen.unlock_button.click()
    assert _records_hidden(window)
    assert screen.error.isVisibleTo(screen)
    assert screen.error.text() == "Usuario o contraseña incorrectos."
    assert screen.password.text() == ""

    screen.password.setText(PASSWORD)
    screen.unlock_button.click()
    assert not window.is_locked()
    assert window.stack.isVisible()
    assert window.statusBar().isVisible()
    assert window.menuBar().isEnabled()
    assert window.settings_action.isEnabled()
    assert window.idle_lock.is_running()  # counting again


def test_input_keeps_the_window_unlocked(qtbot: Any, window: MainWindow) -> None:
    window.idle_lock.set_interval_ms(150)
    clock = QElapsedTimer()
    clock.start()

    def typing() -> bool:
        # Each poll is a key press: the stretch never runs out while someone types.
        press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(window.nav, press)
        return clock.elapsed() > 450

    qtbot.waitUntil(typing, timeout=5000)
    assert not window.is_locked()
    qtbot.waitUntil(window.is_locked)  # once the typing stops


def test_locking_closes_open_dialogs(qtbot: Any, window: MainWindow) -> None:
    dialog = QDialog(window)
    dialog.show()
    assert dialog.isVisible()
    window.lock()
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_quit_from_the_lock_screen_closes_the_window(qtbot: Any, window: MainWindow) -> None:
    window.lock()
    assert window.lock_screen is not None
    window.lock_screen.quit_button.click()
    assert not window.isVisible()


def test_the_lock_survives_a_deactivated_account(
    qtbot: Any, window: MainWindow, database: Database
) -> None:
    window.lock()
    admin = sign_in(database, "administrador", ADMIN_PASSWORD)
    with database.unit_of_work() as uow:
        assert window.ctx.actor.user_id is not None
        users.deactivate_user(uow, admin, window.ctx.actor.user_id)
        uow.commit()
    screen = window.lock_screen
    assert screen is not None
    screen.password.setText(PASSWORD)
    screen.try_unlock()
    assert window.is_locked()  # a deactivated account cannot come back in
    assert screen.error.text() == "La cuenta jperez está desactivada; consulte a un administrador."


def test_a_window_without_an_account_cannot_lock(
    qtbot: Any, ctx: ServiceContext, ui_settings: QSettings
) -> None:
    window = MainWindow(ctx, settings=ui_settings, authenticate=lambda n, p: ctx.actor)
    qtbot.addWidget(window)
    assert not window.can_lock()
    assert not window.lock_action.isEnabled()
    window.lock()
    assert not window.is_locked()
    assert not window.idle_lock.is_running()
