"""The unit of work: one user action, one transaction, opened by the caller.

The caller (a UI worker, a CLI command, a test) opens a unit of work and passes it to
service functions.  Leaving the ``with`` block without ``commit()`` rolls everything
back, so a failure half-way never leaves half a change behind.
"""

from __future__ import annotations

from types import TracebackType
from typing import Protocol

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from carceles_desktop.storage.engine import WRITE_OPTION, DatabaseTarget
from carceles_desktop.storage.errors import translate_operational_error


class UnitOfWork(Protocol):
    """What services need from a unit of work."""

    session: Session
    read_only: bool

    def commit(self) -> None:
        """Make the changes permanent."""

    def rollback(self) -> None:
        """Discard the changes."""


class SqlUnitOfWork:
    """A unit of work over a SQLAlchemy session bound to one connection.

    Attributes:
        session: the ORM session for this unit.
        read_only: the unit takes no write lock on SQLite and refuses to commit.
    """

    def __init__(self, engine: Engine, *, read_only: bool = False) -> None:
        self._engine = engine
        self.read_only = read_only
        self._connection: Connection | None = None
        self.session: Session

    def __enter__(self) -> SqlUnitOfWork:
        try:
            self._connection = self._engine.connect().execution_options(
                **{WRITE_OPTION: not self.read_only}
            )
        except OperationalError as exc:
            raise translate_operational_error(exc) from exc
        self.session = Session(bind=self._connection, expire_on_commit=False, autoflush=True)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            self.rollback()
        finally:
            self.session.close()
            if self._connection is not None:
                self._connection.close()
                self._connection = None
        # A full disk or a locked file may surface in a service's flush, not only at
        # commit: give the caller the same readable StorageUnavailable either way.
        if isinstance(exc, OperationalError):
            translated = translate_operational_error(exc)
            if translated is not exc:
                raise translated from exc

    def commit(self) -> None:
        """Commit; disk-full, locked and read-only failures become StorageUnavailable."""
        if self.read_only:
            raise RuntimeError("a read-only unit of work cannot commit")
        try:
            self.session.commit()
        except OperationalError as exc:
            self.session.rollback()
            raise translate_operational_error(exc) from exc

    def rollback(self) -> None:
        """Discard everything not committed."""
        self.session.rollback()


class Database:
    """An open database: its target, engine, and a factory of units of work."""

    def __init__(self, target: DatabaseTarget, engine: Engine) -> None:
        self.target = target
        self.engine = engine
        #: True when the start-up quick_check was left to run after the window shows.
        self.check_deferred = False

    def unit_of_work(self, *, read_only: bool = False) -> SqlUnitOfWork:
        """Open a unit of work (use it in a ``with`` block)."""
        return SqlUnitOfWork(self.engine, read_only=read_only)

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()
