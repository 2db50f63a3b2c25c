"""Accounts, signing in, lockout, rehash on login and passwords."""

from __future__ import annotations

from datetime import timedelta

import pytest
from argon2 import PasswordHasher, Type
from sqlalchemy import select, update

from carceles_desktop.domain.base import utcnow
from carceles_desktop.domain.catalogues import Establishment, RegionalOffice, Trade
from carceles_desktop.domain.enums import Role, WorkshopModality
from carceles_desktop.domain.users import AuditEntry, RoleRecord, User
from carceles_desktop.domain.workshops import Workshop
from carceles_desktop.errors import Conflict, NotFound, PermissionDenied, ValidationError
from carceles_desktop.services import users
from carceles_desktop.services.actor import Actor
from carceles_desktop.storage.unit_of_work import Database

ADMIN_PW = "clave-del-admin"
SUP_PW = "clave-supervisor"


@pytest.fixture
def admin(db: Database) -> Actor:
    with db.unit_of_work() as uow:
        row = users.create_user(
            uow,
            Actor.system(),
            username="admin",
            full_name="Ana Administradora",
            role=Role.ADMIN,
            password=ADMIN_PW,
        )
        actor = users.actor_for(uow, row.id)
        uow.commit()
    return actor


@pytest.fixture
def places(db: Database) -> dict[str, int]:
    """Two establishments with one workshop each."""
    with db.unit_of_work() as uow:
        office = RegionalOffice(code="ORL", name="Lima", seat="Lima")
        trade = Trade(code="CARP", name="Carpintería")
        uow.session.add_all([office, trade])
        uow.session.flush()
        ids: dict[str, int] = {}
        for code in ("EP-A", "EP-B"):
            place = Establishment(code=code, name=f"E.P. {code}", regional_office_id=office.id)
            uow.session.add(place)
            uow.session.flush()
            shop = Workshop(
                code=f"T-{code}",
                name=f"Carpintería {code}",
                establishment_id=place.id,
                trade_id=trade.id,
                modality=WorkshopModality.INPE,
                capacity=20,
            )
            uow.session.add(shop)
            uow.session.flush()
            ids[code] = place.id
            ids[f"T-{code}"] = shop.id
        uow.commit()
    return ids


def _supervisor(db: Database, admin: Actor, places: dict[str, int]) -> users.UserRow:
    with db.unit_of_work() as uow:
        row = users.create_user(
            uow,
            admin,
            username="Sup.Perez",
            full_name="  Pedro   Pérez ",
            role=Role.SUPERVISOR,
            password=SUP_PW,
            establishment_id=places["EP-A"],
            workshop_ids=[places["T-EP-A"]],
        )
        uow.commit()
    return row


def _entries(db: Database, action: str | None = None) -> list[AuditEntry]:
    with db.unit_of_work(read_only=True) as uow:
        query = select(AuditEntry).order_by(AuditEntry.seq)
        if action:
            query = query.where(AuditEntry.action == action)
        entries = list(uow.session.scalars(query))
        uow.session.expunge_all()  # keep them loaded past the unit's rollback
        return entries


def _user(db: Database, username: str) -> User:
    with db.unit_of_work(read_only=True) as uow:
        user = uow.session.scalar(select(User).where(User.username == username))
        assert user is not None
        uow.session.expunge_all()
        return user


# --- creating accounts ---------------------------------------------------------------


def test_first_account_needs_no_permission_and_creates_its_role_row(db: Database) -> None:
    with db.unit_of_work() as uow:
        assert not users.has_users(uow)
        row = users.create_user(
            uow,
            Actor.system("asistente"),
            username="admin",
            full_name="Ana",
            role=Role.ADMIN,
            password=ADMIN_PW,
        )
        uow.commit()
    with db.unit_of_work(read_only=True) as uow:
        assert users.has_users(uow)
        role = uow.session.scalar(select(RoleRecord).where(RoleRecord.code == Role.ADMIN))
        assert role is not None
        assert role.name == "Administrador"
    assert row.role is Role.ADMIN
    assert row.active
    assert [e.action for e in _entries(db)] == ["create", "create"]  # the role, then the user


