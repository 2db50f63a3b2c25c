"""The four demo accounts, one per role, all with the password ``demo``."""

from __future__ import annotations

from sqlalchemy import select

from carceles_desktop.domain.enums import Role
from carceles_desktop.domain.users import User
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.demo.audit_trail import Who
from carceles_desktop.services.demo.world import DemoUsers
from carceles_desktop.services.users import create_user
from carceles_desktop.storage.unit_of_work import UnitOfWork

DEMO_PASSWORD = "demo"

#: username, full name, role.
ACCOUNTS: tuple[tuple[str, str, Role], ...] = (
    ("admin", "Carmen Rosa Villanueva Ríos", Role.ADMIN),
    ("jefe", "Jorge Luis Salinas Paredes", Role.JEFE),
    ("supervisor", "Miguel Ángel Huamán Córdova", Role.SUPERVISOR),
    ("consulta", "Lucía Núñez Cárdenas", Role.CONSULTA),
)


def create_demo_users(
    uow: UnitOfWork, actor: Actor, establishment_id: int, supervised: list[int]
) -> DemoUsers:
    """Create the demo accounts (keeping any that already exist).

    The administrator sees every establishment; the others belong to the site's, and the
    supervisor looks after the ``supervised`` workshops.

    Raises:
        PermissionDenied: the actor may not manage users.
    """
    found: dict[str, Who] = {}
    for username, full_name, role in ACCOUNTS:
        existing = uow.session.scalar(select(User.id).where(User.username == username))
        if existing is None:
            row = create_user(
                uow,
                actor,
                username=username,
                full_name=full_name,
                role=role,
                password=DEMO_PASSWORD,
                establishment_id=None if role is Role.ADMIN else establishment_id,
                workshop_ids=supervised if role is Role.SUPERVISOR else (),
                enforce_policy=False,
            )
            existing = row.id
        found[username] = Who(existing, username)
    return DemoUsers(
        admin=found["admin"],
        jefe=found["jefe"],
        supervisor=found["supervisor"],
        consulta=found["consulta"],
        jefe_name=ACCOUNTS[1][1],
    )
