"""Clients and partners (identity rules, search) and agreements (periods, expiry flags)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from carceles_desktop.domain.enums import AgreementState, PartnerKind
from carceles_desktop.domain.users import AuditEntry
from carceles_desktop.errors import Conflict, NotFound, PermissionDenied, ValidationError
from carceles_desktop.services import agreements, audit, partners
from carceles_desktop.services.agreements import AgreementInput
from carceles_desktop.services.partners import PartnerInput
from carceles_desktop.storage.unit_of_work import Database
from tests.helpers.commerce_world import ADMIN, COMPANY_RUC, TODAY, World, seeded_database

PERSON_RUC = "10101174102"  # "10" + DNI 10117410 + check digit


@pytest.fixture
def env(tmp_path: Path) -> Iterator[tuple[Database, World]]:
    database, world = seeded_database(tmp_path)
    yield database, world
    database.dispose()


def _company(**changes: object) -> PartnerInput:
    data = PartnerInput(
        kind=PartnerKind.COMPANY, id_type="6", id_number="20100047218", name="Textil Andina S.A."
    )
    return replace(data, **changes)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- identity rules


@pytest.mark.parametrize(
    "data",
    [
        _company(),
        _company(kind=PartnerKind.STATE, id_number="20131370050", name="Municipalidad"),
        _company(kind=PartnerKind.PERSON, id_type="1", id_number="01234567", name="Ana Ríos"),
        _company(kind=PartnerKind.PERSON, id_number=PERSON_RUC, name="José Núñez"),
        _company(kind=PartnerKind.PERSON, id_type="7", id_number="ab12345", name="John Doe"),
        _company(kind=PartnerKind.PERSON, id_type="4", id_number="001234567", name="Ana Pérez"),
        _company(ubigeo="150132", email="ventas@textil.pe", address="Av. Perú 1"),
    ],
)
def test_valid_partners_pass(data: PartnerInput) -> None:
    partners.validate_partner(data)


@pytest.mark.parametrize(
    ("data", "field", "text"),
    [
        (_company(id_number="20512333798"), "id_number", "last digit"),  # wrong check digit
        (_company(id_number="2051233379"), "id_number", "11 digits"),
        (_company(id_number=PERSON_RUC), "id_number", "starts with 20"),
        (_company(id_type="1", id_number="01234567"), "id_type", "RUC"),
        (_company(kind=PartnerKind.STATE, id_number=PERSON_RUC), "id_number", "starts with 20"),
        (_company(kind=PartnerKind.PERSON), "id_number", "starts with 10"),
        (_company(kind=PartnerKind.PERSON, id_type="1", id_number="1234567"), "id_number", "8"),
        (_company(kind=PartnerKind.PERSON, id_type="7", id_number="AB 12*"), "id_number", "12"),
        (_company(id_type="9"), "id_type", "type"),
        (_company(name="   "), "name", "name"),
        (_company(name="x" * 161), "name", "160"),
        (_company(ubigeo="15013"), "ubigeo", "6 digits"),
        (_company(ubigeo="990101"), "ubigeo", "6 digits"),
        (_company(email="ventas at textil"), "email", "e-mail"),
    ],
)
def test_bad_partners_name_the_field(data: PartnerInput, field: str, text: str) -> None:
    with pytest.raises(ValidationError, match=text) as caught:
        partners.validate_partner(data)
    assert caught.value.field == field


def test_document_spaces_are_removed_and_the_key_is_folded(env: tuple[Database, World]) -> None:
    database, _ = env
    with database.unit_of_work() as uow:
        row = partners.create_partner(
            uow, ADMIN, _company(id_number=" 2010 0047218 ", name="  Confecciones  Ñandú ")
        )
        assert (row.id_number, row.name) == ("20100047218", "Confecciones Ñandú")
        found = partners.search_partners(uow, ADMIN, text="nandu")
        assert [p.id for p in found] == [row.id]
        assert [p.id for p in partners.search_partners(uow, ADMIN, text="2010004")] == [row.id]


def test_a_document_registers_once(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        with pytest.raises(Conflict, match="Muebles Andinos") as caught:
            partners.create_partner(uow, ADMIN, _company(id_number=COMPANY_RUC))
        assert caught.value.field == "id_number"
        other = partners.create_partner(uow, ADMIN, _company())
        with pytest.raises(Conflict):
            partners.update_partner(uow, ADMIN, other.id, _company(id_number=COMPANY_RUC))
        # Its own document is no clash.
        same = partners.update_partner(
            uow,
            ADMIN,
            world.partner_id,
            _company(id_number=COMPANY_RUC, name="Muebles Andinos SAC"),
        )
        assert same.name == "Muebles Andinos SAC"


def test_changes_are_audited_with_before_and_after(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        partners.update_partner(
            uow,
            ADMIN,
            world.partner_id,
            _company(
                id_number=COMPANY_RUC,
                name="Muebles Andinos S.A.C.",
                phone="999 111 222",
                address="Jr. Los Pinos 123, Ate",
                ubigeo="150103",
            ),
        )
        entry = uow.session.scalars(
            select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)
        ).one()
        assert (entry.action, entry.entity) == ("update", "partner")
        assert json.loads(entry.changes) == {"phone": [None, "999 111 222"]}
        assert audit.verify_chain(uow).intact


def test_retired_partners_leave_the_lists(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        assert partners.count_partners(uow, ADMIN) == 1
        partners.set_partner_active(uow, ADMIN, world.partner_id, False)
        assert partners.count_partners(uow, ADMIN) == 0
        assert partners.count_partners(uow, ADMIN, include_inactive=True) == 1
        assert partners.get_partner(uow, ADMIN, world.partner_id).active is False


def test_search_pages_by_name_and_filters_by_kind(env: tuple[Database, World]) -> None:
    database, _ = env
    with database.unit_of_work() as uow:
        for index in range(5):
            partners.create_partner(
                uow,
                ADMIN,
                PartnerInput(
                    kind=PartnerKind.PERSON,
                    id_type="1",
                    id_number=f"0000000{index}",
                    name=f"Persona {index}",
                ),
            )
        names = [p.name for p in partners.search_partners(uow, ADMIN, offset=1, limit=3)]
        assert names == ["Persona 0", "Persona 1", "Persona 2"]
        assert partners.count_partners(uow, ADMIN, kind=PartnerKind.PERSON) == 5
        people = partners.search_partners(uow, ADMIN, kind=PartnerKind.PERSON, text="persona 4")
        assert [p.name for p in people] == ["Persona 4"]
        assert partners.search_partners(uow, ADMIN, text="50%_") == []
        with pytest.raises(ValueError, match="page"):
            partners.search_partners(uow, ADMIN, offset=-1)


def test_search_sorts_by_any_heading_both_ways(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        andinos = world.partner_id  # a company with no contact
        angel, zoila = (
            partners.create_partner(
                uow,
                ADMIN,
                PartnerInput(PartnerKind.PERSON, "1", dni, name, contact_name=contact),
            ).id
            for dni, name, contact in (
                ("01234567", "Ángel Núñez", "Rosa"),
                ("07654321", "Zoila Paz", "Bruno"),
            )
        )

        def ids(**sort: object) -> list[int]:
            return [p.id for p in partners.search_partners(uow, ADMIN, **sort)]  # type: ignore[arg-type]

        assert ids() == [angel, andinos, zoila]  # by name, the accent ignored
        assert ids(sort="name", descending=True) == [zoila, andinos, angel]
        # A partner without a contact comes last both ways.
        assert ids(sort="contact") == [zoila, angel, andinos]
        assert ids(sort="contact", descending=True) == [angel, zoila, andinos]
        assert ids(sort="kind", descending=True) == [zoila, angel, andinos]  # ties by id
        for key in partners.PARTNER_SORTS:  # every heading's key runs, both ways
            for descending in (False, True):
                assert sorted(ids(sort=key, descending=descending)) == sorted(
                    [andinos, angel, zoila]
                )
        with pytest.raises(ValueError, match="unknown sort"):
            partners.search_partners(uow, ADMIN, sort="email")


def test_only_the_jefe_and_the_admin_edit_clients(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        for actor in (world.supervisor, world.consulta):
            with pytest.raises(PermissionDenied):
                partners.create_partner(uow, actor, _company())
        assert partners.create_partner(uow, world.jefe, _company()).id > 0
        assert partners.search_partners(uow, world.consulta)  # reading is open to all
        with pytest.raises(NotFound):
            partners.get_partner(uow, ADMIN, 999)


# --------------------------------------------------------------------------- agreements


def _agreement(world: World, **changes: object) -> AgreementInput:
    data = AgreementInput(
        number="CONV-2023-001",
        partner_id=world.partner_id,
        workshop_id=world.workshop_id,
        signed_on=date(2023, 1, 10),
        starts_on=date(2023, 2, 1),
        ends_on=date(2026, 1, 31),
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def test_an_agreement_is_in_force_between_its_dates(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        row = agreements.create_agreement(uow, world.jefe, _agreement(world))
        assert row.state is AgreementState.VIGENTE
        assert row.in_force_on(date(2025, 6, 1))
        assert not row.in_force_on(date(2026, 2, 1))
        assert row.state_on(date(2026, 2, 1)) is AgreementState.VENCIDO
        assert agreements.agreement_in_force(uow, world.workshop_id, date(2025, 6, 1)) == row
        assert agreements.agreement_in_force(uow, world.workshop_id, TODAY) is None


def test_a_workshop_under_an_expired_agreement_is_flagged(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        # CARP-01 is run by a partner and has no agreement at all.
        flags = agreements.agreement_flags(uow, ADMIN, today=TODAY)
        assert [(f.workshop_code, f.last_agreement_number) for f in flags] == [("CARP-01", None)]
        row = agreements.create_agreement(uow, world.jefe, _agreement(world))
        flags = agreements.agreement_flags(uow, ADMIN, today=TODAY)
        assert [(f.workshop_code, f.last_agreement_number, f.last_ends_on) for f in flags] == [
            ("CARP-01", "CONV-2023-001", date(2026, 1, 31))
        ]
        assert agreements.agreement_flags(uow, ADMIN, today=date(2025, 1, 1)) == []
        expired = agreements.expire_agreements(uow, world.jefe, today=TODAY)
        assert [a.id for a in expired] == [row.id]
        assert expired[0].state is AgreementState.VENCIDO
        assert agreements.expire_agreements(uow, world.jefe, today=TODAY) == []
        # A renewal clears the flag, and an extension brings the old one back to force.
        extended = agreements.update_agreement(
            uow, world.jefe, row.id, _agreement(world, ends_on=date(2027, 1, 31)), today=TODAY
        )
        assert extended.state is AgreementState.VIGENTE
        assert agreements.agreement_flags(uow, ADMIN, today=TODAY) == []


@pytest.mark.parametrize(
    ("changes", "error", "field"),
    [
        ({"ends_on": date(2023, 1, 31)}, ValidationError, "ends_on"),
        ({"signed_on": date(2026, 3, 1)}, ValidationError, "signed_on"),
        ({"number": " "}, ValidationError, "number"),
        ({"partner_id": 999}, NotFound, "partner"),
        ({"workshop_id": 999}, NotFound, "workshop"),
    ],
)
def test_bad_agreements_are_refused(
    env: tuple[Database, World], changes: dict[str, object], error: type[Exception], field: str
) -> None:
    database, world = env
    with database.unit_of_work() as uow, pytest.raises(error) as caught:
        agreements.create_agreement(uow, world.jefe, _agreement(world, **changes))
    assert getattr(caught.value, "field", None) == field


def test_numbers_are_unique_and_periods_do_not_overlap(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        agreements.create_agreement(uow, world.jefe, _agreement(world))
        with pytest.raises(Conflict, match="already exists"):
            agreements.create_agreement(
                uow, world.jefe, _agreement(world, workshop_id=world.workshop2_id)
            )
        with pytest.raises(Conflict, match="CONV-2023-001"):
            agreements.create_agreement(
                uow,
                world.jefe,
                _agreement(
                    world, number="CONV-2", starts_on=date(2025, 1, 1), ends_on=date(2028, 1, 1)
                ),
            )
        renewal = agreements.create_agreement(
            uow,
            world.jefe,
            _agreement(
                world,
                number="CONV-2",
                signed_on=date(2026, 1, 20),
                starts_on=date(2026, 2, 1),
                ends_on=date(2029, 1, 31),
            ),
        )
        assert renewal.in_force_on(TODAY)


def test_an_agreement_ended_early_stops_covering(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        row = agreements.create_agreement(
            uow, world.jefe, _agreement(world, ends_on=date(2027, 1, 31))
        )
        with pytest.raises(ValidationError):
            agreements.resolve_agreement(uow, world.jefe, row.id, on=TODAY, reason=" ")
        ended = agreements.resolve_agreement(
            uow, world.jefe, row.id, on=date(2026, 6, 30), reason="Incumplimiento de pagos"
        )
        assert ended.state is AgreementState.RESUELTO
        assert ended.ends_on == date(2026, 6, 30)
        assert "Incumplimiento" in (ended.notes or "")
        assert not ended.in_force_on(TODAY)
        with pytest.raises(Conflict):
            agreements.resolve_agreement(uow, world.jefe, row.id, on=TODAY, reason="otra vez")
        with pytest.raises(Conflict):
            agreements.update_agreement(uow, world.jefe, row.id, _agreement(world))


def test_agreements_stay_in_their_establishment(env: tuple[Database, World]) -> None:
    database, world = env
    with database.unit_of_work() as uow:
        with pytest.raises(PermissionDenied):
            agreements.create_agreement(uow, world.other_jefe, _agreement(world))
        agreements.create_agreement(uow, world.jefe, _agreement(world))
        assert agreements.list_agreements(uow, world.other_jefe) == []
        assert [a.number for a in agreements.list_agreements(uow, world.jefe)] == ["CONV-2023-001"]
        assert agreements.list_agreements(uow, ADMIN, partner_id=world.partner_id)
        assert agreements.list_agreements(uow, ADMIN, workshop_id=world.workshop2_id) == []