def test_first_account_must_be_an_administrator(db: Database) -> None:
    with db.unit_of_work() as uow, pytest.raises(ValidationError) as caught:
        users.create_user(
            uow,
            Actor.system(),
            username="sup",
            full_name="Sup",
            role=Role.SUPERVISOR,
            password=SUP_PW,
        )
    assert caught.value.field == "role"


def test_second_account_needs_manage_users(db: Database, admin: Actor) -> None:
    with db.unit_of_work() as uow, pytest.raises(PermissionDenied):
        users.create_user(
            uow,
            Actor(user_id=None, username="jefe", role=Role.JEFE),
            username="otro",
            full_name="Otro",
            role=Role.CONSULTA,
            password="una-clave-larga",
        )


def test_create_normalises_name_and_links_workshops(
    db: Database, admin: Actor, places: dict[str, int]
) -> None:
    row = _supervisor(db, admin, places)

    assert row.username == "sup.perez"
    assert row.full_name == "Pedro Pérez"
    assert row.workshop_ids == frozenset({places["T-EP-A"]})
    with db.unit_of_work(read_only=True) as uow:
        actor = users.actor_for(uow, row.id)
    assert actor.role is Role.SUPERVISOR
    assert actor.establishment_id == places["EP-A"]
    assert actor.workshop_ids == frozenset({places["T-EP-A"]})


@pytest.mark.parametrize("bad", ["ab", "con espacio", "josé", "x" * 41, "a/b", ""])
def test_bad_user_names_are_refused(db: Database, admin: Actor, bad: str) -> None:
    with db.unit_of_work() as uow, pytest.raises(ValidationError) as caught:
        users.create_user(
            uow, admin, username=bad, full_name="X", role=Role.CONSULTA, password="una-clave-larga"
        )
    assert caught.value.field == "username"


def test_duplicate_user_name_is_a_conflict_naming_it(db: Database, admin: Actor) -> None:
    with db.unit_of_work() as uow, pytest.raises(Conflict, match="ADMIN|admin") as caught:
        users.create_user(
            uow, admin, username="ADMIN", full_name="X", role=Role.CONSULTA, password="otra-clave-1"
        )
    assert caught.value.field == "username"
    assert "admin" in str(caught.value)


def test_policy_applies_unless_demo_data_turns_it_off(db: Database, admin: Actor) -> None:
    with db.unit_of_work() as uow:
        with pytest.raises(ValidationError) as caught:
            users.create_user(
                uow, admin, username="demo1", full_name="D", role=Role.CONSULTA, password="demo"
            )
        assert caught.value.field == "password"
        users.create_user(
            uow,
            admin,
            username="demo2",
            full_name="D",
            role=Role.CONSULTA,
            password="demo",
            enforce_policy=False,
        )
        uow.commit()
    assert users.sign_in(db, "demo2", "demo").username == "demo2"


def test_workshops_must_exist_and_belong_to_the_users_establishment(
    db: Database, admin: Actor, places: dict[str, int]
) -> None:
    with db.unit_of_work() as uow:
        with pytest.raises(ValidationError, match="another establishment") as caught:
            users.create_user(
                uow,
                admin,
                username="sup2",
                full_name="S",
                role=Role.SUPERVISOR,
                password=SUP_PW,
                establishment_id=places["EP-A"],
                workshop_ids=[places["T-EP-B"]],
            )
        assert caught.value.field == "workshop_ids"
        with pytest.raises(ValidationError, match="no workshop"):
            users.create_user(
                uow,
                admin,
                username="sup3",
                full_name="S",
                role=Role.SUPERVISOR,
                password=SUP_PW,
                workshop_ids=[9999],
            )
        with pytest.raises(NotFound):
            users.create_user(
                uow,
                admin,
                username="sup4",
                full_name="S",
                role=Role.SUPERVISOR,
                password=SUP_PW,
                establishment_id=9999,
            )


