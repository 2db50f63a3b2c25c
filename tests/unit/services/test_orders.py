"""Orders: lines, per-line figures (in production, produced, delivered) and the state."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from carceles_desktop.domain.enums import OrderState
from carceles_desktop.errors import Conflict, NotFound, PermissionDenied, ValidationError
from carceles_desktop.services import deliveries, order_queries, orders, production
from carceles_desktop.services.orders import OrderDetail, OrderInput, OrderLineInput
from carceles_desktop.services.production import BatchInput
from carceles_desktop.storage.unit_of_work import Database, UnitOfWork
from tests.helpers.commerce_world import (
    ADMIN,
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


def _order_input(
    world: World, lines: list[OrderLineInput] | None = None, **kw: object
) -> OrderInput:
    data = OrderInput(
        partner_id=world.partner_id,
        ordered_on=date(2026, 2, 20),
        due_on=date(2026, 4, 30),
        lines=lines
        if lines is not None
        else [OrderLineInput(world.chair_id, "30"), OrderLineInput(world.table_id, "2", "280")],
    )
    return replace(data, **kw)  # type: ignore[arg-type]


def _new_order(uow: UnitOfWork, world: World, **kw: object) -> OrderDetail:
    return orders.create_order(uow, world.jefe, _order_input(world, **kw))  # type: ignore[arg-type]


def _issue(uow: UnitOfWork, world: World, order: OrderDetail, batch_id: int, qty: str) -> int:
    draft = deliveries.create_delivery_draft(
        uow, world.jefe, draft_input(world, [(batch_id, qty)], order_id=order.id)
    )
    deliveries.issue_delivery(uow, world.jefe, draft.id, on=date(2026, 4, 1))
    return draft.id


def test_an_order_is_numbered_and_priced(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        first = _new_order(uow, world)
        second = _new_order(uow, world)
        assert (first.number, second.number) == ("LURIGANCHO-2026-00001", "LURIGANCHO-2026-00002")
        assert first.state is OrderState.ABIERTO
        chair, table = first.lines
        assert (chair.unit_price, table.unit_price) == (Decimal("120.00"), Decimal("280.00"))
        assert first.total == Decimal("4160.00")
        assert (chair.delivered, chair.pending) == (Decimal("0.000"), Decimal("30.000"))
        assert first.is_overdue(date(2026, 5, 1))
        assert not first.is_overdue(date(2026, 4, 30))


@pytest.mark.parametrize(
    ("lines", "error", "field"),
    [
        ([], ValidationError, "lines"),
        ([("chair", "0")], ValidationError, "lines[0].quantity"),
        ([("chair", "1"), ("chair", "-3")], ValidationError, "lines[1].quantity"),
        ([("chair", "1"), ("table", "1.0001")], ValidationError, "lines[1].quantity"),
        ([("chair", "1"), (999, "1")], NotFound, "lines[1].product"),
        ([("chair", "1"), ("table", "1", "-5")], ValidationError, "lines[1].unit_price"),
    ],
)
def test_bad_lines_name_their_index(
    env: tuple[Database, World], lines: list[tuple[object, ...]], error: type[Exception], field: str
) -> None:
    database, world = env
    keys = {"chair": world.chair_id, "table": world.table_id}
    given = [
        OrderLineInput(keys.get(str(p), p), q, *rest)  # type: ignore[arg-type]
        for p, q, *rest in lines
    ]
    with database.unit_of_work() as uow, pytest.raises(error) as caught:
        _new_order(uow, world, lines=given)
    assert getattr(caught.value, "field", None) == field


def test_header_rules(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        with pytest.raises(ValidationError) as caught:
            orders.create_order(
                uow,
                world.jefe,
                _order_input(world, due_on=date(2026, 1, 1)),  # type: ignore[arg-type]
            )
        assert caught.value.field == "due_on"
        with pytest.raises(ValidationError) as caught:
            orders.create_order(uow, ADMIN, _order_input(world))  # HQ admin: no establishment
        assert caught.value.field == "establishment"
        with pytest.raises(PermissionDenied):
            orders.create_order(uow, world.supervisor, _order_input(world))
        with pytest.raises(PermissionDenied):
            orders.create_order(
                uow,
                world.other_jefe,
                _order_input(world, establishment_id=world.establishment_id),  # type: ignore[arg-type]
            )


def test_lines_show_production_and_delivery_and_the_state_follows(
    env: tuple[Database, World],
) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        order = _new_order(uow, world)
        chair_line, table_line = order.lines
        planned = production.create_batch(
            uow,
            world.jefe,
            BatchInput(
                world.workshop_id, world.table_id, "2", MARCH_START, order_line_id=table_line.id
            ),
            today=TODAY,
        )
        order = orders.get_order(uow, world.jefe, order.id)
        assert order.state is OrderState.EN_PRODUCCION
        assert order.lines[1].in_production == Decimal("2.000")
        chairs = finished_batch(uow, world, accepted="30", order_line_id=chair_line.id)
        order = orders.get_order(uow, world.jefe, order.id)
        assert (order.lines[0].produced, order.lines[0].in_production) == (
            Decimal("30.000"),
            Decimal("0.000"),
        )
        first = _issue(uow, world, order, chairs.batch.id, "10")
        order = orders.get_order(uow, world.jefe, order.id)
        assert order.state is OrderState.ENTREGADO_PARCIAL
        assert (order.lines[0].delivered, order.lines[0].pending) == (
            Decimal("10.000"),
            Decimal("20.000"),
        )
        _issue(uow, world, order, chairs.batch.id, "20")
        production.finish_batch(
            uow,
            world.jefe,
            planned.batch.id,
            production.QualityInput("2", "2", "0", "Jefe"),
            on=date(2026, 3, 13),
            today=TODAY,
        )
        _issue(uow, world, order, planned.batch.id, "2")
        assert orders.get_order(uow, world.jefe, order.id).state is OrderState.ENTREGADO
        # Annulling a delivery gives the order back its pending units.
        deliveries.annul_delivery(
            uow, world.jefe, first, reason="Error de cantidad", on=date(2026, 4, 2)
        )
        order = orders.get_order(uow, world.jefe, order.id)
        assert order.state is OrderState.ENTREGADO_PARCIAL
        assert order.lines[0].pending == Decimal("10.000")


def test_two_lines_of_one_product_fill_in_order(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        order = _new_order(
            uow,
            world,
            lines=[OrderLineInput(world.chair_id, "5"), OrderLineInput(world.chair_id, "5", "100")],
        )
        batch = finished_batch(uow, world, accepted="12")
        _issue(uow, world, order, batch.batch.id, "7")
        order = orders.get_order(uow, world.jefe, order.id)
        assert [line.delivered for line in order.lines] == [Decimal("5.000"), Decimal("2.000")]
        _issue(uow, world, order, batch.batch.id, "5")
        order = orders.get_order(uow, world.jefe, order.id)
        # The excess shows on the last line rather than vanishing.
        assert [line.delivered for line in order.lines] == [Decimal("5.000"), Decimal("7.000")]
        assert order.state is OrderState.ENTREGADO


def test_lines_in_use_keep_their_product_and_their_delivered_units(
    env: tuple[Database, World],
) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        order = _new_order(uow, world)
        chair_line, table_line = order.lines
        batch = finished_batch(uow, world, accepted="30", order_line_id=chair_line.id)
        _issue(uow, world, order, batch.batch.id, "12")

        def edit(*lines: OrderLineInput) -> OrderDetail:
            return orders.update_order(uow, world.jefe, order.id, _order_input(world, list(lines)))

        with pytest.raises(ValidationError, match="12.000") as caught:
            edit(OrderLineInput(world.chair_id, "10", line_id=chair_line.id))
        assert caught.value.field == "lines[0].quantity"
        with pytest.raises(Conflict) as conflict:
            edit(OrderLineInput(world.table_id, "30", line_id=chair_line.id))
        assert conflict.value.field == "lines[0].product"
        with pytest.raises(Conflict):
            edit(OrderLineInput(world.table_id, "2", line_id=table_line.id))  # drops chairs
        changed = edit(
            OrderLineInput(world.chair_id, "12", line_id=chair_line.id),
            OrderLineInput(world.table_id, "3", "250"),
        )
        assert [(line.quantity, line.unit_price) for line in changed.lines] == [
            (Decimal("12.000"), Decimal("120.00")),
            (Decimal("3.000"), Decimal("250.00")),
        ]
        assert changed.state is OrderState.ENTREGADO_PARCIAL
        with pytest.raises(Conflict, match="client"):
            orders.update_order(
                uow,
                world.jefe,
                order.id,
                _order_input(world, partner_id=_second_partner(uow)),  # type: ignore[arg-type]
            )


def _second_partner(uow: UnitOfWork) -> int:
    from carceles_desktop.domain.enums import PartnerKind
    from carceles_desktop.services.partners import PartnerInput, create_partner

    return create_partner(
        uow,
        ADMIN,
        PartnerInput(PartnerKind.PERSON, "1", "01234567", "Ana Ríos", "Av. Lima 1", "150101"),
    ).id


def test_annulled_orders_are_final_and_need_no_live_deliveries(
    env: tuple[Database, World],
) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        order = _new_order(uow, world)
        batch = finished_batch(uow, world, accepted="5")
        delivery = _issue(uow, world, order, batch.batch.id, "5")
        with pytest.raises(Conflict, match="delivery notes"):
            orders.cancel_order(uow, world.jefe, order.id, reason="El cliente desistió")
        deliveries.annul_delivery(uow, world.jefe, delivery, reason="Devuelto", on=date(2026, 4, 1))
        with pytest.raises(ValidationError):
            orders.cancel_order(uow, world.jefe, order.id, reason="")
        cancelled = orders.cancel_order(uow, world.jefe, order.id, reason="El cliente desistió")
        assert cancelled.state is OrderState.ANULADO
        assert "desistió" in (cancelled.notes or "")
        with pytest.raises(Conflict):
            orders.cancel_order(uow, world.jefe, order.id, reason="otra vez")
        with pytest.raises(Conflict):
            orders.update_order(uow, world.jefe, order.id, _order_input(world))


def test_search_and_count(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        first = _new_order(uow, world)
        second = _new_order(uow, world)
        orders.cancel_order(uow, world.jefe, second.id, reason="Duplicado")
        rows = orders.search_orders(uow, world.jefe)
        assert [r.number for r in rows] == [second.number, first.number]
        assert rows[1].total == Decimal("4160.00")
        assert rows[1].ordered_quantity == Decimal("32.000")
        assert orders.count_orders(uow, world.jefe, state=OrderState.ANULADO) == 1
        assert [r.id for r in orders.search_orders(uow, world.jefe, text="muebles andinos")] == [
            second.id,
            first.id,
        ]
        assert [r.id for r in orders.search_orders(uow, world.jefe, text="2026-00001")] == [
            first.id
        ]
        assert orders.search_orders(uow, world.other_jefe) == []
        assert orders.count_orders(uow, world.consulta) == 2
        with pytest.raises(PermissionDenied):
            orders.get_order(uow, world.other_jefe, first.id)


def test_search_sorts_by_any_heading_both_ways(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        big = _new_order(uow, world).id  # 4160.00, due 30 April
        small = _new_order(
            uow, world, lines=[OrderLineInput(world.chair_id, "1")], due_on=None
        ).id  # 120.00, no due day
        late = _new_order(uow, world, due_on=date(2026, 6, 1)).id  # 4160.00, due 1 June

        def ids(**sort: object) -> list[int]:
            return [r.id for r in orders.search_orders(uow, world.jefe, **sort)]  # type: ignore[arg-type]

        assert ids() == [late, small, big]  # newest first by default
        assert ids(sort="total") == [small, big, late]  # ties by id
        assert ids(sort="total", descending=True) == [late, big, small]
        # An order with no due day comes last both ways.
        assert ids(sort="due") == [big, late, small]
        assert ids(sort="due", descending=True) == [late, big, small]
        for key in order_queries.ORDER_SORTS:  # every heading's key runs, both ways
            for descending in (False, True):
                assert sorted(ids(sort=key, descending=descending)) == sorted([big, small, late])
        with pytest.raises(ValueError, match="unknown sort"):
            orders.search_orders(uow, world.jefe, sort="colour")
