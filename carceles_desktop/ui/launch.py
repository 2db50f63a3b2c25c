"""Starting the window: application object, translations, sign-in, main window.

The window shows first, as a frame with a start page: the user sees the program at once,
before the database layer is even imported.  Then, from the event loop, the
composition root's ``connect`` opens the database over it (asking, over the window,
when it is in use elsewhere or damaged) and hands back a :class:`WindowStart`; nothing
here touches storage.  A database without users gets the first-run wizard instead of
the login dialog; an account whose password was reset must choose a new one before the
areas open.  A database opened read-only (another computer holds it) gives a read-only
window without automatic backups.

The start-up benchmark sets ``CARCELES_SHOWN_SCREENSHOT`` to a file name: the frame is
saved there the moment it is shown, as the benchmark's bare window is.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from carceles_desktop import config, resources
from carceles_desktop.services.actor import Actor
from carceles_desktop.ui import pyside_imports, workers
from carceles_desktop.ui.main_window import BACKUP_CHECK_MS, PRODUCT, MainWindow
from carceles_desktop.ui.translation import install_translators

if TYPE_CHECKING:
    from carceles_desktop.services.context import ServiceContext
    from carceles_desktop.services.database_checks import CheckItem

# Services (and SQLAlchemy behind them) are imported once the window is on screen.

log = logging.getLogger(__name__)

#: Longest wait for the first page before a screenshot is taken anyway.
SCREENSHOT_TIMEOUT_MS = 15_000
#: The variable naming the file where the frame is saved once shown (benchmarks).
SHOWN_SCREENSHOT_ENV = "CARCELES_SHOWN_SCREENSHOT"


@dataclass(frozen=True)
class WindowOptions:
    """How the window starts, known before the database is opened.

    Attributes:
        lang: "es" or "en".
        demo: the demo database was asked for (the title says so from the start).
        screenshot: render the loaded window to this PNG file and exit.
        area: the area to open on (its key), when the user may see it.
    """

    lang: str
    demo: bool = False
    screenshot: Path | None = None
    area: str | None = None


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
    # Before the database layer is imported: see pyside_imports.
    pyside_imports.skip_source_scan()
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


#: Opens the database over the shown window: the start, or the exit code when it stops.
Connect = Callable[[QWidget], "WindowStart | int"]


def run_window(start: WindowStart, argv: list[str] | None = None) -> int:
    """Show the window over a database opened already; return the exit code."""
    options = WindowOptions(start.lang, start.demo, start.screenshot, start.area)
    return start_window(options, lambda window: start, argv)


def start_window(options: WindowOptions, connect: Connect, argv: list[str] | None = None) -> int:
    """Show the window, then open the database in it; run until the user quits.

    Returns the exit code: 0 when the user quits (or cancels the sign-in), the code
    ``connect`` returned when it could not open the database, 1 when a screenshot could
    not be written.
    """
    app = prepare_application(options.lang, argv)
    window = MainWindow(demo=options.demo)
    window.show()
    _save_shown(window, app)
    failures: list[BaseException] = []

    def go_on() -> None:
        try:
            code = _open_in(window, connect, options, app)
        except Exception as exc:  # noqa: BLE001 - re-raised after the loop, to main's guard
            failures.append(exc)
            code = 70
        if code is not None:
            app.exit(code)

    QTimer.singleShot(0, go_on)
    code = app.exec()
    workers.wait_for_jobs()
    # A frame that never opened the records is hidden after the loop: closing the last
    # window inside it would post a quit event that outlives it (and ends the next loop).
    # An attached window is left as the loop left it: closing it would start the
    # closing backup with no loop to finish it.
    if not window.is_attached():
        window.hide()
    if failures:
        raise failures[0]
    return code


def _open_in(
    window: MainWindow, connect: Connect, options: WindowOptions, app: QApplication
) -> int | None:
    """Open the database and sign in over ``window``; None once the areas show."""
    from carceles_desktop.services.context import ServiceContext
    from carceles_desktop.ui.dialogs.password_dialog import ensure_password_changed

    start = connect(window)
    if isinstance(start, int):
        return start
    window.start_page.say(QCoreApplication.translate("Launch", "Sign in to go on."))
    actor = start.actor or sign_in(start, window)
    if actor is None:
        return 0
    ctx = ServiceContext(start.database, actor, demo=start.demo, read_only_mode=start.read_only)
    if not ensure_password_changed(ctx, window):
        return 0
    window.attach(
        ctx,
        authenticate=start.authenticate,
        heartbeat=start.heartbeat,
        backup_check_ms=BACKUP_CHECK_MS,
        area=options.area,
    )
    # The keys go to the window the login dialog covered, not to whatever had them before.
    window.activateWindow()
    if options.area is not None and window.current_area() != options.area:
        log.warning("no area %r for this user; opening the last one", options.area)
    check_after_showing(window, ctx)
    if options.screenshot is not None:
        capture_when_ready(window, options.screenshot, app)
    return None


def _save_shown(window: MainWindow, app: QApplication) -> None:
    """Save the frame as soon as it is shown, when the start-up benchmark asks."""
    target = os.environ.get(SHOWN_SCREENSHOT_ENV)
    if target:
        app.processEvents()
        save_screenshot(window, Path(target))


def check_after_showing(window: MainWindow, ctx: ServiceContext) -> None:
    """Run the start-up check a large database left for later, off the GUI thread.

    A damaged file is said plainly and the window closes: the next start checks first
    and offers to restore the newest good backup.
    """
    from carceles_desktop.services import database_checks
    from carceles_desktop.ui.messages import Kind, Messages

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


def sign_in(start: WindowStart, window: QWidget) -> Actor | None:
    """Who uses the program: the first-run wizard on a new database, else the login."""
    if start.first_run:
        from carceles_desktop.services.context import ServiceContext

        # Only a brand-new database needs the wizard (and the catalogues behind it).
        from carceles_desktop.ui.dialogs.first_run_wizard import FirstRunWizard

        setup = ServiceContext(start.database, Actor.system(), demo=start.demo)
        return FirstRunWizard.ask(setup, start.authenticate, window)
    from carceles_desktop.ui.dialogs.login_dialog import LoginDialog

    return LoginDialog.ask(
        start.authenticate, window, title=PRODUCT, icon=window.windowIcon(), demo=start.demo
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
