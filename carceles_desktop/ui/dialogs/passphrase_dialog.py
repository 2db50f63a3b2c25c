"""The backup passphrase: asked when backups are encrypted, kept in memory, never stored.

For a new encrypted backup it is typed twice (a typing mistake would make every backup
of the session impossible to open); to open a backup, once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFormLayout, QWidget

from carceles_desktop.ui.dialogs.secret_prompt import SecretPrompt, secret_field

translate = QCoreApplication.translate


class PassphraseDialog(SecretPrompt):
    """Asks for the backup passphrase (twice when ``confirm``).

    Attributes:
        passphrase: the passphrase field.
        repeat: the second field (hidden unless ``confirm``).
        error: why the typed passphrase was not taken.
    """

    def __init__(self, parent: QWidget | None, *, text: str, confirm: bool) -> None:
        super().__init__(parent)
        self._confirm = confirm
        self.setWindowTitle(translate("PassphraseDialog", "Backup passphrase"))
        self.passphrase = secret_field()
        self.repeat = secret_field()
        form = QFormLayout()
        form.addRow(translate("PassphraseDialog", "Passphrase:"), self.passphrase)
        if confirm:
            form.addRow(translate("PassphraseDialog", "Repeat it:"), self.repeat)
        hint = translate(
            "PassphraseDialog",
            "The program does not keep it: it is asked again after a restart. Whoever "
            "loses it cannot open the encrypted backups.",
        )
        self.lay_out(text, form, hint, wrap_error=True)

    def take(self) -> None:
        """Accept the typed passphrase, or say why not and stay open."""
        # Imported here: the cryptography library it brings is not needed to start.
        from carceles_desktop.services.backup_crypto import MIN_PASSPHRASE

        typed = self.passphrase.text()
        if self._confirm and len(typed) < MIN_PASSPHRASE:
            self.refuse(
                translate(
                    "PassphraseDialog", "The passphrase must have at least {count} characters."
                ).format(count=MIN_PASSPHRASE)
            )
            return
        if not typed:
            self.refuse(translate("PassphraseDialog", "Type the passphrase."))
            return
        if self._confirm and self.repeat.text() != typed:
            self.refuse(translate("PassphraseDialog", "The two passphrases are not the same."))
            return
        self.accept()

    def refuse(self, message: str) -> None:
        """Show why, and clear the repeat so both are typed again."""
        super().refuse(message)
        self.repeat.clear()
        self.passphrase.setFocus()
        self.passphrase.selectAll()

    @classmethod
    def ask(cls, parent: QWidget | None, *, text: str, confirm: bool = False) -> str | None:
        """Show the dialog; return the passphrase, or None when cancelled."""
        dialog = cls(parent, text=text, confirm=confirm)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.passphrase.text()
