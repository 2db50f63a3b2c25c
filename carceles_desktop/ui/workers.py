"""Running a callable off the GUI thread, with its result delivered back by signal.

A :class:`Job` runs on Qt's global thread pool.  Its ``finished`` signal carries the
return value and ``failed`` the exception; both are delivered on the GUI thread (the
signals object lives there), so slots may touch widgets.  The callable itself must not:
it opens its own unit of work and returns plain data.

Long jobs that the user may stop check :meth:`Job.cancelled` between steps.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

# Jobs whose results have not been delivered yet, so that Python keeps them alive.
_PENDING: set[Job] = set()


class JobSignals(QObject):
    """The signals of a :class:`Job`; created on the GUI thread."""

    finished = Signal(object)
    failed = Signal(object)


class _Relay(QObject):
    """Calls the job's callbacks; it lives on the GUI thread, so they run there."""

    def __init__(
        self,
        job: Job,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        super().__init__()
        self._job = job
        self._on_done = on_done
        self._on_error = on_error

    @Slot(object)
    def done(self, result: Any) -> None:
        try:
            if self._on_done is not None:
                self._on_done(result)
        finally:
            _PENDING.discard(self._job)

    @Slot(object)
    def fail(self, error: BaseException) -> None:
        try:
            if self._on_error is not None:
                self._on_error(error)
            else:
                log.error("background job failed", exc_info=(type(error), error, None))
        finally:
            _PENDING.discard(self._job)


class Job(QRunnable):
    """One call of ``work()`` on the thread pool."""

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._work = work
        self._cancel = threading.Event()
        self.signals = JobSignals()
        #: Delivers the results on the GUI thread; kept alive with the job.
        self.relay: QObject | None = None

    def cancel(self) -> None:
        """Ask the job to stop; the callable sees it through :meth:`cancelled`."""
        self._cancel.set()

    def cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._cancel.is_set()

    def run(self) -> None:
        """Run on a pool thread (Qt calls it)."""
        try:
            result = self._work()
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread, shown or logged there
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


def run_in_background(
    work: Callable[[], Any],
    *,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> Job:
    """Start ``work`` on the global thread pool and return its job.

    Call it from the GUI thread.

    Args:
        work: the callable; it must not touch widgets.
        on_done: called on the GUI thread with the result.
        on_error: called on the GUI thread with the exception (by default it is logged).
    """
    job = Job(work)
    relay = _Relay(job, on_done, on_error)
    job.relay = relay
    job.signals.finished.connect(relay.done)
    job.signals.failed.connect(relay.fail)
    _PENDING.add(job)
    QThreadPool.globalInstance().start(job)
    return job


def wait_for_jobs(timeout_ms: int = 10_000) -> bool:
    """Wait until no background job is running (at exit, and in tests).

    Results already computed are delivered when the event loop next runs.
    """
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
