"""The Internos and Talleres lists: searching as you type, sorting, paging, details."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from carceles_desktop.domain.enums import Role
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.ui.models.paged_table import PageQuery
from carceles_desktop.ui.models.trainees_table import TraineesTableModel
from carceles_desktop.ui.models.workshops_table import WorkshopsTableModel
from carceles_desktop.ui.views.trainees_view import TraineesView
from carceles_desktop.ui.views.workshops_view import WorkshopsView
from tests.ui.sample_data import Sample


@pytest.fixture
def trainees(qtbot: Any, ctx: ServiceContext) -> TraineesView:
    view = TraineesView(ctx)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    view.load()
    qtbot.waitUntil(view.is_ready)
    return view


def _shown_ids(view: TraineesView) -> set[int]:
    return {view.model.row_at(r).id for r in range(view.model.rowCount())}


def test_list_shows_the_first_page_and_the_total(trainees: TraineesView) -> None:
    assert trainees.model.rowCount() == 200  # one page; more come as the user scrolls
    assert trainees.model.canFetchMore(QModelIndex())
    assert trainees.count_label.text() == "Resultados: 300"
    assert trainees.search.placeholderText() == "Buscar por nombre, documento o código"
    headings = [
        trainees.model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(trainees.model.columnCount())
    ]
    assert headings == [
        "Código",
        "Apellidos y nombres",
        "Documento",
        "Establecimiento",
        "Taller",
        "Estado",
    ]


def test_scrolling_fetches_the_rest(trainees: TraineesView, sample: Sample) -> None:
    trainees.table.scrollToBottom()
    while trainees.model.canFetchMore(QModelIndex()):
        trainees.model.fetchMore(QModelIndex())
    assert _shown_ids(trainees) == {t["id"] for t in sample.trainees}


def test_typing_filters_after_a_pause(qtbot: Any, trainees: TraineesView, sample: Sample) -> None:
    expected = sample.trainee_ids_matching("nunez")
    assert 0 < len(expected) < 200
    trainees.search.setText("nu")
    trainees.search.setText("nune")
    trainees.search.setText("nunez")
    assert trainees.model.query.text == ""  # nothing ran yet: the timer waits for a pause

    def narrowed() -> None:
        assert _shown_ids(trainees) == expected

    qtbot.waitUntil(narrowed)
    qtbot.waitUntil(lambda: trainees.count_label.text() == f"Resultados: {len(expected)}")
    names = [trainees.model.index(r, 1).data() for r in range(trainees.model.rowCount())]
    assert all("Núñez" in name or "NUÑEZ" in name.upper() for name in names)


def test_clicking_a_heading_sorts_in_the_database(trainees: TraineesView) -> None:
    trainees.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert trainees.model.query == PageQuery(text="", sort="code", descending=True)
    assert trainees.model.index(0, 0).data() == "IN-000300"
    trainees.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert trainees.model.index(0, 0).data() == "IN-000001"


def test_selecting_a_row_shows_the_record(trainees: TraineesView, sample: Sample) -> None:
    enrolled = next(t for t in sample.trainees if "workshop_id" in t)
    trainees.search.setText(enrolled["inmate_code"])
    trainees.search.returnPressed.emit()  # Enter searches at once
    assert trainees.model.rowCount() == 1
    trainees.table.selectRow(0)
    text = trainees.detail.toPlainText()
    assert enrolled["given_names"] in text
    assert "Código de interno" in text
    assert "Inscripciones" in text
    assert "Inscripción" in text  # the first step of the enrolment's history
    trainees.search.setText("no such person at all")
    trainees.search.returnPressed.emit()
    assert trainees.model.rowCount() == 0
    assert "Seleccione un interno" in trainees.detail.toPlainText()
    assert trainees.count_label.text() == "Resultados: 0"


def test_workshops_list_search_and_detail(qtbot: Any, ctx: ServiceContext) -> None:
    view = WorkshopsView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.load()
    qtbot.waitUntil(view.is_ready)
    assert view.count_label.text() == "Resultados: 9"
    view.search.setText("carpinteria")

    def only_carpentry() -> None:
        names = [view.model.index(r, 1).data() for r in range(view.model.rowCount())]
        assert sorted(names) == ["Taller de Carpintería 1", "Taller de Carpintería 3"]

    qtbot.waitUntil(only_carpentry)
    view.table.selectRow(0)
    text = view.detail.toPlainText()
    assert "Oficio" in text
    assert "activos" in text


@pytest.mark.parametrize("make", [TraineesTableModel, WorkshopsTableModel])
def test_models_pass_the_model_tester(
    qtbot: Any, qtmodeltester: Any, ctx: ServiceContext, make: Any
) -> None:
    model = make(ctx, page_size=7)
    model.set_search("")
    qtmodeltester.check(model)
    model.fetchMore(QModelIndex())
    model.sort(1, Qt.SortOrder.DescendingOrder)
    model.set_search("a")
    qtmodeltester.check(model)


def test_a_supervisor_sees_only_his_workshops_trainees(
    qtbot: Any, ctx: ServiceContext, sample: Sample
) -> None:
    workshop = sample.workshop_ids[0]
    supervisor = Actor(
        user_id=9, username="sup", role=Role.SUPERVISOR, workshop_ids=frozenset({workshop})
    )
    model = TraineesTableModel(ServiceContext(ctx.database, supervisor))
    model.set_search("")
    qtbot.waitUntil(lambda: model.total is not None)
    expected = {t["id"] for t in sample.trainees if t.get("workshop_id") == workshop}
    assert {model.row_at(r).id for r in range(model.rowCount())} == expected
    assert model.total == len(expected)
