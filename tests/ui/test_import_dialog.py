"""Importing trainees from the window: report first, headings mapped by hand, all or none."""

from __future__ import annotations

import csv
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from sqlalchemy import func, select

from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.trainee_import import ImportCancelled
from carceles_desktop.ui.dialogs import import_dialog
from carceles_desktop.ui.dialogs.import_dialog import ImportDialog
from carceles_desktop.ui.messages import Kind

HEADINGS = [
    "Código interno",
    "Apellido paterno",
    "Apellido materno",
    "Nombres",
    "DNI",
    "Sexo",
    "Situación jurídica",
]
GOOD = [
    ["IMP-001", "Núñez", "Quispe", "José Ángel", "10117410", "M", "Sentenciado"],
    ["IMP-002", "Ñahui", "Cóndor", "María", "41234567", "F", "Procesada"],
    ["IMP-003", "Huamán", "", "Óscar", "04417552", "M", "Sentenciado"],
]


def _csv(path: Path, headings: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(headings)
        writer.writerows(rows)
    return path


def _count(ctx: ServiceContext) -> int:
    with ctx.reading() as uow:
        return int(uow.session.scalar(select(func.count(Trainee.id))) or 0)


@pytest.fixture
def dialog(qtbot: Any, ctx: ServiceContext) -> ImportDialog:
    window = ImportDialog(ctx)
    qtbot.addWidget(window)
    window.show()
    window.establishment.setCurrentIndex(window.establishment.findData("LURIGANCHO"))
    return window


def _open(qtbot: Any, dialog: ImportDialog, path: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr(ImportDialog, "choose_file", classmethod(lambda cls, parent: str(path)))
    dialog.choose_button.click()
    qtbot.waitUntil(lambda: not dialog.is_running() and dialog.preview is not None)


def test_a_good_file_is_reported_then_imported(
    qtbot: Any,
    dialog: ImportDialog,
    ctx: ServiceContext,
    tmp_path: Path,
    monkeypatch: Any,
    shown_messages: list[Any],
) -> None:
    before = _count(ctx)
    _open(qtbot, dialog, _csv(tmp_path / "internos.csv", HEADINGS, GOOD), monkeypatch)
    assert dialog.preview is not None
    assert dialog.preview.ok
    assert dialog.import_button.isEnabled()
    assert "3" in dialog.summary.text()
    assert _count(ctx) == before  # the report writes nothing
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.result_row is not None)
    assert dialog.result_row.imported == 3
    assert _count(ctx) == before + 3
    (question, info) = shown_messages
    assert question[0] is Kind.QUESTION
    assert info[0] is Kind.INFO
    assert "3" in info[2]
    shown_messages.clear()


def test_a_bad_file_lists_its_problems_by_excel_row_and_cannot_be_imported(
    qtbot: Any, dialog: ImportDialog, ctx: ServiceContext, tmp_path: Path, monkeypatch: Any
) -> None:
    rows = [GOOD[0], ["IMP-005", "Rojas", "", "Ana", "41A34567", "F", "Sentenciado"], GOOD[1]]
    rows.append(["IMP-006", "Castro", "", "Luis", "41234568", "X", "Sentenciado"])
    before = _count(ctx)
    _open(qtbot, dialog, _csv(tmp_path / "malo.csv", HEADINGS, rows), monkeypatch)
    assert dialog.preview is not None
    assert not dialog.preview.ok
    assert not dialog.import_button.isEnabled()
    shown = [
        (dialog.problems.index(r, 0).data(), dialog.problems.index(r, 1).data())
        for r in range(dialog.problems.rowCount())
    ]
    assert ("3", "DNI") in shown  # the heading is row 1, so the second trainee is row 3
    assert ("5", "Sexo") in shown
    kinds = {
        dialog.problems.index(r, 1).data(): dialog.problems.index(r, 2).data()
        for r in range(dialog.problems.rowCount())
    }
    assert kinds["DNI"] == kinds["Sexo"] == "Error"
    assert _count(ctx) == before


def test_a_heading_mapped_by_hand_reads_the_file_again(
    qtbot: Any, dialog: ImportDialog, tmp_path: Path, monkeypatch: Any, qtmodeltester: Any
) -> None:
    headings = ["Código interno", "Ape. del padre", "Nombres", "DNI", "Sexo", "Situación jurídica"]
    rows = [[row[0], row[1], row[3], row[4], row[5], row[6]] for row in GOOD]
    _open(qtbot, dialog, _csv(tmp_path / "raro.csv", headings, rows), monkeypatch)
    assert dialog.preview is not None
    assert not dialog.preview.ok
    assert "paternal_surname" in dialog.preview.missing_required_fields
    assert dialog.mapping_box.isVisibleTo(dialog)
    picker = dialog.mapping["Ape. del padre"]
    picker.setCurrentIndex(picker.findData("paternal_surname"))
    picker.activated.emit(picker.currentIndex())
    qtbot.waitUntil(lambda: not dialog.is_running())
    assert dialog.preview.ok
    assert dialog.import_button.isEnabled()
    assert dialog.mapping["Ape. del padre"].currentData() == "paternal_surname"  # still offered
    qtmodeltester.check(dialog.problems)


def test_an_unreadable_file_says_why(
    qtbot: Any, dialog: ImportDialog, tmp_path: Path, monkeypatch: Any
) -> None:
    broken = tmp_path / "vacio.csv"
    broken.write_bytes(b"")
    monkeypatch.setattr(ImportDialog, "choose_file", classmethod(lambda cls, parent: str(broken)))
    dialog.choose_button.click()
    qtbot.waitUntil(lambda: not dialog.is_running())
    assert dialog.preview is None
    assert not dialog.import_button.isEnabled()
    assert "vacio.csv" in dialog.summary.text()
    assert dialog.problems.rowCount() == 0


def test_cancel_stops_the_reading(
    qtbot: Any, dialog: ImportDialog, tmp_path: Path, monkeypatch: Any
) -> None:
    gate = threading.Event()

    def slow_preview(uow: Any, actor: Any, path: Path, **options: Any) -> Any:
        options["progress"](1, 10)
        gate.wait(10)
        if options["should_cancel"]():
            raise ImportCancelled("Import cancelled; nothing was written.")
        raise AssertionError("not cancelled")

    monkeypatch.setattr(import_dialog, "read_preview", slow_preview)
    path = _csv(tmp_path / "internos.csv", HEADINGS, GOOD)
    monkeypatch.setattr(ImportDialog, "choose_file", classmethod(lambda cls, parent: str(path)))
    dialog.choose_button.click()
    assert dialog.is_running()
    assert dialog.cancel_button.isVisibleTo(dialog)
    qtbot.waitUntil(lambda: dialog.progress.value() == 1)
    dialog.cancel_button.click()
    gate.set()
    qtbot.waitUntil(lambda: not dialog.is_running())
    assert dialog.preview is None
    assert not dialog.import_button.isEnabled()
    assert not dialog.cancel_button.isVisibleTo(dialog)
    cancelled = QCoreApplication.translate("ImportDialog", "Cancelled; nothing was written.")
    assert dialog.summary.text() == cancelled
