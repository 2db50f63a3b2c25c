"""Database checks: SQLite's own integrity checks plus our schema revision.

``quick_check`` runs at start-up; the full report backs the ``check`` command and the
"Verificar base de datos" menu entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from carceles_desktop.storage import migrate


@dataclass(frozen=True)
class CheckItem:
    """One check and what it found."""

    name: str
    ok: bool
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class CheckReport:
    """All checks run on a database."""

    items: tuple[CheckItem, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        """True when every check passed."""
        return all(item.ok for item in self.items)

    def lines(self) -> list[str]:
        """Readable lines, one per check, then its findings."""
        out = []
        for item in self.items:
            out.append(f"{'OK   ' if item.ok else 'FALLO'} {item.name}")
            out.extend(f"      {detail}" for detail in item.details)
        return out


def _pragma_rows(engine: Engine, pragma: str) -> list[tuple[object, ...]]:
    with engine.connect().execution_options(carceles_write=False) as connection:
        return [tuple(row) for row in connection.exec_driver_sql(f"PRAGMA {pragma}")]


def quick_check(engine: Engine) -> CheckItem:
    """SQLite's quick_check (O(N), skips index cross-checks); PostgreSQL passes trivially."""
    if engine.dialect.name != "sqlite":
        return CheckItem("quick_check", True)
    try:
        rows = _pragma_rows(engine, "quick_check")
    except DBAPIError as exc:
        return CheckItem("quick_check", False, (str(exc.orig),))
    return _ok_rows("quick_check", rows)


def _ok_rows(name: str, rows: list[tuple[object, ...]]) -> CheckItem:
    messages = [str(row[0]) for row in rows]
    if messages == ["ok"]:
        return CheckItem(name, True)
    return CheckItem(name, False, tuple(messages[:50]))


def full_check(engine: Engine) -> CheckReport:
    """Run integrity_check, foreign_key_check and the schema-revision check."""
    items: list[CheckItem] = []
    if engine.dialect.name == "sqlite":
        try:
            items.append(_ok_rows("integrity_check", _pragma_rows(engine, "integrity_check")))
            fk_rows = _pragma_rows(engine, "foreign_key_check")
        except DBAPIError as exc:
            items.append(CheckItem("integrity_check", False, (str(exc.orig),)))
            return CheckReport(tuple(items))
        items.append(
            CheckItem(
                "foreign_key_check",
                not fk_rows,
                tuple(f"{row[0]} rowid {row[1]} → {row[2]}" for row in fk_rows[:50]),
            )
        )
    try:
        status = migrate.schema_status(engine)
    except DBAPIError as exc:
        items.append(CheckItem("schema_revision", False, (str(exc.orig),)))
        return CheckReport(tuple(items))
    if status.up_to_date:
        items.append(CheckItem("schema_revision", True, (f"{status.current}",)))
    else:
        items.append(
            CheckItem(
                "schema_revision",
                False,
                (f"database at {status.current or 'none'}, program expects {status.head}",),
            )
        )
    return CheckReport(tuple(items))
