"""Administración's tabs: signing keys (create, export, import) and competencies."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from carceles_desktop.domain.enums import Role
from carceles_desktop.services import key_sealing
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.ui.areas import AREAS
from carceles_desktop.ui.dialogs.small_form import SmallForm
from carceles_desktop.ui.messages import Kind
from carceles_desktop.ui.views.administration_view import AdministrationView
from carceles_desktop.ui.views.competencies_panel import CompetenciesPanel, CompetencyDialog
from carceles_desktop.ui.views.keys_panel import KeysPanel
from carceles_desktop.ui.views.trainees_view import TraineesView
from tests.helpers.certificate_world import ADMIN
from tests.ui.certificate_fixtures import TODAY, Course, course_fixture  # noqa: F401 - the fixture


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep argon2id cheap for tests (the parameters travel with each sealed key)."""
    monkeypatch.setattr(key_sealing, "KDF_MEMORY_KIB", 1024)
    monkeypatch.setattr(key_sealing, "KDF_TIME_COST", 1)


@pytest.fixture
def panel(qtbot: Any, course: Course) -> KeysPanel:
    panel = KeysPanel(course.ctx, today=TODAY)
    qtbot.addWidget(panel)
    panel.reload()
    return panel


def test_the_administrator_gets_three_tabs_and_a_reader_none(course: Course) -> None:
    view = AdministrationView(course.ctx)
    assert view.tabs.count() == 3
    assert [view.tabs.widget(i) for i in range(3)] == [view.users, view.keys, view.competencies]
    (area,) = [a for a in AREAS if a.key == "users"]
    assert area.visible(ADMIN)
    assert not area.visible(course.world.consulta)
    assert not area.visible(course.world.jefe)


def test_keys_are_listed_and_a_new_one_is_created_with_a_repeated_passphrase(
    panel: KeysPanel, monkeypatch: pytest.MonkeyPatch, shown_messages: list[Any]
) -> None:
    assert sorted(k.establishment_code for k in panel.listed_keys()) == ["ANCON-II", "LURIGANCHO"]
    typed = {
        "establishment_code": "LURIGANCHO",
        "passphrase": "otra clave larga",
        "repeat": "otra clave larga ",
        "valid_from": date(2026, 12, 1),
    }

    def answer(cls: Any, parent: Any, title: str, intro: str, fields: Any, submit: Any, **_: Any):
        return submit(dict(typed))

    monkeypatch.setattr(SmallForm, "ask", classmethod(answer))
    from carceles_desktop.errors import ValidationError

    with pytest.raises(ValidationError) as refused:  # the two passphrases differ
        panel.create_key()
    assert refused.value.field == "repeat"
    typed["repeat"] = typed["passphrase"]
    created = panel.create_key()
    assert created is not None
    assert created.key_id.startswith("LURIGANCHO-2026-")
    ((kind, _title, text),) = shown_messages
    assert kind is Kind.INFO
    assert created.fingerprint in text
    shown_messages.clear()
    lurigancho = [k for k in panel.listed_keys() if k.establishment_code == "LURIGANCHO"]
    assert len(lurigancho) == 2
    assert lurigancho[0].valid_to == date(2026, 11, 30)  # the old key closed the day before


def test_public_keys_exported_here_import_elsewhere(
    qtbot: Any,
    panel: KeysPanel,
    ctx: ServiceContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown_messages: list[Any],
) -> None:
    target = tmp_path / "claves.json"
    monkeypatch.setattr(KeysPanel, "choose_save_path", classmethod(lambda c, p, s: str(target)))
    assert panel.export_keys()
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert "private" not in json.dumps(exported).lower()
    shown_messages.clear()
    elsewhere = KeysPanel(ctx, today=TODAY)  # another installation, without keys
    qtbot.addWidget(elsewhere)
    elsewhere.reload()
    assert elsewhere.listed_keys() == []
    monkeypatch.setattr(KeysPanel, "choose_open_path", classmethod(lambda c, p: str(target)))
    report = elsewhere.import_keys()
    assert report is not None
    assert len(report.added) == 2
    assert {k.key_id for k in elsewhere.listed_keys()} == {k.key_id for k in panel.listed_keys()}
    assert not any(k.has_private_key for k in elsewhere.listed_keys())  # they only verify
    ((kind, _title, text),) = shown_messages
    assert kind is Kind.INFO
    assert "2" in text
    shown_messages.clear()


