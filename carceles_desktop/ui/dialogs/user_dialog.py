"""Creating or editing a user account (Administración → Usuarios).

The form sends what it holds to :mod:`carceles_desktop.services.users`; a refusal that
names a field (``username``, ``full_name``, ``password``, ``establishment_id``,
``workshop_ids``) shows under that field, others under the form.  Workshops matter only
for supervisors, who work in the workshops assigned to them; for other roles the list
is disabled and any assignment is cleared on save.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.domain.enums import Role
from carceles_desktop.errors import AppError
from carceles_desktop.services import browse, catalogues, users
from carceles_desktop.services.browse import WorkshopRow
from carceles_desktop.services.catalogues import EstablishmentRow
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.users import UserRow
from carceles_desktop.ui.dialogs.form_errors import FieldErrors
from carceles_desktop.ui.dialogs.password_dialog import mismatch_text, password_field, policy_hint
from carceles_desktop.ui.labels import label

translate = QCoreApplication.translate

_PAGE = 200


def read_workshops(ctx: ServiceContext) -> list[WorkshopRow]:
    """Every workshop the administrator sees, by code."""
    found: list[WorkshopRow] = []
    with ctx.reading() as uow:
        while True:
            page = browse.search_workshops(uow, ctx.actor, offset=len(found), limit=_PAGE)
            found.extend(page)
            if len(page) < _PAGE:
                return found


class UserDialog(QDialog):
    """The account form; ``user`` None creates a new account.

    Attributes:
        fields: the inputs by the service's field name.
        errors: the message lines.
        saved: the account after a successful save.
    """

    def __init__(
        self, ctx: ServiceContext, user: UserRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._user = user
        self.saved: UserRow | None = None
        with ctx.reading() as uow:
            self._places: list[EstablishmentRow] = catalogues.list_establishments(uow)
        self._workshops = read_workshops(ctx)
        self.errors = FieldErrors()
        self.setWindowTitle(
            translate("UserDialog", "New user")
            if user is None
            else translate("UserDialog", "User {user}").format(user=user.username)
        )
        self._build()
        if user is not None:
            self._load(user)
        self._on_role_or_place()
        self.setMinimumWidth(520)

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        add = self.errors.add_row
        self.username = QLineEdit()
        self.username.setMaxLength(40)
        self.username.setPlaceholderText(translate("UserDialog", "e.g. jperez"))
        add(form, "username", translate("UserDialog", "User name:"), self.username)
        self.full_name = QLineEdit()
        self.full_name.setMaxLength(120)
        add(form, "full_name", translate("UserDialog", "Full name:"), self.full_name)
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(label(role), role)
        self.role.setCurrentIndex(self.role.findData(Role.SUPERVISOR))
        add(form, "role", translate("UserDialog", "Role:"), self.role)
        self.establishment = QComboBox()
        self.establishment.addItem(translate("UserDialog", "All establishments"), None)
        for place in self._places:
            self.establishment.addItem(f"{place.name} ({place.code})", place.id)
        add(form, "establishment_id", translate("UserDialog", "Establishment:"), self.establishment)
        self.workshops = QListWidget()
        self.workshops.setMinimumHeight(110)
        add(
            form,
            "workshop_ids",
            translate("UserDialog", "Workshops he supervises:"),
            self.workshops,
        )
        self.password = password_field()
        self.repeat = password_field()
        self.active = QCheckBox(translate("UserDialog", "The account may sign in"))
        if self._user is None:
            add(form, "password", translate("UserDialog", "Password:"), self.password)
            add(form, "password_repeat", translate("UserDialog", "Repeat it:"), self.repeat)
            form.addRow(_hint(policy_hint()))
        else:
            self.username.setReadOnly(True)
            add(form, "active", translate("UserDialog", "Active:"), self.active)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.buttons)
        self.role.currentIndexChanged.connect(self._on_role_or_place)
        self.establishment.currentIndexChanged.connect(self._on_role_or_place)

    def _load(self, user: UserRow) -> None:
        self.username.setText(user.username)
        self.full_name.setText(user.full_name)
        self.role.setCurrentIndex(self.role.findData(user.role))
        self.establishment.setCurrentIndex(
            max(self.establishment.findData(user.establishment_id), 0)
        )
        self.active.setChecked(user.active)
        self._on_role_or_place()
        for index in range(self.workshops.count()):
            item = self.workshops.item(index)
            if item.data(Qt.ItemDataRole.UserRole) in user.workshop_ids:
                item.setCheckState(Qt.CheckState.Checked)

    def _on_role_or_place(self) -> None:
        """List the workshops of the chosen establishment, keeping the ticks."""
        ticked = set(self.workshop_ids())
        place_id = self.establishment.currentData()
        place = next((p.name for p in self._places if p.id == place_id), None)
        self.workshops.clear()
        for workshop in self._workshops:
            if place is not None and workshop.establishment_name != place:
                continue
            text = f"{workshop.code} — {workshop.name}"
            if place is None:
                text += f" ({workshop.establishment_name})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, workshop.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = workshop.id in ticked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.workshops.addItem(item)
        self.workshops.setEnabled(self.chosen_role() is Role.SUPERVISOR)

    # ------------------------------------------------------------------ values

    def chosen_role(self) -> Role:
        """The role picked (the combo hands back the stored text)."""
        return Role(self.role.currentData())

    def workshop_ids(self) -> list[int]:
        """The ticked workshops (empty unless the role is supervisor)."""
        if self.chosen_role() is not Role.SUPERVISOR:
            return []
        return [
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in (self.workshops.item(i) for i in range(self.workshops.count()))
            if item.checkState() == Qt.CheckState.Checked
        ]

    def save(self) -> None:
        """Create or update the account, or show why not (nothing is saved then)."""
        self.errors.clear()
        if self._user is None and self.password.text() != self.repeat.text():
            self.errors.show(mismatch_text(), "password_repeat")
            return
        try:
            with self._ctx.writing() as uow:
                saved = self._write(uow)
                uow.commit()
        except AppError as exc:
            self.errors.show(exc)
            if exc.field == "password":
                self.password.clear()
                self.repeat.clear()
            return
        self.saved = saved
        self.accept()

    def _write(self, uow: Any) -> UserRow:
        actor, role = self._ctx.actor, self.chosen_role()
        place = self.establishment.currentData()
        if self._user is None:
            return users.create_user(
                uow,
                actor,
                username=self.username.text(),
                full_name=self.full_name.text(),
                role=role,
                password=self.password.text(),
                establishment_id=place,
                workshop_ids=self.workshop_ids(),
            )
        users.update_user(
            uow,
            actor,
            self._user.id,
            full_name=self.full_name.text(),
            role=role,
            establishment_id=place,
            active=self.active.isChecked(),
        )
        return users.set_workshops(uow, actor, self._user.id, self.workshop_ids())

    @classmethod
    def ask(
        cls, ctx: ServiceContext, user: UserRow | None = None, parent: QWidget | None = None
    ) -> UserRow | None:
        """Show the form; return the saved account, or None when cancelled."""
        dialog = cls(ctx, user, parent)
        return dialog.saved if dialog.exec() == QDialog.DialogCode.Accepted else None


def _hint(text: str) -> QWidget:
    hint = QLabel(text)
    hint.setWordWrap(True)
    hint.setStyleSheet("color: #555;")
    return hint
