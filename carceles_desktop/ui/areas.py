"""The areas of the navigation list: adding one is one line in :data:`AREAS`.

Only areas that exist are listed.  An area may be shown only to some roles
(``visible``); the services refuse the others anyway.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.permissions import Action, allowed

if TYPE_CHECKING:
    # Only a type here: the window's frame shows before the database layer is imported.
    from carceles_desktop.services.context import ServiceContext


class AreaView(Protocol):
    """What the main window asks of an area's widget."""

    def load(self) -> None:
        """Run the first query; called when the area is first shown."""

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the search box."""

    def reload(self) -> None:
        """F5: read the data again."""

    def is_ready(self) -> bool:
        """True once the first page is shown (the screenshot waits for it)."""

    def save_state(self, settings: QSettings) -> None:
        """Remember splitters and columns."""

    def restore_state(self, settings: QSettings) -> None:
        """Put back what save_state remembered."""


@dataclass(frozen=True)
class Area:
    """One entry of the navigation list.

    Attributes:
        key: stable name, used in saved settings.
        title: English source, translated under the context ``Areas``.
        icon: the name of a standard Qt icon (``QStyle.StandardPixmap``), looked up when
            the navigation is built: the window's frame shows before QStyle's enumerations
            are built.
        build: makes the area's widget (a QWidget that is an :class:`AreaView`).
        visible: whether the signed-in user sees the area at all.
    """

    key: str
    title: str
    icon: str
    build: Callable[[ServiceContext], QWidget]
    visible: Callable[[Actor], bool] = lambda actor: True


def _view(module: str, name: str) -> Callable[[ServiceContext], QWidget]:
    """A factory that imports the area's module only when the area is first shown.

    Importing every view up front cost a quarter of a second of start-up (reportlab,
    spreadsheets, cryptography behind them); the main window builds areas lazily.
    """

    def build(ctx: ServiceContext) -> QWidget:
        view_class = getattr(import_module(f"carceles_desktop.ui.views.{module}"), name)
        return cast(QWidget, view_class(ctx))

    return build


#: The tabs of Administración: users, signing keys, competencies.
ADMIN_ACTIONS = (Action.MANAGE_USERS, Action.MANAGE_KEYS, Action.EDIT_CATALOGUES)


def _may_administer(actor: Actor) -> bool:
    """Administración shows when the user may use at least one of its tabs."""
    return any(allowed(actor, action) for action in ADMIN_ACTIONS)


def may(action: Action) -> Callable[[Actor], bool]:
    """The visibility of an area meant for those who may take ``action``."""
    return lambda actor: allowed(actor, action)


AREAS: tuple[Area, ...] = (
    Area(
        "panel",
        QT_TRANSLATE_NOOP("Areas", "Panel"),
        "SP_ComputerIcon",
        _view("panel_view", "PanelView"),
    ),
    Area(
        "workshops",
        QT_TRANSLATE_NOOP("Areas", "Workshops"),
        "SP_DirHomeIcon",
        _view("workshops_view", "WorkshopsView"),
    ),
    Area(
        "trainees",
        QT_TRANSLATE_NOOP("Areas", "Trainees"),
        "SP_FileDialogDetailedView",
        _view("trainees_view", "TraineesView"),
    ),
    Area(
        "attendance",
        QT_TRANSLATE_NOOP("Areas", "Attendance"),
        "SP_FileDialogInfoView",
        _view("attendance_view", "AttendanceView"),
    ),
    Area(
        "production",
        QT_TRANSLATE_NOOP("Areas", "Production"),
        "SP_DesktopIcon",
        _view("production_view", "ProductionView"),
    ),
    Area(
        "deliveries",
        QT_TRANSLATE_NOOP("Areas", "Deliveries"),
        "SP_ArrowForward",
        _view("deliveries_view", "DeliveriesView"),
    ),
    Area(
        "orders",
        QT_TRANSLATE_NOOP("Areas", "Orders"),
        "SP_FileDialogListView",
        _view("orders_view", "OrdersView"),
    ),
    Area(
        "clients",
        QT_TRANSLATE_NOOP("Areas", "Clients"),
        "SP_DriveNetIcon",
        _view("clients_view", "ClientsView"),
    ),
    Area(
        "products",
        QT_TRANSLATE_NOOP("Areas", "Products"),
        "SP_DirClosedIcon",
        _view("products_view", "ProductsView"),
    ),
    Area(
        "certificates",
        QT_TRANSLATE_NOOP("Areas", "Certificates"),
        "SP_DialogApplyButton",
        _view("certificates_view", "CertificatesView"),
        may(Action.VIEW),
    ),
    Area(
        "verify",
        QT_TRANSLATE_NOOP("Areas", "Verify"),
        "SP_DialogYesButton",
        _view("verify_view", "VerifyView"),
    ),
    Area(
        "reports",
        QT_TRANSLATE_NOOP("Areas", "Reports"),
        "SP_FileIcon",
        _view("reports_view", "ReportsView"),
        may(Action.PRINT_REPORTS),
    ),
    Area(
        "users",
        QT_TRANSLATE_NOOP("Areas", "Administration"),
        "SP_DirLinkIcon",
        _view("administration_view", "AdministrationView"),
        _may_administer,
    ),
    Area(
        "audit",
        QT_TRANSLATE_NOOP("Areas", "Audit"),
        "SP_FileDialogContentsView",
        _view("audit_view", "AuditView"),
        may(Action.VIEW_AUDIT),
    ),
)
