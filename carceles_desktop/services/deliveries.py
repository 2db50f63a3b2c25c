"""Delivery notes (*notas de entrega*): what left the prison, for whom, from which batch.

A note is prepared as a draft (``borrador``, no number), then issued (``emitida``),
then received (``recibida``) with the receiver's name, document and date; an issued or
received note may be annulled (``anulada``).  Its lines draw accepted units from
finished batches.

Issuing is where units leave a batch, so it is where over-delivery is stopped, even
when two windows or processes issue at the same moment:

* each line's units are taken with a guarded ``UPDATE … SET delivered_quantity =
  delivered_quantity + q WHERE … delivered_quantity + q <= accepted_quantity``; the
  second of two issuers either waits for the first (SQLite's ``BEGIN IMMEDIATE``, the
  row lock on PostgreSQL) and then finds too few units, and is refused with what is
  left; the CHECK constraint on the batch table is the last line of defence;
* the number comes from the gapless series ``<establishment>-<series>`` (setting
  ``delivery_series``, default ``NE01``) in the same transaction, so a refused or
  rolled-back issue burns no number.

Annulling keeps the note and its number (it prints ANULADA) and gives its units back
to the batches.  The order a note serves follows automatically (see :mod:`.orders`).
Reading is in :mod:`.delivery_queries`; the document's data in :mod:`.delivery_note_data`.
"""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from sqlalchemy import CursorResult, select, update

from carceles_desktop.domain.catalogues import Establishment
from carceles_desktop.domain.deliveries import Delivery
from carceles_desktop.domain.enums import BatchState, DeliveryState
from carceles_desktop.domain.production import ProductionBatch
from carceles_desktop.domain.rules.serials import delivery_number
from carceles_desktop.errors import Conflict, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import audit, numbering
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.commerce_common import clean, required_text
from carceles_desktop.services.delivery_drafts import (
    DeliveryInput,
    DeliveryLineInput,
    apply_draft,
    check_line_scope,
)
from carceles_desktop.services.delivery_queries import (
    DeliveryDetail,
    DeliveryRow,
    count_deliveries,
    delivery_detail,
    get_delivery,
    load_delivery,
    search_deliveries,
)
from carceles_desktop.services.enrolments import check_establishment_scope, check_reason, today_or
from carceles_desktop.services.orders import refresh_order_state
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.services.settings import get_settings
from carceles_desktop.storage.unit_of_work import UnitOfWork

__all__ = [
    "DeliveryDetail",
    "DeliveryInput",
    "DeliveryLineInput",
    "DeliveryRow",
    "annul_delivery",
    "count_deliveries",
    "create_delivery_draft",
    "delete_delivery_draft",
    "get_delivery",
    "issue_delivery",
    "receive_delivery",
    "record_delivery_print",
    "search_deliveries",
    "update_delivery_draft",
]

_ENTITY = "delivery"
_NAME_WIDTH = 120
_DOC_WIDTH = 15


def _audit(
    uow: UnitOfWork,
    actor: Actor,
    delivery: Delivery,
    action: str,
    summary: str,
    changes: dict[str, Any],
) -> None:
    label = delivery.number or f"draft {delivery.id}"
    audit.record(
        uow,
        actor,
        action,
        _ENTITY,
        entity_uuid=delivery.uuid,
        summary=f"Delivery note {label}: {summary}",
        changes=changes,
    )


def _in_state(delivery: Delivery, *states: DeliveryState) -> None:
    if delivery.state not in states:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "errors", "Delivery note {number} is {state}; that cannot be done now."
            ),
            number=delivery.number or "—",
            state=delivery.state.value,
        )


def _lines_summary(delivery: Delivery) -> list[list[Any]]:
    return [[line.batch_id, line.quantity] for line in delivery.lines]


# --------------------------------------------------------------------------- drafts


