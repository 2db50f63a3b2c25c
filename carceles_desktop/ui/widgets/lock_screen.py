"""The lock screen: it takes the place of the window's content until the password is typed.

The main window swaps its content for this page (the content is hidden, not covered),
so nothing of the records shows while the office PC stands unattended.  Only the user
who locked it may unlock it; anyone else can only quit the program (and then sign in
afresh), which keeps every audit entry under the name of whoever really typed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop import resources
from carceles_desktop.errors import AppError
from carceles_desktop.ui.dialogs.form_errors import error_label

translate = QCoreApplication.translate

#: Checks the password of the locked session's user; raises AppError when wrong.
CheckPassword = Callable[[str], None]


class LockScreen(QWidget):
    """Asks the locked session's user for his password.

    Attributes:
        password: the password field.
        error: the message of the last refusal.
        unlock_button: checks the password.
        quit_button: ends the program instead.
    """

    #: The right password was typed.
    unlocked = Signal()
    #: The user chose to quit instead.
    quit_requested = Signal()

    def __init__(
        self,
        username: str,
        full_name: str,
        check: CheckPassword,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._check = check
        # Opaque: whatever is behind must never show through.
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        icon = QLabel()
        icon.setPixmap(QIcon(str(resources.path("icons/app.svg"))).pixmap(QSize(64, 64)))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(translate("LockScreen", "Session locked"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        who = full_name if full_name else username
        self.note = QLabel(
            translate(
                "LockScreen",
                "The records are hidden. {name} ({user}), type your password to go on.",
            ).format(name=who, user=username)
        )
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(translate("LockScreen", "Password"))
        self.error = error_label()
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unlock_button = QPushButton(translate("LockScreen", "Unlock"))
        self.unlock_button.setDefault(True)
        self.quit_button = QPushButton(translate("LockScreen", "Quit the program"))
        other = QLabel(
            translate(
                "LockScreen",
                "Someone else? Quit the program and sign in with your own account.",
            )
        )
        other.setWordWrap(True)
        other.setAlignment(Qt.AlignmentFlag.AlignCenter)
        other.setStyleSheet("color: #666;")
        self._layout(icon, title, other)
        self.password.returnPressed.connect(self.try_unlock)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.quit_button.clicked.connect(self.quit_requested)

    def _layout(self, icon: QLabel, title: QLabel, other: QLabel) -> None:
        panel = QFrame()
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setMaximumWidth(460)
        box = QVBoxLayout(panel)
        box.setContentsMargins(28, 24, 28, 24)
        box.setSpacing(10)
        box.addWidget(icon)
        box.addWidget(title)
        box.addWidget(self.note)
        box.addWidget(self.password)
        box.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.quit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        box.addLayout(buttons)
        box.addWidget(other)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel, 3)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

    def start(self) -> None:
        """Prepare for a new lock: empty field, no old message, cursor in the field."""
        self.password.clear()
        self.error.clear()
        self.error.setVisible(False)
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def try_unlock(self) -> None:
        """Check the typed password; emit :attr:`unlocked`, or say why not and stay."""
        typed = self.password.text()
        self.password.clear()
        if not typed:
            self._refuse(translate("LockScreen", "Type your password."))
            return
        try:
            self._check(typed)
        except AppError as exc:
            self._refuse(str(exc))
            return
        self.error.setVisible(False)
        self.unlocked.emit()

    def _refuse(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)
