"""Products: codes, SUNAT units, prices, weights, search."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from carceles_desktop.errors import Conflict, NotFound, PermissionDenied, ValidationError
from carceles_desktop.services import products
from carceles_desktop.services.products import ProductInput
from carceles_desktop.storage.unit_of_work import Database
from tests.helpers.commerce_world import ADMIN, World, seeded_database


@pytest.fixture
def env(tmp_path: Path) -> Iterator[tuple[Database, World]]:
    database, world = seeded_database(tmp_path)
    yield database, world
    database.dispose()


def _shoe(**changes: object) -> ProductInput:
    data = ProductInput(code="zap-01", name="Zapato de cuero", unit_code="pr", unit_price="89,90")
    return replace(data, **changes)  # type: ignore[arg-type]


def test_a_product_is_stored_as_typed_but_tidy(env: tuple[Database, World]) -> None:
    database, _ = env
    with database.unit_of_work() as uow:
        row = products.create_product(uow, ADMIN, _shoe(unit_weight_kg="0.850"))
        assert (row.code, row.unit_code) == ("ZAP-01", "PR")
        assert row.unit_price == Decimal("89.90")
        assert row.unit_weight_kg == Decimal("0.850")
        assert products.get_product(uow, ADMIN, row.id) == row


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"code": ""}, "code"),
        ({"code": "ZAP 01"}, "code"),
        ({"name": ""}, "name"),
        ({"unit_code": "XYZ"}, "unit_code"),
        ({"unit_price": "-1"}, "unit_price"),
        ({"unit_price": "1.234"}, "unit_price"),
        ({"unit_price": "abc"}, "unit_price"),
        ({"unit_price": "NaN"}, "unit_price"),
        ({"unit_weight_kg": "0.0005"}, "unit_weight_kg"),
        ({"unit_weight_kg": "-2"}, "unit_weight_kg"),
        ({"unit_price": "1e15"}, "unit_price"),
    ],
)
def test_bad_products_name_the_field(
    env: tuple[Database, World], changes: dict[str, object], field: str
) -> None:
    database, _ = env
    with database.unit_of_work() as uow, pytest.raises(ValidationError) as caught:
        products.create_product(uow, ADMIN, _shoe(**changes))
    assert caught.value.field == field


def test_unknown_trade_and_product(env: tuple[Database, World]) -> None:
    database, _ = env
    with database.unit_of_work() as uow:
        with pytest.raises(NotFound):
            products.create_product(uow, ADMIN, _shoe(trade_id=999))
        with pytest.raises(NotFound):
            products.get_product(uow, ADMIN, 999)


def test_codes_are_unique(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        with pytest.raises(Conflict, match="SILLA-01"):
            products.create_product(uow, ADMIN, _shoe(code="silla-01"))
        shoe = products.create_product(uow, ADMIN, _shoe())
        with pytest.raises(Conflict):
            products.update_product(uow, ADMIN, shoe.id, _shoe(code="MESA-01"))


def test_updates_and_retirement(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        row = products.update_product(
            uow,
            ADMIN,
            world.chair_id,
            ProductInput(code="SILLA-01", name="Silla tallada", unit_code="NIU", unit_price="150"),
        )
        assert (row.name, row.unit_price, row.unit_weight_kg) == (
            "Silla tallada",
            Decimal("150.00"),
            None,
        )
        assert [p.code for p in products.search_products(uow, ADMIN, text="tallada")] == [
            "SILLA-01"
        ]
        products.set_product_active(uow, ADMIN, world.chair_id, False)
        assert [p.code for p in products.search_products(uow, ADMIN)] == ["MESA-01"]
        assert products.count_products(uow, ADMIN, include_inactive=True) == 2


def test_search_ignores_accents_and_pages(env: tuple[Database, World]) -> None:
    database, _ = env
    with database.unit_of_work() as uow:
        for index in range(4):
            products.create_product(
                uow, ADMIN, _shoe(code=f"CAM-{index}", name=f"Camisón número {index}")
            )
        assert products.count_products(uow, ADMIN, text="CAMISON NUMERO") == 4
        page = products.search_products(uow, ADMIN, text="camison", offset=1, limit=2)
        assert [p.code for p in page] == ["CAM-1", "CAM-2"]
        assert [p.code for p in products.search_products(uow, ADMIN, text="silla-01")] == [
            "SILLA-01"
        ]


def test_search_sorts_by_any_heading_both_ways(env: tuple[Database, World]) -> None:
    database, _ = env
    with database.unit_of_work() as uow:
        products.create_product(uow, ADMIN, _shoe(unit_weight_kg="0.850"))

        def codes(**sort: object) -> list[str]:
            return [p.code for p in products.search_products(uow, ADMIN, **sort)]  # type: ignore[arg-type]

        assert codes() == ["MESA-01", "SILLA-01", "ZAP-01"]  # by code by default
        assert codes(sort="code", descending=True) == ["ZAP-01", "SILLA-01", "MESA-01"]
        assert codes(sort="price") == ["ZAP-01", "SILLA-01", "MESA-01"]
        assert codes(sort="price", descending=True) == ["MESA-01", "SILLA-01", "ZAP-01"]
        # The table has no weight and no trade: it comes last both ways.
        assert codes(sort="weight") == ["ZAP-01", "SILLA-01", "MESA-01"]
        assert codes(sort="weight", descending=True) == ["SILLA-01", "ZAP-01", "MESA-01"]
        assert codes(sort="trade", descending=True) == ["SILLA-01", "ZAP-01", "MESA-01"]
        for key in products.PRODUCT_SORTS:  # every heading's key runs, both ways
            for descending in (False, True):
                assert sorted(codes(sort=key, descending=descending)) == sorted(codes())
        with pytest.raises(ValueError, match="unknown sort"):
            products.search_products(uow, ADMIN, sort="colour")


def test_only_the_jefe_and_the_admin_edit_products(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        with pytest.raises(PermissionDenied):
            products.create_product(uow, world.supervisor, _shoe())
        with pytest.raises(PermissionDenied):
            products.set_product_active(uow, world.consulta, world.chair_id, False)
        assert products.create_product(uow, world.jefe, _shoe()).code == "ZAP-01"