def create_delivery_draft(uow: UnitOfWork, actor: Actor, data: DeliveryInput) -> DeliveryDetail:
    """Prepare a delivery note (``borrador``; numbered only when issued).

    Each line names a finished batch and a quantity; description, unit and product
    come from the batch's product.  Addresses left empty come from the establishment
    (departure) and the client (arrival); an empty gross weight is computed from the
    products' unit weights.

    Raises:
        PermissionDenied: the actor may not prepare deliveries from a batch's workshop.
        NotFound: the client, order, agreement or a batch does not exist.
        ValidationError: a field is wrong (``lines[i].quantity`` for lines).
        Conflict: a batch has fewer units left than a line asks for.
    """
    require(actor, Action.ISSUE_DELIVERIES)
    delivery = Delivery(state=DeliveryState.BORRADOR, series=get_settings(uow).delivery_series)
    apply_draft(uow, actor, delivery, data)
    uow.session.add(delivery)
    uow.session.flush()
    _audit(
        uow,
        actor,
        delivery,
        "create",
        f"draft for {delivery.partner.name}",
        {"partner_id": [None, delivery.partner_id], "lines": [None, _lines_summary(delivery)]},
    )
    return delivery_detail(uow, delivery)


def update_delivery_draft(
    uow: UnitOfWork, actor: Actor, delivery_id: int, data: DeliveryInput
) -> DeliveryDetail:
    """Change a draft; its lines are replaced by those given.

    Raises:
        PermissionDenied: as for :func:`create_delivery_draft`, for the old lines too.
        NotFound: the draft, client, order, agreement or a batch does not exist.
        ValidationError: a field is wrong.
        Conflict: the note is no longer a draft, or a batch has too few units left.
    """
    require(actor, Action.ISSUE_DELIVERIES)
    delivery = load_delivery(uow, delivery_id, lock=True)
    check_establishment_scope(actor, delivery.establishment_id)
    check_line_scope(uow, actor, delivery)
    _in_state(delivery, DeliveryState.BORRADOR)
    before = _lines_summary(delivery)
    apply_draft(uow, actor, delivery, data)
    uow.session.flush()
    _audit(
        uow,
        actor,
        delivery,
        "update",
        "draft changed",
        {"lines": [before, _lines_summary(delivery)]},
    )
    return delivery_detail(uow, delivery)


def delete_delivery_draft(uow: UnitOfWork, actor: Actor, delivery_id: int) -> None:
    """Delete a draft (it has no number, so no gap is left).

    Raises:
        PermissionDenied: the actor may not prepare deliveries from its batches.
        NotFound: no delivery has that key.
        Conflict: the note was issued: annul it instead.
    """
    require(actor, Action.ISSUE_DELIVERIES)
    delivery = load_delivery(uow, delivery_id, lock=True)
    check_establishment_scope(actor, delivery.establishment_id)
    check_line_scope(uow, actor, delivery)
    _in_state(delivery, DeliveryState.BORRADOR)
    _audit(
        uow, actor, delivery, "delete", "draft deleted", {"lines": [_lines_summary(delivery), None]}
    )
    uow.session.delete(delivery)
    uow.session.flush()


# --------------------------------------------------------------------------- issue


def _take_units(uow: UnitOfWork, delivery: Delivery) -> None:
    """Add each line's units to its batch's delivered quantity, or refuse with what is left."""
    # Batches in key order: two notes sharing batches lock them in the same order on
    # PostgreSQL, so they queue instead of deadlocking.
    for line in sorted(delivery.lines, key=lambda item: (item.batch_id, item.position)):
        taken = ProductionBatch.delivered_quantity + line.quantity
        statement = (
            update(ProductionBatch)
            .where(
                ProductionBatch.id == line.batch_id,
                ProductionBatch.state == BatchState.TERMINADO,
                taken <= ProductionBatch.accepted_quantity,
            )
            .values(delivered_quantity=taken)
            .execution_options(synchronize_session=False)
        )
        result = cast(CursorResult[Any], uow.session.execute(statement))
        if result.rowcount == 1:
            continue
        batch = uow.session.scalar(
            select(ProductionBatch)
            .where(ProductionBatch.id == line.batch_id)
            .execution_options(populate_existing=True)
        )
        if batch is None:  # the line's foreign key makes this impossible
            raise RuntimeError(f"delivery line {line.id} points at no batch")
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "errors", "Batch {code} has only {left} {unit} left; this note asks for {wanted}."
            )
            if batch.state is BatchState.TERMINADO
            else QT_TRANSLATE_NOOP("errors", "Batch {code} is {state}; it cannot be delivered."),
            field=f"lines[{line.position}].quantity",
            code=batch.code,
            left=str(batch.accepted_quantity - batch.delivered_quantity),
            unit=line.unit_code,
            wanted=str(line.quantity),
            state=batch.state.value,
        )
    # The UPDATEs bypassed the session: forget any batch it holds so the next read is fresh.
    for line in delivery.lines:
        batch = uow.session.get(ProductionBatch, line.batch_id)
        if batch is not None:
            uow.session.expire(batch)


