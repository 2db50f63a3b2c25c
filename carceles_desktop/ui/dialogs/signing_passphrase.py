"""The signing key's passphrase, asked when certificates are issued; never kept.

The text typed goes to the issuing job and nowhere else: not to a setting, a log or a
message.  The field is a password field.  Tests patch :meth:`SigningPassphraseDialog.ask`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate


class SigningPassphraseDialog(QDialog):
    """Asks for the passphrase of the establishment's signing key.

    Attributes:
        passphrase: the password field.
        error: why the dialog did not close (nothing typed).
    """

    def __init__(self, parent: QWidget | None, *, text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("SigningPassphraseDialog", "Signing key passphrase"))
        intro = QLabel(text)
        intro.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setMaxLength(512)
        form = QFormLayout()
        form.addRow(translate("SigningPassphraseDialog", "Passphrase:"), self.passphrase)
        hint = QLabel(
            translate(
                "SigningPassphraseDialog",
                "The program does not keep it: it signs this batch and is forgotten.",
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.error = QLabel()
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
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def take(self) -> None:
        """Close with the passphrase, or ask for one."""
        if not self.passphrase.text():
            self.error.setText(translate("SigningPassphraseDialog", "Type the passphrase."))
            self.error.setVisible(True)
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, *, text: str) -> str | None:
        """Show the dialog; return the passphrase, or None when cancelled."""
        dialog = cls(parent, text=text)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.passphrase.text()
        finally:
            dialog.passphrase.clear()
            dialog.deleteLater()
