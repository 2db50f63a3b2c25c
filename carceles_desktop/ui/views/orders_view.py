"""The Pedidos area: clients' orders, what was made and delivered of each, and the form."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from carceles_desktop.domain.enums import OrderState
from carceles_desktop.services import orders
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.order_queries import OrderDetail, OrderRow
from carceles_desktop.services.permissions import Action, allowed
from carceles_desktop.ui.commerce_labels import commerce_label, money_text, quantity_text
from carceles_desktop.ui.dialogs.order_dialog import OrderDialog
from carceles_desktop.ui.labels import date_text
from carceles_desktop.ui.models.commerce_tables import orders_model
from carceles_desktop.ui.views import html_parts as h
from carceles_desktop.ui.views.commerce_list_view import CommerceListView

translate = QCoreApplication.translate


class OrdersView(CommerceListView):
    """Search orders, filter them by state, open their form."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        self._ctx = ctx
        super().__init__(
            orders_model(ctx),
            self._detail_for,
            settings_key="orders_view",
            empty_detail=translate("OrdersView", "Select an order to see its lines."),
            filter_caption=translate("OrdersView", "State:"),
            filters=[(commerce_label(state), state) for state in OrderState],
            may_create=allowed(ctx.actor, Action.EDIT_CLIENTS),
            parent=parent,
        )
        self.search.setPlaceholderText(translate("OrdersView", "Search by number or client"))
        self.new_button.setText(translate("OrdersView", "New order…"))

    def _detail_for(self, row: OrderRow) -> str:
        with self._ctx.reading() as uow:
            detail = orders.get_order(uow, self._ctx.actor, row.id)
        return order_html(detail)

    def new_record(self) -> None:
        """Record a new order."""
        dialog = OrderDialog(self._ctx, None, self)
        self.run_form(dialog)
        if dialog.changed:
            self.refresh_after(dialog.order_id)

    def open_record(self, row: Any) -> None:
        """Open an order's form."""
        dialog = OrderDialog(self._ctx, row.id, self)
        self.run_form(dialog)
        if dialog.changed:
            self.refresh_after(row.id)


def order_html(detail: OrderDetail) -> str:
    """An order with its lines' figures as HTML for the detail panel."""
    state = commerce_label(detail.state)
    if detail.is_overdue(date.today()):
        state += " — " + translate("OrderDetail", "overdue")
    info = h.fields(
        [
            (
                translate("OrderDetail", "Client"),
                f"{detail.partner_name} ({detail.partner_id_number})",
            ),
            (translate("OrderDetail", "State"), state),
            (translate("OrderDetail", "Ordered on"), date_text(detail.ordered_on)),
            (translate("OrderDetail", "Due on"), date_text(detail.due_on)),
            (translate("OrderDetail", "Agreement"), detail.agreement_number or ""),
            (translate("OrderDetail", "Total"), money_text(detail.total)),
        ]
    )
    lines = h.table(
        [
            translate("OrderDetail", "Product"),
            translate("OrderDetail", "Ordered"),
            translate("OrderDetail", "Produced"),
            translate("OrderDetail", "Delivered"),
            translate("OrderDetail", "Pending"),
        ],
        (
            [
                f"{line.product_name} ({line.product_code})",
                f"{quantity_text(line.quantity)} {line.unit_code}",
                quantity_text(line.produced),
                quantity_text(line.delivered),
                quantity_text(line.pending),
            ]
            for line in detail.lines
        ),
        nowrap=(1, 2, 3, 4),
    )
    parts = [
        h.STYLE,
        h.heading(2, detail.number),
        info,
        h.heading(3, translate("OrderDetail", "Lines")),
    ]
    parts.append(lines)
    if detail.notes:
        parts.append(f"<p>{h.esc(detail.notes)}</p>")
    return "".join(parts)
