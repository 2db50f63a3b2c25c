"""The Entregas area: delivery notes, the selected note, its form, and printing (Ctrl+P)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QWidget

from carceles_desktop.domain.enums import DeliveryState, TransportMode
from carceles_desktop.services import delivery_queries
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.delivery_queries import DeliveryDetail, DeliveryRow
from carceles_desktop.services.permissions import Action, allowed
from carceles_desktop.ui.commerce_labels import commerce_label, document_text, quantity_text
from carceles_desktop.ui.dialogs import delivery_actions
from carceles_desktop.ui.dialogs.delivery_dialog import DeliveryDialog
from carceles_desktop.ui.labels import date_text
from carceles_desktop.ui.models.commerce_tables import deliveries_model
from carceles_desktop.ui.views import html_parts as h
from carceles_desktop.ui.views.commerce_list_view import CommerceListView

translate = QCoreApplication.translate


class DeliveriesView(CommerceListView):
    """Search the notes, filter them by state, open their form, print them."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        self._ctx = ctx
        super().__init__(
            deliveries_model(ctx),
            self._detail_for,
            settings_key="deliveries_view",
            empty_detail=translate("DeliveriesView", "Select a delivery note to see it."),
            filter_caption=translate("DeliveriesView", "State:"),
            filters=[(commerce_label(state), state) for state in DeliveryState],
            may_create=allowed(ctx.actor, Action.ISSUE_DELIVERIES),
            parent=parent,
        )
        self.search.setPlaceholderText(translate("DeliveriesView", "Search by number or client"))
        self.new_button.setText(translate("DeliveriesView", "New note…"))
        self.print_button = QPushButton(translate("DeliveriesView", "Print…"))
        self.print_button.setToolTip(translate("DeliveriesView", "Preview, print or save (Ctrl+P)"))
        self.print_button.setEnabled(False)
        self.print_button.setVisible(allowed(ctx.actor, Action.PRINT_REPORTS))
        self.bar.insertWidget(2, self.print_button)
        self.print_button.clicked.connect(self.print_selected)
        printing = QAction(self)
        printing.setShortcut(QKeySequence.StandardKey.Print)
        printing.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        printing.triggered.connect(self.print_selected)
        self.addAction(printing)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.print_button.setEnabled(self.selected_row() is not None)
        )

    def _detail_for(self, row: DeliveryRow) -> str:
        with self._ctx.reading() as uow:
            detail = delivery_queries.get_delivery(uow, self._ctx.actor, row.id)
        return delivery_html(detail)

    def new_record(self) -> None:
        """Prepare a new note (a draft)."""
        dialog = DeliveryDialog(self._ctx, None, self)
        self.run_form(dialog)
        if dialog.changed:
            self.refresh_after(dialog.delivery_id)

    def open_record(self, row: Any) -> None:
        """Open a note's form."""
        dialog = DeliveryDialog(self._ctx, row.id, self)
        self.run_form(dialog)
        if dialog.changed:
            self.refresh_after(dialog.delivery_id)

    def print_selected(self) -> None:
        """Ctrl+P: print the selected note (counted; a second print says COPIA)."""
        row = self.selected_row()
        if row is None or not self.print_button.isVisible():
            return
        if delivery_actions.print_note(self._ctx, self, row.id):
            self.refresh_after(row.id)


def _transport(detail: DeliveryDetail) -> str:
    if detail.transport_mode is TransportMode.PUBLIC:
        return (
            f"{commerce_label(detail.transport_mode)}: {detail.carrier_name} ({detail.carrier_ruc})"
        )
    return translate("DeliveryDetail", "{mode}: plate {plate}, driver {driver}").format(
        mode=commerce_label(detail.transport_mode),
        plate=detail.vehicle_plate,
        driver=detail.driver_name,
    )


def _note_fields(detail: DeliveryDetail) -> str:
    """The note's heading fields."""
    document = document_text(detail.partner_id_type, detail.partner_id_number)
    return h.fields(
        [
            (translate("DeliveryDetail", "State"), commerce_label(detail.state)),
            (translate("DeliveryDetail", "Issue date"), date_text(detail.issue_date)),
            (translate("DeliveryDetail", "Transfer starts"), date_text(detail.transfer_start_date)),
            (translate("DeliveryDetail", "Client"), f"{detail.partner_name} ({document})"),
            (translate("DeliveryDetail", "Order"), detail.order_number or ""),
            (translate("DeliveryDetail", "Agreement"), detail.agreement_number or ""),
            (
                translate("DeliveryDetail", "From"),
                f"{detail.departure_address} ({detail.departure_ubigeo})",
            ),
            (
                translate("DeliveryDetail", "To"),
                f"{detail.arrival_address} ({detail.arrival_ubigeo})",
            ),
            (translate("DeliveryDetail", "Transport"), _transport(detail)),
            (
                translate("DeliveryDetail", "Gross weight"),
                f"{quantity_text(detail.gross_weight_kg)} kg",
            ),
            (translate("DeliveryDetail", "Packages"), str(detail.packages)),
            (translate("DeliveryDetail", "Printed"), str(detail.print_count)),
        ]
    )


def delivery_html(detail: DeliveryDetail) -> str:
    """A note as HTML for the detail panel."""
    number = detail.number or translate("DeliveryDetail", "Draft (no number yet)")
    parts = [
        h.STYLE,
        h.heading(2, number),
        _note_fields(detail),
        h.heading(3, translate("DeliveryDetail", "Goods")),
    ]
    parts.append(
        h.table(
            [
                translate("DeliveryDetail", "Batch"),
                translate("DeliveryDetail", "Description"),
                translate("DeliveryDetail", "Quantity"),
            ],
            (
                [
                    line.batch_code,
                    line.description,
                    f"{quantity_text(line.quantity)} {line.unit_code}",
                ]
                for line in detail.lines
            ),
            nowrap=(0, 2),
        )
    )
    if detail.received_on is not None:
        received = translate("DeliveryDetail", "Received on {day} by {name} ({doc}).").format(
            day=date_text(detail.received_on),
            name=detail.received_by_name,
            doc=detail.received_by_doc,
        )
        parts.append(f"<p>{h.esc(received)}</p>")
    if detail.state is DeliveryState.ANULADA:
        annulled = translate("DeliveryDetail", "Annulled on {day}: {reason}").format(
            day=date_text(detail.annulled_on), reason=detail.annul_reason
        )
        parts.append(f"<p style='color: #b00020'>{h.esc(annulled)}</p>")
    if detail.observations:
        parts.append(f"<p>{h.esc(detail.observations)}</p>")
    return "".join(parts)
