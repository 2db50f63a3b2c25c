"""Form rows that carry their own message line, and a date field typed as dd/mm/aaaa.

A refusal names a field (``AppError(field="doc_number")``); :class:`FieldForm` puts the
message under that field's input, with a red border on the input, or on the form's
general line when no row has that name.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from carceles_desktop.errors import AppError

translate = QCoreApplication.translate

ERROR_STYLE = "color: #b00020;"
FIELD_ERROR_STYLE = "border: 1px solid #b00020;"
_DAY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")


def message_label() -> QLabel:
    """A hidden, red, word-wrapped line for a message."""
    line = QLabel()
    line.setStyleSheet(ERROR_STYLE)
    line.setWordWrap(True)
    line.setVisible(False)
    return line


def grow_to_fit(window: QWidget) -> None:
    """Make a window tall enough for its wrapped messages at its present width.

    A window's minimum size ignores height-for-width (word-wrapped labels), so a message
    that wraps onto a second line would squeeze the rows instead of growing the window.
    """
    layout = window.layout()
    if layout is None or not layout.hasHeightForWidth():
        return
    needed = layout.totalHeightForWidth(window.width())
    if needed > window.height():
        window.resize(window.width(), needed)


class FieldForm:
    """The rows of a form and the message under each.

    Attributes:
        layout: the form's layout (put it in the dialog).
        general: the line for messages that name no row.
        inputs: each row's input, by the service's field name.
        messages: each row's message line, by the same name.
    """

    def __init__(self) -> None:
        self.layout = QFormLayout()
        self.layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.general = message_label()
        self.inputs: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}

    def add(
        self, name: str, caption: str, widget: QWidget, *, framed: QWidget | None = None
    ) -> None:
        """Add a row: caption, widget and its hidden message line.

        ``framed`` is the input to outline in red when ``widget`` is a container.
        """
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        line = message_label()
        box.addWidget(line)
        self.layout.addRow(caption, holder)
        self.inputs[name] = framed or widget
        self.messages[name] = line

    def show(self, name: str, text: str) -> None:
        """Show a message under a row (on the general line if no row has that name)."""
        line = self.messages.get(name)
        if line is None:
            self.general.setText(text)
            self.general.setVisible(True)
            return
        line.setText(text)
        line.setVisible(True)
        self.inputs[name].setStyleSheet(FIELD_ERROR_STYLE)

    def clear(self, name: str) -> None:
        """Hide a row's message and outline."""
        line = self.messages[name]
        if line.text():
            line.clear()
            line.setVisible(False)
            self.inputs[name].setStyleSheet("")

    def clear_all(self) -> None:
        """Hide every message."""
        for name in self.messages:
            self.clear(name)
        self.general.clear()
        self.general.setVisible(False)

    def show_error(self, error: AppError, *, aliases: dict[str, str] | None = None) -> None:
        """Show a refusal under the row it names (``aliases`` maps service names to rows)."""
        name = (aliases or {}).get(error.field or "", error.field or "")
        self.show(name, str(error))
        if name in self.inputs:
            self.inputs[name].setFocus()

    def message(self, name: str) -> str:
        """The message shown under a row ("" when none)."""
        line = self.messages[name]
        return line.text() if not line.isHidden() else ""


class DateField(QLineEdit):
    """A date typed the Peruvian way (30/11/2026; also with - or .), or left empty."""

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(translate("DateField", "dd/mm/yyyy"))
        self.setMaxLength(10)
        self.set_value(value)

    def set_value(self, value: date | None) -> None:
        """Show a date (empty for None)."""
        self.setText(value.strftime("%d/%m/%Y") if value else "")

    def value(self) -> date | None:
        """The date typed, or None when empty.

        Raises:
            ValueError: the text is not a date; the message is for the user.
        """
        text = self.text().strip()
        if not text:
            return None
        match = _DAY.fullmatch(text)
        try:
            if match is None:
                raise ValueError(text)
            day, month, year = (int(part) for part in match.groups())
            return date(year, month, day)
        except ValueError:
            raise ValueError(
                translate("DateField", "Write the date as dd/mm/yyyy, e.g. 30/11/2026.")
            ) from None
