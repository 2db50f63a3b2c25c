"""What every command gets: the parsed arguments, the database and the acting user."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from carceles_desktop import config
from carceles_desktop.errors import PermissionDenied, StorageUnavailable
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.actor import Actor

if TYPE_CHECKING:
    from carceles_desktop.services.context import ServiceContext
    from carceles_desktop.storage.unit_of_work import Database, SqlUnitOfWork

# The database layer (SQLAlchemy, about 0.2 s to import) is imported where it is used:
# the window imports this module and shows itself before it opens the database.

PASSWORD_ENV = "CARCELES_PASSWORD"


class ExitCode:
    """Exit codes of the command line (a contract with outside scripts)."""

    OK = 0
    FAILURE = 1
    USAGE = 2  # also: an import refused because of bad rows


@dataclass
class CommandEnv:
    """The environment of one command run."""

    args: argparse.Namespace
    # Looked up at run time so that a redirected sys.stdout (tests, pipes) is honoured.
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)

    def database_location(self) -> str:
        """The URL or path the user chose, or the default file."""
        if self.args.demo:
            return str(config.demo_database_path())
        if self.args.database:
            return str(self.args.database)
        url = config.load_config().database_url
        return url or str(config.default_database_path())

    def open(self, *, create: bool = False) -> Database:
        """Open the chosen database (see :func:`open_database`)."""
        from carceles_desktop.storage.opening import open_database

        location = self.database_location()
        if create and "://" not in location:
            Path(location).expanduser().absolute().parent.mkdir(parents=True, exist_ok=True)
        return open_database(location, create=create)

    def context(self, database: Database, *, writes: bool) -> ServiceContext:
        """Sign in as ``--user`` and return the service context.

        Without ``--user`` only reading a demo database is allowed.

        Raises:
            PermissionDenied: no user given where one is needed, or a failed sign-in.
        """
        from carceles_desktop.services import database_info
        from carceles_desktop.services.context import ServiceContext

        with database.unit_of_work(read_only=True) as uow:
            demo = database_info.is_demo(uow)
        if self.args.user:
            actor = sign_in(database, self.args.user, read_password(self.args.user))
            return ServiceContext(database, actor, demo=demo)
        if demo and not writes:
            return ServiceContext(database, Actor.system("demo"), demo=True)
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "errors",
                "This command needs a user: add --user NAME (the password is read from "
                "the terminal or the CARCELES_PASSWORD variable).",
            )
        )


def read_password(username: str) -> str:
    """Read the password from CARCELES_PASSWORD or the terminal, never from an argument."""
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env is not None:
        return from_env
    if not sys.stdin.isatty():
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "errors", "No password for {user}: set CARCELES_PASSWORD or run in a terminal."
            ),
            user=username,
        )
    return getpass.getpass(f"Contraseña de {username}: ")


def sign_in(database: Database, username: str, password: str) -> Actor:
    """Check the password and return the actor (failed attempts are recorded)."""
    from carceles_desktop.services import users

    return users.sign_in(database, username, password)


Handler = Callable[[CommandEnv], int]


def require_file_absent_or_empty(path: Path) -> None:
    """Refuse to overwrite an existing file."""
    if path.exists() and path.stat().st_size > 0:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("errors", "{path} exists already; choose another name."),
            path=str(path),
        )


@contextmanager
def writing_unit(
    env: CommandEnv, *, writes: bool
) -> Iterator[tuple[ServiceContext, SqlUnitOfWork]]:
    """Open the database, sign in and hold one unit of work that may write; the caller commits.

    Args:
        env: the command's environment.
        writes: whether the command changes records (``False`` for a print, which only
            adds its audit entry: a demo database may then be used without ``--user``).

    Raises:
        PermissionDenied: see :meth:`CommandEnv.context`.
    """
    database = env.open()
    try:
        ctx = env.context(database, writes=writes)
        with ctx.writing() as uow:
            yield ctx, uow
    finally:
        database.dispose()


def commit_with_pdf(uow: SqlUnitOfWork, path: Path, pdf: bytes) -> None:
    """Write the PDF, then commit: if the file cannot be written, the audit is rolled back."""
    # Imported here: reportlab, which the documents bring, is not needed by every command.
    from carceles_desktop.documents.base import write_atomically

    write_atomically(path, pdf)
    uow.commit()
