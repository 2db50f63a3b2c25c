"""Reading what the catalogues hold and choosing the establishments to fill."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from carceles_desktop.domain.catalogues import (
    Competency,
    Establishment,
    Holiday,
    RedemptionRule,
    RegionalOffice,
    Trade,
)
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.errors import ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.demo.layout import ubigeo_of, workshop_counts
from carceles_desktop.services.demo.world import Competence, EstablishmentInfo, World
from carceles_desktop.storage.unit_of_work import UnitOfWork

#: The establishment a site-sized demo fills, and whose series is the default NE01.
SITE_CODE = "LURIGANCHO"
DEFAULT_SERIES = "NE01"
_TAG_LENGTH = 14


def refuse_if_populated(uow: UnitOfWork) -> None:
    """Refuse to add demo data to a database that already holds trainees.

    Raises:
        ValidationError: the database holds trainees.
    """
    if uow.session.execute(select(Trainee.id).limit(1)).first() is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "This database already holds trainees; demo data goes only into a new, "
                "empty database.",
            ),
            field="database",
        )


def read_catalogues(uow: UnitOfWork, world: World) -> None:
    """Read trades, competencies, holidays, redemption rules and establishments.

    Raises:
        ValidationError: an establishment the demo needs is not in the catalogue.
    """
    session = uow.session
    world.trade_ids = {code: key for code, key in session.execute(select(Trade.code, Trade.id))}
    by_id = {key: code for code, key in world.trade_ids.items()}
    query = (
        select(Competency.trade_id, Competency.id, Competency.hours, Competency.required)
        .where(Competency.active.is_(True))
        .order_by(Competency.trade_id, Competency.position, Competency.code)
    )
    for trade_id, key, hours, required in session.execute(query):
        world.trades.setdefault(by_id[trade_id], []).append(Competence(key, hours, required))
    holidays = select(Holiday.day, Holiday.establishment_id).where(
        Holiday.day.between(world.start, world.today)
    )
    for day, place in session.execute(holidays):
        world.holidays.setdefault(place, set()).add(day)
    rules = (
        select(RedemptionRule.id)
        .where(RedemptionRule.allowed.is_(True), RedemptionRule.valid_to.is_(None))
        .order_by(RedemptionRule.id)
    )
    world.redemption_rule_ids = list(session.scalars(rules))
    _choose_establishments(uow, world)


def _choose_establishments(uow: UnitOfWork, world: World) -> None:
    query = (
        select(
            Establishment.id,
            Establishment.code,
            Establishment.name,
            Establishment.city,
            Establishment.population,
            Establishment.ubigeo,
            RegionalOffice.code,
        )
        .join(RegionalOffice, Establishment.regional_office_id == RegionalOffice.id)
        .where(Establishment.active.is_(True))
        .order_by(Establishment.id)
    )
    rows = list(uow.session.execute(query))
    world.places = [
        (name, city or "", ubigeo or ubigeo_of(code, city))
        for _, code, name, city, _, ubigeo, _ in rows
    ]
    wanted = world.size.establishments
    if wanted is not None:
        missing = sorted(set(wanted) - {row[1] for row in rows})
        if missing:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The establishment {code} is not in the catalogue."),
                field="establishment",
                code=missing[0],
            )
        rows = [row for row in rows if row[1] in wanted]
    # The site keeps the default series NE01; the others follow in catalogue order.
    rows.sort(key=lambda row: (row[1] != SITE_CODE, row[0]))
    _describe(world, rows)


def _describe(world: World, rows: list[Any]) -> None:
    codes = [row[1] for row in rows]
    if len(codes) > 1:
        counts = workshop_counts(codes, world.size.workshops)
    else:
        counts = {codes[0]: world.size.workshops}
    total = sum(counts.values())
    tags = _tags(codes)
    for number, (key, code, name, city, population, ubigeo, region) in enumerate(rows, start=1):
        world.establishments.append(
            EstablishmentInfo(
                id=key,
                code=code,
                name=name,
                city=city or name,
                population=population,
                region=region,
                ubigeo=ubigeo or ubigeo_of(code, city),
                tag=tags[code],
                series=DEFAULT_SERIES if number == 1 else _series(number),
                workshop_count=counts[code],
                trainee_count=round(world.size.trainees * counts[code] / total),
            )
        )


def _series(number: int) -> str:
    return f"NE{number:02d}" if number < 100 else f"N{number:03d}"


def _tags(codes: list[str]) -> dict[str, str]:
    """Short, unique prefixes of the establishments' codes for other codes to start with."""
    tags: dict[str, str] = {}
    used: set[str] = set()
    for code in codes:
        tag = code[:_TAG_LENGTH].rstrip("-")
        suffix = 2
        while tag in used:
            tag = f"{code[: _TAG_LENGTH - 2].rstrip('-')}{suffix}"
            suffix += 1
        used.add(tag)
        tags[code] = tag
    return tags
