"""Errors a supervisor can read, sorted by who is to blame.

``AppError`` and its children are expected outcomes of a user's request (bad input,
no permission, missing record, conflicting state) or of the environment (a full disk,
a locked or corrupt database file).  Anything else that escapes a service is a bug and
belongs in the crash dialog, not in a friendly message box.

Messages are held untranslated, as ``(context, source text, params)``, so that the
user interface translates them at display time and the command line can print them
in the language it was asked for.
"""

from __future__ import annotations

from typing import Any

from carceles_desktop.i18n import Message


class AppError(Exception):
    """An error whose message is meant for the user.

    Attributes:
        message: the untranslated message.
        field: the form field at fault, when there is one (e.g. ``"doc_number"``).
        row: the file row at fault (as the user sees it, 1-based), for imports.
    """

    context = "errors"

    def __init__(
        self,
        text: str | Message,
        *,
        field: str | None = None,
        row: int | None = None,
        **params: Any,
    ) -> None:
        self.message = text if isinstance(text, Message) else Message(self.context, text, params)
        self.field = field
        self.row = row
        super().__init__(self.message.render())

    def __str__(self) -> str:
        return self.message.render()


class ValidationError(AppError):
    """Input breaks a rule; nothing was written."""


class PermissionDenied(AppError):
    """The acting user may not do what was asked; nothing was written."""


class NotFound(AppError):
    """The record asked for does not exist (or is not visible to the actor)."""


class Conflict(AppError):
    """The request clashes with the current state (duplicate, already issued, stock used up)."""


class StorageUnavailable(AppError):
    """The environment stops us: disk full, file locked, read-only, corrupt or newer.

    The message says what to do about it.
    """
