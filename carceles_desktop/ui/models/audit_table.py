"""The Auditoría list: columns over :func:`carceles_desktop.services.audit.list_audit_entries`.

The log is always shown newest first (the chain's own order); the search box and the
filters (kind of record, user, dates) narrow it in the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import Qt

from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import audit
from carceles_desktop.services.audit import AuditRow
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.ui.models.paged_table import Column, PagedTableModel, PageQuery

CONTEXT = "AuditTable"


@dataclass(frozen=True)
class AuditFilters:
    """What the filters above the list ask for (None: any).

    Attributes:
        entity: one kind of record (``trainee``, ``user`` …).
        user: a user name as stored (also a name typed at a failed sign-in).
        first_day: from this local day on.
        last_day: up to and including this local day.
    """

    entity: str | None = None
    user: str | None = None
    first_day: date | None = None
    last_day: date | None = None

    def service_arguments(self) -> dict[str, Any]:
        """The keyword arguments of the audit services (days turned into UTC bounds)."""
        return {
            "entity": self.entity,
            "user": self.user or None,
            "since": _utc_midnight(self.first_day),
            "until": _utc_midnight(self.last_day + timedelta(days=1)) if self.last_day else None,
        }


def _utc_midnight(day: date | None) -> datetime | None:
    """The start of a day of the PC's calendar, as the naive UTC time the log stores."""
    if day is None:
        return None
    local = datetime.combine(day, time()).astimezone()
    return local.astimezone(UTC).replace(tzinfo=None)


def local_text(moment: datetime) -> str:
    """A stored UTC time in the PC's time zone, with seconds."""
    return moment.replace(tzinfo=UTC).astimezone().strftime("%d/%m/%Y %H:%M:%S")


@dataclass(frozen=True)
class AuditListRow:
    """An entry of the log, keyed by its place in the chain."""

    entry: AuditRow

    @property
    def id(self) -> int:
        """The entry's sequence number (the list view keeps the selection by it)."""
        return self.entry.seq


COLUMNS = (
    Column(
        QT_TRANSLATE_NOOP("AuditTable", "No."), lambda r: str(r.entry.seq), "seq", True, width=7
    ),
    Column(
        QT_TRANSLATE_NOOP("AuditTable", "When"), lambda r: local_text(r.entry.at), "at", width=21
    ),
    Column(QT_TRANSLATE_NOOP("AuditTable", "User"), lambda r: r.entry.username, "user", width=14),
    Column(QT_TRANSLATE_NOOP("AuditTable", "Action"), lambda r: r.entry.action, "action", width=14),
    Column(QT_TRANSLATE_NOOP("AuditTable", "Record"), lambda r: r.entry.entity, "entity", width=14),
    Column(QT_TRANSLATE_NOOP("AuditTable", "Summary"), lambda r: r.entry.summary, "summary"),
)


class AuditTableModel(PagedTableModel):
    """The audit entries matching the search text and the filters, newest first.

    Attributes:
        filters: the current filters; change them with :meth:`set_filters`.
    """

    def __init__(self, ctx: ServiceContext, parent: Any = None, *, page_size: int = 200) -> None:
        def fetch(query: PageQuery, offset: int, limit: int) -> list[AuditListRow]:
            arguments = self.filters.service_arguments()
            with ctx.reading() as uow:
                rows = audit.list_audit_entries(
                    uow, ctx.actor, text=query.text, offset=offset, limit=limit, **arguments
                )
            return [AuditListRow(row) for row in rows]

        def count(query: PageQuery) -> int:
            arguments = self.filters.service_arguments()
            with ctx.reading() as uow:
                return audit.count_audit_entries(uow, ctx.actor, text=query.text, **arguments)

        super().__init__(
            COLUMNS,
            fetch,
            count,
            context=CONTEXT,
            default_sort="seq",
            page_size=page_size,
            parent=parent,
        )
        self.filters = AuditFilters()

    def set_filters(self, filters: AuditFilters) -> None:
        """Show the entries matching new filters (from the first page)."""
        if filters != self.filters:
            self.filters = filters
            self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The log has one order, newest first: headings do not sort it."""
        del column, order
