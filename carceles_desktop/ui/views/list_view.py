"""What every list area shares: a search box, a paged table and a detail panel.

Typing filters as you type: each keystroke restarts a short single-shot timer, and the
query runs when the user pauses (no sleeping, and no query per keystroke while typing
fast).  The detail panel shows the selected row through a service call.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QItemSelection, QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.errors import AppError
from carceles_desktop.ui import messages
from carceles_desktop.ui.models.paged_table import PagedTableModel

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

#: Pause after the last keystroke before the list is filtered.
SEARCH_DELAY_MS = 150


class ListView(QWidget):
    """A searchable, sortable list with a detail panel; subclasses give model and detail.

    Attributes:
        search: the search box.
        table: the table view.
        detail: the panel that shows the selected record.
        count_label: "Results: N" above the table.
    """

    def __init__(
        self,
        model: PagedTableModel,
        detail_html: Callable[[Any], str],
        *,
        settings_key: str,
        empty_detail: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._detail_html = detail_html
        self._settings_key = settings_key
        self._empty_detail = empty_detail
        self._selected_id: int | None = None

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(translate("ListView", "Search by name, document or code"))
        self.count_label = QLabel()
        self.count_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableView()
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._layout()
        self._setup_table()
        self._connect()
        self._show_empty_detail()

    # ------------------------------------------------------------------ building

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([760, 380])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)

    def _setup_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionsMovable(True)
        char = table.fontMetrics().averageCharWidth()
        for section in range(self.model.columnCount()):
            width = self.model.column(section).width
            if width is not None:
                header.resizeSection(section, width * char + 16)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The indicator first shows the model's own order, so enabling sorting asks for it.
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)

    def _connect(self) -> None:
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self._search_now)
        self._timer.timeout.connect(self._search_now)
        self.model.loaded.connect(self._on_loaded)
        self.model.totalChanged.connect(self._show_total)
        self.model.failed.connect(self._on_failed)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

    # ------------------------------------------------------------------ actions

    def load(self) -> None:
        """Run the first query (the window calls it once the view is built)."""
        if not self.model.is_loaded:
            self.model.set_search(self.search.text())

    def focus_search(self) -> None:
        """Put the cursor in the search box with its text selected (Ctrl+F)."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def reload(self) -> None:
        """Run the query again, keeping the selected record selected if still listed (F5)."""
        self._timer.stop()
        text = self.search.text()
        if self.model.is_loaded and text == self.model.query.text:
            self.model.reload()
        else:
            self.model.set_search(text)

    def is_ready(self) -> bool:
        """True when the first page is in and the total is known."""
        return self.model.is_loaded and self.model.total is not None and not self._timer.isActive()

    def _search_now(self) -> None:
        self._timer.stop()
        self.model.set_search(self.search.text())

    # ------------------------------------------------------------------ reactions

    def _on_loaded(self) -> None:
        self.count_label.setText(translate("ListView", "Searching…"))
        position = (
            self.model.row_of(lambda row: row.id == self._selected_id)
            if self._selected_id is not None
            else -1
        )
        if position >= 0:
            self.table.selectRow(position)
        else:
            self._selected_id = None
            self._show_empty_detail()
        if self.model.total is not None:
            self._show_total(self.model.total)

    def _show_total(self, total: int) -> None:
        self.count_label.setText(translate("ListView", "Results: {count}").format(count=total))

    def _on_failed(self, error: BaseException) -> None:
        self.count_label.setText("")
        messages.show_error(self, error)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        row = self.model.row_at(indexes[0].row()) if indexes else None
        if row is None:
            self._selected_id = None
            self._show_empty_detail()
            return
        self._selected_id = row.id
        try:
            self.detail.setHtml(self._detail_html(row))
        except AppError as exc:
            # The record may have gone since the list was read: say so in the panel.
            self.detail.setHtml(f"<p>{html.escape(str(exc))}</p>")

    def _show_empty_detail(self) -> None:
        self.detail.setHtml(f"<p style='color: gray'>{html.escape(self._empty_detail)}</p>")

    # ------------------------------------------------------------------ state

    def save_state(self, settings: QSettings) -> None:
        """Remember the splitter and the column widths and order."""
        settings.setValue(f"{self._settings_key}/splitter", self.splitter.saveState())
        settings.setValue(f"{self._settings_key}/header", self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        """Put back what :meth:`save_state` remembered, the last sort included."""
        splitter = settings.value(f"{self._settings_key}/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        state = settings.value(f"{self._settings_key}/header")
        header = self.table.horizontalHeader()
        if isinstance(state, QByteArray) and header.restoreState(state):
            # The model follows the restored indicator (it only remembers it until loaded).
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
