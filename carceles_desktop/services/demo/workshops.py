"""The demo's workshops, the companies that run some of them, and their agreements."""

from __future__ import annotations

from datetime import timedelta

from carceles_desktop.domain.rules.text import fold
from carceles_desktop.services.demo import names
from carceles_desktop.services.demo.bulk import Bulk, Row, uuid_int
from carceles_desktop.services.demo.clock import office_time
from carceles_desktop.services.demo.commerce import (
    PartnerMaker,
    create_agreements,
    partner_company_for,
)
from carceles_desktop.services.demo.goods import TRADE_PREFIX
from carceles_desktop.services.demo.layout import WorkshopSpec, plan_workshops
from carceles_desktop.services.demo.world import (
    EstablishmentInfo,
    PartnerInfo,
    WorkshopInfo,
    World,
)

Link = tuple[WorkshopInfo, PartnerInfo, int, bool]


def create_workshops(world: World, bulk: Bulk, maker: PartnerMaker) -> int:
    """Write every establishment's workshops and their agreements; return the count."""
    rows: list[Row] = []
    links: list[Link] = []
    for establishment in world.establishments:
        rng = world.rng("workshops", establishment.code)
        specs = plan_workshops(
            rng,
            establishment.code,
            establishment.population,
            establishment.region,
            establishment.workshop_count,
        )
        numbers: dict[str, int] = {}
        for spec in specs:
            if spec.trade not in world.trade_ids:
                continue  # a catalogue edited without this trade
            prefix = TRADE_PREFIX[spec.trade]
            numbers[prefix] = numbers.get(prefix, 0) + 1
            info = _workshop(world, bulk, maker, establishment, spec, numbers[prefix])
            establishment.workshops.append(info)
            links.extend(_links(spec, info, world.today.year))
            created = world.start - timedelta(days=rng.randrange(20, 200))
            stamp = bulk.stamp(office_time(created, rng))
            rows.append(
                {
                    "id": info.id,
                    "uuid": bulk.uuid(info.uuid),
                    "created_at": stamp,
                    "updated_at": stamp,
                    "code": info.code,
                    "name": info.name,
                    "establishment_id": establishment.id,
                    "trade_id": world.trade_ids[spec.trade],
                    "modality": spec.modality.value,
                    "partner_id": info.partner.id if info.partner else None,
                    "capacity": info.capacity,
                    "standard_hours": info.hours,
                    "name_key": fold(info.name),
                    "active": True,
                }
            )
    # Partners first: workshops and agreements point at them.
    bulk.insert("partners", maker.rows)
    maker.rows.clear()
    written = bulk.insert("workshops", rows)
    create_agreements(world, bulk, links)
    return written


def _workshop(
    world: World,
    bulk: Bulk,
    maker: PartnerMaker,
    establishment: EstablishmentInfo,
    spec: WorkshopSpec,
    number: int,
) -> WorkshopInfo:
    rng = world.rng("workshop", establishment.code, spec.trade, number)
    partner = None
    if spec.partner == "new":
        partner = partner_company_for(maker, spec.trade, establishment)
    elif spec.partner:
        partner = world.state_partners[spec.partner]
    return WorkshopInfo(
        id=bulk.next_id("workshops"),
        uuid=uuid_int(rng),
        code=f"{establishment.tag}-{TRADE_PREFIX[spec.trade]}{number:02d}",
        name=spec.name,
        trade=spec.trade,
        modality=spec.modality,
        capacity=spec.capacity,
        hours=spec.hours * 100,
        instructor=names.citizen(rng, world.documents).full_name,
        partner=partner,
        client=world.state_partners.get(spec.client) if spec.client else None,
    )


def _links(spec: WorkshopSpec, info: WorkshopInfo, this_year: int) -> list[Link]:
    links: list[Link] = []
    if info.partner is not None:
        links.append((info, info.partner, spec.since or this_year - 2, True))
    if info.client is not None and spec.since is not None:
        links.append((info, info.client, spec.since, False))
    return links
