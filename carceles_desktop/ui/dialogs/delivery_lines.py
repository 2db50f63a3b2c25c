"""The goods of a delivery note: lines picked among the batches that have units left.

Each line's batch is chosen in a list that says what each batch has left right now
("L-2026-001 — Silla de madera · quedan 15 NIU"); beside it the line shows that figure
again and takes the quantity.  The gross weight the note would get is computed from
the products' unit weights as the lines change.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from carceles_desktop.services.delivery_drafts import DeliveryLineInput
from carceles_desktop.services.delivery_queries import DeliveryLineRow
from carceles_desktop.services.production_queries import BatchRow
from carceles_desktop.ui.commerce_labels import plain_number, quantity_text
from carceles_desktop.ui.dialogs.form_parts import number_edit
from carceles_desktop.ui.dialogs.lines_editor import LineColumn, LinesEditor

translate = QCoreApplication.translate


def batch_choice_text(batch: BatchRow) -> str:
    """How a batch reads in the picker: code, product and what it has left."""
    return translate("DeliveryForm", "{code} — {product} · {left} {unit} left").format(
        code=batch.code,
        product=batch.product_name,
        left=quantity_text(batch.remaining),
        unit=batch.unit_code,
    )


def _label() -> QLabel:
    label = QLabel()
    label.setContentsMargins(6, 0, 6, 0)
    return label


def _right_label() -> QLabel:
    label = _label()
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return label


class DeliveryLinesEditor(LinesEditor):
    """Lines of (batch, quantity); emits :attr:`weightChanged` as they change."""

    #: The computed gross weight changed (kg, 3 decimals).
    weightChanged = Signal()

    def __init__(self, unit_weights: Mapping[int, Decimal | None], parent: QWidget | None = None):
        self._batches: dict[int, BatchRow] = {}
        self._product_of: dict[int, int] = {}
        self._unit_weights = dict(unit_weights)
        super().__init__(
            [
                LineColumn("batch", translate("DeliveryForm", "Batch"), self._picker),
                LineColumn("left", translate("DeliveryForm", "Left now"), _right_label, 11),
                LineColumn("quantity", translate("DeliveryForm", "Quantity"), number_edit, 11),
                LineColumn("unit", translate("DeliveryForm", "Unit"), _label, 6),
            ],
            prefix="lines",
            add_text=translate("DeliveryForm", "Add line"),
            parent=parent,
        )
        self.rowsChanged.connect(self.weightChanged)

    # ------------------------------------------------------------------ choices

    def set_batches(self, batches: Sequence[BatchRow]) -> None:
        """Offer these batches on every line (a line keeps its batch if no longer offered)."""
        self._batches = {batch.id: batch for batch in batches}
        self._product_of.update((batch.id, batch.product_id) for batch in batches)
        for row in range(self.row_count()):
            combo: QComboBox = self.cell(row, "batch")
            chosen = combo.currentData()
            self._fill(combo, chosen)

    def _fill(self, combo: QComboBox, chosen: int | None) -> None:
        combo.blockSignals(True)
        kept = {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}
        combo.clear()
        for batch in self._batches.values():
            combo.addItem(batch_choice_text(batch), batch.id)
        if chosen is not None and combo.findData(chosen) < 0 and chosen in kept:
            combo.addItem(kept[chosen], chosen)
        combo.setCurrentIndex(combo.findData(chosen) if chosen is not None else -1)
        combo.blockSignals(False)
        self._show_batch(combo)

    def _picker(self) -> QComboBox:
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(30)
        combo.currentIndexChanged.connect(lambda _i, c=combo: self._show_batch(c))
        return combo

    def add_row(self, **extra: object) -> int:
        """Append an empty line whose batch is to be picked."""
        row = super().add_row(**extra)
        self._fill(self.cell(row, "batch"), None)
        quantity: QLineEdit = self.cell(row, "quantity")
        quantity.textChanged.connect(lambda _t: self.weightChanged.emit())
        return row

    def _show_batch(self, combo: QComboBox) -> None:
        row = self.row_of(combo)
        if row < 0:
            return
        batch = self._batches.get(combo.currentData())
        left: QLabel = self.cell(row, "left")
        if batch is not None:
            left.setText(quantity_text(batch.remaining))
            self.cell(row, "unit").setText(batch.unit_code)
        else:
            left.setText("")
        self.weightChanged.emit()

    # ------------------------------------------------------------------ values

    def load(self, lines: Sequence[DeliveryLineRow]) -> None:
        """Show a note's lines (their batches offered even when used up since)."""
        self.clear()
        for line in lines:
            row = self.add_row()
            combo: QComboBox = self.cell(row, "batch")
            self._product_of[line.batch_id] = line.product_id
            if combo.findData(line.batch_id) < 0:
                text = f"{line.batch_code} — {line.description}"
                combo.addItem(text, line.batch_id)
            combo.setCurrentIndex(combo.findData(line.batch_id))
            self.cell(row, "quantity").setText(plain_number(line.quantity, 3))
            self.cell(row, "unit").setText(line.unit_code)
        self.clear_errors()

    def field_rows(self) -> list[int]:
        """The table rows sent to the service, in order (rows with no batch are left out)."""
        return [
            r for r in range(self.row_count()) if self.cell(r, "batch").currentData() is not None
        ]

    def inputs(self) -> list[DeliveryLineInput]:
        """The lines as the service takes them."""
        return [
            DeliveryLineInput(
                int(self.cell(r, "batch").currentData()), self.cell(r, "quantity").text()
            )
            for r in self.field_rows()
        ]

    def computed_weight(self) -> Decimal | None:
        """Σ quantity × unit weight, as the service computes it (None while a quantity is bad).

        A product of unknown weight counts as nothing, as it does for the service.
        """
        total = Decimal(0)
        for row in self.field_rows():
            product = self._product_of.get(self.cell(row, "batch").currentData())
            weight = self._unit_weights.get(product) if product is not None else None
            try:
                quantity = Decimal(self.cell(row, "quantity").text().replace(",", ".") or "0")
            except InvalidOperation:
                return None
            if not quantity.is_finite():
                return None
            total += quantity * (weight or 0)
        return total.quantize(Decimal("0.001"))
