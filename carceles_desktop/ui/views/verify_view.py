"""The Verificar area: a scanned QR code or a PDF in, a verdict and the signed fields out.

A USB scanner types the QR text followed by Enter into the big field.  Verification
runs on Enter, or once the text has stopped changing for :data:`SETTLE_MS` (a
single-shot timer restarted by each keystroke: scanners that send no Enter work too)
when what was typed is a whole certificate code.  "Abrir PDF…" verifies a certificate
file, off the GUI thread (reading the QR from a page takes a moment); a file printed in
a batch holds one certificate a page, and each gets its own verdict: a picker lists
them with theirs, and a line counts the valid ones.

The verdict shows large and coloured, with the five checks and which one failed, and
the signed fields LARGE (name, "DNI ***410", number, trade, hours, period, issue date,
establishment) so the person at the desk compares them with the paper: a genuine QR
glued on a forged page is caught only that way.  The field is cleared after each
result so that the next scan starts clean.  Anyone may verify; nothing is written.
"""

from __future__ import annotations

from datetime import datetime

import shiboken6
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.errors import AppError
from carceles_desktop.services import catalogues, verification
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.verification import (
    QR_TEXT_PATTERN,
    VerificationResult,
    VerificationStatus,
)
from carceles_desktop.ui import workers
from carceles_desktop.ui.views.verify_parts import (
    FIELD_TITLES,
    checks_html,
    field_values,
    verdict_colours,
    verdict_text,
)

translate = QCoreApplication.translate

#: Quiet time after the last typed character before a whole code is verified.
SETTLE_MS = 300


