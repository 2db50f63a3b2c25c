"""What the dialogs asking for a passphrase share: hidden fields and their layout.

The backup passphrase (:mod:`.passphrase_dialog`) and the signing key's passphrase
(:mod:`.signing_passphrase`) both show a text, a form of hidden fields, a hint saying the
program does not keep what is typed, an error line and OK/Cancel.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)


def secret_field() -> QLineEdit:
    """A line edit that hides what is typed (passphrases up to 512 characters)."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(512)
    return field


class SecretPrompt(QDialog):
    """A dialog asking for a secret; subclasses build the form and decide in :meth:`take`.

    Attributes:
        error: why the typed text was not taken (hidden until then).
    """

    error: QLabel

    def lay_out(self, text: str, form: QFormLayout, hint: str, *, wrap_error: bool) -> None:
        """Place the intro ``text``, the ``form``, the ``hint``, the error line and buttons."""
        intro = QLabel(text)
        intro.setWordWrap(True)
        hint_label = QLabel(hint)
        hint_label.setWordWrap(True)
        hint_label.setStyleSheet("color: #555;")
        self.error = QLabel()
        if wrap_error:
            self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setVisible(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.take)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(hint_label)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def take(self) -> None:
        """Accept what was typed, or say why not and stay open."""
        self.accept()

    def refuse(self, message: str) -> None:
        """Show why the typed text was not taken; the dialog stays open."""
        self.error.setText(message)
        self.error.setVisible(True)
