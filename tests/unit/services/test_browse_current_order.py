"""Sorting the Internos list by current workshop or state equals a reference order.

The service builds these pages in two parts (enrolled trainees, then the others) and
takes a shortcut for trainees with one enrolment; the reference below ranks every
trainee's enrolments in Python by the rule itself: active, else waiting, else the
latest (start date, then id).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from carceles_desktop.domain.catalogues import Establishment, RegionalOffice, Trade
from carceles_desktop.domain.enrolments import Enrolment
from carceles_desktop.domain.enums import (
    DocumentType,
    EnrolmentState,
    LegalSituation,
    Role,
    Sex,
    WorkshopModality,
)
from carceles_desktop.domain.rules.text import fold, search_key
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.domain.workshops import Workshop
from carceles_desktop.services import browse
from carceles_desktop.services.actor import Actor
from carceles_desktop.storage.opening import open_database
from carceles_desktop.storage.unit_of_work import Database

ADMIN = Actor(user_id=None, username="admin", role=Role.ADMIN)
A, W, C, R = (
    EnrolmentState.ACTIVO,
    EnrolmentState.EN_ESPERA,
    EnrolmentState.CULMINADO,
    EnrolmentState.RETIRADO,
)
# Plain ASCII names, so SQLite's and PostgreSQL's collations agree with Python's.
# Two workshops share a name (in different establishments): their trainees tie.
WORKSHOPS = [("ALF", "Alfareria", 0), ("CAR1", "Carpinteria", 0), ("CAR2", "Carpinteria", 1)]
WORKSHOPS += [("PAN", "Panaderia", 1), ("TEX", "Textil", 0)]
# Per trainee: (workshop code, start day in 2025, state) of each enrolment, in the
# order they are inserted (so a later one has a higher id).
SITUATIONS: list[list[tuple[str, int, EnrolmentState]]] = [
    [],  # never enrolled
    [("TEX", 10, A)],  # one active
    [("ALF", 20, W)],  # one waiting
    [("PAN", 5, C)],  # one ended
    [("ALF", 1, C), ("TEX", 2, A)],  # ended then active: active wins
    [("TEX", 9, A), ("ALF", 30, C)],  # active then a later ended one: active wins
    [("PAN", 1, C), ("CAR1", 2, W), ("ALF", 3, R)],  # waiting beats later endings
    [("TEX", 3, W), ("PAN", 4, A)],  # active beats waiting
    [("CAR1", 8, C), ("CAR2", 3, R)],  # both ended: the later start wins
    [("PAN", 6, R), ("ALF", 6, C)],  # same start: the higher id wins
    [("ALF", 6, C), ("PAN", 6, R)],  # same start the other way round
    [],  # never enrolled
    [("CAR2", 12, A)],  # ties with the next on workshop name
    [("CAR1", 11, A)],
    [("CAR1", 1, C), ("CAR2", 2, C), ("TEX", 2, R)],  # same start, three endings
    [("CAR1", 1, R)],
    [],  # never enrolled
]


@dataclass
class World:
    database: Database
    workshop_names: dict[int, str]
    #: trainee id → his enrolments as (id, workshop id, start, state)
    enrolments: dict[int, list[tuple[int, int, date, EnrolmentState]]]


def _add_trainee(session, index: int, establishment_id: int) -> int:  # noqa: ANN001
    code = f"T-{index:03d}"
    trainee = Trainee(
        establishment_id=establishment_id,
        inmate_code=code,
        doc_type=DocumentType.NONE,
        doc_number=None,
        paternal_surname="Quispe",
        maternal_surname="Mamani",
        given_names=f"Interno {index}",
        sex=Sex.MALE,
        legal_situation=LegalSituation.SENTENCIADO,
        search_key=search_key("Quispe", "Mamani", f"Interno {index}", None, code),
    )
    session.add(trainee)
    session.flush()
    return trainee.id


def _add_workshops(session) -> dict[str, Workshop]:  # noqa: ANN001
    office = RegionalOffice(code="LIMA", name="Lima", seat="Lima")
    session.add(office)
    session.flush()
    ests = [
        Establishment(code=f"EST-{i}", name=f"E.P. {i}", regional_office_id=office.id)
        for i in range(2)
    ]
    trade = Trade(code="OFI", name="Oficios")
    session.add_all([*ests, trade])
    session.flush()
    workshops = {}
    for code, name, est in WORKSHOPS:
        workshops[code] = Workshop(
            code=code,
            name=name,
            name_key=fold(name),
            establishment_id=ests[est].id,
            trade_id=trade.id,
            modality=WorkshopModality.INPE,
            capacity=30,
        )
    session.add_all(workshops.values())
    session.flush()
    return workshops


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def world(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[World]:
    if request.param == "postgres":
        location = request.getfixturevalue("fresh_postgres_url")
    else:
        location = str(tmp_path / "order.sqlite3")
    database = open_database(location, create=True)
    enrolments: dict[int, list[tuple[int, int, date, EnrolmentState]]] = {}
    with database.unit_of_work() as uow:
        workshops = _add_workshops(uow.session)
        for index, situation in enumerate(SITUATIONS):
            trainee_id = _add_trainee(uow.session, index, workshops["ALF"].establishment_id)
            enrolments[trainee_id] = []
            for code, day, state in situation:
                enrolment = Enrolment(
                    trainee_id=trainee_id,
                    workshop_id=workshops[code].id,
                    starts_on=date(2025, 1, day),
                    state=state,
                )
                uow.session.add(enrolment)
                uow.session.flush()
                entry = (enrolment.id, enrolment.workshop_id, enrolment.starts_on, state)
                enrolments[trainee_id].append(entry)
        names = {w.id: w.name for w in workshops.values()}
        uow.commit()
    yield World(database, names, enrolments)
    database.dispose()


def _reference(world: World, sort: str, descending: bool) -> list[int]:
    """Trainee ids in the expected order, computed from the rule in Python."""
    rank = {EnrolmentState.ACTIVO: 0, EnrolmentState.EN_ESPERA: 1}
    keys: dict[int, str] = {}
    for trainee_id, enrolments in world.enrolments.items():
        if not enrolments:
            continue
        _, workshop_id, _, state = min(
            enrolments, key=lambda e: (rank.get(e[3], 2), -e[2].toordinal(), -e[0])
        )
        keys[trainee_id] = world.workshop_names[workshop_id] if sort == "workshop" else state.value
    enrolled = sorted(keys, key=lambda t: (keys[t], t), reverse=descending)
    others = sorted((t for t in world.enrolments if t not in keys), reverse=descending)
    return enrolled + others


def _ids(
    world: World,
    sort: str,
    *,
    descending: bool = False,
    text: str = "",
    offset: int = 0,
    limit: int = 200,
) -> list[int]:
    with world.database.unit_of_work(read_only=True) as uow:
        rows = browse.search_trainees(
            uow, ADMIN, text=text, sort=sort, descending=descending, offset=offset, limit=limit
        )
        return [row.id for row in rows]


@pytest.mark.parametrize("sort", ["workshop", "state"])
@pytest.mark.parametrize("descending", [False, True])
def test_current_enrolment_sorts_match_the_reference(
    world: World, sort: str, descending: bool
) -> None:
    expected = _reference(world, sort, descending)
    assert _ids(world, sort, descending=descending) == expected
    # Pages of every size join up: within the enrolled, across the border, past it.
    for size in (1, 3, 5, 11):
        pages = [
            _ids(world, sort, descending=descending, offset=offset, limit=size)
            for offset in range(0, len(expected) + size, size)
        ]
        assert [i for page in pages for i in page] == expected


def test_current_enrolment_sort_shows_the_current_workshop(world: World) -> None:
    with world.database.unit_of_work(read_only=True) as uow:
        rows = browse.search_trainees(uow, ADMIN, sort="workshop")
    expected = _reference(world, "workshop", False)
    assert [row.id for row in rows] == expected
    shown = [row.active_workshop for row in rows]
    # The shown names are the sort keys: ascending, then the never-enrolled (None).
    named = [name for name in shown if name is not None]
    assert named == sorted(named)
    assert shown[len(named) :] == [None] * 3


def test_current_enrolment_sort_with_a_filter(world: World) -> None:
    # "interno 1" finds trainees 1 and 10-16 (their given names start so).
    found = {t for i, t in enumerate(world.enrolments) if str(i).startswith("1")}
    for descending in (False, True):
        expected = [t for t in _reference(world, "workshop", descending) if t in found]
        assert _ids(world, "workshop", descending=descending, text="interno 1") == expected
        pages = [
            _ids(world, "workshop", descending=descending, text="interno 1", offset=o, limit=3)
            for o in range(0, 9, 3)
        ]
        assert [i for page in pages for i in page] == expected
