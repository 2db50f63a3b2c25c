"""Signing in: checking a password, counting failures, locking an account for a while.

Signing in writes even when it fails: the failed-attempt counter that leads to a lockout
and the ``login_failed`` audit entry must survive the refusal.  Front ends therefore call
:func:`sign_in`, which opens its own unit of work, commits the counter and the audit
entry, and only then raises :class:`LoginRefused`.  :func:`authenticate` is the same work
inside a caller's unit of work, for callers that manage the transaction themselves; they
must commit after :class:`LoginRefused` too.

:mod:`carceles_desktop.services.users` re-exports these names, so both imports work.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import NoReturn

from sqlalchemy import select

from carceles_desktop.domain.base import utcnow
from carceles_desktop.domain.enums import Role
from carceles_desktop.domain.users import User
from carceles_desktop.domain.workshops import workshop_supervisors
from carceles_desktop.errors import NotFound, PermissionDenied
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.passwords import hash_password, needs_rehash, verify_password
from carceles_desktop.storage.unit_of_work import Database, UnitOfWork

#: Failed sign-ins in a row that lock an account.
MAX_FAILED_ATTEMPTS = 5
#: How long a locked account stays locked.
LOCKOUT_DURATION = timedelta(minutes=15)

_ENTITY = "user"

UnitOfWorkFactory = Callable[[], AbstractContextManager[UnitOfWork]]


class LoginRefused(PermissionDenied):
    """A sign-in was refused; the failed-attempt counter and audit entry are in the session.

    Attributes:
        locked_until: when the account is locked, the end of the lockout (UTC).
    """

    locked_until: datetime | None = None


def sign_in(
    source: Database | UnitOfWorkFactory,
    username: str,
    password: str,
    *,
    now: datetime | None = None,
) -> Actor:
    """Check a user name and password in a unit of work of its own, and commit it.

    This is what front ends call.  Success and failure are both committed (counter,
    lockout, last sign-in time, rehash, audit entry) before the result is returned or
    the refusal raised.

    Args:
        source: the open database, or a function opening a unit of work.
        username: as typed.
        password: as typed.
        now: the current UTC time (tests pass it instead of waiting).

    Raises:
        LoginRefused: wrong name or password, locked or deactivated account; the
            message says which (without telling whether an unknown name exists).
        StorageUnavailable: the database cannot be written.
    """
    open_unit = source.unit_of_work if isinstance(source, Database) else source
    with open_unit() as uow:
        try:
            actor = authenticate(uow, username, password, now=now)
        except LoginRefused:
            uow.commit()
            raise
        uow.commit()
        return actor


def authenticate(
    uow: UnitOfWork, username: str, password: str, *, now: datetime | None = None
) -> Actor:
    """Check a user name and password inside the caller's unit of work.

    The caller must commit **also when** :class:`LoginRefused` is raised, or the
    failed attempt (and with it the lockout) is lost.  Prefer :func:`sign_in`.

    Raises:
        LoginRefused: wrong name or password, locked or deactivated account.
    """
    moment = _naive_utc(now)
    typed = username.strip().lower()
    user = uow.session.scalar(select(User).where(User.username == typed))
    if user is None:
        verify_password(_dummy_hash(), password)  # as slow as a real check
        _refuse(uow, typed, None, "unknown user name", _WRONG)
    if user.locked_until is not None and user.locked_until > moment:
        _refuse(uow, typed, user, "account locked", _LOCKED, until=user.locked_until)
    if not verify_password(user.password_hash, password):
        user.failed_attempts += 1
        attempts = user.failed_attempts
        if attempts >= MAX_FAILED_ATTEMPTS:
            # Start afresh after the lockout: another full series of tries is allowed.
            user.failed_attempts = 0
            user.locked_until = moment + LOCKOUT_DURATION
            _refuse(uow, typed, user, "wrong password, locked", _LOCKED, until=user.locked_until)
        _refuse(uow, typed, user, f"wrong password (attempt {attempts})", _WRONG)
    if not user.active:
        _refuse(uow, typed, user, "account deactivated", _INACTIVE)
    user.failed_attempts = 0
    user.locked_until = None
    user.last_login_at = moment
    rehashed = needs_rehash(user.password_hash)
    if rehashed:
        user.password_hash = hash_password(password)
    actor = actor_for(uow, user.id)
    audit.record(
        uow,
        actor,
        "login",
        _ENTITY,
        entity_uuid=user.uuid,
        summary=f"User {user.username} signed in",
        changes={"password_rehashed": True} if rehashed else None,
    )
    return actor


_WRONG = QT_TRANSLATE_NOOP("errors", "Wrong user name or password.")
_INACTIVE = QT_TRANSLATE_NOOP("errors", "The account {user} is deactivated; ask an administrator.")


_LOCKED = QT_TRANSLATE_NOOP(
    "errors", "The account {user} is locked after too many failed attempts, until {until}."
)


def _refuse(
    uow: UnitOfWork,
    typed: str,
    user: User | None,
    reason: str,
    message: str,
    *,
    until: datetime | None = None,
) -> NoReturn:
    # The failure is recorded under the name as typed: nobody has signed in.
    failed = Actor(user_id=None, username=typed or "?", role=Role.CONSULTA)
    audit.record(
        uow,
        failed,
        "login_failed",
        _ENTITY,
        entity_uuid=user.uuid if user is not None else None,
        summary=f"Failed sign-in as {typed or '?'}: {reason}",
    )
    error = LoginRefused(message, user=typed, until=_local_text(until) if until else "")
    error.locked_until = until
    raise error


# --- accounts as the sign-in sees them -----------------------------------------


def actor_for(uow: UnitOfWork, user_id: int) -> Actor:
    """Build the :class:`Actor` of an account: role, establishment and workshops.

    Raises:
        NotFound: no such user.
        PermissionDenied: the account is deactivated.
    """
    user = load_user(uow, user_id)
    if not user.active:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("errors", "The account {user} is deactivated; ask an administrator."),
            user=user.username,
        )
    return Actor(
        user_id=user.id,
        username=user.username,
        role=user.role.code,
        establishment_id=user.establishment_id,
        workshop_ids=workshop_ids_of(uow, user.id),
    )


def workshop_ids_of(uow: UnitOfWork, user_id: int) -> frozenset[int]:
    """Return the workshops a user supervises."""
    query = select(workshop_supervisors.c.workshop_id).where(
        workshop_supervisors.c.user_id == user_id
    )
    return frozenset(uow.session.scalars(query))


def load_user(uow: UnitOfWork, user_id: int) -> User:
    """Return the stored account (for services only: screens get :class:`UserRow`).

    Raises:
        NotFound: no such user.
    """
    user = uow.session.get(User, user_id)
    if user is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no user number {id}."), id=user_id)
    return user


# --- helpers -------------------------------------------------------------------------


@cache
def _dummy_hash() -> str:
    return hash_password(secrets.token_urlsafe(16))


def _naive_utc(now: datetime | None) -> datetime:
    if now is None:
        return utcnow()
    if now.tzinfo is not None:
        return now.astimezone(UTC).replace(tzinfo=None)
    return now


def _local_text(moment: datetime) -> str:
    """Format a stored UTC time in the PC's time zone, as people in Peru write it."""
    return moment.replace(tzinfo=UTC).astimezone().strftime("%d/%m/%Y %H:%M")
