"""The signing key's passphrase, asked when certificates are issued; never kept.

The text typed goes to the issuing job and nowhere else: not to a setting, a log or a
message.  The field is a password field.  Tests patch :meth:`SigningPassphraseDialog.ask`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFormLayout, QWidget

from carceles_desktop.ui.dialogs.secret_prompt import SecretPrompt, secret_field

translate = QCoreApplication.translate


class SigningPassphraseDialog(SecretPrompt):
    """Asks for the passphrase of the establishment's signing key.

    Attributes:
        passphrase: the password field.
        error: why the dialog did not close (nothing typed).
    """

    def __init__(self, parent: QWidget | None, *, text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("SigningPassphraseDialog", "Signing key passphrase"))
        self.passphrase = secret_field()
        form = QFormLayout()
        form.addRow(translate("SigningPassphraseDialog", "Passphrase:"), self.passphrase)
        hint = translate(
            "SigningPassphraseDialog",
            "The program does not keep it: it signs this batch and is forgotten.",
        )
        self.lay_out(text, form, hint, wrap_error=False)

    def take(self) -> None:
        """Close with the passphrase, or ask for one."""
        if not self.passphrase.text():
            self.refuse(translate("SigningPassphraseDialog", "Type the passphrase."))
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
