"""The order form (Pedidos): a client's lines, and what was made and delivered of each.

Beside each line's product, quantity and price the form shows, read from the service:
units in production (open batches), produced (accepted units of finished batches),
delivered (issued or received notes) and still pending.  A line that has batches or
deliveries keeps its product; "Annul…" ends an order with no delivery notes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.domain.enums import OrderState
from carceles_desktop.errors import AppError
from carceles_desktop.services import agreements, catalogues, orders, partners, products
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.order_queries import OrderDetail
from carceles_desktop.services.orders import OrderInput, OrderLineInput
from carceles_desktop.services.permissions import Action, allowed
from carceles_desktop.services.settings import get_settings
from carceles_desktop.ui.commerce_labels import (
    commerce_label,
    money_text,
    plain_number,
    quantity_text,
)
from carceles_desktop.ui.dialogs.batch_parts import reason_field
from carceles_desktop.ui.dialogs.form_errors import FieldErrors
from carceles_desktop.ui.dialogs.form_parts import (
    OptionalDateEdit,
    SearchCombo,
    amount_text,
    date_edit,
    number_edit,
    pydate,
    qdate,
    set_input_editable,
)
from carceles_desktop.ui.dialogs.lines_editor import LineColumn, LinesEditor
from carceles_desktop.ui.dialogs.small_form import SmallForm

translate = QCoreApplication.translate

_FIGURES = ("in_production", "produced", "delivered", "pending")


def _figure() -> QLabel:
    label = QLabel()
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    label.setContentsMargins(4, 0, 6, 0)
    return label


class OrderLinesEditor(LinesEditor):
    """Order lines: product, quantity, unit price, amount and the line's figures."""

    def __init__(self, choices: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        self._choices = choices
        super().__init__(
            [
                LineColumn("product", translate("OrderForm", "Product"), self._picker),
                LineColumn("quantity", translate("OrderForm", "Quantity"), number_edit, 9),
                LineColumn("unit_price", translate("OrderForm", "Unit price"), number_edit, 10),
                LineColumn("amount", translate("OrderForm", "Amount"), _figure, 11),
                LineColumn("in_production", translate("OrderForm", "In production"), _figure, 10),
                LineColumn("produced", translate("OrderForm", "Produced"), _figure, 9),
                LineColumn("delivered", translate("OrderForm", "Delivered"), _figure, 9),
                LineColumn("pending", translate("OrderForm", "Pending"), _figure, 9),
            ],
            prefix="lines",
            add_text=translate("OrderForm", "Add line"),
            parent=parent,
        )

    def _picker(self) -> QComboBox:
        combo = QComboBox()
        for product_id, text in self._choices:
            combo.addItem(text, product_id)
        combo.setCurrentIndex(-1)
        return combo

    def add_row(self, **extra: object) -> int:
        """Append a line whose amount follows its quantity and price."""
        row = super().add_row(**extra)
        for name in ("quantity", "unit_price"):
            edit = self.cell(row, name)
            edit.textChanged.connect(lambda _t, e=edit: self._amount(self.row_of(e)))
        return row

    def _amount(self, row: int) -> None:
        if row >= 0:
            quantity, price = self.cell(row, "quantity").text(), self.cell(row, "unit_price").text()
            self.cell(row, "amount").setText(amount_text(quantity, price))

    def load(self, detail: OrderDetail) -> None:
        """Show the order's lines with their figures."""
        self.clear()
        for line in detail.lines:
            row = self.add_row(line_id=line.id)
            combo: QComboBox = self.cell(row, "product")
            if combo.findData(line.product_id) < 0:
                combo.addItem(f"{line.product_name} ({line.product_code})", line.product_id)
            combo.setCurrentIndex(combo.findData(line.product_id))
            self.cell(row, "quantity").setText(plain_number(line.quantity, 3))
            self.cell(row, "unit_price").setText(plain_number(line.unit_price, 2))
            for name in _FIGURES:
                self.cell(row, name).setText(quantity_text(getattr(line, name)))
        self.clear_errors()

    def field_rows(self) -> list[int]:
        """The rows sent to the service (those with a product)."""
        return [
            r for r in range(self.row_count()) if self.cell(r, "product").currentData() is not None
        ]

    def inputs(self) -> list[OrderLineInput]:
        """The lines as the service takes them (an empty price takes the list price)."""
        return [
            OrderLineInput(
                product_id=int(self.cell(r, "product").currentData()),
                quantity=self.cell(r, "quantity").text(),
                unit_price=self.cell(r, "unit_price").text() or None,
                line_id=self.extra[r].get("line_id"),
            )
            for r in self.field_rows()
        ]


class OrderDialog(QDialog):
    """The form of one order; ``order_id`` None records a new one.

    Attributes:
        order_id: the order's key once saved.
        detail: the order as last read or saved.
        changed: something was saved.
        errors: the header's message lines.
        lines: the order's lines.
    """

    def __init__(
        self, ctx: ServiceContext, order_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.order_id = order_id
        self.detail: OrderDetail | None = None
        self.changed = False
        self.errors = FieldErrors()
        with ctx.reading() as uow:
            self._partners = partners.search_partners(uow, ctx.actor, limit=1000)
            items = products.search_products(uow, ctx.actor, limit=1000)
            self._places = catalogues.list_establishments(uow)
            self._home = get_settings(uow).establishment_code
        self.lines = OrderLinesEditor(
            [(p.id, f"{p.name} ({p.code}, {p.unit_code})") for p in items]
        )
        self._build()
        self.resize(1100, 640)
        if order_id is not None:
            self._read()
        else:
            self._show_state()

    def _build(self) -> None:
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        add = self.errors.add_row
        self.client = SearchCombo()
        self.client.set_items([(p.id, f"{p.name} — {p.id_number}") for p in self._partners])
        add(form, "partner", translate("OrderForm", "Client:"), self.client)
        self.establishment = QComboBox()
        for place in self._places:
            self.establishment.addItem(f"{place.name} ({place.code})", place.id)
        home = next((p.id for p in self._places if p.code == self._home), None)
        self.establishment.setCurrentIndex(max(self.establishment.findData(home), 0))
        if self._ctx.actor.establishment_id is None:
            add(form, "establishment", translate("OrderForm", "Establishment:"), self.establishment)
        self.ordered_on = date_edit()
        add(form, "ordered_on", translate("OrderForm", "Ordered on:"), self.ordered_on)
        self.due_on = OptionalDateEdit()
        add(form, "due_on", translate("OrderForm", "Due on:"), self.due_on)
        self.agreement = QComboBox()
        add(form, "agreement", translate("OrderForm", "Agreement:"), self.agreement)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(56)
        add(form, "notes", translate("OrderForm", "Notes:"), self.notes)
        self.total = QLabel()
        self.save_button = QPushButton(translate("OrderForm", "Save"))
        self.annul_button = QPushButton(translate("OrderForm", "Annul order…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.annul_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.annul_button.clicked.connect(self.annul)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.total)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self.client.currentIndexChanged.connect(lambda _i: self._fill_agreements(None))
        self._fill_agreements(None)

    def _fill_agreements(self, keep: int | None) -> None:
        self.agreement.clear()
        self.agreement.addItem(translate("OrderForm", "(none)"), None)
        partner_id = self.client.key()
        if partner_id is not None:
            with self._ctx.reading() as uow:
                pacts = agreements.list_agreements(uow, self._ctx.actor, partner_id=partner_id)
            for pact in pacts:
                self.agreement.addItem(f"{pact.number} — {pact.workshop_code}", pact.id)
        self.agreement.setCurrentIndex(max(self.agreement.findData(keep), 0) if keep else 0)

    # ------------------------------------------------------------------ reading

    def _read(self) -> None:
        assert self.order_id is not None  # only stored orders are read
        with self._ctx.reading() as uow:
            self.detail = orders.get_order(uow, self._ctx.actor, self.order_id)
        detail = self.detail
        if not self.client.set_key(detail.partner_id):
            self.client.add_item(
                detail.partner_id, f"{detail.partner_name} — {detail.partner_id_number}"
            )
            self.client.set_key(detail.partner_id)
        self._fill_agreements(detail.agreement_id)
        self.establishment.setCurrentIndex(
            max(self.establishment.findData(detail.establishment_id), 0)
        )
        self.ordered_on.setDate(qdate(detail.ordered_on))
        self.due_on.set_value(detail.due_on)
        self.notes.setPlainText(detail.notes or "")
        self.lines.load(detail)
        self._show_state()

    def _show_state(self) -> None:
        detail = self.detail
        if detail is None:
            self.title.setText(translate("OrderForm", "New order"))
            self.total.setText("")
        else:
            self.title.setText(
                translate("OrderForm", "Order {number} — {state}").format(
                    number=detail.number, state=commerce_label(detail.state)
                )
            )
            self.total.setText(
                translate("OrderForm", "Total: {amount}").format(amount=money_text(detail.total))
            )
        closed = detail is not None and detail.state in (OrderState.ANULADO, OrderState.ENTREGADO)
        editable = allowed(self._ctx.actor, Action.EDIT_CLIENTS) and not closed
        inputs: tuple[QWidget, ...] = (self.client, self.ordered_on, self.due_on, self.agreement)
        for widget in (*inputs, self.notes):
            set_input_editable(widget, editable)
        self.save_button.setEnabled(editable)
        self.establishment.setEnabled(editable and detail is None)
        self.lines.set_editable(editable)
        self.annul_button.setEnabled(editable and detail is not None)

    # ------------------------------------------------------------------ saving

    def order_input(self) -> OrderInput | None:
        """The form as the service takes it; None (with a message) without a client."""
        partner_id = self.client.key()
        if partner_id is None:
            self.errors.show(translate("OrderForm", "Choose the client from the list."), "partner")
            return None
        return OrderInput(
            partner_id=partner_id,
            ordered_on=pydate(self.ordered_on.date()),
            lines=self.lines.inputs(),
            due_on=self.due_on.value(),
            agreement_id=self.agreement.currentData(),
            notes=self.notes.toPlainText(),
            establishment_id=self.establishment.currentData()
            if self._ctx.actor.establishment_id is None
            else None,
        )

    def save(self) -> bool:
        """Record or change the order in one transaction; on a refusal show why."""
        self.errors.clear()
        self.lines.clear_errors()
        data = self.order_input()
        if data is None:
            return False
        try:
            with self._ctx.writing() as uow:
                if self.order_id is None:
                    saved = orders.create_order(uow, self._ctx.actor, data)
                else:
                    saved = orders.update_order(uow, self._ctx.actor, self.order_id, data)
                uow.commit()
        except AppError as exc:
            if not self.lines.show_error(exc, self.lines.field_rows()):
                self.errors.show(exc)
            return False
        self.order_id = saved.id
        self.changed = True
        self._read()
        return True

    def annul(self) -> None:
        """Annul the order with a reason (final; its batches stay, free for others)."""
        order_id = self.order_id
        if order_id is None:
            return

        def submit(values: dict[str, object]) -> OrderDetail:
            with self._ctx.writing() as uow:
                done = orders.cancel_order(
                    uow, self._ctx.actor, order_id, reason=str(values["reason"])
                )
                uow.commit()
            return done

        intro = translate(
            "OrderForm",
            "An annulled order stays in the records but can no longer change or be "
            "delivered. Its batches stay, free for other clients. This cannot be undone.",
        )
        title = translate("OrderForm", "Annul the order")
        fields = [reason_field()]
        if SmallForm.ask(self, title, intro, fields, submit, action_text=title) is not None:
            self.changed = True
            self._read()
