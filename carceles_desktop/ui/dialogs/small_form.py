"""A small form that asks what one step needs (a reason, a date, a receiver) and does it.

The step itself is the ``submit`` callback: it runs the service and commits.  When the
service refuses, the message shows under the field it names and the form stays open;
the user corrects it or cancels, and nothing was saved.  Tests patch :meth:`SmallForm.ask`
with a function that calls ``submit`` with the values they choose.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.errors import AppError
from carceles_desktop.ui.dialogs.form_errors import FieldErrors
from carceles_desktop.ui.dialogs.form_parts import OptionalDateEdit, pydate

translate = QCoreApplication.translate


@dataclass(frozen=True)
class FormField:
    """One input of a small form.

    Attributes:
        name: the service's field name (errors naming it show under the input).
        caption: the label, already translated.
        widget: the input (a line edit, a date edit or a plain text edit).
    """

    name: str
    caption: str
    widget: QWidget


def field_value(widget: QWidget) -> Any:
    """What an input holds: its text, or its date (None for an empty optional date)."""
    if isinstance(widget, OptionalDateEdit):
        return widget.value()
    if isinstance(widget, QDateEdit):
        return pydate(widget.date())
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    raise TypeError(f"no value for {type(widget).__name__}")


Submit = Callable[[dict[str, Any]], Any]


class SmallForm(QDialog):
    """Asks for a few values and runs ``submit`` with them; stays open on a refusal.

    Attributes:
        errors: the message lines.
        result_value: what ``submit`` returned, once it succeeded.
    """

    def __init__(
        self,
        title: str,
        intro: str,
        fields: Sequence[FormField],
        submit: Submit,
        *,
        action_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._fields = tuple(fields)
        self._submit = submit
        self.result_value: Any = None
        self.errors = FieldErrors()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for item in self._fields:
            self.errors.add_row(form, item.name, item.caption, item.widget)
        note = QLabel(intro)
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(action_text)
        # Enter in a field must not do a step that matters by accident.
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setAutoDefault(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def values(self) -> dict[str, Any]:
        """The values typed, by field name."""
        return {item.name: field_value(item.widget) for item in self._fields}

    def run(self) -> None:
        """Do the step; on a refusal show why and stay open."""
        self.errors.clear()
        try:
            self.result_value = self._submit(self.values())
        except AppError as exc:
            self.errors.show(exc)
            return
        self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        title: str,
        intro: str,
        fields: Sequence[FormField],
        submit: Submit,
        *,
        action_text: str,
    ) -> Any:
        """Show the form; return what ``submit`` returned, or None when cancelled."""
        dialog = cls(title, intro, fields, submit, action_text=action_text, parent=parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.result_value if accepted else None
