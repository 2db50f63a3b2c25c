"""What a front end holds to call the services: the open database and the acting user.

The window and the command line receive a :class:`ServiceContext`; they open units of
work through it and pass them, with the actor, to service functions.  They never see an
engine, a session or a query.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from carceles_desktop.errors import StorageUnavailable
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.actor import Actor
from carceles_desktop.storage.unit_of_work import Database, SqlUnitOfWork


@dataclass(frozen=True)
class ServiceContext:
    """An open database and the user acting on it.

    Attributes:
        database: the open database.
        actor: who is acting.
        demo: True when the database is the demo database (never real data).
        read_only_mode: True when the user chose to open a database held by another
            program for reading only.
    """

    database: Database
    actor: Actor
    demo: bool = False
    read_only_mode: bool = False

    def reading(self) -> SqlUnitOfWork:
        """Open a read-only unit of work (no write lock)."""
        return self.database.unit_of_work(read_only=True)

    def writing(self) -> SqlUnitOfWork:
        """Open a unit of work that may write; the caller commits.

        Raises:
            StorageUnavailable: the window was opened read-only (another program holds
                the database); said before any work is done.
        """
        if self.read_only_mode:
            raise StorageUnavailable(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "This window opened the database read-only because another program "
                    "holds it; nothing can be saved here. Close the other program and "
                    "open this one again to make changes.",
                )
            )
        return self.database.unit_of_work(read_only=False)

    def with_actor(self, actor: Actor) -> ServiceContext:
        """Return the same context for another user (after a login or a lock)."""
        return replace(self, actor=actor)

    def describe_database(self) -> str:
        """Where the database is, for the status bar (no password)."""
        return self.database.target.describe()
