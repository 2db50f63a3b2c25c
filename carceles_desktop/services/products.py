"""Products: what the workshops make and sell, with SUNAT unit codes and prices.

The unit code is one of SUNAT's catalogue 03 codes (UN/ECE recommendation 20): NIU
unit, C62 piece, KGM kilogram, MTR metre, PR pair, DZN dozen …, kept in the editable
catalogue table; the delivery note prints it.  The weight of one unit, when known, lets
a delivery note compute its gross weight.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from uuid import UUID

from sqlalchemy import ColumnElement, select

from carceles_desktop.domain.catalogues import CatalogueEntry, Trade
from carceles_desktop.domain.commerce import Product
from carceles_desktop.domain.enums import CatalogueKind
from carceles_desktop.domain.rules.text import fold_pattern, search_key
from carceles_desktop.errors import Conflict, NotFound, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.commerce_common import (
    NumberInput,
    SortKey,
    add_record,
    by,
    check_page,
    clean,
    count_rows,
    decimal_value,
    load_record,
    not_retired,
    order_by,
    required_text,
    set_active,
    to_decimal,
    update_record,
)
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.storage.unit_of_work import UnitOfWork

_ENTITY = "product"
_FIELDS = ("code", "name", "trade_id", "unit_code", "unit_price", "unit_weight_kg")
_CODE = re.compile(r"[A-Z0-9][A-Z0-9._\-]{0,29}")
_LIKE_ESCAPE = "\\"


@dataclass(frozen=True)
class ProductInput:
    """A product's fields as a form holds them.

    Attributes:
        code: the product's own code (letters, digits, ``.``, ``_``, ``-``; upper-cased).
        name: the description printed on documents.
        unit_code: SUNAT catalogue 03 unit code (``NIU``, ``PR`` …).
        unit_price: list price of one unit, in soles (2 decimals).
        trade_id: the trade that makes it, when it matters.
        unit_weight_kg: weight of one unit in kg (3 decimals), for the gross weight.
    """

    code: str
    name: str
    unit_code: str
    unit_price: NumberInput = Decimal(0)
    trade_id: int | None = None
    unit_weight_kg: NumberInput | None = None


@dataclass(frozen=True)
class ProductRow:
    """A product as lists, pickers and documents show it."""

    id: int
    uuid: UUID
    code: str
    name: str
    trade_id: int | None
    trade_name: str | None
    unit_code: str
    unit_price: Decimal
    unit_weight_kg: Decimal | None
    active: bool


def _checked(uow: UnitOfWork, data: ProductInput) -> dict[str, object]:
    code = clean(data.code).upper()
    if not _CODE.fullmatch(code):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "A product code has 1 to 30 letters, digits, dots, hyphens or underscores.",
            ),
            field="code",
        )
    name = required_text(
        data.name, "name", 160, QT_TRANSLATE_NOOP("errors", "Enter the product's name.")
    )
    unit = clean(data.unit_code).upper()
    known = uow.session.scalar(
        select(CatalogueEntry.id).where(
            CatalogueEntry.catalogue == CatalogueKind.SUNAT_UNIT,
            CatalogueEntry.code == unit,
            CatalogueEntry.active.is_(True),
        )
    )
    if known is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "“{code}” is not a unit of the SUNAT list (NIU, PR, KGM …)."
            ),
            field="unit_code",
            code=unit,
        )
    if data.trade_id is not None and uow.session.get(Trade, data.trade_id) is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no trade with the key {key}."),
            field="trade",
            key=data.trade_id,
        )
    return {
        "code": code,
        "name": name,
        "trade_id": data.trade_id,
        "unit_code": unit,
        "unit_price": decimal_value(data.unit_price, "unit_price", places=2),
        "unit_weight_kg": to_decimal(data.unit_weight_kg, "unit_weight_kg", places=3),
    }


def _check_unique(uow: UnitOfWork, code: str, own: int | None) -> None:
    other = uow.session.scalar(select(Product.id).where(Product.code == code))
    if other is not None and other != own:
        raise Conflict(
            QT_TRANSLATE_NOOP("errors", "Another product already has the code {code}."),
            field="code",
            code=code,
        )


def _row(product: Product, trade_name: str | None) -> ProductRow:
    return ProductRow(
        id=product.id,
        uuid=product.uuid,
        code=product.code,
        name=product.name,
        trade_id=product.trade_id,
        trade_name=trade_name,
        unit_code=product.unit_code,
        unit_price=product.unit_price,
        unit_weight_kg=product.unit_weight_kg,
        active=product.active,
    )


def _trade_name(uow: UnitOfWork, trade_id: int | None) -> str | None:
    return (
        None
        if trade_id is None
        else uow.session.scalar(select(Trade.name).where(Trade.id == trade_id))
    )


def load_product(uow: UnitOfWork, product_id: int) -> Product:
    """Return the product record (for the other commerce services).

    Raises:
        NotFound: no product has that key.
    """
    return load_record(
        uow,
        Product,
        product_id,
        QT_TRANSLATE_NOOP("errors", "There is no product with the key {key}."),
        "product",
    )


def create_product(uow: UnitOfWork, actor: Actor, data: ProductInput) -> ProductRow:
    """Add a product to the catalogue.

    Raises:
        PermissionDenied: the actor may not edit products.
        ValidationError: a field is wrong (unknown unit code, negative price …).
        NotFound: the trade does not exist.
        Conflict: another product has the same code.
    """
    require(actor, Action.EDIT_CLIENTS)
    values = _checked(uow, data)
    _check_unique(uow, str(values["code"]), None)
    product = Product(**values, name_key=search_key(str(values["name"]), str(values["code"])))
    add_record(
        uow,
        actor,
        product,
        values,
        entity=_ENTITY,
        summary=f"Added product {product.code} {product.name}",
    )
    return _row(product, _trade_name(uow, product.trade_id))


def update_product(
    uow: UnitOfWork, actor: Actor, product_id: int, data: ProductInput
) -> ProductRow:
    """Change a product.  Orders keep their own prices; issued notes keep their text.

    Raises:
        PermissionDenied: the actor may not edit products.
        NotFound: the product or trade does not exist.
        ValidationError: a field is wrong.
        Conflict: another product has the same code.
    """
    require(actor, Action.EDIT_CLIENTS)
    product = load_product(uow, product_id)
    values = _checked(uow, data)
    _check_unique(uow, str(values["code"]), product.id)
    update_record(
        uow,
        actor,
        product,
        values,
        fields=_FIELDS,
        entity=_ENTITY,
        label=f"product {values['code']}",
        key_fields=("name", "code"),
    )
    return _row(product, _trade_name(uow, product.trade_id))


def set_product_active(uow: UnitOfWork, actor: Actor, product_id: int, active: bool) -> ProductRow:
    """Retire a product from the pickers (or bring it back); its records stay.

    Raises:
        PermissionDenied: the actor may not edit products.
        NotFound: no product has that key.
    """
    require(actor, Action.EDIT_CLIENTS)
    product = load_product(uow, product_id)
    set_active(uow, actor, product, active, entity=_ENTITY, label=f"product {product.code}")
    return _row(product, _trade_name(uow, product.trade_id))


def get_product(uow: UnitOfWork, actor: Actor, product_id: int) -> ProductRow:
    """Return one product.

    Raises:
        PermissionDenied: the actor may not view records.
        NotFound: no product has that key.
    """
    require(actor, Action.VIEW)
    product = load_product(uow, product_id)
    return _row(product, _trade_name(uow, product.trade_id))


#: Sort keys of :func:`search_products`, one per heading of the products list.  The page
#: query joins the trade, so its name is read directly.
PRODUCT_SORTS: Mapping[str, SortKey] = {
    "code": by(Product.code),
    "name": by(Product.name_key),  # folded: accents and capitals do not reorder
    "unit": by(Product.unit_code),
    "price": by(Product.unit_price),
    "weight": by(Product.unit_weight_kg, nullable=True),
    "trade": by(Trade.name, nullable=True),
}


def _filters(text: str, trade_id: int | None, include_inactive: bool) -> list[ColumnElement[bool]]:
    filters: list[ColumnElement[bool]] = []
    if text.strip():
        # name_key holds the folded name and code.
        filters.append(Product.name_key.like(fold_pattern(text), escape=_LIKE_ESCAPE))
    if trade_id is not None:
        filters.append(Product.trade_id == trade_id)
    if not include_inactive:
        filters.append(not_retired(Product))
    return filters


def search_products(
    uow: UnitOfWork,
    actor: Actor,
    *,
    text: str = "",
    trade_id: int | None = None,
    include_inactive: bool = False,
    sort: str = "code",
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> list[ProductRow]:
    """Return one page of products, by code unless sorted otherwise.

    Args:
        uow: an open unit of work (read-only is enough).
        actor: who looks.
        text: words found anywhere in the name or code, ignoring case and accents.
        trade_id: only products of this trade.
        include_inactive: list retired products too.
        sort: one of :data:`PRODUCT_SORTS`; ties are broken by id, so pages are stable,
            and products without a weight or trade come last both ways.
        descending: reverse the order.
        offset: rows to skip.
        limit: most rows to return (at most 1000).

    Raises:
        PermissionDenied: the actor may not view records.
        ValueError: an unknown sort key or a bad page (a programming error).
    """
    require(actor, Action.VIEW)
    offset, limit = check_page(offset, limit)
    order = order_by(PRODUCT_SORTS, sort, Product.id, descending=descending)
    query = (
        select(Product, Trade.name)
        .outerjoin(Trade, Trade.id == Product.trade_id)
        .where(*_filters(text, trade_id, include_inactive))
        .order_by(*order)
        .offset(offset)
        .limit(limit)
    )
    return [_row(product, trade) for product, trade in uow.session.execute(query).all()]


def count_products(
    uow: UnitOfWork,
    actor: Actor,
    *,
    text: str = "",
    trade_id: int | None = None,
    include_inactive: bool = False,
) -> int:
    """Count the products :func:`search_products` would page through.

    Raises:
        PermissionDenied: the actor may not view records.
    """
    require(actor, Action.VIEW)
    return count_rows(uow, Product, _filters(text, trade_id, include_inactive))
