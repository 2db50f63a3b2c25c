"""Backups from the window: the timer, the closing backup, Archivo's backup, restore, check.

Every backup is real (written beside the test's database and checked); the timers'
intervals are injected small, and the tests wait on the keeper's signals, never sleep.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from carceles_desktop.services import backups
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.settings import update_settings
from carceles_desktop.storage.unit_of_work import Database
from carceles_desktop.ui.backup_keeper import BackupKeeper
from carceles_desktop.ui.dialogs.backup_dialogs import CheckReportDialog
from carceles_desktop.ui.dialogs.passphrase_dialog import PassphraseDialog
from carceles_desktop.ui.main_window import MainWindow
from carceles_desktop.ui.messages import Kind
from carceles_desktop.ui.views.trainees_view import TraineesView
from tests.ui.conftest import ADMIN
from tests.ui.test_database_start import add_trainee

tr = QCoreApplication.translate


def window_on(qtbot: Any, ctx: ServiceContext, settings: QSettings, **options: Any) -> MainWindow:
    window = MainWindow(ctx, settings=settings, **options)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def database_file(ctx: ServiceContext) -> Path:
    path = ctx.database.target.sqlite_path
    assert path is not None
    return path


def files(folder: Path, pattern: str) -> list[Path]:
    return sorted(folder.glob(pattern)) if folder.is_dir() else []


def trainee_count(qtbot: Any, window: MainWindow) -> str:
    window.show_area("trainees")
    view = window.current_view()
    assert isinstance(view, TraineesView)
    qtbot.waitUntil(view.is_ready)
    return view.count_label.text()


def test_back_up_now_writes_a_verified_backup(
    qtbot: Any, ctx: ServiceContext, ui_settings: QSettings, shown_messages: list[Any]
) -> None:
    window = window_on(qtbot, ctx, ui_settings)
    assert window.backup_action.text() == tr("MainWindow", "&Back up now")
    with qtbot.waitSignal(window.backups.taken, timeout=30_000) as taken:
        window.backup_action.trigger()
    info = taken.args[0]
    assert info.kind == "manual"
    assert info.path.parent == database_file(ctx).parent / "backups"
    # Found again and passing every check (integrity, foreign keys, schema):
    assert backups.newest_good_backup(database_file(ctx)) == backups.BackupInfo(
        info.path, info.taken_at, "manual", "carceles", info.size, True, False
    )
    assert [(kind, title) for kind, title, _ in shown_messages] == [
        (Kind.INFO, tr("Backups", "Backup"))
    ]
    assert str(info.path) in shown_messages.pop()[2]


def test_the_timer_takes_a_backup_when_due_and_only_then(
    qtbot: Any,
    ctx: ServiceContext,
    ui_settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[bool] = []
    real = backups.backup_if_due

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(kwargs["closing"])
        return real(*args, **kwargs)

    monkeypatch.setattr(backups, "backup_if_due", counted)
    window = window_on(qtbot, ctx, ui_settings, backup_check_ms=20)
    assert window.backups.timer.isActive()
    with qtbot.waitSignal(window.backups.taken, timeout=30_000) as taken:
        pass  # the first tick finds changes and no backup yet
    assert taken.args[0].kind == "auto"
    qtbot.waitUntil(lambda: len(calls) >= 4, timeout=10_000)
    window.backups.timer.stop()
    assert set(calls) == {False}
    # Nothing changed after the first one: the later ticks took none.
    assert len(files(database_file(ctx).parent / "backups", "carceles-auto-*")) == 1


def test_closing_takes_the_closing_backup_then_closes(
    qtbot: Any, ctx: ServiceContext, ui_settings: QSettings
) -> None:
    window = window_on(qtbot, ctx, ui_settings, backup_check_ms=3_600_000)
    with qtbot.waitSignal(window.backups.taken, timeout=30_000) as taken:
        window.close()
        assert window.isVisible()  # waits for the closing backup
    assert taken.args[0].kind == "auto"
    qtbot.waitUntil(lambda: not window.isVisible())
    assert ui_settings.value("main_window/area") is not None  # state saved on the way out


def test_restore_from_the_menu_shows_the_older_records(
    qtbot: Any,
    ctx: ServiceContext,
    database: Database,
    ui_settings: QSettings,
    shown_messages: list[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    older = backups.take_backup(database, ADMIN)
    add_trainee(database_file(ctx))
    window = window_on(qtbot, ctx, ui_settings)
    assert trainee_count(qtbot, window) == "Resultados: 301"
    monkeypatch.setattr(
        BackupKeeper, "choose_file", classmethod(lambda cls, parent, folder: str(older.path))
    )
    with qtbot.waitSignal(window.backups.restored, timeout=30_000) as restored:
        window.restore_action.trigger()
    report = restored.args[0]
    assert report.restored_from == older.path
    assert report.pre_restore_copy is not None
    assert report.pre_restore_copy.exists()
    view = window.current_view()
    assert isinstance(view, TraineesView)
    qtbot.waitUntil(lambda: view.count_label.text() == "Resultados: 300")
    question, done = shown_messages
    assert question[0] is Kind.QUESTION
    assert older.path.name in question[2]
    assert str(database_file(ctx)) in question[2]
    assert done[0] is Kind.INFO
    assert str(report.pre_restore_copy) in done[2]
    shown_messages.clear()


def test_verify_the_database_shows_every_check(
    qtbot: Any, ctx: ServiceContext, ui_settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[bool, list[str]]] = []
    monkeypatch.setattr(
        CheckReportDialog,
        "ask",
        classmethod(lambda cls, ok, lines, parent=None: shown.append((ok, list(lines)))),
    )
    window = window_on(qtbot, ctx, ui_settings)
    with qtbot.waitSignal(window.backups.checked, timeout=30_000):
        window.check_action.trigger()
    ok, lines = shown[0]
    assert ok
    names = [line.split()[1] for line in lines if not line.startswith(" ")]
    assert names == ["integrity_check", "foreign_key_check", "schema_revision", "audit_chain"]


def test_the_lock_heartbeat_beats_on_its_timer(
    qtbot: Any, ctx: ServiceContext, ui_settings: QSettings
) -> None:
    beats: list[int] = []
    window = window_on(qtbot, ctx, ui_settings, heartbeat=lambda: beats.append(1), heartbeat_ms=10)
    qtbot.waitUntil(lambda: len(beats) >= 2)
    window.close()
    assert not window.heartbeat_timer.isActive()


def test_encrypted_backups_ask_the_passphrase_once_per_session(
    qtbot: Any,
    ctx: ServiceContext,
    ui_settings: QSettings,
    shown_messages: list[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(backups.PASSPHRASE_ENV, raising=False)
    with ctx.writing() as uow:
        update_settings(uow, ADMIN, backup_encrypt=True)
        uow.commit()
    asked: list[bool] = []

    def ask(cls: Any, parent: Any, *, text: str, confirm: bool = False) -> str:
        asked.append(confirm)
        return "frase de paso del taller"

    monkeypatch.setattr(PassphraseDialog, "ask", classmethod(ask))
    window = window_on(qtbot, ctx, ui_settings, backup_check_ms=20)
    with qtbot.waitSignal(window.backups.taken, timeout=30_000) as automatic:
        pass
    window.backups.timer.stop()
    # The 20 ms timer may have started one more automatic backup before it stopped;
    # a manual backup asked for meanwhile would be refused as busy.
    qtbot.waitUntil(lambda: not window.backups.busy(), timeout=30_000)
    with qtbot.waitSignal(window.backups.taken, timeout=30_000) as manual:
        window.backup_action.trigger()
    assert asked == [True]  # typed twice, once for the whole session
    for info in (automatic.args[0], manual.args[0]):
        assert info.encrypted
        assert info.path.name.endswith(".sqlite3.gz.enc")
    assert shown_messages.pop()[0] is Kind.INFO
    assert not shown_messages
