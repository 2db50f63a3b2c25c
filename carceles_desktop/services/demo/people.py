"""Trainees and their enrolments: who worked where, from when to when, and why it ended.

Each workshop's places are simulated one after another over the history: a trainee
takes a place, stays for as long as his programme, his sentence or his conduct allows,
and leaves (culminado, retirado, trasladado, liberado) for the next one from the waiting
list.  Trainees are then drawn for those enrolments so that nobody is in two workshops
at once, nobody comes back after release or transfer, and everyone was admitted before
his first enrolment.
"""

from __future__ import annotations

import heapq
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from carceles_desktop.domain.enums import EnrolmentState as S
from carceles_desktop.domain.enums import Sex
from carceles_desktop.services.demo import names
from carceles_desktop.services.demo.clock import WorkCalendar
from carceles_desktop.services.demo.layout import WOMENS_TRADES
from carceles_desktop.services.demo.world import EstablishmentInfo, WorkshopInfo, World

_ENDINGS = ((S.CULMINADO, 45), (S.RETIRADO, 22), (S.LIBERADO, 18), (S.TRASLADADO, 15))
_ENDING_STATES = [state for state, _ in _ENDINGS]
_ENDING_WEIGHTS = [weight for _, weight in _ENDINGS]
#: Chance that a trainee whose enrolment ended this way enrols again later.
_RETURNS = {S.CULMINADO: 0.35, S.RETIRADO: 0.15}


@dataclass
class Stint:
    """One enrolment being planned.

    Attributes:
        workshop: where.
        start: first day (for a waiting-list entry: the day he joined the list).
        end: last day, None while active or waiting.
        state: the current state.
        queued_on: the day he joined the waiting list before starting, if he did.
        queue_position: his place on the waiting list (state en_espera).
        trainee: index of the trainee in the establishment's list.
    """

    workshop: WorkshopInfo
    start: date
    end: date | None
    state: S
    queued_on: date | None = None
    queue_position: int | None = None
    trainee: int = -1
    id: int = 0
    uuid: int = 0


@dataclass
class TraineePlan:
    """A trainee being planned (the rest of his record is drawn when written)."""

    person: names.Person
    admission: date
    release: date | None = None
    stints: list[Stint] = field(default_factory=list)


def programme_days(world: World, workshop: WorkshopInfo) -> int:
    """Calendar days a trainee needs to complete the trade's required modules."""
    hours = sum(c.hours for c in world.trades.get(workshop.trade, ()) if c.required) or 300
    working_days = hours * 100 / (workshop.hours * 0.85)
    return int(working_days * 7 / 6) + 1


def simulate_workshop(world: World, cal: WorkCalendar, workshop: WorkshopInfo) -> list[Stint]:
    """Fill a workshop's places over the history, then its waiting list."""
    rng = world.rng("places", workshop.code)
    today, start = world.today, world.start
    programme = programme_days(world, workshop)
    occupancy = rng.uniform(0.8, 1.0)
    stints: list[Stint] = []
    for _ in range(max(1, round(workshop.capacity * occupancy))):
        day = start + timedelta(days=rng.randrange(0, 25))
        while True:
            day = cal.working_day_on_or_after(day)
            if day > today:
                break
            state = rng.choices(_ENDING_STATES, weights=_ENDING_WEIGHTS)[0]
            end = day + timedelta(days=_duration(rng, state, programme))
            queued = None
            if day > start + timedelta(days=30) and rng.random() < 0.3:
                queued = day - timedelta(days=rng.randrange(5, 45))
            if end >= today:
                stints.append(Stint(workshop, day, None, S.ACTIVO, queued_on=queued))
                break
            stints.append(Stint(workshop, day, end, state, queued_on=queued))
            day = end + timedelta(days=rng.randrange(1, 30))
    if occupancy >= 0.93:
        waiting = sorted(
            today - timedelta(days=rng.randrange(0, 60)) for _ in range(rng.randrange(3, 13))
        )
        for position, joined in enumerate(waiting, start=1):
            stints.append(Stint(workshop, joined, None, S.EN_ESPERA, queue_position=position))
    return stints


def _duration(rng: random.Random, state: S, programme: int) -> int:
    if state is S.CULMINADO:
        return int(programme * rng.uniform(1.0, 1.8))
    if state is S.RETIRADO:
        return rng.randrange(10, 150)
    if state is S.LIBERADO:
        return rng.randrange(15, 300)
    return rng.randrange(15, 250)


