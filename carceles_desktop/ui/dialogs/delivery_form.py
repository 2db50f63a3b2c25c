"""The fields of a delivery note, as :class:`DeliveryDialog` shows them.

Two columns (recipient and transfer; addresses and transport), the goods underneath,
then weight, packages and observations.  Choosing the client fills the arrival address
with his (unless one was typed) and lists his orders and agreements; choosing an order
offers only the batches that may go on it.  Only the chosen transport mode's fields
show.  Each input is registered under the service's field name.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.domain.enums import CatalogueKind, OrderState, TransportMode
from carceles_desktop.errors import AppError
from carceles_desktop.services import (
    agreements,
    catalogues,
    order_queries,
    partners,
    production_queries,
    products,
)
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.delivery_drafts import DeliveryInput
from carceles_desktop.services.delivery_queries import DeliveryDetail
from carceles_desktop.ui.commerce_labels import commerce_label, plain_number, quantity_text
from carceles_desktop.ui.dialogs.delivery_lines import DeliveryLinesEditor
from carceles_desktop.ui.dialogs.form_errors import ERROR_STYLE, FieldErrors
from carceles_desktop.ui.dialogs.form_parts import (
    SearchCombo,
    date_edit,
    number_edit,
    pydate,
    qdate,
    set_input_editable,
    text_edit,
)

translate = QCoreApplication.translate

OBSERVATIONS_WIDTH = 250
_PUBLIC_FIELDS = ("carrier_ruc", "carrier_name")
_PRIVATE_FIELDS = ("vehicle_plate", "driver_name", "driver_licence")


class DeliveryForm(QWidget):
    """The note's inputs, lines and messages.

    Attributes:
        errors: the message lines of the fields.
        lines: the goods.
    """

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._auto_arrival = ("", "")
        with ctx.reading() as uow:
            self._partners = {p.id: p for p in partners.search_partners(uow, ctx.actor, limit=1000)}
            reasons = catalogues.catalogue_codes(uow, CatalogueKind.SUNAT_TRANSFER_REASON)
            weights = {
                p.id: p.unit_weight_kg
                for p in products.search_products(uow, ctx.actor, include_inactive=True, limit=1000)
            }
        self.errors = FieldErrors()
        self.lines = DeliveryLinesEditor(weights)
        self._inputs: dict[str, QWidget] = {}
        self._build(reasons)
        self._on_client()
        self._on_transport()
        self._on_observations()

    # ------------------------------------------------------------------ building

    def _row(self, form: QFormLayout, name: str, caption: str, widget: QWidget) -> None:
        self.errors.add_row(form, name, caption, widget)
        self._inputs[name] = widget

    def _build(self, reasons: list[Any]) -> None:
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        columns = QHBoxLayout()
        columns.addWidget(self._recipient_box(reasons), 1)
        columns.addWidget(self._transport_box(), 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.banner)
        layout.addLayout(columns)
        layout.addWidget(self._goods_box(), 1)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.status)

    def _recipient_box(self, reasons: list[Any]) -> QGroupBox:
        box = QGroupBox(translate("DeliveryForm", "Recipient and transfer"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.client = SearchCombo()
        self.client.set_items(
            [(p.id, f"{p.name} — {p.id_number}") for p in self._partners.values()]
        )
        self._row(form, "partner", translate("DeliveryForm", "Client:"), self.client)
        self.reason = QComboBox()
        for code in reasons:
            self.reason.addItem(f"{code.code} — {code.name}", code.code)
        self._row(form, "transfer_reason_code", translate("DeliveryForm", "Reason:"), self.reason)
        self.issue_date = date_edit()
        self._row(form, "issue_date", translate("DeliveryForm", "Issue date:"), self.issue_date)
        self.transfer_start = date_edit()
        self._row(
            form,
            "transfer_start_date",
            translate("DeliveryForm", "Transfer starts:"),
            self.transfer_start,
        )
        self.order = QComboBox()
        self._row(form, "order", translate("DeliveryForm", "Order:"), self.order)
        self.agreement = QComboBox()
        self._row(form, "agreement", translate("DeliveryForm", "Agreement:"), self.agreement)
        self.dispatched_by = text_edit(max_length=120)
        self._row(
            form, "dispatched_by", translate("DeliveryForm", "Dispatched by:"), self.dispatched_by
        )
        self.client.currentIndexChanged.connect(self._on_client)
        self.order.currentIndexChanged.connect(self._fill_batches)
        return box

    def _text_row(
        self, form: QFormLayout, name: str, caption: str, width: int, placeholder: str = ""
    ) -> QLineEdit:
        edit = text_edit(max_length=width)
        edit.setPlaceholderText(placeholder)
        self._row(form, name, caption, edit)
        return edit

    def _transport_box(self) -> QGroupBox:
        box = QGroupBox(translate("DeliveryForm", "Addresses and transport"))
        form = QFormLayout(box)
        self._transport_form = form
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        row = self._text_row
        self.departure_address = row(
            form,
            "departure_address",
            translate("DeliveryForm", "Departure:"),
            200,
            translate("DeliveryForm", "Empty: the establishment's address"),
        )
        self.departure_ubigeo = row(
            form,
            "departure_ubigeo",
            translate("DeliveryForm", "Its ubigeo:"),
            6,
            translate("DeliveryForm", "Empty: the establishment's"),
        )
        self.arrival_address = row(
            form,
            "arrival_address",
            translate("DeliveryForm", "Arrival:"),
            200,
            translate("DeliveryForm", "Empty: the client's address"),
        )
        self.arrival_ubigeo = row(
            form,
            "arrival_ubigeo",
            translate("DeliveryForm", "Its ubigeo:"),
            6,
            translate("DeliveryForm", "Empty: the client's"),
        )
        self.transport = QComboBox()
        for mode in (TransportMode.PRIVATE, TransportMode.PUBLIC):
            self.transport.addItem(commerce_label(mode), mode)
        self._row(form, "transport_mode", translate("DeliveryForm", "Transport:"), self.transport)
        self.carrier_ruc = row(form, "carrier_ruc", translate("DeliveryForm", "Carrier's RUC:"), 11)
        self.carrier_name = row(form, "carrier_name", translate("DeliveryForm", "Carrier:"), 160)
        self.vehicle_plate = row(
            form, "vehicle_plate", translate("DeliveryForm", "Vehicle plate:"), 10, "ABC-123"
        )
        self.driver_name = row(form, "driver_name", translate("DeliveryForm", "Driver:"), 120)
        self.driver_licence = row(
            form, "driver_licence", translate("DeliveryForm", "Driver's licence:"), 20
        )
        self.transport.currentIndexChanged.connect(self._on_transport)
        return box

    def _goods_box(self) -> QGroupBox:
        box = QGroupBox(translate("DeliveryForm", "Goods (from finished batches with units left)"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.lines, 1)
        lower = QHBoxLayout()
        left, right = QFormLayout(), QFormLayout()
        self.weight = number_edit(width=20)
        self._row(
            left, "gross_weight_kg", translate("DeliveryForm", "Gross weight (kg):"), self.weight
        )
        self.packages = QSpinBox()
        self.packages.setRange(0, 100_000)
        self.packages.setValue(1)
        self.packages.setMaximumWidth(self.weight.maximumWidth())
        self.packages.setAlignment(Qt.AlignmentFlag.AlignRight)
        self._row(left, "packages", translate("DeliveryForm", "Packages:"), self.packages)
        self.observations = QPlainTextEdit()
        self.observations.setMaximumHeight(64)
        self.counter = QLabel()
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        holder = QWidget()
        stack = QVBoxLayout(holder)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setSpacing(0)
        stack.addWidget(self.observations)
        stack.addWidget(self.counter)
        self.errors.add_row(
            right,
            "observations",
            translate("DeliveryForm", "Observations:"),
            holder,
            field_input=self.observations,
        )
        self._inputs["observations"] = self.observations
        lower.addLayout(left, 2)
        lower.addLayout(right, 3)
        layout.addLayout(lower)
        self.lines.weightChanged.connect(self._on_weight)
        self.observations.textChanged.connect(self._on_observations)
        return box

    # ------------------------------------------------------------------ reactions

    def _on_client(self) -> None:
        """Arrival address, orders and agreements follow the chosen client."""
        partner = self._partners.get(self.client.key())
        address, ubigeo = (partner.address or "", partner.ubigeo or "") if partner else ("", "")
        typed = (self.arrival_address.text(), self.arrival_ubigeo.text())
        if typed in (("", ""), self._auto_arrival):
            self.arrival_address.setText(address)
            self.arrival_ubigeo.setText(ubigeo)
            self._auto_arrival = (address, ubigeo)
        self._fill_orders(partner.id if partner else None)

    def _fill_orders(
        self, partner_id: int | None, keep: tuple[int | None, int | None] = (None, None)
    ) -> None:
        self.order.blockSignals(True)
        self.order.clear()
        self.order.addItem(translate("DeliveryForm", "(no order)"), None)
        self.agreement.clear()
        self.agreement.addItem(translate("DeliveryForm", "(none; the order's, if any)"), None)
        if partner_id is not None:
            with self._ctx.reading() as uow:
                orders = order_queries.search_orders(
                    uow, self._ctx.actor, partner_id=partner_id, limit=200
                )
                pacts = agreements.list_agreements(uow, self._ctx.actor, partner_id=partner_id)
            for order in orders:
                alive = order.state not in (OrderState.ANULADO, OrderState.ENTREGADO)
                if alive or order.id == keep[0]:
                    self.order.addItem(f"{order.number} ({commerce_label(order.state)})", order.id)
            today = date.today()
            for pact in pacts:
                text = (
                    f"{pact.number} — {pact.workshop_code} ({commerce_label(pact.state_on(today))})"
                )
                self.agreement.addItem(text, pact.id)
        self.order.setCurrentIndex(max(self.order.findData(keep[0]), 0) if keep[0] else 0)
        self.agreement.setCurrentIndex(max(self.agreement.findData(keep[1]), 0) if keep[1] else 0)
        self.order.blockSignals(False)
        self._fill_batches()

    def _fill_batches(self) -> None:
        """Offer the batches that may go on this note (an order's own batches with it)."""
        with self._ctx.reading() as uow:
            batches = production_queries.deliverable_batches(
                uow, self._ctx.actor, order_id=self.order.currentData(), limit=1000
            )
        self.lines.set_batches(batches)

    def _on_transport(self) -> None:
        # Qt hands an enum back as its plain value ("01"): compare by value.
        public = self.transport.currentData() == TransportMode.PUBLIC
        for name in _PUBLIC_FIELDS + _PRIVATE_FIELDS:
            # The input sits in the holder FieldErrors made for its row (with its message).
            holder = self._inputs[name].parentWidget()
            assert holder is not None
            self._transport_form.setRowVisible(holder, public == (name in _PUBLIC_FIELDS))

    def _on_observations(self) -> None:
        used = len(self.observations.toPlainText())
        self.counter.setText(f"{used}/{OBSERVATIONS_WIDTH}")
        self.counter.setStyleSheet(ERROR_STYLE if used > OBSERVATIONS_WIDTH else "color: #555;")

    def _on_weight(self) -> None:
        computed = self.lines.computed_weight()
        self.weight.setPlaceholderText(
            ""
            if computed is None
            else translate("DeliveryForm", "{kg} (computed)").format(kg=quantity_text(computed))
        )

    # ------------------------------------------------------------------ values

    def load(self, detail: DeliveryDetail) -> None:
        """Show a stored note."""
        if not self.client.set_key(detail.partner_id):
            self.client.add_item(
                detail.partner_id, f"{detail.partner_name} — {detail.partner_id_number}"
            )
            self.client.set_key(detail.partner_id)
        self._fill_orders(detail.partner_id, (detail.order_id, detail.agreement_id))
        self.reason.setCurrentIndex(max(self.reason.findData(detail.transfer_reason_code), 0))
        self.issue_date.setDate(qdate(detail.issue_date))
        self.transfer_start.setDate(qdate(detail.transfer_start_date))
        self.dispatched_by.setText(detail.dispatched_by or "")
        self.departure_address.setText(detail.departure_address)
        self.departure_ubigeo.setText(detail.departure_ubigeo)
        self.arrival_address.setText(detail.arrival_address)
        self.arrival_ubigeo.setText(detail.arrival_ubigeo)
        self.transport.setCurrentIndex(self.transport.findData(detail.transport_mode))
        for name in _PUBLIC_FIELDS + _PRIVATE_FIELDS:
            widget = self._inputs[name]
            assert isinstance(widget, QLineEdit)  # the transport inputs are line edits
            widget.setText(getattr(detail, name) or "")
        self.lines.load(detail.lines)
        computed = self.lines.computed_weight()
        typed = detail.gross_weight_kg != computed
        self.weight.setText(plain_number(detail.gross_weight_kg, 3) if typed else "")
        self.packages.setValue(detail.packages)
        self.observations.setPlainText(detail.observations or "")

    def delivery_input(self) -> DeliveryInput | None:
        """The note as the service takes it; None (with a message) when no client is chosen."""
        partner_id = self.client.key()
        if partner_id is None:
            self.errors.show(
                translate("DeliveryForm", "Choose the client from the list."), "partner"
            )
            return None
        return DeliveryInput(
            partner_id=partner_id,
            issue_date=pydate(self.issue_date.date()),
            transfer_start_date=pydate(self.transfer_start.date()),
            lines=self.lines.inputs(),
            transfer_reason_code=self.reason.currentData() or "",
            departure_address=self.departure_address.text(),
            departure_ubigeo=self.departure_ubigeo.text(),
            arrival_address=self.arrival_address.text(),
            arrival_ubigeo=self.arrival_ubigeo.text(),
            transport_mode=self.transport.currentData(),
            carrier_ruc=self.carrier_ruc.text(),
            carrier_name=self.carrier_name.text(),
            vehicle_plate=self.vehicle_plate.text(),
            driver_name=self.driver_name.text(),
            driver_licence=self.driver_licence.text(),
            gross_weight_kg=self.weight.text() or None,
            packages=self.packages.value(),
            order_id=self.order.currentData(),
            agreement_id=self.agreement.currentData(),
            observations=self.observations.toPlainText(),
            dispatched_by=self.dispatched_by.text(),
        )

    # ------------------------------------------------------------------ messages and modes

    def show_error(self, error: AppError) -> None:
        """Show a refusal on its line's cell, under its field, or under the form."""
        if not self.lines.show_error(error, self.lines.field_rows()):
            self.errors.show(error)

    def clear_errors(self) -> None:
        """Hide every message."""
        self.errors.clear()
        self.lines.clear_errors()
        self.status.clear()

    def say(self, text: str) -> None:
        """A line of news under the form ("Draft saved.")."""
        self.status.setText(text)

    def show_banner(self, title: str, text: str) -> None:
        """The note's number and state, and what happened to it."""
        self.title.setText(title)
        self.banner.setText(text)

    def set_editable(self, editable: bool) -> None:
        """Let the user change the note (a draft) or only read it."""
        for widget in self._inputs.values():
            set_input_editable(widget, editable)
        self.lines.set_editable(editable)
