"""The installed Qt binding keeps Python's reference counts straight.

PySide6 6.12.0 on Python 3.11 lost a reference to None on every void Qt call and to
True on every signal emission, aborting the program after minutes of use; pyproject
pins around it.  This test fails if such a build is installed again.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel


class _Emitter(QObject):
    happened = Signal(bool)


def test_void_calls_keep_none_alive(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("x")
    assert sys.getrefcount(None) - before > -50


def test_signal_emission_keeps_true_alive() -> None:
    emitter = _Emitter()
    received: list[bool] = []
    emitter.happened.connect(received.append)
    before = sys.getrefcount(True)
    for _ in range(500):
        emitter.happened.emit(True)
    assert len(received) == 500
    assert sys.getrefcount(True) - before > -50
