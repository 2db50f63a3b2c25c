"""Demo data: the invariants the program itself enforces hold in what the generator writes."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from sqlalchemy import func, select, text

from carceles_desktop.domain.certificates import NumberSeries
from carceles_desktop.domain.commerce import Partner
from carceles_desktop.domain.deliveries import Delivery
from carceles_desktop.domain.enrolments import Attendance, Enrolment
from carceles_desktop.domain.enums import (
    BatchState,
    DeliveryState,
    EnrolmentState,
    OrderState,
    PartnerKind,
)
from carceles_desktop.domain.production import BatchWorker, ProductionBatch
from carceles_desktop.domain.rules.identity import is_valid_dni, is_valid_ruc, is_valid_ubigeo
from carceles_desktop.domain.rules.serials import delivery_number
from carceles_desktop.domain.rules.text import fold, search_key
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.domain.users import User
from carceles_desktop.errors import ValidationError
from carceles_desktop.services import batch_hours, deliveries
from carceles_desktop.services.audit import verify_chain
from carceles_desktop.services.demo import DEMO_PASSWORD, DemoReport, Size, generate_demo_data
from carceles_desktop.services.enrolments import change_enrolment_state
from carceles_desktop.services.passwords import verify_password
from carceles_desktop.services.settings import get_settings
from carceles_desktop.services.users import actor_for
from carceles_desktop.storage import migrate
from carceles_desktop.storage.engine import create_database_engine, parse_target
from carceles_desktop.storage.unit_of_work import Database

TODAY = date(2026, 11, 30)
SMALL = Size(("LURIGANCHO",), trainees=250, workshops=4, history_days=120)


def _open(path: Path) -> Database:
    target = parse_target(str(path))
    engine = create_database_engine(target)
    migrate.prepare(engine)
    return Database(target, engine)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, DemoReport]]:
    database = _open(tmp_path_factory.mktemp("demo") / "site.sqlite3")
    seen: list[tuple[str, int, int]] = []
    report = generate_demo_data(
        database, scale="site", today=TODAY, progress=lambda *args: seen.append(args)
    )
    assert seen, "progress was never reported"
    assert all(0 <= done <= total for _, done, total in seen)
    yield database, report
    database.dispose()


def _rows(database: Database, sql: str, **params: Any) -> list[Any]:
    with database.unit_of_work(read_only=True) as uow:
        return list(uow.session.execute(text(sql), params))


def _scalar(database: Database, sql: str, **params: Any) -> Any:
    return _rows(database, sql, **params)[0][0]


# --- size and shape -----------------------------------------------------------------


def test_report_matches_what_the_database_holds(site: tuple[Database, DemoReport]) -> None:
    database, report = site
    assert report.scale == "site"
    assert report.establishments == 1
    assert 8 <= report.workshops <= 12
    assert 1800 <= report.trainees <= 2200
    for table, count in (
        ("workshops", report.workshops),
        ("trainees", report.trainees),
        ("enrolments", report.enrolments),
        ("attendance", report.attendance_rows),
        ("production_batches", report.batches),
        ("orders", report.orders),
        ("deliveries", report.deliveries),
        ("audit_entries", report.audit_entries),
    ):
        assert _scalar(database, f"SELECT count(*) FROM {table}") == count, table
    assert report.attendance_rows > 100_000
    assert _scalar(database, "SELECT count(DISTINCT establishment_id) FROM trainees") == 1


def test_rows_read_back_through_the_models(site: tuple[Database, DemoReport]) -> None:
    # The generator writes stored forms directly; the mapped types must read them back.
    database, _ = site
    with database.unit_of_work(read_only=True) as uow:
        session = uow.session
        trainee = session.scalars(select(Trainee).order_by(Trainee.id).limit(1)).one()
        assert isinstance(trainee.uuid, UUID)
        assert trainee.uuid.version == 4
        assert isinstance(trainee.admission_date, date)
        assert isinstance(trainee.created_at, datetime)
        day = session.scalars(select(Attendance).where(Attendance.hours > 0).limit(1)).one()
        assert isinstance(day.hours, Decimal)
        assert Decimal(0) < day.hours <= Decimal(8)
        note = session.scalars(select(Delivery).where(Delivery.number.is_not(None)).limit(1)).one()
        assert note.gross_weight_kg == note.gross_weight_kg.quantize(Decimal("0.001"))
        assert note.lines
        assert note.lines[0].quantity > 0
        batch = session.get(ProductionBatch, note.lines[0].batch_id)
        assert batch is not None
        assert batch.delivered_quantity <= batch.accepted_quantity
        last = session.scalar(select(func.max(Attendance.day)))
        assert last is not None
        assert TODAY - timedelta(days=7) <= last <= TODAY


def test_every_state_appears(site: tuple[Database, DemoReport]) -> None:
    database, _ = site
    for table, enum in (
        ("orders", OrderState),
        ("production_batches", BatchState),
        ("deliveries", DeliveryState),
        ("enrolments", EnrolmentState),
    ):
        found = {row[0] for row in _rows(database, f"SELECT DISTINCT state FROM {table}")}
        assert found == {member.value for member in enum}, table


# --- trainees -----------------------------------------------------------------------


def test_documents_are_valid_and_unique(site: tuple[Database, DemoReport]) -> None:
    database, _ = site
    rows = _rows(database, "SELECT doc_type, doc_number, nationality FROM trainees")
    dnis = [number for kind, number, _ in rows if kind == "dni"]
    assert len(dnis) > 0.9 * len(rows)
    assert all(is_valid_dni(number) for number in dnis)
    assert any(number.startswith("0") for number in dnis), "no DNI with a leading zero"
    assert len(set(dnis)) == len(dnis)
    kinds = {kind for kind, _, _ in rows}
    assert {"ce", "pasaporte", "ninguno"} <= kinds
    assert {"Venezolana", "Colombiana"} <= {nationality for _, _, nationality in rows}
    duplicates = _scalar(
        database,
        "SELECT count(*) FROM (SELECT 1 FROM trainees WHERE doc_number IS NOT NULL "
        "GROUP BY establishment_id, doc_type, doc_number HAVING count(*) > 1)",
    )
    assert duplicates == 0


def test_names_keep_accents_and_search_keys_are_folded(site: tuple[Database, DemoReport]) -> None:
    database, _ = site
    rows = _rows(
        database,
        "SELECT paternal_surname, maternal_surname, given_names, doc_number, inmate_code, "
        "search_key, sex FROM trainees",
    )
    surnames = {row[0] for row in rows} | {row[1] for row in rows}
    assert any("ñ" in name.lower() for name in surnames)
    assert any(ch in "áéíóú" for name in surnames for ch in name)
    for paternal, maternal, given, number, code, key, _ in rows:
        assert key == search_key(paternal, maternal, given, number, code)
    # Lurigancho holds men only.
    assert {row[6] for row in rows} == {"M"}
    for table in ("workshops", "partners", "products"):
        for name, key in _rows(database, f"SELECT name, name_key FROM {table}"):
            assert key == fold(name), table


def test_trainees_admitted_before_enrolling_and_never_in_two_places(
    site: tuple[Database, DemoReport],
) -> None:
    database, _ = site
    late = _scalar(
        database,
        "SELECT count(*) FROM enrolments e JOIN trainees t ON t.id = e.trainee_id "
        "WHERE t.admission_date > e.starts_on",
    )
    assert late == 0
    overlapping = _scalar(
        database,
        "SELECT count(*) FROM enrolments a JOIN enrolments b "
        "ON a.trainee_id = b.trainee_id AND a.id < b.id "
        "WHERE a.state <> 'en_espera' AND b.state <> 'en_espera' "
        "AND a.starts_on <= coalesce(b.ends_on, :today) "
        "AND b.starts_on <= coalesce(a.ends_on, :today)",
        today=TODAY.isoformat(),
    )
    assert overlapping == 0
    after_release = _scalar(
        database,
        "SELECT count(*) FROM enrolments e JOIN trainees t ON t.id = e.trainee_id "
        "WHERE t.release_date IS NOT NULL AND e.starts_on > t.release_date",
    )
    assert after_release == 0


def test_enrolment_history_explains_every_state(site: tuple[Database, DemoReport]) -> None:
    database, _ = site
    rows = _rows(
        database,
        "SELECT e.state, c.to_state, c.reason FROM enrolments e JOIN enrolment_state_changes c "
        "ON c.id = (SELECT max(id) FROM enrolment_state_changes WHERE enrolment_id = e.id)",
    )
    assert len(rows) == _scalar(database, "SELECT count(*) FROM enrolments")
    assert all(state == last for state, last, _ in rows)
    assert all(reason.strip() for _, _, reason in rows)
    waiting = _rows(
        database,
        "SELECT w.capacity, (SELECT count(*) FROM enrolments a WHERE a.workshop_id = w.id "
        "AND a.state = 'activo') FROM workshops w WHERE EXISTS (SELECT 1 FROM enrolments q "
        "WHERE q.workshop_id = w.id AND q.state = 'en_espera')",
    )
    assert waiting, "no workshop has a waiting list"
    assert all(active <= capacity for capacity, active in waiting)


# --- attendance and assessments -------------------------------------------------------


def test_attendance_stays_inside_enrolments_and_the_law(site: tuple[Database, DemoReport]) -> None:
    database, _ = site
    outside = _scalar(
        database,
        "SELECT count(*) FROM attendance a JOIN enrolments e ON e.id = a.enrolment_id "
        "WHERE a.day < e.starts_on OR (e.ends_on IS NOT NULL AND a.day > e.ends_on) "
        "OR a.day > :today OR e.state = 'en_espera'",
        today=TODAY.isoformat(),
    )
    assert outside == 0
    assert _scalar(database, "SELECT max(hours) FROM attendance") <= 800
    assert (
        _scalar(
            database, "SELECT count(*) FROM attendance WHERE status <> 'presente' AND hours <> 0"
        )
        == 0
    )
    assert _scalar(database, "SELECT count(*) FROM attendance WHERE strftime('%w', day) = '0'") == 0
    on_holidays = _scalar(
        database,
        "SELECT count(*) FROM attendance a JOIN holidays h ON h.day = a.day "
        "WHERE h.establishment_id IS NULL",
    )
    assert on_holidays == 0
    statuses = dict(_rows(database, "SELECT status, count(*) FROM attendance GROUP BY status"))
    assert statuses["presente"] > 0.8 * sum(statuses.values())
    assert statuses["falta"] > 0
    assert statuses["justificada"] > 0
    first = _scalar(database, "SELECT min(day) FROM attendance")
    assert date.fromisoformat(first) <= TODAY - timedelta(days=700)


def test_assessments_are_vigesimal_and_complete_for_graduates(
    site: tuple[Database, DemoReport],
) -> None:
    database, _ = site
    wrong = _scalar(
        database,
        "SELECT count(*) FROM assessments s JOIN enrolments e ON e.id = s.enrolment_id "
        "WHERE s.grade < 0 OR s.grade > 20 OR s.passed <> (s.grade >= 11) "
        "OR s.assessed_on < e.starts_on OR s.assessed_on > coalesce(e.ends_on, :today)",
        today=TODAY.isoformat(),
    )
    assert wrong == 0
    assert _scalar(database, "SELECT count(*) FROM assessments WHERE NOT passed") > 0
    unfinished = _scalar(
        database,
        "SELECT count(*) FROM enrolments e JOIN workshops w ON w.id = e.workshop_id "
        "JOIN competencies c ON c.trade_id = w.trade_id AND c.required "
        "WHERE e.state = 'culminado' AND NOT EXISTS (SELECT 1 FROM assessments s "
        "WHERE s.enrolment_id = e.id AND s.competency_id = c.id AND s.passed)",
    )
    assert unfinished == 0


# --- production and deliveries --------------------------------------------------------


def test_batch_workers_never_exceed_their_attendance(site: tuple[Database, DemoReport]) -> None:
    database, _ = site
    rows = _rows(
        database,
        "SELECT bw.hours, (SELECT coalesce(sum(a.hours), 0) FROM attendance a "
        "WHERE a.enrolment_id = bw.enrolment_id AND a.day >= b.starts_on "
        "AND a.day <= coalesce(b.ends_on, :today)), e.workshop_id = b.workshop_id "
        "FROM batch_workers bw JOIN production_batches b ON b.id = bw.batch_id "
        "JOIN enrolments e ON e.id = bw.enrolment_id",
        today=TODAY.isoformat(),
    )
    assert len(rows) > 100
    assert all(same_workshop for _, _, same_workshop in rows)
    assert all(0 < hours <= worked for hours, worked, _ in rows)


def test_quality_and_delivered_quantities_add_up(site: tuple[Database, DemoReport]) -> None:
    # As the delivery service keeps it: issued and received notes take units from the
    # batch; drafts hold none but must fit in what is left, so that each can be issued.
    database, _ = site
    rows = _rows(
        database,
        "SELECT b.state, b.inspected_quantity, b.accepted_quantity, b.rejected_quantity, "
        "b.delivered_quantity, "
        "(SELECT coalesce(sum(l.quantity), 0) FROM delivery_lines l JOIN deliveries d "
        "ON d.id = l.delivery_id WHERE l.batch_id = b.id AND d.state IN ('emitida', 'recibida')), "
        "(SELECT coalesce(sum(l.quantity), 0) FROM delivery_lines l JOIN deliveries d "
        "ON d.id = l.delivery_id WHERE l.batch_id = b.id AND d.state = 'borrador') "
        "FROM production_batches b",
    )
    for state, inspected, accepted, rejected, delivered, issued, drafted in rows:
        assert accepted + rejected <= inspected
        assert delivered == issued <= accepted
        assert drafted <= accepted - delivered
        if state != "terminado":
            assert delivered == drafted == 0
    assert any(row[4] == row[2] > 0 for row in rows), "no batch fully delivered"
    assert any(row[6] > 0 for row in rows), "no draft"
    without_materials = _scalar(
        database,
        "SELECT count(*) FROM production_batches b WHERE b.state = 'terminado' "
        "AND NOT EXISTS (SELECT 1 FROM batch_materials m WHERE m.batch_id = b.id)",
    )
    assert without_materials == 0


def test_delivery_numbers_are_gapless_and_match_the_series(
    site: tuple[Database, DemoReport],
) -> None:
    database, _ = site
    rows = _rows(
        database,
        "SELECT e.code, d.series, d.sequence, d.number, d.state, d.issue_date "
        "FROM deliveries d JOIN establishments e ON e.id = d.establishment_id "
        "ORDER BY d.series, d.sequence",
    )
    numbered = [row for row in rows if row[4] != "borrador"]
    assert all(row[2] is None and row[3] is None for row in rows if row[4] == "borrador")
    assert [row[2] for row in numbered] == list(range(1, len(numbered) + 1))
    assert all(row[3] == delivery_number(row[1], row[2]) for row in numbered)
    issued = [row[5] for row in numbered]
    assert issued == sorted(issued), "numbers follow the order of issue"
    code, series = numbered[0][0], numbered[0][1]
    last = _scalar(
        database,
        "SELECT last_value FROM number_series WHERE kind = 'delivery' AND scope = :scope",
        scope=f"{code}-{series}",
    )
    assert last == len(numbered)


def test_delivery_notes_fill_their_fields(site: tuple[Database, DemoReport]) -> None:
    database, _ = site
    rows = _rows(
        database,
        "SELECT transfer_reason_code, transport_mode, carrier_ruc, carrier_name, vehicle_plate, "
        "driver_name, driver_licence, departure_ubigeo, arrival_ubigeo, issue_date, "
        "transfer_start_date, state, received_on, annulled_on, annul_reason, gross_weight_kg "
        "FROM deliveries",
    )
    assert {row[0] for row in rows} == {"01", "04", "13"}
    assert {row[1] for row in rows} == {"01", "02"}
    for reason, mode, ruc, carrier, plate, driver, licence, *rest in rows:
        departure, arrival, issued, starts, state, received, annulled, why, weight = rest
        assert reason in {"01", "04", "13"}
        if mode == "01":
            assert ruc is not None
            assert is_valid_ruc(ruc)
            assert carrier
            assert plate is None
        else:
            assert ruc is None
            assert plate
            assert driver
            assert licence
        assert is_valid_ubigeo(departure)
        assert is_valid_ubigeo(arrival)
        assert starts >= issued
        assert issued <= TODAY.isoformat()
        assert (state == "recibida") == (received is not None)
        assert (state == "anulada") == (annulled is not None and bool(why))
        assert weight > 0


def test_orders_agree_with_what_was_delivered(site: tuple[Database, DemoReport]) -> None:
    database, _ = site
    rows = _rows(
        database,
        "SELECT o.state, l.quantity, (SELECT coalesce(sum(dl.quantity), 0) "
        "FROM delivery_lines dl JOIN deliveries d ON d.id = dl.delivery_id "
        "JOIN production_batches b ON b.id = dl.batch_id "
        "WHERE b.order_line_id = l.id AND d.state IN ('emitida', 'recibida')) "
        "FROM orders o JOIN order_lines l ON l.order_id = o.id",
    )
    for state, quantity, shipped in rows:
        if state == "entregado":
            assert shipped >= quantity
        elif state in ("abierto", "en_produccion", "anulado"):
            assert shipped == 0
    shipped_by_state = {state for state, _, shipped in rows if shipped}
    assert "entregado_parcial" in shipped_by_state


def test_partners_have_valid_identities(site: tuple[Database, DemoReport]) -> None:
    database, _ = site
    rows = _rows(database, "SELECT kind, id_type, id_number, name FROM partners")
    for kind, id_type, number, _ in rows:
        if id_type == "6":
            assert is_valid_ruc(number)
            assert number.startswith("20" if kind != "persona" else "10")
        elif id_type == "1":
            assert is_valid_dni(number)
    names = {name for *_, name in rows}
    assert "Ejército del Perú" in names
    assert {kind for kind, *_ in rows} == {"empresa", "estado", "persona"}
    states = {row[0] for row in _rows(database, "SELECT DISTINCT state FROM agreements")}
    assert {"vigente", "vencido"} <= states


# --- users, settings, audit -----------------------------------------------------------


def test_users_settings_and_supervised_workshops(site: tuple[Database, DemoReport]) -> None:
    database, _ = site
    with database.unit_of_work(read_only=True) as uow:
        users = {user.username: user for user in uow.session.scalars(select(User))}
        assert set(users) == {"admin", "jefe", "supervisor", "consulta"}
        assert all(verify_password(u.password_hash, DEMO_PASSWORD) for u in users.values())
        assert get_settings(uow).establishment_code == "LURIGANCHO"
    supervised = _rows(
        database,
        "SELECT w.establishment_id, u.establishment_id FROM workshop_supervisors s "
        "JOIN workshops w ON w.id = s.workshop_id JOIN users u ON u.id = s.user_id "
        "WHERE u.username = 'supervisor'",
    )
    assert 2 <= len(supervised) <= 3
    assert all(workshop_place == user_place for workshop_place, user_place in supervised)


def test_audit_chain_is_intact_and_tells_the_story(site: tuple[Database, DemoReport]) -> None:
    database, report = site
    with database.unit_of_work(read_only=True) as uow:
        chain = verify_chain(uow)
    assert chain.intact, chain.reason
    assert chain.checked == report.audit_entries
    actions = dict(_rows(database, "SELECT action, count(*) FROM audit_entries GROUP BY action"))
    for action in ("import", "create", "state_change", "issue", "receive", "annul"):
        assert actions.get(action, 0) > 0, action
    users_created = _scalar(
        database, "SELECT count(*) FROM audit_entries WHERE entity = 'user' AND action = 'create'"
    )
    assert users_created == 4


def _copy(database: Database, path: Path) -> Database:
    source_path = database.target.sqlite_path
    assert source_path is not None
    source, copy = sqlite3.connect(source_path), sqlite3.connect(path)
    try:
        source.backup(copy)
    finally:
        source.close()
        copy.close()
    return _open(path)


def test_the_programs_services_accept_the_demo_data(
    site: tuple[Database, DemoReport], tmp_path: Path
) -> None:
    database = _copy(site[0], tmp_path / "copy.sqlite3")
    try:
        with database.unit_of_work() as uow:
            jefe = actor_for(
                uow, uow.session.scalar(select(User.id).where(User.username == "jefe"))
            )
            draft = uow.session.scalar(
                select(Delivery.id).where(Delivery.state == DeliveryState.BORRADOR).limit(1)
            )
            last = uow.session.scalar(select(NumberSeries.last_value))
            deliveries.issue_delivery(uow, jefe, draft, on=TODAY)
            issued = uow.session.get_one(Delivery, draft)
            assert issued.number == delivery_number("NE01", last + 1)
            checked = 0
            for worker, batch, trainee_id in uow.session.execute(
                select(BatchWorker, ProductionBatch, Enrolment.trainee_id)
                .join(ProductionBatch, ProductionBatch.id == BatchWorker.batch_id)
                .join(Enrolment, Enrolment.id == BatchWorker.enrolment_id)
                .where(ProductionBatch.state != BatchState.ANULADO)
                .limit(300)
            ):
                span = batch_hours.BatchSpan.of(batch)
                batch_hours.check_trainee_hours(
                    uow, span, trainee_id, worker.hours, today=TODAY, field="hours"
                )
                checked += 1
            assert checked == 300
            active = uow.session.scalar(
                select(Enrolment.id).where(Enrolment.state == EnrolmentState.ACTIVO).limit(1)
            )
            change_enrolment_state(
                uow, jefe, active, EnrolmentState.CULMINADO, TODAY, "Culminó", today=TODAY
            )
            uow.commit()
        with database.unit_of_work(read_only=True) as uow:
            assert verify_chain(uow).intact
    finally:
        database.dispose()


# --- determinism and refusal ----------------------------------------------------------


def _fingerprint(database: Database) -> list[Any]:
    return _rows(
        database,
        "SELECT uuid, paternal_surname, maternal_surname, given_names, doc_number, inmate_code "
        "FROM trainees ORDER BY id",
    ) + _rows(database, "SELECT uuid, day, hours FROM attendance ORDER BY id LIMIT 500")


def test_same_seed_and_day_give_the_same_data(tmp_path: Path) -> None:
    prints = []
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        database = _open(tmp_path / f"{name}.sqlite3")
        generate_demo_data(database, seed=seed, today=TODAY, _size=SMALL)
        prints.append(_fingerprint(database))
        with database.unit_of_work(read_only=True) as uow:
            assert verify_chain(uow).intact
        database.dispose()
    assert len(prints[0]) > 250
    assert prints[0] == prints[1]
    assert prints[0] != prints[2]


def test_a_second_run_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    database = _open(tmp_path / "twice.sqlite3")
    generate_demo_data(database, today=TODAY, _size=SMALL)
    before = _scalar(database, "SELECT count(*) FROM trainees")
    entries = _scalar(database, "SELECT count(*) FROM audit_entries")
    with pytest.raises(ValidationError) as caught:
        generate_demo_data(database, today=TODAY, _size=SMALL)
    assert caught.value.field == "database"
    assert _scalar(database, "SELECT count(*) FROM trainees") == before
    assert _scalar(database, "SELECT count(*) FROM audit_entries") == entries
    database.dispose()


@pytest.mark.postgres
def test_postgresql_gets_the_same_data_and_usable_sequences(
    fresh_postgres_url: str, tmp_path: Path
) -> None:
    sqlite = _open(tmp_path / "twin.sqlite3")
    generate_demo_data(sqlite, seed=5, today=TODAY, _size=SMALL)
    target = parse_target(fresh_postgres_url)
    engine = create_database_engine(target)
    migrate.prepare(engine)
    postgres = Database(target, engine)
    try:
        report = generate_demo_data(postgres, seed=5, today=TODAY, _size=SMALL)
        names = "SELECT given_names, doc_number FROM trainees ORDER BY id"
        assert _rows(postgres, names) == _rows(sqlite, names)
        with postgres.unit_of_work(read_only=True) as uow:
            assert verify_chain(uow).checked == report.audit_entries
        # Explicit keys must not leave the serial sequences behind the rows.
        with postgres.unit_of_work() as uow:
            uow.session.add(
                Partner(
                    kind=PartnerKind.PERSON,
                    id_type="1",
                    id_number="01234567",
                    name="Nueva Persona",
                    name_key="nueva persona",
                )
            )
            uow.session.flush()
            uow.commit()
    finally:
        postgres.dispose()
        sqlite.dispose()


def test_unknown_scale_is_refused(tmp_path: Path) -> None:
    database = _open(tmp_path / "scale.sqlite3")
    with pytest.raises(ValidationError) as caught:
        generate_demo_data(database, scale="planet", today=TODAY)  # type: ignore[arg-type]
    assert caught.value.field == "scale"
    database.dispose()
