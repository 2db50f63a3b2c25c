"""Bring a database to the schema this program knows, safely.

* A new, empty database is created by running every migration.
* A database at the newest revision is left alone.
* An older database is first backed up (a verified copy) and then upgraded; if the
  upgrade fails the copy is put back and the message says where it is.
* A database from a newer version of the program is refused: this version cannot know
  what the newer one stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

from carceles_desktop.errors import StorageUnavailable
from carceles_desktop.i18n import QT_TRANSLATE_NOOP

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

#: The newest revision shipped (a test checks it against the migration scripts).  At
#: start-up a database at this revision is recognised with one query, without loading
#: Alembic and parsing its scripts (about a tenth of a second).
HEAD_REVISION = "0002"


def alembic_config() -> Config:
    """Return an Alembic configuration pointing at the shipped migrations."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """Return the newest revision this program ships."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships a baseline
        raise RuntimeError("no migrations shipped")
    return head


def current_revision(engine: Engine) -> str | None:
    """Return the database's revision, or None for a database without one."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _stored_revision(engine: Engine) -> str | None:
    """The revision in ``alembic_version`` read with plain SQL (None if absent)."""
    with engine.connect() as connection:
        try:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
        except DBAPIError:
            return None
    return str(rows[0][0]) if len(rows) == 1 else None


@dataclass(frozen=True)
class SchemaStatus:
    """Where a database stands against this program's migrations."""

    current: str | None
    head: str
    known: bool
    empty: bool

    @property
    def up_to_date(self) -> bool:
        """True when nothing needs doing."""
        return self.current == self.head


def schema_status(engine: Engine) -> SchemaStatus:
    """Compare the database's revision with the shipped ones."""
    if _stored_revision(engine) == HEAD_REVISION:
        return SchemaStatus(current=HEAD_REVISION, head=HEAD_REVISION, known=True, empty=False)
    from alembic.script import ScriptDirectory

    current = current_revision(engine)
    script = ScriptDirectory.from_config(alembic_config())
    known = current is None or _revision_known(script, current)
    with engine.connect() as connection:
        empty = not inspect(connection).get_table_names()
    return SchemaStatus(current=current, head=head_revision(), known=known, empty=empty)


def _revision_known(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except Exception:  # noqa: BLE001 - alembic raises several kinds for an unknown id
        return False


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the migrations up to ``revision`` on ``engine``."""
    from alembic import command

    config = alembic_config()
    with engine.connect() as connection:
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:
            # SQLite rebuilds a table to alter it ("move and copy"); with foreign keys
            # on, dropping a table that others reference deletes or refuses. Keys are
            # checked as a whole before the commit instead. The pragma only works
            # outside a transaction, so it goes straight to the driver's connection.
            connection.connection.dbapi_connection.execute("PRAGMA foreign_keys = OFF")  # type: ignore[union-attr]
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if broken:
                        raise RuntimeError(f"the upgrade broke {len(broken)} references")
        finally:
            if sqlite:
                connection.connection.dbapi_connection.execute("PRAGMA foreign_keys = ON")  # type: ignore[union-attr]


def prepare(
    engine: Engine,
    *,
    backup: Callable[[str], Path] | None = None,
    restore: Callable[[Path], None] | None = None,
) -> SchemaStatus:
    """Create, check or upgrade the database so that it matches this program.

    Args:
        engine: the database.
        backup: takes a verified copy before an upgrade and returns its path; it is
            given a label such as ``"pre-migration-0001-0002"``.
        restore: puts that copy back if the upgrade fails.

    Raises:
        StorageUnavailable: the database comes from a newer version, is not ours, or the
            upgrade failed (the message says where the backup is).
    """
    status = schema_status(engine)
    if status.up_to_date:
        return status
    if not status.known:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "errors",
                "This database was written by a newer version of the program (schema "
                "{current}); this version knows up to {head}. Install the newer version"
                " to open it.",
            ),
            current=status.current,
            head=status.head,
        )
    if status.current is None and not status.empty:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "errors",
                "This database was not made by this program (it has tables but no "
                "schema revision). Choose another file.",
            )
        )
    if status.current is None:
        upgrade(engine)
        return schema_status(engine)
    copy = backup(f"pre-migration-{status.current}-{status.head}") if backup else None
    try:
        upgrade(engine)
    except Exception as exc:
        if copy is not None and restore is not None:
            engine.dispose()
            restore(copy)
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "errors",
                "Upgrading the database failed and it was left as it was before. A copy"
                " taken before the upgrade is at {backup}. Details: {detail}",
            ),
            backup=str(copy) if copy else "(no copy)",
            detail=str(exc),
        ) from exc
    return schema_status(engine)
