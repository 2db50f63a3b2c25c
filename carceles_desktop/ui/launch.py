"""Starting the window: application object, translations, sign-in, main window.

The composition root (``app.py``) opens the database and hands over a
:class:`WindowStart`; nothing here touches storage.  A database without users gets the
first-run wizard instead of the login dialog; an account whose password was reset must
choose a new one before the window opens.  A database opened read-only (another computer
holds it) gives a read-only window without automatic backups.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from carceles_desktop import config, resources
from carceles_desktop.services import database_checks
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.database_checks import CheckItem
from carceles_desktop.ui import workers
from carceles_desktop.ui.dialogs.login_dialog import LoginDialog
from carceles_desktop.ui.dialogs.password_dialog import ensure_password_changed
from carceles_desktop.ui.main_window import BACKUP_CHECK_MS, PRODUCT, MainWindow
from carceles_desktop.ui.messages import Kind, Messages
from carceles_desktop.ui.translation import install_translators

log = logging.getLogger(__name__)

#: Longest wait for the first page before a screenshot is taken anyway.
SCREENSHOT_TIMEOUT_MS = 15_000


@dataclass(frozen=True)
class WindowStart:
    """What the window needs from the composition root.

    Attributes:
        database: the open ``storage.unit_of_work.Database`` (typed loosely: the user
            interface never imports storage).
        actor: the user signed in already, or None to ask with the login dialog.
        authenticate: checks a user name and password; raises PermissionDenied.
        demo: the database is the demo one (the title says so).
        lang: "es" or "en".
        screenshot: render the loaded window to this PNG file and exit.
        first_run: the database has no user yet: run the first-run wizard (it creates
            the administrator and signs him in) instead of the login dialog.
        area: the area to open on (its key, e.g. "trainees"), when the user may see it.
        read_only: the database was opened read-only (another computer holds it).
        heartbeat: tells the instance lock the window is alive (None: no lock held).
    """

    database: Any
    actor: Actor | None
    authenticate: Callable[[str, str], Actor]
    demo: bool
    lang: str
    screenshot: Path | None = None
    first_run: bool = False
    area: str | None = None
    read_only: bool = False
    heartbeat: Callable[[], None] | None = None


def application(argv: list[str] | None = None) -> QApplication:
    """Return the QApplication, creating it with the names QSettings uses."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setOrganizationName(config.APP_AUTHOR)
    app.setApplicationName(config.APP_NAME)
    app.setApplicationDisplayName(PRODUCT)
    app.setWindowIcon(QIcon(str(resources.path("icons/app.svg"))))
    return app


def prepare_application(lang: str, argv: list[str] | None = None) -> QApplication:
    """Return the QApplication with the translations of ``lang`` installed (once).

    The composition root calls it before the window exists, so that the questions asked
    while opening the database (in use elsewhere, damaged) speak the user's language.
    """
    app = application(argv)
    if app.property("carceles_lang") != lang:
        install_translators(app, lang)
        app.setProperty("carceles_lang", lang)
    return app


def run_window(start: WindowStart, argv: list[str] | None = None) -> int:
    """Show the window until the user quits; return the exit code.

    Returns 0 when the user quits (or cancels the sign-in), 1 when a screenshot could
    not be written.
    """
    app = prepare_application(start.lang, argv)
    actor = start.actor or sign_in(start, app)
    if actor is None:
        return 0
    ctx = ServiceContext(start.database, actor, demo=start.demo, read_only_mode=start.read_only)
    if not ensure_password_changed(ctx):
        return 0
    window = MainWindow(
        ctx,
        authenticate=start.authenticate,
        heartbeat=start.heartbeat,
        backup_check_ms=BACKUP_CHECK_MS,
    )
    if start.area is not None:
        try:
            window.show_area(start.area)
        except ValueError:
            log.warning("no area %r for this user; opening the last one", start.area)
    window.show()
    check_after_showing(window, ctx)
    if start.screenshot is not None:
        capture_when_ready(window, start.screenshot, app)
    code = app.exec()
    workers.wait_for_jobs()
    return code


def check_after_showing(window: MainWindow, ctx: ServiceContext) -> None:
    """Run the start-up check a large database left for later, off the GUI thread.

    A damaged file is said plainly and the window closes: the next start checks first
    and offers to restore the newest good backup.
    """

    def report(item: CheckItem | None) -> None:
        if item is None or item.ok:
            return
        Messages.show(
            window,
            Kind.ERROR,
            PRODUCT,
            QCoreApplication.translate(
                "Launch",
                "The database failed its start-up check ({detail}). The program will close; "
                "open it again to restore the newest good backup.",
            ).format(detail="; ".join(item.details[:2])),
        )
        window.close()

    workers.run_in_background(
        lambda: database_checks.deferred_start_check(ctx.database), on_done=report
    )


def sign_in(start: WindowStart, app: QApplication) -> Actor | None:
    """Who uses the program: the first-run wizard on a new database, else the login."""
    if start.first_run:
        setup = ServiceContext(start.database, Actor.system(), demo=start.demo)
        # Only a brand-new database needs the wizard (and the catalogues behind it).
        from carceles_desktop.ui.dialogs.first_run_wizard import FirstRunWizard

        return FirstRunWizard.ask(setup, start.authenticate)
    return LoginDialog.ask(
        start.authenticate, title=PRODUCT, icon=app.windowIcon(), demo=start.demo
    )


def capture_when_ready(window: MainWindow, target: Path, app: QCoreApplication) -> None:
    """Save the window to ``target`` once its list has loaded, then quit the loop.

    Polls on a timer (never sleeps), so the count and the first page arrive first.
    """
    clock = QElapsedTimer()
    clock.start()
    timer = QTimer(window)
    timer.setInterval(25)

    def check() -> None:
        ready = window.current_view().is_ready()
        if not ready and clock.elapsed() < SCREENSHOT_TIMEOUT_MS:
            return
        timer.stop()
        if not ready:
            log.warning("the list was not ready in time; taking the screenshot anyway")
        app.exit(0 if save_screenshot(window, target) else 1)

    timer.timeout.connect(check)
    timer.start()


def save_screenshot(window: MainWindow, target: Path) -> bool:
    """Render the window into a PNG file; True when written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    written = window.grab().save(str(target), "PNG")
    if not written:
        log.error("could not write the screenshot to %s", target)
    return bool(written)
