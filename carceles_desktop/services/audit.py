"""The append-only, hash-chained audit log: writing entries and verifying the chain.

Each entry's hash covers its content and the previous entry's hash, so editing,
inserting or deleting any entry breaks the chain from there on.  Entries are written
in the same transaction as the change they describe: if the entry cannot be written,
the change rolls back with it.
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

from sqlalchemy import select, text

from carceles_desktop.domain.base import utcnow
from carceles_desktop.domain.users import AuditEntry
from carceles_desktop.services.actor import Actor
from carceles_desktop.storage.unit_of_work import UnitOfWork

GENESIS_HASH = "0" * 64

# A fixed advisory-lock key so that PostgreSQL writers append to the chain one at a time
# (SQLite's BEGIN IMMEDIATE already serialises writers).
_PG_CHAIN_LOCK = 0x43415243


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
    if isinstance(value, (list, tuple, set, frozenset)):
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

    Args:
        uow: the unit of work of the change being described.
        actor: who made the change.
        action: a verb such as ``create``, ``update``, ``state_change``, ``annul``,
            ``import``, ``login``, ``login_failed``, ``print``, ``export``.
        entity: the kind of record (``trainee``, ``delivery`` …).
        entity_uuid: the record's UUID, when there is one.
        summary: one readable line.
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
    changes_text = json.dumps(_plain(dict(changes or {})), ensure_ascii=False, sort_keys=True)
    target = str(entity_uuid) if entity_uuid is not None else None
    entry = AuditEntry(
        uuid=entry_uuid,
        at=at,
        user_id=actor.user_id,
        username=actor.username,
        action=action,
        entity=entity,
        entity_uuid=target,
        summary=summary[:300],
        changes=changes_text,
        prev_hash=prev_hash,
        entry_hash=entry_hash(
            prev_hash=prev_hash,
            uuid=str(entry_uuid),
            at=at,
            username=actor.username,
            action=action,
            entity=entity,
            entity_uuid=target,
            summary=summary[:300],
            changes=changes_text,
        ),
    )
    session.add(entry)
    session.flush()
    return entry


@dataclass(frozen=True)
class ChainReport:
    """The result of walking the audit chain."""

    checked: int
    first_broken_seq: int | None
    reason: str | None

    @property
    def intact(self) -> bool:
        """True when every entry links to the previous one and hashes to its stored hash."""
        return self.first_broken_seq is None


def _entries(uow: UnitOfWork, batch: int = 5000) -> Iterator[AuditEntry]:
    last = 0
    while True:
        rows = uow.session.scalars(
            select(AuditEntry).where(AuditEntry.seq > last).order_by(AuditEntry.seq).limit(batch)
        ).all()
        if not rows:
            return
        yield from rows
        last = rows[-1].seq
        uow.session.expunge_all()


def verify_chain(uow: UnitOfWork) -> ChainReport:
    """Walk the whole chain and name the first entry that does not fit."""
    prev_hash = GENESIS_HASH
    checked = 0
    for entry in _entries(uow):
        if entry.prev_hash != prev_hash:
            return ChainReport(
                checked, entry.seq, "previous-hash link broken (entry missing or inserted)"
            )
        expected = entry_hash(
            prev_hash=entry.prev_hash,
            uuid=str(entry.uuid),
            at=entry.at,
            username=entry.username,
            action=entry.action,
            entity=entry.entity,
            entity_uuid=entry.entity_uuid,
            summary=entry.summary,
            changes=entry.changes,
        )
        if expected != entry.entry_hash:
            return ChainReport(checked, entry.seq, "content does not match its hash (entry edited)")
        prev_hash = entry.entry_hash
        checked += 1
    return ChainReport(checked, None, None)