def assign_trainees(
    world: World, establishment: EstablishmentInfo, stints: list[Stint]
) -> list[TraineePlan]:
    """Draw a trainee for every enrolment, then the establishment's other trainees."""
    rng = world.rng("trainees", establishment.code)
    trainees: list[TraineePlan] = []
    returning: list[tuple[date, int]] = []
    stints.sort(key=lambda s: (s.start, s.workshop.id, s.state.value))
    for stint in stints:
        fresh = stint.state is S.EN_ESPERA or stint.queued_on is not None
        if not fresh and returning and returning[0][0] <= stint.start and rng.random() < 0.5:
            stint.trainee = heapq.heappop(returning)[1]
        else:
            joined = stint.queued_on or stint.start
            admission = joined - timedelta(days=rng.randrange(15, 1500))
            person = names.inmate(rng, _sex(rng, establishment, stint.workshop), world.documents)
            trainees.append(TraineePlan(person, admission))
            stint.trainee = len(trainees) - 1
        plan = trainees[stint.trainee]
        plan.stints.append(stint)
        if stint.state in (S.LIBERADO, S.TRASLADADO):
            plan.release = stint.end if stint.state is S.LIBERADO else None
        elif stint.end is not None and rng.random() < _RETURNS.get(stint.state, 0.0):
            back = stint.end + timedelta(days=rng.randrange(7, 60))
            heapq.heappush(returning, (back, stint.trainee))
    while len(trainees) < establishment.trainee_count:
        admission = world.today - timedelta(days=rng.randrange(5, 3000))
        person = names.inmate(rng, _sex(rng, establishment, None), world.documents)
        trainees.append(TraineePlan(person, admission))
    return trainees


def _sex(
    rng: random.Random, establishment: EstablishmentInfo, workshop: WorkshopInfo | None
) -> Sex:
    if establishment.population == "men":
        return Sex.MALE
    if establishment.population == "women":
        return Sex.FEMALE
    womens = workshop is not None and workshop.trade in WOMENS_TRADES
    return Sex.FEMALE if rng.random() < (0.85 if womens else 0.08) else Sex.MALE


# --- reasons given for each change of state -----------------------------------------

_REASONS: dict[S, tuple[str, ...]] = {
    S.ACTIVO: (
        "Inscripción aprobada por el jefe de trabajo tras la evaluación del equipo técnico",
        "Seleccionado por el Órgano Técnico de Tratamiento (interno primario)",
        "Inscripción a solicitud del interno; evaluación favorable de psicología y trabajo social",
        "Incorporado por requerimiento de mano de obra del taller",
    ),
    S.EN_ESPERA: (
        "Inscrito en lista de espera: taller con aforo completo",
        "Solicitud aceptada; sin vacantes por el momento",
    ),
    S.CULMINADO: (
        "Culminó el programa de capacitación del oficio",
        "Completó los módulos del oficio con evaluación aprobatoria",
        "Concluyó el periodo de trabajo previsto en el taller",
    ),
    S.RETIRADO: (
        "Retiro voluntario a solicitud del interno",
        "Retirado por inasistencias injustificadas reiteradas",
        "Retiro por motivos de salud (informe del área de salud)",
        "Retirado por sanción disciplinaria del Consejo Técnico Penitenciario",
        "Cambio a otra actividad educativa (CEBA)",
    ),
    S.LIBERADO: (
        "Egreso por cumplimiento de condena",
        "Egreso por beneficio penitenciario de semilibertad",
        "Egreso por beneficio de liberación condicional",
        "Libertad por mandato judicial (variación de la detención)",
    ),
    S.TRASLADADO: (
        "Traslado a otro establecimiento penitenciario por seguridad",
        "Traslado a otro establecimiento a pedido del interno (acercamiento familiar)",
        "Traslado por descongestionamiento del establecimiento",
    ),
}
_FROM_QUEUE = "Vacante disponible: ingresa desde la lista de espera"


#: A change of state: from, to, on which day, why.
Step = tuple[S | None, S, date, str]


def history(rng: random.Random, stint: Stint) -> list[Step]:
    """The changes of state that led to the enrolment's current state, oldest first."""
    steps: list[Step] = []
    if stint.state is S.EN_ESPERA:
        return [(None, S.EN_ESPERA, stint.start, rng.choice(_REASONS[S.EN_ESPERA]))]
    if stint.queued_on is not None:
        steps.append((None, S.EN_ESPERA, stint.queued_on, rng.choice(_REASONS[S.EN_ESPERA])))
        steps.append((S.EN_ESPERA, S.ACTIVO, stint.start, _FROM_QUEUE))
    else:
        steps.append((None, S.ACTIVO, stint.start, rng.choice(_REASONS[S.ACTIVO])))
    if stint.end is not None:
        steps.append((S.ACTIVO, stint.state, stint.end, rng.choice(_REASONS[stint.state])))
    return steps
