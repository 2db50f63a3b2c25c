"""The Certificados registry: listing, search, filters, reprint, annul and replace."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QDialog, QPlainTextEdit

from carceles_desktop.domain.enums import CertificateState
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.verification import VerificationStatus
from carceles_desktop.ui.dialogs.small_form import SmallForm
from carceles_desktop.ui.messages import Kind
from carceles_desktop.ui.models.certificates_table import CertificatesTableModel
from carceles_desktop.ui.views.certificates_view import CertificatesView
from carceles_desktop.ui.views.verify_view import VerifyView
from tests.helpers.certificate_world import ADMIN
from tests.ui.certificate_fixtures import (  # noqa: F401 - fixtures
    PASSPHRASE,
    TODAY,
    Course,
    course_fixture,
    pdf_pages,
    previews_fixture,
)


@pytest.fixture
def registry(qtbot: Any, course: Course) -> CertificatesView:
    course.issue("ready", "plain")
    view = CertificatesView(course.ctx, today=TODAY)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    view.load()
    qtbot.waitUntil(view.is_ready)
    return view


def _names(view: CertificatesView) -> list[str]:
    return [view.model.index(r, 1).data() for r in range(view.model.rowCount())]


def _select(qtbot: Any, view: CertificatesView, name: str) -> None:
    view.table.selectRow(_names(view).index(name))
    qtbot.waitUntil(lambda: view.selected_item() is not None)


@pytest.fixture
def form_values(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Small forms filled with these values and submitted as the user would.

    The forms stay open on a refusal; the last one is kept under the key "form".
    """
    values: dict[str, Any] = {}

    def answer(cls: Any, parent: Any, title: str, intro: str, fields: Any, submit: Any, **kw: Any):
        dialog = cls(title, intro, fields, submit, parent=parent, **kw)
        for item in fields:
            if item.name in values:
                _fill(item.widget, values[item.name])
        dialog.run()
        values["form"] = dialog
        return dialog.result_value if dialog.result() == QDialog.DialogCode.Accepted else None

    monkeypatch.setattr(SmallForm, "ask", classmethod(answer))
    return values


def _fill(widget: Any, value: Any) -> None:
    if isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value)
    elif isinstance(widget, QDateEdit):
        widget.setDate(QDate(value.year, value.month, value.day))
    else:
        widget.setText(value)


def test_the_model_passes_the_tester(qtmodeltester: Any, course: Course) -> None:
    course.issue("ready", "plain")
    model = CertificatesTableModel(course.ctx)
    model.reload()
    assert model.rowCount() == 2
    qtmodeltester.check(model)


def test_the_registry_lists_newest_first_and_search_narrows_as_you_type(
    qtbot: Any, registry: CertificatesView
) -> None:
    assert _names(registry) == ["Luis Torres Huamán", "María de los Ángeles Quispe Ñahuincopa"]
    assert registry.model.index(0, 0).data() == "EP-LURIGANCHO-2026-000002"
    qtbot.keyClicks(registry.search, "nahuincopa")  # accents and eñes do not matter
    qtbot.waitUntil(lambda: registry.model.rowCount() == 1)
    assert _names(registry) == ["María de los Ángeles Quispe Ñahuincopa"]
    registry.search.clear()
    qtbot.keyClicks(registry.search, "000002")
    qtbot.waitUntil(lambda: _names(registry) == ["Luis Torres Huamán"])


def test_the_detail_shows_what_was_printed(qtbot: Any, registry: CertificatesView) -> None:
    _select(qtbot, registry, "María de los Ángeles Quispe Ñahuincopa")
    text = registry.detail.toPlainText()
    for expected in ("EP-LURIGANCHO-2026-000001", "10117410", "Panadería y pastelería", "35"):
        assert expected in text
    assert "Elaboración de panes" in text  # the competencies printed
    assert "16" in text  # the grade


def test_filters_by_state_year_and_workshop(
    qtbot: Any,
    registry: CertificatesView,
    course: Course,
    form_values: dict[str, Any],
    shown_messages: list[Any],
) -> None:
    _select(qtbot, registry, "Luis Torres Huamán")
    form_values.update(reason="Duplicado por error", on=TODAY)
    registry.annul_button.click()
    shown_messages.clear()
    box = registry.state_box
    box.setCurrentIndex(box.findData(CertificateState.ANULADO.value))
    qtbot.waitUntil(lambda: _names(registry) == ["Luis Torres Huamán"])
    box.setCurrentIndex(box.findData(CertificateState.VIGENTE.value))
    qtbot.waitUntil(lambda: _names(registry) == ["María de los Ángeles Quispe Ñahuincopa"])
    box.setCurrentIndex(0)
    registry.year_box.setCurrentIndex(registry.year_box.findData(2025))
    qtbot.waitUntil(lambda: registry.model.rowCount() == 0)
    registry.year_box.setCurrentIndex(registry.year_box.findData(2026))
    qtbot.waitUntil(lambda: registry.model.rowCount() == 2)
    shops = registry.workshop_box
    shops.setCurrentIndex(shops.findData(course.world.workshop2_id))
    qtbot.waitUntil(lambda: registry.model.rowCount() == 0)
    shops.setCurrentIndex(shops.findData(course.world.workshop_id))
    qtbot.waitUntil(lambda: registry.model.rowCount() == 2)


