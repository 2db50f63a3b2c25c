"""Facts about the database itself: whether it holds demo data, and its counts."""

from __future__ import annotations

import json

from sqlalchemy import select

from carceles_desktop.domain.users import Setting
from carceles_desktop.storage.unit_of_work import UnitOfWork

#: Setting key that marks a database filled by ``demo-data``: never real records.
DEMO_MARKER = "meta.demo"


def is_demo(uow: UnitOfWork) -> bool:
    """Return True when the database was filled with demo data."""
    value = uow.session.scalar(select(Setting.value).where(Setting.key == DEMO_MARKER))
    return bool(value and json.loads(value))


def mark_as_demo(uow: UnitOfWork) -> None:
    """Mark the database as a demo database (part of the caller's transaction)."""
    existing = uow.session.scalar(select(Setting).where(Setting.key == DEMO_MARKER))
    if existing is None:
        uow.session.add(Setting(key=DEMO_MARKER, value="true"))
    else:
        existing.value = "true"
    uow.session.flush()
