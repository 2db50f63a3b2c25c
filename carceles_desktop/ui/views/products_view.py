"""The Productos area: what the workshops make and sell, and the product form."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from carceles_desktop.services import catalogues
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.permissions import Action, allowed
from carceles_desktop.services.products import ProductRow
from carceles_desktop.ui.commerce_labels import money_text, quantity_text
from carceles_desktop.ui.dialogs.product_dialog import ProductDialog
from carceles_desktop.ui.labels import yes_no
from carceles_desktop.ui.models.commerce_tables import products_model
from carceles_desktop.ui.views import html_parts as h
from carceles_desktop.ui.views.commerce_list_view import CommerceListView

translate = QCoreApplication.translate


class ProductsView(CommerceListView):
    """Search products, filter them by trade, open their form."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        self._ctx = ctx
        with ctx.reading() as uow:
            trades = catalogues.list_trades(uow)
        super().__init__(
            products_model(ctx),
            product_html,
            settings_key="products_view",
            empty_detail=translate("ProductsView", "Select a product to see it."),
            filter_caption=translate("ProductsView", "Trade:"),
            filters=[(trade.name, trade.id) for trade in trades],
            may_create=allowed(ctx.actor, Action.EDIT_CLIENTS),
            parent=parent,
        )
        self.search.setPlaceholderText(translate("ProductsView", "Search by name or code"))
        self.new_button.setText(translate("ProductsView", "New product…"))

    def new_record(self) -> None:
        """Register a product."""
        dialog = ProductDialog(self._ctx, None, self)
        self.run_form(dialog)
        if dialog.changed:
            self.refresh_after(dialog.product_id)

    def open_record(self, row: Any) -> None:
        """Open a product's form."""
        dialog = ProductDialog(self._ctx, row.id, self)
        self.run_form(dialog)
        if dialog.changed:
            self.refresh_after(row.id)


def product_html(row: ProductRow) -> str:
    """A product as HTML for the detail panel (the list's row says it all)."""
    weight = quantity_text(row.unit_weight_kg)
    info = h.fields(
        [
            (translate("ProductDetail", "Code"), row.code),
            (translate("ProductDetail", "Unit (SUNAT)"), row.unit_code),
            (translate("ProductDetail", "List price"), money_text(row.unit_price)),
            (translate("ProductDetail", "Weight of one unit"), f"{weight} kg" if weight else ""),
            (translate("ProductDetail", "Trade"), row.trade_name or ""),
            (translate("ProductDetail", "Active"), yes_no(row.active)),
        ]
    )
    return "".join([h.STYLE, h.heading(2, row.name), info])
