"""Users, roles, the hash-chained audit log, and settings."""

from __future__ import annotations

import uuid as uuid_module
from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from carceles_desktop.domain.base import Base, Record, enum_type, utcnow
from carceles_desktop.domain.enums import Role


class RoleRecord(Record, Base):
    """A role, with its display name; permissions are enforced by the services."""

    __tablename__ = "roles"

    code: Mapped[Role] = mapped_column(enum_type(Role), unique=True)
    name: Mapped[str] = mapped_column(String(60))


class User(Record, Base):
    """A person who signs in; passwords are stored only as argon2id hashes."""

    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String(40), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    role_id: Mapped[int] = mapped_column(ForeignKey("roles.id"))
    establishment_id: Mapped[int | None] = mapped_column(ForeignKey("establishments.id"))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    failed_attempts: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None] = mapped_column()
    last_login_at: Mapped[datetime | None] = mapped_column()
    must_change_password: Mapped[bool] = mapped_column(default=False)

    role: Mapped[RoleRecord] = relationship()

    __table_args__ = (CheckConstraint("failed_attempts >= 0", name="attempts_not_negative"),)


class AuditEntry(Base):
    """One entry of the append-only audit log.

    Each entry stores the hash of the previous entry and its own hash over its content
    and that previous hash, so that editing, inserting or deleting any entry breaks the
    chain from that point on.  Database triggers refuse UPDATE and DELETE.
    """

    __tablename__ = "audit_entries"

    # SQLite only autoincrements a column declared exactly INTEGER PRIMARY KEY.
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    uuid: Mapped[uuid_module.UUID] = mapped_column(Uuid, unique=True, default=uuid_module.uuid4)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    username: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_uuid: Mapped[str | None] = mapped_column(String(36))
    summary: Mapped[str] = mapped_column(String(300))
    changes: Mapped[str] = mapped_column(Text, default="{}")
    # Unique: two entries claiming the same predecessor would fork the chain.
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    entry_hash: Mapped[str] = mapped_column(String(64), unique=True)

    __table_args__ = (
        Index(None, "entity", "entity_uuid"),
        Index(None, "at"),
        Index(None, "user_id"),
    )


class Setting(Record, Base):
    """A setting a supervisor may change, stored as JSON text under a dotted key."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), unique=True)
    value: Mapped[str] = mapped_column(Text)
