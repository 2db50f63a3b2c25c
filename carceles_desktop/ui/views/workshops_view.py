"""The Talleres area: the workshops list and the selected workshop's detail."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from carceles_desktop.services import browse
from carceles_desktop.services.browse import WorkshopDetail, WorkshopRow
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.ui.labels import date_text, hours_text, label, yes_no
from carceles_desktop.ui.models.workshops_table import WorkshopsTableModel
from carceles_desktop.ui.views import html_parts as h
from carceles_desktop.ui.views.list_view import ListView

translate = QCoreApplication.translate


class WorkshopsView(ListView):
    """Search, sort and read the workshops the user may see."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        self._ctx = ctx
        super().__init__(
            WorkshopsTableModel(ctx),
            self._detail_for,
            settings_key="workshops_view",
            empty_detail=translate("WorkshopsView", "Select a workshop to see its detail."),
            parent=parent,
        )
        self.search.setPlaceholderText(translate("WorkshopsView", "Search by name or code"))

    def _detail_for(self, row: WorkshopRow) -> str:
        with self._ctx.reading() as uow:
            detail = browse.workshop_detail(uow, self._ctx.actor, row.id)
        return workshop_html(detail)


def workshop_html(detail: WorkshopDetail) -> str:
    """The workshop's detail as HTML for the detail panel."""
    row = detail.row
    info = h.fields(
        [
            (translate("WorkshopDetail", "Code"), row.code),
            (translate("WorkshopDetail", "Establishment"), row.establishment_name),
            (translate("WorkshopDetail", "Trade"), row.trade_name),
            (translate("WorkshopDetail", "Modality"), label(row.modality)),
            (translate("WorkshopDetail", "Partner"), row.partner_name or ""),
            (translate("WorkshopDetail", "Capacity"), str(row.capacity)),
            (
                translate("WorkshopDetail", "Hours of a working day"),
                hours_text(detail.standard_hours),
            ),
            (translate("WorkshopDetail", "Active"), yes_no(row.active)),
            (translate("WorkshopDetail", "Supervisors"), ", ".join(detail.supervisors)),
        ]
    )
    summary = translate(
        "WorkshopDetail", "{active} active, {waiting} on the waiting list, {finished} finished"
    ).format(active=row.active_trainees, waiting=detail.waiting, finished=detail.finished)
    parts = [
        h.STYLE,
        h.heading(2, row.name),
        info,
        h.heading(3, translate("WorkshopDetail", "Trainees")),
    ]
    parts.append(f"<p>{h.esc(summary)}</p>")
    if detail.members:
        parts.append(
            h.table(
                [
                    translate("WorkshopDetail", "Inmate code"),
                    translate("WorkshopDetail", "Name"),
                    translate("WorkshopDetail", "State"),
                    translate("WorkshopDetail", "Since"),
                ],
                (
                    [m.inmate_code, m.name, label(m.state), date_text(m.starts_on)]
                    for m in detail.members
                ),
                nowrap=(0, 2, 3),
            )
        )
    else:
        parts.append(h.muted(translate("WorkshopDetail", "Nobody is enrolled now.")))
    return "".join(parts)
