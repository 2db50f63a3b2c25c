"""Writing delivery notes: numbers, transport, weights, receivers and the audit trail."""

from __future__ import annotations

import math
import random

from carceles_desktop.domain.enums import DeliveryState as D
from carceles_desktop.domain.enums import PartnerKind, TransportMode
from carceles_desktop.domain.rules.serials import delivery_number
from carceles_desktop.services.demo.bulk import Bulk, Row, uuid_int
from carceles_desktop.services.demo.clock import office_time
from carceles_desktop.services.demo.deliveries import Shipment
from carceles_desktop.services.demo.production import Batch
from carceles_desktop.services.demo.world import EstablishmentInfo, PartnerInfo, World

_OBSERVATIONS = (
    None,
    None,
    "Mercadería revisada en el control de salida del establecimiento",
    "Entrega parcial del pedido",
    "Cada prenda lleva etiqueta con el código del interno que la elaboró",
    "Embalaje en cajas de cartón selladas",
)


def number_shipments(shipments: list[Shipment]) -> int:
    """Number the issued notes in the order they were issued; return the last number."""
    issued = sorted(
        (s for s in shipments if s.state is not D.BORRADOR), key=lambda s: (s.issue, s.id)
    )
    for sequence, shipment in enumerate(issued, start=1):
        shipment.sequence = sequence
    return len(issued)


def transport(rng: random.Random, world: World, partner: PartnerInfo) -> dict[str, object]:
    """The transport fields of a note: a carrier (mode 01) or a vehicle and driver (02)."""
    private = rng.random() < (0.7 if partner.kind is PartnerKind.COMPANY else 0.5)
    if not private:
        carrier = rng.choice(world.carriers)
        return {
            "transport_mode": TransportMode.PUBLIC.value,
            "carrier_ruc": carrier.ruc,
            "carrier_name": carrier.name,
            "vehicle_plate": None,
            "driver_name": None,
            "driver_licence": None,
        }
    letters = "ABCDFGHJKLMPRTVWXZ"
    # Peruvian plates: three letters or digits, a dash, three digits ("F4G-728").
    head = rng.choice(letters) + rng.choice(letters + "0123456789") + rng.choice(letters)
    plate = f"{head}-{rng.randrange(100, 1000)}"
    driver = rng.choice(world.drivers)
    return {
        "transport_mode": TransportMode.PRIVATE.value,
        "carrier_ruc": None,
        "carrier_name": None,
        "vehicle_plate": plate,
        "driver_name": driver[0],
        "driver_licence": f"Q{driver[1]}",
    }


