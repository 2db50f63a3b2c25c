"""Passwords: the user changes his own; an administrator resets someone else's.

A reset marks the account so that the next sign-in must choose a new password:
:func:`ensure_password_changed` asks for it before the window opens, and the program
does not start until it is done.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.errors import AppError, NotFound
from carceles_desktop.services import users
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.passwords import MIN_LENGTH
from carceles_desktop.ui.dialogs.form_errors import FieldErrors

translate = QCoreApplication.translate


def password_field() -> QLineEdit:
    """A line edit that hides what is typed."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(256)
    return field


def mismatch_text() -> str:
    """The message when the two typed passwords differ."""
    return translate("PasswordDialog", "The two passwords are not the same.")


def policy_hint() -> str:
    """The rule shown beside a new password."""
    return translate(
        "PasswordDialog",
        "At least {minimum} characters; not your user name nor an obvious one.",
    ).format(minimum=MIN_LENGTH)


class _PasswordForm(QDialog):
    """What both dialogs share: a form with error lines, a hint and Save/Cancel."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.errors = FieldErrors()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setVisible(False)
        self.new_password = password_field()
        self.repeat = password_field()
        self.hint = QLabel(policy_hint())
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.hint)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def _add_new_password_rows(self) -> None:
        self.errors.add_row(
            self.form, "password", translate("PasswordDialog", "New password:"), self.new_password
        )
        self.errors.add_row(
            self.form, "password_repeat", translate("PasswordDialog", "Repeat it:"), self.repeat
        )

    def _same_twice(self) -> bool:
        if self.new_password.text() == self.repeat.text():
            return True
        self.errors.show(mismatch_text(), "password_repeat")
        return False

    def save(self) -> None:
        """Write the change, or show why not."""
        raise NotImplementedError

    def _refuse(self, error: AppError) -> None:
        self.errors.show(error)
        for field in (self.new_password, self.repeat):
            field.clear()


class ChangePasswordDialog(_PasswordForm):
    """The signed-in user changes his own password (Archivo → Cambiar contraseña…).

    Attributes:
        current: the current password.
        new_password: the new one.
        repeat: the new one again.
        forced: True when the account must change its password before going on.
    """

    def __init__(
        self, ctx: ServiceContext, parent: QWidget | None = None, *, forced: bool = False
    ) -> None:
        super().__init__(ctx, parent)
        self.forced = forced
        self.setWindowTitle(translate("PasswordDialog", "Change password"))
        self.current = password_field()
        self.errors.add_row(
            self.form,
            "old_password",
            translate("PasswordDialog", "Current password:"),
            self.current,
        )
        self._add_new_password_rows()
        if forced:
            self.intro.setText(
                translate(
                    "PasswordDialog",
                    "{user}, an administrator set your password. Choose your own before going on.",
                ).format(user=ctx.actor.username)
            )
            self.intro.setVisible(True)
        self.current.setFocus()

    def save(self) -> None:
        """Change the password, or show why not (nothing is changed then)."""
        self.errors.clear()
        if not self._same_twice():
            return
        try:
            with self._ctx.writing() as uow:
                users.change_password(
                    uow, self._ctx.actor, self.current.text(), self.new_password.text()
                )
                uow.commit()
        except AppError as exc:
            self._refuse(exc)
            if exc.field == "old_password":
                self.current.clear()
            return
        self.accept()

    @classmethod
    def ask(
        cls, ctx: ServiceContext, parent: QWidget | None = None, *, forced: bool = False
    ) -> bool:
        """Show the dialog; True when the password was changed."""
        return cls(ctx, parent, forced=forced).exec() == QDialog.DialogCode.Accepted


class ResetPasswordDialog(_PasswordForm):
    """An administrator sets another user's password (and clears a lockout).

    Attributes:
        must_change: whether the user must choose his own at the next sign-in.
    """

    def __init__(
        self, ctx: ServiceContext, user_id: int, username: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self._user_id = user_id
        self.setWindowTitle(translate("PasswordDialog", "Reset password"))
        self.intro.setText(
            translate(
                "PasswordDialog",
                "New password for {user}. A lockout after failed attempts is cleared too.",
            ).format(user=username)
        )
        self.intro.setVisible(True)
        self._add_new_password_rows()
        self.must_change = QCheckBox(
            translate("PasswordDialog", "The user must choose his own at the next sign-in")
        )
        self.must_change.setChecked(True)
        self.form.addRow("", self.must_change)
        self.new_password.setFocus()

    def save(self) -> None:
        """Reset the password, or show why not (nothing is changed then)."""
        self.errors.clear()
        if not self._same_twice():
            return
        try:
            with self._ctx.writing() as uow:
                users.reset_password(
                    uow,
                    self._ctx.actor,
                    self._user_id,
                    self.new_password.text(),
                    must_change=self.must_change.isChecked(),
                )
                uow.commit()
        except AppError as exc:
            self._refuse(exc)
            return
        self.accept()

    @classmethod
    def ask(
        cls, ctx: ServiceContext, user_id: int, username: str, parent: QWidget | None = None
    ) -> bool:
        """Show the dialog; True when the password was reset."""
        return cls(ctx, user_id, username, parent).exec() == QDialog.DialogCode.Accepted


def ensure_password_changed(ctx: ServiceContext, parent: QWidget | None = None) -> bool:
    """Ask for a new password when the account must change it; False if the user gives up.

    The program itself (no account) and accounts without the mark pass at once.
    """
    if ctx.actor.user_id is None:
        return True
    try:
        with ctx.reading() as uow:
            must = users.current_user(uow, ctx.actor).must_change_password
    except NotFound:
        return True
    return not must or ChangePasswordDialog.ask(ctx, parent, forced=True)
