"""The commerce kinds of ``list``: products, clients, orders, batches and deliveries.

Each pages through the same service the window's list uses, newest first where the
service orders so (orders, batches, deliveries), so a script sees what the screen shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from carceles_desktop.commands.listing import add_list
from carceles_desktop.services import (
    delivery_queries,
    order_queries,
    partners,
    production_queries,
    products,
)
from carceles_desktop.services.context import ServiceContext


def _products(ctx: ServiceContext, search: str, offset: int, limit: int) -> Sequence[Any]:
    with ctx.reading() as uow:
        return products.search_products(uow, ctx.actor, text=search, offset=offset, limit=limit)


def _clients(ctx: ServiceContext, search: str, offset: int, limit: int) -> Sequence[Any]:
    with ctx.reading() as uow:
        return partners.search_partners(uow, ctx.actor, text=search, offset=offset, limit=limit)


def _orders(ctx: ServiceContext, search: str, offset: int, limit: int) -> Sequence[Any]:
    with ctx.reading() as uow:
        return order_queries.search_orders(uow, ctx.actor, text=search, offset=offset, limit=limit)


def _batches(ctx: ServiceContext, search: str, offset: int, limit: int) -> Sequence[Any]:
    with ctx.reading() as uow:
        return production_queries.search_batches(
            uow, ctx.actor, text=search, offset=offset, limit=limit
        )


def _deliveries(ctx: ServiceContext, search: str, offset: int, limit: int) -> Sequence[Any]:
    with ctx.reading() as uow:
        return delivery_queries.search_deliveries(
            uow, ctx.actor, text=search, offset=offset, limit=limit
        )


# (heading, attribute of the service's row) per kind.  The headings are the CSV's column
# names, a contract with outside scripts: add columns at the end, never rename.
PRODUCTS_COLUMNS = (
    ("code", "code"),
    ("name", "name"),
    ("unit", "unit_code"),
    ("unit_price", "unit_price"),
    ("unit_weight_kg", "unit_weight_kg"),
    ("trade", "trade_name"),
    ("active", "active"),
)

CLIENTS_COLUMNS = (
    ("kind", "kind"),
    ("id_type", "id_type"),
    ("id_number", "id_number"),
    ("name", "name"),
    ("address", "address"),
    ("ubigeo", "ubigeo"),
    ("contact", "contact_name"),
    ("phone", "phone"),
    ("email", "email"),
    ("active", "active"),
)

ORDERS_COLUMNS = (
    ("number", "number"),
    ("client", "partner_name"),
    ("ordered_on", "ordered_on"),
    ("due_on", "due_on"),
    ("state", "state"),
    ("total", "total"),
    ("ordered_quantity", "ordered_quantity"),
    ("delivered_quantity", "delivered_quantity"),
)

BATCHES_COLUMNS = (
    ("code", "code"),
    ("workshop", "workshop_code"),
    ("product", "product_code"),
    ("order", "order_number"),
    ("planned", "planned_quantity"),
    ("accepted", "accepted_quantity"),
    ("delivered", "delivered_quantity"),
    ("remaining", "remaining"),
    ("unit", "unit_code"),
    ("starts_on", "starts_on"),
    ("ends_on", "ends_on"),
    ("state", "state"),
)

DELIVERIES_COLUMNS = (
    ("number", "number"),
    ("state", "state"),
    ("issue_date", "issue_date"),
    ("client", "partner_name"),
    ("order", "order_number"),
    ("lines", "line_count"),
    ("total_quantity", "total_quantity"),
)


def register_kinds() -> None:
    """Add the commerce kinds to ``list``."""
    add_list("products", PRODUCTS_COLUMNS, _products)
    add_list("clients", CLIENTS_COLUMNS, _clients)
    add_list("orders", ORDERS_COLUMNS, _orders)
    add_list("batches", BATCHES_COLUMNS, _batches)
    add_list("deliveries", DELIVERIES_COLUMNS, _deliveries)