def weight_and_packages(lines: list[tuple[Batch, int]]) -> tuple[int, int]:
    """Gross weight in grams (kilograms to 3 decimals) with packing, and packages."""
    grams = sum(quantity * batch.product.weight // 1000 for batch, quantity in lines)
    packages = sum(
        math.ceil(quantity / 1000 / batch.product.spec.pack) for batch, quantity in lines
    )
    return round(grams * 1.03), max(1, packages)


def observation(rng: random.Random) -> str | None:
    """An observation printed on the note, or None."""
    return rng.choice(_OBSERVATIONS)


def write_shipments(
    world: World, bulk: Bulk, establishment: EstablishmentInfo, shipments: list[Shipment]
) -> int:
    """Number and write the notes and their lines, keep the series, note the audit trail."""
    rng = world.rng("delivery-rows", establishment.code)
    last = number_shipments(shipments)
    rows: list[Row] = []
    lines: list[Row] = []
    for shipment in sorted(shipments, key=lambda s: s.id):
        rows.append(_delivery_row(world, bulk, rng, establishment, shipment))
        stamp = bulk.stamp(office_time(shipment.issue, rng))
        for position, (batch, quantity) in enumerate(shipment.lines, start=1):
            lines.append(
                {
                    "uuid": bulk.uuid(uuid_int(rng)),
                    "created_at": stamp,
                    "updated_at": stamp,
                    "delivery_id": shipment.id,
                    "position": position,
                    "batch_id": batch.id,
                    "product_id": batch.product.id,
                    "description": f"{batch.product.spec.name} (lote {batch.code})",
                    "unit_code": batch.product.spec.unit,
                    "quantity": quantity,
                }
            )
        _note_audit(world, rng, establishment, shipment)
    written = bulk.insert("deliveries", rows)
    bulk.insert("delivery_lines", lines)
    stamp = bulk.stamp(office_time(world.today, rng))
    bulk.insert(
        "number_series",
        [
            {
                "id": bulk.next_id("number_series"),
                "uuid": bulk.uuid(uuid_int(rng)),
                "created_at": stamp,
                "updated_at": stamp,
                "kind": "delivery",
                "scope": f"{establishment.code}-{establishment.series}",
                "last_value": last,
            }
        ],
    )
    return written


def _number(establishment: EstablishmentInfo, shipment: Shipment) -> str | None:
    if shipment.sequence is None:
        return None
    return delivery_number(establishment.series, shipment.sequence)


def _delivery_row(
    world: World,
    bulk: Bulk,
    rng: random.Random,
    establishment: EstablishmentInfo,
    shipment: Shipment,
) -> Row:
    weight, packages = weight_and_packages(shipment.lines)
    received = shipment.state is D.RECIBIDA
    receiver_name, receiver_doc = (
        _receiver(world, rng, shipment.partner) if received else (None, None)
    )
    last_event = shipment.received_on or shipment.annulled_on or shipment.issue
    return {
        "id": shipment.id,
        "uuid": bulk.uuid(shipment.uuid),
        "created_at": bulk.stamp(office_time(shipment.issue, rng, late=10)),
        "updated_at": bulk.stamp(office_time(last_event, rng, early=10)),
        "establishment_id": establishment.id,
        "series": establishment.series,
        "sequence": shipment.sequence,
        "number": _number(establishment, shipment),
        "state": shipment.state.value,
        "issue_date": bulk.day(shipment.issue),
        "transfer_start_date": bulk.day(shipment.transfer),
        "partner_id": shipment.partner.id,
        "transfer_reason_code": shipment.reason,
        "departure_address": establishment.address,
        "departure_ubigeo": establishment.ubigeo,
        "arrival_address": shipment.arrival[0],
        "arrival_ubigeo": shipment.arrival[1],
        **transport(rng, world, shipment.partner),
        "gross_weight_kg": weight,
        "packages": packages,
        "order_id": shipment.order.id if shipment.order else None,
        "agreement_id": shipment.agreement_id,
        "observations": observation(rng),
        "dispatched_by": world.who.jefe_name,
        "received_by_name": receiver_name,
        "received_by_doc": receiver_doc,
        "received_on": bulk.day(shipment.received_on),
        "annulled_on": bulk.day(shipment.annulled_on),
        "annul_reason": shipment.annul_reason,
        "print_count": 0 if shipment.state is D.BORRADOR else rng.randint(1, 2),
    }


def _receiver(world: World, rng: random.Random, partner: PartnerInfo) -> tuple[str, str]:
    if partner.kind is PartnerKind.PERSON:
        dni = partner.id_number[2:10] if partner.id_type == "6" else partner.id_number
        return partner.name, dni
    name, dni = rng.choice(world.drivers)
    return (partner.contact, dni) if rng.random() < 0.7 else (name, dni)


def _note_audit(
    world: World, rng: random.Random, establishment: EstablishmentInfo, shipment: Shipment
) -> None:
    users = world.who
    clerk = users.supervisor if shipment.workshop.supervised else users.jefe
    audit = world.audit
    number = _number(establishment, shipment)
    audit.note(
        office_time(shipment.issue, rng, late=10),
        clerk,
        "create",
        "delivery",
        entity_uuid=shipment.uuid,
        summary=f"Delivery note drafted for {shipment.partner.name}",
        changes={"partner": shipment.partner.id_number, "reason": shipment.reason},
    )
    if number is None:
        return
    audit.note(
        office_time(shipment.issue, rng, early=10, late=12),
        clerk,
        "issue",
        "delivery",
        entity_uuid=shipment.uuid,
        summary=f"Delivery note {number} issued to {shipment.partner.name}",
        changes={"state": ["borrador", "emitida"], "number": number},
    )
    if shipment.received_on is not None:
        audit.note(
            office_time(shipment.received_on, rng, early=12),
            clerk,
            "receive",
            "delivery",
            entity_uuid=shipment.uuid,
            summary=f"Delivery note {number} received",
            changes={"state": ["emitida", "recibida"]},
        )
    if shipment.annulled_on is not None:
        audit.note(
            office_time(shipment.annulled_on, rng, early=12),
            users.jefe,
            "annul",
            "delivery",
            entity_uuid=shipment.uuid,
            summary=f"Delivery note {number} annulled: {shipment.annul_reason}",
            changes={"state": ["emitida", "anulada"], "reason": shipment.annul_reason},
        )
