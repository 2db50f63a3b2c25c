"""The Producción area: the batches list, the selected batch's record, and its form."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from carceles_desktop.domain.enums import BatchState
from carceles_desktop.services import production_queries
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.permissions import Action, allowed
from carceles_desktop.services.production_queries import BatchDetail, BatchRow
from carceles_desktop.ui.commerce_labels import commerce_label, money_text, quantity_text
from carceles_desktop.ui.dialogs.batch_dialog import BatchDialog
from carceles_desktop.ui.labels import date_text, hours_text
from carceles_desktop.ui.models.commerce_tables import batches_model
from carceles_desktop.ui.views import html_parts as h
from carceles_desktop.ui.views.commerce_list_view import CommerceListView

translate = QCoreApplication.translate


class ProductionView(CommerceListView):
    """Search the batches, filter them by state, and open their form."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        self._ctx = ctx
        super().__init__(
            batches_model(ctx),
            self._detail_for,
            settings_key="production_view",
            empty_detail=translate("ProductionView", "Select a batch to see its record."),
            filter_caption=translate("ProductionView", "State:"),
            filters=[(commerce_label(state), state) for state in BatchState],
            may_create=allowed(ctx.actor, Action.EDIT_BATCHES),
            parent=parent,
        )
        self.search.setPlaceholderText(
            translate("ProductionView", "Search by batch code or product")
        )
        self.new_button.setText(translate("ProductionView", "New batch…"))

    def _detail_for(self, row: BatchRow) -> str:
        with self._ctx.reading() as uow:
            detail = production_queries.get_batch(uow, self._ctx.actor, row.id)
        return batch_html(detail)

    def new_record(self) -> None:
        """Plan a new batch."""
        dialog = BatchDialog(self._ctx, None, self)
        self.run_form(dialog)
        if dialog.batch_id is not None:
            self.refresh_after(dialog.batch_id)

    def open_record(self, row: Any) -> None:
        """Open a batch's form."""
        dialog = BatchDialog(self._ctx, row.id, self)
        self.run_form(dialog)
        if dialog.changed:
            self.refresh_after(row.id)


def batch_html(detail: BatchDetail) -> str:
    """A batch's record as HTML for the detail panel."""
    row = detail.batch
    unit = row.unit_code
    info = h.fields(
        [
            (translate("BatchDetail", "Product"), f"{row.product_name} ({row.product_code})"),
            (translate("BatchDetail", "Workshop"), f"{row.workshop_name} ({row.workshop_code})"),
            (translate("BatchDetail", "Order"), row.order_number or ""),
            (translate("BatchDetail", "State"), commerce_label(row.state)),
            (translate("BatchDetail", "Period"), _period(row)),
            (translate("BatchDetail", "Planned"), f"{quantity_text(row.planned_quantity)} {unit}"),
            (
                translate("BatchDetail", "Accepted"),
                f"{quantity_text(row.accepted_quantity)} {unit}",
            ),
            (
                translate("BatchDetail", "Delivered"),
                f"{quantity_text(row.delivered_quantity)} {unit}",
            ),
            (translate("BatchDetail", "Left to deliver"), f"{quantity_text(row.remaining)} {unit}"),
        ]
    )
    title = translate("BatchDetail", "Batch {code}").format(code=row.code)
    parts = [h.STYLE, h.heading(2, title), info, _quality_html(detail)]
    parts.extend((_workers_html(detail), _materials_html(detail)))
    return "".join(parts)


def _quality_html(detail: BatchDetail) -> str:
    parts = []
    if detail.inspector:
        parts.append(h.heading(3, translate("BatchDetail", "Quality check")))
        inspected = quantity_text(detail.inspected_quantity)
        parts.append(
            h.fields(
                [
                    (translate("BatchDetail", "Inspected"), inspected),
                    (translate("BatchDetail", "Rejected"), quantity_text(detail.rejected_quantity)),
                    (translate("BatchDetail", "Inspector"), detail.inspector),
                    (translate("BatchDetail", "Checked on"), date_text(detail.inspected_on)),
                ]
            )
        )
    if detail.quality_notes:
        parts.append(f"<p>{h.esc(detail.quality_notes)}</p>")
    return "".join(parts)


def _workers_html(detail: BatchDetail) -> str:
    heading = h.heading(3, translate("BatchDetail", "Workers"))
    if not detail.workers:
        return heading + h.muted(translate("BatchDetail", "No workers recorded yet."))
    return heading + h.table(
        [
            translate("BatchDetail", "Trainee"),
            translate("BatchDetail", "Hours"),
            translate("BatchDetail", "Attended"),
        ],
        (
            [
                f"{w.trainee_name} ({w.inmate_code})",
                hours_text(w.hours),
                hours_text(w.attended_hours),
            ]
            for w in detail.workers
        ),
        nowrap=(1, 2),
    )


def _materials_html(detail: BatchDetail) -> str:
    heading = h.heading(3, translate("BatchDetail", "Materials"))
    if not detail.materials:
        return heading + h.muted(translate("BatchDetail", "No materials recorded yet."))
    table = h.table(
        [
            translate("BatchDetail", "Material"),
            translate("BatchDetail", "Quantity"),
            translate("BatchDetail", "Cost"),
        ],
        (
            [m.description, f"{quantity_text(m.quantity)} {m.unit_code}", money_text(m.amount)]
            for m in detail.materials
        ),
        nowrap=(1, 2),
    )
    cost = translate("BatchDetail", "Materials cost: {cost}")
    return heading + table + f"<p>{h.esc(cost.format(cost=money_text(detail.materials_cost)))}</p>"


def _period(row: BatchRow) -> str:
    if row.ends_on is None:
        return translate("BatchDetail", "Since {start}").format(start=date_text(row.starts_on))
    return translate("BatchDetail", "From {start} to {end}").format(
        start=date_text(row.starts_on), end=date_text(row.ends_on)
    )
