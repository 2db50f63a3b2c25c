"""Batches: life cycle, quality check, materials, and workers' hours within attendance."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from carceles_desktop.domain.enums import BatchState
from carceles_desktop.errors import Conflict, NotFound, PermissionDenied, ValidationError
from carceles_desktop.services import batch_resources, deliveries, production, production_queries
from carceles_desktop.services.batch_resources import MaterialInput, WorkerInput
from carceles_desktop.services.orders import OrderInput, OrderLineInput, create_order
from carceles_desktop.services.production import BatchInput, QualityInput
from carceles_desktop.services.production_queries import BatchDetail
from carceles_desktop.storage.unit_of_work import Database, UnitOfWork
from tests.helpers.commerce_world import (
    ADMIN,
    MARCH_END,
    MARCH_START,
    TODAY,
    World,
    draft_input,
    finished_batch,
    seeded_database,
)


@pytest.fixture
def env(tmp_path: Path) -> Iterator[tuple[Database, World]]:
    database, world = seeded_database(tmp_path)
    yield database, world
    database.dispose()


def _batch(
    uow: UnitOfWork,
    world: World,
    start: date = MARCH_START,
    end: date | None = MARCH_END,
    **kw: object,
) -> BatchDetail:
    data = BatchInput(world.workshop_id, world.chair_id, "10", start, end)
    for name, value in kw.items():
        object.__setattr__(data, name, value)
    return production.create_batch(uow, world.jefe, data, today=TODAY)


def _workers(
    uow: UnitOfWork, batch: BatchDetail, *pairs: tuple[int, str], actor: object = ADMIN
) -> BatchDetail:
    return batch_resources.set_batch_workers(
        uow,
        actor,
        batch.batch.id,
        [WorkerInput(e, h) for e, h in pairs],
        today=TODAY,  # type: ignore[arg-type]
    )


# --------------------------------------------------------------------------- life cycle


def test_a_batch_is_planned_started_and_finished(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        batch = _batch(uow, world, end=None)
        assert (batch.batch.code, batch.batch.state) == ("L-2026-001", BatchState.PLANIFICADO)
        assert _batch(uow, world).batch.code == "L-2026-002"
        started = production.start_batch(
            uow, world.jefe, batch.batch.id, on=date(2026, 3, 3), today=TODAY
        )
        assert (started.batch.state, started.batch.starts_on) == (
            BatchState.EN_PROCESO,
            date(2026, 3, 3),
        )
        with pytest.raises(Conflict):
            production.start_batch(
                uow, world.jefe, batch.batch.id, on=date(2026, 3, 3), today=TODAY
            )
        # A batch may yield more than planned.
        done = production.finish_batch(
            uow,
            world.jefe,
            batch.batch.id,
            QualityInput(inspected="12", accepted="11", rejected="1", inspector="R. Quispe"),
            on=MARCH_END,
            today=TODAY,
        )
        assert done.batch.state is BatchState.TERMINADO
        assert (done.inspected_quantity, done.batch.accepted_quantity, done.rejected_quantity) == (
            Decimal("12.000"),
            Decimal("11.000"),
            Decimal("1.000"),
        )
        assert (done.batch.remaining, done.inspected_on, done.batch.ends_on) == (
            Decimal("11.000"),
            MARCH_END,
            MARCH_END,
        )


@pytest.mark.parametrize(
    ("quality", "on", "field"),
    [
        (QualityInput("10", "8", "3", "Jefe"), MARCH_END, "accepted"),
        (QualityInput("10", "-1", "0", "Jefe"), MARCH_END, "accepted"),
        (QualityInput("10", "8", "0", " "), MARCH_END, "inspector"),
        (QualityInput("10", "8", "0", "Jefe"), date(2026, 3, 1), "ends_on"),
        (QualityInput("10", "8", "0", "Jefe"), date(2026, 12, 1), "on"),
    ],
)
def test_bad_quality_checks_are_refused(
    env: tuple[Database, World], quality: QualityInput, on: date, field: str
) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        batch = _batch(uow, world)
        with pytest.raises(ValidationError) as caught:
            production.finish_batch(uow, world.jefe, batch.batch.id, quality, on=on, today=TODAY)
        assert caught.value.field == field


def test_accepted_units_never_drop_below_those_delivered(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        batch = finished_batch(uow, world, accepted="10")
        draft = deliveries.create_delivery_draft(
            uow, ADMIN, draft_input(world, [(batch.batch.id, "8")])
        )
        deliveries.issue_delivery(uow, ADMIN, draft.id, on=date(2026, 4, 1))
        with pytest.raises(Conflict, match="8.000") as caught:
            production.record_quality(
                uow,
                world.jefe,
                batch.batch.id,
                QualityInput("11", "7", "4", "Jefe"),
                on=MARCH_END,
                today=TODAY,
            )
        assert caught.value.field == "accepted"
        fixed = production.record_quality(
            uow,
            world.jefe,
            batch.batch.id,
            QualityInput("11", "8", "3", "Jefe"),
            on=MARCH_END,
            today=TODAY,
        )
        assert (fixed.batch.accepted_quantity, fixed.batch.remaining) == (
            Decimal("8.000"),
            Decimal("0.000"),
        )
        with pytest.raises(Conflict, match="delivery notes"):
            production.annul_batch(uow, world.jefe, batch.batch.id, reason="Error")


def test_quality_is_recorded_only_on_finished_batches(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        batch = _batch(uow, world)
        with pytest.raises(Conflict):
            production.record_quality(
                uow,
                world.jefe,
                batch.batch.id,
                QualityInput("1", "1", "0", "Jefe"),
                on=MARCH_END,
                today=TODAY,
            )


def test_annulled_batches_are_final(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        batch = finished_batch(uow, world, accepted="5")
        draft = deliveries.create_delivery_draft(
            uow, ADMIN, draft_input(world, [(batch.batch.id, "5")])
        )
        with pytest.raises(Conflict):
            production.annul_batch(uow, world.jefe, batch.batch.id, reason="Madera húmeda")
        deliveries.delete_delivery_draft(uow, ADMIN, draft.id)
        with pytest.raises(ValidationError):
            production.annul_batch(uow, world.jefe, batch.batch.id, reason="  ")
        annulled = production.annul_batch(uow, world.jefe, batch.batch.id, reason="Madera húmeda")
        assert annulled.batch.state is BatchState.ANULADO
        assert "Madera húmeda" in (annulled.quality_notes or "")
        for call in (
            lambda: production.annul_batch(uow, world.jefe, batch.batch.id, reason="x"),
            lambda: batch_resources.set_batch_materials(uow, world.jefe, batch.batch.id, []),
        ):
            with pytest.raises(Conflict):
                call()


def test_batch_fields_are_checked(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        for kw, field in (
            ({"planned_quantity": "0"}, "planned_quantity"),
            ({"product_id": 999}, "product"),
            ({"workshop_id": 999}, "workshop"),
            ({"code": "L 1"}, "code"),
        ):
            with pytest.raises((ValidationError, NotFound)) as caught:
                _batch(uow, world, **kw)
            assert caught.value.field == field
        with pytest.raises(ValidationError) as caught:
            _batch(uow, world, start=MARCH_END, end=MARCH_START)
        assert caught.value.field == "ends_on"
        _batch(uow, world, code="l-especial")
        with pytest.raises(Conflict):
            _batch(uow, world, code="L-ESPECIAL")


def test_a_batch_for_an_order_line_must_make_its_product(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        order = create_order(
            uow,
            world.jefe,
            OrderInput(world.partner_id, date(2026, 2, 1), [OrderLineInput(world.table_id, "2")]),
        )
        with pytest.raises(ValidationError, match="another product") as caught:
            _batch(uow, world, order_line_id=order.lines[0].id)
        assert caught.value.field == "order_line"
        batch = _batch(uow, world, product_id=world.table_id, order_line_id=order.lines[0].id)
        assert batch.batch.order_number == order.number


def test_supervisors_work_only_in_their_workshops(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        mine = production.create_batch(
            uow,
            world.supervisor,
            BatchInput(world.workshop_id, world.chair_id, "5", MARCH_START),
            today=TODAY,
        )
        with pytest.raises(PermissionDenied):
            production.create_batch(
                uow,
                world.supervisor,
                BatchInput(world.workshop2_id, world.chair_id, "5", MARCH_START),
                today=TODAY,
            )
        theirs = production.create_batch(
            uow,
            world.jefe,
            BatchInput(world.workshop2_id, world.chair_id, "5", MARCH_START),
            today=TODAY,
        )
        with pytest.raises(PermissionDenied):
            production.start_batch(
                uow, world.supervisor, theirs.batch.id, on=MARCH_START, today=TODAY
            )
        with pytest.raises(PermissionDenied):
            production.create_batch(
                uow, world.consulta, BatchInput(world.workshop_id, world.chair_id, "5", MARCH_START)
            )
        with pytest.raises(PermissionDenied):
            production.start_batch(uow, world.other_jefe, mine.batch.id, on=MARCH_START)
        seen = production_queries.search_batches(uow, world.supervisor)
        assert [b.id for b in seen] == [mine.batch.id]
        assert production_queries.count_batches(uow, world.jefe) == 2
        assert production_queries.count_batches(uow, world.other_jefe) == 0
        with pytest.raises(NotFound):
            production_queries.get_batch(uow, world.supervisor, theirs.batch.id)


def test_search_filters_and_pickers(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        chairs = finished_batch(uow, world, accepted="4")
        tables = finished_batch(uow, world, accepted="2", product_id=world.table_id)
        planned = _batch(uow, world)
        q = production_queries
        assert [b.id for b in q.search_batches(uow, ADMIN, text="comedor")] == [tables.batch.id]
        assert [b.id for b in q.search_batches(uow, ADMIN, text="l-2026-001")] == [chairs.batch.id]
        assert q.count_batches(uow, ADMIN, state=BatchState.TERMINADO) == 2
        assert [b.id for b in q.search_batches(uow, ADMIN, offset=1, limit=1)] == [tables.batch.id]
        assert [b.id for b in q.deliverable_batches(uow, ADMIN)] == [
            chairs.batch.id,
            tables.batch.id,
        ]
        assert q.deliverable_batches(uow, ADMIN, product_id=world.table_id)[0].remaining == Decimal(
            "2.000"
        )
        assert planned.batch.id not in {b.id for b in q.deliverable_batches(uow, ADMIN)}


def test_search_sorts_by_any_heading_both_ways(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        chairs = finished_batch(uow, world, accepted="4").batch.id
        tables = finished_batch(uow, world, accepted="2", product_id=world.table_id).batch.id
        open_ended = _batch(uow, world, end=None).batch.id  # planned: none accepted yet

        def ids(**sort: object) -> list[int]:
            return [b.id for b in production_queries.search_batches(uow, ADMIN, **sort)]  # type: ignore[arg-type]

        assert ids() == [open_ended, tables, chairs]  # newest first by default
        assert ids(sort="newest", descending=True) == [chairs, tables, open_ended]
        assert ids(sort="accepted") == [open_ended, tables, chairs]
        assert ids(sort="accepted", descending=True) == [chairs, tables, open_ended]
        # "Mesa" before "Silla"; two chair batches keep their creation order (by id).
        assert ids(sort="product") == [tables, chairs, open_ended]
        assert ids(sort="product", descending=True) == [open_ended, chairs, tables]
        # A batch with no end day comes last both ways.
        assert ids(sort="ends") == [chairs, tables, open_ended]
        assert ids(sort="ends", descending=True) == [tables, chairs, open_ended]
        assert ids(sort="remaining", offset=1, limit=1) == [tables]
        for key in production_queries.BATCH_SORTS:  # every heading's key runs, both ways
            for descending in (False, True):
                assert sorted(ids(sort=key, descending=descending)) == [chairs, tables, open_ended]
        with pytest.raises(ValueError, match="unknown sort"):
            production_queries.search_batches(uow, ADMIN, sort="colour")


def test_materials_are_replaced_and_costed(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        batch = _batch(uow, world)
        with pytest.raises(ValidationError) as caught:
            batch_resources.set_batch_materials(
                uow,
                world.jefe,
                batch.batch.id,
                [
                    MaterialInput("Tablas", "10", "MTR", "12.50"),
                    MaterialInput("Cola", "1", "XX", "8"),
                ],
            )
        assert caught.value.field == "materials[1].unit_code"
        detail = batch_resources.set_batch_materials(
            uow,
            world.jefe,
            batch.batch.id,
            [
                MaterialInput("Tablas de tornillo", "10.5", "mtr", "12.50"),
                MaterialInput("Cola sintética", "2", "LTR", "8"),
            ],
        )
        assert [m.amount for m in detail.materials] == [Decimal("131.25"), Decimal("16.00")]
        assert detail.materials_cost == Decimal("147.25")


# --------------------------------------------------------------------------- workers' hours


def test_workers_must_be_enrolled_in_the_workshop_during_the_batch(
    env: tuple[Database, World],
) -> None:
    database, world = env
    e = world.enrolments
    with database.unit_of_work() as uow:
        batch = _batch(uow, world)
        for enrolment in (e["E3"], e["E4"], e["E5"]):  # other workshop, waiting, from June
            with pytest.raises(ValidationError, match="not enrolled") as caught:
                _workers(uow, batch, (e["E1"], "10"), (enrolment, "1"))
            assert caught.value.field == "workers[1].enrolment"
        with pytest.raises(ValidationError, match="twice"):
            _workers(uow, batch, (e["E1"], "10"), (e["E1"], "5"))
        with pytest.raises(NotFound):
            _workers(uow, batch, (999, "1"))
        detail = _workers(uow, batch, (e["E1"], "60"), (e["E2"], "40"))
        assert [(w.inmate_code, w.hours, w.attended_hours) for w in detail.workers] == [
            ("T2", Decimal("40.00"), Decimal("40.00")),
            ("T1", Decimal("60.00"), Decimal("60.00")),
        ]
        assert detail.worker_hours == Decimal("100.00")
        eligible = production_queries.eligible_workers(uow, ADMIN, batch.batch.id, today=TODAY)
        assert {w.inmate_code for w in eligible} == {"T1", "T2"}


def test_hours_on_one_batch_cannot_exceed_attendance(env: tuple[Database, World]) -> None:
    database, world = env
    e1 = world.enrolments["E1"]
    with database.unit_of_work() as uow:
        batch = _batch(uow, world)
        with pytest.raises(ValidationError) as caught:
            _workers(uow, batch, (world.enrolments["E2"], "1"), (e1, "60.01"))
        error = caught.value
        assert error.field == "workers[1].hours"
        assert error.message.params["hours"] == "60.01"
        assert error.message.params["attended"] == "60.00"
        assert "L-2026-001" in str(error)
        assert "2026-03-02" in str(error)
        assert _workers(uow, batch, (e1, "60")).worker_hours == Decimal("60.00")


def test_hours_on_overlapping_batches_share_the_same_attendance(
    env: tuple[Database, World],
) -> None:
    database, world = env
    e1 = world.enrolments["E1"]
    with database.unit_of_work() as uow:
        whole = _batch(uow, world)  # 2–13 March: 60 h attended
        second_week = _batch(uow, world, start=date(2026, 3, 9))  # 9–13 March: 30 h
        _workers(uow, whole, (e1, "40"))
        with pytest.raises(ValidationError) as caught:
            _workers(uow, second_week, (e1, "30"))
        params = caught.value.message.params
        assert (params["hours"], params["attended"]) == ("70.00", "60.00")
        assert params["batches"] == "L-2026-001, L-2026-002"
        assert _workers(uow, second_week, (e1, "20")).worker_hours == Decimal("20.00")
        # Lowering the first batch's hours makes room on the second.
        _workers(uow, whole, (e1, "30"))
        assert _workers(uow, second_week, (e1, "30")).worker_hours == Decimal("30.00")


def test_disjoint_batches_each_use_their_own_days(env: tuple[Database, World]) -> None:
    database, world = env
    e1 = world.enrolments["E1"]
    with database.unit_of_work() as uow:
        first_week = _batch(uow, world, end=date(2026, 3, 6))
        second_week = _batch(uow, world, start=date(2026, 3, 9))
        with pytest.raises(ValidationError) as caught:
            _workers(uow, first_week, (e1, "31"))
        assert caught.value.message.params["attended"] == "30.00"
        _workers(uow, first_week, (e1, "30"))
        _workers(uow, second_week, (e1, "30"))
        # An annulled batch's hours no longer count.
        production.annul_batch(uow, world.jefe, first_week.batch.id, reason="Duplicado")
        spanning = _batch(uow, world)
        assert _workers(uow, spanning, (e1, "30")).worker_hours == Decimal("30.00")


def test_new_dates_are_checked_against_the_hours(env: tuple[Database, World]) -> None:
    database, world = env
    e1 = world.enrolments["E1"]
    with database.unit_of_work() as uow:
        batch = _batch(uow, world, end=None)  # runs until today
        _workers(uow, batch, (e1, "50"))
        with pytest.raises(ValidationError, match="attended"):
            production.update_batch(
                uow,
                world.jefe,
                batch.batch.id,
                BatchInput(world.workshop_id, world.chair_id, "10", date(2026, 3, 9)),
                today=TODAY,
            )
        with pytest.raises(ValidationError, match="attended"):
            production.finish_batch(
                uow,
                world.jefe,
                batch.batch.id,
                QualityInput("10", "10", "0", "Jefe"),
                on=date(2026, 3, 6),
                today=TODAY,
            )
        with pytest.raises(Conflict, match="workers"):
            production.update_batch(
                uow,
                world.jefe,
                batch.batch.id,
                BatchInput(world.workshop2_id, world.chair_id, "10", MARCH_START),
                today=TODAY,
            )
        moved = production.update_batch(
            uow,
            world.jefe,
            batch.batch.id,
            BatchInput(world.workshop_id, world.chair_id, "12", MARCH_START, MARCH_END),
            today=TODAY,
        )
        assert (moved.batch.planned_quantity, moved.batch.ends_on) == (Decimal("12.000"), MARCH_END)
