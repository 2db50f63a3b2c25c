"""The one place that shows messages to the user, and AppErrors in particular.

Every message box of the program goes through :meth:`Messages.show`, a classmethod that
tests patch (pytest-qt's advice for dialogs) so that no test ever blocks on a modal box.
"""

from __future__ import annotations

import logging
from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from carceles_desktop.errors import AppError, PermissionDenied, StorageUnavailable

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


class Kind(Enum):
    """How serious a message is."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"
    QUESTION = "question"


_ICONS = {
    Kind.INFO: QMessageBox.Icon.Information,
    Kind.WARNING: QMessageBox.Icon.Warning,
    Kind.ERROR: QMessageBox.Icon.Critical,
    Kind.QUESTION: QMessageBox.Icon.Question,
}


class Messages:
    """Message boxes, behind one patch point."""

    @classmethod
    def show(cls, parent: QWidget | None, kind: Kind, title: str, text: str) -> bool:
        """Show a modal message; return True for OK/Yes (always True but for questions)."""
        box = QMessageBox(parent)
        box.setIcon(_ICONS[kind])
        box.setWindowTitle(title)
        box.setText(text)
        if kind is Kind.QUESTION:
            box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            box.setDefaultButton(QMessageBox.StandardButton.No)
            return box.exec() == QMessageBox.StandardButton.Yes
        box.exec()
        return True


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """Show an error: an AppError's own message, or a short note for a bug (logged)."""
    if isinstance(error, AppError):
        kind = Kind.WARNING if isinstance(error, PermissionDenied) else Kind.ERROR
        title = (
            translate("Messages", "Cannot use the database")
            if isinstance(error, StorageUnavailable)
            else translate("Messages", "Cannot do that")
        )
        Messages.show(parent, kind, title, str(error))
        return
    log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
    Messages.show(
        parent,
        Kind.ERROR,
        translate("Messages", "Unexpected error"),
        translate(
            "Messages",
            "Something went wrong that the program did not expect ({detail}). The details "
            "are in the log file; no saved data was lost.",
        ).format(detail=type(error).__name__),
    )


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """Show an information message."""
    Messages.show(parent, Kind.INFO, title, text)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a yes/no question (No is the default)."""
    return Messages.show(parent, Kind.QUESTION, title, text)