# --- editing accounts ----------------------------------------------------------------


def test_set_workshops_replaces_and_audits(
    db: Database, admin: Actor, places: dict[str, int]
) -> None:
    sup = _supervisor(db, admin, places)
    with db.unit_of_work() as uow:
        with pytest.raises(ValidationError):
            users.set_workshops(uow, admin, sup.id, [places["T-EP-B"]])
        row = users.set_workshops(uow, admin, sup.id, [])
        uow.commit()
    assert row.workshop_ids == frozenset()
    with db.unit_of_work(read_only=True) as uow:
        assert users.actor_for(uow, sup.id).workshop_ids == frozenset()
    last = _entries(db)[-1]
    assert last.action == "update"
    assert '"workshop_ids"' in last.changes


def test_update_user_changes_role_and_records_before_and_after(
    db: Database, admin: Actor, places: dict[str, int]
) -> None:
    sup = _supervisor(db, admin, places)
    with db.unit_of_work() as uow:
        row = users.update_user(uow, admin, sup.id, role=Role.JEFE, full_name="Pedro Pérez Ruiz")
        uow.commit()
    assert row.role is Role.JEFE
    assert row.full_name == "Pedro Pérez Ruiz"
    last = _entries(db)[-1]
    assert '"role": ["supervisor", "jefe_trabajo"]' in last.changes
    with db.unit_of_work(read_only=True) as uow:
        assert users.actor_for(uow, sup.id).role is Role.JEFE


def test_update_without_changes_writes_no_audit_entry(db: Database, admin: Actor) -> None:
    before = len(_entries(db))
    with db.unit_of_work() as uow:
        users.update_user(uow, admin, admin.user_id or 0, full_name="Ana Administradora")
        uow.commit()
    assert len(_entries(db)) == before


def test_the_last_active_administrator_cannot_be_demoted_or_deactivated(
    db: Database, admin: Actor
) -> None:
    assert admin.user_id is not None
    with db.unit_of_work() as uow:
        other = users.create_user(
            uow, admin, username="admin2", full_name="B", role=Role.ADMIN, password="otra-clave-1"
        )
        with pytest.raises(Conflict, match="your own"):
            users.deactivate_user(uow, admin, admin.user_id)
        users.deactivate_user(uow, admin, other.id)
        with pytest.raises(Conflict, match="last active administrator"):
            users.update_user(uow, admin, admin.user_id, role=Role.JEFE)
        uow.commit()


def test_deactivated_user_cannot_sign_in(
    db: Database, admin: Actor, places: dict[str, int]
) -> None:
    sup = _supervisor(db, admin, places)
    with db.unit_of_work() as uow:
        row = users.deactivate_user(uow, admin, sup.id)
        uow.commit()
    assert not row.active
    with pytest.raises(users.LoginRefused, match="deactivated"):
        users.sign_in(db, "sup.perez", SUP_PW)
    with db.unit_of_work(read_only=True) as uow, pytest.raises(PermissionDenied):
        users.actor_for(uow, sup.id)


def test_list_and_get_users(db: Database, admin: Actor, places: dict[str, int]) -> None:
    sup = _supervisor(db, admin, places)
    sup_actor = users.sign_in(db, "sup.perez", SUP_PW)
    with db.unit_of_work(read_only=True) as uow:
        listed = users.list_users(uow, admin)
        own = users.current_user(uow, sup_actor)
        with pytest.raises(PermissionDenied):
            users.list_users(uow, sup_actor)
        with pytest.raises(PermissionDenied):
            users.get_user(uow, sup_actor, admin.user_id or 0)
        with pytest.raises(NotFound):
            users.get_user(uow, admin, 9999)
    assert [u.username for u in listed] == ["admin", "sup.perez"]
    assert listed[1].workshop_ids == frozenset({places["T-EP-A"]})
    assert own.id == sup.id
    assert own.last_login_at is not None


# --- signing in ----------------------------------------------------------------------


