"""Gapless number series: delivery notes now, certificates next.

A printed series must have no holes: an auditor who finds NE01-000007 and NE01-000009
asks where 000008 went.  A database sequence cannot promise that (a rolled-back
transaction burns its value), so each series is a row of ``number_series`` whose
``last_value`` is incremented **inside the caller's transaction**:

* the increment is an ``UPDATE … SET last_value = last_value + 1 … RETURNING``; on
  PostgreSQL the row lock it takes makes a second issuer wait until the first commits
  or rolls back, then read the value the first left; on SQLite the unit of work's
  ``BEGIN IMMEDIATE`` already lets one writer in at a time;
* a rollback undoes the increment with everything else, so the number comes back and
  is given to the next record: no gap, no duplicate.

The first number of a new series creates its row (``INSERT … ON CONFLICT DO NOTHING``
on PostgreSQL, so that two first issuers cannot both create it).

Callers should take the number as late as they can in their transaction: the series
row stays locked until the commit, and every other issuer of the same series waits.
"""

from __future__ import annotations

import re

from sqlalchemy import insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from carceles_desktop.domain.base import utcnow
from carceles_desktop.domain.certificates import NumberSeries
from carceles_desktop.storage.unit_of_work import UnitOfWork

_NAME = re.compile(r"[A-Za-z0-9_.\-]+")
_KIND_WIDTH = 20
_SCOPE_WIDTH = 60


def _check_names(kind: str, scope: str) -> None:
    if not (_NAME.fullmatch(kind) and len(kind) <= _KIND_WIDTH):
        raise ValueError(f"series kind must be 1-{_KIND_WIDTH} letters, digits, '-_.': {kind!r}")
    if not (_NAME.fullmatch(scope) and len(scope) <= _SCOPE_WIDTH):
        raise ValueError(f"series scope must be 1-{_SCOPE_WIDTH} letters, digits, '-_.': {scope!r}")


def _create_series(uow: UnitOfWork, kind: str, scope: str) -> None:
    values = {"kind": kind, "scope": scope, "last_value": 0}
    if uow.session.get_bind().dialect.name == "postgresql":
        # A concurrent first issuer may be creating the same row: wait for it and keep
        # whichever row wins (the unique (kind, scope) constraint decides).
        statement = pg_insert(NumberSeries).values(**values).on_conflict_do_nothing()
        uow.session.execute(statement)
    else:
        uow.session.execute(insert(NumberSeries).values(**values))


def next_number(uow: UnitOfWork, kind: str, scope: str) -> int:
    """Take the next number of a series, inside the caller's transaction.

    The first call for a series returns 1.  A rollback of the caller's transaction
    gives the number back.

    Args:
        uow: the caller's writing unit of work; it must not be read-only.
        kind: the family of series (``"delivery"``, ``"certificate"``).
        scope: the series within the family (``"LURIGANCHO-NE01"``).

    Returns:
        The number taken (1, 2, 3 …).

    Raises:
        ValueError: malformed names (a programming error).
        RuntimeError: the unit of work is read-only (a programming error).
    """
    _check_names(kind, scope)
    if uow.read_only:
        raise RuntimeError("a number cannot be taken in a read-only unit of work")
    statement = (
        update(NumberSeries)
        .where(NumberSeries.kind == kind, NumberSeries.scope == scope)
        .values(last_value=NumberSeries.last_value + 1, updated_at=utcnow())
        .returning(NumberSeries.last_value)
        .execution_options(synchronize_session=False)
    )
    value = uow.session.execute(statement).scalar_one_or_none()
    if value is None:
        _create_series(uow, kind, scope)
        value = uow.session.execute(statement).scalar_one()
    return int(value)


def last_number(uow: UnitOfWork, kind: str, scope: str) -> int:
    """Return the last number taken in a series (0 when none yet), without taking one.

    Screens use it to say "the next note will be NE01-000013"; only :func:`next_number`
    may be trusted to give that number, since another issuer may come first.

    Raises:
        ValueError: malformed names (a programming error).
    """
    _check_names(kind, scope)
    query = select(NumberSeries.last_value).where(
        NumberSeries.kind == kind, NumberSeries.scope == scope
    )
    return int(uow.session.scalar(query) or 0)
