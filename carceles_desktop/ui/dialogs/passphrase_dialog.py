"""The backup passphrase: asked when backups are encrypted, kept in memory, never stored.

For a new encrypted backup it is typed twice (a typing mistake would make every backup
of the session impossible to open); to open a backup, once.
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


def _hidden() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(512)
    return field


class PassphraseDialog(QDialog):
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
        intro = QLabel(text)
        intro.setWordWrap(True)
        self.passphrase = _hidden()
        self.repeat = _hidden()
        form = QFormLayout()
        form.addRow(translate("PassphraseDialog", "Passphrase:"), self.passphrase)
        if confirm:
            form.addRow(translate("PassphraseDialog", "Repeat it:"), self.repeat)
        hint = QLabel(
            translate(
                "PassphraseDialog",
                "The program does not keep it: it is asked again after a restart. Whoever "
                "loses it cannot open the encrypted backups.",
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.error = QLabel()
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
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def take(self) -> None:
        """Accept the typed passphrase, or say why not and stay open."""
        # Imported here: the cryptography library it brings is not needed to start.
        from carceles_desktop.services.backup_crypto import MIN_PASSPHRASE

        typed = self.passphrase.text()
        if self._confirm and len(typed) < MIN_PASSPHRASE:
            self._refuse(
                translate(
                    "PassphraseDialog", "The passphrase must have at least {count} characters."
                ).format(count=MIN_PASSPHRASE)
            )
            return
        if not typed:
            self._refuse(translate("PassphraseDialog", "Type the passphrase."))
            return
        if self._confirm and self.repeat.text() != typed:
            self._refuse(translate("PassphraseDialog", "The two passphrases are not the same."))
            return
        self.accept()

    def _refuse(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)
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
