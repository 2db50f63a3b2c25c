"""The commerce lists: models that pass Qt's tester, search as you type, state filters."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt

from carceles_desktop.domain.enums import BatchState, DeliveryState, OrderState, PartnerKind
from carceles_desktop.services import orders
from carceles_desktop.services.orders import OrderInput, OrderLineInput
from carceles_desktop.ui.models import commerce_tables
from carceles_desktop.ui.views.clients_view import ClientsView
from carceles_desktop.ui.views.deliveries_view import DeliveriesView
from carceles_desktop.ui.views.orders_view import OrdersView
from carceles_desktop.ui.views.production_view import ProductionView
from carceles_desktop.ui.views.products_view import ProductsView
from tests.helpers.commerce_world import ADMIN
from tests.ui.commerce_fixtures import Shop, shop_fixture  # noqa: F401 - the fixture


@pytest.fixture
def stocked(shop: Shop) -> Shop:
    """Three finished batches (chairs, chairs, tables), one note issued, one order."""
    first = shop.finished("20", code="L-2026-001")
    shop.finished("10", code="L-2026-002")
    shop.finished("5", code="L-2026-003", product_id=shop.world.table_id)
    shop.issued_note(first, "4")
    with shop.database.unit_of_work() as uow:
        orders.create_order(
            uow,
            ADMIN,
            OrderInput(
                partner_id=shop.world.partner_id,
                ordered_on=date(2026, 2, 1),
                lines=[OrderLineInput(shop.world.chair_id, "30")],
                establishment_id=shop.world.establishment_id,
            ),
        )
        uow.commit()
    return shop


MODELS = [
    commerce_tables.batches_model,
    commerce_tables.deliveries_model,
    commerce_tables.orders_model,
    commerce_tables.clients_model,
    commerce_tables.products_model,
]


@pytest.mark.parametrize("make", MODELS, ids=lambda m: m.__name__)
def test_models_pass_the_model_tester(qtmodeltester: Any, stocked: Shop, make: Any) -> None:
    model = make(stocked.ctx)
    model.reload()
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    model.set_filter(None)
    model.set_search("zzz-nothing")
    assert model.rowCount() == 0
    qtmodeltester.check(model)


@pytest.mark.parametrize("make", MODELS, ids=lambda m: m.__name__)
def test_every_heading_sorts_both_ways(qtmodeltester: Any, stocked: Shop, make: Any) -> None:
    model = make(stocked.ctx)
    model.reload()
    shown = model.rowCount()
    failures: list[object] = []
    model.failed.connect(failures.append)
    for column in range(model.columnCount()):
        for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
            model.sort(column, order)
            assert (model.query.sort, model.query.descending) == (
                model.column(column).sort_key,
                order == Qt.SortOrder.DescendingOrder,
            )
            assert model.sort_column() == column
            assert model.rowCount() == shown
    assert failures == []
    qtmodeltester.check(model)


def test_sorting_a_column_reorders_the_rows(stocked: Shop) -> None:
    batches = commerce_tables.batches_model(stocked.ctx)
    batches.reload()
    assert _column(batches, 0) == ["L-2026-003", "L-2026-002", "L-2026-001"]  # newest first
    batches.sort(0, Qt.SortOrder.AscendingOrder)
    assert _column(batches, 0) == ["L-2026-001", "L-2026-002", "L-2026-003"]
    left = [c.sort_key for c in commerce_tables.BATCH_COLUMNS].index("remaining")
    batches.sort(left, Qt.SortOrder.DescendingOrder)  # 16, 10 and 5 units left
    assert _column(batches, 0) == ["L-2026-001", "L-2026-002", "L-2026-003"]
    products = commerce_tables.products_model(stocked.ctx)
    products.reload()
    assert _column(products, 0) == ["MESA-01", "SILLA-01"]
    products.sort(0, Qt.SortOrder.DescendingOrder)
    assert _column(products, 0) == ["SILLA-01", "MESA-01"]


def test_clicking_a_heading_sorts_the_list(qtbot: Any, stocked: Shop) -> None:
    view = _shown(qtbot, ProductionView(stocked.ctx))
    header = view.table.horizontalHeader()
    first = QPoint(header.sectionViewportPosition(0) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=first)
    assert _codes(view) == ["L-2026-001", "L-2026-002", "L-2026-003"]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=first)
    assert _codes(view) == ["L-2026-003", "L-2026-002", "L-2026-001"]
    assert header.sortIndicatorSection() == 0


def _column(model: Any, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _codes(view: Any) -> list[str]:
    return [view.model.index(r, 0).data() for r in range(view.model.rowCount())]


def _shown(qtbot: Any, view: Any) -> Any:
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    view.load()
    qtbot.waitUntil(view.is_ready)
    return view


def test_batches_search_as_you_type_and_filter_by_state(qtbot: Any, stocked: Shop) -> None:
    view = _shown(qtbot, ProductionView(stocked.ctx))
    assert _codes(view) == ["L-2026-003", "L-2026-002", "L-2026-001"]  # newest first
    assert view.count_label.text().endswith("3")
    view.search.setText("mesa")  # the product's name, without its accent or capital

    def narrowed() -> None:
        assert _codes(view) == ["L-2026-003"]

    qtbot.waitUntil(narrowed)
    view.search.setText("")
    qtbot.waitUntil(lambda: len(_codes(view)) == 3)
    view.filter_box.setCurrentIndex(view.filter_box.findData(BatchState.PLANIFICADO))
    assert _codes(view) == []
    view.filter_box.setCurrentIndex(view.filter_box.findData(BatchState.TERMINADO))
    assert len(_codes(view)) == 3
    view.table.selectRow(2)
    assert "L-2026-001" in view.detail.toPlainText()
    assert "16" in view.detail.toPlainText()  # 20 accepted, 4 delivered: 16 left


def test_deliveries_list_filters_by_state_and_shows_the_number(qtbot: Any, stocked: Shop) -> None:
    view = _shown(qtbot, DeliveriesView(stocked.ctx))
    assert _codes(view) == ["NE01-000001"]
    view.filter_box.setCurrentIndex(view.filter_box.findData(DeliveryState.BORRADOR))
    assert _codes(view) == []
    view.filter_box.setCurrentIndex(view.filter_box.findData(DeliveryState.EMITIDA))
    assert _codes(view) == ["NE01-000001"]
    view.table.selectRow(0)
    assert view.print_button.isEnabled()
    assert "L-2026-001" in view.detail.toPlainText()


def test_orders_clients_and_products_lists(qtbot: Any, stocked: Shop) -> None:
    order_view = _shown(qtbot, OrdersView(stocked.ctx))
    assert len(_codes(order_view)) == 1
    order_view.filter_box.setCurrentIndex(order_view.filter_box.findData(OrderState.ANULADO))
    assert _codes(order_view) == []
    clients = _shown(qtbot, ClientsView(stocked.ctx))
    assert _codes(clients) == ["Muebles Andinos S.A.C."]
    clients.filter_box.setCurrentIndex(clients.filter_box.findData(PartnerKind.PERSON))
    assert _codes(clients) == []
    # Its workshop is run by the partner with no agreement: the line above says so.
    qtbot.waitUntil(lambda: "CARP-01" in clients.flags.text())
    products = _shown(qtbot, ProductsView(stocked.ctx))
    assert _codes(products) == ["MESA-01", "SILLA-01"]


def test_a_long_list_counts_in_the_background(qtbot: Any, stocked: Shop) -> None:
    model = commerce_tables.batches_model(stocked.ctx)
    model._page_size = 2  # a full first page: the count runs apart
    with qtbot.waitSignal(model.totalChanged) as total:
        model.reload()
        assert model.total is None
    assert total.args == [3]
    assert model.rowCount() == 2
    assert model.canFetchMore(QModelIndex())


def test_a_form_opened_from_the_list_refreshes_it(
    qtbot: Any, stocked: Shop, monkeypatch: pytest.MonkeyPatch
) -> None:
    from carceles_desktop.ui.dialogs.product_dialog import ProductDialog

    def fill_and_save(dialog: ProductDialog) -> int:
        dialog.code.setText("BANCO-01")
        dialog.name.setText("Banco de madera")
        dialog.price.setText("45")
        dialog.save()
        return int(dialog.result())

    monkeypatch.setattr(ProductDialog, "exec", fill_and_save)
    view = _shown(qtbot, ProductsView(stocked.ctx))
    view.new_button.click()
    assert _codes(view) == ["BANCO-01", "MESA-01", "SILLA-01"]
    assert view.selected_row().code == "BANCO-01"
    assert "Banco de madera" in view.detail.toPlainText()
