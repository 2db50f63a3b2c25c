"""The append-only, hash-chained audit log: writing entries, verifying and reading the chain.

Each entry's hash covers its content and the previous entry's hash, so editing,
inserting or deleting any entry breaks the chain from there on.  Entries are written
in the same transaction as the change they describe: if the entry cannot be written,
the change rolls back with it.

What the chain cannot show on its own: entries cut off at the end, or a chain rewritten
and re-hashed by someone who can drop the triggers.  :attr:`ChainReport.head_hash` is the
value to print on reports or sign in a checkpoint, so that such a rewrite is caught by
comparing with a copy kept elsewhere.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import ColumnElement, func, or_, select, text

from carceles_desktop.domain.base import utcnow
from carceles_desktop.domain.users import AuditEntry
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.storage.unit_of_work import UnitOfWork

GENESIS_HASH = "0" * 64

# A fixed advisory-lock key so that PostgreSQL writers append to the chain one at a time
# (SQLite's BEGIN IMMEDIATE already serialises writers).
_PG_CHAIN_LOCK = 0x43415243

# Column widths of AuditEntry: values are cut to fit *before* hashing, so that what is
# stored is exactly what was hashed (PostgreSQL would refuse a longer value, SQLite would
# keep it; either way the entry must not depend on the database).
_NAME_WIDTH = 40
_SUMMARY_WIDTH = 300

#: Most rows one call of :func:`list_audit_entries` returns.
MAX_PAGE = 1000


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (Decimal, UUID)):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        # Sets have no order; sort them so that the same set is always written the same.
        items = [_plain(v) for v in value]
        try:
            return sorted(items)
        except TypeError:
            return sorted(items, key=repr)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def entry_hash(
    *,
    prev_hash: str,
    uuid: str,
    at: datetime,
    username: str,
    action: str,
    entity: str,
    entity_uuid: str | None,
    summary: str,
    changes: str,
) -> str:
    """Return the SHA-256 that chains an entry to the previous one."""
    canonical = json.dumps(
        [prev_hash, uuid, at.isoformat(), username, action, entity, entity_uuid, summary, changes],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def record(
    uow: UnitOfWork,
    actor: Actor,
    action: str,
    entity: str,
    *,
    entity_uuid: UUID | str | None = None,
    summary: str = "",
    changes: Mapping[str, Any] | None = None,
) -> AuditEntry:
    """Append an audit entry to the current transaction.

    Never put a password, a password hash or a full personal record in ``summary`` or
    ``changes``: the log is read by auditors and copied with backups.

    Args:
        uow: the unit of work of the change being described.
        actor: who made the change.
        action: a verb such as ``create``, ``update``, ``state_change``, ``annul``,
            ``import``, ``login``, ``login_failed``, ``print``, ``export``.
        entity: the kind of record (``trainee``, ``delivery`` …).
        entity_uuid: the record's UUID, when there is one.
        summary: one readable line (cut to 300 characters).
        changes: before/after of the changed fields, e.g. ``{"hours": ["6", "8"]}``.
    """
    session = uow.session
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_CHAIN_LOCK})
    prev = session.execute(
        select(AuditEntry.entry_hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).scalar_one_or_none()
    prev_hash = prev or GENESIS_HASH
    entry_uuid = uuid4()
    at = utcnow()
    username = actor.username[:_NAME_WIDTH]
    action = action[:_NAME_WIDTH]
    entity = entity[:_NAME_WIDTH]
    target = str(entity_uuid) if entity_uuid is not None else None
    summary = summary[:_SUMMARY_WIDTH]
    changes_text = json.dumps(_plain(dict(changes or {})), ensure_ascii=False, sort_keys=True)
    entry = AuditEntry(
        uuid=entry_uuid,
        at=at,
        user_id=actor.user_id,
        username=username,
        action=action,
        entity=entity,
        entity_uuid=target,
        summary=summary,
        changes=changes_text,
        prev_hash=prev_hash,
        entry_hash=entry_hash(
            prev_hash=prev_hash,
            uuid=str(entry_uuid),
            at=at,
            username=username,
            action=action,
            entity=entity,
            entity_uuid=target,
            summary=summary,
            changes=changes_text,
        ),
    )
    session.add(entry)
    session.flush()
    return entry


@dataclass(frozen=True)
class ChainReport:
    """The result of walking the audit chain.

    Attributes:
        checked: entries that fit, counted up to the first broken one.
        first_broken_seq: the ``seq`` of the first entry that does not fit, or None.
        reason: why it does not fit.
        head_hash: the last good entry's hash (the genesis value for an empty log); print
            or sign it to notice later a chain that was cut short or rewritten.
    """

    checked: int
    first_broken_seq: int | None
    reason: str | None
    head_hash: str = GENESIS_HASH

    @property
    def intact(self) -> bool:
        """True when every entry links to the previous one and hashes to its stored hash."""
        return self.first_broken_seq is None


_CHAIN_COLUMNS = (
    AuditEntry.seq,
    AuditEntry.uuid,
    AuditEntry.at,
    AuditEntry.username,
    AuditEntry.action,
    AuditEntry.entity,
    AuditEntry.entity_uuid,
    AuditEntry.summary,
    AuditEntry.changes,
    AuditEntry.prev_hash,
    AuditEntry.entry_hash,
)


def _chain_rows(uow: UnitOfWork, batch: int = 5000) -> Iterator[Any]:
    # Plain rows, not ORM objects: nothing accumulates in (or is expunged from) the
    # caller's session, whatever else it holds.
    last = 0
    while True:
        rows = uow.session.execute(
            select(*_CHAIN_COLUMNS)
            .where(AuditEntry.seq > last)
            .order_by(AuditEntry.seq)
            .limit(batch)
        ).all()
        if not rows:
            return
        yield from rows
        last = rows[-1].seq


def verify_chain(uow: UnitOfWork) -> ChainReport:
    """Walk the whole chain and name the first entry that does not fit."""
    prev_hash = GENESIS_HASH
    checked = 0
    for row in _chain_rows(uow):
        if row.prev_hash != prev_hash:
            return ChainReport(
                checked,
                row.seq,
                "previous-hash link broken (entry missing or inserted)",
                prev_hash,
            )
        expected = entry_hash(
            prev_hash=row.prev_hash,
            uuid=str(row.uuid),
            at=row.at,
            username=row.username,
            action=row.action,
            entity=row.entity,
            entity_uuid=row.entity_uuid,
            summary=row.summary,
            changes=row.changes,
        )
        if expected != row.entry_hash:
            return ChainReport(
                checked, row.seq, "content does not match its hash (entry edited)", prev_hash
            )
        prev_hash = row.entry_hash
        checked += 1
    return ChainReport(checked, None, None, prev_hash)


# --- reading the log (the Auditoría screen) -------------------------------------------


@dataclass(frozen=True)
class AuditRow:
    """One audit entry as the Auditoría screen shows it.

    Attributes:
        seq: position in the chain.
        uuid: the entry's own UUID.
        at: when (UTC, naive).
        user_id: the user's key, None for the program or a failed login.
        username: who (as typed, for a failed login).
        action: the verb (``create``, ``login_failed`` …).
        entity: the kind of record.
        entity_uuid: the record's UUID, when there is one.
        summary: one readable line.
        changes: before/after values, decoded from JSON.
    """

    seq: int
    uuid: str
    at: datetime
    user_id: int | None
    username: str
    action: str
    entity: str
    entity_uuid: str | None
    summary: str
    changes: Mapping[str, Any]


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _filters(
    text: str,
    entity: str | None,
    user: str | int | None,
    since: datetime | None,
    until: datetime | None,
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    words = text.casefold().split()
    for word in words:
        pattern = f"%{_escape_like(word)}%"
        conditions.append(
            or_(
                *(
                    func.lower(column).like(pattern, escape="\\")
                    for column in (
                        AuditEntry.summary,
                        AuditEntry.username,
                        AuditEntry.action,
                        AuditEntry.entity,
                        AuditEntry.changes,
                    )
                )
            )
        )
    if entity:
        conditions.append(AuditEntry.entity == entity)
    if isinstance(user, int):
        conditions.append(AuditEntry.user_id == user)
    elif user:
        conditions.append(AuditEntry.username == user)
    if since is not None:
        conditions.append(AuditEntry.at >= since)
    if until is not None:
        conditions.append(AuditEntry.at < until)
    return conditions


def list_audit_entries(
    uow: UnitOfWork,
    actor: Actor,
    *,
    text: str = "",
    entity: str | None = None,
    user: str | int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    offset: int = 0,
    limit: int = 200,
) -> list[AuditRow]:
    """Return one page of audit entries, newest first.

    Args:
        uow: an open unit of work (read-only is enough).
        actor: who asks.
        text: words that must all appear (case-insensitive) in the summary, user,
            action, entity or changes.
        entity: only entries about this kind of record.
        user: a user's key (int) or user name (str, also matches failed logins).
        since: entries at or after this UTC time.
        until: entries before this UTC time.
        offset: entries to skip (paging).
        limit: entries to return (at most :data:`MAX_PAGE`).

    Raises:
        PermissionDenied: the actor may not view the audit log.
    """
    require(actor, Action.VIEW_AUDIT)
    query = (
        select(AuditEntry)
        .where(*_filters(text, entity, user, since, until))
        .order_by(AuditEntry.seq.desc())
        .offset(max(offset, 0))
        .limit(min(max(limit, 0), MAX_PAGE))
    )
    return [_row(entry) for entry in uow.session.scalars(query)]


def count_audit_entries(
    uow: UnitOfWork,
    actor: Actor,
    *,
    text: str = "",
    entity: str | None = None,
    user: str | int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> int:
    """Count the entries :func:`list_audit_entries` would page through.

    Raises:
        PermissionDenied: the actor may not view the audit log.
    """
    require(actor, Action.VIEW_AUDIT)
    query = select(func.count(AuditEntry.seq)).where(*_filters(text, entity, user, since, until))
    return int(uow.session.execute(query).scalar_one())


def audit_entities(uow: UnitOfWork, actor: Actor) -> list[str]:
    """Return the kinds of record the log mentions, for the screen's filter list.

    Raises:
        PermissionDenied: the actor may not view the audit log.
    """
    require(actor, Action.VIEW_AUDIT)
    query = select(AuditEntry.entity).distinct().order_by(AuditEntry.entity)
    return list(uow.session.scalars(query))


def _row(entry: AuditEntry) -> AuditRow:
    try:
        changes = json.loads(entry.changes or "{}")
    except ValueError:
        # A damaged entry still shows; verify_chain is what reports the damage.
        changes = {"_raw": entry.changes}
    return AuditRow(
        seq=entry.seq,
        uuid=str(entry.uuid),
        at=entry.at,
        user_id=entry.user_id,
        username=entry.username,
        action=entry.action,
        entity=entry.entity,
        entity_uuid=entry.entity_uuid,
        summary=entry.summary,
        changes=changes if isinstance(changes, dict) else {"_value": changes},
    )
