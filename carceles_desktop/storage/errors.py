"""Turn the database driver's environment errors into messages with advice."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError

from carceles_desktop.errors import StorageUnavailable
from carceles_desktop.i18n import QT_TRANSLATE_NOOP


def translate_operational_error(exc: DBAPIError) -> Exception:
    """Return a StorageUnavailable for known environment failures, else ``exc`` itself."""
    text = str(exc.orig).lower() if exc.orig is not None else str(exc).lower()
    if "database or disk is full" in text or "no space left" in text:
        return StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "errors",
                "The disk is full: the change was not saved and nothing saved before "
                "was lost. Free some space and try again.",
            )
        )
    if "database is locked" in text or "database is busy" in text:
        return StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "errors",
                "The database is busy with another program's change. Wait a moment and try again.",
            )
        )
    if "readonly" in text or "read-only" in text:
        return StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "errors",
                "The database can only be read here (read-only file or folder); nothing was saved.",
            )
        )
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "errors",
                "The database file is damaged or is not a database of this program. "
                "Restore it from a backup (carceles-desktop restore).",
            )
        )
    if "unable to open" in text:
        return StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "errors",
                "The database file cannot be opened: check that it exists and may be written.",
            )
        )
    if (
        "could not connect" in text
        or "connection refused" in text
        or "connection to server" in text
    ):
        return StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "errors",
                "The database server cannot be reached. Check the network and the server address.",
            )
        )
    return exc
