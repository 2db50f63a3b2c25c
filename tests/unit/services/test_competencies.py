"""Editing a trade's competencies: checks, permissions, audit."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from carceles_desktop.domain.users import AuditEntry
from carceles_desktop.errors import Conflict, NotFound, PermissionDenied, ValidationError
from carceles_desktop.services import competencies
from carceles_desktop.storage.unit_of_work import Database
from tests.helpers.certificate_world import ADMIN, World, seeded_database


@pytest.fixture
def place(tmp_path: Path) -> Iterator[tuple[Database, World]]:
    database, world = seeded_database(tmp_path)
    yield database, world
    database.dispose()


def test_create_appends_to_the_trade_and_is_audited(place: tuple[Database, World]) -> None:
    database, world = place
    with database.unit_of_work() as uow:
        row = competencies.create_competency(
            uow, ADMIN, world.trade_code, code=" m4 ", name="  Pastelería   fina ", hours=15
        )
        assert (row.code, row.name, row.hours, row.required, row.position) == (
            "M4",
            "Pastelería fina",
            15,
            True,
            4,
        )
        listed = competencies.list_competencies(uow, world.trade_code)
        assert [c.code for c in listed] == ["M1", "M2", "M3", "M4"]
        entry = uow.session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert entry is not None
        assert (entry.action, entry.entity) == ("create", "competency")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"code": "M 4"}, "code"),
        ({"code": ""}, "code"),
        ({"name": "  "}, "name"),
        ({"hours": -1}, "hours"),
        ({"hours": 5001}, "hours"),
        ({"hours": 1.5}, "hours"),
        ({"position": -2}, "position"),
    ],
)
def test_bad_values_name_their_field(
    place: tuple[Database, World], changes: dict[str, object], field: str
) -> None:
    database, world = place
    values: dict[str, object] = {"code": "M4", "name": "Pastelería", "hours": 10, **changes}
    with database.unit_of_work() as uow, pytest.raises(ValidationError) as caught:
        competencies.create_competency(uow, ADMIN, world.trade_code, **values)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_duplicate_code_and_unknown_trade_are_refused(place: tuple[Database, World]) -> None:
    database, world = place
    with database.unit_of_work() as uow:
        with pytest.raises(Conflict):
            competencies.create_competency(
                uow, ADMIN, world.trade_code, code="m1", name="X", hours=1
            )
        with pytest.raises(NotFound):
            competencies.create_competency(uow, ADMIN, "NO-EXISTE", code="X1", name="X", hours=1)


def test_only_catalogue_editors_may_change_competencies(place: tuple[Database, World]) -> None:
    database, world = place
    with database.unit_of_work() as uow, pytest.raises(PermissionDenied):
        competencies.create_competency(
            uow, world.jefe, world.trade_code, code="M4", name="X", hours=1
        )


def test_update_changes_only_what_differs(place: tuple[Database, World]) -> None:
    database, world = place
    with database.unit_of_work() as uow:
        before = uow.session.scalar(select(AuditEntry.seq).order_by(AuditEntry.seq.desc()))
        same = competencies.update_competency(
            uow, ADMIN, world.competencies["M2"], name="Elaboración de panes", hours=20
        )
        assert uow.session.scalar(select(AuditEntry.seq).order_by(AuditEntry.seq.desc())) == before
        row = competencies.update_competency(
            uow, ADMIN, world.competencies["M2"], hours=24, active=False
        )
        assert (same.hours, row.hours, row.active, row.name) == (
            20,
            24,
            False,
            "Elaboración de panes",
        )
        entry = uow.session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert entry is not None
        assert '"hours": [20, 24]' in entry.changes
        assert [c.code for c in competencies.list_competencies(uow, world.trade_code)] == [
            "M1",
            "M3",
        ]
        with pytest.raises(NotFound):
            competencies.update_competency(uow, ADMIN, 99_999, hours=1)