def test_a_reader_cannot_create_or_import_keys(qtbot: Any, course: Course) -> None:
    reader = Actor(None, "consulta", Role.CONSULTA)
    panel = KeysPanel(ServiceContext(course.database, reader))
    qtbot.addWidget(panel)
    assert not panel.create_button.isEnabled()
    assert not panel.import_button.isEnabled()


def test_competencies_are_added_and_changed(
    qtbot: Any, course: Course, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = CompetenciesPanel(course.ctx)
    qtbot.addWidget(panel)
    assert panel.choose_trade(course.world.trade_code)
    assert [c.code for c in panel.model.rows] == ["M1", "M2", "M3"]

    def new(cls: Any, ctx: Any, trade: str, existing: Any, parent: Any = None) -> Any:
        form = cls(ctx, trade, existing, parent)
        if existing is None:
            form.code.setText("m4")
            form.name.setText("Pastelería fina")
            form.hours.setValue(12)
        else:
            form.hours.setValue(25)
        form.save()
        return form.saved

    monkeypatch.setattr(CompetencyDialog, "ask", classmethod(new))
    added = panel.new_competency()
    assert added.code == "M4"
    assert added.position == 4
    assert [c.code for c in panel.model.rows] == ["M1", "M2", "M3", "M4"]
    panel.table.selectRow(1)
    changed = panel.edit_competency()
    assert changed.code == "M2"
    assert changed.hours == 25


def test_a_bad_competency_is_refused_under_its_field(qtbot: Any, course: Course) -> None:
    form = CompetencyDialog(course.ctx, course.world.trade_code, None)
    qtbot.addWidget(form)
    form.code.setText("M1")  # taken
    form.name.setText("Otra higiene")
    form.save()
    assert form.saved is None
    assert form.errors.message("code") != ""


def test_internos_offers_record_assessment(qtbot: Any, course: Course) -> None:
    view = TraineesView(course.ctx)
    qtbot.addWidget(view)
    view.load()
    qtbot.waitUntil(view.is_ready)
    assert view.assessment_action.isVisible()
    assert not view.assessment_action.isEnabled()
    view.table.selectRow(0)
    assert view.assessment_action.isEnabled()
    assert view.assessment_action in view.actions_bar.toolbar.actions()


def test_a_key_is_revoked_after_a_plain_question_naming_what_stops_verifying(
    panel: KeysPanel, course: Course, monkeypatch: pytest.MonkeyPatch, shown_messages: list[Any]
) -> None:
    course.issue("ready")  # signed on 30/11/2026 with Lurigancho's key
    panel.reload()
    assert not panel.revoke_button.isEnabled()  # nothing selected yet
    row = next(i for i, k in enumerate(panel.listed_keys()) if k.establishment_code == "LURIGANCHO")
    panel.table.selectRow(row)
    assert panel.revoke_button.isEnabled()
    typed = {"last_day": date(2026, 12, 5), "reason": "Robo de la computadora"}

    def answer(cls: Any, parent: Any, title: str, intro: str, fields: Any, submit: Any, **_: Any):
        return submit(dict(typed))

    monkeypatch.setattr(SmallForm, "ask", classmethod(answer))
    from carceles_desktop.errors import ValidationError

    with pytest.raises(ValidationError) as refused:  # after today
        panel.revoke_key()
    assert refused.value.field == "last_day"
    typed["last_day"] = date(2026, 11, 29)
    revoked = panel.revoke_key()
    assert revoked is not None
    assert revoked.valid_to == date(2026, 11, 29)
    (question, done) = shown_messages
    assert question[0] is Kind.QUESTION
    assert "no se puede deshacer" in question[2]
    assert "1 certificados" in question[2]
    assert done[0] is Kind.INFO
    shown_messages.clear()
    listed = {k.key_id: k for k in panel.listed_keys()}
    assert listed[revoked.key_id].valid_to == date(2026, 11, 29)


def test_declining_the_question_revokes_nothing(
    panel: KeysPanel, monkeypatch: pytest.MonkeyPatch, shown_messages: list[Any]
) -> None:
    panel.table.selectRow(0)
    values = {"last_day": date(2026, 11, 29), "reason": "Sospecha"}
    monkeypatch.setattr(
        SmallForm, "ask", classmethod(lambda cls, p, t, i, f, submit, **_: submit(values))
    )
    from carceles_desktop.ui.messages import Messages

    monkeypatch.setattr(Messages, "show", classmethod(lambda cls, *a: False))
    assert panel.revoke_key() is None
    assert all(k.valid_to is None for k in panel.listed_keys())
