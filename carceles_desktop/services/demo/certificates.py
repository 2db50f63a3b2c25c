"""The demo's training certificates, issued through the program's own services.

Unlike the bulk phases before it, this one goes through :mod:`..certificates`: a signing
key for the site (passphrase :data:`DEMO_KEY_PASSPHRASE`, valid from the first day of
the history), then up to :data:`MOST_CERTIFICATES` of the site's eligible graduates
certified a few days after they culminated, by the demo's head of work, in date order so
that each year's numbers follow the calendar.  Some are later reprinted (DUPLICADO),
a few annulled and a few replaced.  Every step leaves its own audit entry.  Keys and
signatures are random, so this phase alone is not repeatable byte for byte; which
trainees are certified, and when, follows the seed.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy import func, select

from carceles_desktop.domain.users import AuditEntry
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import certificates, signing_keys
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.certificate_eligibility import Eligibility, eligible_enrolments
from carceles_desktop.services.demo.world import World
from carceles_desktop.services.sign_in import actor_for
from carceles_desktop.storage.unit_of_work import Database, UnitOfWork

#: The passphrase of the demo's signing key (the README states it).
DEMO_KEY_PASSPHRASE = "demo-clave-2026"
MOST_CERTIFICATES = 300
PHASE_CERTIFICATES = QT_TRANSLATE_NOOP("demo", "Issuing training certificates")

_ANNUL_REASONS = (
    "Error en el número de documento del interno",
    "Emitido por duplicado por error",
    "Resolución de la Dirección que deja sin efecto la constancia",
)
_REPLACE_REASONS = (
    "Corrección del nombre del interno según su DNI",
    "Corrección de las horas registradas",
)


@dataclass(frozen=True)
class DemoCertificates:
    """What the phase did."""

    issued: int
    annulled: int
    replaced: int
    reprinted: int
    audit_entries: int


@dataclass(frozen=True)
class _Event:
    day: date
    order: int
    kind: str  # "issue", "reprint", "annul", "replace"
    enrolment_id: int


def _plan(world: World, rng: random.Random, ready: list[Eligibility]) -> list[_Event]:
    chosen = sorted(
        rng.sample(ready, min(MOST_CERTIFICATES, len(ready))), key=lambda e: e.enrolment_id
    )
    events: list[_Event] = []
    for item in chosen:
        end = item.ends_on or world.today
        issued = min(end + timedelta(days=rng.randint(3, 25)), world.today)
        events.append(_Event(issued, len(events), "issue", item.enrolment_id))
        later = issued + timedelta(days=rng.randint(20, 200))
        if later > world.today:
            continue
        roll = rng.random()
        kind = (
            "reprint"
            if roll < 0.10
            else "annul"
            if roll < 0.14
            else "replace"
            if roll < 0.17
            else ""
        )
        if kind:
            events.append(_Event(later, len(events), kind, item.enrolment_id))
    return sorted(events, key=lambda event: (event.day, event.order))


def issue_demo_certificates(
    database: Database, world: World, report: Callable[[str, int, int], None]
) -> DemoCertificates:
    """Issue, reprint, annul and replace the site's demo certificates in one transaction."""
    site = world.establishments[0]
    rng = world.rng("certificates", site.code)
    report(PHASE_CERTIFICATES, 0, 1)
    with database.unit_of_work() as uow:
        before = _entries(uow)
        signing_keys.create_signing_key(
            uow, Actor.system("demo"), site.code, DEMO_KEY_PASSPHRASE, valid_from=world.start
        )
        jefe = actor_for(uow, world.who.jefe.user_id or 0)
        ready = [e for w in site.workshops for e in eligible_enrolments(uow, jefe, w.id)]
        events = _plan(world, rng, ready)
        signer = signing_keys.open_signer(uow, site.code, world.today, DEMO_KEY_PASSPHRASE)
        counts = _run(uow, world, rng, jefe, signer, events)
        counts = replace(counts, audit_entries=_entries(uow) - before)
        uow.commit()
    report(PHASE_CERTIFICATES, 1, 1)
    return counts


def _entries(uow: UnitOfWork) -> int:
    return int(uow.session.scalar(select(func.count(AuditEntry.seq))) or 0)


def _run(
    uow: UnitOfWork,
    world: World,
    rng: random.Random,
    jefe: Actor,
    signer: signing_keys.Signer,
    events: list[_Event],
) -> DemoCertificates:
    current: dict[int, int] = {}  # enrolment → its current certificate
    counts = {"issue": 0, "reprint": 0, "annul": 0, "replace": 0}
    for event in events:
        today = world.today
        if event.kind == "issue":
            row = certificates.issue_certificate(
                uow, jefe, event.enrolment_id, passphrase=signer, on=event.day, today=today
            )
            current[event.enrolment_id] = row.id
        elif event.kind == "reprint":
            certificates.record_reprint(
                uow, jefe, current[event.enrolment_id], on=event.day, today=today
            )
        elif event.kind == "annul":
            certificates.annul_certificate(
                uow,
                jefe,
                current.pop(event.enrolment_id),
                reason=rng.choice(_ANNUL_REASONS),
                on=event.day,
                today=today,
            )
        else:
            row = certificates.replace_certificate(
                uow,
                jefe,
                current[event.enrolment_id],
                passphrase=signer,
                on=event.day,
                reason=rng.choice(_REPLACE_REASONS),
                today=today,
            )
            current[event.enrolment_id] = row.id
        counts[event.kind] += 1
    return DemoCertificates(
        issued=counts["issue"] + counts["replace"],
        annulled=counts["annul"],
        replaced=counts["replace"],
        reprinted=counts["reprint"],
        audit_entries=0,
    )
