"""A long job off the GUI thread, behind a window-modal progress dialog with Cancel.

The job is a callable ``work(progress, should_cancel)``: it calls ``progress(done,
total)`` between steps (from the pool thread; the figures reach the bar through a
queued signal) and asks ``should_cancel()`` before each step.  The dialog says what
Cancel does (``note``), so that nobody wonders whether a half-done batch was kept.

When the job ends, the dialog closes and ``succeeded`` fires with the result, or ``failed``
with the exception (a cancel the job reports by raising is a failure too; the caller
knows its own exception).  Tests wait on those signals with ``qtbot.waitSignal``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from carceles_desktop.ui import workers
from carceles_desktop.ui.qt_signals import post

translate = QCoreApplication.translate

#: progress(done, total); should_cancel() → bool.
Progress = Callable[[int, int], None]
ShouldCancel = Callable[[], bool]
Work = Callable[[Progress, ShouldCancel], Any]


class _Relay(QObject):
    """Carries the figures from the pool thread to the dialog (queued)."""

    moved = Signal(int, int)


class JobProgress(QDialog):
    """Runs one job with a progress bar and a Cancel button.

    Attributes:
        message: what is being done.
        bar: the progress bar (busy until the first figure comes).
        note: what Cancel does.
        cancel_button: asks the job to stop.
        result_value: what the job returned, once done.
        error: what the job raised, once failed.
    """

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        parent: QWidget | None,
        *,
        title: str,
        text: str,
        note: str,
        work: Work,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._work = work
        self._cancel = threading.Event()
        self.result_value: Any = None
        self.error: BaseException | None = None
        self.finished_job = False
        self.message = QLabel(text)
        self.message.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setFormat(translate("JobProgress", "%v of %m"))
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        self.cancel_button = QPushButton(translate("JobProgress", "Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(row)
        layout.addWidget(self.note)
        self.setMinimumWidth(460)
        self._relay = _Relay(self)
        self._relay.moved.connect(self._moved)

    def start(self) -> None:
        """Show the dialog and start the job on the thread pool."""
        relay, cancel, work = self._relay, self._cancel, self._work

        def progress(done: int, total: int) -> None:
            if shiboken6.isValid(relay):
                post(relay, "moved", (int, done), (int, total))

        self.show()
        workers.run_in_background(
            lambda: work(progress, cancel.is_set), on_done=self._finished, on_error=self._failed
        )

    def cancel(self) -> None:
        """Ask the job to stop at its next step."""
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self.message.setText(translate("JobProgress", "Cancelling…"))

    def cancelled(self) -> bool:
        """True once Cancel was pressed."""
        return self._cancel.is_set()

    def reject(self) -> None:
        """Escape or the close button: cancel the job; the dialog closes when it stops."""
        if not self.finished_job:
            self.cancel()
            return
        super().reject()

    def _moved(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, max(total, 1)))

    def _finished(self, result: Any) -> None:
        if not shiboken6.isValid(self):
            return
        self.finished_job = True
        self.result_value = result
        self.accept()
        self.succeeded.emit(result)

    def _failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.finished_job = True
        self.error = error
        super().reject()
        self.failed.emit(error)


def run_job(
    parent: QWidget | None,
    *,
    title: str,
    text: str,
    note: str,
    work: Work,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> JobProgress:
    """Start ``work`` behind a progress dialog; the callbacks run on the GUI thread."""
    dialog = JobProgress(parent, title=title, text=text, note=note, work=work)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.succeeded.connect(on_done)
    dialog.failed.connect(on_error)
    dialog.start()
    return dialog
