"""Deterministic demo data: a realistic prison workshop programme to try the program on.

``generate_demo_data(database, scale="site")`` fills a new database with one
establishment (E.P. de Lurigancho): ten workshops, about 2,000 trainees, two years of
enrolments and daily attendance, assessments, clients, agreements, orders, production
batches and delivery notes, the four demo accounts (password ``demo``), a few hundred
training certificates signed with the site's demo key (passphrase ``demo-clave-2026``,
see :mod:`.certificates`) and an intact audit trail.  ``scale="national"`` fills all 69
establishments: about 300 workshops, 100,000 trainees and several million attendance
rows (certificates only for the first establishment).

The same seed and ``today`` give the same names, documents, UUIDs and figures.  Rows are
written with bulk inserts in one transaction per phase (per establishment for the
largest one), so an interrupted run leaves whole establishments; it is meant for a new
file that is thrown away if it fails.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from sqlalchemy import func, select

from carceles_desktop.domain.enums import WorkshopModality
from carceles_desktop.domain.users import AuditEntry
from carceles_desktop.errors import ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.catalogues import FIRST_HOLIDAY_YEAR, load_catalogues
from carceles_desktop.services.demo.bulk import Bulk
from carceles_desktop.services.demo.certificates import (
    DEMO_KEY_PASSPHRASE,
    PHASE_CERTIFICATES,
    issue_demo_certificates,
)
from carceles_desktop.services.demo.commerce import create_partners, create_products
from carceles_desktop.services.demo.establishment import Tally, fill_establishment
from carceles_desktop.services.demo.setup import read_catalogues, refuse_if_populated
from carceles_desktop.services.demo.users import DEMO_PASSWORD, create_demo_users
from carceles_desktop.services.demo.workshops import create_workshops
from carceles_desktop.services.demo.world import NATIONAL, SITE, Size, World
from carceles_desktop.services.settings import update_settings
from carceles_desktop.storage.unit_of_work import Database

__all__ = [
    "DEMO_KEY_PASSPHRASE",
    "DEMO_PASSWORD",
    "PHASES",
    "DemoReport",
    "Progress",
    "Size",
    "generate_demo_data",
]

Progress = Callable[[str, int, int], None]

PHASE_CATALOGUES = QT_TRANSLATE_NOOP("demo", "Loading catalogues")
PHASE_SETUP = QT_TRANSLATE_NOOP("demo", "Creating workshops, clients, products and users")
PHASE_PEOPLE = QT_TRANSLATE_NOOP("demo", "Generating trainees, attendance and production")
PHASE_AUDIT = QT_TRANSLATE_NOOP("demo", "Writing the audit trail")
#: The labels ``progress`` receives, in order (translate them under context "demo").
PHASES = (PHASE_CATALOGUES, PHASE_SETUP, PHASE_PEOPLE, PHASE_AUDIT, PHASE_CERTIFICATES)


@dataclass(frozen=True)
class DemoReport:
    """What one run generated."""

    scale: str
    establishments: int
    workshops: int
    trainees: int
    enrolments: int
    attendance_rows: int
    batches: int
    orders: int
    deliveries: int
    audit_entries: int
    seconds: float
    certificates: int = 0


def generate_demo_data(
    database: Database,
    *,
    scale: Literal["site", "national"] = "site",
    seed: int = 2026,
    today: date | None = None,
    progress: Progress | None = None,
    _size: Size | None = None,
) -> DemoReport:
    """Fill a new, migrated database with demo data.

    Args:
        database: the open database (already migrated).
        scale: ``"site"`` (one establishment) or ``"national"`` (all of them).
        seed: the random seed; the same seed and ``today`` give the same data.
        today: the last day of the history (default: the computer's date).
        progress: called as ``progress(phase_label, done, total)`` now and then.
        _size: overrides the scale's size (tests use a small one).

    Returns:
        The counts of what was written, and the seconds it took.

    Raises:
        ValidationError: the database already holds trainees, the scale is unknown, or
            an establishment the demo needs is missing from the catalogue.
    """
    started = time.perf_counter()
    if scale not in ("site", "national"):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Unknown demo scale {scale}."), field="scale", scale=scale
        )
    size = _size or (SITE if scale == "site" else NATIONAL)
    world = World(seed=seed, today=today or date.today(), size=size, national=scale == "national")
    report = progress or (lambda _label, _done, _total: None)
    actor = Actor.system("demo")
    _catalogues(database, world, actor, report, set_site=scale == "site")
    _setup(database, world, actor, report)
    tally = _fill(database, world, report)
    audit_entries = _audit(database, world, report)
    # Last: issued through the services, whose audit entries follow the bulk trail.
    certified = issue_demo_certificates(database, world, report)
    audit_entries += certified.audit_entries
    return DemoReport(
        scale=scale,
        establishments=len(world.establishments),
        workshops=sum(len(e.workshops) for e in world.establishments),
        trainees=tally.trainees,
        enrolments=tally.enrolments,
        attendance_rows=tally.attendance,
        batches=tally.batches,
        orders=tally.orders,
        deliveries=tally.deliveries,
        audit_entries=audit_entries,
        seconds=round(time.perf_counter() - started, 2),
        certificates=certified.issued,
    )


def _catalogues(
    database: Database, world: World, actor: Actor, report: Progress, *, set_site: bool
) -> None:
    report(PHASE_CATALOGUES, 0, 1)
    with database.unit_of_work() as uow:
        refuse_if_populated(uow)
        years = range(min(FIRST_HOLIDAY_YEAR, world.start.year), world.today.year + 3)
        load_catalogues(uow, actor, holiday_years=years)
        read_catalogues(uow, world)
        if set_site:
            update_settings(uow, actor, establishment_code=world.establishments[0].code)
        uow.commit()
    report(PHASE_CATALOGUES, 1, 1)


def _setup(database: Database, world: World, actor: Actor, report: Progress) -> None:
    report(PHASE_SETUP, 0, 1)
    with database.unit_of_work() as uow:
        bulk = Bulk(uow.session)
        maker = create_partners(world, bulk)
        create_products(world, bulk)
        create_workshops(world, bulk, maker)
        site = world.establishments[0]
        world.users = create_demo_users(uow, actor, site.id, _supervised(world))
        bulk.sync_sequences()
        uow.commit()
    report(PHASE_SETUP, 1, 1)


def _audit(database: Database, world: World, report: Progress) -> int:
    report(PHASE_AUDIT, 0, 1)
    with database.unit_of_work() as uow:
        world.audit.write(Bulk(uow.session))
        entries = uow.session.execute(select(func.count(AuditEntry.seq))).scalar_one()
        uow.commit()
    report(PHASE_AUDIT, 1, 1)
    return int(entries)


def _supervised(world: World) -> list[int]:
    """The supervisor looks after three of the site's own (not partner-run) workshops."""
    site = world.establishments[0]
    own = [w for w in site.workshops if w.modality is WorkshopModality.INPE]
    chosen = (own or site.workshops)[1:4] if len(own) > 3 else (own or site.workshops)[:3]
    for workshop in chosen:
        workshop.supervised = True
    return [w.id for w in chosen]


def _fill(database: Database, world: World, report: Progress) -> Tally:
    tally = Tally()
    total = sum(len(e.workshops) for e in world.establishments)
    done = 0

    def workshop_done() -> None:
        nonlocal done
        done += 1
        report(PHASE_PEOPLE, done, total)

    report(PHASE_PEOPLE, 0, total)
    for establishment in world.establishments:
        with database.unit_of_work() as uow:
            bulk = Bulk(uow.session)
            tally.add(fill_establishment(world, bulk, establishment, workshop_done))
            bulk.sync_sequences()
            uow.commit()
    return tally
