"""Administración: the users list and form, and which roles see which areas."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox

from carceles_desktop.domain.enums import Role
from carceles_desktop.services import audit, users
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.sign_in import sign_in
from carceles_desktop.storage.unit_of_work import Database
from carceles_desktop.ui.dialogs.password_dialog import ResetPasswordDialog
from carceles_desktop.ui.dialogs.user_dialog import UserDialog
from carceles_desktop.ui.main_window import MainWindow
from carceles_desktop.ui.views.users_view import UsersView
from tests.ui.accounts import ADMIN_PASSWORD, PASSWORD, make_user, speak_spanish
from tests.ui.sample_data import Sample


@pytest.fixture(autouse=True)
def _spanish_messages() -> None:
    speak_spanish()


@pytest.fixture
def admin_ctx(database: Database) -> ServiceContext:
    return ServiceContext(
        database, make_user(database, "admin", Role.ADMIN, password=ADMIN_PASSWORD)
    )


def _keys(window: MainWindow) -> list[str]:
    return [window.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.nav.count())]


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (Role.CONSULTA, []),
        (Role.SUPERVISOR, []),
        (Role.JEFE, ["audit"]),
        (Role.ADMIN, ["users", "audit"]),
    ],
)
def test_each_role_sees_only_its_areas(
    qtbot: Any, database: Database, ui_settings: QSettings, role: Role, expected: list[str]
) -> None:
    actor = make_user(database, "usuario", role)
    window = MainWindow(ServiceContext(database, actor), settings=ui_settings)
    qtbot.addWidget(window)
    keys = _keys(window)
    assert keys[:3] == ["panel", "workshops", "trainees"]  # everyone's areas stay
    assert [key for key in keys if key in ("users", "audit")] == expected
    assert window.stack.count() == len(keys)
    view_menu = window.menuBar().actions()[2].menu()
    assert view_menu is not None
    # Ctrl+1… go to the visible areas only (Refresh and a separator come first).
    assert len(view_menu.actions()) == 2 + len(keys)


def _view(qtbot: Any, ctx: ServiceContext) -> UsersView:
    view = UsersView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.load()
    qtbot.waitUntil(view.is_ready)
    return view


def _usernames(view: UsersView) -> list[str]:
    return [view.model.row_at(i).user.username for i in range(view.model.rowCount())]


def _dialog(qtbot: Any, ctx: ServiceContext, user: Any = None) -> UserDialog:
    dialog = UserDialog(ctx, user)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _save(dialog: Any) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_the_list_shows_the_accounts_and_searches_them(
    qtbot: Any, admin_ctx: ServiceContext
) -> None:
    make_user(admin_ctx.database, "sup.rojas", Role.SUPERVISOR, full_name="Ana Rojas Ticona")
    view = _view(qtbot, admin_ctx)
    assert _usernames(view) == ["admin", "sup.rojas"]
    view.search.setText("ticona")
    qtbot.waitUntil(lambda: view.is_ready() and _usernames(view) == ["sup.rojas"])
    view.table.selectRow(0)
    assert "Ana Rojas Ticona" in view.detail.toPlainText()
    assert view.edit_button.isEnabled()
    assert view.deactivate_button.isEnabled()


def test_a_supervisor_is_created_with_his_workshops(
    qtbot: Any, admin_ctx: ServiceContext, sample: Sample, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = _view(qtbot, admin_ctx)

    def fill_and_save(cls: Any, ctx: ServiceContext, user: Any, parent: Any) -> Any:
        dialog = _dialog(qtbot, ctx, user)
        dialog.username.setText("Sup.Huaman")
        dialog.full_name.setText("Luis Huamán Cóndor")
        dialog.role.setCurrentIndex(dialog.role.findData(Role.SUPERVISOR))
        place = dialog.establishment
        place.setCurrentIndex(place.findData(sample.establishment_ids[0]))
        assert dialog.workshops.isEnabled()
        assert dialog.workshops.count() == 3  # the workshops of that establishment only
        dialog.workshops.item(1).setCheckState(Qt.CheckState.Checked)
        dialog.password.setText(PASSWORD)
        dialog.repeat.setText(PASSWORD)
        _save(dialog)
        return dialog.saved

    monkeypatch.setattr(UserDialog, "ask", classmethod(fill_and_save))
    view.new_button.click()
    qtbot.waitUntil(lambda: view.is_ready() and "sup.huaman" in _usernames(view))

    with admin_ctx.reading() as uow:
        created = next(
            u for u in users.list_users(uow, admin_ctx.actor) if u.username == "sup.huaman"
        )
        (entry,) = audit.list_audit_entries(uow, admin_ctx.actor, limit=1)
    assert created.role is Role.SUPERVISOR
    assert created.establishment_id == sample.establishment_ids[0]
    assert len(created.workshop_ids) == 1
    assert (entry.action, entry.entity, entry.username) == ("create", "user", "admin")
    selected = view.table.selectionModel().selectedRows()
    assert [view.model.row_at(i.row()).user.username for i in selected] == ["sup.huaman"]
    assert sign_in(admin_ctx.database, "sup.huaman", PASSWORD).role is Role.SUPERVISOR


def test_a_taken_name_and_a_weak_password_are_shown_under_their_fields(
    qtbot: Any, admin_ctx: ServiceContext
) -> None:
    dialog = _dialog(qtbot, admin_ctx)
    dialog.username.setText("admin")
    dialog.full_name.setText("Otro Administrador")
    dialog.password.setText(PASSWORD)
    dialog.repeat.setText(PASSWORD)
    _save(dialog)
    assert dialog.isVisible()
    assert dialog.errors.message("username") == "El nombre de usuario admin ya está en uso."

    dialog.username.setText("otro.admin")
    dialog.password.setText("corta")
    dialog.repeat.setText("corta")
    _save(dialog)
    assert not dialog.errors.message("username")
    assert dialog.errors.message("password") == "La contraseña debe tener al menos 8 caracteres."
    with admin_ctx.reading() as uow:
        assert [u.username for u in users.list_users(uow, admin_ctx.actor)] == ["admin"]


def test_editing_changes_the_role_and_clears_workshops_of_non_supervisors(
    qtbot: Any, admin_ctx: ServiceContext, sample: Sample
) -> None:
    sup = make_user(
        admin_ctx.database,
        "sup.rojas",
        Role.SUPERVISOR,
        establishment_id=sample.establishment_ids[0],
        workshop_ids=[sample.workshop_ids[0]],
    )
    with admin_ctx.reading() as uow:
        assert sup.user_id is not None
        row = users.get_user(uow, admin_ctx.actor, sup.user_id)
    dialog = _dialog(qtbot, admin_ctx, row)
    assert dialog.username.isReadOnly()
    assert dialog.workshop_ids() == [sample.workshop_ids[0]]  # his ticks are loaded
    dialog.role.setCurrentIndex(dialog.role.findData(Role.JEFE))
    assert not dialog.workshops.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    assert dialog.saved is not None
    assert dialog.saved.role is Role.JEFE
    assert dialog.saved.workshop_ids == frozenset()


def test_the_last_administrator_cannot_lose_his_role(qtbot: Any, admin_ctx: ServiceContext) -> None:
    with admin_ctx.reading() as uow:
        assert admin_ctx.actor.user_id is not None
        row = users.get_user(uow, admin_ctx.actor, admin_ctx.actor.user_id)
    dialog = _dialog(qtbot, admin_ctx, row)
    dialog.role.setCurrentIndex(dialog.role.findData(Role.CONSULTA))
    _save(dialog)
    assert dialog.errors.general.isVisibleTo(dialog)
    assert dialog.errors.general.text().startswith("admin es el último administrador activo")


def test_deactivating_asks_first_and_keeps_the_account(
    qtbot: Any, admin_ctx: ServiceContext, shown_messages: list[Any]
) -> None:
    make_user(admin_ctx.database, "jperez", Role.JEFE)
    view = _view(qtbot, admin_ctx)
    view.table.selectRow(0)
    assert not view.deactivate_button.isEnabled()  # his own account
    view.table.selectRow(_usernames(view).index("jperez"))
    view.deactivate_button.click()
    assert len(shown_messages) == 1  # the question (answered Yes by the fixture)
    shown_messages.clear()
    qtbot.waitUntil(view.is_ready)
    with admin_ctx.reading() as uow:
        accounts = {u.username: u.active for u in users.list_users(uow, admin_ctx.actor)}
    assert accounts == {"admin": True, "jperez": False}
    assert not view.deactivate_button.isEnabled()


def test_an_administrator_resets_a_password_from_the_list(
    qtbot: Any,
    admin_ctx: ServiceContext,
    monkeypatch: pytest.MonkeyPatch,
    shown_messages: list[Any],
) -> None:
    make_user(admin_ctx.database, "jperez", Role.JEFE)
    view = _view(qtbot, admin_ctx)
    view.table.selectRow(_usernames(view).index("jperez"))
    asked: list[tuple[int, str]] = []

    def reset(cls: Any, ctx: ServiceContext, user_id: int, username: str, parent: Any) -> bool:
        asked.append((user_id, username))
        with ctx.writing() as uow:
            users.reset_password(uow, ctx.actor, user_id, "Nueva-clave-2026")
            uow.commit()
        return True

    monkeypatch.setattr(ResetPasswordDialog, "ask", classmethod(reset))
    view.reset_button.click()
    assert [name for _, name in asked] == ["jperez"]
    assert len(shown_messages) == 1
    shown_messages.clear()
    assert sign_in(admin_ctx.database, "jperez", "Nueva-clave-2026").username == "jperez"
