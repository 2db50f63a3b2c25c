"""Signing in to a database opened read-only (another computer holds it).

:func:`carceles_desktop.services.sign_in.sign_in` writes even when it succeeds (last
sign-in time, the audit entry), which a read-only database refuses; so a window opened
read-only checks the password here instead, writing nothing.  What is lost: the failed
attempts are not counted and the sign-in is not audited, because nothing can be written.
A locked or deactivated account is still refused, and every check is as slow as a real
one, so guessing passwords is no cheaper than on the normal road.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from carceles_desktop.domain.users import User
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.passwords import verify_password
from carceles_desktop.services.sign_in import (
    _INACTIVE,
    _LOCKED,
    _WRONG,
    LoginRefused,
    _dummy_hash,
    _local_text,
    _naive_utc,
    actor_for,
)
from carceles_desktop.storage.unit_of_work import Database


def sign_in_read_only(
    database: Database, username: str, password: str, *, now: datetime | None = None
) -> Actor:
    """Check a user name and password without writing anything; return the actor.

    Raises:
        LoginRefused: wrong name or password, locked or deactivated account (the same
            messages as the normal sign-in).
    """
    moment = _naive_utc(now)
    typed = username.strip().lower()
    with database.unit_of_work(read_only=True) as uow:
        user = uow.session.scalar(select(User).where(User.username == typed))
        if user is None:
            verify_password(_dummy_hash(), password)  # as slow as a real check
            raise LoginRefused(_WRONG, user=typed)
        if user.locked_until is not None and user.locked_until > moment:
            error = LoginRefused(_LOCKED, user=typed, until=_local_text(user.locked_until))
            error.locked_until = user.locked_until
            raise error
        if not verify_password(user.password_hash, password):
            raise LoginRefused(_WRONG, user=typed)
        if not user.active:
            raise LoginRefused(_INACTIVE, user=typed)
        return actor_for(uow, user.id)