def test_reprint_previews_one_page_marked_duplicate_and_counts_it(
    qtbot: Any, registry: CertificatesView, previews: list[Any]
) -> None:
    _select(qtbot, registry, "Luis Torres Huamán")
    registry.reprint_button.click()
    ((pdf, name, _title),) = previews
    assert pdf.startswith(b"%PDF-")
    assert pdf_pages(pdf) == 1
    assert name == "EP-LURIGANCHO-2026-000002 duplicado.pdf"
    row = registry.model.row_at(_names(registry).index("Luis Torres Huamán"))
    assert row.reprint_count == 1


def test_annul_asks_then_verification_says_anulado(
    qtbot: Any,
    registry: CertificatesView,
    course: Course,
    form_values: dict[str, Any],
    shown_messages: list[Any],
) -> None:
    _select(qtbot, registry, "María de los Ángeles Quispe Ñahuincopa")
    (qr_text,) = [r.qr_text for r in [_full(course, registry)]]
    assert registry.annul_button.isEnabled()
    form_values.update(reason="Nombre mal escrito", on=TODAY)
    registry.annul_button.click()
    ((kind, _title, question),) = shown_messages
    assert kind is Kind.QUESTION
    assert "EP-LURIGANCHO-2026-000001" in question
    shown_messages.clear()
    states = {item.trainee_name: item.state for item in course.registry()}
    assert states["María de los Ángeles Quispe Ñahuincopa"] is CertificateState.ANULADO
    assert not registry.annul_button.isEnabled()  # still selected, no longer current
    screen = VerifyView(course.ctx)
    qtbot.addWidget(screen)
    qtbot.keyClicks(screen.code, qr_text)
    qtbot.keyClick(screen.code, Qt.Key.Key_Return)
    assert screen.verdict_status() is VerificationStatus.ANNULLED


def test_an_annulment_without_reason_is_refused_and_changes_nothing(
    qtbot: Any,
    registry: CertificatesView,
    course: Course,
    form_values: dict[str, Any],
    shown_messages: list[Any],
) -> None:
    _select(qtbot, registry, "Luis Torres Huamán")
    form_values.update(reason="  ", on=TODAY)
    registry.annul_button.click()
    shown_messages.clear()  # the confirmation
    form = form_values["form"]
    assert form.result() != QDialog.DialogCode.Accepted  # it stays open to be corrected
    assert form.errors.message("reason") != ""
    assert all(item.state is CertificateState.VIGENTE for item in course.registry())


def test_replace_issues_a_new_number_and_selects_it(
    qtbot: Any,
    registry: CertificatesView,
    course: Course,
    form_values: dict[str, Any],
    shown_messages: list[Any],
    previews: list[Any],
) -> None:
    _select(qtbot, registry, "Luis Torres Huamán")
    form_values.update(reason="DNI corregido", on=TODAY, passphrase=PASSPHRASE)
    registry.replace_button.click()
    ((kind, _title, text),) = shown_messages
    assert kind is Kind.INFO
    assert "EP-LURIGANCHO-2026-000003" in text
    shown_messages.clear()
    ((pdf, _name, _title),) = previews
    assert pdf_pages(pdf) == 1
    states = {item.number: item.state for item in course.registry()}
    assert states["EP-LURIGANCHO-2026-000002"] is CertificateState.REEMPLAZADO
    assert states["EP-LURIGANCHO-2026-000003"] is CertificateState.VIGENTE
    qtbot.waitUntil(lambda: registry.selected_item() is not None)
    assert registry.selected_item().number == "EP-LURIGANCHO-2026-000003"
    assert "EP-LURIGANCHO-2026-000002" in registry.detail.toPlainText()


def test_a_read_only_user_sees_the_registry_without_actions(qtbot: Any, course: Course) -> None:
    course.issue("ready")
    view = CertificatesView(ServiceContext(course.database, course.world.consulta), today=TODAY)
    qtbot.addWidget(view)
    view.load()
    qtbot.waitUntil(view.is_ready)
    assert view.model.rowCount() == 1
    for button in (view.issue_button, view.reprint_button, view.annul_button, view.replace_button):
        assert button.isHidden()


def _full(world: Course, view: CertificatesView) -> Any:
    from carceles_desktop.services import certificate_queries

    item = view.selected_item()
    with world.ctx.reading() as uow:
        return certificate_queries.get_certificate(uow, ADMIN, item.id)
