"""The commerce lists' columns: batches, delivery notes, orders, clients and products.

Each list pages through its service with the search text and one filter chosen beside
the search box (a state, or a client's kind).  The services order the rows themselves
(newest first for batches, notes and orders; by name or code for clients and
products) and take no sort key, so these lists are not sorted by clicking a heading:
every column carries the service's one order as its sort key.
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

#: The sort key of every commerce column: the service's own order.
SERVICE_ORDER = "service"

#: search(uow, actor, text=, filter=, offset=, limit=) and count(uow, actor, text=, filter=).
Search = Callable[..., Sequence[Any]]
Count = Callable[..., int]


def _col(
    title: str, value: Callable[[Any], str], width: int | None, numeric: bool = False
) -> Column:
    return Column(title, value, SERVICE_ORDER, numeric=numeric, width=width)


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
            default_sort=SERVICE_ORDER,
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
    _col(QT_TRANSLATE_NOOP("BatchesTable", "Batch"), lambda r: r.code, 24),
    _col(
        QT_TRANSLATE_NOOP("BatchesTable", "Product"),
        lambda r: f"{r.product_name} ({r.product_code})",
        24,
    ),
    _col(QT_TRANSLATE_NOOP("BatchesTable", "State"), lambda r: commerce_label(r.state), 11),
    _col(
        QT_TRANSLATE_NOOP("BatchesTable", "Planned"),
        lambda r: f"{quantity_text(r.planned_quantity)} {r.unit_code}",
        10,
        True,
    ),
    _col(
        QT_TRANSLATE_NOOP("BatchesTable", "Accepted"),
        lambda r: quantity_text(r.accepted_quantity),
        9,
        True,
    ),
    _col(
        QT_TRANSLATE_NOOP("BatchesTable", "Left"),
        lambda r: quantity_text(r.remaining),
        7,
        True,
    ),
    _col(QT_TRANSLATE_NOOP("BatchesTable", "Start"), lambda r: date_text(r.starts_on), 12),
    _col(QT_TRANSLATE_NOOP("BatchesTable", "End"), lambda r: date_text(r.ends_on), 12),
    _col(QT_TRANSLATE_NOOP("BatchesTable", "Workshop"), lambda r: r.workshop_code, 18),
    _col(QT_TRANSLATE_NOOP("BatchesTable", "Order"), lambda r: r.order_number or "", None),
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
        parent=parent,
    )


# --------------------------------------------------------------------------- deliveries

DELIVERIES = "DeliveriesTable"


DELIVERY_COLUMNS = (
    _col(QT_TRANSLATE_NOOP("DeliveriesTable", "Number"), lambda r: r.number or "—", 13),
    _col(
        QT_TRANSLATE_NOOP("DeliveriesTable", "Date"),
        lambda r: date_text(r.issue_date),
        12,
    ),
    _col(QT_TRANSLATE_NOOP("DeliveriesTable", "Client"), lambda r: r.partner_name, 30),
    _col(
        QT_TRANSLATE_NOOP("DeliveriesTable", "Order"),
        lambda r: r.order_number or "",
        14,
    ),
    _col(
        QT_TRANSLATE_NOOP("DeliveriesTable", "Lines"),
        lambda r: str(r.line_count),
        6,
        True,
    ),
    _col(
        QT_TRANSLATE_NOOP("DeliveriesTable", "Units"),
        lambda r: quantity_text(r.total_quantity),
        8,
        True,
    ),
    _col(
        QT_TRANSLATE_NOOP("DeliveriesTable", "State"),
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
        parent=parent,
    )


# --------------------------------------------------------------------------- orders

ORDERS = "OrdersTable"
ORDER_COLUMNS = (
    _col(QT_TRANSLATE_NOOP("OrdersTable", "Number"), lambda r: r.number, 24),
    _col(QT_TRANSLATE_NOOP("OrdersTable", "Client"), lambda r: r.partner_name, 28),
    _col(QT_TRANSLATE_NOOP("OrdersTable", "Ordered"), lambda r: date_text(r.ordered_on), 12),
    _col(QT_TRANSLATE_NOOP("OrdersTable", "Due"), lambda r: date_text(r.due_on), 12),
    _col(
        QT_TRANSLATE_NOOP("OrdersTable", "Delivered"),
        lambda r: f"{quantity_text(r.delivered_quantity)} / {quantity_text(r.ordered_quantity)}",
        12,
        True,
    ),
    _col(QT_TRANSLATE_NOOP("OrdersTable", "Total"), lambda r: money_text(r.total), 13, True),
    _col(QT_TRANSLATE_NOOP("OrdersTable", "State"), lambda r: commerce_label(r.state), None),
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
        parent=parent,
    )


# --------------------------------------------------------------------------- clients

CLIENTS = "ClientsTable"
CLIENT_COLUMNS = (
    _col(QT_TRANSLATE_NOOP("ClientsTable", "Name"), lambda r: r.name, 34),
    _col(
        QT_TRANSLATE_NOOP("ClientsTable", "Document"),
        lambda r: document_text(r.id_type, r.id_number),
        18,
    ),
    _col(QT_TRANSLATE_NOOP("ClientsTable", "Kind"), lambda r: commerce_label(r.kind), 14),
    _col(QT_TRANSLATE_NOOP("ClientsTable", "Contact"), lambda r: r.contact_name or "", 20),
    _col(QT_TRANSLATE_NOOP("ClientsTable", "Phone"), lambda r: r.phone or "", None),
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
        parent=parent,
    )


# --------------------------------------------------------------------------- products

PRODUCTS = "ProductsTable"
PRODUCT_COLUMNS = (
    _col(QT_TRANSLATE_NOOP("ProductsTable", "Code"), lambda r: r.code, 14),
    _col(QT_TRANSLATE_NOOP("ProductsTable", "Name"), lambda r: r.name, 34),
    _col(QT_TRANSLATE_NOOP("ProductsTable", "Unit"), lambda r: r.unit_code, 6),
    _col(
        QT_TRANSLATE_NOOP("ProductsTable", "Price"),
        lambda r: money_text(r.unit_price),
        12,
        True,
    ),
    _col(
        QT_TRANSLATE_NOOP("ProductsTable", "Weight (kg)"),
        lambda r: quantity_text(r.unit_weight_kg),
        10,
        True,
    ),
    _col(QT_TRANSLATE_NOOP("ProductsTable", "Trade"), lambda r: r.trade_name or "", None),
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
        parent=parent,
    )
