"""The Panel: the day's figures shown off the GUI thread, and each figure opens its area."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QSettings

from carceles_desktop.services.context import ServiceContext
from carceles_desktop.ui.main_window import MainWindow
from carceles_desktop.ui.views.panel_view import PanelView
from tests.ui.sample_data import Sample

MONDAY = date(2026, 3, 16)


def _panel(qtbot: Any, ctx: ServiceContext) -> PanelView:
    panel = PanelView(ctx, today=MONDAY)
    qtbot.addWidget(panel)
    panel.resize(1100, 700)
    panel.show()
    panel.load()
    qtbot.waitUntil(panel.is_ready, timeout=10_000)
    return panel


def test_the_figures_and_the_workshops_day_show(
    qtbot: Any, ctx: ServiceContext, sample: Sample
) -> None:
    panel = _panel(qtbot, ctx)
    board = panel.dashboard
    assert board is not None
    assert panel.heading.text().startswith("Panel — lunes, 16 de marzo de 2026")
    assert panel.day_note.text().startswith("Día laborable")
    assert panel.workshop_model.rowCount() == len(board.workshops) > 0
    missing = len(board.workshops_missing_today)
    assert panel.attendance.text() == f"{missing}\ntalleres sin asistencia de hoy"
    busiest = max(board.workshops, key=lambda w: w.month_hours)
    assert panel.chart.rows()[0][0] == busiest.name
    assert len(panel.chart.rows()) == min(len(board.workshops), 12)


def test_a_sunday_says_no_attendance_is_expected(qtbot: Any, ctx: ServiceContext) -> None:
    panel = PanelView(ctx, today=date(2026, 3, 15))
    qtbot.addWidget(panel)
    panel.load()
    qtbot.waitUntil(panel.is_ready, timeout=10_000)
    assert panel.day_note.text() == "Domingo: hoy no se espera asistencia."
    assert panel.attendance.text().startswith("0\n")


def test_a_figure_opens_its_area_in_the_window(
    qtbot: Any, ctx: ServiceContext, ui_settings: QSettings
) -> None:
    window = MainWindow(ctx, settings=ui_settings)
    qtbot.addWidget(window)
    window.show()
    window.show_area("panel")
    panel = window.current_view()
    assert isinstance(panel, PanelView)
    qtbot.waitUntil(panel.is_ready, timeout=10_000)
    panel.orders.click()
    assert window.view("orders") is window.current_view()
    window.show_area("panel")
    panel.attendance.click()
    assert window.view("attendance") is window.current_view()
