"""Emitting Qt signals from Python without ``SignalInstance.emit``.

WORKAROUND for a reference-count bug of PySide6 6.12.0 (the newest release on
2026-11-30; no upstream report found yet): ``SignalInstance.emit()`` returns ``True``
without taking a new reference, so every call from Python drops one reference to
``True``.  On Python 3.11 ``True`` is not immortal: after some thousands of emissions
(a busy attendance sheet emits two per typed cell) the interpreter frees it and dies
with "bool_dealloc: deallocating True or False".  ``QMetaObject.invokeMethod`` reaches
the same signal through Qt's meta-object system and counts references correctly
(``tests/ui/test_qt_signals.py`` checks it).  PySide6 6.11.3 has neither this bug nor
its twin (every call of a method returning nothing drops a reference to ``None``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Q_ARG, QMetaObject, QObject, Qt


def emit(sender: QObject, signal: str, *args: tuple[type, Any]) -> None:
    """Emit ``sender``'s signal named ``signal`` now, with typed arguments.

    Args:
        sender: the object whose signal it is.
        signal: the signal's name, e.g. ``"dataChanged"``.
        *args: ``(type, value)`` pairs in the signal's order, e.g. ``(QModelIndex, index)``.
    """
    QMetaObject.invokeMethod(
        sender, signal, Qt.ConnectionType.DirectConnection, *(Q_ARG(t, v) for t, v in args)
    )


def post(sender: QObject, signal: str, *args: tuple[type, Any]) -> None:
    """Emit a signal from another thread: it is emitted later in ``sender``'s thread."""
    QMetaObject.invokeMethod(
        sender, signal, Qt.ConnectionType.QueuedConnection, *(Q_ARG(t, v) for t, v in args)
    )
