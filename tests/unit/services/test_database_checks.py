"""Verificar base de datos: SQLite's checks, the schema revision and the audit chain."""

from __future__ import annotations

import pytest
from sqlalchemy import text, update

from carceles_desktop.domain.enums import Role
from carceles_desktop.domain.users import AuditEntry
from carceles_desktop.errors import PermissionDenied
from carceles_desktop.services import audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.database_checks import AUDIT_CHAIN, check_database
from carceles_desktop.storage.unit_of_work import Database

ADMIN = Actor(user_id=None, username="admin", role=Role.ADMIN)


def _entries(database: Database, count: int) -> None:
    with database.unit_of_work() as uow:
        for n in range(count):
            audit.record(uow, ADMIN, "create", "setting", summary=f"entrada {n}")
        uow.commit()


def test_a_sound_database_passes_every_check(database: Database) -> None:
    _entries(database, 3)
    report = check_database(database, ADMIN)
    assert report.ok
    assert [item.name for item in report.items] == [
        "integrity_check",
        "foreign_key_check",
        "schema_revision",
        AUDIT_CHAIN,
    ]
    assert report.items[-1].details == ("3 entries",)


def test_an_edited_audit_entry_fails_the_check_and_is_named(database: Database) -> None:
    _entries(database, 3)
    with database.unit_of_work() as uow:
        # Someone with a SQLite tool drops the append-only trigger and edits an entry.
        uow.session.execute(text("DROP TRIGGER audit_entries_no_update"))
        uow.session.execute(
            update(AuditEntry).where(AuditEntry.seq == 2).values(summary="entrada cambiada")
        )
        uow.commit()
    report = check_database(database, ADMIN)
    assert not report.ok
    chain = report.items[-1]
    assert (chain.name, chain.ok) == (AUDIT_CHAIN, False)
    assert chain.details[0].startswith("entry 2: content does not match its hash")
    assert "FALLO audit_chain" in report.lines()


def test_a_user_without_the_view_permission_is_refused(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from carceles_desktop.services import database_checks

    def refuse(actor: Actor, action: object, workshop_id: int | None = None) -> None:
        raise PermissionDenied("no")

    monkeypatch.setattr(database_checks, "require", refuse)
    with pytest.raises(PermissionDenied):
        check_database(database, ADMIN)
