"""The Reportes area: a workshop's monthly papers, chosen and previewed in one place.

Pick a workshop and a month, then one of the documents: the monthly report
(*informe mensual del taller*: trainees' days and hours, production, deliveries, pay)
or the planilla of attendance.  Each opens in the preview with Print and Save;
printing is audited by the service, so the unit of work is committed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.errors import AppError
from carceles_desktop.services import browse, work_documents, workshop_report
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.permissions import Action, allowed
from carceles_desktop.ui import messages
from carceles_desktop.ui.widgets.month_picker import MonthPicker
from carceles_desktop.ui.widgets.pdf_preview import PdfPreviewDialog

translate = QCoreApplication.translate


#: Renders a document: (unit of work, actor, workshop, year, month, today=) -> PDF.
Render = Callable[..., bytes]


class ReportsView(QWidget):
    """Choose a workshop and a month; preview one of its monthly documents.

    Attributes:
        workshop_box: the workshops the user may print (data: the workshop's key).
        month_picker: the month.
        report_button: the monthly report; planilla_button: the attendance planilla.
        status: what was last done, or why nothing can be.
    """

    def __init__(
        self, ctx: ServiceContext, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._today = today or date.today()
        self._loaded = False
        self._remembered: int | None = None
        self._codes: dict[int, str] = {}
        self.workshop_box = QComboBox()
        self.workshop_box.setMinimumContentsLength(40)
        self.month_picker = MonthPicker(self._today)
        self.report_button = QPushButton(translate("ReportsView", "Monthly workshop report…"))
        self.planilla_button = QPushButton(translate("ReportsView", "Attendance planilla…"))
        may = allowed(ctx.actor, Action.PRINT_REPORTS)
        for button in (self.report_button, self.planilla_button):
            button.setEnabled(may)
            button.setMinimumHeight(40)
        self.report_button.clicked.connect(self.preview_report)
        self.planilla_button.clicked.connect(self.preview_planilla)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self._layout()

    def _layout(self) -> None:
        heading = QLabel(translate("ReportsView", "Reports of a workshop's month"))
        font = QFont()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        form = QFormLayout()
        form.addRow(translate("ReportsView", "Workshop:"), self.workshop_box)
        form.addRow(translate("ReportsView", "Month:"), self.month_picker)
        report_note = QLabel(
            translate(
                "ReportsView",
                "Trainees with their days, valid days and hours; the production batches "
                "with work in the month; the delivery notes issued with its goods; the "
                "month's pay split 70/20/10. Signed by the workshop's supervisor and the "
                "head of work.",
            )
        )
        planilla_note = QLabel(
            translate(
                "ReportsView",
                "Every trainee's day of the month, as the Asistencia sheet holds it, for "
                "the supervisor, the head of work and the director to sign.",
            )
        )
        column = QWidget()
        column.setMaximumWidth(760)  # a form, not a table: long lines read badly
        outer = QHBoxLayout(self)
        outer.setContentsMargins(16, 16, 16, 16)
        outer.addWidget(column)
        outer.addStretch(1)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addSpacing(12)
        for button, note in (
            (self.report_button, report_note),
            (self.planilla_button, planilla_note),
        ):
            note.setWordWrap(True)
            note.setStyleSheet("color: #555;")
            layout.addWidget(button)
            layout.addWidget(note)
            layout.addSpacing(8)
        layout.addWidget(self.status)
        layout.addStretch(1)

    # ------------------------------------------------------------------ documents

    def workshop_id(self) -> int | None:
        """The workshop chosen, or None when the user has none."""
        value = self.workshop_box.currentData()
        return int(value) if value is not None else None

    def preview_report(self) -> bytes | None:
        """Render the monthly report of the chosen workshop and month, and preview it."""
        return self._preview(
            workshop_report.workshop_report_pdf,
            "informe",
            translate("ReportsView", "Monthly report of {workshop}, {month}"),
        )

    def preview_planilla(self) -> bytes | None:
        """Render the planilla of the chosen workshop and month, and preview it."""
        return self._preview(
            work_documents.planilla_pdf,
            "planilla",
            translate("ReportsView", "Planilla of {workshop}, {month}"),
        )

    def _preview(self, render: Render, prefix: str, title: str) -> bytes | None:
        workshop = self.workshop_id()
        if workshop is None:
            self.status.setText(translate("ReportsView", "Choose a workshop first."))
            return None
        year, month = self.month_picker.month()
        code = self._codes[workshop]
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            with self._ctx.writing() as uow:
                pdf = render(uow, self._ctx.actor, workshop, year, month, today=self._today)
                uow.commit()  # the print is audited
        except AppError as exc:
            messages.show_error(self, exc)
            return None
        finally:
            QApplication.restoreOverrideCursor()
        shown = title.format(workshop=code, month=self.month_picker.text())
        PdfPreviewDialog.show_pdf(self, pdf, f"{prefix}-{code}-{year}-{month:02d}.pdf", shown)
        self.status.setText(shown)
        return pdf

    # ------------------------------------------------------------------ area

    def load(self) -> None:
        """List the workshops the user may print (once; F5 lists them again)."""
        try:
            with self._ctx.reading() as uow:
                rows = browse.workshops_to_choose(uow, self._ctx.actor)
        except AppError as exc:
            messages.show_error(self, exc)
            rows = []
        chosen = self.workshop_id() or self._remembered
        self.workshop_box.clear()
        self._codes = {row.id: row.code for row in rows}
        for row in rows:
            self.workshop_box.addItem(f"{row.code} — {row.name}", row.id)
        index = self.workshop_box.findData(chosen)
        self.workshop_box.setCurrentIndex(max(index, 0) if rows else -1)
        if not rows:
            self.status.setText(translate("ReportsView", "You have no workshop to report on."))
        self._loaded = True

    def focus_search(self) -> None:
        """Ctrl+F: the workshop list (type to jump)."""
        self.workshop_box.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def reload(self) -> None:
        """F5: list the workshops again."""
        self.load()

    def is_ready(self) -> bool:
        """True once the workshops are listed."""
        return self._loaded

    def save_state(self, settings: QSettings) -> None:
        """Remember the workshop chosen."""
        workshop = self.workshop_id()
        if workshop is not None:
            settings.setValue("reports_view/workshop", workshop)

    def restore_state(self, settings: QSettings) -> None:
        """Choose the remembered workshop when the list is filled."""
        value = settings.value("reports_view/workshop")
        self._remembered = int(str(value)) if value is not None else None
