"""Signing in: user name and password, with the refusal shown inside the dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.errors import AppError
from carceles_desktop.services.actor import Actor

translate = QCoreApplication.translate

#: Checks a user name and password; raises PermissionDenied with a readable message.
Authenticate = Callable[[str, str], Actor]


class LoginDialog(QDialog):
    """Asks for a user name and password until one is accepted or the user gives up.

    Attributes:
        username: the user name field.
        password: the password field (echo hidden).
        error: the message of the last refusal, shown above the buttons.
        actor: who signed in, once accepted.
    """

    def __init__(
        self,
        authenticate: Authenticate,
        parent: QWidget | None = None,
        *,
        title: str = "",
        demo: bool = False,
    ) -> None:
        super().__init__(parent)
        self._authenticate = authenticate
        self.actor: Actor | None = None
        self.setWindowTitle(translate("LoginDialog", "Sign in"))
        heading = QLabel(f"<b>{title}</b>" if title else "")
        heading.setVisible(bool(title))
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("LoginDialog", "Sign in")
        )
        form = QFormLayout()
        form.addRow(translate("LoginDialog", "User:"), self.username)
        form.addRow(translate("LoginDialog", "Password:"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        if demo:
            # The demo database is never real data; its users are in the README too.
            hint = QLabel(
                translate(
                    "LoginDialog",
                    "Demo database: users admin, jefe, supervisor and consulta, password demo.",
                )
            )
            hint.setWordWrap(True)
            hint.setStyleSheet("color: #555555;")
            layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.try_sign_in)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(360)
        self.username.setFocus(Qt.FocusReason.OtherFocusReason)

    def try_sign_in(self) -> None:
        """Check the typed name and password; accept, or say why not and stay open."""
        name = self.username.text().strip()
        if not name:
            self._refuse(translate("LoginDialog", "Enter your user name."), self.username)
            return
        try:
            actor = self._authenticate(name, self.password.text())
        except AppError as exc:
            self._refuse(str(exc), self.password)
            return
        self.actor = actor
        self.accept()

    def _refuse(self, message: str, field: QLineEdit) -> None:
        self.error.setText(message)
        self.error.setVisible(True)
        self.password.clear()
        field.setFocus(Qt.FocusReason.OtherFocusReason)

    @classmethod
    def ask(
        cls,
        authenticate: Authenticate,
        parent: QWidget | None = None,
        *,
        title: str = "",
        icon: QIcon | None = None,
        demo: bool = False,
    ) -> Actor | None:
        """Show the dialog; return who signed in, or None if the user cancelled."""
        dialog = cls(authenticate, parent, title=title, demo=demo)
        if icon is not None:
            dialog.setWindowIcon(icon)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.actor if accepted else None
