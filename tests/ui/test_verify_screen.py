"""The Verificar screen: a scanner's text and Enter, a pause, a PDF; the verdict and fields."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from carceles_desktop.domain.rules.certificate_payload import (
    decode,
    encode,
    from_qr_text,
    to_qr_text,
)
from carceles_desktop.services import certificate_batch, certificates
from carceles_desktop.services.verification import VerificationStatus
from carceles_desktop.ui.views.verify_parts import (
    FAILED,
    NOT_REACHED,
    PASSED,
    check_states,
    verdict_text,
)
from carceles_desktop.ui.views.verify_view import VerifyView
from tests.helpers.certificate_world import ADMIN
from tests.ui.certificate_fixtures import TODAY, Course, course_fixture  # noqa: F401 - the fixture


@pytest.fixture
def screen(qtbot: Any, course: Course) -> VerifyView:
    view = VerifyView(course.ctx)
    qtbot.addWidget(view)
    view.resize(1000, 760)
    view.show()
    view.load()
    return view


def _qr_text(world: Course) -> str:
    (row,) = world.issue("ready").issued
    return row.qr_text


def _scan(qtbot: Any, screen: VerifyView, text: str) -> None:
    """What a USB scanner does: type the text, then Enter."""
    qtbot.keyClicks(screen.code, text)
    qtbot.keyClick(screen.code, Qt.Key.Key_Return)


def test_a_scanned_valid_code_shows_valido_and_the_signed_fields(
    qtbot: Any, screen: VerifyView, course: Course
) -> None:
    _scan(qtbot, screen, _qr_text(course))
    assert screen.verdict_status() is VerificationStatus.VALID
    assert screen.verdict.text() == verdict_text(VerificationStatus.VALID)
    assert screen.values["name"].text() == "María de los Ángeles Quispe Ñahuincopa"
    assert screen.values["id_hint"].text() == "DNI ***410"
    assert screen.values["number"].text() == "EP-LURIGANCHO-2026-000001"
    assert screen.values["hours"].text() == "35"
    assert "Lurigancho" in screen.values["establishment"].text()
    assert "#2e7d32" in screen.verdict.styleSheet()
    assert screen.code.text() == ""  # ready for the next scan


def test_an_altered_code_shows_alterado_with_the_signature_check_failed(
    qtbot: Any, screen: VerifyView, course: Course
) -> None:
    payload_bytes, signature = from_qr_text(_qr_text(course))
    forged = replace(decode(payload_bytes), name="Pedro Impostor Ramos")
    _scan(qtbot, screen, to_qr_text(encode(forged), signature))
    assert screen.verdict_status() is VerificationStatus.ALTERED
    assert screen.verdict.text() == verdict_text(VerificationStatus.ALTERED)
    assert "#c62828" in screen.verdict.styleSheet()
    assert screen.result is not None
    # Code read, key known, signature failed; the rest never checked.
    assert check_states(screen.result) == [PASSED, PASSED, FAILED, NOT_REACHED, NOT_REACHED]
    assert screen.checks.text().count("✘") == 1
    assert screen.values["name"].text() == "Pedro Impostor Ramos"
    assert "#999" in screen.values["name"].styleSheet()  # shown, but greyed: not proven
    assert screen.code.text() == ""


def test_a_scanner_without_enter_is_verified_once_the_text_settles(
    qtbot: Any, screen: VerifyView, course: Course
) -> None:
    text = _qr_text(course)
    qtbot.keyClicks(screen.code, text[:40])
    assert screen.result is None  # half a code is not verified, however long the pause
    qtbot.keyClicks(screen.code, text[40:])
    qtbot.waitUntil(lambda: screen.result is not None, timeout=3000)
    assert screen.verdict_status() is VerificationStatus.VALID


def test_rubbish_and_enter_is_unreadable(qtbot: Any, screen: VerifyView) -> None:
    _scan(qtbot, screen, "HOLA MUNDO")
    assert screen.verdict_status() is VerificationStatus.UNREADABLE
    assert screen.verdict.text() == verdict_text(VerificationStatus.UNREADABLE)
    assert screen.values["name"].text() == ""


def test_a_certificate_pdf_verifies(
    qtbot: Any, screen: VerifyView, course: Course, tmp_path: Path, monkeypatch: Any
) -> None:
    (row,) = course.issue("plain").issued
    with course.database.unit_of_work() as uow:
        pdf = certificate_batch.render_certificates(uow, ADMIN, [row.id])
        uow.commit()
    path = tmp_path / "certificado.pdf"
    path.write_bytes(pdf)
    monkeypatch.setattr(VerifyView, "choose_pdf", classmethod(lambda cls, parent: str(path)))
    screen.open_button.click()
    qtbot.waitUntil(lambda: screen.result is not None, timeout=10_000)
    assert screen.verdict_status() is VerificationStatus.VALID
    assert screen.values["name"].text() == "Luis Torres Huamán"
    assert str(path) in screen.source.text()


def test_an_annulled_certificate_reads_anulado(
    qtbot: Any, screen: VerifyView, course: Course
) -> None:
    (row,) = course.issue("ready").issued
    with course.database.unit_of_work() as uow:
        certificates.annul_certificate(
            uow, ADMIN, row.id, reason="Error en el nombre", on=TODAY, today=TODAY
        )
        uow.commit()
    _scan(qtbot, screen, row.qr_text)
    assert screen.verdict_status() is VerificationStatus.ANNULLED
    assert screen.verdict.text() == verdict_text(VerificationStatus.ANNULLED)
    assert "#c62828" in screen.verdict.styleSheet()
    # The signature holds: the fields are genuine, only the records say no.
    assert screen.values["name"].styleSheet() == ""


def test_a_batch_pdf_gives_each_certificate_its_verdict(
    qtbot: Any, screen: VerifyView, course: Course, tmp_path: Path, monkeypatch: Any
) -> None:
    issued = course.issue("ready", "plain").issued
    with course.database.unit_of_work() as uow:
        pdf = certificate_batch.render_certificates(uow, ADMIN, [row.id for row in issued])
        certificates.annul_certificate(
            uow, ADMIN, issued[1].id, reason="Error en el nombre", on=TODAY, today=TODAY
        )
        uow.commit()
    path = tmp_path / "lote.pdf"
    path.write_bytes(pdf)
    monkeypatch.setattr(VerifyView, "choose_pdf", classmethod(lambda cls, parent: str(path)))
    screen.open_button.click()
    qtbot.waitUntil(lambda: len(screen.results) == 2, timeout=10_000)
    assert screen.picker.isVisibleTo(screen)
    assert screen.summary.text() == "2 certificados en el archivo — válidos: 1; no válidos: 1."
    assert [screen.picker.itemText(i).split(" — ")[1] for i in range(2)] == [
        verdict_text(VerificationStatus.VALID),
        verdict_text(VerificationStatus.ANNULLED),
    ]
    assert screen.verdict_status() is VerificationStatus.VALID
    screen.picker.setCurrentIndex(1)
    assert screen.verdict_status() is VerificationStatus.ANNULLED
    assert screen.values["name"].text() == "Luis Torres Huamán"
    assert "certificado 2 de 2" in screen.source.text()
    # A scanned code afterwards is one verdict again: the picker goes away.
    _scan(qtbot, screen, issued[0].qr_text)
    assert not screen.picker.isVisibleTo(screen)
    assert screen.verdict_status() is VerificationStatus.VALID
