"""The batch form (Producción → lote): plan, workers, materials, and the steps of a batch.

"Save" writes the header, the materials and the workers in one transaction and keeps
the form open; the steps save first, then ask what they need in a small form:
"Start…" (the day work began), "Finish…" (the quality check: inspected, accepted,
rejected, by whom), "Correct quality…" on a finished batch, "Annul…" (a reason).
Workers can be chosen once the batch exists, among those enrolled in its workshop
during its period.  A refusal shows under its field, or on its line's cell.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.domain.enums import BatchState, CatalogueKind
from carceles_desktop.errors import AppError
from carceles_desktop.services import (
    batch_resources,
    catalogues,
    production,
    production_queries,
    products,
)
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.permissions import Action, allowed
from carceles_desktop.services.production import BatchInput
from carceles_desktop.services.production_queries import BatchDetail
from carceles_desktop.ui.commerce_labels import commerce_label, plain_number
from carceles_desktop.ui.dialogs.batch_parts import (
    MaterialsEditor,
    OrderLinePicker,
    WorkersEditor,
    quality_fields,
    quality_input,
    reason_field,
)
from carceles_desktop.ui.dialogs.form_errors import FieldErrors
from carceles_desktop.ui.dialogs.form_parts import (
    OptionalDateEdit,
    SearchCombo,
    all_workshops,
    date_edit,
    number_edit,
    pydate,
    qdate,
    set_input_editable,
    text_edit,
)
from carceles_desktop.ui.dialogs.small_form import FormField, SmallForm

translate = QCoreApplication.translate

_OPEN = (BatchState.PLANIFICADO, BatchState.EN_PROCESO)


class BatchDialog(QDialog):
    """The form of one batch; ``batch_id`` None plans a new one.

    Attributes:
        batch_id: the batch's key once it exists.
        detail: the batch as last read or saved.
        changed: something was saved (the list reads again).
        errors: the header's message lines.
        workers: the Trabajadores tab.
        materials: the Materiales tab.
    """

    def __init__(
        self, ctx: ServiceContext, batch_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.batch_id = batch_id
        self.detail: BatchDetail | None = None
        self.changed = False
        self.errors = FieldErrors()
        self._may_edit = allowed(ctx.actor, Action.EDIT_BATCHES)
        with ctx.reading() as uow:
            units = catalogues.catalogue_codes(uow, CatalogueKind.SUNAT_UNIT)
            self._products = products.search_products(uow, ctx.actor, limit=1000)
        self._workshops = all_workshops(ctx)
        self.workers = WorkersEditor()
        self.materials = MaterialsEditor(units)
        self._build()
        self.resize(900, 680)
        if batch_id is not None:
            self._read()
        else:
            self._show_state()

    # ------------------------------------------------------------------ building

    def _header(self) -> QHBoxLayout:
        """What the batch is on the left; how much and when on the right."""
        form, when = QFormLayout(), QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        add = self.errors.add_row
        self.code = text_edit(max_length=30)
        self.code.setPlaceholderText(translate("BatchForm", "Automatic (L-year-number)"))
        add(form, "code", translate("BatchForm", "Code:"), self.code)
        self.workshop = QComboBox()
        for workshop in self._workshops:
            self.workshop.addItem(f"{workshop.code} — {workshop.name}", workshop.id)
        add(form, "workshop", translate("BatchForm", "Workshop:"), self.workshop)
        self.product = SearchCombo()
        self.product.set_items(
            [(p.id, f"{p.name} ({p.code}, {p.unit_code})") for p in self._products]
        )
        add(form, "product", translate("BatchForm", "Product:"), self.product)
        self.planned = number_edit()
        add(when, "planned_quantity", translate("BatchForm", "Planned quantity:"), self.planned)
        self.starts_on = date_edit()
        add(when, "starts_on", translate("BatchForm", "Start:"), self.starts_on)
        self.ends_on = OptionalDateEdit()
        add(when, "ends_on", translate("BatchForm", "End:"), self.ends_on)
        self.order = OrderLinePicker(self._ctx)
        add(
            form,
            "order_line",
            translate("BatchForm", "For order:"),
            self.order,
            field_input=self.order.order,
        )
        header = QHBoxLayout()
        header.addLayout(form, 3)
        header.addSpacing(16)
        header.addLayout(when, 1)
        return header

    def _build(self) -> None:
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        header = self._header()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.workers, translate("BatchForm", "Workers"))
        self.tabs.addTab(self.materials, translate("BatchForm", "Materials"))
        self.workers_note = QLabel(
            translate(
                "BatchForm",
                "Save the batch first: its workers are chosen among those "
                "enrolled in its workshop during its period.",
            )
        )
        self.workers_note.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(header)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.workers_note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addLayout(self._buttons())
        self.product.currentIndexChanged.connect(
            lambda _i: self.order.set_product(self.product.key())
        )

    def _buttons(self) -> QHBoxLayout:
        self.save_button = QPushButton(translate("BatchForm", "Save"))
        self.start_button = QPushButton(translate("BatchForm", "Start…"))
        self.finish_button = QPushButton(translate("BatchForm", "Finish…"))
        self.quality_button = QPushButton(translate("BatchForm", "Correct quality check…"))
        self.annul_button = QPushButton(translate("BatchForm", "Annul…"))
        self.close_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_box.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.start_button.clicked.connect(self.start)
        self.finish_button.clicked.connect(self.finish)
        self.quality_button.clicked.connect(self.correct_quality)
        self.annul_button.clicked.connect(self.annul)
        row = QHBoxLayout()
        for button in (
            self.save_button,
            self.start_button,
            self.finish_button,
            self.quality_button,
            self.annul_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.close_box)
        self.save_button.setDefault(True)
        return row

    # ------------------------------------------------------------------ reading

    def _read(self) -> None:
        assert self.batch_id is not None  # only existing batches are read
        with self._ctx.reading() as uow:
            detail = production_queries.get_batch(uow, self._ctx.actor, self.batch_id)
            eligible = production_queries.eligible_workers(uow, self._ctx.actor, self.batch_id)
        self._load(detail)
        self.workers.load(eligible, detail.workers)
        self.materials.load(detail.materials)
        self._show_state()

    def _load(self, detail: BatchDetail) -> None:
        self.detail = detail
        row = detail.batch
        self.code.setText(row.code)
        index = self.workshop.findData(row.workshop_id)
        if index < 0:
            self.workshop.addItem(f"{row.workshop_code} — {row.workshop_name}", row.workshop_id)
            index = self.workshop.count() - 1
        self.workshop.setCurrentIndex(index)
        if not self.product.set_key(row.product_id):
            text = f"{row.product_name} ({row.product_code}, {row.unit_code})"
            self.product.add_item(row.product_id, text)
            self.product.set_key(row.product_id)
        self.planned.setText(plain_number(row.planned_quantity, 3))
        self.starts_on.setDate(qdate(row.starts_on))
        self.ends_on.set_value(row.ends_on)
        self.order.set_product(row.product_id)
        self.order.show_line(row.order_id, row.order_number, detail.order_line_id)

    def _show_state(self) -> None:
        state = self.detail.batch.state if self.detail else None
        if self.detail is None:
            self.title.setText(translate("BatchForm", "New batch"))
        else:
            self.title.setText(
                translate("BatchForm", "Batch {code} — {state}").format(
                    code=self.detail.batch.code, state=commerce_label(state)
                )
            )
        header = self._may_edit and (state is None or state in _OPEN)
        lines = self._may_edit and state is not BatchState.ANULADO
        inputs: tuple[QWidget, ...] = (self.code, self.workshop, self.product, self.planned)
        for widget in (*inputs, self.starts_on, self.ends_on, self.order):
            set_input_editable(widget, header)
        if not header:
            self.tabs.setFocus()  # the lines are what may still change
        self.materials.set_editable(lines)
        self.workers.set_editable(lines and self.batch_id is not None)
        self.workers_note.setVisible(self.batch_id is None)
        self.tabs.setTabEnabled(0, self.batch_id is not None)
        self.save_button.setEnabled(lines)
        self.start_button.setEnabled(self._may_edit and state is BatchState.PLANIFICADO)
        self.finish_button.setEnabled(self._may_edit and state in _OPEN)
        self.quality_button.setEnabled(self._may_edit and state is BatchState.TERMINADO)
        self.annul_button.setEnabled(
            self._may_edit and state is not None and state is not BatchState.ANULADO
        )

    # ------------------------------------------------------------------ saving

    def batch_input(self) -> BatchInput:
        """The header as the service takes it."""
        return BatchInput(
            workshop_id=self.workshop.currentData(),
            product_id=self.product.key() or 0,
            planned_quantity=self.planned.text(),
            starts_on=pydate(self.starts_on.date()),
            ends_on=self.ends_on.value(),
            order_line_id=self.order.line_id(),
            code=self.code.text(),
        )

    def save(self) -> bool:
        """Write header, materials and workers in one transaction; show why not."""
        self.errors.clear()
        self.workers.clear_errors()
        self.materials.clear_errors()
        if self.product.key() is None:
            self.errors.show(translate("BatchForm", "Choose the product from the list."), "product")
            return False
        state = self.detail.batch.state if self.detail else None
        actor = self._ctx.actor
        try:
            with self._ctx.writing() as uow:
                if self.batch_id is None:
                    made = production.create_batch(uow, actor, self.batch_input())
                    batch_id = made.batch.id
                else:
                    batch_id = self.batch_id
                    if state in _OPEN:
                        production.update_batch(uow, actor, batch_id, self.batch_input())
                batch_resources.set_batch_materials(uow, actor, batch_id, self.materials.inputs())
                if self.batch_id is not None:
                    batch_resources.set_batch_workers(uow, actor, batch_id, self.workers.inputs())
                uow.commit()
        except AppError as exc:
            self.show_error(exc)
            return False
        self.batch_id = batch_id
        self.changed = True
        self._read()
        self.status.setText(translate("BatchForm", "Saved."))
        return True

    def show_error(self, error: AppError) -> None:
        """Show a refusal where it belongs: a line's cell, a header field, or the form."""
        if self.workers.show_error(error, self.workers.field_rows()):
            self.tabs.setCurrentWidget(self.workers)
        elif self.materials.show_error(error, self.materials.field_rows()):
            self.tabs.setCurrentWidget(self.materials)
        else:
            self.errors.show(error)

    # ------------------------------------------------------------------ steps

    def _step(
        self,
        title: str,
        intro: str,
        fields: Callable[[], list[FormField]],
        work: Callable[[Any, int, dict[str, Any]], BatchDetail],
        action: str,
    ) -> None:
        """Save, then ask for the step's values and do it (``work(uow, batch_id, values)``)."""
        if not self.save() or self.batch_id is None:
            return
        batch_id = self.batch_id

        def submit(values: dict[str, Any]) -> BatchDetail:
            with self._ctx.writing() as uow:
                done: BatchDetail = work(uow, batch_id, values)
                uow.commit()
            return done

        if SmallForm.ask(self, title, intro, fields(), submit, action_text=action) is not None:
            self.changed = True
            self._read()

    def _saved(self) -> BatchDetail:
        assert self.detail is not None  # read again by every successful save
        return self.detail

    def start(self) -> None:
        """Mark the batch as in process from a day (by default its start, or today)."""
        day = min(pydate(self.starts_on.date()), date.today())
        self._step(
            translate("BatchForm", "Start the batch"),
            translate("BatchForm", "The batch will be in process from this day on."),
            lambda: [FormField("on", translate("BatchForm", "Started on:"), date_edit(day))],
            lambda uow, bid, v: production.start_batch(uow, self._ctx.actor, bid, on=v["on"]),
            translate("BatchForm", "Start"),
        )

    def finish(self) -> None:
        """Finish the batch with its quality check."""
        day = min(self.ends_on.value() or date.today(), date.today())
        self._step(
            translate("BatchForm", "Finish the batch"),
            translate(
                "BatchForm",
                "Only the accepted units can be delivered. The check can be corrected "
                "later, but accepted units can never drop below those already delivered.",
            ),
            lambda: quality_fields(self._saved(), day),
            lambda uow, bid, v: production.finish_batch(
                uow, self._ctx.actor, bid, quality_input(v), on=v["on"]
            ),
            translate("BatchForm", "Finish"),
        )

    def correct_quality(self) -> None:
        """Correct the quality check of a finished batch."""
        self._step(
            translate("BatchForm", "Correct the quality check"),
            translate("BatchForm", "The correction is kept in the audit log with the old figures."),
            lambda: quality_fields(self._saved(), self._saved().inspected_on or date.today()),
            lambda uow, bid, v: production.record_quality(
                uow, self._ctx.actor, bid, quality_input(v), on=v["on"]
            ),
            translate("BatchForm", "Save the check"),
        )

    def annul(self) -> None:
        """Annul the batch (only while nothing of it was delivered)."""
        self._step(
            translate("BatchForm", "Annul the batch"),
            translate(
                "BatchForm",
                "An annulled batch stays in the records with its reason, but no longer "
                "counts for orders, deliveries or hours. This cannot be undone.",
            ),
            lambda: [reason_field()],
            lambda uow, bid, v: production.annul_batch(
                uow, self._ctx.actor, bid, reason=v["reason"]
            ),
            translate("BatchForm", "Annul the batch"),
        )
