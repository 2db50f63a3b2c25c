"""The main window's menus (Archivo, Editar, Ver, Ayuda) and which of their actions answer.

The menus are built with the window's frame, before the records are open: then only
Salir and Acerca de answer.  Once a user is signed in, each action answers as his role
and a read-only window allow.  Keys are given to the actions only then (see
:meth:`WindowMenus.bind_shortcuts`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from carceles_desktop.services.permissions import Action, allowed

if TYPE_CHECKING:
    from carceles_desktop.services.context import ServiceContext
    from carceles_desktop.ui.areas import Area

translate = QCoreApplication.translate


class MenuHost(Protocol):
    """What the menus call on the window."""

    def open_settings(self) -> None: ...  # noqa: D102 - named by the menu entry
    def backup_now(self) -> None: ...  # noqa: D102
    def restore_backup(self) -> None: ...  # noqa: D102
    def verify_database(self) -> None: ...  # noqa: D102
    def change_password(self) -> None: ...  # noqa: D102
    def lock(self) -> None: ...  # noqa: D102
    def close(self) -> bool: ...  # noqa: D102
    def focus_search(self) -> None: ...  # noqa: D102
    def reload_current(self) -> None: ...  # noqa: D102
    def show_about(self) -> None: ...  # noqa: D102


class WindowMenus:
    """The menu bar's actions, by name, and the rule that enables them.

    Attributes:
        settings, backup, restore, check, password, lock, quit: Archivo's actions.
        find: Editar → Buscar (Ctrl+F).
        reload: Ver → Actualizar (F5).
        about: Ayuda → Acerca de.
        view_menu: Ver, which also lists the areas (Ctrl+1 …) once they are known.
    """

    def __init__(self, window: QMainWindow, host: MenuHost) -> None:
        self._window = window
        self._actions: list[QAction] = []
        self._shortcuts: list[tuple[QAction, str]] = []
        self._bound = False
        bar = window.menuBar()
        file_menu = bar.addMenu(translate("MainWindow", "&File"))
        self.settings = self._add(
            file_menu, translate("MainWindow", "&Settings…"), host.open_settings
        )
        file_menu.addSeparator()
        self.backup = self._add(file_menu, translate("MainWindow", "&Back up now"), host.backup_now)
        self.restore = self._add(
            file_menu, translate("MainWindow", "&Restore a backup…"), host.restore_backup
        )
        self.check = self._add(
            file_menu, translate("MainWindow", "&Verify the database"), host.verify_database
        )
        file_menu.addSeparator()
        self.password = self._add(
            file_menu, translate("MainWindow", "Change &password…"), host.change_password
        )
        self.lock = self._add(file_menu, translate("MainWindow", "&Lock"), host.lock, "Ctrl+L")
        file_menu.addSeparator()
        self.quit = self._add(file_menu, translate("MainWindow", "&Quit"), host.close, "Ctrl+Q")
        edit_menu = bar.addMenu(translate("MainWindow", "&Edit"))
        self.find = self._add(
            edit_menu, translate("MainWindow", "&Find"), host.focus_search, "Ctrl+F"
        )
        self.view_menu = bar.addMenu(translate("MainWindow", "&View"))
        self.reload = self._add(
            self.view_menu, translate("MainWindow", "&Refresh"), host.reload_current, "F5"
        )
        help_menu = bar.addMenu(translate("MainWindow", "&Help"))
        self.about = self._add(help_menu, translate("MainWindow", "&About"), host.show_about)

    def _add(
        self, menu: QMenu, text: str, slot: Callable[[], object], keys: str | None = None
    ) -> QAction:
        action = QAction(text, self._window)
        action.triggered.connect(lambda _checked=False: slot())
        if keys is not None:
            self._shortcuts.append((action, keys))
        menu.addAction(action)
        self._actions.append(action)
        if self._bound:
            self.bind_shortcuts()
        return action

    def add_areas(self, areas: Sequence[Area], show_row: Callable[[int], None]) -> None:
        """Ver: one entry per area, Ctrl+1 … in the navigation's order."""
        self.view_menu.addSeparator()
        for number, area in enumerate(areas, start=1):
            self._add(
                self.view_menu,
                translate("Areas", area.title),
                _shows(show_row, number - 1),
                f"Ctrl+{number}",
            )

    def bind_shortcuts(self) -> None:
        """Give the actions their keys: once the records are open (the frame needs none).

        Setting the first shortcut makes PySide6 build the ``Qt`` namespace's
        enumerations (about 12 ms), which the frame would pay before it shows.
        """
        self._bound = True
        for action, keys in self._shortcuts:
            action.setShortcut(QKeySequence(keys))
        self._shortcuts.clear()

    def enable_for(self, ctx: ServiceContext | None, *, can_lock: bool) -> None:
        """Enable what this user, and a read-only window, may use.

        Before anything is open (``ctx`` None) only Salir and Acerca de answer.
        """
        if ctx is None:
            self.disable_all()
            self.quit.setEnabled(True)
            self.about.setEnabled(True)
            return
        for action in self._actions:
            action.setEnabled(True)
        actor, writable = ctx.actor, not ctx.read_only_mode
        self.password.setEnabled(actor.user_id is not None and writable)
        self.backup.setEnabled(allowed(actor, Action.BACKUP))
        self.restore.setEnabled(allowed(actor, Action.BACKUP) and writable)
        self.check.setEnabled(allowed(actor, Action.VIEW))
        self.lock.setEnabled(can_lock)

    def disable_all(self) -> None:
        """Every action off (while the window is locked)."""
        for action in self._actions:
            action.setEnabled(False)

    def enabled(self) -> list[QAction]:
        """The actions that answer now."""
        return [action for action in self._actions if action.isEnabled()]


def _shows(show_row: Callable[[int], None], row: int) -> Callable[[], None]:
    """A slot that shows the area of navigation row ``row``."""
    return lambda: show_row(row)