def _font(points: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(bold)
    return font


class VerifyView(QWidget):
    """Verifies certificates from a scanner, a pasted text or a PDF.

    Attributes:
        code: the field the scanner types into.
        verify_button, open_button: verify what is typed; open a PDF.
        verdict: the verdict, large and coloured.
        message: the service's sentence for the person at the desk.
        checks: the five checks, which passed and which failed.
        values: the signed fields, by name (see :data:`FIELD_TITLES`).
        source: where the last result came from, and when.
        result: the last result shown.
    """

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._generation = 0
        self.result: VerificationResult | None = None
        self.results: list[VerificationResult] = []
        self._results_source = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._build()
        self.code.textChanged.connect(lambda _text: self._timer.start())
        self.code.returnPressed.connect(self.verify_typed)
        self._timer.timeout.connect(self._settled)
        self.verify_button.clicked.connect(self.verify_typed)
        self.open_button.clicked.connect(self.open_pdf)
        self.picker.currentIndexChanged.connect(self._show_picked)
        self.show_nothing()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.code = QLineEdit()
        self.code.setFont(_font(16))
        self.code.setMinimumHeight(44)
        self.code.setPlaceholderText(
            translate("VerifyView", "Scan the certificate's QR code here, or paste its text")
        )
        self.code.setClearButtonEnabled(True)
        self.verify_button = QPushButton(translate("VerifyView", "Verify"))
        self.open_button = QPushButton(translate("VerifyView", "Open PDF…"))
        entry = QHBoxLayout()
        entry.addWidget(self.code, 1)
        entry.addWidget(self.verify_button)
        entry.addWidget(self.open_button)
        self.summary = QLabel()
        self.summary.setFont(_font(12, bold=True))
        self.picker = QComboBox()
        self.picker.setFont(_font(12))
        self.picker.setMinimumContentsLength(40)
        batch = QHBoxLayout()
        batch.addWidget(self.summary)
        batch.addWidget(self.picker, 1)
        self.verdict = QLabel()
        self.verdict.setFont(_font(30, bold=True))
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verdict.setMinimumHeight(70)
        self.message = QLabel()
        self.message.setFont(_font(13))
        self.message.setWordWrap(True)
        self.checks = QLabel()
        self.checks.setTextFormat(Qt.TextFormat.RichText)
        self.checks.setWordWrap(True)
        self.fields_title = QLabel()
        self.fields_title.setFont(_font(11, bold=True))
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(6)
        self.values: dict[str, QLabel] = {}
        for row, (key, title) in enumerate(FIELD_TITLES):
            caption = QLabel(translate("VerifyFields", title))
            caption.setFont(_font(12))
            caption.setStyleSheet("color: #555;")
            value = QLabel()
            value.setFont(_font(18, bold=True))
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1)
            self.values[key] = value
        grid.setColumnStretch(1, 1)
        self.source = QLabel()
        self.source.setStyleSheet("color: #777;")
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.verdict)
        column.addWidget(self.message)
        column.addWidget(self.checks)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        column.addWidget(line)
        column.addWidget(self.fields_title)
        column.addLayout(grid)
        column.addStretch(1)
        column.addWidget(self.source)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        heading = QLabel(translate("VerifyView", "Verify a certificate"))
        heading.setFont(_font(14, bold=True))
        layout.addWidget(heading)
        layout.addLayout(entry)
        layout.addLayout(batch)
        layout.addWidget(scroll, 1)
        self._show_batch(False)

    # ------------------------------------------------------------------ verifying

    def _settled(self) -> None:
        """The text stopped changing: verify it when it is a whole certificate code."""
        compact = "".join(self.code.text().split()).upper()
        if QR_TEXT_PATTERN.fullmatch(compact):
            self.verify_typed()

    def verify_typed(self) -> None:
        """Verify the text in the field (Enter, or the button), then clear the field."""
        self._timer.stop()
        text = self.code.text()
        if not text.strip():
            return
        with self._ctx.reading() as uow:
            result = verification.verify_text(uow, text)
        self._generation += 1  # a PDF still being read no longer matters
        self.show_results([result], translate("VerifyView", "scanned or typed code"))
        self.code.blockSignals(True)
        self.code.clear()
        self.code.blockSignals(False)
        self.code.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_pdf(self) -> None:
        """Ask for a certificate PDF and verify it off the GUI thread."""
        chosen = self.choose_pdf(self)
        if chosen:
            self.verify_pdf(chosen)

    def verify_pdf(self, path: str) -> None:
        """Verify every certificate of a PDF file; the results show when it is read."""
        self._generation += 1
        generation, ctx = self._generation, self._ctx
        self._show_batch(False)
        self.verdict.setText(translate("VerifyView", "Reading…"))
        self.verdict.setStyleSheet("color: #555; background: #eeeeee; border-radius: 6px;")
        self.message.setText(path)

        def work() -> list[VerificationResult]:
            with ctx.reading() as uow:
                return verification.verify_pdf_all(uow, path)

        def done(results: list[VerificationResult]) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self.show_results(results, path)

        def failed(error: BaseException) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self.show_nothing()
                self.message.setText(str(error))

        workers.run_in_background(work, on_done=done, on_error=failed)

    # ------------------------------------------------------------------ showing

    def show_nothing(self) -> None:
        """The empty state: what to do."""
        self.result = None
        self.results = []
        self._show_batch(False)
        self.verdict.setText("")
        self.verdict.setStyleSheet("")
        self.message.setText(
            translate(
                "VerifyView",
                "Scan the QR code of the certificate (the scanner ends with Enter), paste its "
                "text and press Enter, or open the certificate's PDF.",
            )
        )
        self.checks.setText("")
        self.fields_title.setText("")
        for value in self.values.values():
            value.setText("")
        self.source.setText("")

    def show_results(self, results: list[VerificationResult], source: str) -> None:
        """Show the verdicts of one code or one file: the first, and a picker for more."""
        self.results = list(results)
        self._results_source = source
        several = len(self.results) > 1
        self.picker.blockSignals(True)
        self.picker.clear()
        for number, result in enumerate(self.results, start=1):
            printed = result.payload.number if result.payload is not None else "?"
            self.picker.addItem(f"{number}. {printed} — {verdict_text(result.status)}")
        self.picker.setCurrentIndex(0)
        self.picker.blockSignals(False)
        if several:
            valid = sum(result.valid for result in self.results)
            self.summary.setText(
                translate(
                    "VerifyView",
                    "{total} certificates in the file — valid: {valid}; not valid: {other}.",
                ).format(total=len(self.results), valid=valid, other=len(self.results) - valid)
            )
            self.summary.setStyleSheet(
                "color: #2e7d32;" if valid == len(self.results) else "color: #c62828;"
            )
        self._show_batch(several)
        if self.results:
            self._show_picked(0)

    def _show_batch(self, shown: bool) -> None:
        self.summary.setVisible(shown)
        self.picker.setVisible(shown)

    def _show_picked(self, index: int) -> None:
        if not 0 <= index < len(self.results):
            return
        source = self._results_source
        if len(self.results) > 1:
            source = translate("VerifyView", "{source}, certificate {number} of {total}").format(
                source=source, number=index + 1, total=len(self.results)
            )
        self.show_result(self.results[index], source)

    def show_result(self, result: VerificationResult, source: str) -> None:
        """Show a verdict, its checks and the signed fields."""
        self.result = result
        foreground, background = verdict_colours(result.status)
        self.verdict.setText(verdict_text(result.status))
        self.verdict.setStyleSheet(
            f"color: {foreground}; background: {background}; border-radius: 6px; padding: 6px;"
        )
        self.message.setText(result.message.render())
        self.checks.setText(checks_html(result))
        place = self._establishment_name(result)
        shown = field_values(result, place)
        for key, value in self.values.items():
            value.setText(shown.get(key, ""))
            value.setStyleSheet("" if result.signature_holds else "color: #999;")
        if result.payload is None:
            title = ""
        elif result.signature_holds:
            title = translate("VerifyView", "Signed data — compare every line with the paper:")
        else:
            title = translate(
                "VerifyView", "Data read from the code — NOT proven, do not rely on it:"
            )
        self.fields_title.setText(title)
        self.source.setText(
            translate("VerifyView", "Checked at {time} — {source}").format(
                time=datetime.now().strftime("%H:%M:%S"), source=source
            )
        )

    def _establishment_name(self, result: VerificationResult) -> str:
        if result.payload is None:
            return ""
        code = result.payload.establishment_code
        try:
            with self._ctx.reading() as uow:
                row = catalogues.find_establishment(uow, code)
        except AppError:
            return code
        return f"{row.name} ({row.code})"

    def verdict_status(self) -> VerificationStatus | None:
        """The status of the result shown, or None."""
        return self.result.status if self.result is not None else None

    # ------------------------------------------------------------------ patch point

    @classmethod
    def choose_pdf(cls, parent: QWidget) -> str:
        """Ask for a PDF; empty when cancelled (tests patch this)."""
        path, _ = QFileDialog.getOpenFileName(
            parent,
            translate("VerifyView", "Open a certificate"),
            "",
            translate("VerifyView", "PDF documents (*.pdf)"),
        )
        return path

    # ------------------------------------------------------------------ area

    def load(self) -> None:
        """Put the cursor in the field, ready for the scanner."""
        self.code.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_search(self) -> None:
        """Ctrl+F: the field."""
        self.code.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.code.selectAll()

    def reload(self) -> None:
        """F5: nothing to read again; clear the screen for the next scan."""
        self.code.clear()
        self.show_nothing()

    def is_ready(self) -> bool:
        """Always ready: nothing loads."""
        return True

    def save_state(self, settings: QSettings) -> None:
        """Nothing to remember."""

    def restore_state(self, settings: QSettings) -> None:
        """Nothing to restore."""
