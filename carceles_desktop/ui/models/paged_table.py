"""A table model over a paged, filtered, sorted query, with a row cache.

After Anki's browser model: the model holds only the rows fetched so far; the query
(search text, sort key, direction) lives in the database, never in a proxy model.

How rows arrive.  A new search or sort resets the model and fetches the first page
(``page_size`` rows, asking for one more to learn whether the list goes on).  Further
pages come through ``canFetchMore``/``fetchMore`` as the view scrolls near the end, so
a keystroke costs one page query however many rows match.

How the total is known.  A ``COUNT`` over a ``LIKE`` scan costs as much as the page, so
it is asked for only when needed: when the first page is short its length is the total
and no count runs; otherwise the count runs on a pool thread and ``totalChanged``
reports it a moment later (``total`` is None meanwhile).  Answers to an older query are
dropped by generation number.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from carceles_desktop.ui import workers

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


@dataclass(frozen=True)
class PageQuery:
    """What the user asked the list for."""

    text: str = ""
    sort: str = ""
    descending: bool = False


@dataclass(frozen=True)
class Column:
    """One column of a paged table.

    Attributes:
        title: the heading, marked with ``QT_TRANSLATE_NOOP(context, ...)``.
        value: returns the text shown for a row.
        sort_key: the service's sort key for this column.
        numeric: right-align the column.
        width: a width hint in characters (None: stretch).
    """

    title: str
    value: Callable[[Any], str]
    sort_key: str
    numeric: bool = False
    width: int | None = None


#: fetch(query, offset, limit) → rows; count(query) → total.  Both open their own
#: read-only unit of work; count runs on a pool thread.
FetchPage = Callable[[PageQuery, int, int], Sequence[Any]]
CountRows = Callable[[PageQuery], int]


class PagedTableModel(QAbstractTableModel):
    """A read-only table over a paged query.

    Attributes:
        _columns: the column descriptions.
        _context: the translation context of the headings.
        _fetch: fetches one page of rows for a query.
        _count: counts the rows of a query.
        _page_size: rows per page.
        _query: the current query; None until the first :meth:`reload`.
        _rows: the rows fetched so far, in order (the row cache).
        _exhausted: True when the last page has been fetched.
        _total: the number of matching rows, once known.
        _generation: bumped at each reset; late count answers of older queries are dropped.
        _busy: True while a reset or an insertion is being announced; views and testers
            that react to those signals by asking for more rows get none until it ends.
    """

    #: The first page of a new query is in (also after a failed fetch, with no rows).
    loaded = Signal()
    #: The total number of matching rows became known.
    totalChanged = Signal(int)
    #: A fetch or count failed; carries the exception (AppError or a bug).
    failed = Signal(object)

    def __init__(
        self,
        columns: Sequence[Column],
        fetch: FetchPage,
        count: CountRows,
        *,
        context: str,
        default_sort: str,
        page_size: int = 200,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._context = context
        self._fetch = fetch
        self._count = count
        self._page_size = page_size
        self._default = PageQuery(sort=default_sort)
        self._query: PageQuery | None = None
        self._rows: list[Any] = []
        self._exhausted = True
        self._total: int | None = 0
        self._generation = 0
        self._busy = False

    # ------------------------------------------------------------------ queries

    @property
    def query(self) -> PageQuery:
        """The current query (the default one before the first load)."""
        return self._query or self._default

    @property
    def total(self) -> int | None:
        """Rows matching the query, or None while the count is still running."""
        return self._total

    @property
    def is_loaded(self) -> bool:
        """True once a query has been run (its first page is in)."""
        return self._query is not None

    def set_search(self, text: str) -> None:
        """Show the rows matching ``text`` (from the first page)."""
        if self._query is None or text != self._query.text:
            self._reset(replace(self.query, text=text))

    def reload(self) -> None:
        """Run the current query again (after a change, or F5)."""
        self._reset(self.query)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column in the database (Qt calls it when a heading is clicked)."""
        if not 0 <= column < len(self._columns):
            return
        wanted = replace(
            self.query,
            sort=self._columns[column].sort_key,
            descending=order == Qt.SortOrder.DescendingOrder,
        )
        if self._query is None:
            self._default = wanted  # remembered until the first load
        elif wanted != self._query:
            self._reset(wanted)

    def sort_column(self) -> int:
        """The column of the current sort key (-1 when none shows it)."""
        keys = [c.sort_key for c in self._columns]
        return keys.index(self.query.sort) if self.query.sort in keys else -1

    # ------------------------------------------------------------------ rows

    def row_at(self, row: int) -> Any:
        """The row object shown at ``row``, or None."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, predicate: Callable[[Any], bool]) -> int:
        """The position of the first fetched row that satisfies ``predicate``, or -1."""
        return next((i for i, row in enumerate(self._rows) if predicate(row)), -1)

    def _reset(self, query: PageQuery) -> None:
        self._generation += 1
        self._busy = True
        self.beginResetModel()
        self._query = query
        self._rows = []
        self._exhausted = False
        self._total = None
        error: BaseException | None = None
        try:
            self._append_page()
        except Exception as exc:  # noqa: BLE001 - reported through `failed`
            error = exc
            self._exhausted = True
            self._total = 0
        self.endResetModel()
        self._busy = False
        if error is not None:
            self.failed.emit(error)
        self.loaded.emit()
        if self._exhausted:
            self._set_total(len(self._rows))
        else:
            self._start_count()

    def _append_page(self) -> int:
        """Fetch the next page into the cache; return how many rows came."""
        page = list(self._fetch(self.query, len(self._rows), self._page_size + 1))
        if len(page) <= self._page_size:
            self._exhausted = True
        else:
            page = page[: self._page_size]
        self._rows.extend(page)
        return len(page)

    def _start_count(self) -> None:
        generation, query = self._generation, self.query

        # The answer may come after the model is gone (window closed meanwhile).
        def current() -> bool:
            return shiboken6.isValid(self) and generation == self._generation

        def done(total: int) -> None:
            if current():
                self._set_total(total)

        def fail(error: BaseException) -> None:
            if current():
                self.failed.emit(error)

        workers.run_in_background(lambda: self._count(query), on_done=done, on_error=fail)

    def _set_total(self, total: int) -> None:
        self._total = total
        self.totalChanged.emit(total)

    # ------------------------------------------------------------------ Qt's model API

    def rowCount(self, parent: Index = _ROOT) -> int:
        """Qt: the rows fetched so far (a flat table: none under a row)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        """Qt: the number of columns."""
        return 0 if parent.isValid() else len(self._columns)

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        """Qt: True while pages remain to fetch."""
        return (
            not parent.isValid()
            and self._query is not None
            and not self._exhausted
            and not self._busy
        )

    def fetchMore(self, parent: Index = _ROOT) -> None:
        """Qt: fetch the next page (called when the view scrolls near the end)."""
        if not self.canFetchMore(parent):
            return
        start = len(self._rows)
        try:
            page = list(self._fetch(self.query, start, self._page_size + 1))
        except Exception as exc:  # noqa: BLE001 - reported through `failed`
            self._exhausted = True
            self.failed.emit(exc)
            return
        more = len(page) > self._page_size
        page = page[: self._page_size]
        self._exhausted = not more
        if page:
            self._busy = True
            self.beginInsertRows(_ROOT, start, start + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
            self._busy = False

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Qt: a cell's text and alignment."""
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.ToolTipRole:
            return column.value(self._rows[index.row()])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Qt: the translated column headings."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self._context, self._columns[section].title)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Qt: rows are selectable, never editable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # ------------------------------------------------------------------ layout hints

    def column(self, section: int) -> Column:
        """The description of a column."""
        return self._columns[section]
