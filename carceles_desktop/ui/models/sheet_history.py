"""Undo and redo for the attendance sheet's unsaved edits (plain Python, no Qt).

Each user action is one step: a typed cell, an F or J, Delete over a selection, a day
copied to the next.  A step remembers, for every cell it changed, what the cell held
before and after, so undoing puts the "before" back and redoing the "after".  A new
edit after an undo forgets the steps that were undone, as every editor does.

The history lives as long as the sheet on screen: reading the sheet again (another
month, F5, a day marked present in the database) starts a new one, since its rows may
no longer be the same trainees.  Saving keeps it: undoing a saved edit gives an unsaved
change back to the old value, which the next save records.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Generic, TypeVar

Value = TypeVar("Value")

#: How many steps are kept (a month of typing, at a cell a step, is about 1,800).
LIMIT = 5_000


@dataclass(frozen=True)
class CellEdit(Generic[Value]):
    """One cell's change within a step."""

    row: int
    column: int
    before: Value | None
    after: Value | None


class EditHistory(Generic[Value]):
    """The steps done and undone; :meth:`step` groups the edits of one action."""

    def __init__(self, limit: int = LIMIT) -> None:
        self._limit = limit
        self._done: list[list[CellEdit[Value]]] = []
        self._undone: list[list[CellEdit[Value]]] = []
        self._open: list[CellEdit[Value]] | None = None

    @contextmanager
    def step(self) -> Iterator[None]:
        """Record the edits made inside as one step (nested steps join the outer one)."""
        if self._open is not None:
            yield
            return
        self._open = []
        try:
            yield
        finally:
            edits, self._open = self._open, None
            self._push(edits)

    def record(self, edit: CellEdit[Value]) -> None:
        """Remember one cell's change (a step of its own outside :meth:`step`)."""
        if self._open is not None:
            self._open.append(edit)
        else:
            self._push([edit])

    def _push(self, edits: list[CellEdit[Value]]) -> None:
        if not edits:
            return
        self._done.append(edits)
        del self._done[: -self._limit]
        self._undone.clear()

    def can_undo(self) -> bool:
        """True when there is a step to undo."""
        return bool(self._done)

    def can_redo(self) -> bool:
        """True when there is an undone step to do again."""
        return bool(self._undone)

    def undo(self) -> list[CellEdit[Value]]:
        """The last step's edits, newest first, to be put back to ``before``."""
        if not self._done:
            return []
        edits = self._done.pop()
        self._undone.append(edits)
        return list(reversed(edits))

    def redo(self) -> list[CellEdit[Value]]:
        """The last undone step's edits, in their order, to be set to ``after`` again."""
        if not self._undone:
            return []
        edits = self._undone.pop()
        self._done.append(edits)
        return list(edits)

    def clear(self) -> None:
        """Forget every step (a new sheet is on screen)."""
        self._done.clear()
        self._undone.clear()
