"""The certificate registry as a paged table: search text plus state, year and workshop.

The registry service orders the certificates itself (newest number first) and takes no
sort key, so every column carries that one order and headings are not clicked to sort.
What a row shows of the holder is what the certificate printed (its snapshot).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from carceles_desktop.domain.enums import CertificateState
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import certificate_queries
from carceles_desktop.services.certificate_queries import CertificateListItem
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.ui.labels import date_text
from carceles_desktop.ui.models.paged_table import Column, PagedTableModel, PageQuery

CONTEXT = "CertificateRegistry"
#: The sort key of every column: the service's own order.
SERVICE_ORDER = "service"

_STATE_LABELS = {
    CertificateState.VIGENTE: QT_TRANSLATE_NOOP("CertificateRegistry", "Current"),
    CertificateState.ANULADO: QT_TRANSLATE_NOOP("CertificateRegistry", "Annulled"),
    CertificateState.REEMPLAZADO: QT_TRANSLATE_NOOP("CertificateRegistry", "Replaced"),
}
#: Annulled and replaced rows are drawn in these colours, so they stand out in the list.
STATE_COLOURS = {
    CertificateState.ANULADO: "#b00020",
    CertificateState.REEMPLAZADO: "#8a5a00",
}


def state_label(state: CertificateState) -> str:
    """The translated name of a certificate's state (vigente, anulado, reemplazado)."""
    return QCoreApplication.translate(CONTEXT, _STATE_LABELS[state])


def document_hint(row: CertificateListItem) -> str:
    """The document number printed, or the inmate code when there is none."""
    return row.doc_number or row.inmate_code


def _col(title: str, value: Any, width: int | None, numeric: bool = False) -> Column:
    return Column(title, value, SERVICE_ORDER, numeric=numeric, width=width)


# Hours and reprints show in the detail panel: the list keeps to what finds a paper.
COLUMNS = (
    _col(QT_TRANSLATE_NOOP("CertificateRegistry", "Number"), lambda r: r.number, 22),
    _col(QT_TRANSLATE_NOOP("CertificateRegistry", "Name"), lambda r: r.trainee_name, 24),
    _col(QT_TRANSLATE_NOOP("CertificateRegistry", "Document"), document_hint, 10),
    _col(QT_TRANSLATE_NOOP("CertificateRegistry", "Trade"), lambda r: r.trade, 14),
    _col(QT_TRANSLATE_NOOP("CertificateRegistry", "Issued"), lambda r: date_text(r.issued_on), 11),
    _col(QT_TRANSLATE_NOOP("CertificateRegistry", "State"), lambda r: state_label(r.state), 10),
    _col(
        QT_TRANSLATE_NOOP("CertificateRegistry", "Workshop"), lambda r: r.workshop_code or "", None
    ),
)


@dataclass(frozen=True)
class RegistryFilters:
    """The filters beside the search box (None: any)."""

    state: CertificateState | None = None
    year: int | None = None
    workshop_id: int | None = None


class CertificatesTableModel(PagedTableModel):
    """The registry, newest first, filtered by text, state, year and workshop.

    Attributes:
        filters: the filters chosen beside the search box.
    """

    def __init__(self, ctx: ServiceContext, *, page_size: int = 200, parent: Any = None) -> None:
        self.filters = RegistryFilters()

        def fetch(query: PageQuery, offset: int, limit: int) -> Sequence[Any]:
            with ctx.reading() as uow:
                return certificate_queries.search_certificates(
                    uow,
                    ctx.actor,
                    text=query.text,
                    offset=offset,
                    limit=limit,
                    **vars(self.filters),
                )

        chosen = self

        def count(query: PageQuery) -> int:
            # Runs on a pool thread; a filter changed meanwhile resets the model, and the
            # model drops this answer by its generation number.
            filters = chosen.filters
            with ctx.reading() as uow:
                return certificate_queries.count_certificates(
                    uow, ctx.actor, text=query.text, **vars(filters)
                )

        super().__init__(
            COLUMNS,
            fetch,
            count,
            context=CONTEXT,
            default_sort=SERVICE_ORDER,
            page_size=page_size,
            parent=parent,
        )

    def set_filters(self, **changes: Any) -> None:
        """Change some filters (state=, year=, workshop_id=) and read the list again."""
        wanted = replace(self.filters, **changes)
        if wanted != self.filters or not self.is_loaded:
            self.filters = wanted
            self.reload()

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Qt: as the paged table, with annulled and replaced rows coloured."""
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row = self.row_at(index.row())
            colour = STATE_COLOURS.get(row.state) if row is not None else None
            return QColor(colour) if colour else None
        return super().data(index, role)
