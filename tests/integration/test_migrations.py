"""Migrations: one head, the models exactly, newer and foreign files refused, safe upgrades."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from carceles_desktop.domain.models import metadata
from carceles_desktop.errors import StorageUnavailable
from carceles_desktop.storage import migrate
from carceles_desktop.storage.engine import create_database_engine, parse_target
from carceles_desktop.storage.opening import open_database


def _differences(engine: Engine) -> list[object]:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, metadata))


def test_there_is_exactly_one_head() -> None:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert len(script.get_heads()) == 1


def test_upgrading_an_empty_sqlite_database_gives_exactly_the_models(tmp_path: Path) -> None:
    engine = create_database_engine(parse_target(str(tmp_path / "new.sqlite3")))
    status = migrate.prepare(engine)
    assert status.up_to_date
    assert _differences(engine) == []
    engine.dispose()


@pytest.mark.postgres
def test_upgrading_an_empty_postgres_database_gives_exactly_the_models(
    fresh_postgres_url: str,
) -> None:
    engine = create_database_engine(parse_target(fresh_postgres_url))
    try:
        assert migrate.prepare(engine).up_to_date
        assert _differences(engine) == []
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO audit_entries (uuid, at, username, action, entity, summary, "
                    "changes, prev_hash, entry_hash) VALUES (gen_random_uuid(), now(), 'x', "
                    "'y', 'z', 's', '{}', '0', 'h')"
                )
            )
        with pytest.raises(Exception, match="append-only"), engine.begin() as connection:
            connection.execute(text("UPDATE audit_entries SET summary = 'changed'"))
        with pytest.raises(Exception, match="append-only"), engine.begin() as connection:
            connection.execute(text("DELETE FROM audit_entries"))
    finally:
        engine.dispose()


def test_a_database_from_a_newer_version_is_refused(database_path: Path) -> None:
    connection = sqlite3.connect(database_path)
    connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.commit()
    connection.close()
    with pytest.raises(StorageUnavailable, match="newer version"):
        open_database(str(database_path))


def test_a_database_of_another_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE clientes (id INTEGER PRIMARY KEY, nombre TEXT)")
    connection.commit()
    connection.close()
    with pytest.raises(StorageUnavailable, match="not made by this program"):
        open_database(str(path))


_EXTRA_REVISION = '''"""Test revision: {what}."""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("settings") as batch:
        batch.add_column(sa.Column("note", sa.String(40), nullable=True))
    {fail}


def downgrade() -> None:
    with op.batch_alter_table("settings") as batch:
        batch.drop_column("note")
'''


@pytest.fixture
def migrations_with_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Point the program at a copy of its migrations plus a second revision."""

    def make(*, failing: bool) -> None:
        folder = tmp_path / "migrations"
        shutil.copytree(
            migrate.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__")
        )
        fail = 'raise RuntimeError("power cut simulated")' if failing else "pass"
        (folder / "versions" / "0003_test.py").write_text(
            _EXTRA_REVISION.format(what="fails" if failing else "adds a column", fail=fail)
        )
        monkeypatch.setattr(migrate, "MIGRATIONS_DIR", folder)
        monkeypatch.setattr(migrate, "HEAD_REVISION", "0003")

    return make


def _settings_rows(path: Path) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT key, value FROM settings ORDER BY key").fetchall()
    finally:
        connection.close()


def _fill(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute(
        "INSERT INTO settings (key, value, id, uuid, created_at, updated_at) VALUES "
        "('institution_acronym', '\"INPE\"', 1, 'a1', '2026-01-01', '2026-01-01')"
    )
    connection.commit()
    connection.close()


def test_an_older_database_is_backed_up_then_upgraded(
    database_path: Path,
    migrations_with_extra,  # type: ignore[no-untyped-def]
) -> None:
    _fill(database_path)
    migrations_with_extra(failing=False)
    database = open_database(str(database_path))
    database.dispose()
    backups = list((database_path.parent / "backups").glob("*pre-migration-0002-0003*"))
    assert len(backups) == 1
    assert _settings_rows(backups[0]) == [("institution_acronym", '"INPE"')]
    connection = sqlite3.connect(database_path)
    columns = [row[1] for row in connection.execute("PRAGMA table_info(settings)")]
    version = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    connection.close()
    assert "note" in columns
    assert version == "0003"
    assert _settings_rows(database_path) == [("institution_acronym", '"INPE"')]


def test_a_failed_upgrade_leaves_the_database_as_it_was(
    database_path: Path,
    migrations_with_extra,  # type: ignore[no-untyped-def]
) -> None:
    _fill(database_path)
    migrations_with_extra(failing=True)
    with pytest.raises(StorageUnavailable, match="backups") as caught:
        open_database(str(database_path))
    assert "power cut simulated" in str(caught.value)
    connection = sqlite3.connect(database_path)
    columns = [row[1] for row in connection.execute("PRAGMA table_info(settings)")]
    version = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
    connection.close()
    assert "note" not in columns
    assert version == "0002"
    assert integrity == "ok"
    assert _settings_rows(database_path) == [("institution_acronym", '"INPE"')]


def test_the_start_up_shortcut_knows_the_newest_revision() -> None:
    # schema_status recognises a current database without Alembic by this constant.
    assert migrate.head_revision() == migrate.HEAD_REVISION


_REBUILDING_REVISION = '''"""Test revision: rebuild a referenced table (SQLite's move and copy)."""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("trainees", recreate="always") as batch:
        batch.add_column(sa.Column("note", sa.String(40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("trainees") as batch:
        batch.drop_column("note")
'''


def _table_fingerprints(path: Path) -> dict[str, tuple[int, int]]:
    """Row count and a content hash of every table (new columns left out)."""
    connection = sqlite3.connect(path)
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT IN ('alembic_version', 'sqlite_sequence')"
            )
        ]
        result = {}
        for table in tables:
            columns = [
                row[1]
                for row in connection.execute(f"PRAGMA table_info({table})")
                if row[1] != "note"
            ]
            rows = connection.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            result[table] = (len(rows), hash(tuple(sorted(rows, key=repr))))
        return result
    finally:
        connection.close()


def test_a_demo_database_of_the_first_schema_keeps_every_row_through_an_upgrade(
    database_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    from carceles_desktop.services.demo import Size, generate_demo_data
    from tests.conftest import open_test_database

    database = open_test_database(database_path)
    small = Size(("LURIGANCHO",), trainees=150, workshops=3, history_days=60)
    generate_demo_data(database, scale="site", today=date(2026, 11, 20), _size=small)
    database.dispose()
    before = _table_fingerprints(database_path)
    assert before["trainees"][0] == 150
    assert before["attendance"][0] > 1000

    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "0003_test.py").write_text(_REBUILDING_REVISION)
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", folder)
    monkeypatch.setattr(migrate, "HEAD_REVISION", "0003")

    open_database(str(database_path)).dispose()

    assert _table_fingerprints(database_path) == before
    connection = sqlite3.connect(database_path)
    try:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(trainees)")]
        assert "note" in columns
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 0  # plain sqlite3
    finally:
        connection.close()
