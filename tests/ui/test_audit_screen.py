"""Auditoría: listing and filtering the log, reading an entry, verifying the chain."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QDate
from sqlalchemy import text

from carceles_desktop.domain.enums import Role
from carceles_desktop.services import audit
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.settings import update_settings
from carceles_desktop.services.sign_in import LoginRefused, sign_in
from carceles_desktop.storage.unit_of_work import Database
from carceles_desktop.ui import workers
from carceles_desktop.ui.views.audit_view import AuditView
from tests.ui.accounts import ADMIN_PASSWORD, make_user, speak_spanish


@pytest.fixture(autouse=True)
def _spanish_messages() -> None:
    speak_spanish()


@pytest.fixture
def admin_ctx(database: Database) -> ServiceContext:
    """An administrator, a few accounts, a settings change and some sign-ins in the log."""
    admin = make_user(database, "admin", Role.ADMIN, password=ADMIN_PASSWORD)
    for name in ("jperez", "sup.rojas", "consulta1"):
        make_user(database, name, Role.CONSULTA)
    with database.unit_of_work() as uow:
        update_settings(uow, admin, institution_acronym="SUNIR", idle_lock_minutes=15)
        uow.commit()
    sign_in(database, "admin", ADMIN_PASSWORD)
    with pytest.raises(LoginRefused):
        sign_in(database, "jperez", "mal")
    return ServiceContext(database, admin)


def _total(ctx: ServiceContext, **filters: Any) -> int:
    with ctx.reading() as uow:
        return audit.count_audit_entries(uow, ctx.actor, **filters)


def _view(qtbot: Any, ctx: ServiceContext) -> AuditView:
    view = AuditView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.load()
    qtbot.waitUntil(view.is_ready)
    return view


def _rows(view: AuditView) -> list[Any]:
    return [view.model.row_at(i).entry for i in range(view.model.rowCount())]


def test_the_log_is_listed_newest_first(qtbot: Any, admin_ctx: ServiceContext) -> None:
    view = _view(qtbot, admin_ctx)
    rows = _rows(view)
    assert len(rows) == _total(admin_ctx) >= 7
    assert [r.seq for r in rows] == sorted((r.seq for r in rows), reverse=True)
    assert rows[0].action == "login_failed"
    kinds = [view.entity_filter.itemText(i) for i in range(1, view.entity_filter.count())]
    assert {"settings", "user"} <= set(kinds)


def test_search_and_filters_narrow_the_list(qtbot: Any, admin_ctx: ServiceContext) -> None:
    view = _view(qtbot, admin_ctx)
    everything = view.model.rowCount()

    view.search.setText("sunir")
    qtbot.waitUntil(lambda: view.is_ready() and view.model.rowCount() < everything)
    assert [(r.entity, r.action) for r in _rows(view)] == [("settings", "update")]
    view.search.clear()
    qtbot.waitUntil(lambda: view.is_ready() and view.model.rowCount() == everything)

    view.entity_filter.setCurrentIndex(view.entity_filter.findData("settings"))
    qtbot.waitUntil(view.is_ready)
    assert {r.entity for r in _rows(view)} == {"settings"}
    view.entity_filter.setCurrentIndex(0)

    view.user_filter.setText("jperez")
    qtbot.waitUntil(lambda: view.is_ready() and view.model.filters.user == "jperez")
    assert [r.action for r in _rows(view)] == ["login_failed"]
    assert view.model.rowCount() == _total(admin_ctx, user="jperez")
    view.user_filter.clear()

    tomorrow = date.today() + timedelta(days=1)
    view.from_date.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    view.from_check.setChecked(True)
    qtbot.waitUntil(lambda: view.is_ready() and view.model.rowCount() == 0)
    view.from_check.setChecked(False)
    view.to_check.setChecked(True)  # up to today: everything
    qtbot.waitUntil(lambda: view.is_ready() and view.model.rowCount() == everything)


def test_the_detail_shows_before_and_after(qtbot: Any, admin_ctx: ServiceContext) -> None:
    view = _view(qtbot, admin_ctx)
    position = next(i for i, r in enumerate(_rows(view)) if r.entity == "settings")
    view.table.selectRow(position)
    shown = view.detail.toPlainText()
    assert "institution_acronym" in shown
    assert "INPE" in shown
    assert "SUNIR" in shown
    assert "idle_lock_minutes" in shown
    assert "10" in shown
    assert "15" in shown
    assert "admin" in shown


def test_verify_reports_an_intact_chain(qtbot: Any, admin_ctx: ServiceContext) -> None:
    view = _view(qtbot, admin_ctx)
    view.verify_button.click()
    assert not view.verify_button.isEnabled()
    qtbot.waitUntil(lambda: view.last_report is not None)
    report = view.last_report
    assert report is not None
    assert report.intact
    assert report.checked == _total(admin_ctx)
    assert report.head_hash[:16] in view.verify_result.text()
    assert str(report.checked) in view.verify_result.text()
    assert view.verify_button.isEnabled()
    assert not view.busy.isVisible()


def test_verify_names_the_first_tampered_entry(qtbot: Any, admin_ctx: ServiceContext) -> None:
    with admin_ctx.writing() as uow:
        # What someone with the database file in hand could do.
        uow.session.execute(text("DROP TRIGGER audit_entries_no_update"))
        uow.session.execute(text("UPDATE audit_entries SET summary = 'nada' WHERE seq = 3"))
        uow.commit()
    view = _view(qtbot, admin_ctx)
    view.verify_button.click()
    qtbot.waitUntil(lambda: view.last_report is not None)
    report = view.last_report
    assert report is not None
    assert not report.intact
    assert report.first_broken_seq == 3
    assert report.checked == 2
    assert " 3" in view.verify_result.text()
    assert "b00020" in view.verify_result.styleSheet()  # shown in red


def test_a_late_result_after_the_screen_closed_is_dropped(
    qtbot: Any, admin_ctx: ServiceContext
) -> None:
    view = AuditView(admin_ctx)  # not handed to qtbot: the test deletes it
    view.load()
    qtbot.waitUntil(view.is_ready)
    alive = view._alive
    view.verify_button.click()
    view.deleteLater()
    qtbot.waitUntil(lambda: not alive["view"])
    workers.wait_for_jobs()
    QCoreApplication.processEvents()  # the result arrives and is dropped without a crash
    assert not alive["view"]
