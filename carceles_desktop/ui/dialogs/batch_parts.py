"""The batch form's tabs (workers, materials) and its step forms (start, finish, annul).

Workers are picked among the trainees enrolled in the batch's workshop during its
period (``eligible_workers``); beside his hours, each shows what he attended over the
period, which his hours on all batches may not exceed.  Materials are free lines of
description, quantity, SUNAT unit and unit cost.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from carceles_desktop.domain.enums import OrderState
from carceles_desktop.services import order_queries
from carceles_desktop.services.batch_resources import MaterialInput, WorkerInput
from carceles_desktop.services.catalogues import CodeRow
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.production import QualityInput
from carceles_desktop.services.production_queries import (
    BatchDetail,
    EligibleWorker,
    MaterialRow,
    WorkerRow,
)
from carceles_desktop.ui.commerce_labels import plain_number, quantity_text
from carceles_desktop.ui.dialogs.form_parts import (
    SearchCombo,
    amount_text,
    date_edit,
    number_edit,
    text_edit,
)
from carceles_desktop.ui.dialogs.lines_editor import LineColumn, LinesEditor
from carceles_desktop.ui.dialogs.small_form import FormField
from carceles_desktop.ui.labels import hours_text

translate = QCoreApplication.translate


def _read_only_label() -> QLabel:
    label = QLabel()
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    label.setContentsMargins(4, 0, 6, 0)
    return label


# --------------------------------------------------------------------------- workers


class WorkersEditor(LinesEditor):
    """The Trabajadores tab: trainee (picked among the eligible), hours, hours attended."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._choices: list[tuple[int, str]] = []
        self._attended: dict[int, Decimal] = {}
        super().__init__(
            [
                LineColumn("enrolment", translate("BatchForm", "Trainee"), self._picker),
                LineColumn("hours", translate("BatchForm", "Hours"), number_edit, 9),
                LineColumn(
                    "attended",
                    translate("BatchForm", "Attended in the period"),
                    _read_only_label,
                    18,
                ),
            ],
            prefix="workers",
            add_text=translate("BatchForm", "Add worker"),
            parent=parent,
        )

    def _picker(self) -> QComboBox:
        combo = QComboBox()
        for enrolment_id, text in self._choices:
            combo.addItem(text, enrolment_id)
        combo.setCurrentIndex(-1)
        combo.currentIndexChanged.connect(lambda _i, c=combo: self._show_attended(c))
        return combo

    def _show_attended(self, combo: QComboBox) -> None:
        row = self.row_of(combo)
        if row >= 0:
            attended = self._attended.get(combo.currentData())
            self.cell(row, "attended").setText("" if attended is None else hours_text(attended))

    def load(self, eligible: Sequence[EligibleWorker], workers: Sequence[WorkerRow]) -> None:
        """Offer ``eligible`` and show the batch's workers (kept even if no longer eligible)."""
        self._choices = [(w.enrolment_id, f"{w.trainee_name} ({w.inmate_code})") for w in eligible]
        known = {w.enrolment_id for w in eligible}
        self._choices.extend(
            (w.enrolment_id, f"{w.trainee_name} ({w.inmate_code})")
            for w in workers
            if w.enrolment_id not in known
        )
        self._attended = {w.enrolment_id: w.attended_hours for w in workers}
        self.clear()
        for worker in workers:
            row = self.add_row()
            combo: QComboBox = self.cell(row, "enrolment")
            combo.setCurrentIndex(combo.findData(worker.enrolment_id))
            self.cell(row, "hours").setText(plain_number(worker.hours, 2))
        self.clear_errors()

    def inputs(self) -> list[WorkerInput]:
        """The workers as the service takes them (rows with no trainee chosen are left out)."""
        found = []
        for row in range(self.row_count()):
            enrolment = self.cell(row, "enrolment").currentData()
            if enrolment is not None:
                found.append(WorkerInput(int(enrolment), self.cell(row, "hours").text()))
        return found

    def field_rows(self) -> list[int]:
        """The table rows in the order :meth:`inputs` sends them (errors name that order)."""
        return [
            row
            for row in range(self.row_count())
            if self.cell(row, "enrolment").currentData() is not None
        ]


