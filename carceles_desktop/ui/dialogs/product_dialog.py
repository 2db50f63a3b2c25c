"""The product form (Productos): code, name, SUNAT unit, price, trade, unit weight."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.domain.enums import CatalogueKind
from carceles_desktop.errors import AppError
from carceles_desktop.services import catalogues, products
from carceles_desktop.services.catalogues import CodeRow, TradeRow
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.permissions import Action, allowed
from carceles_desktop.services.products import ProductInput, ProductRow
from carceles_desktop.ui.commerce_labels import plain_number
from carceles_desktop.ui.dialogs.form_errors import FieldErrors
from carceles_desktop.ui.dialogs.form_parts import number_edit, text_edit

translate = QCoreApplication.translate


class ProductDialog(QDialog):
    """The form of one product; ``product_id`` None registers a new one.

    Attributes:
        product_id: the product's key once saved.
        changed: something was saved.
        errors: the message lines.
    """

    def __init__(
        self, ctx: ServiceContext, product_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.product_id = product_id
        self.changed = False
        self.errors = FieldErrors()
        with ctx.reading() as uow:
            units = catalogues.catalogue_codes(uow, CatalogueKind.SUNAT_UNIT)
            trades = catalogues.list_trades(uow)
            stored = products.get_product(uow, ctx.actor, product_id) if product_id else None
        self.setWindowTitle(
            translate("ProductForm", "New product")
            if stored is None
            else translate("ProductForm", "Product {code}").format(code=stored.code)
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(
            allowed(ctx.actor, Action.EDIT_CLIENTS)
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form(units, trades))
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        if stored is not None:
            self._load(stored)
        self.setMinimumWidth(520)

    def _form(self, units: list[CodeRow], trades: list[TradeRow]) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        add = self.errors.add_row
        self.code = text_edit(max_length=30)
        self.code.setPlaceholderText("SILLA-01")
        add(form, "code", translate("ProductForm", "Code:"), self.code)
        self.name = text_edit(max_length=160)
        add(form, "name", translate("ProductForm", "Name (as printed):"), self.name)
        self.unit = QComboBox()
        for unit in units:
            self.unit.addItem(f"{unit.code} — {unit.name}", unit.code)
        self.unit.setCurrentIndex(max(self.unit.findData("NIU"), 0))
        add(form, "unit_code", translate("ProductForm", "Unit (SUNAT):"), self.unit)
        self.price = number_edit()
        add(form, "unit_price", translate("ProductForm", "List price (S/):"), self.price)
        self.trade = QComboBox()
        self.trade.addItem(translate("ProductForm", "(any trade)"), None)
        for trade in trades:
            self.trade.addItem(trade.name, trade.id)
        add(form, "trade", translate("ProductForm", "Trade:"), self.trade)
        self.weight = number_edit()
        self.weight.setPlaceholderText(translate("ProductForm", "unknown"))
        add(
            form,
            "unit_weight_kg",
            translate("ProductForm", "Weight of one unit (kg):"),
            self.weight,
        )
        self.active = QCheckBox(translate("ProductForm", "Offered in the forms (not retired)"))
        self.active.setChecked(True)
        add(form, "active", translate("ProductForm", "Active:"), self.active)
        return form

    def _load(self, row: ProductRow) -> None:
        self.code.setText(row.code)
        self.name.setText(row.name)
        if self.unit.findData(row.unit_code) < 0:
            self.unit.addItem(row.unit_code, row.unit_code)
        self.unit.setCurrentIndex(self.unit.findData(row.unit_code))
        self.price.setText(plain_number(row.unit_price, 2))
        self.trade.setCurrentIndex(max(self.trade.findData(row.trade_id), 0) if row.trade_id else 0)
        self.weight.setText(plain_number(row.unit_weight_kg, 3))
        self.active.setChecked(row.active)

    def product_input(self) -> ProductInput:
        """The form as the service takes it."""
        return ProductInput(
            code=self.code.text(),
            name=self.name.text(),
            unit_code=str(self.unit.currentData() or ""),
            unit_price=self.price.text(),
            trade_id=self.trade.currentData(),
            unit_weight_kg=self.weight.text() or None,
        )

    def save(self) -> None:
        """Register or change the product (retire or reactivate it), then close."""
        self.errors.clear()
        actor = self._ctx.actor
        try:
            with self._ctx.writing() as uow:
                if self.product_id is None:
                    saved = products.create_product(uow, actor, self.product_input())
                else:
                    saved = products.update_product(
                        uow, actor, self.product_id, self.product_input()
                    )
                if saved.active != self.active.isChecked():
                    products.set_product_active(uow, actor, saved.id, self.active.isChecked())
                uow.commit()
        except AppError as exc:
            self.errors.show(exc)
            return
        self.product_id = saved.id
        self.changed = True
        self.accept()
