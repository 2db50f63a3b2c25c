"""Field-level messages for forms: a red line under the field a refusal names.

Services refuse with ``AppError(field="username")``; a form registers each input under
the service's field name, and :meth:`FieldErrors.show` puts the message under that
input (or in the form's general line when no input has that name).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from carceles_desktop.errors import AppError

ERROR_STYLE = "color: #b00020;"
FIELD_ERROR_STYLE = "border: 1px solid #b00020;"


def error_label() -> QLabel:
    """A hidden, red, word-wrapped label for a message."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setVisible(False)
    return label


class FieldErrors:
    """The error lines of one form.

    Attributes:
        general: the line for messages that name no registered field.
        labels: the message line of each field, by the service's field name.
        inputs: the input widget of each field (highlighted when at fault).
    """

    def __init__(self) -> None:
        self.general = error_label()
        self.labels: dict[str, QLabel] = {}
        self.inputs: dict[str, QWidget] = {}

    def add_row(
        self,
        form: QFormLayout,
        name: str,
        caption: str,
        widget: QWidget,
        *,
        field_input: QWidget | None = None,
    ) -> None:
        """Add a row to ``form``: caption, widget, and the field's (hidden) message line.

        ``field_input`` is the widget to highlight when ``widget`` is a container.
        """
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        message = error_label()
        box.addWidget(message)
        form.addRow(caption, holder)
        self.labels[name] = message
        self.inputs[name] = field_input or widget

    def show(self, error: AppError | str, field: str | None = None) -> None:
        """Show a message under its field (``error.field`` unless ``field`` is given)."""
        name = field if field is not None else getattr(error, "field", None)
        label = self.labels.get(name or "")
        if label is None:
            self.general.setText(str(error))
            self.general.setVisible(True)
            return
        label.setText(str(error))
        label.setVisible(True)
        widget = self.inputs[name or ""]
        widget.setStyleSheet(FIELD_ERROR_STYLE)
        widget.setFocus()

    def has(self, name: str) -> bool:
        """True when a field of that name is on the form."""
        return name in self.labels

    def message(self, name: str) -> str:
        """The message shown under a field ("" when none)."""
        label = self.labels[name]
        return label.text() if not label.isHidden() else ""

    def clear(self) -> None:
        """Hide every message and highlight."""
        self.general.clear()
        self.general.setVisible(False)
        for name, label in self.labels.items():
            label.clear()
            label.setVisible(False)
            self.inputs[name].setStyleSheet("")
