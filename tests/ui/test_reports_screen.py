"""Reportes: a workshop and a month, then the monthly report or the planilla in the preview."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from carceles_desktop.domain.enums import Role
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.ui.views.reports_view import ReportsView
from carceles_desktop.ui.widgets.pdf_preview import PdfPreviewDialog
from tests.ui.sample_data import Sample


@pytest.fixture
def previews(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bytes, str, str]]:
    shown: list[tuple[bytes, str, str]] = []

    def capture(cls: Any, parent: Any, pdf: bytes, name: str, title: str) -> None:
        shown.append((pdf, name, title))

    monkeypatch.setattr(PdfPreviewDialog, "show_pdf", classmethod(capture))
    return shown


def _view(qtbot: Any, ctx: ServiceContext) -> ReportsView:
    view = ReportsView(ctx, today=date(2026, 3, 20))
    qtbot.addWidget(view)
    view.show()
    view.load()
    assert view.is_ready()
    return view


def test_both_papers_of_the_month_open_in_the_preview(
    qtbot: Any, ctx: ServiceContext, sample: Sample, previews: list[Any]
) -> None:
    view = _view(qtbot, ctx)
    assert view.workshop_box.count() == len(sample.workshop_ids)
    code = view.workshop_box.currentText().split(" — ")[0]
    report = view.preview_report()
    planilla = view.preview_planilla()
    assert report is not None
    assert report.startswith(b"%PDF")
    assert planilla is not None
    assert [name for _pdf, name, _title in previews] == [
        f"informe-{code}-2026-03.pdf",
        f"planilla-{code}-2026-03.pdf",
    ]
    assert previews[0][2] == f"Informe mensual de {code}, {view.month_picker.text()}"


def test_a_user_without_workshops_is_told_so(qtbot: Any, ctx: ServiceContext) -> None:
    # A supervisor without assigned workshops reaches none.
    lonely = Actor(None, "sup", Role.SUPERVISOR, workshop_ids=frozenset())
    view = _view(qtbot, ServiceContext(ctx.database, lonely))
    assert view.workshop_box.count() == 0
    assert view.preview_report() is None
    assert view.status.text() == "Elija primero un taller."
