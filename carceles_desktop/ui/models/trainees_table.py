"""The Internos list: columns over :func:`carceles_desktop.services.browse.search_trainees`."""

from __future__ import annotations

from typing import Any

from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import browse
from carceles_desktop.services.browse import TraineeRow
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.ui.labels import label
from carceles_desktop.ui.models.browse_table import BrowseTableModel
from carceles_desktop.ui.models.paged_table import Column

CONTEXT = "TraineesTable"


def _name(row: TraineeRow) -> str:
    surnames = " ".join(s for s in (row.paternal_surname, row.maternal_surname) if s)
    return f"{surnames}, {row.given_names}"


def _document(row: TraineeRow) -> str:
    if row.doc_number is None:
        return label(row.doc_type)
    return f"{label(row.doc_type)} {row.doc_number}"


COLUMNS = (
    Column(
        QT_TRANSLATE_NOOP("TraineesTable", "Inmate code"), lambda r: r.inmate_code, "code", width=11
    ),
    Column(QT_TRANSLATE_NOOP("TraineesTable", "Surnames and names"), _name, "name", width=30),
    Column(QT_TRANSLATE_NOOP("TraineesTable", "Document"), _document, "document", width=13),
    Column(
        QT_TRANSLATE_NOOP("TraineesTable", "Establishment"),
        lambda r: r.establishment_name,
        "establishment",
        width=22,
    ),
    Column(
        QT_TRANSLATE_NOOP("TraineesTable", "Workshop"),
        lambda r: r.active_workshop or "",
        "workshop",
        width=24,
    ),
    Column(
        QT_TRANSLATE_NOOP("TraineesTable", "State"),
        lambda r: label(r.enrolment_state),
        "state",
        width=None,
    ),
)


class TraineesTableModel(BrowseTableModel):
    """The trainees the signed-in user may see, as paged rows."""

    def __init__(self, ctx: ServiceContext, parent: Any = None, *, page_size: int = 200) -> None:
        super().__init__(
            ctx,
            COLUMNS,
            browse.search_trainees,
            browse.count_trainees,
            context=CONTEXT,
            default_sort="name",
            page_size=page_size,
            parent=parent,
        )
