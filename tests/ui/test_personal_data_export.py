"""Exporting a trainee's personal data from the Internos list (administrators only)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from carceles_desktop.domain.enums import Role
from carceles_desktop.services import audit
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.storage.unit_of_work import Database
from carceles_desktop.ui.personal_data_export import PersonalDataExport
from carceles_desktop.ui.views.trainees_view import TraineesView
from tests.ui.accounts import ADMIN_PASSWORD, make_user, speak_spanish


@pytest.fixture(autouse=True)
def _spanish_messages() -> None:
    speak_spanish()


def _view(qtbot: Any, ctx: ServiceContext) -> TraineesView:
    view = TraineesView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.load()
    qtbot.waitUntil(view.is_ready)
    return view


def test_an_administrator_exports_a_trainee_to_json(
    qtbot: Any,
    database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown_messages: list[Any],
) -> None:
    admin = make_user(database, "admin", Role.ADMIN, password=ADMIN_PASSWORD)
    ctx = ServiceContext(database, admin)
    view = _view(qtbot, ctx)
    assert view.table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert view.export_action in view.table.actions()
    assert not view.export_action.isEnabled()  # nothing selected yet
    view.table.selectRow(4)
    row = view.model.row_at(4)
    target = tmp_path / "export.json"
    suggested: list[str] = []
    monkeypatch.setattr(
        PersonalDataExport,
        "choose_path",
        classmethod(lambda cls, parent, name: suggested.append(name) or str(target)),
    )
    view.export_action.trigger()

    assert suggested == [f"datos-personales-{row.inmate_code}.json"]
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["trainee"]["inmate_code"] == row.inmate_code
    assert len(shown_messages) == 1
    assert str(target) in shown_messages[0][2]
    shown_messages.clear()
    with ctx.reading() as uow:
        (entry,) = audit.list_audit_entries(uow, admin, entity="trainee", limit=1)
    assert (entry.action, entry.username, entry.entity_uuid) == ("export", "admin", str(row.uuid))


def test_a_cancelled_export_writes_and_records_nothing(
    qtbot: Any, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = make_user(database, "admin", Role.ADMIN, password=ADMIN_PASSWORD)
    ctx = ServiceContext(database, admin)
    view = _view(qtbot, ctx)
    view.table.selectRow(0)
    monkeypatch.setattr(PersonalDataExport, "choose_path", classmethod(lambda cls, p, n: ""))
    view.export_action.trigger()
    with ctx.reading() as uow:
        assert audit.count_audit_entries(uow, admin, entity="trainee") == 0


def test_others_do_not_get_the_export(qtbot: Any, database: Database) -> None:
    jefe = make_user(database, "jperez", Role.JEFE)
    view = _view(qtbot, ServiceContext(database, jefe))
    assert view.export_action not in view.table.actions()  # the menu holds the rest only
