"""The Talleres list: columns over :func:`carceles_desktop.services.browse.search_workshops`."""

from __future__ import annotations

from typing import Any

from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import browse
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.ui.labels import label, yes_no
from carceles_desktop.ui.models.browse_table import BrowseTableModel
from carceles_desktop.ui.models.paged_table import Column

CONTEXT = "WorkshopsTable"

COLUMNS = (
    Column(QT_TRANSLATE_NOOP("WorkshopsTable", "Code"), lambda r: r.code, "code", width=16),
    Column(QT_TRANSLATE_NOOP("WorkshopsTable", "Name"), lambda r: r.name, "name", width=26),
    Column(
        QT_TRANSLATE_NOOP("WorkshopsTable", "Establishment"),
        lambda r: r.establishment_name,
        "establishment",
        width=20,
    ),
    Column(QT_TRANSLATE_NOOP("WorkshopsTable", "Trade"), lambda r: r.trade_name, "trade", width=16),
    Column(
        QT_TRANSLATE_NOOP("WorkshopsTable", "Modality"),
        lambda r: label(r.modality),
        "modality",
        width=18,
    ),
    Column(
        QT_TRANSLATE_NOOP("WorkshopsTable", "Trainees"),
        lambda r: f"{r.active_trainees} / {r.capacity}",
        "trainees",
        numeric=True,
        width=10,
    ),
    Column(
        QT_TRANSLATE_NOOP("WorkshopsTable", "Active"),
        lambda r: yes_no(r.active),
        "active",
        width=None,
    ),
)


class WorkshopsTableModel(BrowseTableModel):
    """The workshops the signed-in user may see, as paged rows."""

    def __init__(self, ctx: ServiceContext, parent: Any = None, *, page_size: int = 200) -> None:
        super().__init__(
            ctx,
            COLUMNS,
            browse.search_workshops,
            browse.count_workshops,
            context=CONTEXT,
            default_sort="code",
            page_size=page_size,
            parent=parent,
        )