def issue_delivery(uow: UnitOfWork, actor: Actor, delivery_id: int, *, on: date) -> DeliveryDetail:
    """Issue a draft on ``on``: take its units from the batches and give it its number.

    Raises:
        PermissionDenied: the actor may not issue deliveries from a batch's workshop.
        NotFound: no delivery has that key.
        ValidationError: the transfer would start before ``on``.
        Conflict: the note is not a draft (e.g. another window issued it first), a
            batch has fewer units left than a line asks for (names the batch and what
            is left), or the series is exhausted.
    """
    require(actor, Action.ISSUE_DELIVERIES)
    delivery = load_delivery(uow, delivery_id, lock=True)
    check_establishment_scope(actor, delivery.establishment_id)
    check_line_scope(uow, actor, delivery)
    _in_state(delivery, DeliveryState.BORRADOR)
    if delivery.transfer_start_date < on:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The transfer cannot start before the issue date {day}."),
            field="transfer_start_date",
            day=on.isoformat(),
        )
    _take_units(uow, delivery)
    series = get_settings(uow).delivery_series
    establishment = uow.session.get_one(Establishment, delivery.establishment_id)
    # Taken last: the series row stays locked until commit, so hold it as briefly as we can.
    sequence = numbering.next_number(uow, "delivery", f"{establishment.code}-{series}")
    try:
        number = delivery_number(series, sequence)
    except ValueError:
        raise Conflict(
            QT_TRANSLATE_NOOP("errors", "Series {series} is full; choose a new delivery series."),
            series=series,
        ) from None
    delivery.series, delivery.sequence, delivery.number = series, sequence, number
    delivery.state, delivery.issue_date = DeliveryState.EMITIDA, on
    uow.session.flush()
    _audit(
        uow,
        actor,
        delivery,
        "issue",
        f"issued on {on} to {delivery.partner.name}",
        {
            "state": [DeliveryState.BORRADOR, DeliveryState.EMITIDA],
            "number": [None, number],
            "lines": _lines_summary(delivery),
        },
    )
    if delivery.order_id is not None:
        refresh_order_state(uow, actor, delivery.order_id)
    return delivery_detail(uow, delivery)


# --------------------------------------------------------------------------- after issue


def receive_delivery(
    uow: UnitOfWork,
    actor: Actor,
    delivery_id: int,
    *,
    name: str,
    doc: str,
    on: date,
    today: date | None = None,
) -> DeliveryDetail:
    """Record who received the goods, with his document, and when.

    Raises:
        PermissionDenied: the actor may not receive deliveries from a batch's workshop.
        NotFound: no delivery has that key.
        ValidationError: no name or document, or a date before the issue or in the future.
        Conflict: the note is not issued (a draft, already received, or annulled).
    """
    require(actor, Action.ISSUE_DELIVERIES)
    delivery = load_delivery(uow, delivery_id, lock=True)
    check_establishment_scope(actor, delivery.establishment_id)
    check_line_scope(uow, actor, delivery)
    _in_state(delivery, DeliveryState.EMITIDA)
    receiver = required_text(
        name,
        "received_by_name",
        _NAME_WIDTH,
        QT_TRANSLATE_NOOP("errors", "Enter the name of who received the goods."),
    )
    document = "".join(clean(doc).split()).upper()
    if not document or len(document) > _DOC_WIDTH or not document.replace("-", "").isalnum():
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "Enter the receiver's document number (up to 15 letters and digits)."
            ),
            field="received_by_doc",
        )
    if not delivery.issue_date <= on <= today_or(today):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Choose a day from the issue date {day} to today."),
            field="received_on",
            day=delivery.issue_date.isoformat(),
        )
    delivery.state = DeliveryState.RECIBIDA
    delivery.received_by_name, delivery.received_by_doc, delivery.received_on = (
        receiver,
        document,
        on,
    )
    uow.session.flush()
    _audit(
        uow,
        actor,
        delivery,
        "state_change",
        f"received on {on} by {receiver}",
        {
            "state": [DeliveryState.EMITIDA, DeliveryState.RECIBIDA],
            "received_by_name": [None, receiver],
            "received_by_doc": [None, document],
            "received_on": [None, on],
        },
    )
    return delivery_detail(uow, delivery)


