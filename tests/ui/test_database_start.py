"""Opening the window's database: held by another computer, damaged, or read-only.

The real dialogs are shown and answered through their own buttons (a zero-delay timer
acts on the modal dialog once its event loop runs), so what the user reads is checked.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from carceles_desktop import app, window_database
from carceles_desktop.commands.base import ExitCode
from carceles_desktop.domain.enums import DocumentType, LegalSituation, Role, Sex
from carceles_desktop.services import backups, database_info, trainees
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.sign_in import LoginRefused
from carceles_desktop.services.trainees import TraineeInput
from carceles_desktop.storage.instance_lock import lock_path_for, read_lock
from carceles_desktop.storage.opening import open_database, open_read_only
from carceles_desktop.ui import launch
from carceles_desktop.ui.dialogs.settings_dialog import SettingsDialog
from carceles_desktop.ui.dialogs.start_dialogs import (
    DamagedDatabaseDialog,
    DatabaseInUseDialog,
)
from carceles_desktop.ui.main_window import MainWindow
from carceles_desktop.ui.messages import Kind
from carceles_desktop.ui.views.trainees_view import TraineesView
from tests.ui.conftest import ADMIN
from tests.ui.sample_data import Sample

#: The texts are compared through the catalogue: Spanish once it holds them.
tr = QCoreApplication.translate


@pytest.fixture
def path(template: tuple[Path, Sample], tmp_path: Path) -> Path:
    """A copy of the filled database that nobody has opened yet."""
    copy = tmp_path / "carceles.sqlite3"
    shutil.copy(template[0], copy)
    return copy


def answer(act: Callable[[Any], None]) -> list[Any]:
    """Act on the next modal dialog once it is shown; return a list that gets the dialog."""
    seen: list[Any] = []

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, attempt)  # its event loop has not started yet
            return
        seen.append(dialog)
        act(dialog)

    QTimer.singleShot(0, attempt)
    return seen


def plain(text: str) -> str:
    """The text without the zero-width spaces that let long paths wrap."""
    return text.replace("\u200b", "")


def write_foreign_lock(database: Path, *, host: str, user: str) -> None:
    """A lock as another computer's running program writes it (a fresh heartbeat)."""
    now = datetime.now(UTC)
    lock_path_for(database).write_text(
        json.dumps(
            {
                "host": host,
                "user": user,
                "pid": 4242,
                "started": (now - timedelta(hours=2)).isoformat(timespec="seconds"),
                "heartbeat": now.isoformat(timespec="seconds"),
                "token": "ajeno",
            }
        ),
        encoding="utf-8",
    )


def window_on(qtbot: Any, ctx: ServiceContext, settings: QSettings, **options: Any) -> MainWindow:
    window = MainWindow(ctx, settings=settings, **options)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_database_held_by_another_computer_opens_read_only_on_request(
    qtbot: Any, path: Path, ui_settings: QSettings, shown_messages: list[Any]
) -> None:
    write_foreign_lock(path, host="PC-TALLER-2", user="rosa.quispe")
    theirs = read_lock(path)
    seen = answer(lambda dialog: dialog.read_only_button.click())

    opened = window_database.open_for_window(str(path))

    assert isinstance(opened, window_database.OpenedDatabase)
    dialog = seen[0]
    assert isinstance(dialog, DatabaseInUseDialog)
    assert dialog.windowTitle() == tr("StartDialogs", "Database in use")
    text = dialog.text.text()
    assert "PC-TALLER-2" in text
    assert "rosa.quispe" in text
    assert str(path) in plain(dialog.small_print.text())
    assert dialog.read_only_button.text() == tr("StartDialogs", "Open read-only")
    assert dialog.quit_button.text() == tr("StartDialogs", "Quit")
    assert opened.read_only
    assert opened.lock is None
    assert read_lock(path) == theirs  # their lock is left alone
    try:
        actor = opened.authenticator()
        ctx = ServiceContext(opened.database, ADMIN, read_only_mode=True)
        window = window_on(qtbot, ctx, ui_settings, backup_check_ms=10)
        assert window.windowTitle().endswith(tr("MainWindow", "READ-ONLY"))
        assert window.read_only_label.text() == tr(
            "MainWindow", "Read-only: another computer is using this database"
        )
        assert not window.backups.timer.isActive()  # the holder backs it up, not us
        assert not window.restore_action.isEnabled()
        assert window.check_action.isEnabled()
        window.show_area("trainees")
        view = window.current_view()
        assert isinstance(view, TraineesView)
        qtbot.waitUntil(view.is_ready)
        assert view.count_label.text() == "Resultados: 300"  # reading works

        settings = SettingsDialog(ctx, window)
        qtbot.addWidget(settings)
        settings.show()
        settings.fields["institution_name"].setText("Otra institución")
        settings.save()
        assert settings.isVisible()  # refused: the dialog stays open
        assert len(shown_messages) == 1
        kind, title, message = shown_messages.pop()
        assert kind is Kind.ERROR
        assert title == "No se puede usar la base de datos"
        assert "read-only" in message or "solo lectura" in message

        window.close()  # no closing backup in a read-only window
        assert not window.isVisible()
        assert actor is not None
    finally:
        opened.close()
    assert read_lock(path) == theirs


