"""What the commerce areas add to the shared list: a filter, and buttons to open forms.

Above the list: "New…" (Ctrl+N), "Open…" (Enter or a double click), any buttons of
the area, and a filter combo ("State: all …").  A form that changed something makes the
list read again, keeping the record selected.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.ui.models.commerce_tables import FilteredTableModel
from carceles_desktop.ui.views.list_view import ListView

translate = QCoreApplication.translate


class MiddleElided(QStyledItemDelegate):
    """Shortens a cell's text in its middle rather than at its end."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Any) -> None:  # noqa: N802
        """Qt: how the cell is drawn."""
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


class CommerceListView(ListView):
    """A list with a filter combo and New/Open buttons; subclasses open the forms.

    Attributes:
        filter_box: the filter combo (its data: the filter value, None for all).
        new_button: opens an empty form (hidden when the user may not create).
        open_button: opens the selected record's form.
        bar: the row of buttons above the list, for the area's own buttons.
    """

    model: FilteredTableModel

    def __init__(
        self,
        model: FilteredTableModel,
        detail_html: Callable[[Any], str],
        *,
        settings_key: str,
        empty_detail: str,
        filter_caption: str,
        filters: Sequence[tuple[str, Any]],
        may_create: bool,
        code_column: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            model,
            detail_html,
            settings_key=settings_key,
            empty_detail=empty_detail,
            parent=parent,
        )
        if code_column:
            # Codes and numbers differ at their end (…-L26-00398): keep both ends in sight.
            self._middle = MiddleElided(self.table)
            self.table.setItemDelegateForColumn(0, self._middle)
        self._build_bar(filter_caption, filters, may_create)
        self._shortcuts(may_create)
        self.new_button.clicked.connect(self._new)
        self.open_button.clicked.connect(self.open_selected)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.open_button.setEnabled(self.selected_row() is not None)
        )
        self.filter_box.currentIndexChanged.connect(self._on_filter)

    def _build_bar(
        self, filter_caption: str, filters: Sequence[tuple[str, Any]], may_create: bool
    ) -> None:
        self.filter_box = QComboBox()
        self.filter_box.addItem(translate("CommerceList", "All"), None)
        for text, value in filters:
            self.filter_box.addItem(text, value)
        # Qt hands enums back as their plain values: keep the values themselves here.
        self._filter_values = [None, *(value for _, value in filters)]
        self.new_button = QPushButton(translate("CommerceList", "New…"))
        self.new_button.setToolTip(translate("CommerceList", "New record (Ctrl+N)"))
        self.new_button.setVisible(may_create)
        self.open_button = QPushButton(translate("CommerceList", "Open…"))
        self.open_button.setEnabled(False)
        self.bar = QHBoxLayout()
        self.bar.addWidget(self.new_button)
        self.bar.addWidget(self.open_button)
        self.bar.addStretch(1)
        self.bar.addWidget(QLabel(filter_caption))
        self.bar.addWidget(self.filter_box)
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)  # ListView lays itself out vertically
        outer.insertLayout(0, self.bar)

    def _shortcuts(self, may_create: bool) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        new = QAction(self)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.setShortcutContext(context)
        new.setEnabled(may_create)
        new.triggered.connect(self._new)
        self.addAction(new)
        opening = QAction(self)
        opening.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        opening.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        opening.triggered.connect(self.open_selected)
        self.table.addAction(opening)

    # ------------------------------------------------------------------ rows

    def selected_row(self) -> Any:
        """The row object selected in the list, or None."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_id(self, record_id: int) -> None:
        """Select the row of a record, when it is among the rows fetched."""
        position = self.model.row_of(lambda row: row.id == record_id)
        if position >= 0:
            self.table.selectRow(position)
            self.table.scrollTo(self.model.index(position, 0, QModelIndex()))

    def refresh_after(self, record_id: int | None) -> None:
        """Read the list again after a form saved ``record_id`` (selected if listed)."""
        if record_id is not None:
            self._selected_id = record_id
        self.reload()
        if record_id is not None:
            self.select_id(record_id)

    # ------------------------------------------------------------------ reactions

    def chosen_filter(self) -> Any:
        """The filter chosen beside the search box (None: all)."""
        index = self.filter_box.currentIndex()
        return self._filter_values[index] if 0 <= index < len(self._filter_values) else None

    def _on_filter(self) -> None:
        self.model.set_filter(self.chosen_filter())

    def load(self) -> None:
        """Run the first query with the chosen filter."""
        if not self.model.is_loaded:
            self.model.filter_value = self.chosen_filter()
        super().load()

    def _new(self) -> None:
        if self.new_button.isVisible():
            self.new_record()

    def open_selected(self) -> None:
        """Open the selected record's form."""
        row = self.selected_row()
        if row is not None:
            self.open_record(row)

    def run_form(self, dialog: QDialog) -> None:
        """Show a record's form until closed, then free it.

        A form stays alive while a PDF preview it opened is still on screen (the
        preview is its child, so that it can be used while the form is modal).
        """
        dialog.exec()
        previews = {w for w in dialog.findChildren(QDialog) if w.isVisible()}
        if not previews:
            dialog.deleteLater()
            return

        def closed(preview: QDialog) -> None:
            previews.discard(preview)
            if not previews:
                dialog.deleteLater()

        for preview in previews:
            preview.finished.connect(lambda _result, p=preview: closed(p))

    # ------------------------------------------------------------------ for subclasses

    def new_record(self) -> None:
        """Open an empty form."""
        raise NotImplementedError

    def open_record(self, row: Any) -> None:
        """Open the form of ``row``."""
        raise NotImplementedError