def _return_units(uow: UnitOfWork, delivery: Delivery) -> None:
    for line in sorted(delivery.lines, key=lambda item: (item.batch_id, item.position)):
        given_back = ProductionBatch.delivered_quantity - line.quantity
        statement = (
            update(ProductionBatch)
            .where(ProductionBatch.id == line.batch_id, given_back >= 0)
            .values(delivered_quantity=given_back)
            .execution_options(synchronize_session=False)
        )
        result = cast(CursorResult[Any], uow.session.execute(statement))
        if result.rowcount != 1:
            # Only a hand-edited database gets here: refuse rather than make it worse.
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The batch of line {line} shows fewer delivered units than the "
                    "note; run the database check.",
                ),
                line=line.position + 1,
            )
        batch = uow.session.get(ProductionBatch, line.batch_id)
        if batch is not None:
            uow.session.expire(batch)


def annul_delivery(
    uow: UnitOfWork, actor: Actor, delivery_id: int, *, reason: str, on: date
) -> DeliveryDetail:
    """Annul an issued or received note; its units go back to their batches.

    The note keeps its number and prints ANULADA.

    Raises:
        PermissionDenied: the actor may not annul deliveries.
        NotFound: no delivery has that key.
        ValidationError: no reason, or ``on`` before the issue date.
        Conflict: the note is a draft (delete it instead) or already annulled.
    """
    require(actor, Action.ANNUL_DELIVERIES)
    delivery = load_delivery(uow, delivery_id, lock=True)
    check_establishment_scope(actor, delivery.establishment_id)
    _in_state(delivery, DeliveryState.EMITIDA, DeliveryState.RECIBIDA)
    text = check_reason(reason)
    if on < delivery.issue_date:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A note cannot be annulled before its issue date {day}."),
            field="on",
            day=delivery.issue_date.isoformat(),
        )
    _return_units(uow, delivery)
    before = delivery.state
    delivery.state, delivery.annulled_on, delivery.annul_reason = DeliveryState.ANULADA, on, text
    uow.session.flush()
    _audit(
        uow,
        actor,
        delivery,
        "annul",
        f"annulled on {on}: {text}",
        {"state": [before, DeliveryState.ANULADA], "returned": _lines_summary(delivery)},
    )
    if delivery.order_id is not None:
        refresh_order_state(uow, actor, delivery.order_id)
    return delivery_detail(uow, delivery)


def record_delivery_print(uow: UnitOfWork, actor: Actor, delivery_id: int) -> int:
    """Count a print of the note (the document says which copy it is) and audit it.

    Returns:
        The number of prints so far, this one included.

    Raises:
        PermissionDenied: the actor may not print.
        NotFound: no delivery has that key.
    """
    require(actor, Action.PRINT_REPORTS)
    delivery = load_delivery(uow, delivery_id, lock=True)
    check_establishment_scope(actor, delivery.establishment_id)
    delivery.print_count += 1
    uow.session.flush()
    _audit(
        uow,
        actor,
        delivery,
        "print",
        f"printed (copy {delivery.print_count})",
        {"print_count": [delivery.print_count - 1, delivery.print_count]},
    )
    return delivery.print_count
