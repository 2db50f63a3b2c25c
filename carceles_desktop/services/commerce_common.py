"""Small checks shared by the commerce services (partners, products, orders, batches, deliveries).

Every check raises :class:`ValidationError` naming the form field (``field="lines[2].quantity"``
for the third line of a list) so that a form can put the message beside it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal, InvalidOperation
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, false, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, aliased

from carceles_desktop.domain.base import Record
from carceles_desktop.domain.commerce import Partner, Product
from carceles_desktop.domain.enums import Role
from carceles_desktop.domain.rules.text import fold_pattern, search_key
from carceles_desktop.domain.workshops import Workshop
from carceles_desktop.errors import NotFound, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.storage.unit_of_work import UnitOfWork

#: Most rows one page of a list returns.
MAX_PAGE = 1000
#: The escape character of the LIKE patterns :func:`fold_pattern` builds.
LIKE_ESCAPE = "\\"
#: Width of a reason for annulling (the ``annul_reason`` columns).
REASON_WIDTH = 300

NumberInput = Decimal | int | str

_R = TypeVar("_R", bound=Record)
#: The catalogue records a user may retire from the pickers and edit in place.
Retirable = Partner | Product

_LARGEST = Decimal(10) ** 12

TOO_LONG = QT_TRANSLATE_NOOP("errors", "This text is longer than {width} characters.")


def clean(text: str | None) -> str:
    """Trim and collapse the spaces of what was typed (``None`` gives ``""``)."""
    return " ".join((text or "").split())


def required_text(value: str | None, field: str, width: int, missing: str) -> str:
    """Return the cleaned text, refusing an empty or too long one.

    Args:
        value: what was typed.
        field: the form field, for the error.
        width: the column's width.
        missing: the message (marked for translation) when the text is empty.

    Raises:
        ValidationError: empty or longer than ``width``.
    """
    text = clean(value)
    if not text:
        raise ValidationError(missing, field=field)
    if len(text) > width:
        raise ValidationError(TOO_LONG, field=field, width=width)
    return text


def optional_text(value: str | None, field: str, width: int) -> str | None:
    """Return the cleaned text or ``None`` when empty.

    Raises:
        ValidationError: longer than ``width``.
    """
    text = clean(value)
    if len(text) > width:
        raise ValidationError(TOO_LONG, field=field, width=width)
    return text or None


def to_decimal(
    value: NumberInput | None,
    field: str,
    *,
    places: int,
    positive: bool = False,
) -> Decimal | None:
    """Like :func:`decimal_value`, but an empty value gives ``None``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return decimal_value(value, field, places=places, positive=positive)


def decimal_value(
    value: NumberInput | None, field: str, *, places: int, positive: bool = False
) -> Decimal:
    """Read a number typed by the user or held by a form, refusing negatives.

    A comma is taken as the decimal point when there is no point ("12,5").

    Args:
        value: Decimal, int or text.
        field: the form field, for the error.
        places: the most decimals the column keeps (2 for money and hours, 3 for
            quantities).
        positive: refuse zero as well.

    Raises:
        ValidationError: empty, not a number, negative (or zero with ``positive``), or
            more decimals than ``places``.
    """
    if value is None or isinstance(value, bool) or (isinstance(value, str) and not value.strip()):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Enter a number."), field=field)
    try:
        if isinstance(value, str):
            text = value.strip()
            if "," in text and "." not in text:
                text = text.replace(",", ".")
            number = Decimal(text)
        else:
            number = Decimal(value)
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite():
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "“{value}” is not a number."), field=field, value=value
        )
    if number < 0 or (positive and number == 0):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Enter a number greater than zero.")
            if positive
            else QT_TRANSLATE_NOOP("errors", "The number cannot be negative."),
            field=field,
        )
    # 12 digits before the point is far above any real quantity or price, and keeps the
    # scaled integer inside a 64-bit column (and quantize below within its precision).
    if number >= _LARGEST:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The number {value} is too large."),
            field=field,
            value=str(number),
        )
    quantum = Decimal(1).scaleb(-places)
    if number != number.quantize(quantum, rounding=ROUND_DOWN):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Use at most {places} decimals."),
            field=field,
            places=places,
        )
    return number.quantize(quantum)


