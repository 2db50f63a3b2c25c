"""Small dialogs of backups and checks: progress with Cancel, and the check's report."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate

#: The services report progress as (done, PROGRESS_STEPS).
PROGRESS_STEPS = 1000


def progress_dialog(
    parent: QWidget | None, title: str, text: str, *, cancellable: bool, delay_ms: int = 0
) -> QProgressDialog:
    """A window-modal progress dialog, shown after ``delay_ms`` if the work lasts that long.

    Without ``cancellable`` it has no Cancel button.  It never closes or resets by
    itself: the caller closes it when the work is done.
    """
    dialog = QProgressDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(text)
    dialog.setRange(0, PROGRESS_STEPS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumWidth(420)
    if not cancellable:
        dialog.setCancelButton(None)
    dialog.setMinimumDuration(delay_ms)
    dialog.setValue(0)  # starts the timer that shows it after delay_ms
    return dialog


class CheckReportDialog(QDialog):
    """The result of "Verificar base de datos": a sentence, then every check's lines."""

    def __init__(self, ok: bool, lines: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("BackupDialogs", "Database check"))
        self.summary = QLabel(
            translate("BackupDialogs", "The database passed every check.")
            if ok
            else translate(
                "BackupDialogs",
                "The database failed a check. Take no more changes on it: restore the newest "
                "good backup (File → Restore a backup…) or ask for technical "
                "help, and keep this report.",
            )
        )
        self.summary.setWordWrap(True)
        if not ok:
            self.summary.setStyleSheet("color: #b00020;")
        self.report = QPlainTextEdit("\n".join(lines))
        self.report.setReadOnly(True)
        self.report.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.report, 1)
        layout.addWidget(buttons)
        self.resize(560, 320)

    @classmethod
    def ask(cls, ok: bool, lines: Sequence[str], parent: QWidget | None = None) -> None:
        """Show the report until the user closes it."""
        cls(ok, lines, parent).exec()


def choose_backup_file(parent: QWidget | None, folder: str) -> str:
    """Ask which backup to restore; empty when cancelled."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        translate("BackupDialogs", "Choose the backup to restore"),
        folder,
        translate("BackupDialogs", "Backups (*.sqlite3 *.gz *.enc);;All files (*)"),
    )
    return path
