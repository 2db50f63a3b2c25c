"""The commerce lists' columns: batches, delivery notes, orders, clients and products.

Each list pages through its service with the search text and one filter chosen beside
the search box (a state, or a client's kind), sorted in the database by the heading
clicked: every column carries its service's sort key (``BATCH_SORTS`` and the like in
the services).  Batches, notes and orders open newest first, a key no heading shows;
clients open by name and products by code, their first columns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import (
    delivery_queries,
    order_queries,
    partners,
    production_queries,
    products,
)
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.ui.commerce_labels import (
    commerce_label,
    document_text,
    money_text,
    quantity_text,
)
from carceles_desktop.ui.labels import date_text
from carceles_desktop.ui.models.paged_table import Column, PagedTableModel, PageQuery

#: The services' key for "the newest first" (no heading shows it: the lists open in it).
NEWEST = "newest"

#: search(uow, actor, text=, filter=, sort=, descending=, offset=, limit=) and
#: count(uow, actor, text=, filter=).
Search = Callable[..., Sequence[Any]]
Count = Callable[..., int]


def _col(
    title: str, key: str, value: Callable[[Any], str], width: int | None, numeric: bool = False
) -> Column:
    return Column(title, value, key, numeric=numeric, width=width)


class FilteredTableModel(PagedTableModel):
    """A paged list over a commerce service, with one filter beside the search text.

    Attributes:
        filter_value: the chosen state, kind or key; None lists everything.
    """

    def __init__(
        self,
        ctx: ServiceContext,
        columns: Sequence[Column],
        search: Search,
        count: Count,
        *,
        context: str,
        filter_name: str,
        default_sort: str,
        page_size: int = 200,
        parent: Any = None,
    ) -> None:
        self.filter_value: Any = None

        def fetch(query: PageQuery, offset: int, limit: int) -> Sequence[Any]:
            with ctx.reading() as uow:
                return search(
                    uow,
                    ctx.actor,
                    text=query.text,
                    sort=query.sort,
                    descending=query.descending,
                    offset=offset,
                    limit=limit,
                    **{filter_name: self.filter_value},
                )

        def total(query: PageQuery) -> int:
            # Runs on a pool thread.  Should the filter change meanwhile, the model has
            # been reset and drops this answer by its generation number.
            with ctx.reading() as uow:
                return count(uow, ctx.actor, text=query.text, **{filter_name: self.filter_value})

        super().__init__(
            columns,
            fetch,
            total,
            context=context,
            default_sort=default_sort,
            page_size=page_size,
            parent=parent,
        )

    def set_filter(self, value: Any) -> None:
        """List only the rows in this state (or of this kind); None for all."""
        if value != self.filter_value or not self.is_loaded:
            self.filter_value = value
            self.reload()


# --------------------------------------------------------------------------- batches

BATCHES = "BatchesTable"
BATCH_COLUMNS = (
    _col(QT_TRANSLATE_NOOP("BatchesTable", "Batch"), "code", lambda r: r.code, 24),
    _col(
        QT_TRANSLATE_NOOP("BatchesTable", "Product"),
        "product",
        lambda r: f"{r.product_name} ({r.product_code})",
        24,
    ),
    _col(
        QT_TRANSLATE_NOOP("BatchesTable", "State"), "state", lambda r: commerce_label(r.state), 11
    ),
    _col(
        QT_TRANSLATE_NOOP("BatchesTable", "Planned"),
        "planned",
        lambda r: f"{quantity_text(r.planned_quantity)} {r.unit_code}",
        10,
        True,
    ),
    _col(
        QT_TRANSLATE_NOOP("BatchesTable", "Accepted"),
        "accepted",
        lambda r: quantity_text(r.accepted_quantity),
        9,
        True,
    ),
    _col(
        QT_TRANSLATE_NOOP("BatchesTable", "Left"),
        "remaining",
        lambda r: quantity_text(r.remaining),
        7,
        True,
    ),
    _col(
        QT_TRANSLATE_NOOP("BatchesTable", "Start"), "starts", lambda r: date_text(r.starts_on), 12
    ),
    _col(QT_TRANSLATE_NOOP("BatchesTable", "End"), "ends", lambda r: date_text(r.ends_on), 12),
    _col(QT_TRANSLATE_NOOP("BatchesTable", "Workshop"), "workshop", lambda r: r.workshop_code, 18),
    _col(QT_TRANSLATE_NOOP("BatchesTable", "Order"), "order", lambda r: r.order_number or "", None),
)


def batches_model(ctx: ServiceContext, parent: Any = None) -> FilteredTableModel:
    """The batches the user may see, newest first, with a state filter."""
    return FilteredTableModel(
        ctx,
        BATCH_COLUMNS,
        production_queries.search_batches,
        production_queries.count_batches,
        context=BATCHES,
        filter_name="state",
        default_sort=NEWEST,
        parent=parent,
    )


# --------------------------------------------------------------------------- deliveries

DELIVERIES = "DeliveriesTable"


DELIVERY_COLUMNS = (
    _col(QT_TRANSLATE_NOOP("DeliveriesTable", "Number"), "number", lambda r: r.number or "—", 13),
    _col(
        QT_TRANSLATE_NOOP("DeliveriesTable", "Date"),
        "date",
        lambda r: date_text(r.issue_date),
        12,
    ),
    _col(QT_TRANSLATE_NOOP("DeliveriesTable", "Client"), "client", lambda r: r.partner_name, 30),
    _col(
        QT_TRANSLATE_NOOP("DeliveriesTable", "Order"),
        "order",
        lambda r: r.order_number or "",
        14,
    ),
    _col(
        QT_TRANSLATE_NOOP("DeliveriesTable", "Lines"),
        "lines",
        lambda r: str(r.line_count),
        6,
        True,
    ),
    _col(
        QT_TRANSLATE_NOOP("DeliveriesTable", "Units"),
        "units",
        lambda r: quantity_text(r.total_quantity),
        8,
        True,
    ),
    _col(
        QT_TRANSLATE_NOOP("DeliveriesTable", "State"),
        "state",
        lambda r: commerce_label(r.state),
        None,
    ),
)


def deliveries_model(ctx: ServiceContext, parent: Any = None) -> FilteredTableModel:
    """The delivery notes of the user's establishment, newest first, with a state filter."""
    return FilteredTableModel(
        ctx,
        DELIVERY_COLUMNS,
        delivery_queries.search_deliveries,
        delivery_queries.count_deliveries,
        context=DELIVERIES,
        filter_name="state",
        default_sort=NEWEST,
        parent=parent,
    )