def check_page(offset: int, limit: int) -> tuple[int, int]:
    """Refuse a nonsensical page (a programming error) and cap its size.

    Raises:
        ValueError: a negative offset or a limit below 1.
    """
    if offset < 0 or limit < 1:
        raise ValueError(f"bad page: offset={offset}, limit={limit}")
    return offset, min(limit, MAX_PAGE)


def workshop_scope(actor: Actor) -> ColumnElement[bool] | None:
    """SQL condition on :class:`Workshop`: the workshops whose records the actor sees.

    A supervisor sees his workshops; a user bound to an establishment, its workshops;
    others (headquarters) all of them (``None``).
    """
    if actor.role is Role.SUPERVISOR:
        if not actor.workshop_ids:
            return false()
        return Workshop.id.in_(sorted(actor.workshop_ids))
    if actor.establishment_id is not None:
        return Workshop.establishment_id == actor.establishment_id
    return None


def changes_between(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Return ``{field: [before, after]}`` for the fields whose value changed."""
    return {
        name: [before.get(name), value]
        for name, value in after.items()
        if before.get(name) != value
    }


def snapshot(record: object, names: Iterable[str]) -> dict[str, Any]:
    """Return the named attributes of a record, for an audit entry's before/after."""
    return {name: getattr(record, name) for name in names}


def load_record(uow: UnitOfWork, model: type[_R], key: int, missing: str, field: str) -> _R:
    """Return the record of ``model`` with that key (for the ``load_*`` functions).

    Args:
        uow: an open unit of work.
        model: the mapped class.
        key: its primary key.
        missing: the message (marked for translation, with a ``{key}`` placeholder).
        field: the form field, for the error.

    Raises:
        NotFound: no record has that key.
    """
    record = uow.session.get(model, key)
    if record is None:
        raise NotFound(missing, field=field, key=key)
    return record


def not_retired(model: type[Retirable]) -> ColumnElement[bool]:
    """SQL condition: the record is not one of the retired ones.

    "Not one of the (few) retired" rather than "active": the page can then be read
    from the ordering index alone, without a table lookup per row skipped.
    """
    retired = aliased(model)
    return model.id.not_in(select(retired.id).where(retired.active.is_(False)))


def add_record(
    uow: UnitOfWork,
    actor: Actor,
    record: Record,
    values: Mapping[str, object],
    *,
    entity: str,
    summary: str,
) -> None:
    """Add a new record and audit its creation with every field's value."""
    uow.session.add(record)
    uow.session.flush()
    audit.record(
        uow,
        actor,
        "create",
        entity,
        entity_uuid=record.uuid,
        summary=summary,
        changes={name: [None, value] for name, value in values.items()},
    )


def update_record(
    uow: UnitOfWork,
    actor: Actor,
    record: Retirable,
    values: Mapping[str, object],
    *,
    fields: Iterable[str],
    entity: str,
    label: str,
    key_fields: tuple[str, str],
) -> None:
    """Write the fields that changed, refresh the search key, and audit the change.

    Args:
        uow: an open unit of work.
        actor: who changes it.
        record: the partner or product.
        values: the checked new values of ``fields``.
        fields: the editable fields (compared before and after).
        entity: the audit entity name.
        label: how the summary names the record ("partner Ana Núñez").
        key_fields: the two fields folded into ``name_key``.
    """
    changed = changes_between(snapshot(record, fields), values)
    if not changed:
        return
    for name, value in values.items():
        setattr(record, name, value)
    record.name_key = search_key(*(getattr(record, name) for name in key_fields))
    uow.session.flush()
    audit.record(
        uow,
        actor,
        "update",
        entity,
        entity_uuid=record.uuid,
        summary=f"Changed {label}: " + ", ".join(changed),
        changes=changed,
    )


def set_active(
    uow: UnitOfWork, actor: Actor, record: Retirable, active: bool, *, entity: str, label: str
) -> None:
    """Retire a record from the pickers (or bring it back), auditing a real change only."""
    if record.active == active:
        return
    audit.record(
        uow,
        actor,
        "state_change",
        entity,
        entity_uuid=record.uuid,
        summary=f"{'Reactivated' if active else 'Retired'} {label}",
        changes={"active": [record.active, active]},
    )
    record.active = active
    uow.session.flush()


def number_or_name(
    text: str,
    number: InstrumentedAttribute[str] | InstrumentedAttribute[str | None],
    link: InstrumentedAttribute[int],
    named: type[Retirable],
) -> ColumnElement[bool]:
    """SQL condition: the typed text is in a document's number or its partner's or product's name.

    Args:
        text: what was typed (not blank).
        number: the document's number or code column.
        link: the document's key column pointing at ``named``.
        named: :class:`Partner` or :class:`Product`, whose ``name_key`` holds the folded name.
    """
    pattern = fold_pattern(text)
    matching = select(named.id).where(named.name_key.like(pattern, escape=LIKE_ESCAPE))
    return or_(
        # Numbers are stored in capitals: an upper-case pattern finds them on both
        # databases without lower() on every row (SQLite's LIKE ignores ASCII case).
        number.like(pattern.upper(), escape=LIKE_ESCAPE),
        link.in_(matching),
    )


@dataclass(frozen=True)
class SortKey:
    """One order a list may be sorted in (a column heading's key).

    Attributes:
        columns: the SQL expressions compared in turn (correlated subqueries for what
            the list shows of a linked record).
        nullable: some rows may have no value; those come last both ways, on both
            databases (SQLite and PostgreSQL put NULLs at different ends by default).
        reverse: ascending means the largest key first (the "newest first" order).
    """

    columns: tuple[Any, ...] = ()
    nullable: bool = False
    reverse: bool = False


#: The key of the lists that show the newest record first (along the primary key).
NEWEST = "newest"
NEWEST_FIRST = SortKey(reverse=True)


def by(*columns: Any, nullable: bool = False) -> SortKey:
    """A sort key over these columns (shorthand for the lists' tables of keys)."""
    return SortKey(columns, nullable=nullable)


def linked(column: Any, *conditions: ColumnElement[bool], outer: type[Record]) -> Any:
    """A sort column read from a linked record: a subquery correlated to ``outer``'s row."""
    return select(column).where(*conditions).correlate(outer).scalar_subquery()


def order_by(sorts: Mapping[str, SortKey], sort: str, tie: Any, *, descending: bool) -> list[Any]:
    """ORDER BY clauses for the key ``sort``, ties broken by ``tie`` so pages are stable.

    Args:
        sorts: the keys the list knows.
        sort: the key asked for.
        tie: the record's id column.
        descending: reverse the order (empty values stay last).

    Raises:
        ValueError: an unknown sort key (a programming error).
    """
    key = sorts.get(sort)
    if key is None:
        raise ValueError(f"unknown sort {sort!r}; use one of {sorted(sorts)}")
    down = descending != key.reverse
    clauses = [column.desc() if down else column.asc() for column in key.columns]
    if key.nullable:
        clauses = [clause.nulls_last() for clause in clauses]
    return [*clauses, tie.desc() if down else tie.asc()]


def page_ids(
    uow: UnitOfWork,
    model: type[Record],
    filters: Iterable[ColumnElement[bool]],
    order: Sequence[Any],
    offset: int,
    limit: int,
) -> list[int]:
    """Return one page of the matching records' keys, in the list's order.

    A list reads the page's keys alone first, then only those rows joined to what they show.
    """
    page = select(model.id).where(*filters).order_by(*order).offset(offset).limit(limit)
    return list(uow.session.scalars(page))


def count_rows(uow: UnitOfWork, model: type[Record], filters: Iterable[ColumnElement[bool]]) -> int:
    """Count the records of ``model`` matching ``filters`` (what a list pages through)."""
    return int(uow.session.scalar(select(func.count()).select_from(model).where(*filters)) or 0)