def test_sign_in_returns_the_actor_and_audits_the_login(db: Database, admin: Actor) -> None:
    actor = users.sign_in(db, "  Admin ", ADMIN_PW)

    assert actor == admin
    login = _entries(db, "login")
    assert len(login) == 1
    assert login[0].user_id == admin.user_id
    assert _user(db, "admin").last_login_at is not None


def test_sign_in_accepts_a_unit_of_work_factory(db: Database, admin: Actor) -> None:
    assert users.sign_in(db.unit_of_work, "admin", ADMIN_PW).user_id == admin.user_id


def test_wrong_password_is_refused_but_the_attempt_is_committed(db: Database, admin: Actor) -> None:
    with pytest.raises(users.LoginRefused, match="Wrong user name or password"):
        users.sign_in(db, "admin", "no-es-la-clave")

    assert _user(db, "admin").failed_attempts == 1
    failed = _entries(db, "login_failed")
    assert len(failed) == 1
    assert failed[0].user_id is None
    assert failed[0].username == "admin"


def test_unknown_user_gets_the_same_message_and_is_audited(db: Database, admin: Actor) -> None:
    with pytest.raises(users.LoginRefused) as unknown:
        users.sign_in(db, "Nadie", "lo-que-sea")
    with pytest.raises(users.LoginRefused) as wrong:
        users.sign_in(db, "admin", "lo-que-sea")

    assert str(unknown.value) == str(wrong.value)
    failed = _entries(db, "login_failed")
    assert [(e.username, e.entity_uuid is None) for e in failed] == [
        ("nadie", True),
        ("admin", False),
    ]


def test_a_typed_name_longer_than_the_column_is_still_audited(db: Database, admin: Actor) -> None:
    with pytest.raises(users.LoginRefused):
        users.sign_in(db, "x" * 200, "lo-que-sea")
    assert _entries(db, "login_failed")[0].username == "x" * 40


def test_authenticate_leaves_the_failure_for_the_caller_to_commit(
    db: Database, admin: Actor
) -> None:
    with db.unit_of_work() as uow, pytest.raises(users.LoginRefused):
        users.authenticate(uow, "admin", "mal")
        # Not committed: the attempt is lost, which is why front ends use sign_in.
    assert _user(db, "admin").failed_attempts == 0
    with db.unit_of_work() as uow:
        with pytest.raises(users.LoginRefused):
            users.authenticate(uow, "admin", "mal")
        uow.commit()
    assert _user(db, "admin").failed_attempts == 1


