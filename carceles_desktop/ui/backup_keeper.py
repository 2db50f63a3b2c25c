"""Backups while the window is open: on a timer when due, on closing, and from the menu.

* Every ``interval_ms`` (a minute) :func:`~carceles_desktop.services.backups.backup_if_due`
  runs on a worker thread; it takes a backup only when the data changed and the
  settings' interval has passed.  On closing it runs once more with ``closing=True`` (a
  small progress dialog appears if it lasts), and the window closes when it is done.
* Archivo → "Copia de seguridad ahora", "Restaurar copia de seguridad…" and "Verificar
  base de datos" run here too, off the GUI thread, with a progress dialog.
* Encrypted backups need the passphrase: it is asked once per session, kept in memory
  only, and never stored.  Declined, automatic backups stop until the next start.

One backup or restore job runs at a time; a window opened read-only takes no automatic
backups (another computer holds the database and backs it up).

The backup services are imported when first used, not with the window: they bring
Alembic and the cryptography library, which the window's start does not need.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QStatusBar, QWidget

from carceles_desktop.errors import AppError, ValidationError
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.settings import get_settings
from carceles_desktop.ui import backup_restore, messages, workers
from carceles_desktop.ui.backup_restore import close_dialog
from carceles_desktop.ui.dialogs import backup_dialogs
from carceles_desktop.ui.dialogs.backup_dialogs import progress_dialog
from carceles_desktop.ui.dialogs.passphrase_dialog import PassphraseDialog
from carceles_desktop.ui.qt_signals import post

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

#: How long the closing backup may take before its progress dialog appears.
CLOSING_DIALOG_DELAY_MS = 500


class KeeperWindow(Protocol):
    """What the keeper needs of the main window."""

    def statusBar(self) -> QStatusBar:  # noqa: N802 - Qt's name
        """The window's status bar."""
        ...

    def is_locked(self) -> bool:
        """True while the lock screen hides the records."""
        ...

    def areas_may_close(self) -> bool:
        """Ask the areas with unsaved work; False when one refuses."""
        ...

    def reload_areas(self) -> None:
        """Read again every area that has been read."""
        ...

    def close(self) -> bool:
        """Close the window."""
        ...


class _Progress(QObject):
    """Carries progress from the worker thread to the dialog (queued to the GUI thread)."""

    moved = Signal(int, int)


