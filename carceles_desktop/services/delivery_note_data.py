"""The data a delivery note prints, gathered from the database for the PDF renderer.

:func:`build_delivery_note` reads one note and returns the frozen input of
:mod:`carceles_desktop.documents.delivery_note_data` (one definition of the document's
fields, shared with the renderer): letterhead and sender from the settings and the
establishment, the recipient from the client with the names of SUNAT's codes from the
editable catalogues, addresses, transport, lines with their batches, weight, packages,
related order and agreement, observations, and both signatures.  A draft has no number
and an annulled note carries its annulment, so the renderer can print BORRADOR or
ANULADA.

Printing is an access to the record: the caller also calls
:func:`carceles_desktop.services.deliveries.record_delivery_print`, which counts and
audits the copy.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from carceles_desktop.documents.data import InstitutionHeader
from carceles_desktop.documents.delivery_note_data import (
    DeliveryAddress,
    DeliveryLine,
    DeliveryNoteData,
    DeliveryRecipient,
    DeliverySender,
    DeliverySignature,
    TransferReason,
    Transport,
)
from carceles_desktop.domain.catalogues import CatalogueEntry, Establishment, RegionalOffice
from carceles_desktop.domain.enums import CatalogueKind, TransportMode
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.delivery_queries import (
    DeliveryDetail,
    delivery_detail,
    load_delivery,
)
from carceles_desktop.services.enrolments import check_establishment_scope
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.services.settings import get_settings
from carceles_desktop.storage.unit_of_work import UnitOfWork

__all__ = ["DeliveryNoteData", "build_delivery_note", "note_from_detail"]

#: SUNAT catalogue 06 names printed when the catalogue table lacks the code.
_ID_TYPE_FALLBACK = {
    "0": "Otro",
    "1": "DNI",
    "4": "Carné de extranjería",
    "6": "RUC",
    "7": "Pasaporte",
}


def _names(uow: UnitOfWork, kind: CatalogueKind) -> dict[str, str]:
    query = select(CatalogueEntry.code, CatalogueEntry.name).where(CatalogueEntry.catalogue == kind)
    return {code: name for code, name in uow.session.execute(query)}


def _receiver_document(doc: str | None) -> str | None:
    if not doc:
        return None
    # Eight digits are a DNI; anything else is printed as typed.
    return f"DNI {doc}" if len(doc) == 8 and doc.isdigit() else doc


def note_from_detail(
    uow: UnitOfWork, detail: DeliveryDetail, *, dispatcher_document: str | None = None
) -> DeliveryNoteData:
    """Turn a delivery's detail into the document's data (no permission check).

    Args:
        uow: an open unit of work (read-only is enough).
        detail: the delivery, as :mod:`.delivery_queries` reads it.
        dispatcher_document: the dispatcher's document as printed, when known.
    """
    settings = get_settings(uow)
    establishment = uow.session.get_one(Establishment, detail.establishment_id)
    office = uow.session.get_one(RegionalOffice, establishment.regional_office_id)
    id_types = _names(uow, CatalogueKind.SUNAT_ID_TYPE)
    reasons = _names(uow, CatalogueKind.SUNAT_TRANSFER_REASON)
    units = _names(uow, CatalogueKind.SUNAT_UNIT)
    institution = f"{settings.institution_name} ({settings.institution_acronym})"
    public = detail.transport_mode is TransportMode.PUBLIC
    return DeliveryNoteData(
        header=InstitutionHeader(
            name=settings.institution_name,
            acronym=settings.institution_acronym,
            regional_office=office.name,
            establishment=establishment.name,
            logo_path=Path(settings.logo_path) if settings.logo_path else None,
        ),
        series=detail.series,
        number=detail.number,
        state=detail.state,
        issue_date=detail.issue_date,
        transfer_start_date=detail.transfer_start_date,
        sender=DeliverySender(
            institution=institution,
            establishment=establishment.name,
            ruc=settings.institution_ruc,
            address=detail.departure_address,
        ),
        recipient=DeliveryRecipient(
            id_type_code=detail.partner_id_type,
            id_type_name=id_types.get(detail.partner_id_type)
            or _ID_TYPE_FALLBACK.get(detail.partner_id_type, detail.partner_id_type),
            id_number=detail.partner_id_number,
            name=detail.partner_name,
        ),
        reason=TransferReason(
            code=detail.transfer_reason_code,
            text=reasons.get(detail.transfer_reason_code, detail.transfer_reason_code),
        ),
        departure=DeliveryAddress(detail.departure_address, detail.departure_ubigeo),
        arrival=DeliveryAddress(detail.arrival_address, detail.arrival_ubigeo),
        transport=Transport(
            mode=detail.transport_mode,
            carrier_ruc=detail.carrier_ruc if public else None,
            carrier_name=detail.carrier_name if public else None,
            vehicle_plate=None if public else detail.vehicle_plate,
            driver_name=None if public else detail.driver_name,
            driver_licence=None if public else detail.driver_licence,
        ),
        lines=tuple(
            DeliveryLine(
                number=index,
                code=line.product_code,
                description=line.description,
                quantity=line.quantity,
                unit_code=line.unit_code,
                batch_code=line.batch_code,
                unit_name=units.get(line.unit_code),
            )
            for index, line in enumerate(detail.lines, start=1)
        ),
        gross_weight_kg=detail.gross_weight_kg,
        packages=detail.packages,
        related_order=detail.order_number,
        related_agreement=detail.agreement_number,
        observations=detail.observations,
        dispatched_by=DeliverySignature(
            name=detail.dispatched_by,
            document=dispatcher_document,
            on=detail.transfer_start_date if detail.number else None,
        ),
        received_by=DeliverySignature(
            name=detail.received_by_name,
            document=_receiver_document(detail.received_by_doc),
            on=detail.received_on,
        ),
        annulled_on=detail.annulled_on,
        annul_reason=detail.annul_reason,
    )


def build_delivery_note(
    uow: UnitOfWork, actor: Actor, delivery_id: int, *, dispatcher_document: str | None = None
) -> DeliveryNoteData:
    """Gather everything a delivery note prints.

    Args:
        uow: an open unit of work (read-only is enough).
        actor: who prints.
        delivery_id: the note.
        dispatcher_document: the dispatcher's document as printed (e.g. ``"DNI 01234567"``),
            when the caller knows it.

    Raises:
        PermissionDenied: the actor may not print, or the note is of another establishment.
        NotFound: no delivery has that key.
    """
    require(actor, Action.PRINT_REPORTS)
    delivery = load_delivery(uow, delivery_id)
    check_establishment_scope(actor, delivery.establishment_id)
    return note_from_detail(
        uow, delivery_detail(uow, delivery), dispatcher_document=dispatcher_document
    )
