"""Noticing that nobody has touched the program for a while.

One event filter on the application sees every key press, click and wheel turn in any
of the program's windows and restarts a single-shot timer; when the timer runs out,
:attr:`IdleWatcher.idle` fires and the main window locks.  The filter only looks at the
event's type and never stops an event.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

#: The events that count as someone using the program.
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
        QEvent.Type.Shortcut,
    }
)


class IdleWatcher(QObject):
    """Fires :attr:`idle` after a stretch without input, while running.

    It is a child of the window it guards: when the window goes, Qt removes the filter.
    """

    #: Nobody used the program for the whole interval.
    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        """Change the stretch (the settings may change it while the window is open)."""
        self.set_interval_ms(max(1, minutes) * 60_000)

    def set_interval_ms(self, milliseconds: int) -> None:
        """Change the stretch in milliseconds (tests use a short one), restarting it."""
        self._timer.setInterval(milliseconds)
        if self._timer.isActive():
            self._timer.start()

    def interval_ms(self) -> int:
        """The stretch in milliseconds."""
        return self._timer.interval()

    def start(self) -> None:
        """Start (or restart) counting."""
        self._timer.start()

    def stop(self) -> None:
        """Stop counting (while locked there is nothing to lock)."""
        self._timer.stop()

    def is_running(self) -> bool:
        """True while counting."""
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Qt: restart the count on input; never swallow the event."""
        if event.type() in INPUT_EVENTS and self._timer.isActive():
            self._timer.start()
        return False
