"""Delivery notes: drafts, issue (stock and gapless numbers), receipt, annulment, document."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from carceles_desktop.domain.enums import DeliveryState, TransportMode
from carceles_desktop.domain.production import ProductionBatch
from carceles_desktop.errors import Conflict, NotFound, PermissionDenied, ValidationError
from carceles_desktop.services import audit, deliveries, delivery_queries, settings
from carceles_desktop.services.agreements import AgreementInput, create_agreement
from carceles_desktop.services.delivery_note_data import build_delivery_note
from carceles_desktop.services.orders import OrderInput, OrderLineInput, create_order
from carceles_desktop.services.production import BatchInput, create_batch
from carceles_desktop.services.production_queries import BatchDetail, get_batch
from carceles_desktop.storage.unit_of_work import Database, UnitOfWork
from tests.helpers.commerce_world import (
    ADMIN,
    MARCH_START,
    TODAY,
    World,
    draft_input,
    finished_batch,
    seeded_database,
)

APRIL = date(2026, 4, 1)


@pytest.fixture
def env(tmp_path: Path) -> Iterator[tuple[Database, World]]:
    database, world = seeded_database(tmp_path)
    yield database, world
    database.dispose()


def _remaining(uow: UnitOfWork, batch: BatchDetail) -> Decimal:
    return get_batch(uow, ADMIN, batch.batch.id, today=TODAY).batch.remaining


def _draft(uow: UnitOfWork, world: World, batch: BatchDetail, qty: str, **kw: object) -> int:
    data = draft_input(world, [(batch.batch.id, qty)], **kw)
    return deliveries.create_delivery_draft(uow, ADMIN, data).id


# --------------------------------------------------------------------------- drafts


def test_a_draft_takes_its_defaults_and_has_no_number(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        batch = finished_batch(uow, world, accepted="20")
        draft = deliveries.create_delivery_draft(
            uow, world.supervisor, draft_input(world, [(batch.batch.id, "8")])
        )
        assert (draft.state, draft.number, draft.sequence) == (DeliveryState.BORRADOR, None, None)
        assert (draft.departure_address, draft.departure_ubigeo) == (
            "Av. El Sol s/n, San Juan de Lurigancho",
            "150132",
        )
        assert (draft.arrival_address, draft.arrival_ubigeo) == ("Jr. Los Pinos 123, Ate", "150103")
        assert draft.gross_weight_kg == Decimal("36.000")  # 8 chairs × 4.5 kg
        (line,) = draft.lines
        assert (line.description, line.unit_code, line.product_code, line.batch_code) == (
            "Silla de madera tornillo",
            "NIU",
            "SILLA-01",
            batch.batch.code,
        )
        # A draft takes nothing from the batch yet.
        assert _remaining(uow, batch) == Decimal("20.000")
        changed = deliveries.update_delivery_draft(
            uow,
            ADMIN,
            draft.id,
            draft_input(world, [(batch.batch.id, "3")], gross_weight_kg="15.25", packages=2),
        )
        assert (changed.gross_weight_kg, changed.packages, changed.total_quantity) == (
            Decimal("15.250"),
            2,
            Decimal("3.000"),
        )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"transfer_start_date": date(2026, 3, 31)}, "transfer_start_date"),
        (
            {"transport_mode": TransportMode.PUBLIC, "carrier_name": "Transportes Sur"},
            "carrier_ruc",
        ),
        (
            {
                "transport_mode": TransportMode.PUBLIC,
                "carrier_ruc": "20512333798",
                "carrier_name": "Transportes Sur",
            },
            "carrier_ruc",
        ),
        ({"transport_mode": TransportMode.PUBLIC, "carrier_ruc": "20512333797"}, "carrier_name"),
        ({"vehicle_plate": ""}, "vehicle_plate"),
        ({"driver_name": " "}, "driver_name"),
        ({"driver_licence": "Q1"}, "driver_licence"),
        ({"arrival_ubigeo": "15010"}, "arrival_ubigeo"),
        ({"transfer_reason_code": "99"}, "transfer_reason_code"),
        ({"observations": "x" * 251}, "observations"),
        ({"gross_weight_kg": "-1"}, "gross_weight_kg"),
        ({"packages": -1}, "packages"),
        ({"lines": []}, "lines"),
        ({"order_id": 999}, "order"),
        ({"partner_id": 999}, "partner"),
    ],
)
def test_bad_drafts_name_the_field(
    env: tuple[Database, World], changes: dict[str, object], field: str
) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        batch = finished_batch(uow, world, accepted="20")
        data = replace(draft_input(world, [(batch.batch.id, "1")]), **changes)  # type: ignore[arg-type]
        with pytest.raises((ValidationError, NotFound)) as caught:
            deliveries.create_delivery_draft(uow, ADMIN, data)
        assert caught.value.field == field


def test_bad_lines_name_their_index(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        batch = finished_batch(uow, world, accepted="20")
        planned = create_batch(
            uow, ADMIN, BatchInput(world.workshop_id, world.chair_id, "5", MARCH_START), today=TODAY
        )
        good = (batch.batch.id, "1")
        cases = [
            ([(batch.batch.id, "0")], ValidationError, "lines[0].quantity"),
            ([good, (batch.batch.id, "2")], ValidationError, "lines[1].batch"),  # twice
            ([good, (planned.batch.id, "1")], ValidationError, "lines[1].batch"),  # not finished
            ([good, (999, "1")], NotFound, "lines[1].batch"),
            ([(batch.batch.id, "20.001")], Conflict, "lines[0].quantity"),  # more than left
        ]
        for lines, error, field in cases:
            with pytest.raises(error) as caught:
                deliveries.create_delivery_draft(uow, ADMIN, draft_input(world, lines))
            assert caught.value.field == field, lines


def test_a_batch_made_for_an_order_goes_only_to_that_order(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        order = create_order(
            uow,
            world.jefe,
            OrderInput(world.partner_id, date(2026, 2, 1), [OrderLineInput(world.chair_id, "10")]),
        )
        reserved = finished_batch(uow, world, accepted="10", order_line_id=order.lines[0].id)
        tables = finished_batch(uow, world, accepted="2", product_id=world.table_id)
        with pytest.raises(ValidationError, match=order.number):
            _draft(uow, world, reserved, "1")
        with pytest.raises(ValidationError, match="does not ask"):
            _draft(uow, world, tables, "1", order_id=order.id)
        assert _draft(uow, world, reserved, "1", order_id=order.id) > 0


def test_supervisors_deliver_only_from_their_workshops(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        mine = finished_batch(uow, world, accepted="5")
        theirs = finished_batch(uow, world, accepted="5")
        uow.session.execute(
            update(ProductionBatch)
            .where(ProductionBatch.id == theirs.batch.id)
            .values(workshop_id=world.workshop2_id)
        )
        with pytest.raises(PermissionDenied):
            deliveries.create_delivery_draft(
                uow, world.supervisor, draft_input(world, [(theirs.batch.id, "1")])
            )
        with pytest.raises(PermissionDenied):
            deliveries.create_delivery_draft(
                uow, world.consulta, draft_input(world, [(mine.batch.id, "1")])
            )
        other = deliveries.create_delivery_draft(
            uow, world.jefe, draft_input(world, [(theirs.batch.id, "1")])
        )
        with pytest.raises(PermissionDenied):
            deliveries.issue_delivery(uow, world.supervisor, other.id, on=APRIL)
        draft = deliveries.create_delivery_draft(
            uow, world.supervisor, draft_input(world, [(mine.batch.id, "1")])
        )
        issued = deliveries.issue_delivery(uow, world.supervisor, draft.id, on=APRIL)
        with pytest.raises(PermissionDenied):
            deliveries.annul_delivery(uow, world.supervisor, issued.id, reason="x", on=APRIL)
        with pytest.raises(PermissionDenied):
            delivery_queries.get_delivery(uow, world.other_jefe, issued.id)


# --------------------------------------------------------------------------- issue


def test_issue_takes_the_units_and_numbers_the_note(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        batch = finished_batch(uow, world, accepted="20")
        first = deliveries.issue_delivery(uow, ADMIN, _draft(uow, world, batch, "8"), on=APRIL)
        assert (first.number, first.sequence, first.state) == (
            "NE01-000001",
            1,
            DeliveryState.EMITIDA,
        )
        assert _remaining(uow, batch) == Decimal("12.000")
        second = deliveries.issue_delivery(uow, ADMIN, _draft(uow, world, batch, "12"), on=APRIL)
        assert second.number == "NE01-000002"
        assert _remaining(uow, batch) == Decimal("0.000")
        with pytest.raises(Conflict, match="emitida"):
            deliveries.issue_delivery(uow, ADMIN, first.id, on=APRIL)
        uow.commit()
    with database.unit_of_work() as uow:
        assert audit.verify_chain(uow).intact
        issued = audit.list_audit_entries(uow, ADMIN, entity="delivery", text="issued")
        assert [entry.changes["number"] for entry in issued] == [
            [None, "NE01-000002"],
            [None, "NE01-000001"],
        ]


def test_over_delivery_is_refused_with_what_is_left(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        batch = finished_batch(uow, world, accepted="20")
        first = _draft(uow, world, batch, "15")
        second = _draft(uow, world, batch, "15")  # fine as a draft: 20 are left now
        deliveries.issue_delivery(uow, ADMIN, first, on=APRIL)
        with pytest.raises(Conflict) as caught:
            deliveries.issue_delivery(uow, ADMIN, second, on=APRIL)
        assert str(caught.value) == (
            f"Batch {batch.batch.code} has only 5.000 NIU left; this note asks for 15.000."
        )
        assert caught.value.field == "lines[0].quantity"
        uow.commit()
    with database.unit_of_work() as uow:
        assert delivery_queries.get_delivery(uow, ADMIN, second).state is DeliveryState.BORRADOR
        assert _remaining(uow, batch) == Decimal("5.000")
        # The refusal burnt no number.
        third = deliveries.issue_delivery(uow, ADMIN, _draft(uow, world, batch, "5"), on=APRIL)
        assert third.number == "NE01-000002"


def test_the_database_refuses_over_delivery_by_itself(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        batch = finished_batch(uow, world, accepted="20")
        with pytest.raises(IntegrityError):
            uow.session.execute(
                update(ProductionBatch)
                .where(ProductionBatch.id == batch.batch.id)
                .values(delivered_quantity=Decimal("20.001"))
            )


def test_numbers_are_gapless_under_rollback(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        batch = finished_batch(uow, world, accepted="20")
        drafts = [_draft(uow, world, batch, "1") for _ in range(3)]
        assert deliveries.issue_delivery(uow, ADMIN, drafts[0], on=APRIL).number == "NE01-000001"
        uow.commit()
    with database.unit_of_work() as uow:
        assert deliveries.issue_delivery(uow, ADMIN, drafts[1], on=APRIL).number == "NE01-000002"
        uow.rollback()
    with database.unit_of_work() as uow:
        assert deliveries.issue_delivery(uow, ADMIN, drafts[2], on=APRIL).number == "NE01-000002"
        assert deliveries.issue_delivery(uow, ADMIN, drafts[1], on=APRIL).number == "NE01-000003"
        uow.commit()
    with database.unit_of_work() as uow:
        assert _remaining(uow, batch) == Decimal("17.000")


def test_the_series_comes_from_the_settings(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        batch = finished_batch(uow, world, accepted="20")
        deliveries.issue_delivery(uow, ADMIN, _draft(uow, world, batch, "1"), on=APRIL)
        settings.update_settings(uow, ADMIN, delivery_series="NE02")
        note = deliveries.issue_delivery(uow, ADMIN, _draft(uow, world, batch, "1"), on=APRIL)
        assert (note.series, note.number) == ("NE02", "NE02-000001")


def test_issue_checks_the_transfer_date(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        batch = finished_batch(uow, world, accepted="20")
        draft = _draft(uow, world, batch, "1")
        with pytest.raises(ValidationError) as caught:
            deliveries.issue_delivery(uow, ADMIN, draft, on=date(2026, 4, 2))
        assert caught.value.field == "transfer_start_date"
        assert _remaining(uow, batch) == Decimal("20.000")


# --------------------------------------------------------------------------- after issue


def test_receipt_records_who_and_when(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        batch = finished_batch(uow, world, accepted="20")
        draft = _draft(uow, world, batch, "2")
        with pytest.raises(Conflict):
            deliveries.receive_delivery(uow, ADMIN, draft, name="Ana", doc="01234567", on=APRIL)
        deliveries.issue_delivery(uow, ADMIN, draft, on=APRIL)
        for kw, field in (
            ({"name": " ", "doc": "01234567", "on": APRIL}, "received_by_name"),
            ({"name": "Ana", "doc": "", "on": APRIL}, "received_by_doc"),
            ({"name": "Ana", "doc": "0123*567", "on": APRIL}, "received_by_doc"),
            ({"name": "Ana", "doc": "01234567", "on": date(2026, 3, 31)}, "received_on"),
            ({"name": "Ana", "doc": "01234567", "on": date(2026, 12, 1)}, "received_on"),
        ):
            with pytest.raises(ValidationError) as caught:
                deliveries.receive_delivery(uow, ADMIN, draft, today=TODAY, **kw)  # type: ignore[arg-type]
            assert caught.value.field == field
        received = deliveries.receive_delivery(
            uow,
            world.supervisor,
            draft,
            name="Ana Ríos",
            doc=" 0123 4567 ",
            on=date(2026, 4, 2),
            today=TODAY,
        )
        assert (received.state, received.received_by_name, received.received_by_doc) == (
            DeliveryState.RECIBIDA,
            "Ana Ríos",
            "01234567",
        )
        with pytest.raises(Conflict):
            deliveries.receive_delivery(uow, ADMIN, draft, name="Otro", doc="1", on=APRIL)


def test_annulment_keeps_the_number_and_returns_the_units(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        batch = finished_batch(uow, world, accepted="20")
        chairs_and_tables = finished_batch(uow, world, accepted="3", product_id=world.table_id)
        note = deliveries.create_delivery_draft(
            uow,
            ADMIN,
            draft_input(world, [(batch.batch.id, "20"), (chairs_and_tables.batch.id, "3")]),
        )
        with pytest.raises(Conflict, match="borrador"):
            deliveries.annul_delivery(uow, world.jefe, note.id, reason="x", on=APRIL)
        deliveries.issue_delivery(uow, ADMIN, note.id, on=APRIL)
        deliveries.receive_delivery(uow, ADMIN, note.id, name="Ana", doc="01234567", on=APRIL)
        assert _remaining(uow, batch) == Decimal("0.000")
        with pytest.raises(ValidationError):
            deliveries.annul_delivery(uow, world.jefe, note.id, reason="", on=APRIL)
        with pytest.raises(ValidationError):
            deliveries.annul_delivery(uow, world.jefe, note.id, reason="Error", on=date(2026, 3, 1))
        annulled = deliveries.annul_delivery(
            uow, world.jefe, note.id, reason="Mercadería devuelta", on=date(2026, 4, 3)
        )
        assert (annulled.state, annulled.number) == (DeliveryState.ANULADA, "NE01-000001")
        assert (annulled.annulled_on, annulled.annul_reason) == (
            date(2026, 4, 3),
            "Mercadería devuelta",
        )
        assert _remaining(uow, batch) == Decimal("20.000")
        assert _remaining(uow, chairs_and_tables) == Decimal("3.000")
        with pytest.raises(Conflict):
            deliveries.annul_delivery(uow, world.jefe, note.id, reason="otra", on=APRIL)
        # The units returned can leave again, under the next number.
        again = deliveries.issue_delivery(uow, ADMIN, _draft(uow, world, batch, "20"), on=APRIL)
        assert again.number == "NE01-000002"


def test_drafts_can_be_deleted_but_issued_notes_cannot(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        batch = finished_batch(uow, world, accepted="20")
        draft = _draft(uow, world, batch, "1")
        deliveries.delete_delivery_draft(uow, ADMIN, draft)
        with pytest.raises(NotFound):
            delivery_queries.get_delivery(uow, ADMIN, draft)
        issued = _draft(uow, world, batch, "1")
        deliveries.issue_delivery(uow, ADMIN, issued, on=APRIL)
        with pytest.raises(Conflict):
            deliveries.delete_delivery_draft(uow, ADMIN, issued)
        with pytest.raises(Conflict):
            deliveries.update_delivery_draft(
                uow, ADMIN, issued, draft_input(world, [(batch.batch.id, "2")])
            )


def test_search_and_count(env: tuple[Database, World]) -> None:
    database, world = env
    q = delivery_queries
    with database.unit_of_work() as uow:
        batch = finished_batch(uow, world, accepted="20")
        first = _draft(uow, world, batch, "2")
        deliveries.issue_delivery(uow, ADMIN, first, on=APRIL)
        second = _draft(uow, world, batch, "3")
        rows = q.search_deliveries(uow, world.jefe)
        assert [(r.id, r.number, r.total_quantity, r.line_count) for r in rows] == [
            (second, None, Decimal("3.000"), 1),
            (first, "NE01-000001", Decimal("2.000"), 1),
        ]
        assert [r.id for r in q.search_deliveries(uow, world.jefe, text="ne01-0000")] == [first]
        assert [r.id for r in q.search_deliveries(uow, world.jefe, text="andinos")] == [
            second,
            first,
        ]
        assert q.count_deliveries(uow, world.jefe, state=DeliveryState.BORRADOR) == 1
        assert q.count_deliveries(uow, world.other_jefe) == 0
        assert [r.id for r in q.search_deliveries(uow, ADMIN, offset=1, limit=5)] == [first]


def test_search_sorts_by_any_heading_both_ways(env: tuple[Database, World]) -> None:
    database, world = env
    q = delivery_queries
    with database.unit_of_work() as uow:
        chairs = finished_batch(uow, world, accepted="20")
        tables = finished_batch(uow, world, accepted="5", product_id=world.table_id)
        issued = _draft(uow, world, chairs, "2")
        deliveries.issue_delivery(uow, ADMIN, issued, on=APRIL)
        three_units = _draft(uow, world, chairs, "3")
        data = draft_input(world, [(chairs.batch.id, "1"), (tables.batch.id, "1")])
        two_lines = deliveries.create_delivery_draft(uow, ADMIN, data).id

        def ids(**sort: object) -> list[int]:
            return [r.id for r in q.search_deliveries(uow, world.jefe, **sort)]  # type: ignore[arg-type]

        assert ids() == [two_lines, three_units, issued]  # newest first by default
        assert ids(sort="units") == [issued, two_lines, three_units]  # 2, 2, 3 units
        assert ids(sort="units", descending=True) == [three_units, two_lines, issued]
        assert ids(sort="lines", descending=True) == [two_lines, three_units, issued]
        # Drafts have no number yet: they come last both ways.
        assert ids(sort="number") == [issued, three_units, two_lines]
        assert ids(sort="number", descending=True) == [issued, two_lines, three_units]
        for key in q.DELIVERY_SORTS:  # every heading's key runs, both ways
            for descending in (False, True):
                assert len(ids(sort=key, descending=descending)) == 3
        with pytest.raises(ValueError, match="unknown sort"):
            q.search_deliveries(uow, world.jefe, sort="weight")


# --------------------------------------------------------------------------- the document


def test_the_note_data_holds_what_is_printed(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        batch = finished_batch(uow, world, accepted="20")
        draft_id = _draft(uow, world, batch, "8", observations="Frágil")
        draft = build_delivery_note(uow, world.consulta, draft_id)
        assert (draft.number, draft.is_draft) == (None, True)
        deliveries.issue_delivery(uow, ADMIN, draft_id, on=APRIL)
        note = build_delivery_note(uow, world.consulta, draft_id)
        assert (note.number, note.series, note.issue_date) == ("NE01-000001", "NE01", APRIL)
        assert note.header.acronym == "INPE"
        assert note.header.establishment == "E.P. de Lurigancho"
        assert note.header.regional_office == "Oficina Regional Lima"
        assert (note.sender.ruc, note.sender.address) == (
            "20131370050",
            "Av. El Sol s/n, San Juan de Lurigancho",
        )
        assert (note.recipient.id_type_code, note.recipient.id_type_name, note.recipient.name) == (
            "6",
            "RUC",
            "Muebles Andinos S.A.C.",
        )
        assert (note.reason.code, note.reason.text) == ("01", "Venta")
        assert (note.arrival.ubigeo, note.transport.vehicle_plate) == ("150103", "ABC-123")
        (line,) = note.lines
        assert (line.number, line.code, line.quantity, line.unit_code, line.unit_name) == (
            1,
            "SILLA-01",
            Decimal("8.000"),
            "NIU",
            "Unidad",
        )
        assert (note.gross_weight_kg, note.packages, note.observations) == (
            Decimal("36.000"),
            1,
            "Frágil",
        )
        deliveries.annul_delivery(uow, world.jefe, draft_id, reason="Error", on=APRIL)
        annulled = build_delivery_note(uow, ADMIN, draft_id)
        assert annulled.is_annulled
        assert annulled.annul_reason == "Error"
        assert deliveries.record_delivery_print(uow, world.consulta, draft_id) == 1
        assert deliveries.record_delivery_print(uow, world.consulta, draft_id) == 2
        with pytest.raises(PermissionDenied):
            build_delivery_note(uow, world.other_jefe, draft_id)


def test_an_order_and_its_agreement_appear_on_the_note(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        agreement = create_agreement(
            uow,
            world.jefe,
            AgreementInput(
                "CONV-2026-007",
                world.partner_id,
                world.workshop_id,
                date(2026, 1, 2),
                date(2026, 1, 5),
                date(2028, 1, 4),
            ),
        )
        order = create_order(
            uow,
            world.jefe,
            OrderInput(
                world.partner_id,
                date(2026, 2, 1),
                [OrderLineInput(world.chair_id, "10")],
                agreement_id=agreement.id,
            ),
        )
        batch = finished_batch(uow, world, accepted="10", order_line_id=order.lines[0].id)
        note_id = _draft(uow, world, batch, "4", order_id=order.id)
        note = build_delivery_note(uow, ADMIN, note_id)
        # The note takes the order's agreement when none is given.
        assert (note.related_order, note.related_agreement) == (order.number, "CONV-2026-007")
