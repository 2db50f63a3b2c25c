"""The window shows first, then opens the database in itself and signs the user in."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from carceles_desktop import config
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.ui import launch
from carceles_desktop.ui.dialogs.login_dialog import LoginDialog
from carceles_desktop.ui.main_window import PRODUCT, MainWindow

ROOT = Path(__file__).resolve().parents[2]


def _start(ctx: ServiceContext, **changes: Any) -> launch.WindowStart:
    fields: dict[str, Any] = {
        "database": ctx.database,
        "actor": None,
        "authenticate": lambda name, password: ctx.actor,
        "demo": False,
        "lang": "es",
    }
    fields.update(changes)
    return launch.WindowStart(**fields)


def test_the_frame_shows_before_the_database_layer_is_imported() -> None:
    # A fresh interpreter: everything the window needs to show itself, and no SQLAlchemy.
    script = textwrap.dedent(
        """
        import sys
        import carceles_desktop.app, carceles_desktop.cli
        import carceles_desktop.ui.launch, carceles_desktop.ui.main_window
        loaded = sorted(name for name in sys.modules if name.split(".")[0] == "sqlalchemy")
        print(",".join(loaded[:5]) or "none")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "none"


def test_the_database_is_opened_over_the_shown_frame(
    ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}

    def connect(window: QWidget) -> launch.WindowStart:
        assert isinstance(window, MainWindow)
        seen["visible"] = window.isVisible()
        seen["attached"] = window.is_attached()
        seen["status"] = window.start_page.status.text()
        seen["enabled"] = sorted(a.text() for a in window.actions_enabled())
        return _start(ctx)

    def login(cls: Any, authenticate: Any, parent: Any = None, **kwargs: Any) -> None:
        seen["login_parent"] = parent
        seen["status_at_login"] = parent.start_page.status.text()
        return None  # the user cancels

    monkeypatch.setattr(LoginDialog, "ask", classmethod(login))
    options = launch.WindowOptions(lang="es")
    assert launch.start_window(options, connect) == 0
    assert seen["visible"]
    assert not seen["attached"]
    assert seen["status"] == "Abriendo la base de datos…"
    # Nothing is open yet: only Salir and Acerca de answer.
    assert seen["enabled"] == ["&Acerca de", "&Salir"]
    assert isinstance(seen["login_parent"], MainWindow)
    assert seen["status_at_login"] == "Inicie sesión para continuar."


def test_a_start_that_cannot_open_the_database_ends_with_its_code(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        MainWindow, "attach", lambda self, *a, **k: pytest.fail("no records expected")
    )
    assert launch.start_window(launch.WindowOptions(lang="es"), lambda window: 1) == 1


def test_an_unexpected_error_while_opening_reaches_the_caller() -> None:
    def connect(window: QWidget) -> launch.WindowStart:
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError, match="disk on fire"):
        launch.start_window(launch.WindowOptions(lang="es"), connect)


def test_the_frame_is_saved_when_shown_if_the_benchmark_asks(
    ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "shown.png"
    monkeypatch.setenv(launch.SHOWN_SCREENSHOT_ENV, str(target))
    assert launch.start_window(launch.WindowOptions(lang="es"), lambda window: 0) == 0
    image = QImage(str(target))
    assert image.width() > 600
    assert image.height() > 400


def test_a_frame_alone_closes_and_keeps_its_size(qtbot: Any, ui_settings: QSettings) -> None:
    frame = MainWindow(settings=ui_settings, demo=True)
    qtbot.addWidget(frame)
    frame.show()
    qtbot.waitExposed(frame)
    assert frame.windowTitle() == f"{PRODUCT} [DEMO]"
    frame.reload_current()  # F5 and Ctrl+F do nothing before the records are open
    frame.focus_search()
    frame.lock()
    assert not frame.is_locked()
    frame.resize(640, 480)
    assert frame.close()
    again = MainWindow(settings=ui_settings)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (640, 480)


def test_the_window_keeps_its_state_in_the_program_folder(qtbot: Any) -> None:
    # Never in Qt's per-user store: tests and portable installs keep to CARCELES_HOME.
    state = config.window_state_file()
    state.unlink(missing_ok=True)
    frame = MainWindow()
    qtbot.addWidget(frame)
    frame.show()
    frame.resize(700, 500)
    assert frame.close()
    assert state.is_relative_to(Path(os.environ[config.HOME_ENV]))
    again = MainWindow()
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 500)


def test_an_area_asked_for_is_the_only_one_built(
    ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch, ui_settings: QSettings
) -> None:
    built: list[str] = []
    original = MainWindow._built_view

    def spy(self: MainWindow, index: int) -> QWidget:
        built.append(self._areas[index].key)
        return original(self, index)

    monkeypatch.setattr(MainWindow, "_built_view", spy)
    window = MainWindow(settings=ui_settings)
    window.attach(ctx, area="trainees")
    try:
        assert window.current_area() == "trainees"
        assert set(built) == {"trainees"}  # the Panel (first) was never built nor read
    finally:
        window.close()
