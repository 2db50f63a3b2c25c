"""The Administración area: user accounts, their roles, workshops and passwords.

Shown only to those who may manage users; the services check the permission again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from carceles_desktop.errors import AppError
from carceles_desktop.services import users
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.ui import messages
from carceles_desktop.ui.dialogs.password_dialog import ResetPasswordDialog
from carceles_desktop.ui.dialogs.user_dialog import UserDialog, read_workshops
from carceles_desktop.ui.labels import label, yes_no
from carceles_desktop.ui.models.users_table import (
    UserListRow,
    UsersTableModel,
    local_time_text,
    state_text,
)
from carceles_desktop.ui.views import html_parts as h
from carceles_desktop.ui.views.list_view import ListView

translate = QCoreApplication.translate


class UsersView(ListView):
    """List, create, edit and deactivate accounts; reset their passwords.

    Attributes:
        new_button, edit_button, deactivate_button, reset_button: the actions.
    """

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        self._ctx = ctx
        super().__init__(
            UsersTableModel(ctx),
            self._detail_for,
            settings_key="users_view",
            empty_detail=translate("UsersView", "Select a user to see his account."),
            parent=parent,
        )
        self.search.setPlaceholderText(translate("UsersView", "Search by user, name or role"))
        self.new_button = QPushButton(translate("UsersView", "New user…"))
        self.new_button.setShortcut(QKeySequence("Ctrl+N"))
        self.edit_button = QPushButton(translate("UsersView", "Edit…"))
        self.deactivate_button = QPushButton(translate("UsersView", "Deactivate"))
        self.reset_button = QPushButton(translate("UsersView", "Reset password…"))
        row = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.deactivate_button):
            row.addWidget(button)
        row.addWidget(self.reset_button)
        row.addStretch(1)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)  # built by ListView
        layout.insertLayout(0, row)
        layout.setStretchFactor(self.splitter, 1)
        self.new_button.clicked.connect(self.create_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.deactivate_button.clicked.connect(self.deactivate_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.table.doubleClicked.connect(self.edit_user)
        self.table.selectionModel().selectionChanged.connect(self._enable_buttons)
        self.model.modelReset.connect(self._enable_buttons)
        self._enable_buttons()

    # ------------------------------------------------------------------ selection

    def selected(self) -> UserListRow | None:
        """The account selected in the list, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _enable_buttons(self) -> None:
        row = self.selected()
        for button in (self.edit_button, self.reset_button):
            button.setEnabled(row is not None)
        mine = row is not None and row.user.id == self._ctx.actor.user_id
        self.deactivate_button.setEnabled(row is not None and row.user.active and not mine)

    def _detail_for(self, row: UserListRow) -> str:
        return user_html(row, self._workshop_names())

    def _workshop_names(self) -> dict[int, str]:
        return {w.id: f"{w.code} — {w.name}" for w in read_workshops(self._ctx)}

    # ------------------------------------------------------------------ actions

    def create_user(self) -> None:
        """Open the form for a new account; list it once saved."""
        saved = UserDialog.ask(self._ctx, None, self)
        if saved is not None:
            self._selected_id = saved.id
            self.reload()

    def edit_user(self) -> None:
        """Open the selected account's form."""
        row = self.selected()
        if row is not None and UserDialog.ask(self._ctx, row.user, self) is not None:
            self.reload()

    def deactivate_user(self) -> None:
        """Deactivate the selected account after asking (it keeps its history)."""
        row = self.selected()
        if row is None:
            return
        question = translate(
            "UsersView",
            "Deactivate the account {user} ({name})? It will no longer sign in; its "
            "records and history stay.",
        ).format(user=row.user.username, name=row.user.full_name)
        if not messages.confirm(self, translate("UsersView", "Deactivate user"), question):
            return
        try:
            with self._ctx.writing() as uow:
                users.deactivate_user(uow, self._ctx.actor, row.user.id)
                uow.commit()
        except AppError as exc:
            messages.show_error(self, exc)
            return
        self.reload()

    def reset_password(self) -> None:
        """Set a new password for the selected account."""
        row = self.selected()
        if row is not None and ResetPasswordDialog.ask(
            self._ctx, row.user.id, row.user.username, self
        ):
            self.reload()
            messages.inform(
                self,
                translate("UsersView", "Reset password"),
                translate("UsersView", "The password of {user} was reset.").format(
                    user=row.user.username
                ),
            )


def user_html(row: UserListRow, workshop_names: dict[int, str]) -> str:
    """The account's detail as HTML for the detail panel."""
    user = row.user
    workshops = sorted(workshop_names.get(w, f"#{w}") for w in user.workshop_ids)
    parts = [
        h.STYLE,
        h.heading(2, f"{user.full_name} ({user.username})"),
        h.fields(
            [
                (translate("UserDetail", "Role"), label(user.role)),
                (translate("UserDetail", "Establishment"), row.establishment),
                (translate("UserDetail", "State"), state_text(user)),
                (translate("UserDetail", "Last sign-in"), local_time_text(user.last_login_at)),
                (
                    translate("UserDetail", "Must change his password"),
                    yes_no(user.must_change_password),
                ),
            ]
        ),
        h.heading(3, translate("UserDetail", "Workshops he supervises")),
    ]
    if workshops:
        parts.append("<ul>" + "".join(f"<li>{h.esc(w)}</li>" for w in workshops) + "</ul>")
    else:
        parts.append(h.muted(translate("UserDetail", "None assigned.")))
    return "".join(parts)