# --------------------------------------------------------------------------- materials


class MaterialsEditor(LinesEditor):
    """The Materiales tab: description, quantity, unit, unit cost, and the amount."""

    def __init__(self, units: Sequence[CodeRow], parent: QWidget | None = None) -> None:
        self._units = list(units)
        super().__init__(
            [
                LineColumn(
                    "description",
                    translate("BatchForm", "Material"),
                    lambda: text_edit(max_length=160),
                ),
                LineColumn("quantity", translate("BatchForm", "Quantity"), number_edit, 9),
                LineColumn("unit_code", translate("BatchForm", "Unit"), self._unit_box, 16),
                LineColumn("unit_cost", translate("BatchForm", "Unit cost (S/)"), number_edit, 11),
                LineColumn("amount", translate("BatchForm", "Amount"), _read_only_label, 11),
            ],
            prefix="materials",
            add_text=translate("BatchForm", "Add material"),
            parent=parent,
        )

    def _unit_box(self) -> QComboBox:
        combo = QComboBox()
        for unit in self._units:
            combo.addItem(f"{unit.code} — {unit.name}", unit.code)
        combo.setCurrentIndex(max(combo.findData("NIU"), 0))
        return combo

    def add_row(self, **extra: object) -> int:
        """Append a row whose amount follows its quantity and cost."""
        row = super().add_row(**extra)
        for name in ("quantity", "unit_cost"):
            edit: QLineEdit = self.cell(row, name)
            edit.textChanged.connect(lambda _t, e=edit: self._amount(self.row_of(e)))
        return row

    def _amount(self, row: int) -> None:
        if row >= 0:
            quantity, cost = self.cell(row, "quantity").text(), self.cell(row, "unit_cost").text()
            self.cell(row, "amount").setText(amount_text(quantity, cost))

    def load(self, materials: Sequence[MaterialRow]) -> None:
        """Show the batch's materials."""
        self.clear()
        for material in materials:
            row = self.add_row()
            self.cell(row, "description").setText(material.description)
            self.cell(row, "quantity").setText(plain_number(material.quantity, 3))
            unit: QComboBox = self.cell(row, "unit_code")
            if unit.findData(material.unit_code) < 0:
                unit.addItem(material.unit_code, material.unit_code)
            unit.setCurrentIndex(unit.findData(material.unit_code))
            self.cell(row, "unit_cost").setText(plain_number(material.unit_cost, 2))
        self.clear_errors()

    def inputs(self) -> list[MaterialInput]:
        """The materials as the service takes them (wholly empty rows are left out)."""
        return [
            MaterialInput(
                description=self.cell(row, "description").text(),
                quantity=self.cell(row, "quantity").text(),
                unit_code=str(self.cell(row, "unit_code").currentData() or ""),
                unit_cost=self.cell(row, "unit_cost").text(),
            )
            for row in self.field_rows()
        ]

    def field_rows(self) -> list[int]:
        """The table rows in the order :meth:`inputs` sends them."""
        return [
            row
            for row in range(self.row_count())
            if any(
                self.cell(row, n).text().strip() for n in ("description", "quantity", "unit_cost")
            )
        ]


# --------------------------------------------------------------------------- order line

_ORDER_STATES = (OrderState.ABIERTO, OrderState.EN_PRODUCCION, OrderState.ENTREGADO_PARCIAL)


