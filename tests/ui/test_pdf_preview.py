"""The PDF preview: pages, zoom, saving atomically and printing through a patched dialog."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pypdf
import pytest
import shiboken6
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from carceles_desktop.ui.messages import Kind
from carceles_desktop.ui.widgets import pdf_preview
from carceles_desktop.ui.widgets.pdf_preview import PdfPreviewDialog


def _pdf(pages: int, *, wide: bool = False) -> bytes:
    out = io.BytesIO()
    drawing = canvas.Canvas(out, pagesize=landscape(A4) if wide else A4)
    for number in range(1, pages + 1):
        drawing.drawString(72, 72, f"Página {number} de {pages} — Ñahui")
        drawing.showPage()
    drawing.save()
    return out.getvalue()


@pytest.fixture
def preview(qtbot: Any) -> PdfPreviewDialog:
    dialog = PdfPreviewDialog(_pdf(3, wide=True), "planilla-2026-11.pdf", "Planilla")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_preview_shows_the_pages_and_moves_between_them(preview: PdfPreviewDialog) -> None:
    assert preview.document.status() == QPdfDocument.Status.Ready
    assert preview.page_count() == 3
    assert preview.page_of.text().endswith("3")
    assert not preview.previous_action.isEnabled()
    preview.next_action.trigger()
    assert preview.current_page() == 1
    assert preview.page_box.value() == 2
    preview.page_box.setValue(3)
    assert preview.current_page() == 2
    assert not preview.next_action.isEnabled()
    preview.go_to_page(7)  # out of range: stays
    assert preview.current_page() == 2


def test_zoom_leaves_fit_to_width_and_stays_in_range(preview: PdfPreviewDialog) -> None:
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    preview.zoom_in_action.trigger()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.Custom
    zoomed = preview.view.zoomFactor()
    preview.zoom_in_action.trigger()
    assert preview.view.zoomFactor() == pytest.approx(zoomed * 1.25)
    for _ in range(30):
        preview.zoom_out_action.trigger()
    assert preview.view.zoomFactor() == pytest.approx(0.25)
    preview.fit_page_action.trigger()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitInView


def test_save_writes_the_same_bytes_over_an_older_file(
    preview: PdfPreviewDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "planilla.pdf"
    target.write_bytes(b"an older file")
    offered: list[str] = []

    def choose(cls: Any, parent: Any, suggested: str) -> str:
        offered.append(suggested)
        return str(target)

    monkeypatch.setattr(PdfPreviewDialog, "choose_save_path", classmethod(choose))
    preview.save_action.trigger()
    assert offered == ["planilla-2026-11.pdf"]
    assert target.read_bytes() == preview.pdf_bytes
    assert str(target) in preview.status.text()
    assert [p.name for p in tmp_path.iterdir()] == ["planilla.pdf"]  # no temporary left


def test_cancelled_save_writes_nothing(
    preview: PdfPreviewDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(PdfPreviewDialog, "choose_save_path", classmethod(lambda *a: ""))
    preview.save()
    assert list(tmp_path.iterdir()) == []
    assert preview.status.text() == ""


def test_a_failed_save_says_why_and_leaves_the_old_file(
    preview: PdfPreviewDialog, tmp_path: Path, shown_messages: list[Any]
) -> None:
    missing = tmp_path / "no-such-folder" / "planilla.pdf"
    assert not preview.save_to(missing)
    ((kind, _title, text),) = shown_messages
    assert kind is Kind.ERROR
    assert str(missing) in text
    shown_messages.clear()


def test_print_renders_every_page_in_the_pages_orientation(
    preview: PdfPreviewDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = tmp_path / "printed.pdf"
    seen: list[tuple[int, Any]] = []

    def choose(cls: Any, parent: Any, printer: QPrinter, count: int) -> bool:
        seen.append((count, printer.pageLayout().orientation()))
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(output))
        printer.setResolution(72)  # a small render keeps the test quick
        return True

    monkeypatch.setattr(PdfPreviewDialog, "choose_printer", classmethod(choose))
    preview.print_action.trigger()
    assert [count for count, _ in seen] == [3]
    assert seen[0][1].name == "Landscape"
    printed = pypdf.PdfReader(output)
    assert len(printed.pages) == 3
    box = printed.pages[0].mediabox
    assert box.width > box.height
    assert preview.status.text().startswith("3")


def test_print_of_a_page_range(preview: PdfPreviewDialog, tmp_path: Path) -> None:
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "two.pdf"))
    printer.setResolution(72)
    printer.setFromTo(2, 3)
    assert preview.print_to(printer) == 2
    assert len(pypdf.PdfReader(tmp_path / "two.pdf").pages) == 2


def test_cancelled_print_prints_nothing(
    preview: PdfPreviewDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(PdfPreviewDialog, "choose_printer", classmethod(lambda *a: False))
    monkeypatch.setattr(
        PdfPreviewDialog, "print_to", lambda self, printer: pytest.fail("printed anyway")
    )
    preview.print_document()
    assert preview.status.text() == ""


def test_show_pdf_opens_a_window_that_goes_away_when_closed(qtbot: Any) -> None:
    dialog = PdfPreviewDialog.show_pdf(None, _pdf(1), "constancia.pdf", "Constancia")
    assert dialog.isVisible()
    assert dialog.windowTitle() == "Constancia"
    assert dialog.page_count() == 1
    assert dialog in pdf_preview._OPEN
    dialog.close()
    assert dialog not in pdf_preview._OPEN
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))  # deleted on close


def test_unreadable_bytes_say_so(qtbot: Any) -> None:
    dialog = PdfPreviewDialog(b"not a pdf", "x.pdf", "X")
    qtbot.addWidget(dialog)
    assert dialog.page_count() == 0
    assert dialog.status.text() != ""
    assert not dialog.print_action.isEnabled()
