"""Checking and filling a delivery-note draft (used by :mod:`.deliveries`).

Rules of a draft:

* the client is active; the order, when given, is his, alive, of the same establishment;
  the agreement, when given, is his (an order's agreement is taken by default);
* addresses: departure defaults to the establishment's, arrival to the client's; both
  need an address and a 6-digit ubigeo;
* transport 01 (public) needs the carrier's RUC and name; 02 (private) the vehicle's
  plate and the driver's name and licence;
* the transfer starts on or after the issue date; observations fit 250 characters;
* every line takes a positive quantity from a finished batch of the establishment,
  each batch once, no more than the batch has left now (issuing checks again, for
  good); a batch made for an order still alive goes only on that order's notes, and a
  note for an order carries only that order's products;
* the gross weight, when not given, is the sum of quantity × unit weight (3 decimals).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from carceles_desktop.domain.catalogues import CatalogueEntry, Establishment
from carceles_desktop.domain.commerce import Order, OrderLine
from carceles_desktop.domain.deliveries import Delivery, DeliveryLine
from carceles_desktop.domain.enums import (
    BatchState,
    CatalogueKind,
    OrderState,
    TransportMode,
)
from carceles_desktop.domain.production import ProductionBatch
from carceles_desktop.domain.rules.identity import describe_ruc_problem, is_valid_ubigeo
from carceles_desktop.errors import Conflict, NotFound, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.agreements import load_agreement
from carceles_desktop.services.commerce_common import (
    NumberInput,
    clean,
    decimal_value,
    optional_text,
    required_text,
    to_decimal,
)
from carceles_desktop.services.enrolments import check_establishment_scope
from carceles_desktop.services.orders import load_order
from carceles_desktop.services.partners import load_partner
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.storage.unit_of_work import UnitOfWork

_PLATE = re.compile(r"[A-Z0-9]{1,3}-?[A-Z0-9]{3,4}")
_LICENCE = re.compile(r"[A-Z0-9\-]{5,20}")
_WEIGHT = Decimal("0.001")


@dataclass(frozen=True)
class DeliveryLineInput:
    """One line of a delivery form: a batch and how many of its units."""

    batch_id: int
    quantity: NumberInput


@dataclass(frozen=True)
class DeliveryInput:
    """A delivery note's fields as a form holds them.

    Attributes:
        partner_id: the client receiving the goods.
        issue_date: the intended issue day (issuing sets the real one).
        transfer_start_date: the day the goods leave (not before the issue).
        lines: at least one line.
        transfer_reason_code: SUNAT catalogue 20 (01 venta, 04 traslado …, 13 otros).
        departure_address: empty: the establishment's address.
        departure_ubigeo: empty: the establishment's ubigeo.
        arrival_address: empty: the client's address.
        arrival_ubigeo: empty: the client's ubigeo.
        transport_mode: 01 public or 02 private.
        carrier_ruc: the carrier's RUC (public transport).
        carrier_name: the carrier's name (public transport).
        vehicle_plate: the vehicle's plate (private transport).
        driver_name: the driver's name (private transport).
        driver_licence: the driver's licence number (private transport).
        gross_weight_kg: empty: computed from the products' unit weights.
        packages: number of packages.
        order_id: the order the note serves.
        agreement_id: the convenio it falls under (empty: the order's).
        observations: up to 250 characters.
        dispatched_by: who dispatches the goods (signs the note).
    """

    partner_id: int
    issue_date: date
    transfer_start_date: date
    lines: Sequence[DeliveryLineInput]
    transfer_reason_code: str = "01"
    departure_address: str | None = None
    departure_ubigeo: str | None = None
    arrival_address: str | None = None
    arrival_ubigeo: str | None = None
    transport_mode: TransportMode = TransportMode.PRIVATE
    carrier_ruc: str | None = None
    carrier_name: str | None = None
    vehicle_plate: str | None = None
    driver_name: str | None = None
    driver_licence: str | None = None
    gross_weight_kg: NumberInput | None = None
    packages: int = 1
    order_id: int | None = None
    agreement_id: int | None = None
    observations: str | None = None
    dispatched_by: str | None = None


def check_line_scope(uow: UnitOfWork, actor: Actor, delivery: Delivery) -> None:
    """Refuse a supervisor a note that draws from a workshop not assigned to him.

    Raises:
        PermissionDenied: naming the user.
    """
    query = select(ProductionBatch.workshop_id).where(
        ProductionBatch.id.in_([line.batch_id for line in delivery.lines])
    )
    for workshop_id in set(uow.session.scalars(query)):
        require(actor, Action.ISSUE_DELIVERIES, workshop_id=workshop_id)


def _address(address: str | None, ubigeo: str | None, prefix: str) -> tuple[str, str]:
    text = required_text(
        address,
        f"{prefix}_address",
        200,
        QT_TRANSLATE_NOOP("errors", "Enter the address (none is on record to take)."),
    )
    code = clean(ubigeo)
    if not is_valid_ubigeo(code):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "An ubigeo has 6 digits, e.g. 150132."),
            field=f"{prefix}_ubigeo",
        )
    return text, code


def _transport(data: DeliveryInput) -> dict[str, object]:
    """Return the transport columns to store, checked for the chosen mode."""
    try:
        mode = TransportMode(data.transport_mode)
    except ValueError:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Choose public (01) or private (02) transport."),
            field="transport_mode",
        ) from None
    values: dict[str, object] = dict.fromkeys(
        ("carrier_ruc", "carrier_name", "vehicle_plate", "driver_name", "driver_licence")
    )
    values["transport_mode"] = mode
    if mode is TransportMode.PUBLIC:
        ruc = "".join(clean(data.carrier_ruc).split())
        problem = describe_ruc_problem(ruc)
        if problem:
            raise ValidationError(problem, field="carrier_ruc")
        values["carrier_ruc"] = ruc
        values["carrier_name"] = required_text(
            data.carrier_name,
            "carrier_name",
            160,
            QT_TRANSLATE_NOOP("errors", "Enter the carrier's name."),
        )
        return values
    plate = clean(data.vehicle_plate).upper().replace(" ", "")
    if not _PLATE.fullmatch(plate):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Enter the vehicle's plate, e.g. ABC-123."),
            field="vehicle_plate",
        )
    values["driver_name"] = required_text(
        data.driver_name,
        "driver_name",
        120,
        QT_TRANSLATE_NOOP("errors", "Enter the driver's name."),
    )
    licence = clean(data.driver_licence).upper().replace(" ", "")
    if not _LICENCE.fullmatch(licence):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Enter the driver's licence number, e.g. Q12345678."),
            field="driver_licence",
        )
    values["vehicle_plate"], values["driver_licence"] = plate, licence
    return values


def _order(uow: UnitOfWork, data: DeliveryInput) -> Order | None:
    if data.order_id is None:
        return None
    order = load_order(uow, data.order_id)
    if order.partner_id != data.partner_id:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Order {number} is of another client."),
            field="order",
            number=order.number,
        )
    if order.state is OrderState.ANULADO:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Order {number} is annulled."),
            field="order",
            number=order.number,
        )
    return order


def _check_batch(
    uow: UnitOfWork, actor: Actor, batch: ProductionBatch, order: Order | None, at: str
) -> None:
    require(actor, Action.ISSUE_DELIVERIES, workshop_id=batch.workshop_id)
    if batch.state is not BatchState.TERMINADO:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "Batch {code} is {state}; only finished batches are delivered."
            ),
            field=f"{at}.batch",
            code=batch.code,
            state=batch.state.value,
        )
    if batch.order_line_id is not None:
        reserved: Order = uow.session.get_one(OrderLine, batch.order_line_id).order
        if reserved.state is not OrderState.ANULADO and (order is None or reserved.id != order.id):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Batch {code} was made for order {number}; deliver it on "
                    "a note for that order.",
                ),
                field=f"{at}.batch",
                code=batch.code,
                number=reserved.number,
            )
    if order is not None and batch.product_id not in {line.product_id for line in order.lines}:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "Order {number} does not ask for the product of batch {code}."
            ),
            field=f"{at}.batch",
            code=batch.code,
            number=order.number,
        )


def _lines(
    uow: UnitOfWork, actor: Actor, data: DeliveryInput, order: Order | None
) -> tuple[list[DeliveryLine], int, Decimal]:
    """Return the lines, the establishment of their batches and their computed weight."""
    if not data.lines:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A delivery note needs at least one line."), field="lines"
        )
    lines: list[DeliveryLine] = []
    establishments: set[int] = set()
    weight = Decimal(0)
    for index, item in enumerate(data.lines):
        at = f"lines[{index}]"
        batch = uow.session.get(ProductionBatch, item.batch_id)
        if batch is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("errors", "There is no batch with the key {key}."),
                field=f"{at}.batch",
                key=item.batch_id,
            )
        if any(line.batch_id == batch.id for line in lines):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Batch {code} is on two lines; join them."),
                field=f"{at}.batch",
                code=batch.code,
            )
        _check_batch(uow, actor, batch, order, at)
        quantity = decimal_value(item.quantity, f"{at}.quantity", places=3, positive=True)
        left = batch.accepted_quantity - batch.delivered_quantity
        if quantity > left:
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Batch {code} has only {left} {unit} left; this note asks for {wanted}.",
                ),
                field=f"{at}.quantity",
                code=batch.code,
                left=str(left),
                unit=batch.product.unit_code,
                wanted=str(quantity),
            )
        product = batch.product
        establishments.add(batch.workshop.establishment_id)
        weight += quantity * (product.unit_weight_kg or 0)
        lines.append(
            DeliveryLine(
                position=index,
                batch_id=batch.id,
                product_id=product.id,
                description=product.name,
                unit_code=product.unit_code,
                quantity=quantity,
            )
        )
    if len(establishments) > 1:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "All the batches of a note must be of one establishment."),
            field="lines",
        )
    return lines, establishments.pop(), weight.quantize(_WEIGHT)


def _reason(uow: UnitOfWork, code: str) -> str:
    reason = clean(code)
    known = uow.session.scalar(
        select(CatalogueEntry.id).where(
            CatalogueEntry.catalogue == CatalogueKind.SUNAT_TRANSFER_REASON,
            CatalogueEntry.code == reason,
            CatalogueEntry.active.is_(True),
        )
    )
    if known is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "Choose the reason for the transfer (01 venta, 13 otros …)."
            ),
            field="transfer_reason_code",
        )
    return reason


def apply_draft(uow: UnitOfWork, actor: Actor, delivery: Delivery, data: DeliveryInput) -> None:
    """Check ``data`` and write it into the draft ``delivery`` (lines replaced).

    Raises:
        PermissionDenied, NotFound, ValidationError, Conflict: see the module's rules.
    """
    partner = load_partner(uow, data.partner_id)
    if not partner.active:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{name} is retired; reactivate the partner first."),
            field="partner",
            name=partner.name,
        )
    order = _order(uow, data)
    lines, establishment_id, weight = _lines(uow, actor, data, order)
    check_establishment_scope(actor, establishment_id)
    if order is not None and order.establishment_id != establishment_id:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Order {number} belongs to another establishment."),
            field="order",
            number=order.number,
        )
    agreement_id = (
        data.agreement_id
        if data.agreement_id is not None
        else (order.agreement_id if order is not None else None)
    )
    if agreement_id is not None and load_agreement(uow, agreement_id).partner_id != partner.id:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "That agreement is with another partner."),
            field="agreement",
        )
    if data.transfer_start_date < data.issue_date:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The transfer cannot start before the issue date {day}."),
            field="transfer_start_date",
            day=data.issue_date.isoformat(),
        )
    if not 0 <= data.packages <= 100_000:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Enter the number of packages."), field="packages"
        )
    establishment = uow.session.get_one(Establishment, establishment_id)
    departure = _address(
        data.departure_address or establishment.address,
        data.departure_ubigeo or establishment.ubigeo,
        "departure",
    )
    arrival = _address(
        data.arrival_address or partner.address, data.arrival_ubigeo or partner.ubigeo, "arrival"
    )
    given_weight = to_decimal(data.gross_weight_kg, "gross_weight_kg", places=3)
    reason = _reason(uow, data.transfer_reason_code)
    transport = _transport(data)
    observations = optional_text(data.observations, "observations", 250)
    dispatched_by = optional_text(data.dispatched_by, "dispatched_by", 120)
    # Everything is checked: only now is the draft written, so a refusal changes nothing.
    for name, value in transport.items():
        setattr(delivery, name, value)
    delivery.transfer_reason_code = reason
    delivery.establishment_id = establishment_id
    delivery.partner_id = partner.id
    delivery.partner = partner
    delivery.order_id = order.id if order is not None else None
    delivery.agreement_id = agreement_id
    delivery.issue_date, delivery.transfer_start_date = data.issue_date, data.transfer_start_date
    delivery.departure_address, delivery.departure_ubigeo = departure
    delivery.arrival_address, delivery.arrival_ubigeo = arrival
    delivery.gross_weight_kg = weight if given_weight is None else given_weight
    delivery.packages = data.packages
    delivery.observations = observations
    delivery.dispatched_by = dispatched_by
    delivery.lines = lines
