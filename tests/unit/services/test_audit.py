"""The hash-chained audit log: chain verification, triggers, rollback, listing, secrets."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from uuid import UUID

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from carceles_desktop.domain.base import utcnow
from carceles_desktop.domain.enums import Role
from carceles_desktop.domain.users import AuditEntry, Setting, User
from carceles_desktop.errors import PermissionDenied
from carceles_desktop.services import audit, users
from carceles_desktop.services.actor import Actor
from carceles_desktop.storage.unit_of_work import Database

SYSTEM = Actor.system()
ADMIN = Actor(user_id=None, username="auditora", role=Role.ADMIN)


def _append(db: Database, count: int, actor: Actor = SYSTEM) -> None:
    with db.unit_of_work() as uow:
        for n in range(count):
            audit.record(
                uow, actor, "update", "trainee", summary=f"cambio {n}", changes={"n": [n, n + 1]}
            )
        uow.commit()


def _sql(db: Database, *statements: str) -> None:
    with db.unit_of_work() as uow:
        for statement in statements:
            uow.session.execute(text(statement))
        uow.commit()


def _verify(db: Database) -> audit.ChainReport:
    with db.unit_of_work(read_only=True) as uow:
        return audit.verify_chain(uow)


def _count(db: Database) -> int:
    with db.unit_of_work(read_only=True) as uow:
        return int(uow.session.scalar(select(func.count(AuditEntry.seq))) or 0)


# --- the chain -----------------------------------------------------------------------


def test_an_empty_log_is_intact() -> None:
    report = audit.ChainReport(0, None, None)
    assert report.intact
    assert report.head_hash == audit.GENESIS_HASH


def test_a_clean_chain_passes_and_reports_its_head(db: Database) -> None:
    _append(db, 3)
    _append(db, 2)

    report = _verify(db)

    assert report.intact
    assert report.checked == 5
    with db.unit_of_work(read_only=True) as uow:
        last = uow.session.scalar(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1))
        assert last is not None
        assert report.head_hash == last.entry_hash
        first = uow.session.scalar(select(AuditEntry).order_by(AuditEntry.seq).limit(1))
        assert first is not None
        assert first.prev_hash == audit.GENESIS_HASH


def test_triggers_refuse_update_and_delete(db: Database) -> None:
    _append(db, 2)
    with pytest.raises(DBAPIError, match="append-only"):
        _sql(db, "UPDATE audit_entries SET summary = 'otro' WHERE seq = 1")
    with pytest.raises(DBAPIError, match="append-only"):
        _sql(db, "DELETE FROM audit_entries WHERE seq = 1")
    assert _count(db) == 2
    assert _verify(db).intact


def test_an_edited_entry_is_named(db: Database) -> None:
    _append(db, 5)
    _sql(
        db,
        "DROP TRIGGER audit_entries_no_update",
        "UPDATE audit_entries SET summary = 'nada pasó' WHERE seq = 3",
    )

    report = _verify(db)

    assert not report.intact
    assert report.first_broken_seq == 3
    assert report.checked == 2
    assert report.reason is not None
    assert "edited" in report.reason


def test_an_edited_timestamp_or_change_is_named(db: Database) -> None:
    _append(db, 4)
    _sql(
        db,
        "DROP TRIGGER audit_entries_no_update",
        "UPDATE audit_entries SET changes = '{\"n\": [0, 9]}' WHERE seq = 4",
    )
    assert _verify(db).first_broken_seq == 4


def test_a_deleted_middle_entry_is_found(db: Database) -> None:
    _append(db, 5)
    _sql(db, "DROP TRIGGER audit_entries_no_delete", "DELETE FROM audit_entries WHERE seq = 3")

    report = _verify(db)

    assert report.first_broken_seq == 4
    assert report.reason is not None
    assert "missing" in report.reason


def test_a_deleted_first_entry_is_found(db: Database) -> None:
    _append(db, 3)
    _sql(db, "DROP TRIGGER audit_entries_no_delete", "DELETE FROM audit_entries WHERE seq = 1")
    assert _verify(db).first_broken_seq == 2


# Change a hash's first hex digit whatever it is (a fixed 'f' is a no-op 1 time in 16).
_FLIP_FIRST = "CASE WHEN substr({col}, 1, 1) = 'f' THEN 'e' ELSE 'f' END"


def test_a_rehashed_edit_breaks_the_next_link(db: Database) -> None:
    # Someone who recomputes the edited entry's own hash still breaks the next entry.
    _append(db, 3)
    _sql(
        db,
        "DROP TRIGGER audit_entries_no_update",
        "UPDATE audit_entries SET entry_hash = "
        f"{_FLIP_FIRST.format(col='entry_hash')} || substr(entry_hash, 2) WHERE seq = 2",
    )
    assert _verify(db).first_broken_seq == 2
    _sql(
        db,
        "UPDATE audit_entries SET prev_hash = "
        f"{_FLIP_FIRST.format(col='prev_hash')} || substr(prev_hash, 2) WHERE seq = 3",
    )
    assert _verify(db).first_broken_seq == 2  # its content no longer matches its hash


def test_cut_off_tail_leaves_an_intact_chain_but_another_head(db: Database) -> None:
    # The documented limit: only the head hash kept elsewhere reveals a shortened log.
    _append(db, 4)
    before = _verify(db).head_hash
    _sql(db, "DROP TRIGGER audit_entries_no_delete", "DELETE FROM audit_entries WHERE seq = 4")
    after = _verify(db)
    assert after.intact
    assert after.head_hash != before


def test_verify_leaves_the_callers_pending_objects_alone(db: Database) -> None:
    _append(db, 2)
    with db.unit_of_work() as uow:
        pending = Setting(key="prueba", value="1")
        uow.session.add(pending)
        assert audit.verify_chain(uow).intact
        assert pending in uow.session
        uow.commit()
    with db.unit_of_work(read_only=True) as uow:
        assert uow.session.scalar(select(Setting.value).where(Setting.key == "prueba")) == "1"


def test_record_stores_what_it_hashed_for_long_names_and_odd_values(db: Database) -> None:
    long_actor = Actor(user_id=None, username="n" * 90, role=Role.CONSULTA)
    with db.unit_of_work() as uow:
        entry = audit.record(
            uow,
            long_actor,
            "update",
            "trainee",
            entity_uuid=UUID(int=5),
            summary="s" * 500,
            changes={
                "hours": [Decimal("6.50"), Decimal("8")],
                "day": date(2026, 11, 30),
                "role": Role.JEFE,
                "workshops": frozenset({3, 10, 2}),
                "raw": b"\x01\x02",
            },
        )
        uow.commit()
    assert entry.username == "n" * 40
    assert len(entry.summary) == 300
    assert entry.entity_uuid == str(UUID(int=5))
    assert '"workshops": [2, 3, 10]' in entry.changes
    assert '"hours": ["6.50", "8"]' in entry.changes
    assert '"role": "jefe_trabajo"' in entry.changes
    assert _verify(db).intact


# --- the entry and the change share one transaction ----------------------------------


def test_a_failing_audit_write_rolls_the_change_back(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(audit, "record", broken)
    with db.unit_of_work() as uow, pytest.raises(RuntimeError):
        users.create_user(
            uow, SYSTEM, username="admin", full_name="A", role=Role.ADMIN, password="clave-larga-1"
        )
    with db.unit_of_work(read_only=True) as uow:
        assert not users.has_users(uow)


def test_an_entry_violating_a_constraint_rolls_the_change_back(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _append(db, 1)
    with db.unit_of_work(read_only=True) as uow:
        taken = uow.session.scalar(select(AuditEntry.uuid))
    # Every new entry now reuses an existing UUID, which the unique constraint refuses.
    monkeypatch.setattr(audit, "uuid4", lambda: taken)
    with db.unit_of_work() as uow, pytest.raises(IntegrityError):
        users.create_user(
            uow, SYSTEM, username="admin", full_name="A", role=Role.ADMIN, password="clave-larga-1"
        )
    with db.unit_of_work(read_only=True) as uow:
        assert uow.session.scalar(select(func.count(User.id))) == 0
    assert _count(db) == 1
    assert _verify(db).intact


# --- reading the log -----------------------------------------------------------------


@pytest.fixture
def varied_log(db: Database) -> Database:
    with db.unit_of_work() as uow:
        audit.record(uow, ADMIN, "create", "trainee", summary="Interno 100% registrado")
        audit.record(uow, ADMIN, "update", "delivery", summary="Nota NE01-7 emitida")
        failed = Actor(user_id=None, username="intruso", role=Role.CONSULTA)
        audit.record(uow, failed, "login_failed", "user", summary="Failed sign-in as intruso")
        audit.record(uow, ADMIN, "export", "trainee", summary="Datos personales exportados")
        uow.commit()
    return db


def test_list_filters_by_text_entity_and_user(varied_log: Database) -> None:
    with varied_log.unit_of_work(read_only=True) as uow:
        everything = audit.list_audit_entries(uow, ADMIN)
        trainees = audit.list_audit_entries(uow, ADMIN, entity="trainee")
        words = audit.list_audit_entries(uow, ADMIN, text="NOTA emitida")
        percent = audit.list_audit_entries(uow, ADMIN, text="100%")
        literal = audit.list_audit_entries(uow, ADMIN, text="_")
        by_name = audit.list_audit_entries(uow, ADMIN, user="intruso")
        assert audit.count_audit_entries(uow, ADMIN, entity="trainee") == 2
        assert audit.count_audit_entries(uow, ADMIN) == 4
        assert audit.audit_entities(uow, ADMIN) == ["delivery", "trainee", "user"]

    assert [e.seq for e in everything] == [4, 3, 2, 1]  # newest first
    assert [e.action for e in trainees] == ["export", "create"]
    assert [e.summary for e in words] == ["Nota NE01-7 emitida"]
    assert [e.seq for e in percent] == [1]
    assert {e.action for e in literal} == {"login_failed"}  # "_" matched literally
    assert [e.username for e in by_name] == ["intruso"]
    assert everything[0].changes == {}


def test_list_filters_by_time_and_pages(varied_log: Database) -> None:
    now = utcnow()
    with varied_log.unit_of_work(read_only=True) as uow:
        assert audit.count_audit_entries(uow, ADMIN, since=now - timedelta(hours=1)) == 4
        assert audit.count_audit_entries(uow, ADMIN, since=now + timedelta(hours=1)) == 0
        assert audit.count_audit_entries(uow, ADMIN, until=now - timedelta(hours=1)) == 0
        page = audit.list_audit_entries(uow, ADMIN, offset=1, limit=2)
    assert [e.seq for e in page] == [3, 2]


def test_list_by_user_id(db: Database) -> None:
    with db.unit_of_work() as uow:
        row = users.create_user(
            uow, SYSTEM, username="admin", full_name="A", role=Role.ADMIN, password="clave-larga-1"
        )
        actor = users.actor_for(uow, row.id)
        audit.record(uow, actor, "print", "certificate", summary="impreso")
        uow.commit()
    with db.unit_of_work(read_only=True) as uow:
        mine = audit.list_audit_entries(uow, actor, user=row.id)
    assert [e.action for e in mine] == ["print"]


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.CONSULTA])
def test_only_auditing_roles_read_the_log(varied_log: Database, role: Role) -> None:
    actor = Actor(user_id=None, username="x", role=role)
    with varied_log.unit_of_work(read_only=True) as uow:
        with pytest.raises(PermissionDenied):
            audit.list_audit_entries(uow, actor)
        with pytest.raises(PermissionDenied):
            audit.count_audit_entries(uow, actor)


# --- no secrets in the log -----------------------------------------------------------


def test_no_password_or_hash_reaches_the_audit_log(db: Database) -> None:
    secrets = ["clave-inicial-1", "clave-errada-9", "clave-cambiada-2", "clave-reseteada-3"]
    with db.unit_of_work() as uow:
        row = users.create_user(
            uow, SYSTEM, username="admin", full_name="A", role=Role.ADMIN, password=secrets[0]
        )
        uow.commit()
    with pytest.raises(users.LoginRefused):
        users.sign_in(db, "admin", secrets[1])
    with pytest.raises(users.LoginRefused):
        users.sign_in(db, "nadie", secrets[1])
    admin = users.sign_in(db, "admin", secrets[0])
    with db.unit_of_work() as uow:
        users.change_password(uow, admin, secrets[0], secrets[2])
        other = users.create_user(
            uow, admin, username="otro", full_name="O", role=Role.JEFE, password=secrets[0]
        )
        users.reset_password(uow, admin, other.id, secrets[3])
        uow.commit()
    users.sign_in(db, "otro", secrets[3])

    with db.unit_of_work(read_only=True) as uow:
        hashes = list(uow.session.scalars(select(User.password_hash)))
        entries = list(uow.session.execute(select(AuditEntry.summary, AuditEntry.changes)))
    assert row.id == admin.user_id
    assert len(entries) >= 8
    text_of_log = "\n".join(f"{summary}\n{changes}" for summary, changes in entries)
    for secret in [*secrets, *hashes]:
        assert secret not in text_of_log
    assert "$argon2" not in text_of_log