def test_quitting_at_the_in_use_question_opens_nothing(qtbot: Any, path: Path) -> None:
    write_foreign_lock(path, host="PC-TALLER-2", user="rosa.quispe")
    answer(lambda dialog: dialog.quit_button.click())
    assert window_database.open_for_window(str(path)) == ExitCode.OK


def test_read_only_sign_in_checks_the_password_and_writes_nothing(
    path: Path, database_with_admin: Callable[[Path], None]
) -> None:
    database_with_admin(path)
    write_foreign_lock(path, host="PC-TALLER-2", user="rosa.quispe")
    before = path.read_bytes()
    opened = window_database.OpenedDatabase(open_read_only(str(path)), None, read_only=True)
    try:
        check = opened.authenticator()
        actor = check("jefa", "clave-de-la-jefa-2026")
        assert actor.username == "jefa"
        with pytest.raises(LoginRefused):
            check("jefa", "otra clave")
    finally:
        opened.close()
    assert path.read_bytes() == before


@pytest.fixture
def database_with_admin() -> Callable[[Path], None]:
    def make(path: Path) -> None:
        from carceles_desktop.services import users

        database = open_database(str(path))
        try:
            with database.unit_of_work() as uow:
                users.create_user(
                    uow,
                    ADMIN,
                    username="jefa",
                    full_name="Rosa Quispe",
                    role=Role.ADMIN,
                    password="clave-de-la-jefa-2026",
                )
                uow.commit()
        finally:
            database.dispose()

    return make


