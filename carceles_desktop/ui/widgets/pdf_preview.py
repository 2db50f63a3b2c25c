"""A preview of a PDF made by the program, with page navigation, zoom, Print and Save.

Every printed paper of the program (planilla, redemption record, delivery note,
certificate) reaches the user through :meth:`PdfPreviewDialog.show_pdf`: he looks at it
first, then prints it or saves it.  The PDF stays in memory (read from a QBuffer); a
file is written only when the user saves, and then atomically (QSaveFile), so a
half-written PDF never replaces a good one.

Tests patch the three class methods that would open a window of the system:
:meth:`show_pdf` (to capture the bytes), :meth:`choose_save_path` and
:meth:`choose_printer`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QPointF,
    QRectF,
    QSaveFile,
    QSize,
    Qt,
)
from PySide6.QtGui import QAction, QKeySequence, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QSpinBox,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.ui import messages

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

#: Pages are rendered for the printer at most at this resolution: enough for text and
#: lines, and an A4 page stays a 35 MB image instead of 140 MB at 600 dpi.
PRINT_DPI = 300
ZOOM_STEP = 1.25
ZOOM_RANGE = (0.25, 4.0)

# Previews shown without a parent stay alive until closed.
_OPEN: set[PdfPreviewDialog] = set()


class PdfPreviewDialog(QDialog):
    """Shows PDF bytes; the user pages, zooms, prints or saves.

    Attributes:
        pdf_bytes: the document shown, exactly as it is saved.
        suggested_name: the file name offered by "Save…".
        document: the loaded document.
        view: the page view.
        page_box: the current page number (1-based).
        status: a line under the pages (where the file was saved, or why not).
    """

    def __init__(
        self,
        pdf_bytes: bytes,
        suggested_name: str,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.pdf_bytes = bytes(pdf_bytes)
        self.suggested_name = suggested_name
        self.setWindowTitle(title)
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(self.pdf_bytes))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.page_box = QSpinBox()
        self.page_box.setRange(1, max(self.page_count(), 1))
        self.page_box.setKeyboardTracking(False)
        self.page_of = QLabel(translate("PdfPreview", "of {count}").format(count=self.page_count()))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._build_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._toolbar())
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.page_box.valueChanged.connect(lambda number: self.go_to_page(number - 1))
        self.view.pageNavigator().currentPageChanged.connect(self._on_page_changed)
        self._update_page_actions()
        if self.document.status() != QPdfDocument.Status.Ready:
            log.error("could not load a PDF to preview: %s", self.document.error())
            self.status.setText(translate("PdfPreview", "The document could not be shown."))
        self.resize(900, 760)

    # ------------------------------------------------------------------ building

    def _action(self, text: str, icon: QStyle.StandardPixmap | None, keys: str | None) -> QAction:
        action = QAction(text, self)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if keys:
            action.setShortcut(QKeySequence(keys))
            action.setToolTip(f"{text} ({QKeySequence(keys).toString()})")
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        pixmap = QStyle.StandardPixmap
        self.previous_action = self._action(
            translate("PdfPreview", "Previous page"), pixmap.SP_ArrowUp, "PgUp"
        )
        self.next_action = self._action(
            translate("PdfPreview", "Next page"), pixmap.SP_ArrowDown, "PgDown"
        )
        self.zoom_out_action = self._action(translate("PdfPreview", "Zoom out"), None, "Ctrl+-")
        self.zoom_in_action = self._action(translate("PdfPreview", "Zoom in"), None, "Ctrl++")
        self.fit_width_action = self._action(translate("PdfPreview", "Fit width"), None, None)
        self.fit_page_action = self._action(translate("PdfPreview", "Whole page"), None, None)
        self.print_action = self._action(
            translate("PdfPreview", "Print…"), pixmap.SP_FileDialogDetailedView, "Ctrl+P"
        )
        self.save_action = self._action(
            translate("PdfPreview", "Save…"), pixmap.SP_DialogSaveButton, "Ctrl+S"
        )
        self.previous_action.triggered.connect(lambda: self.go_to_page(self.current_page() - 1))
        self.next_action.triggered.connect(lambda: self.go_to_page(self.current_page() + 1))
        self.zoom_out_action.triggered.connect(lambda: self.zoom_by(1 / ZOOM_STEP))
        self.zoom_in_action.triggered.connect(lambda: self.zoom_by(ZOOM_STEP))
        self.fit_width_action.triggered.connect(
            lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        )
        self.fit_page_action.triggered.connect(
            lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        )
        self.print_action.triggered.connect(self.print_document)
        self.save_action.triggered.connect(self.save)
        usable = self.page_count() > 0
        self.print_action.setEnabled(usable)
        self.save_action.setEnabled(bool(self.pdf_bytes))

    def _toolbar(self) -> QToolBar:
        bar = QToolBar()
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addAction(self.print_action)
        bar.addAction(self.save_action)
        bar.addSeparator()
        bar.addAction(self.previous_action)
        bar.addWidget(QLabel(translate("PdfPreview", "Page")))
        bar.addWidget(self.page_box)
        bar.addWidget(self.page_of)
        bar.addAction(self.next_action)
        bar.addSeparator()
        bar.addAction(self.zoom_out_action)
        bar.addAction(self.zoom_in_action)
        bar.addAction(self.fit_width_action)
        bar.addAction(self.fit_page_action)
        return bar

    # ------------------------------------------------------------------ pages and zoom

    def page_count(self) -> int:
        """The number of pages of the document (0 when it could not be read)."""
        return max(self.document.pageCount(), 0)

    def current_page(self) -> int:
        """The page on screen, 0-based."""
        return self.view.pageNavigator().currentPage()

    def go_to_page(self, page: int) -> None:
        """Show a page (0-based); pages out of range are ignored."""
        if 0 <= page < self.page_count() and page != self.current_page():
            self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())

    def zoom_by(self, factor: float) -> None:
        """Zoom in (factor above 1) or out, from whatever zoom is shown now."""
        current = self._effective_zoom()
        low, high = ZOOM_RANGE
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(max(current * factor, low), high))

    def _effective_zoom(self) -> float:
        """The zoom on screen; in a fit mode, computed from the page and viewport widths."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or self.page_count() == 0:
            return float(self.view.zoomFactor())
        points = self.document.pagePointSize(max(self.current_page(), 0))
        pixels_per_point = self.logicalDpiX() / 72
        width = max(self.view.viewport().width() - 12, 1)
        return width / max(points.width() * pixels_per_point, 1.0)

    def _on_page_changed(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self._update_page_actions()

    def _update_page_actions(self) -> None:
        page = self.current_page()
        self.previous_action.setEnabled(page > 0)
        self.next_action.setEnabled(page < self.page_count() - 1)

    # ------------------------------------------------------------------ printing

    def print_document(self) -> None:
        """Ask for a printer and print the pages chosen ("Print…")."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(Path(self.suggested_name).stem)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        if self.page_count():
            size = self.document.pagePointSize(0)
            landscape = size.width() > size.height()
            printer.setPageOrientation(
                QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
            )
        printer.setFromTo(1, self.page_count())
        if not self.choose_printer(self, printer, self.page_count()):
            return
        printed = self.print_to(printer)
        self.status.setText(
            translate("PdfPreview", "{count} pages sent to the printer.").format(count=printed)
        )

    def print_to(self, printer: QPrinter) -> int:
        """Render the chosen pages (all when no range was chosen) onto ``printer``.

        Returns:
            The number of pages printed (0 when the printer could not start).
        """
        count = self.page_count()
        first, last = printer.fromPage(), printer.toPage()
        pages = range(first - 1, min(last, count)) if first > 0 else range(count)
        painter = QPainter()
        if not pages or not painter.begin(printer):
            return 0
        try:
            area = printer.pageRect(QPrinter.Unit.DevicePixel)
            dpi = min(printer.resolution(), PRINT_DPI)
            for number, page in enumerate(pages):
                if number:
                    printer.newPage()
                points = self.document.pagePointSize(page)
                scale = min(area.width() / points.width(), area.height() / points.height())
                target = QRectF(0, 0, points.width() * scale, points.height() * scale)
                pixels = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
                painter.drawImage(target, self.document.render(page, pixels))
        finally:
            painter.end()
        return len(pages)

    # ------------------------------------------------------------------ saving

    def save(self) -> None:
        """Ask where, and save the PDF there ("Save…")."""
        chosen = self.choose_save_path(self, self.suggested_name)
        if not chosen:
            return
        if self.save_to(Path(chosen)):
            self.status.setText(translate("PdfPreview", "Saved to {path}.").format(path=chosen))

    def save_to(self, path: Path) -> bool:
        """Write the PDF to ``path`` atomically; say why not when it fails.

        The file appears complete or not at all: QSaveFile writes a temporary file
        beside it and renames it over the target only once everything is written.
        """
        target = QSaveFile(str(path))
        written = (
            target.open(QIODevice.OpenModeFlag.WriteOnly)
            and target.write(QByteArray(self.pdf_bytes)) == len(self.pdf_bytes)
            and target.commit()
        )
        if not written:
            reason = target.errorString()
            target.cancelWriting()
            log.warning("could not save %s: %s", path, reason)
            messages.Messages.show(
                self,
                messages.Kind.ERROR,
                translate("PdfPreview", "Cannot save"),
                translate("PdfPreview", "The file {path} could not be written: {reason}").format(
                    path=path, reason=reason
                ),
            )
        return bool(written)

    # ------------------------------------------------------------------ patch points

    @classmethod
    def choose_save_path(cls, parent: QWidget, suggested_name: str) -> str:
        """Ask where to save; empty when cancelled (tests patch this)."""
        path, _ = QFileDialog.getSaveFileName(
            parent,
            translate("PdfPreview", "Save the PDF"),
            suggested_name,
            translate("PdfPreview", "PDF documents (*.pdf)"),
        )
        if path and not path.lower().endswith(".pdf"):
            path += ".pdf"
        return path

    @classmethod
    def choose_printer(cls, parent: QWidget, printer: QPrinter, page_count: int) -> bool:
        """Let the user choose the printer and pages; False when cancelled (tests patch this)."""
        dialog = QPrintDialog(printer, parent)
        dialog.setMinMax(1, max(page_count, 1))
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        return dialog.exec() == QDialog.DialogCode.Accepted

    @classmethod
    def show_pdf(
        cls, parent: QWidget | None, pdf_bytes: bytes, suggested_name: str, title: str
    ) -> PdfPreviewDialog:
        """Show a PDF in a preview window (not modal: the user may keep working).

        Args:
            parent: the window it belongs to (it closes with it), or None.
            pdf_bytes: the PDF.
            suggested_name: the file name "Save…" offers, e.g. ``planilla-2026-11.pdf``.
            title: the window title.

        Returns:
            The preview, already shown.
        """
        dialog = cls(pdf_bytes, suggested_name, title, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _OPEN.add(dialog)
        dialog.finished.connect(lambda _result: _OPEN.discard(dialog))
        dialog.show()
        return dialog