class OrderLinePicker(QWidget):
    """The order a batch is made for (any still open), and its line of the batch's product.

    Attributes:
        order: the order, searched by number or client (key 0: no order).
        line: the chosen order's lines of the product.
    """

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._product_id: int | None = None
        with ctx.reading() as uow:
            open_orders = [
                order
                for state in _ORDER_STATES
                for order in order_queries.search_orders(uow, ctx.actor, state=state, limit=300)
            ]
        self.order = SearchCombo()
        self.order.set_items(
            [(0, translate("BatchForm", "(no order)"))]
            + [(o.id, f"{o.number} — {o.partner_name}") for o in open_orders]
        )
        self.order.set_key(0)
        self.line = QComboBox()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.order, 2)
        row.addWidget(self.line, 3)
        self.order.currentIndexChanged.connect(lambda _i: self._fill())
        self._fill()

    def set_product(self, product_id: int | None) -> None:
        """List the lines of this product."""
        self._product_id = product_id
        self._fill()

    def show_line(self, order_id: int | None, number: str | None, line_id: int | None) -> None:
        """Show a stored batch's order and line (the order even if no longer open)."""
        if order_id is None:
            self.order.set_key(0)
        elif not self.order.set_key(order_id):
            self.order.add_item(order_id, number or "")
            self.order.set_key(order_id)
        self._fill()
        self.line.setCurrentIndex(max(self.line.findData(line_id), 0))

    def line_id(self) -> int | None:
        """The chosen order line, or None for no order."""
        return self.line.currentData() if self.order.key() else None

    def _fill(self) -> None:
        self.line.clear()
        order_id = self.order.key()
        if not order_id or self._product_id is None:
            self.line.setEnabled(False)
            return
        with self._ctx.reading() as uow:
            order = order_queries.get_order(uow, self._ctx.actor, order_id)
        for line in order.lines:
            if line.product_id == self._product_id:
                text = translate(
                    "BatchForm", "line {n}: {quantity} {unit}, {produced} made"
                ).format(
                    n=line.position + 1,
                    quantity=quantity_text(line.quantity),
                    unit=line.unit_code,
                    produced=quantity_text(line.produced),
                )
                self.line.addItem(text, line.id)
        if self.line.count() == 0:
            self.line.addItem(translate("BatchForm", "this order does not ask for the product"))
        self.line.setEnabled(self.line.count() > 1)


# --------------------------------------------------------------------------- step forms


def quality_fields(detail: BatchDetail, on: date) -> list[FormField]:
    """The quality check's inputs, filled with what the batch has (or its plan)."""
    row = detail.batch
    checked = detail.inspector is not None
    inspected = detail.inspected_quantity if checked else row.planned_quantity
    accepted = row.accepted_quantity if checked else row.planned_quantity
    notes = QPlainTextEdit(detail.quality_notes or "")
    notes.setMaximumHeight(70)
    return [
        FormField(
            "inspected",
            translate("BatchForm", "Units inspected:"),
            number_edit(plain_number(inspected, 3)),
        ),
        FormField(
            "accepted",
            translate("BatchForm", "Units accepted (good):"),
            number_edit(plain_number(accepted, 3)),
        ),
        FormField(
            "rejected",
            translate("BatchForm", "Units rejected:"),
            number_edit(plain_number(detail.rejected_quantity, 3)),
        ),
        FormField(
            "inspector",
            translate("BatchForm", "Checked by:"),
            text_edit(detail.inspector, max_length=120),
        ),
        FormField("notes", translate("BatchForm", "Remarks:"), notes),
        FormField("on", translate("BatchForm", "Day of the check:"), date_edit(on)),
    ]


def quality_input(values: dict[str, object]) -> QualityInput:
    """The quality form's values as the service takes them."""
    return QualityInput(
        inspected=str(values["inspected"]),
        accepted=str(values["accepted"]),
        rejected=str(values["rejected"]),
        inspector=str(values["inspector"]),
        notes=str(values["notes"]),
    )


def reason_field() -> FormField:
    """A reason input (``reason``, as the services name it)."""
    reason = QPlainTextEdit()
    reason.setMaximumHeight(80)
    reason.setPlaceholderText(translate("BatchForm", "Why (kept in the record and the audit log)"))
    return FormField("reason", translate("BatchForm", "Reason:"), reason)