def damage(path: Path) -> None:
    """Overwrite the trainees table's root page: the start-up check fails on it."""
    connection = sqlite3.connect(path)
    try:
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'trainees'"
        ).fetchone()[0]
        page = connection.execute("PRAGMA page_size").fetchone()[0]
    finally:
        connection.close()
    with open(path, "r+b") as handle:
        handle.seek((root - 1) * page)
        handle.write(b"\xde\xad\xbe\xef" * (page // 4))


def add_trainee(path: Path) -> None:
    database = open_database(str(path))
    try:
        with database.unit_of_work() as uow:
            trainees.create_trainee(
                uow,
                ADMIN,
                TraineeInput(
                    establishment_code="LURIGANCHO",
                    inmate_code="NUEVO-0001",
                    doc_type=DocumentType.NONE,
                    doc_number=None,
                    paternal_surname="Después",
                    given_names="De la Copia",
                    sex=Sex.MALE,
                    legal_situation=LegalSituation.PROCESADO,
                ),
            )
            uow.commit()
    finally:
        database.dispose()


def test_a_damaged_database_is_restored_from_its_newest_good_backup(
    qtbot: Any, path: Path, ui_settings: QSettings
) -> None:
    database = open_database(str(path))
    try:
        good = backups.take_backup(database, ADMIN)
    finally:
        database.dispose()
    add_trainee(path)  # recorded after the backup: lost with the damaged file
    damage(path)
    seen = answer(lambda dialog: dialog.restore_button.click())

    opened = window_database.open_for_window(str(path))

    dialog = seen[0]
    assert isinstance(dialog, DamagedDatabaseDialog)
    assert dialog.windowTitle() == tr("StartDialogs", "Damaged database")
    assert good.path.name in dialog.text.text()
    assert "malformed" in dialog.small_print.text()
    assert dialog.restore_button is not None
    assert dialog.restore_button.text() == tr("StartDialogs", "Restore the backup")
    assert isinstance(opened, window_database.OpenedDatabase)
    try:
        assert not opened.read_only
        assert opened.lock is not None
        assert opened.lock.held
        kept = list((path.parent / "backups").glob("carceles-damaged-*.sqlite3"))
        assert len(kept) == 1  # the damaged file is kept, not thrown away
        ctx = ServiceContext(opened.database, ADMIN)
        window = window_on(qtbot, ctx, ui_settings)
        window.show_area("trainees")
        view = window.current_view()
        assert isinstance(view, TraineesView)
        qtbot.waitUntil(view.is_ready)
        assert view.count_label.text() == "Resultados: 300"  # the backup's trainees
    finally:
        opened.close()
    assert not lock_path_for(path).exists()


def test_a_damaged_database_without_backups_names_the_folder_and_fails(
    qtbot: Any, path: Path
) -> None:
    damage(path)
    seen = answer(lambda dialog: dialog.quit_button.click())

    assert window_database.open_for_window(str(path)) == ExitCode.FAILURE

    dialog = seen[0]
    assert isinstance(dialog, DamagedDatabaseDialog)
    assert dialog.restore_button is None
    assert str(path.parent / "backups") in plain(dialog.text.text())
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not lock_path_for(path).exists()


def test_the_window_holds_the_lock_while_open_and_gives_it_up_after(
    path: Path,
    database_with_admin: Callable[[Path], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database_with_admin(path)
    seen: list[Any] = []

    def show(options: Any, connect: Any, argv: Any = None) -> int:
        start = connect(None)  # the window's connect, here without a window
        holder = read_lock(path)
        assert holder is not None  # ours, while the window is open
        start.heartbeat()
        assert read_lock(path) is not None
        assert read_lock(path).heartbeat >= holder.heartbeat
        seen.append(start)
        return 0

    monkeypatch.setattr(launch, "start_window", show)
    monkeypatch.setenv("CARCELES_PASSWORD", "clave-de-la-jefa-2026")
    assert app.main(["--database", str(path), "--user", "jefa"]) == 0
    start = seen[0]
    assert not start.read_only
    assert start.actor.username == "jefa"
    assert not lock_path_for(path).exists()  # released when the window closed


def test_the_window_opens_read_only_behind_another_computers_lock(
    path: Path,
    database_with_admin: Callable[[Path], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database_with_admin(path)
    write_foreign_lock(path, host="PC-TALLER-2", user="rosa.quispe")
    theirs = read_lock(path)
    seen: list[Any] = []
    monkeypatch.setattr(
        DatabaseInUseDialog, "ask", classmethod(lambda cls, facts, parent=None: True)
    )
    monkeypatch.setattr(
        launch, "start_window", lambda options, connect, argv=None: seen.append(connect(None)) or 0
    )
    monkeypatch.setenv("CARCELES_PASSWORD", "clave-de-la-jefa-2026")
    before = path.read_bytes()
    assert app.main(["--database", str(path), "--user", "jefa"]) == 0
    start = seen[0]
    assert start.read_only
    assert start.heartbeat is None  # the lock is theirs: nothing to beat
    assert start.actor.username == "jefa"  # signed in without writing a thing
    assert path.read_bytes() == before
    assert read_lock(path) == theirs


def test_a_demo_file_opened_by_its_path_is_marked_demo(
    path: Path,
    database_with_admin: Callable[[Path], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database_with_admin(path)
    database = open_database(str(path))
    try:
        with database.unit_of_work() as uow:
            database_info.mark_as_demo(uow)
            uow.commit()
    finally:
        database.dispose()
    seen: list[Any] = []
    monkeypatch.setattr(
        launch, "start_window", lambda options, connect, argv=None: seen.append(connect(None)) or 0
    )
    assert app.main(["--database", str(path)]) == 0  # no --demo
    assert seen[0].demo  # the title says DEMO and the login names the demo users
