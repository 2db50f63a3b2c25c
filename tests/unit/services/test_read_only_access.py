"""Signing in to a database opened read-only: checks everything, writes nothing."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from carceles_desktop.domain.base import utcnow
from carceles_desktop.domain.enums import Role
from carceles_desktop.domain.users import User
from carceles_desktop.services import users
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.read_only_access import sign_in_read_only
from carceles_desktop.services.sign_in import LoginRefused
from carceles_desktop.storage.opening import open_read_only
from carceles_desktop.storage.unit_of_work import Database

PASSWORD = "clave-de-la-jefa-2026"


@pytest.fixture
def jefa(database: Database) -> int:
    with database.unit_of_work() as uow:
        users.create_user(
            uow,
            Actor.system(),
            username="admin",
            full_name="Ana Administradora",
            role=Role.ADMIN,
            password="clave-del-admin-2026",
        )
        row = users.create_user(
            uow,
            Actor.system(),
            username="jefa",
            full_name="Rosa Quispe",
            role=Role.JEFE,
            password=PASSWORD,
        )
        uow.commit()
    database.dispose()  # fold the WAL in: the file alone is the database from here on
    return row.id


def _signature(path: Path) -> bytes:
    return path.read_bytes() + (
        Path(f"{path}-wal").read_bytes() if Path(f"{path}-wal").exists() else b""
    )


def test_the_right_password_signs_in_without_writing(database_path: Path, jefa: int) -> None:
    before = _signature(database_path)
    read_only = open_read_only(str(database_path))
    try:
        actor = sign_in_read_only(read_only, "  JEFA ", PASSWORD)
        with pytest.raises(LoginRefused, match="Wrong user name or password"):
            sign_in_read_only(read_only, "jefa", "otra clave")
        with pytest.raises(LoginRefused, match="Wrong user name or password"):
            sign_in_read_only(read_only, "nadie", PASSWORD)
    finally:
        read_only.dispose()
    assert (actor.user_id, actor.username, actor.role) == (jefa, "jefa", Role.JEFE)
    assert _signature(database_path) == before


def test_locked_and_deactivated_accounts_are_refused(
    database: Database, database_path: Path, jefa: int
) -> None:
    with database.unit_of_work() as uow:
        uow.session.execute(
            update(User).where(User.id == jefa).values(locked_until=utcnow() + timedelta(minutes=5))
        )
        uow.commit()
    read_only = open_read_only(str(database_path))
    try:
        with pytest.raises(LoginRefused, match="locked") as locked:
            sign_in_read_only(read_only, "jefa", PASSWORD)
        assert locked.value.locked_until is not None
        with database.unit_of_work() as uow:
            uow.session.execute(
                update(User).where(User.id == jefa).values(locked_until=None, active=False)
            )
            uow.commit()
        with pytest.raises(LoginRefused, match="deactivated"):
            sign_in_read_only(read_only, "jefa", PASSWORD)
    finally:
        read_only.dispose()
