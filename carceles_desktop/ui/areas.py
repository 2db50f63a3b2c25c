"""The areas of the navigation list: adding one is one line in :data:`AREAS`.

Only areas that exist are listed; later issues add Panel and Reportes
here as they are built.  An area may be shown only to some
roles (``visible``); the services refuse the others anyway.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QStyle, QWidget

from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.permissions import Action, allowed
from carceles_desktop.ui.views.administration_view import AdministrationView, may_administer
from carceles_desktop.ui.views.attendance_view import AttendanceView
from carceles_desktop.ui.views.audit_view import AuditView
from carceles_desktop.ui.views.certificates_view import CertificatesView
from carceles_desktop.ui.views.clients_view import ClientsView
from carceles_desktop.ui.views.deliveries_view import DeliveriesView
from carceles_desktop.ui.views.orders_view import OrdersView
from carceles_desktop.ui.views.production_view import ProductionView
from carceles_desktop.ui.views.products_view import ProductsView
from carceles_desktop.ui.views.trainees_view import TraineesView
from carceles_desktop.ui.views.verify_view import VerifyView
from carceles_desktop.ui.views.workshops_view import WorkshopsView


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
        icon: a standard Qt icon.
        build: makes the area's widget (a QWidget that is an :class:`AreaView`).
        visible: whether the signed-in user sees the area at all.
    """

    key: str
    title: str
    icon: QStyle.StandardPixmap
    build: Callable[[ServiceContext], QWidget]
    visible: Callable[[Actor], bool] = lambda actor: True


def may(action: Action) -> Callable[[Actor], bool]:
    """The visibility of an area meant for those who may take ``action``."""
    return lambda actor: allowed(actor, action)


AREAS: tuple[Area, ...] = (
    Area(
        "workshops",
        QT_TRANSLATE_NOOP("Areas", "Workshops"),
        QStyle.StandardPixmap.SP_DirHomeIcon,
        WorkshopsView,
    ),
    Area(
        "trainees",
        QT_TRANSLATE_NOOP("Areas", "Trainees"),
        QStyle.StandardPixmap.SP_FileDialogDetailedView,
        TraineesView,
    ),
    Area(
        "attendance",
        QT_TRANSLATE_NOOP("Areas", "Attendance"),
        QStyle.StandardPixmap.SP_FileDialogInfoView,
        AttendanceView,
    ),
    Area(
        "production",
        QT_TRANSLATE_NOOP("Areas", "Production"),
        QStyle.StandardPixmap.SP_DesktopIcon,
        ProductionView,
    ),
    Area(
        "deliveries",
        QT_TRANSLATE_NOOP("Areas", "Deliveries"),
        QStyle.StandardPixmap.SP_ArrowForward,
        DeliveriesView,
    ),
    Area(
        "orders",
        QT_TRANSLATE_NOOP("Areas", "Orders"),
        QStyle.StandardPixmap.SP_FileDialogListView,
        OrdersView,
    ),
    Area(
        "clients",
        QT_TRANSLATE_NOOP("Areas", "Clients"),
        QStyle.StandardPixmap.SP_DriveNetIcon,
        ClientsView,
    ),
    Area(
        "products",
        QT_TRANSLATE_NOOP("Areas", "Products"),
        QStyle.StandardPixmap.SP_DirClosedIcon,
        ProductsView,
    ),
    Area(
        "certificates",
        QT_TRANSLATE_NOOP("Areas", "Certificates"),
        QStyle.StandardPixmap.SP_DialogApplyButton,
        CertificatesView,
        may(Action.VIEW),
    ),
    Area(
        "verify",
        QT_TRANSLATE_NOOP("Areas", "Verify"),
        QStyle.StandardPixmap.SP_DialogYesButton,
        VerifyView,
    ),
    Area(
        "users",
        QT_TRANSLATE_NOOP("Areas", "Administration"),
        QStyle.StandardPixmap.SP_DirLinkIcon,
        AdministrationView,
        may_administer,
    ),
    Area(
        "audit",
        QT_TRANSLATE_NOOP("Areas", "Audit"),
        QStyle.StandardPixmap.SP_FileDialogContentsView,
        AuditView,
        may(Action.VIEW_AUDIT),
    ),
)
