"""The main window: areas, menus, status bar, state, and the screenshot start-up."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage

from carceles_desktop.services.context import ServiceContext
from carceles_desktop.ui import launch
from carceles_desktop.ui.dialogs.login_dialog import LoginDialog
from carceles_desktop.ui.main_window import PRODUCT, MainWindow
from carceles_desktop.ui.views.trainees_view import TraineesView


def _window(qtbot: Any, ctx: ServiceContext, settings: QSettings) -> MainWindow:
    window = MainWindow(ctx, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_window_shows_only_the_areas_that_exist_in_spanish(
    qtbot: Any, ctx: ServiceContext, ui_settings: QSettings
) -> None:
    window = _window(qtbot, ctx, ui_settings)
    areas = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert areas[:3] == ["Panel", "Talleres", "Internos"]
    keys = [window.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.nav.count())]
    # An administrator sees every area, Administración and Auditoría included.
    assert keys == [
        "panel",
        "workshops",
        "trainees",
        "attendance",
        "production",
        "deliveries",
        "orders",
        "clients",
        "products",
        "certificates",
        "verify",
        "reports",
        "users",
        "audit",
    ]
    assert window.windowTitle() == PRODUCT
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Archivo", "&Editar", "&Ver", "A&yuda"]
    assert window.database_label.text() == f"Base de datos: {ctx.describe_database()}"
    assert window.user_label.text() == "Usuario: admin (Administrador)"


def test_demo_title_and_switching_areas_loads_the_list(
    qtbot: Any, ctx: ServiceContext, ui_settings: QSettings
) -> None:
    window = _window(qtbot, ServiceContext(ctx.database, ctx.actor, demo=True), ui_settings)
    assert window.windowTitle().endswith(" [DEMO]")
    trainees = window.view("trainees")
    assert isinstance(trainees, TraineesView)
    assert not trainees.model.is_loaded  # loaded when first shown, not before
    window.show_area("trainees")
    assert window.stack.currentWidget() is trainees
    qtbot.waitUntil(lambda: trainees.is_ready())
    assert trainees.count_label.text() == "Resultados: 300"


def test_find_focuses_the_search_box_and_refresh_keeps_the_selection(
    qtbot: Any, ctx: ServiceContext, ui_settings: QSettings
) -> None:
    window = _window(qtbot, ctx, ui_settings)
    window.show_area("trainees")
    view = window.current_view()
    assert isinstance(view, TraineesView)
    window.activateWindow()
    window.find_action.trigger()
    qtbot.waitUntil(lambda: view.search.hasFocus())
    view.table.selectRow(5)
    chosen = view.model.row_at(5).id
    window.reload_action.trigger()
    selected = view.table.selectionModel().selectedRows()
    assert [view.model.row_at(i.row()).id for i in selected] == [chosen]


def test_window_state_is_saved_and_restored(
    qtbot: Any, ctx: ServiceContext, ui_settings: QSettings
) -> None:
    window = _window(qtbot, ctx, ui_settings)
    window.show_area("trainees")
    window.resize(700, 500)  # inside the offscreen screen (800 × 600)
    window.close()
    assert ui_settings.value("main_window/area") == "trainees"
    again = _window(qtbot, ctx, ui_settings)
    assert again.stack.currentWidget() is again.view("trainees")
    assert (again.width(), again.height()) == (700, 500)


def test_screenshot_start_renders_the_loaded_list(
    qtbot: Any, ctx: ServiceContext, tmp_path: Path, monkeypatch: Any
) -> None:
    target = tmp_path / "shots" / "window.png"
    monkeypatch.setattr(
        LoginDialog, "ask", classmethod(lambda *a, **k: (_ for _ in ()).throw(AssertionError))
    )
    start = launch.WindowStart(
        database=ctx.database,
        actor=ctx.actor,
        authenticate=lambda name, password: ctx.actor,
        demo=False,
        lang="es",
        screenshot=target,
    )
    assert launch.run_window(start) == 0
    image = QImage(str(target))
    assert image.width() > 600
    assert image.height() > 400


def test_cancelled_sign_in_ends_without_opening_the_records(
    ctx: ServiceContext, monkeypatch: Any
) -> None:
    asked = []
    monkeypatch.setattr(
        LoginDialog, "ask", classmethod(lambda cls, *a, **k: asked.append(a) or None)
    )
    start = launch.WindowStart(
        database=ctx.database,
        actor=None,
        authenticate=lambda name, password: ctx.actor,
        demo=False,
        lang="es",
    )
    monkeypatch.setattr(MainWindow, "attach", lambda self, *a, **k: asked.append("attached"))
    assert launch.run_window(start) == 0
    assert len(asked) == 1
