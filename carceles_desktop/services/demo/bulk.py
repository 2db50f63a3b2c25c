"""Fast, deterministic bulk inserts for the demo generator.

Millions of attendance rows cannot go through the ORM one object at a time, nor even
through the mapped tables' type processing (Decimal scaling, UUID and date formatting
cost more than SQLite's own insert).  The generator therefore works with values already
in their stored form — scaled integers for hours, money and quantities; UUIDs, dates and
timestamps encoded once per dialect here — and hands them to the driver's own
executemany in chunks (column names are checked against the mapped tables first).  Keys
are allocated here too, so that children can reference parents without reading anything
back.
"""

from __future__ import annotations

import random
import uuid as uuid_module
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from itertools import islice
from operator import itemgetter
from typing import Any

from sqlalchemy import TableClause, column, func, select, table, text
from sqlalchemy.orm import Session

from carceles_desktop.domain.models import metadata

#: Rows per executemany: large enough to amortise the call, small enough to bound memory.
CHUNK = 10_000

# UUID version 4: version nibble at bits 76–79, RFC 4122 variant (0b10) at bits 62–63.
_UUID_CLEAR = ~((0xF << 76) | (0x3 << 62))
_UUID_SET = (0x4 << 76) | (0x2 << 62)

Row = dict[str, Any]


def uuid_int(rng: random.Random) -> int:
    """Draw a version-4 UUID as an integer, the same as ``UUID(int=…, version=4)``."""
    return (rng.getrandbits(128) & _UUID_CLEAR) | _UUID_SET


def uuid_text(value: int) -> str:
    """The canonical text of a UUID integer (as the audit log stores it)."""
    return str(uuid_module.UUID(int=value))


class Bulk:
    """Key allocation, value encoding and chunked inserts inside one session.

    Attributes:
        session: the unit of work's session; nothing here commits.
        sqlite: True on SQLite, where UUIDs, dates and timestamps are stored as text.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.sqlite = session.get_bind().dialect.name == "sqlite"
        self._tables: dict[str, TableClause] = {}
        self._next_id: dict[str, int] = {}
        self.counts: dict[str, int] = {}

    # --- encoding ---------------------------------------------------------------------

    def uuid(self, value: int) -> Any:
        """Encode a UUID integer as the ``Uuid`` column stores it."""
        if self.sqlite:
            return f"{value:032x}"
        return uuid_module.UUID(int=value)

    def day(self, value: date | None) -> Any:
        """Encode a date (SQLite: ``YYYY-MM-DD`` text, as SQLAlchemy writes it)."""
        if value is None or not self.sqlite:
            return value
        return value.isoformat()

    def stamp(self, value: datetime | None) -> Any:
        """Encode a naive UTC timestamp (SQLite: SQLAlchemy's text form)."""
        if value is None or not self.sqlite:
            return value
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")

    def day_encoder(self) -> Callable[[date], Any]:
        """Return :meth:`day` without the None check, for hot loops."""
        if self.sqlite:
            return date.isoformat
        return lambda value: value

    # --- keys -------------------------------------------------------------------------

    def ids(self, table_name: str, count: int) -> range:
        """Reserve ``count`` consecutive keys of ``table_name`` and return them."""
        start = self._next_id.get(table_name)
        if start is None:
            clause = self._table(table_name)
            current = self.session.execute(select(func.max(clause.c.id))).scalar()
            start = int(current or 0) + 1
        self._next_id[table_name] = start + count
        return range(start, start + count)

    def next_id(self, table_name: str) -> int:
        """Reserve one key of ``table_name``."""
        return self.ids(table_name, 1)[0]

    # --- writing ----------------------------------------------------------------------

    def _table(self, table_name: str) -> TableClause:
        clause = self._tables.get(table_name)
        if clause is None:
            mapped = metadata.tables[table_name]
            # Untyped columns: values are already in their stored form (see module doc).
            clause = table(table_name, *(column(c.name) for c in mapped.columns))
            self._tables[table_name] = clause
        return clause

    def insert(self, table_name: str, rows: Iterable[Row], chunk: int = CHUNK) -> int:
        """Insert ``rows`` (dicts sharing the same keys) in chunks; return how many."""
        iterator: Iterator[Row] = iter(rows)
        done = 0
        writer: Callable[[list[Row]], None] | None = None
        while True:
            batch = list(islice(iterator, chunk))
            if not batch:
                break
            if writer is None:
                writer = self._writer(table_name, list(batch[0]))
            writer(batch)
            done += len(batch)
        self.counts[table_name] = self.counts.get(table_name, 0) + done
        return done

    def _writer(self, table_name: str, keys: list[str]) -> Callable[[list[Row]], None]:
        # The driver's executemany takes the values as they are: SQLAlchemy's per-row
        # parameter processing would cost as much as SQLite's insert itself.
        known = self._table(table_name).c
        for key in keys:
            if key not in known:
                raise KeyError(f"{table_name} has no column {key}")
        connection = self.session.connection()
        columns = ", ".join(keys)
        if self.sqlite:
            # Positional parameters: sqlite3 binds tuples much faster than dicts.
            sql = f"INSERT INTO {table_name} ({columns}) VALUES ({', '.join('?' * len(keys))})"
            pick = itemgetter(*keys) if len(keys) > 1 else (lambda row: (row[keys[0]],))

            def write_sqlite(batch: list[Row]) -> None:
                connection.exec_driver_sql(sql, list(map(pick, batch)))

            return write_sqlite
        marks = ", ".join(f"%({key})s" for key in keys)
        sql = f"INSERT INTO {table_name} ({columns}) VALUES ({marks})"

        def write_named(batch: list[Row]) -> None:
            connection.exec_driver_sql(sql, batch)

        return write_named

    def sync_sequences(self) -> None:
        """On PostgreSQL, move each touched table's key sequence past the keys we chose.

        Explicit keys do not advance a serial column's sequence; without this, the next
        row the program adds would collide with a demo row.  SQLite needs nothing: it
        takes the largest key plus one.
        """
        if self.sqlite:
            return
        for table_name in self._next_id:
            self.session.execute(
                text(
                    "SELECT setval(pg_get_serial_sequence(:name, 'id'), "
                    f"(SELECT COALESCE(MAX(id), 1) FROM {table_name}))"  # noqa: S608 - our names
                ),
                {"name": table_name},
            )

    def forget_keys(self) -> None:
        """Drop the reserved-key cache (after a commit, before another writer runs)."""
        self._next_id.clear()
