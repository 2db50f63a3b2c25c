"""The demo's audit trail, written in bulk but chained exactly as ``audit.record`` does.

The generator notes each event (an import, an enrolment's change of state, a delivery
issued, received or annulled) with the moment it happened in the story.  At the end
the entries are put in time order, chained to the last entry already in the log with
:func:`carceles_desktop.services.audit.entry_hash`, and inserted in one executemany, so
that :func:`carceles_desktop.services.audit.verify_chain` accepts the whole log.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from carceles_desktop.domain.users import AuditEntry
from carceles_desktop.services.audit import GENESIS_HASH, entry_hash
from carceles_desktop.services.demo.bulk import Bulk, Row, uuid_int, uuid_text

# Widths of AuditEntry's columns; values are cut before hashing, as audit.record does.
_NAME_WIDTH = 40
_SUMMARY_WIDTH = 300


@dataclass(frozen=True)
class Who:
    """The user an entry is attributed to."""

    user_id: int | None
    username: str


@dataclass(frozen=True)
class _Planned:
    at: datetime
    order: int
    uuid: int
    who: Who
    action: str
    entity: str
    entity_uuid: str | None
    summary: str
    changes: str


class AuditTrail:
    """Collects the demo's audit entries and writes them as one chain segment."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._entries: list[_Planned] = []

    def __len__(self) -> int:
        return len(self._entries)

    def note(
        self,
        at: datetime,
        who: Who,
        action: str,
        entity: str,
        *,
        entity_uuid: int | None = None,
        summary: str = "",
        changes: Mapping[str, Any] | None = None,
    ) -> None:
        """Remember one entry for the moment ``at`` (naive UTC).

        ``changes`` must already hold plain JSON values (text, numbers, lists).
        """
        self._entries.append(
            _Planned(
                at=at,
                order=len(self._entries),
                uuid=uuid_int(self._rng),
                who=Who(who.user_id, who.username[:_NAME_WIDTH]),
                action=action[:_NAME_WIDTH],
                entity=entity[:_NAME_WIDTH],
                entity_uuid=uuid_text(entity_uuid) if entity_uuid is not None else None,
                summary=summary[:_SUMMARY_WIDTH],
                changes=json.dumps(dict(changes or {}), ensure_ascii=False, sort_keys=True),
            )
        )

    def write(self, bulk: Bulk) -> int:
        """Chain the entries, in time order, after the log's last one and insert them."""
        last = bulk.session.execute(
            select(AuditEntry.entry_hash).order_by(AuditEntry.seq.desc()).limit(1)
        ).scalar_one_or_none()
        self._entries.sort(key=lambda entry: (entry.at, entry.order))
        written = bulk.insert("audit_entries", self._rows(last or GENESIS_HASH, bulk))
        self._entries.clear()
        return written

    def _rows(self, prev_hash: str, bulk: Bulk) -> Iterator[Row]:
        for entry in self._entries:
            uuid_string = uuid_text(entry.uuid)
            own_hash = entry_hash(
                prev_hash=prev_hash,
                uuid=uuid_string,
                at=entry.at,
                username=entry.who.username,
                action=entry.action,
                entity=entry.entity,
                entity_uuid=entry.entity_uuid,
                summary=entry.summary,
                changes=entry.changes,
            )
            # No seq: the database numbers the rows in insertion order, which is the chain's.
            yield {
                "uuid": bulk.uuid(entry.uuid),
                "at": bulk.stamp(entry.at),
                "user_id": entry.who.user_id,
                "username": entry.who.username,
                "action": entry.action,
                "entity": entry.entity,
                "entity_uuid": entry.entity_uuid,
                "summary": entry.summary,
                "changes": entry.changes,
                "prev_hash": prev_hash,
                "entry_hash": own_hash,
            }
            prev_hash = own_hash