def test_five_failures_lock_the_account_until_a_stated_time(db: Database, admin: Actor) -> None:
    now = utcnow()
    for attempt in range(users.MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(users.LoginRefused, match="Wrong"):
            users.sign_in(db, "admin", f"mal-{attempt}", now=now)
    with pytest.raises(users.LoginRefused, match="locked") as locked:
        users.sign_in(db, "admin", "mal-final", now=now)

    until = now + users.LOCKOUT_DURATION
    assert locked.value.locked_until == until
    assert users._local_text(until) in str(locked.value)
    assert _user(db, "admin").locked_until == until

    # The right password does not open a locked account before the time.
    with pytest.raises(users.LoginRefused, match="locked") as still:
        users.sign_in(db, "admin", ADMIN_PW, now=now + timedelta(minutes=14))
    assert users._local_text(until) in str(still.value)

    # Afterwards it works again, and the lock is cleared.
    actor = users.sign_in(db, "admin", ADMIN_PW, now=now + timedelta(minutes=15, seconds=1))
    assert actor.user_id == admin.user_id
    user = _user(db, "admin")
    assert user.locked_until is None
    assert user.failed_attempts == 0
    assert len(_entries(db, "login_failed")) == 6


def test_after_a_lockout_a_full_series_of_attempts_is_allowed_again(
    db: Database, admin: Actor
) -> None:
    now = utcnow()
    for attempt in range(users.MAX_FAILED_ATTEMPTS):
        with pytest.raises(users.LoginRefused):
            users.sign_in(db, "admin", f"mal-{attempt}", now=now)
    later = now + users.LOCKOUT_DURATION + timedelta(seconds=1)
    with pytest.raises(users.LoginRefused, match="Wrong"):
        users.sign_in(db, "admin", "mal-otra-vez", now=later)
    assert _user(db, "admin").failed_attempts == 1


def test_success_resets_the_failure_counter(db: Database, admin: Actor) -> None:
    for attempt in range(users.MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(users.LoginRefused):
            users.sign_in(db, "admin", f"mal-{attempt}")
    users.sign_in(db, "admin", ADMIN_PW)
    for attempt in range(users.MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(users.LoginRefused, match="Wrong"):
            users.sign_in(db, "admin", f"mal-{attempt}")
    assert _user(db, "admin").locked_until is None


def test_weak_hash_is_rehashed_on_the_next_successful_login(db: Database, admin: Actor) -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1, type=Type.ID)
    with db.unit_of_work() as uow:
        uow.session.execute(
            update(User).where(User.username == "admin").values(password_hash=weak.hash(ADMIN_PW))
        )
        uow.commit()
    assert "m=8192,t=1" in _user(db, "admin").password_hash

    users.sign_in(db, "admin", ADMIN_PW)

    stored = _user(db, "admin").password_hash
    assert "m=19456,t=2,p=1" in stored
    assert '"password_rehashed": true' in _entries(db, "login")[-1].changes
    users.sign_in(db, "admin", ADMIN_PW)
    assert _user(db, "admin").password_hash == stored  # not rehashed twice


# --- passwords -----------------------------------------------------------------------


def test_change_password(db: Database, admin: Actor) -> None:
    with db.unit_of_work() as uow:
        with pytest.raises(ValidationError) as wrong_old:
            users.change_password(uow, admin, "no-es", "nueva-clave-larga")
        assert wrong_old.value.field == "old_password"
        with pytest.raises(ValidationError) as same:
            users.change_password(uow, admin, ADMIN_PW, ADMIN_PW)
        assert same.value.field == "password"
        with pytest.raises(ValidationError):
            users.change_password(uow, admin, ADMIN_PW, "corta")
        users.change_password(uow, admin, ADMIN_PW, "nueva-clave-larga")
        uow.commit()
    with pytest.raises(users.LoginRefused):
        users.sign_in(db, "admin", ADMIN_PW)
    assert users.sign_in(db, "admin", "nueva-clave-larga").user_id == admin.user_id
    assert _entries(db, "password_change")


def test_the_program_itself_has_no_password_to_change(db: Database) -> None:
    with db.unit_of_work() as uow, pytest.raises(NotFound):
        users.change_password(uow, Actor.system(), "a", "b")


def test_reset_password_forces_a_change_and_clears_a_lockout(
    db: Database, admin: Actor, places: dict[str, int]
) -> None:
    sup = _supervisor(db, admin, places)
    now = utcnow()
    for attempt in range(users.MAX_FAILED_ATTEMPTS):
        with pytest.raises(users.LoginRefused):
            users.sign_in(db, "sup.perez", f"mal-{attempt}", now=now)
    sup_actor = Actor(user_id=sup.id, username="sup.perez", role=Role.SUPERVISOR)
    with db.unit_of_work() as uow:
        with pytest.raises(PermissionDenied):
            users.reset_password(uow, sup_actor, sup.id, "clave-nueva-1")
        users.reset_password(uow, admin, sup.id, "clave-nueva-1")
        uow.commit()

    actor = users.sign_in(db, "sup.perez", "clave-nueva-1", now=now)
    with db.unit_of_work() as uow:
        assert users.current_user(uow, actor).must_change_password
        users.change_password(uow, actor, "clave-nueva-1", "clave-propia-2")
        uow.commit()
    with db.unit_of_work(read_only=True) as uow:
        assert not users.current_user(uow, actor).must_change_password
    assert [e.action for e in _entries(db)][-3:] == ["password_reset", "login", "password_change"]
    assert _entries(db, "password_reset")[0].user_id == admin.user_id
