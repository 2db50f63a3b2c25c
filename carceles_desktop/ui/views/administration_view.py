"""The Administración area: user accounts, signing keys and the trades' competencies.

One tab per part, each shown only to those who may use it (the services check again).
The users tab keeps the area's search box, Ctrl+F and saved column widths.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from carceles_desktop.services.actor import Actor
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.permissions import Action, allowed
from carceles_desktop.ui.areas import ADMIN_ACTIONS
from carceles_desktop.ui.views.competencies_panel import CompetenciesPanel
from carceles_desktop.ui.views.keys_panel import KeysPanel
from carceles_desktop.ui.views.users_view import UsersView

translate = QCoreApplication.translate

#: The actions that show the area (one tab each).


def may_administer(actor: Actor) -> bool:
    """True when the user may use at least one tab of the area."""
    return any(allowed(actor, action) for action in ADMIN_ACTIONS)


class AdministrationView(QWidget):
    """Tabs: Usuarios, Claves de firma, Competencias.

    Attributes:
        tabs: the tab widget.
        users: the users tab (None when the user may not manage users).
        keys: the signing keys tab (None without MANAGE_KEYS).
        competencies: the competencies tab (None without EDIT_CATALOGUES).
    """

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        actor = ctx.actor
        self.tabs = QTabWidget()
        self.users = UsersView(ctx) if allowed(actor, Action.MANAGE_USERS) else None
        self.keys = KeysPanel(ctx) if allowed(actor, Action.MANAGE_KEYS) else None
        self.competencies = (
            CompetenciesPanel(ctx) if allowed(actor, Action.EDIT_CATALOGUES) else None
        )
        if self.users is not None:
            self.tabs.addTab(self.users, translate("AdministrationView", "Users"))
        if self.keys is not None:
            self.tabs.addTab(self.keys, translate("AdministrationView", "Signing keys"))
        if self.competencies is not None:
            self.tabs.addTab(self.competencies, translate("AdministrationView", "Competencies"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._loaded: set[int] = set()
        self.tabs.currentChanged.connect(self._load_tab)

    def _load_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is None or index in self._loaded:
            return
        self._loaded.add(index)
        if widget is self.users:
            self.users.load()
        elif widget is self.keys:
            self.keys.reload()
        elif widget is self.competencies:
            self.competencies.load_trades()
            self.competencies.reload()

    def load(self) -> None:
        """Read the tab on screen (each tab is read when first shown)."""
        self._load_tab(self.tabs.currentIndex())

    def focus_search(self) -> None:
        """Ctrl+F: the users' search box."""
        if self.users is not None:
            self.tabs.setCurrentWidget(self.users)
            self.users.focus_search()

    def reload(self) -> None:
        """F5: read the tab on screen again."""
        widget = self.tabs.currentWidget()
        if isinstance(widget, (UsersView, KeysPanel, CompetenciesPanel)):
            widget.reload()

    def is_ready(self) -> bool:
        """True once the users list (when shown) has loaded."""
        return self.users is None or self.users.is_ready()

    def save_state(self, settings: QSettings) -> None:
        """Remember the users list's splitter and columns."""
        if self.users is not None:
            self.users.save_state(settings)

    def restore_state(self, settings: QSettings) -> None:
        """Put back the users list's splitter and columns."""
        if self.users is not None:
            self.users.restore_state(settings)
