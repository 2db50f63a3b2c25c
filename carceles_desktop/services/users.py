"""User accounts: creating and editing them, and their passwords.

Signing in lives in :mod:`carceles_desktop.services.sign_in`; its public names are
re-exported here so that ``from carceles_desktop.services.users import sign_in`` keeps
working.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Literal

from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import IntegrityError

from carceles_desktop.domain.catalogues import Establishment
from carceles_desktop.domain.enums import Role
from carceles_desktop.domain.users import RoleRecord, User
from carceles_desktop.domain.workshops import Workshop, workshop_supervisors
from carceles_desktop.errors import Conflict, NotFound, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.passwords import (
    check_password_policy,
    hash_password,
    verify_password,
)
from carceles_desktop.services.permissions import Action, require

# Signing in moved to its own module; its names stay importable from here.
from carceles_desktop.services.sign_in import (  # noqa: F401 - re-exported
    LOCKOUT_DURATION,
    MAX_FAILED_ATTEMPTS,
    LoginRefused,
    _local_text,
    actor_for,
    authenticate,
    load_user,
    sign_in,
    workshop_ids_of,
)
from carceles_desktop.storage.unit_of_work import UnitOfWork

_USERNAME = re.compile(r"[a-z0-9._-]{3,40}")
_ENTITY = "user"


class Unchanged(Enum):
    """Marks an argument of :func:`update_user` the caller leaves as it is."""

    UNCHANGED = "unchanged"


UNCHANGED = Unchanged.UNCHANGED


@dataclass(frozen=True)
class UserRow:
    """A user account as screens show it (never the password hash).

    Attributes:
        id: local key.
        uuid: global id.
        username: the sign-in name.
        full_name: the person's name.
        role: what he may do.
        establishment_id: his establishment (None: every establishment).
        active: False once deactivated.
        locked_until: end of a lockout (UTC), or None.
        workshop_ids: workshops he supervises.
        must_change_password: the next sign-in must set a new password.
        last_login_at: last successful sign-in (UTC), or None.
    """

    id: int
    uuid: str
    username: str
    full_name: str
    role: Role
    establishment_id: int | None
    active: bool
    locked_until: datetime | None
    workshop_ids: frozenset[int]
    must_change_password: bool = False
    last_login_at: datetime | None = None


# --- reading -------------------------------------------------------------------------


def has_users(uow: UnitOfWork) -> bool:
    """Return True once any account exists (the first-run wizard runs until then)."""
    return uow.session.execute(select(User.id).limit(1)).first() is not None


def list_users(uow: UnitOfWork, actor: Actor) -> list[UserRow]:
    """Return every account, by user name.

    Raises:
        PermissionDenied: the actor may not manage users.
    """
    require(actor, Action.MANAGE_USERS)
    users = uow.session.scalars(select(User).order_by(User.username)).all()
    links = uow.session.execute(
        select(workshop_supervisors.c.user_id, workshop_supervisors.c.workshop_id)
    ).all()
    by_user: dict[int, set[int]] = {}
    for user_id, workshop_id in links:
        by_user.setdefault(user_id, set()).add(workshop_id)
    return [_row(user, frozenset(by_user.get(user.id, ()))) for user in users]


def get_user(uow: UnitOfWork, actor: Actor, user_id: int) -> UserRow:
    """Return one account; anyone may read his own.

    Raises:
        PermissionDenied: another user's account, without the right to manage users.
        NotFound: no such user.
    """
    if actor.user_id is None or actor.user_id != user_id:
        require(actor, Action.MANAGE_USERS)
    user = load_user(uow, user_id)
    return _row(user, workshop_ids_of(uow, user.id))


def current_user(uow: UnitOfWork, actor: Actor) -> UserRow:
    """Return the signed-in user's own account (e.g. to see ``must_change_password``).

    Raises:
        NotFound: the actor is the program itself, or his account is gone.
    """
    if actor.user_id is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "{user} has no user account."), user=actor.username
        )
    return get_user(uow, actor, actor.user_id)


# --- creating and editing ------------------------------------------------------------


def create_user(
    uow: UnitOfWork,
    actor: Actor,
    *,
    username: str,
    full_name: str,
    role: Role,
    password: str,
    establishment_id: int | None = None,
    workshop_ids: Iterable[int] = (),
    enforce_policy: bool = True,
) -> UserRow:
    """Create an account.

    While no account exists, anyone (the first-run wizard, as ``Actor.system()``) may
    create the first one, which must be an administrator.

    Args:
        uow: the caller's unit of work (the caller commits).
        actor: who creates it.
        username: 3–40 characters among ``a-z 0-9 . _ -`` (upper case is lowered).
        full_name: the person's name.
        role: the new user's role.
        password: the initial password.
        establishment_id: his establishment, or None for every establishment.
        workshop_ids: workshops he supervises (of his establishment).
        enforce_policy: False only for demo data, whose passwords are short on purpose.

    Raises:
        PermissionDenied: the actor may not manage users.
        ValidationError: a field breaks a rule (the field is named).
        Conflict: the user name is taken.
        NotFound: the establishment does not exist.
    """
    first = not has_users(uow)
    if not first:
        require(actor, Action.MANAGE_USERS)
    elif role is not Role.ADMIN:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The first account must be an administrator."),
            field="role",
        )
    name = _check_username(username)
    full_name = _check_full_name(full_name)
    if enforce_policy:
        check_password_policy(password, username=name)
    if uow.session.scalar(select(User.id).where(User.username == name)) is not None:
        raise _taken(name)
    _check_establishment(uow, establishment_id)
    workshops = _check_workshops(uow, workshop_ids, establishment_id)
    user = User(
        username=name,
        full_name=full_name,
        role=role_record(uow, actor, role),
        establishment_id=establishment_id,
        password_hash=hash_password(password),
        active=True,
        failed_attempts=0,
        must_change_password=False,
    )
    uow.session.add(user)
    try:
        uow.session.flush()
    except IntegrityError as exc:  # another PostgreSQL client took the name meanwhile
        raise _taken(name) from exc
    _link_workshops(uow, user.id, workshops)
    audit.record(
        uow,
        actor,
        "create",
        _ENTITY,
        entity_uuid=user.uuid,
        summary=f"User {name} created with role {role.value}",
        changes={
            "username": name,
            "full_name": full_name,
            "role": role,
            "establishment_id": establishment_id,
            "workshop_ids": workshops,
        },
    )
    return _row(user, workshops)


def update_user(
    uow: UnitOfWork,
    actor: Actor,
    user_id: int,
    *,
    full_name: str | None = None,
    role: Role | None = None,
    establishment_id: int | None | Literal[Unchanged.UNCHANGED] = UNCHANGED,
    active: bool | None = None,
) -> UserRow:
    """Change an account's name, role, establishment or active flag (None: unchanged).

    Raises:
        PermissionDenied: the actor may not manage users.
        NotFound: no such user or establishment.
        ValidationError: an empty name.
        Conflict: the change would leave no active administrator, or the actor would
            deactivate himself.
    """
    require(actor, Action.MANAGE_USERS)
    user = load_user(uow, user_id)
    changes: dict[str, object] = {}
    if full_name is not None and _check_full_name(full_name) != user.full_name:
        changes["full_name"] = [user.full_name, _check_full_name(full_name)]
        user.full_name = _check_full_name(full_name)
    if establishment_id is not UNCHANGED and establishment_id != user.establishment_id:
        _check_establishment(uow, establishment_id)
        changes["establishment_id"] = [user.establishment_id, establishment_id]
        user.establishment_id = establishment_id
    if active is not None and active != user.active:
        if not active and user.id == actor.user_id:
            raise Conflict(QT_TRANSLATE_NOOP("errors", "You cannot deactivate your own account."))
        _keep_an_admin(uow, user, role if role is not None else user.role.code, active)
        changes["active"] = [user.active, active]
        user.active = active
    if role is not None and role is not user.role.code:
        _keep_an_admin(uow, user, role, user.active)
        changes["role"] = [user.role.code, role]
        user.role = role_record(uow, actor, role)
    if changes:
        audit.record(
            uow,
            actor,
            "update",
            _ENTITY,
            entity_uuid=user.uuid,
            summary=f"User {user.username} changed: {', '.join(changes)}",
            changes=changes,
        )
    return _row(user, workshop_ids_of(uow, user.id))


def deactivate_user(uow: UnitOfWork, actor: Actor, user_id: int) -> UserRow:
    """Deactivate an account (it stays, with its history, but can no longer sign in).

    Raises:
        PermissionDenied: the actor may not manage users.
        NotFound: no such user.
        Conflict: it is the actor's own account or the last active administrator.
    """
    return update_user(uow, actor, user_id, active=False)


def set_workshops(
    uow: UnitOfWork, actor: Actor, user_id: int, workshop_ids: Iterable[int]
) -> UserRow:
    """Replace the workshops a user supervises.

    Raises:
        PermissionDenied: the actor may not manage users.
        NotFound: no such user.
        ValidationError: a workshop does not exist or belongs to another establishment.
    """
    require(actor, Action.MANAGE_USERS)
    user = load_user(uow, user_id)
    before = workshop_ids_of(uow, user.id)
    after = _check_workshops(uow, workshop_ids, user.establishment_id)
    if after != before:
        uow.session.execute(
            delete(workshop_supervisors).where(workshop_supervisors.c.user_id == user.id)
        )
        _link_workshops(uow, user.id, after)
        audit.record(
            uow,
            actor,
            "update",
            _ENTITY,
            entity_uuid=user.uuid,
            summary=f"Workshops of user {user.username} changed",
            changes={"workshop_ids": [before, after]},
        )
    return _row(user, after)


# --- passwords -----------------------------------------------------------------------


def change_password(uow: UnitOfWork, actor: Actor, old: str, new: str) -> None:
    """Change the signed-in user's own password.

    Raises:
        NotFound: the actor has no account.
        ValidationError: the old password is wrong (field ``old_password``), or the new
            one breaks the policy or repeats the old one (field ``password``).
    """
    if actor.user_id is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "{user} has no user account."), user=actor.username
        )
    user = load_user(uow, actor.user_id)
    if not verify_password(user.password_hash, old):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The current password is not correct."),
            field="old_password",
        )
    check_password_policy(new, username=user.username)
    if new == old:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The new password must differ from the current one."),
            field="password",
        )
    user.password_hash = hash_password(new)
    user.must_change_password = False
    audit.record(
        uow,
        actor,
        "password_change",
        _ENTITY,
        entity_uuid=user.uuid,
        summary=f"User {user.username} changed his password",
    )


def reset_password(
    uow: UnitOfWork, actor: Actor, user_id: int, new: str, *, must_change: bool = True
) -> None:
    """Set another user's password (administrators), and clear a lockout.

    Raises:
        PermissionDenied: the actor may not manage users.
        NotFound: no such user.
        ValidationError: the password breaks the policy (field ``password``).
    """
    require(actor, Action.MANAGE_USERS)
    user = load_user(uow, user_id)
    check_password_policy(new, username=user.username)
    user.password_hash = hash_password(new)
    user.must_change_password = must_change
    user.failed_attempts = 0
    user.locked_until = None
    audit.record(
        uow,
        actor,
        "password_reset",
        _ENTITY,
        entity_uuid=user.uuid,
        summary=f"Password of user {user.username} reset",
        changes={"must_change_password": must_change},
    )


# --- helpers -------------------------------------------------------------------------


def _row(user: User, workshop_ids: frozenset[int]) -> UserRow:
    return UserRow(
        id=user.id,
        uuid=str(user.uuid),
        username=user.username,
        full_name=user.full_name,
        role=user.role.code,
        establishment_id=user.establishment_id,
        active=user.active,
        locked_until=user.locked_until,
        workshop_ids=workshop_ids,
        must_change_password=user.must_change_password,
        last_login_at=user.last_login_at,
    )


def _check_username(username: str) -> str:
    name = username.strip().lower()
    if not _USERNAME.fullmatch(name):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The user name must have 3 to 40 characters: letters a-z, digits, '.', '_' or '-'.",
            ),
            field="username",
        )
    return name


def _check_full_name(full_name: str) -> str:
    name = " ".join(full_name.split())
    if not name or len(name) > 120:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Write the person's full name (up to 120 characters)."),
            field="full_name",
        )
    return name


def _taken(name: str) -> Conflict:
    return Conflict(
        QT_TRANSLATE_NOOP("errors", "The user name {username} is already taken."),
        field="username",
        username=name,
    )


def _keep_an_admin(uow: UnitOfWork, user: User, role: Role, active: bool) -> None:
    """Refuse a change that would leave the installation without an active administrator."""
    was_admin = user.active and user.role.code is Role.ADMIN
    if not was_admin or (active and role is Role.ADMIN):
        return
    others = uow.session.scalar(
        select(func.count(User.id))
        .join(User.role)
        .where(User.active.is_(True), User.id != user.id, RoleRecord.code == Role.ADMIN)
    )
    if not others:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "errors",
                "{user} is the last active administrator; name another administrator first.",
            ),
            user=user.username,
        )


def _link_workshops(uow: UnitOfWork, user_id: int, workshop_ids: frozenset[int]) -> None:
    if workshop_ids:
        uow.session.execute(
            insert(workshop_supervisors),
            [{"user_id": user_id, "workshop_id": w} for w in sorted(workshop_ids)],
        )


#: Display names of the roles, for a database whose catalogues were never loaded.
ROLE_NAMES = {
    Role.ADMIN: "Administrador",
    Role.JEFE: "Jefe de trabajo",
    Role.SUPERVISOR: "Supervisor de taller",
    Role.CONSULTA: "Consulta",
}


def role_record(uow: UnitOfWork, actor: Actor, role: Role) -> RoleRecord:
    """Return the row of ``role``, creating it when the catalogues were never loaded."""
    found = uow.session.scalar(select(RoleRecord).where(RoleRecord.code == role))
    if found is not None:
        return found
    created = RoleRecord(code=role, name=ROLE_NAMES[role])
    uow.session.add(created)
    uow.session.flush()
    audit.record(
        uow, actor, "create", "role", entity_uuid=created.uuid, summary=f"Role {role.value} added"
    )
    return created


def _check_establishment(uow: UnitOfWork, establishment_id: int | None) -> None:
    if establishment_id is not None and uow.session.get(Establishment, establishment_id) is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no establishment number {id}."),
            field="establishment_id",
            id=establishment_id,
        )


def _check_workshops(
    uow: UnitOfWork, workshop_ids: Iterable[int], establishment_id: int | None
) -> frozenset[int]:
    wanted = frozenset(workshop_ids)
    if not wanted:
        return wanted
    rows = uow.session.execute(
        select(Workshop.id, Workshop.establishment_id).where(Workshop.id.in_(wanted))
    )
    found = {workshop_id: place for workshop_id, place in rows}
    missing = sorted(wanted - found.keys())
    if missing:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "There is no workshop number {id}."),
            field="workshop_ids",
            id=missing[0],
        )
    if establishment_id is not None:
        foreign = sorted(w for w, e in found.items() if e != establishment_id)
        if foreign:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "Workshop number {id} belongs to another establishment."
                ),
                field="workshop_ids",
                id=foreign[0],
            )
    return wanted
