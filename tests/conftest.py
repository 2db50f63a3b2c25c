"""Shared test set-up: no display, no real data folder, databases from a template.

Fixtures build on each other (qutebrowser style): ``migrated_template`` is a SQLite
file upgraded once per session; ``database`` is a per-test copy of it, so each test
starts from a clean, fully migrated database in milliseconds.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

# Before anything imports Qt: no display in CI, and never the user's real data folder.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = Path(tempfile.mkdtemp(prefix="carceles-test-home-"))
os.environ["CARCELES_HOME"] = str(_HOME)
os.environ.pop("CARCELES_PASSWORD", None)

import pytest  # noqa: E402

from carceles_desktop.storage import migrate  # noqa: E402
from carceles_desktop.storage.engine import create_database_engine, parse_target  # noqa: E402
from carceles_desktop.storage.unit_of_work import Database  # noqa: E402

POSTGRES_ENV = "CARCELES_TEST_POSTGRES_URL"


def open_test_database(path: Path) -> Database:
    """Open (creating and migrating if needed) a SQLite database at ``path``."""
    target = parse_target(str(path))
    engine = create_database_engine(target)
    migrate.prepare(engine)
    return Database(target, engine)


@pytest.fixture(autouse=True)
def _no_translator_left_behind() -> Iterator[None]:
    """Service messages are English in tests unless a test installs a translator itself.

    The CLI and the window install a process-wide translator; without this, one test's
    Spanish would leak into the next test's assertions.
    """
    yield
    from carceles_desktop import i18n

    i18n.install_translator(None)


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, empty SQLite database file, made once per session."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    open_test_database(path).dispose()
    # Fold the WAL into the main file so that copying the file alone copies everything.
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return path


@pytest.fixture
def database_path(migrated_template: Path, tmp_path: Path) -> Path:
    """The path of a fresh copy of the migrated template."""
    path = tmp_path / "carceles.sqlite3"
    shutil.copyfile(migrated_template, path)
    return path


@pytest.fixture
def database(database_path: Path) -> Iterator[Database]:
    """A fresh, migrated SQLite database for one test."""
    db = open_test_database(database_path)
    yield db
    db.dispose()


@pytest.fixture
def postgres_url() -> str:
    """The URL of the throwaway PostgreSQL server; skips the test when there is none."""
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(f"{POSTGRES_ENV} is not set (bootstrap.py test starts a server)")
    return url


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Remove the temporary data folder."""
    shutil.rmtree(_HOME, ignore_errors=True)


@pytest.fixture
def fresh_postgres_url(postgres_url: str) -> Iterator[str]:
    """A brand-new, empty PostgreSQL database for one test, dropped afterwards."""
    import uuid

    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    name = f"carceles_t_{uuid.uuid4().hex[:12]}"
    admin_url = parse_target(postgres_url).url
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.dispose()
