"""Inputs the commerce forms share: dates, optional dates, numbers, and a search combo.

Numbers are typed into line edits and handed to the services as text: the services
read "12,5" as well as "12.5" and name the field when a number is wrong, so the form
shows the same message whatever the input.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QCompleter,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from carceles_desktop.domain.rules.text import fold
from carceles_desktop.services import browse
from carceles_desktop.services.browse import WorkshopRow
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.ui import messages
from carceles_desktop.ui.commerce_labels import money_text

translate = QCoreApplication.translate

#: The earliest day a form offers; an optional date at this value means "none".
_NO_DATE = QDate(2000, 1, 1)
_FOLDED_ROLE = Qt.ItemDataRole.UserRole + 1
_KEY_ROLE = Qt.ItemDataRole.UserRole


def qdate(value: date) -> QDate:
    """A Python date as a QDate."""
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> date:
    """A QDate as a Python date."""
    return date(value.year(), value.month(), value.day())


def date_edit(value: date | None = None) -> QDateEdit:
    """A date input with a calendar, written the Peruvian way (30/11/2026)."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setMinimumDate(_NO_DATE)
    edit.setDate(qdate(value or date.today()))
    return edit


class OptionalDateEdit(QDateEdit):
    """A date input that may be left empty (shown as "—"; :meth:`value` is then None)."""

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd/MM/yyyy")
        self.setMinimumDate(_NO_DATE)
        self.setSpecialValueText("—")
        self.set_value(value)

    def value(self) -> date | None:
        """The chosen day, or None when left empty."""
        chosen = self.date()
        return None if chosen == _NO_DATE else pydate(chosen)

    def set_value(self, value: date | None) -> None:
        """Show a day, or nothing for None."""
        self.setDate(_NO_DATE if value is None else qdate(value))


def number_edit(text: str = "", *, width: int = 12) -> QLineEdit:
    """A right-aligned input for a quantity, a price or hours."""
    edit = QLineEdit(text)
    edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    edit.setMaximumWidth(edit.fontMetrics().averageCharWidth() * width + 24)
    return edit


def amount_text(quantity: str, price: str) -> str:
    """Quantity × price as typed, in soles; empty while either is not a number."""
    try:
        amount = Decimal(quantity.replace(",", ".")) * Decimal(price.replace(",", "."))
        if not amount.is_finite():
            return ""
        return money_text(amount.quantize(Decimal("0.01")))
    except InvalidOperation:  # not a number, infinite, or too large to show
        return ""


def text_edit(text: str | None = "", *, max_length: int = 200) -> QLineEdit:
    """A one-line text input limited to its column's width."""
    edit = QLineEdit(text or "")
    edit.setMaxLength(max_length)
    return edit


def all_workshops(ctx: ServiceContext) -> list[WorkshopRow]:
    """Every workshop the user sees, by code (a few hundred at most, nationally)."""
    found: list[WorkshopRow] = []
    with ctx.reading() as uow:
        while True:
            page = browse.search_workshops(uow, ctx.actor, offset=len(found), limit=500)
            found.extend(page)
            if len(page) < 500:
                return found


def set_input_editable(widget: QWidget, editable: bool) -> None:
    """Let the user change an input, or only read it.

    Text and date inputs become read-only rather than disabled, so a stored record
    stays legible (disabled text is pale grey), on the window's colour so that they do
    not look like inputs waiting to be filled; choices are disabled.
    """
    if isinstance(widget, QLineEdit | QPlainTextEdit | QAbstractSpinBox):
        widget.setReadOnly(not editable)
        palette = QApplication.palette(widget)
        if not editable:
            palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
        widget.setPalette(palette)
        if isinstance(widget, QDateEdit):
            widget.setCalendarPopup(editable)
        if isinstance(widget, QAbstractSpinBox):
            widget.setButtonSymbols(
                QAbstractSpinBox.ButtonSymbols.UpDownArrows
                if editable and not isinstance(widget, QDateEdit)
                else QAbstractSpinBox.ButtonSymbols.NoButtons
            )
    else:
        widget.setEnabled(editable)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask before a step that matters (No is the default, as for every question)."""
    return messages.confirm(parent, title, text)


class _FoldingCompleter(QCompleter):
    """Completes against the folded text (no accents, no case) but fills in the name."""

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802
        """Qt: the text put in the box for a chosen suggestion (the shown one)."""
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")

    def splitPath(self, path: str) -> list[str]:  # noqa: N802
        """Qt: what is typed, folded like the suggestions ("nunez" finds "Núñez")."""
        return [fold(path)]


class SearchCombo(QComboBox):
    """A combo to pick one record among many by typing part of its name.

    Typing shows the records whose text contains what is typed, ignoring accents and
    case; choosing one (or typing its whole text) selects it.  :meth:`key` is the chosen
    record's key, or None while the text matches none.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.setMinimumContentsLength(36)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._items = QStandardItemModel(self)
        self.setModel(self._items)
        completer = _FoldingCompleter(self._items, self)
        completer.setCompletionRole(_FOLDED_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseSensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        completer.activated[QModelIndex].connect(self._chosen)  # type: ignore[index]
        line = self.lineEdit()
        assert line is not None  # an editable combo has its line edit
        line.setPlaceholderText(translate("SearchCombo", "Type to search…"))
        line.editingFinished.connect(self._match_typed)

    def set_items(self, items: Sequence[tuple[Any, str]]) -> None:
        """Offer ``(key, text)`` pairs; nothing is chosen afterwards."""
        self._items.clear()
        for key, text in items:
            item = QStandardItem(text)
            item.setData(key, _KEY_ROLE)
            item.setData(fold(text), _FOLDED_ROLE)
            self._items.appendRow(item)
        self.setCurrentIndex(-1)
        self.setEditText("")

    def add_item(self, key: Any, text: str) -> None:
        """Offer one more record (e.g. the one a stored form points at, no longer listed)."""
        item = QStandardItem(text)
        item.setData(key, _KEY_ROLE)
        item.setData(fold(text), _FOLDED_ROLE)
        self._items.appendRow(item)

    def key(self) -> Any:
        """The chosen record's key, or None."""
        if self.currentIndex() < 0 or self.currentText() != self.itemText(self.currentIndex()):
            return None
        return self.itemData(self.currentIndex(), _KEY_ROLE)

    def set_key(self, key: Any) -> bool:
        """Choose the record with ``key``; False (nothing chosen) when it is not offered."""
        index = self.findData(key, _KEY_ROLE)
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")
        return index >= 0

    def _chosen(self, index: QModelIndex) -> None:
        # The completer's index is of its own proxy: find the row by the shown text.
        row = self.findText(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        if row >= 0:
            self.setCurrentIndex(row)

    def _match_typed(self) -> None:
        row = self.findText(self.currentText())
        if row >= 0 and row != self.currentIndex():
            self.setCurrentIndex(row)
