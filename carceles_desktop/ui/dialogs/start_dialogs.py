"""What the program asks before its window opens: a database in use, a damaged one.

Plain data in, a plain answer out: the composition root (``app.py``) finds the facts
in storage and decides what to do with the answer; these dialogs only show and ask.
Tests patch the ``ask`` classmethods, or answer the real dialogs.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.ui.dialogs.passphrase_dialog import PassphraseDialog

translate = QCoreApplication.translate


def breakable(path: str) -> str:
    """A path that may wrap after each folder separator (a zero-width space after each)."""
    return path.replace("\\", "\\\u200b").replace("/", "/\u200b")


@dataclass(frozen=True)
class InUseFacts:
    """Who holds the database (the holder's fields are None while he is not known yet).

    Attributes:
        path: the database file.
        host: the computer holding it.
        user: the operating-system user there.
        since: when he opened it, as local text ("2026-11-30 08:15").
    """

    path: str
    host: str | None = None
    user: str | None = None
    since: str | None = None


@dataclass(frozen=True)
class DamageFacts:
    """A database that failed its start-up check, and the backup that could replace it.

    Attributes:
        path: the damaged database file.
        details: what the check found (SQLite's words).
        backups_folder: where the backups are (and where the damaged file is kept).
        backup_name: the newest good backup's file name, or None when there is none.
        backup_taken: when that backup was taken, as local text.
    """

    path: str
    details: str
    backups_folder: str
    backup_name: str | None = None
    backup_taken: str | None = None


class _Notice(QDialog):
    """An icon, a bold heading, the explanation, small print, and the choices."""

    def __init__(
        self, parent: QWidget | None, icon: QStyle.StandardPixmap, heading: str, text: str
    ) -> None:
        super().__init__(parent)
        self.heading = QLabel(f"<b>{heading}</b>")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.small_print = QLabel()
        self.small_print.setWordWrap(True)
        self.small_print.setStyleSheet("color: #555;")
        self.small_print.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.small_print.setVisible(False)
        picture = QLabel()
        picture.setPixmap(self.style().standardIcon(icon).pixmap(48, 48))
        picture.setAlignment(Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.addWidget(self.heading)
        words.addWidget(self.text)
        words.addWidget(self.small_print)
        words.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(picture)
        body.addSpacing(8)
        body.addLayout(words, 1)
        self.buttons = QDialogButtonBox()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addSpacing(8)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Fit the height to the wrapped text (a wrapped label's size hint is a guess)."""
        super().showEvent(event)
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            self.resize(self.width(), layout.totalHeightForWidth(self.width()))

    def _button(self, text: str, role: QDialogButtonBox.ButtonRole) -> QPushButton:
        button = self.buttons.addButton(text, role)
        assert button is not None  # addButton with a text always makes one
        return button

    def _note(self, text: str) -> None:
        self.small_print.setText(text)
        self.small_print.setVisible(bool(text))


class DatabaseInUseDialog(_Notice):
    """Another computer holds the database: open it read-only, or quit.

    Attributes:
        read_only_button: "Abrir solo lectura" (accepts).
        quit_button: "Salir" (rejects; the default, so Enter never opens by mistake).
    """

    def __init__(self, facts: InUseFacts, parent: QWidget | None = None) -> None:
        if facts.host is None:
            text = translate(
                "StartDialogs",
                "Another program is opening the database right now.\n\nOpen it read-only "
                "to look up records (nothing can be saved), or quit and try again in a moment.",
            )
        else:
            text = translate(
                "StartDialogs",
                "The database is open on the computer {host}, by the user {user}, since "
                "{since}.\n\nOnly one computer at a time can change it. Open it read-only to "
                "look up records (nothing can be saved), or quit and close the program on "
                "{host} first.",
            ).format(host=facts.host, user=facts.user, since=facts.since)
        super().__init__(
            parent,
            QStyle.StandardPixmap.SP_MessageBoxWarning,
            translate("StartDialogs", "The database is in use on another computer"),
            text,
        )
        self.setWindowTitle(translate("StartDialogs", "Database in use"))
        self._note(_file_line(facts.path))
        self.read_only_button = self._button(
            translate("StartDialogs", "Open read-only"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.quit_button = self._button(
            translate("StartDialogs", "Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.quit_button.setDefault(True)
        self.quit_button.setFocus()

    @classmethod
    def ask(cls, facts: InUseFacts, parent: QWidget | None = None) -> bool:
        """Show the dialog; True when the user chose to open the database read-only."""
        return cls(facts, parent).exec() == QDialog.DialogCode.Accepted


class DamagedDatabaseDialog(_Notice):
    """The database failed its check: restore the newest good backup, or quit.

    Attributes:
        restore_button: "Restaurar la copia" (accepts); absent when there is no backup.
        quit_button: "Salir" (rejects).
    """

    def __init__(self, facts: DamageFacts, parent: QWidget | None = None) -> None:
        intro = translate(
            "StartDialogs",
            "The check at start-up found that the database is damaged; it cannot be used as it is.",
        )
        folder = breakable(facts.backups_folder)
        if facts.backup_name is not None:
            more = translate(
                "StartDialogs",
                "The newest good backup is {name}, taken on {taken}. Restoring it brings the "
                "records back as they were then. The damaged file is kept in {folder}, so "
                "whatever was recorded after the backup can still be looked for there.",
            ).format(name=facts.backup_name, taken=facts.backup_taken, folder=folder)
        else:
            more = translate(
                "StartDialogs",
                "No good backup of it was found in {folder}. Copy that folder and the "
                "database file to a safe place and ask for technical help; a backup can be "
                "restored later with: carceles-desktop restore FILE",
            ).format(folder=folder)
        super().__init__(
            parent,
            QStyle.StandardPixmap.SP_MessageBoxCritical,
            translate("StartDialogs", "The database is damaged"),
            f"{intro}\n\n{more}",
        )
        self.setWindowTitle(translate("StartDialogs", "Damaged database"))
        found = translate("StartDialogs", "What the check found: {details}").format(
            details=facts.details
        )
        self._note(f"{_file_line(facts.path)}\n{found}")
        self.restore_button: QPushButton | None = None
        if facts.backup_name is not None:
            self.restore_button = self._button(
                translate("StartDialogs", "Restore the backup"),
                QDialogButtonBox.ButtonRole.AcceptRole,
            )
        self.quit_button = self._button(
            translate("StartDialogs", "Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )

    @classmethod
    def ask(cls, facts: DamageFacts, parent: QWidget | None = None) -> bool:
        """Show the dialog; True when the user chose to restore the backup."""
        return cls(facts, parent).exec() == QDialog.DialogCode.Accepted


def ask_encrypted_backups_passphrase(parent: QWidget | None = None) -> str | None:
    """Ask the passphrase of the encrypted backups of a damaged database; None: skip them."""
    return PassphraseDialog.ask(
        parent,
        text=translate(
            "StartDialogs",
            "The database is damaged, and its newest backups are encrypted. Type their "
            "passphrase to restore one of them, or Cancel to look only at the backups that "
            "are not encrypted.",
        ),
    )


def _file_line(path: str) -> str:
    return translate("StartDialogs", "Database file: {path}").format(path=breakable(path))