class BackupKeeper(QObject):
    """The window's backups (see the module's description).

    Attributes:
        timer: runs the automatic check every ``interval_ms``.
        taken: emitted with the ``BackupInfo`` of every backup taken here.
        due_checked: emitted after every automatic check, with its backup or None.
        restored: emitted with the ``RestoreReport`` once a restore is done.
        checked: emitted with the ``CheckReport`` of "Verificar base de datos".
    """

    taken = Signal(object)
    due_checked = Signal(object)
    restored = Signal(object)
    checked = Signal(object)

    def __init__(self, window: QWidget, ctx: ServiceContext, *, interval_ms: int | None) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.automatic = interval_ms is not None and not ctx.read_only_mode
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms or 60_000)
        self.timer.timeout.connect(self.check_due)
        self._job: workers.Job | None = None
        self.check_job: workers.Job | None = None
        self._passphrase: str | None = None
        self._declined = False
        self._reported: set[str] = set()
        self._close_again: Callable[[], object] | None = None
        self._closing_started = False
        self._closed = False

    def start(self) -> None:
        """Start the automatic checks (not in a read-only window, nor when turned off)."""
        if self.automatic:
            self.timer.start()

    def busy(self) -> bool:
        """True while a backup or restore job runs."""
        return self._job is not None

    def host(self) -> KeeperWindow:
        """The main window, as the keeper uses it."""
        return self.window  # type: ignore[return-value]  # the main window is one

    def _status(self, text: str) -> None:
        self.host().statusBar().showMessage(text, 10_000)

    def run_job(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Run one backup or restore job; then start the closing backup if one waits."""

        def done(result: Any) -> None:
            self._job = None
            try:
                on_done(result)
            finally:
                self._next()

        def failed(error: BaseException) -> None:
            self._job = None
            try:
                on_error(error)
            finally:
                self._next()

        self._job = workers.run_in_background(work, on_done=done, on_error=failed)

    def _next(self) -> None:
        if self._job is None and self._close_again is not None and not self._closing_started:
            self._start_closing()

    def refuse_busy(self) -> bool:
        """True (and a word in the status bar) while a backup or restore job runs."""
        if self._job is None:
            return False
        self._status(translate("Backups", "A backup is running; try again when it has finished."))
        return True

    # ------------------------------------------------------------------ passphrase

    def _ask_passphrase(self) -> str | None:
        phrase = PassphraseDialog.ask(
            self.window,
            text=translate(
                "Backups",
                "Backups are encrypted. Type the passphrase that protects them; it is "
                "asked once while the program stays open.",
            ),
            confirm=True,
        )
        if phrase is not None:
            self._passphrase, self._declined = phrase, False
        return phrase

    def _session_passphrase(self) -> str | None:
        """The passphrase of this session's backups, asked the first time it is needed."""
        if self._passphrase is None and not self._declined and self._ask_passphrase() is None:
            self._declined = True
            messages.Messages.show(
                self.window,
                messages.Kind.WARNING,
                translate("Backups", "Backups"),
                translate(
                    "Backups",
                    "No passphrase was given, so no automatic backup will be taken until "
                    "the program is started again. File → Back up now asks again.",
                ),
            )
        return self._passphrase

    @staticmethod
    def _wants_passphrase(error: BaseException) -> bool:
        return isinstance(error, ValidationError) and error.field == "passphrase"

    # ------------------------------------------------------------------ automatic

    def check_due(self) -> None:
        """Take an automatic backup if one is due (the timer calls this)."""
        if self._job is None and self._close_again is None:
            self._start_automatic(closing=False)

    def _start_automatic(self, *, closing: bool) -> None:
        ctx, phrase = self.ctx, self._passphrase
        dialog: QProgressDialog | None = None
        cancel = threading.Event()
        if closing:
            dialog = progress_dialog(
                self.window,
                translate("Backups", "Closing"),
                translate("Backups", "Taking the closing backup…"),
                cancellable=True,
                delay_ms=CLOSING_DIALOG_DELAY_MS,
            )
            dialog.canceled.connect(cancel.set)
        relay = self._relay(dialog)

        def work() -> Any:
            from carceles_desktop.services import backups

            with ctx.reading() as uow:
                settings = get_settings(uow)
            return backups.backup_if_due(
                ctx.database,
                ctx.actor,
                settings,
                closing=closing,
                passphrase=phrase,
                progress=relay,
                should_cancel=cancel.is_set,
            )

        def done(info: Any) -> None:
            close_dialog(dialog)
            self.due_checked.emit(info)
            if info is not None:
                self.taken.emit(info)
                self._status(
                    translate("Backups", "Automatic backup taken: {name}").format(
                        name=info.path.name
                    )
                )
            if closing:
                self._finish_closing()

        def failed(error: BaseException) -> None:
            close_dialog(dialog)
            self._automatic_failed(error, closing=closing)

        self.run_job(work, done, failed)

    def _automatic_failed(self, error: BaseException, *, closing: bool) -> None:
        from carceles_desktop.services.backups import BackupCancelled

        locked = self.host().is_locked()
        if self._wants_passphrase(error) and self._passphrase is None and not locked:
            if self._session_passphrase() is not None:
                self._start_automatic(closing=closing)  # again, now with the passphrase
                return
        elif not isinstance(error, BackupCancelled):
            log.warning("automatic backup failed: %s", error)
            text = str(error)
            self._status(
                translate("Backups", "Automatic backup failed: {reason}").format(reason=text)
            )
            # Once per kind of failure: a full disk must not bring a box every minute.
            if text not in self._reported and not (self._wants_passphrase(error) and locked):
                self._reported.add(text)
                messages.show_error(self.window, error)
        if closing:
            self._finish_closing()

    # ------------------------------------------------------------------ closing

    def may_close(self, close_again: Callable[[], object]) -> bool:
        """True when the window may close now.

        Otherwise the closing backup is started (after the job running, if any), and
        ``close_again`` is called once it is over, whatever its outcome.
        """
        if self._closed or not self.automatic:
            return True
        if self._close_again is None:
            self._close_again = close_again
            self.timer.stop()
            self._next()
        return False

    def _start_closing(self) -> None:
        self._closing_started = True
        self._start_automatic(closing=True)

    def _finish_closing(self) -> None:
        self._closed = True
        again = self._close_again
        if again is not None:
            QTimer.singleShot(0, again)

    # ------------------------------------------------------------------ menu

    def _relay(self, dialog: QProgressDialog | None) -> Callable[[int, int], None] | None:
        """A progress callback for the worker thread that moves ``dialog``."""
        if dialog is None:
            return None
        relay = _Progress(dialog)
        relay.moved.connect(lambda done, _total: dialog.setValue(done))
        return lambda done, total: post(relay, "moved", (int, done), (int, total))

    def backup_now(self) -> None:
        """Archivo → Copia de seguridad ahora: a verified backup, with progress and Cancel."""
        if self.refuse_busy():
            return
        from carceles_desktop.services import backups

        ctx = self.ctx
        try:
            encrypted = backups.needs_passphrase(ctx.database)
        except AppError as exc:
            messages.show_error(self.window, exc)
            return
        phrase = self._passphrase
        if encrypted and phrase is None and backups.passphrase_from_environment() is None:
            phrase = self._ask_passphrase()  # asked for on purpose: ask even if declined
            if phrase is None:
                return
        title = translate("Backups", "Backup")
        dialog = progress_dialog(
            self.window,
            title,
            translate("Backups", "Taking a verified backup of the database…"),
            cancellable=True,
        )
        cancel = threading.Event()
        dialog.canceled.connect(cancel.set)
        relay = self._relay(dialog)

        def work() -> Any:
            return backups.take_backup(
                ctx.database,
                ctx.actor,
                passphrase=phrase,
                progress=relay,
                should_cancel=cancel.is_set,
            )

        def done(info: Any) -> None:
            close_dialog(dialog)
            self.taken.emit(info)
            messages.inform(
                self.window,
                title,
                translate("Backups", "A verified backup was written to:\n{path}\n({size})").format(
                    path=info.path, size=_size(info.size)
                ),
            )

        def failed(error: BaseException) -> None:
            close_dialog(dialog)
            if isinstance(error, backups.BackupCancelled):
                self._status(str(error))
            else:
                messages.show_error(self.window, error)

        self.run_job(work, done, failed)

    @classmethod
    def choose_file(cls, parent: QWidget, folder: str) -> str:
        """Ask which backup to restore; empty when cancelled (tests patch this)."""
        return backup_dialogs.choose_backup_file(parent, folder)

    def restore_from_file(self) -> None:
        """Archivo → Restaurar copia de seguridad… (see :mod:`.backup_restore`)."""
        backup_restore.restore_from_file(self)

    def verify_database(self) -> None:
        """Archivo → Verificar base de datos (see :mod:`.backup_restore`)."""
        backup_restore.verify_database(self)


def _size(count: int) -> str:
    return f"{count / 1_048_576:.1f} MB" if count >= 1_048_576 else f"{count / 1024:.0f} kB"
