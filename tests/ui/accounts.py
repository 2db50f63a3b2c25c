"""Real accounts for the window's tests: locking, passwords and the users screen need them."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from carceles_desktop import i18n
from carceles_desktop.domain.enums import Role
from carceles_desktop.services import users
from carceles_desktop.services.actor import Actor
from carceles_desktop.storage.unit_of_work import Database

ADMIN_PASSWORD = "Taller-Lurigancho-26"
PASSWORD = "Clave-de-prueba-77"


def make_user(
    database: Database,
    username: str,
    role: Role,
    *,
    password: str = PASSWORD,
    full_name: str | None = None,
    establishment_id: int | None = None,
    workshop_ids: Iterable[int] = (),
) -> Actor:
    """Create an account (by the program itself) and return its actor.

    On a database without accounts an administrator ``administrador`` comes first, as
    the first account must be one.
    """
    with database.unit_of_work() as uow:
        if role is not Role.ADMIN and not users.has_users(uow):
            users.create_user(
                uow,
                Actor.system(),
                username="administrador",
                full_name="Administrador del sistema",
                role=Role.ADMIN,
                password=ADMIN_PASSWORD,
            )
        row = users.create_user(
            uow,
            Actor.system(),
            username=username,
            full_name=full_name or f"Usuario {username}",
            role=role,
            password=password,
            establishment_id=establishment_id,
            workshop_ids=workshop_ids,
        )
        actor = users.actor_for(uow, row.id)
        uow.commit()
    return actor


def speak_spanish() -> None:
    """Render service messages in Spanish again (tests/conftest.py resets it per test)."""
    i18n.install_translator(lambda context, text: QCoreApplication.translate(context, text))
