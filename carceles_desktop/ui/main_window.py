"""The main window: navigation, views, menus and status bar.  It only wires the parts.

It is built in two steps, so that the program is on screen before the database layer
is even imported: ``MainWindow()`` is the frame with its menus and a start page, shown
at once; :meth:`MainWindow.attach` gives it the open database and the signed-in user,
and the areas take the start page's place.  ``MainWindow(ctx)`` does both.

It also locks: after the idle minutes of the settings (or at once with Ctrl+L) the
content gives way to the lock screen, the menus go dark and open dialogs close, until
the same user types his password again.

While open it keeps the database safe: automatic backups and the Archivo menu's backup,
restore and check (:mod:`.backup_keeper`), and the instance lock's heartbeat.  A window
opened read-only says so in its title and status bar.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

import carceles_desktop
from carceles_desktop import config
from carceles_desktop.errors import AppError, PermissionDenied
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.ui.areas import AREAS, Area, AreaView
from carceles_desktop.ui.widgets.start_page import StartPage
from carceles_desktop.ui.window_menus import WindowMenus

if TYPE_CHECKING:
    from carceles_desktop.services.context import ServiceContext
    from carceles_desktop.ui.backup_keeper import BackupKeeper
    from carceles_desktop.ui.dialogs.login_dialog import Authenticate
    from carceles_desktop.ui.idle_lock import IdleWatcher
    from carceles_desktop.ui.widgets.lock_screen import LockScreen

# The frame must show before anything slow loads, so what only an attached window
# uses is imported in attach() or in the action that needs it: the services (and
# SQLAlchemy behind them), the backup keeper, the dialogs, and even Qt's ``Qt``
# namespace, whose hundred-odd enumerations cost PySide6 about 12 ms to build.

translate = QCoreApplication.translate

#: The product's name; a proper name, the same in every language.
PRODUCT = "Cárceles Productivas — Gestión de Talleres"
#: How often the window tells the instance lock it is alive (other computers wait hours).
HEARTBEAT_MS = 10 * 60 * 1000
#: How often the window asks whether an automatic backup is due.
BACKUP_CHECK_MS = 60 * 1000


def window_title(demo: bool, read_only: bool = False) -> str:
    """The window title, marking the demo database and a read-only window unmistakably."""
    title = f"{PRODUCT} [DEMO]" if demo else PRODUCT
    if read_only:
        title += " — " + translate("MainWindow", "READ-ONLY")
    return title


class MainWindow(QMainWindow):
    """The program's window over one open database and one signed-in user.

    Attributes:
        ctx: the open database and signed-in user (None until :meth:`attach`).
        start_page: what the window shows until it is attached.
        nav: the navigation list (one item per area the user may see).
        stack: the areas' widgets, in the same order.
        pages: the start page, the content and, while locked, the lock screen.
        idle_lock: counts the idle time; its timeout locks the window.
        lock_screen: the lock screen, once the window has locked.
        backups: automatic backups and the Archivo menu's backup, restore and check.
        heartbeat_timer: calls ``heartbeat`` (the instance lock's) every ``heartbeat_ms``.
    """

    def __init__(
        self,
        ctx: ServiceContext | None = None,
        *,
        settings: QSettings | None = None,
        areas: Sequence[Area] = AREAS,
        demo: bool = False,
        authenticate: Authenticate | None = None,
        heartbeat: Callable[[], None] | None = None,
        heartbeat_ms: int = HEARTBEAT_MS,
        backup_check_ms: int | None = None,
    ) -> None:
        """Build the frame; with ``ctx``, attach it at once (see :meth:`attach`)."""
        super().__init__()
        self.ctx: ServiceContext | None = None
        self._settings = settings if settings is not None else _window_settings()
        self._all_areas = tuple(areas)
        self._areas: tuple[Area, ...] = ()
        self._authenticate: Authenticate | None = None
        self.lock_screen: LockScreen | None = None
        self.backups: BackupKeeper | None = None
        self.idle_lock: IdleWatcher | None = None
        self.heartbeat_timer = QTimer(self)
        self.setWindowTitle(window_title(demo))
        self.nav = QListWidget()
        self.stack = QStackedWidget()
        self._views: dict[int, QWidget] = {}
        self.pages = QStackedWidget()
        self.start_page = StartPage(PRODUCT)
        self.pages.addWidget(self.start_page)
        self.setCentralWidget(self.pages)
        self.menus = WindowMenus(self, self)
        menus = self.menus
        self.settings_action, self.backup_action = menus.settings, menus.backup
        self.restore_action, self.check_action = menus.restore, menus.check
        self.password_action, self.lock_action = menus.password, menus.lock
        self.find_action, self.reload_action = menus.find, menus.reload
        self._enable_by_role()
        self._restore_geometry()
        if ctx is not None:
            self.attach(
                ctx,
                authenticate=authenticate,
                heartbeat=heartbeat,
                heartbeat_ms=heartbeat_ms,
                backup_check_ms=backup_check_ms,
            )

    def attach(
        self,
        ctx: ServiceContext,
        *,
        authenticate: Authenticate | None = None,
        heartbeat: Callable[[], None] | None = None,
        heartbeat_ms: int = HEARTBEAT_MS,
        backup_check_ms: int | None = None,
        area: str | None = None,
    ) -> None:
        """Open the window onto the database and user of ``ctx``: the areas replace the start.

        ``backup_check_ms`` None turns automatic backups off (tests).  ``area`` is the
        key of the area to open on (when this user sees it), instead of the last one:
        only that area is built and read.
        """
        from carceles_desktop.ui.backup_keeper import BackupKeeper
        from carceles_desktop.ui.idle_lock import IdleWatcher

        assert self.ctx is None, "a window is attached once"
        self.ctx = ctx
        self._areas = tuple(area for area in self._all_areas if area.visible(ctx.actor))
        # Checking the password at unlock needs the sign-in and a real account.
        self._authenticate = authenticate if ctx.actor.user_id is not None else None
        self.setWindowTitle(window_title(ctx.demo, ctx.read_only_mode))
        self.menus.bind_shortcuts()
        self.backups = BackupKeeper(self, ctx, interval_ms=backup_check_ms)
        self._build_areas()
        self.menus.add_areas(self._areas, self.nav.setCurrentRow)
        self._build_status_bar()
        self._enable_by_role()
        self._restore_areas()
        keys = [shown.key for shown in self._areas]
        if area is not None and area in keys:
            self.nav.setCurrentRow(keys.index(area))
        self.nav.currentRowChanged.connect(self._show_area)
        self._show_area(self.nav.currentRow())
        self.idle_lock = IdleWatcher(_idle_minutes(ctx), self)
        self.idle_lock.idle.connect(self.lock)
        if self.can_lock():
            self.idle_lock.start()
        self.heartbeat_timer.setInterval(heartbeat_ms)
        if heartbeat is not None:
            self.heartbeat_timer.timeout.connect(heartbeat)
            self.heartbeat_timer.start()
        self.backups.start()

    def is_attached(self) -> bool:
        """True once the window has its database and user (:meth:`attach`)."""
        return self.ctx is not None

    def _context(self) -> ServiceContext:
        assert self.ctx is not None, "only an attached window reaches its records"
        return self.ctx

    def _keeper(self) -> BackupKeeper:
        assert self.backups is not None, "only an attached window keeps backups"
        return self.backups

    # ------------------------------------------------------------------ building

    def _build_areas(self) -> None:
        from PySide6.QtCore import QSize, Qt
        from PySide6.QtWidgets import QStyle

        self.nav.setIconSize(QSize(24, 24))
        self.nav.setSpacing(2)
        for area in self._areas:
            icon = self.style().standardIcon(getattr(QStyle.StandardPixmap, area.icon))
            item = QListWidgetItem(icon, translate("Areas", area.title))
            item.setData(Qt.ItemDataRole.UserRole, area.key)
            self.nav.addItem(item)
            # Built when first shown: start-up pays only for the area on screen.
            self.stack.addWidget(QWidget())
        width = max(self.nav.sizeHintForColumn(0), 120) + 24
        self.nav.setFixedWidth(width)
        self.content = QWidget()
        layout = QHBoxLayout(self.content)
        layout.setContentsMargins(4, 4, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.pages.addWidget(self.content)
        self.pages.setCurrentWidget(self.content)
        # The start page is done with: only the content and the lock screen remain.
        self.pages.removeWidget(self.start_page)
        self.start_page.deleteLater()
        self.nav.setCurrentRow(0)

    def _build_status_bar(self) -> None:
        from carceles_desktop.ui.labels import label

        ctx = self._context()
        actor = ctx.actor
        self.database_label = QLabel(
            translate("MainWindow", "Database: {where}").format(where=ctx.describe_database())
        )
        self.user_label = QLabel(
            translate("MainWindow", "User: {name} ({role})").format(
                name=actor.username, role=label(actor.role)
            )
        )
        status = self.statusBar()
        status.addWidget(self.database_label, 1)
        if ctx.read_only_mode:
            self.read_only_label = QLabel(
                translate("MainWindow", "Read-only: another computer is using this database")
            )
            self.read_only_label.setStyleSheet("color: #b00020; font-weight: bold;")
            status.addPermanentWidget(self.read_only_label)
        status.addPermanentWidget(self.user_label)

    def _enable_by_role(self) -> None:
        """Enable the actions this user, and a read-only window, may use."""
        self.menus.enable_for(self.ctx, can_lock=self.can_lock())

    def actions_enabled(self) -> list[QAction]:
        """The window's own actions that answer now (menus and shortcuts)."""
        return self.menus.enabled()

    # ------------------------------------------------------------------ menu entries

    def backup_now(self) -> None:
        """Archivo → Copia de seguridad ahora."""
        self._keeper().backup_now()

    def restore_backup(self) -> None:
        """Archivo → Restaurar una copia (asks which file)."""
        self._keeper().restore_from_file()

    def verify_database(self) -> None:
        """Archivo → Verificar la base de datos."""
        self._keeper().verify_database()

    # ------------------------------------------------------------------ areas

    def current_view(self) -> AreaView:
        """The widget of the area on screen."""
        return cast(AreaView, self._built_view(self.stack.currentIndex()))

    def view(self, key: str) -> QWidget:
        """The widget of an area by key."""
        keys = [area.key for area in self._areas]
        return self._built_view(keys.index(key))

    def _built_view(self, index: int) -> QWidget:
        """The area's widget at ``index``, built (and its saved state put back) on first use."""
        built = self._views.get(index)
        if built is None:
            built = self._areas[index].build(self._context())
            placeholder = self.stack.widget(index)
            assert placeholder is not None  # one placeholder per area
            current = self.stack.currentIndex()
            self.stack.insertWidget(index, built)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.stack.setCurrentIndex(current)
            cast(AreaView, built).restore_state(self._settings)
            # An area may ask for another (the Panel's figures open theirs).
            requested = getattr(built, "area_requested", None)
            if requested is not None:
                requested.connect(self._open_requested_area)
            self._views[index] = built
        return built

    def current_area(self) -> str | None:
        """The key of the area on screen (None before the window is attached)."""
        row = self.nav.currentRow()
        return self._areas[row].key if 0 <= row < len(self._areas) else None

    def show_area(self, key: str) -> None:
        """Switch to an area by key."""
        self.nav.setCurrentRow([area.key for area in self._areas].index(key))

    def _open_requested_area(self, key: str) -> None:
        if key in (area.key for area in self._areas):
            self.show_area(key)

    def _show_area(self, row: int) -> None:
        if row < 0:
            return
        self._built_view(row)
        self.stack.setCurrentIndex(row)
        self.current_view().load()

    def focus_search(self) -> None:
        """Ctrl+F: the current area's search box."""
        if self.is_attached():
            self.current_view().focus_search()

    def reload_current(self) -> None:
        """F5: read the current area again."""
        if self.is_attached():
            self.current_view().reload()

    # ------------------------------------------------------------------ dialogs

    def open_settings(self) -> None:
        """Open the settings dialog (Archivo → Configuración…)."""
        from carceles_desktop.ui.dialogs.settings_dialog import SettingsDialog

        saved = SettingsDialog.ask(self._context(), self)
        if saved is not None and self.idle_lock is not None:
            self.idle_lock.set_minutes(saved.idle_lock_minutes)
            self.statusBar().showMessage(translate("MainWindow", "Settings saved."), 5000)

    def change_password(self) -> None:
        """Change the signed-in user's password (Archivo → Cambiar contraseña…)."""
        from carceles_desktop.ui.dialogs.password_dialog import ChangePasswordDialog

        if ChangePasswordDialog.ask(self._context(), self):
            self.statusBar().showMessage(translate("MainWindow", "Password changed."), 5000)

    # ------------------------------------------------------------------ locking

    def can_lock(self) -> bool:
        """True when the window can check a password to unlock (a real, signed-in user)."""
        return self.ctx is not None and self._authenticate is not None

    def is_locked(self) -> bool:
        """True while the lock screen stands in for the content."""
        return self.lock_screen is not None and self.pages.currentWidget() is self.lock_screen

    def lock(self) -> None:
        """Hide the records behind the lock screen until the password is typed (Ctrl+L)."""
        if not self.can_lock() or self.is_locked() or self.idle_lock is None:
            return
        from carceles_desktop.ui.widgets.lock_screen import LockScreen

        self.idle_lock.stop()
        _close_dialogs(self)
        if self.lock_screen is None:
            ctx = self._context()
            self.lock_screen = LockScreen(ctx.actor.username, _full_name(ctx), self._check_unlock)
            self.lock_screen.unlocked.connect(self.unlock)
            self.lock_screen.quit_requested.connect(self.close)
            self.pages.addWidget(self.lock_screen)
        self.pages.setCurrentWidget(self.lock_screen)
        self.menus.disable_all()
        self.menuBar().setEnabled(False)
        self.statusBar().clearMessage()
        self.statusBar().hide()
        self.lock_screen.start()

    def unlock(self) -> None:
        """Show the records again (the lock screen checked the password)."""
        self.pages.setCurrentWidget(self.content)
        self._enable_by_role()
        self.menuBar().setEnabled(True)
        self.statusBar().show()
        if self.idle_lock is not None:
            self.idle_lock.start()

    def _check_unlock(self, password: str) -> None:
        assert self._authenticate is not None  # only lockable with a sign-in
        signed_in = self._context().actor
        actor = self._authenticate(signed_in.username, password)
        if actor.user_id != signed_in.user_id:
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("errors", "Only {user} may unlock this session."),
                user=signed_in.username,
            )

    def show_about(self) -> None:
        """Show what the program is (Ayuda → Acerca de)."""
        from carceles_desktop.ui import messages

        messages.inform(
            self,
            translate("MainWindow", "About"),
            translate(
                "MainWindow",
                "{product}, version {version}.\nRecords of the productive workshops of "
                "Peru's prisons: trainees, attendance, production, deliveries and "
                "certificates.",
            ).format(product=PRODUCT, version=carceles_desktop.__version__),
        )

    # ------------------------------------------------------------------ state

    def _restore_geometry(self) -> None:
        geometry = self._settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)

    def _restore_areas(self) -> None:
        state = self._settings.value("main_window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        keys = [area.key for area in self._areas]
        last = self._settings.value("main_window/area")
        if isinstance(last, str) and last in keys:
            self.nav.setCurrentRow(keys.index(last))

    def save_state(self) -> None:
        """Remember geometry, splitters, columns and the area on screen."""
        self._settings.setValue("main_window/geometry", self.saveGeometry())
        if not self.is_attached():
            self._settings.sync()
            return
        self._settings.setValue("main_window/state", self.saveState())
        self._settings.setValue("main_window/area", self._areas[self.nav.currentRow()].key)
        for view in self._views.values():
            cast(AreaView, view).save_state(self._settings)
        self._settings.sync()

    def areas_may_close(self) -> bool:
        """Ask every area with unsaved work (save, discard or stay); False if one stays."""
        for view in self._views.values():
            confirm = getattr(view, "confirm_close", None)
            if confirm is not None and not confirm():
                return False
        return True

    def reload_areas(self) -> None:
        """Read again every area that has been read (after a restore)."""
        for widget in list(self._views.values()):
            view = cast(AreaView, widget)
            if view is self.current_view() or view.is_ready():
                view.reload()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the window's state on the way out (an area with unsaved work may refuse).

        The closing backup runs first; the window closes when it is done.
        """
        if not self.areas_may_close():
            event.ignore()
            return
        self.save_state()
        if self.backups is not None and not self.backups.may_close(self.close):
            event.ignore()
            return
        self.heartbeat_timer.stop()
        super().closeEvent(event)


def _window_settings() -> QSettings:
    """The window's remembered state, in the program's own configuration folder."""
    return QSettings(str(config.window_state_file()), QSettings.Format.IniFormat)


def _idle_minutes(ctx: ServiceContext) -> int:
    """The idle minutes of the settings (their default when they cannot be read)."""
    from carceles_desktop.services.settings import Settings, get_settings

    try:
        with ctx.reading() as uow:
            return get_settings(uow).idle_lock_minutes
    except AppError:
        return Settings().idle_lock_minutes


def _full_name(ctx: ServiceContext) -> str:
    from carceles_desktop.services import users

    try:
        with ctx.reading() as uow:
            return users.current_user(uow, ctx.actor).full_name
    except AppError:
        return ""


def _close_dialogs(window: QMainWindow) -> None:
    """Close the open dialogs: what they show must not stay on screen while locked."""
    for widget in QApplication.topLevelWidgets():
        if widget is not window and isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
