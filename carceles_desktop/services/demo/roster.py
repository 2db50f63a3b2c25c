"""Writing an establishment's trainees, enrolments and their state history."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta

from carceles_desktop.domain.enums import DocumentType, LegalSituation
from carceles_desktop.domain.enums import EnrolmentState as S
from carceles_desktop.domain.rules.calendar import spanish_month_year
from carceles_desktop.domain.rules.text import search_key
from carceles_desktop.services.demo.bulk import Bulk, Row, uuid_int
from carceles_desktop.services.demo.clock import office_time
from carceles_desktop.services.demo.people import Step, Stint, TraineePlan, history
from carceles_desktop.services.demo.world import EstablishmentInfo, World


def write_trainees(
    world: World, bulk: Bulk, establishment: EstablishmentInfo, trainees: list[TraineePlan]
) -> list[int]:
    """Write the trainees; return their keys in the order of ``trainees``."""
    rng = world.rng("trainee-rows", establishment.code)
    keys = list(bulk.ids("trainees", len(trainees)))
    prefix = "".join(ch for ch in establishment.code if ch.isalpha())[:3]
    rows = (
        _trainee_row(world, bulk, rng, establishment.id, keys[index], plan, (prefix, index + 1))
        for index, plan in enumerate(trainees)
    )
    bulk.insert("trainees", rows)
    documents = Counter(p.person.doc_type for p in trainees)
    world.audit.note(
        office_time(world.start, rng),
        world.who.admin,
        "import",
        "trainee",
        summary=f"Demo data: imported {len(trainees)} trainees into {establishment.name}",
        changes={
            "establishment": establishment.code,
            "rows": len(trainees),
            "documents": {kind.value: documents.get(kind, 0) for kind in DocumentType},
        },
    )
    return keys


def _trainee_row(
    world: World,
    bulk: Bulk,
    rng: random.Random,
    establishment_id: int,
    key: int,
    plan: TraineePlan,
    number: tuple[str, int],
) -> Row:
    person = plan.person
    # The inmate code: the establishment's letters, the year of admission, a number.
    code = f"{number[0]}{plan.admission.year % 100:02d}-{number[1]:05d}"
    sentenced = rng.random() < 0.65
    rule = None
    rules = world.redemption_rule_ids
    if sentenced and rules and rng.random() < 0.6:
        rule = rules[0] if rng.random() < 0.75 else rng.choice(rules)
    birth = plan.admission - timedelta(days=int(rng.triangular(19, 62, 27) * 365.25))
    stamp = bulk.stamp(office_time(max(plan.admission, world.start), rng))
    situation = LegalSituation.SENTENCIADO if sentenced else LegalSituation.PROCESADO
    return {
        "id": key,
        "uuid": bulk.uuid(uuid_int(rng)),
        "created_at": stamp,
        "updated_at": stamp,
        "establishment_id": establishment_id,
        "inmate_code": code,
        "doc_type": person.doc_type.value,
        "doc_number": person.doc_number,
        "paternal_surname": person.paternal,
        "maternal_surname": person.maternal,
        "given_names": person.given,
        "sex": person.sex.value,
        "birth_date": bulk.day(birth),
        "nationality": person.nationality,
        "admission_date": bulk.day(plan.admission),
        "legal_situation": situation.value,
        "first_offender": rng.random() < 0.7,
        "redemption_rule_id": rule,
        "release_date": bulk.day(plan.release),
        "search_key": search_key(
            person.paternal, person.maternal, person.given, person.doc_number, code
        ),
    }


def write_enrolments(
    world: World, bulk: Bulk, establishment: EstablishmentInfo, stints: list[Stint], keys: list[int]
) -> None:
    """Write the enrolments and every change of state with its reason."""
    rng = world.rng("enrolment-rows", establishment.code)
    ids = bulk.ids("enrolments", len(stints))
    for stint, key in zip(stints, ids, strict=True):
        stint.id = key
        stint.uuid = uuid_int(rng)
    enrolments: list[Row] = []
    changes: list[Row] = []
    summaries: dict[tuple[int, int, int], Counter[str]] = {}
    for stint in stints:
        steps = history(rng, stint)
        enrolments.append(_enrolment_row(bulk, rng, stint, steps, keys[stint.trainee]))
        who = world.who.supervisor if stint.workshop.supervised else world.who.jefe
        for before, after, day, reason in steps:
            stamp = bulk.stamp(office_time(day, rng))
            changes.append(
                {
                    "uuid": bulk.uuid(uuid_int(rng)),
                    "created_at": stamp,
                    "updated_at": stamp,
                    "enrolment_id": stint.id,
                    "from_state": before.value if before else None,
                    "to_state": after.value,
                    "changed_on": bulk.day(day),
                    "reason": reason,
                    "user_id": who.user_id,
                }
            )
            if world.national:
                month = summaries.setdefault((stint.workshop.id, day.year, day.month), Counter())
                month[after.value] += 1
            else:
                _note_change(world, rng, stint, before, after, day, reason)
    bulk.insert("enrolments", enrolments)
    bulk.insert("enrolment_state_changes", changes)
    if summaries:
        _note_summaries(world, rng, establishment, summaries)


def _enrolment_row(
    bulk: Bulk, rng: random.Random, stint: Stint, steps: list[Step], trainee_id: int
) -> Row:
    return {
        "id": stint.id,
        "uuid": bulk.uuid(stint.uuid),
        "created_at": bulk.stamp(office_time(steps[0][2], rng, late=12)),
        "updated_at": bulk.stamp(office_time(steps[-1][2], rng, early=12)),
        "trainee_id": trainee_id,
        "workshop_id": stint.workshop.id,
        "starts_on": bulk.day(stint.start),
        "ends_on": bulk.day(stint.end),
        "state": stint.state.value,
        "queue_position": stint.queue_position,
    }


def _note_change(
    world: World,
    rng: random.Random,
    stint: Stint,
    before: S | None,
    after: S,
    day: date,
    reason: str,
) -> None:
    who = world.who.supervisor if stint.workshop.supervised else world.who.jefe
    world.audit.note(
        office_time(day, rng),
        who,
        "state_change" if before else "create",
        "enrolment",
        entity_uuid=stint.uuid,
        summary=f"Enrolment in {stint.workshop.code}: {before.value if before else '—'} → "
        f"{after.value}",
        changes={"state": [before.value if before else None, after.value], "reason": reason},
    )


def _note_summaries(
    world: World,
    rng: random.Random,
    establishment: EstablishmentInfo,
    summaries: dict[tuple[int, int, int], Counter[str]],
) -> None:
    # Across the country one entry per workshop and month stands for its changes.
    workshops = {w.id: w for w in establishment.workshops}
    for (workshop_id, year, month), counts in sorted(summaries.items()):
        workshop = workshops[workshop_id]
        last_day = min(_month_end(year, month), world.today)
        world.audit.note(
            office_time(last_day, rng),
            world.who.supervisor if workshop.supervised else world.who.jefe,
            "state_change",
            "workshop",
            entity_uuid=workshop.uuid,
            summary=f"Enrolment changes in {workshop.code}, {spanish_month_year(year, month)}: "
            + ", ".join(f"{state} {n}" for state, n in sorted(counts.items())),
            changes={"enrolment_states": dict(sorted(counts.items()))},
        )


def _month_end(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)