# --------------------------------------------------------------------------- orders

ORDERS = "OrdersTable"
ORDER_COLUMNS = (
    _col(QT_TRANSLATE_NOOP("OrdersTable", "Number"), "number", lambda r: r.number, 24),
    _col(QT_TRANSLATE_NOOP("OrdersTable", "Client"), "client", lambda r: r.partner_name, 28),
    _col(
        QT_TRANSLATE_NOOP("OrdersTable", "Ordered"),
        "ordered",
        lambda r: date_text(r.ordered_on),
        12,
    ),
    _col(QT_TRANSLATE_NOOP("OrdersTable", "Due"), "due", lambda r: date_text(r.due_on), 12),
    _col(
        QT_TRANSLATE_NOOP("OrdersTable", "Delivered"),
        "delivered",
        lambda r: f"{quantity_text(r.delivered_quantity)} / {quantity_text(r.ordered_quantity)}",
        12,
        True,
    ),
    _col(
        QT_TRANSLATE_NOOP("OrdersTable", "Total"), "total", lambda r: money_text(r.total), 13, True
    ),
    _col(
        QT_TRANSLATE_NOOP("OrdersTable", "State"), "state", lambda r: commerce_label(r.state), None
    ),
)


def orders_model(ctx: ServiceContext, parent: Any = None) -> FilteredTableModel:
    """The orders of the user's establishment, newest first, with a state filter."""
    return FilteredTableModel(
        ctx,
        ORDER_COLUMNS,
        order_queries.search_orders,
        order_queries.count_orders,
        context=ORDERS,
        filter_name="state",
        default_sort=NEWEST,
        parent=parent,
    )


# --------------------------------------------------------------------------- clients

CLIENTS = "ClientsTable"
CLIENT_COLUMNS = (
    _col(QT_TRANSLATE_NOOP("ClientsTable", "Name"), "name", lambda r: r.name, 34),
    _col(
        QT_TRANSLATE_NOOP("ClientsTable", "Document"),
        "document",
        lambda r: document_text(r.id_type, r.id_number),
        18,
    ),
    _col(QT_TRANSLATE_NOOP("ClientsTable", "Kind"), "kind", lambda r: commerce_label(r.kind), 14),
    _col(
        QT_TRANSLATE_NOOP("ClientsTable", "Contact"), "contact", lambda r: r.contact_name or "", 20
    ),
    _col(QT_TRANSLATE_NOOP("ClientsTable", "Phone"), "phone", lambda r: r.phone or "", None),
)


def clients_model(ctx: ServiceContext, parent: Any = None) -> FilteredTableModel:
    """Clients and partners by name, with a filter by kind."""
    return FilteredTableModel(
        ctx,
        CLIENT_COLUMNS,
        partners.search_partners,
        partners.count_partners,
        context=CLIENTS,
        filter_name="kind",
        default_sort="name",
        parent=parent,
    )


# --------------------------------------------------------------------------- products

PRODUCTS = "ProductsTable"
PRODUCT_COLUMNS = (
    _col(QT_TRANSLATE_NOOP("ProductsTable", "Code"), "code", lambda r: r.code, 14),
    _col(QT_TRANSLATE_NOOP("ProductsTable", "Name"), "name", lambda r: r.name, 34),
    _col(QT_TRANSLATE_NOOP("ProductsTable", "Unit"), "unit", lambda r: r.unit_code, 6),
    _col(
        QT_TRANSLATE_NOOP("ProductsTable", "Price"),
        "price",
        lambda r: money_text(r.unit_price),
        12,
        True,
    ),
    _col(
        QT_TRANSLATE_NOOP("ProductsTable", "Weight (kg)"),
        "weight",
        lambda r: quantity_text(r.unit_weight_kg),
        10,
        True,
    ),
    _col(QT_TRANSLATE_NOOP("ProductsTable", "Trade"), "trade", lambda r: r.trade_name or "", None),
)


def products_model(ctx: ServiceContext, parent: Any = None) -> FilteredTableModel:
    """Products by code (the filter is a trade's key)."""
    return FilteredTableModel(
        ctx,
        PRODUCT_COLUMNS,
        products.search_products,
        products.count_products,
        context=PRODUCTS,
        filter_name="trade_id",
        default_sort="code",
        parent=parent,
    )
