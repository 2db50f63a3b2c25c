"""Emitting signals through the meta-object system: delivered, and no reference lost."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Signal

from carceles_desktop.ui.qt_signals import emit


class _Sender(QObject):
    said = Signal(str)
    flagged = Signal(bool)
    pinged = Signal()


class _Grid(QAbstractTableModel):
    def rowCount(self, parent: Any = None) -> int:
        return 2

    def columnCount(self, parent: Any = None) -> int:
        return 2

    def data(self, index: Any, role: int = 0) -> Any:
        return "x"


def test_emit_delivers_the_arguments_and_keeps_true_alive(qtbot: Any) -> None:
    sender = _Sender()
    heard: list[object] = []
    sender.said.connect(heard.append)
    sender.flagged.connect(heard.append)
    sender.pinged.connect(lambda: heard.append("ping"))
    before = sys.getrefcount(True)
    for _ in range(50):
        emit(sender, "flagged", (bool, True))
    emit(sender, "said", (str, "hola"))
    emit(sender, "pinged")
    assert heard == [True] * 50 + ["hola", "ping"]
    assert sys.getrefcount(True) >= before


def test_emit_reaches_a_models_data_changed(qtbot: Any) -> None:
    grid = _Grid()
    seen: list[tuple[int, int]] = []
    grid.dataChanged.connect(lambda first, last, roles: seen.append((first.row(), last.column())))
    emit(grid, "dataChanged", (QModelIndex, grid.index(0, 0)), (QModelIndex, grid.index(1, 1)))
    assert seen == [(0, 1)]
