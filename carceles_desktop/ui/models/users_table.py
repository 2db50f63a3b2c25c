"""The Usuarios list: columns over :func:`carceles_desktop.services.users.list_users`.

An installation has a handful of accounts, so the service returns them all and the
search and sort happen here, on the fetched rows; the paged model is reused for its
shape (columns, sorting by heading, the ``loaded`` signal the list view waits for).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from carceles_desktop.domain.rules.text import fold
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import catalogues, users
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.users import UserRow
from carceles_desktop.ui.labels import label
from carceles_desktop.ui.models.paged_table import Column, PagedTableModel, PageQuery

CONTEXT = "UsersTable"


@dataclass(frozen=True)
class UserListRow:
    """An account with the name of its establishment, as the list shows it."""

    user: UserRow
    establishment: str

    @property
    def id(self) -> int:
        """The account's key (the list view keeps the selection by it)."""
        return self.user.id


def local_time_text(moment: datetime | None) -> str:
    """A stored UTC time in the PC's time zone, as Peru writes it; empty for None."""
    if moment is None:
        return ""
    return moment.replace(tzinfo=UTC).astimezone().strftime("%d/%m/%Y %H:%M")


def state_text(user: UserRow, now: datetime | None = None) -> str:
    """Active, deactivated, or locked until a time."""
    if not user.active:
        return QCoreApplication.translate("UsersTable", "Deactivated")
    moment = now or datetime.now(UTC).replace(tzinfo=None)
    if user.locked_until is not None and user.locked_until > moment:
        return QCoreApplication.translate("UsersTable", "Locked until {time}").format(
            time=local_time_text(user.locked_until)
        )
    return QCoreApplication.translate("UsersTable", "Active")


def all_places() -> str:
    """What an account without an establishment covers."""
    return QCoreApplication.translate("UsersTable", "All establishments")


COLUMNS = (
    Column(
        QT_TRANSLATE_NOOP("UsersTable", "User"), lambda r: r.user.username, "username", width=12
    ),
    Column(
        QT_TRANSLATE_NOOP("UsersTable", "Full name"), lambda r: r.user.full_name, "name", width=24
    ),
    Column(QT_TRANSLATE_NOOP("UsersTable", "Role"), lambda r: label(r.user.role), "role", width=14),
    Column(
        QT_TRANSLATE_NOOP("UsersTable", "Establishment"),
        lambda r: r.establishment,
        "establishment",
        width=22,
    ),
    Column(
        QT_TRANSLATE_NOOP("UsersTable", "State"), lambda r: state_text(r.user), "state", width=12
    ),
    Column(
        QT_TRANSLATE_NOOP("UsersTable", "Last sign-in"),
        lambda r: local_time_text(r.user.last_login_at),
        "last_login",
        width=None,
    ),
)

_SORT_KEYS: dict[str, Callable[[UserListRow], Any]] = {
    "username": lambda r: r.user.username,
    "name": lambda r: fold(r.user.full_name),
    "role": lambda r: label(r.user.role),
    "establishment": lambda r: fold(r.establishment),
    "state": lambda r: (not r.user.active, r.user.username),
    "last_login": lambda r: r.user.last_login_at or datetime.min,
}


def read_users(ctx: ServiceContext) -> list[UserListRow]:
    """Every account with its establishment's name.

    Raises:
        PermissionDenied: the user may not manage users.
    """
    with ctx.reading() as uow:
        rows = users.list_users(uow, ctx.actor)
        places = {e.id: e.name for e in catalogues.list_establishments(uow, include_inactive=True)}
    return [
        UserListRow(
            row,
            all_places() if row.establishment_id is None else places.get(row.establishment_id, ""),
        )
        for row in rows
    ]


def matching(rows: list[UserListRow], query: PageQuery) -> list[UserListRow]:
    """The rows whose user name, name, role or establishment contain the search words."""
    words = fold(query.text).split()
    found = [
        row
        for row in rows
        if all(
            word
            in fold(
                " ".join(
                    (row.user.username, row.user.full_name, label(row.user.role), row.establishment)
                )
            )
            for word in words
        )
    ]
    key = _SORT_KEYS.get(query.sort, _SORT_KEYS["username"])
    return sorted(found, key=key, reverse=query.descending)


class UsersTableModel(PagedTableModel):
    """The accounts of the installation."""

    def __init__(self, ctx: ServiceContext, parent: Any = None) -> None:
        def fetch(query: PageQuery, offset: int, limit: int) -> list[UserListRow]:
            return matching(read_users(ctx), query)[offset : offset + limit]

        def count(query: PageQuery) -> int:
            return len(matching(read_users(ctx), query))

        super().__init__(
            COLUMNS, fetch, count, context=CONTEXT, default_sort="username", parent=parent
        )
