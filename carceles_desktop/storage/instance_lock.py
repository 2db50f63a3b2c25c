"""One window at a time on a database file: a lock file that names its holder.

``<database>.lock`` holds JSON: computer, user, process id, when it started and its last
heartbeat.  It is created with ``O_CREAT | O_EXCL``, so of two programs starting at once
exactly one gets it.  The other is told who holds the database (computer and user) and
may open it read-only instead.

After a crash the file stays behind.  It is *stale*, and taken over (the caller is told
whose lock it was), when:

* it was written on this computer and its process is gone, or it predates the last boot;
* it was written on another computer (a USB disk carried over) and its heartbeat is
  older than ``stale_after``: a live program refreshes it every few minutes.

Taking over goes through a short-lived ``<database>.lock.takeover`` file (also created
with ``O_EXCL``), so that two programs finding the same stale lock cannot both win, and
a lock is only ever removed by its owner or by the one program allowed to take it over.

The command line does not take this lock: short commands share the file safely through
SQLite's own locking (busy timeout, ``BEGIN IMMEDIATE``).  Restore does take it.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sys
import time
import uuid
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType

from carceles_desktop.errors import StorageUnavailable
from carceles_desktop.i18n import QT_TRANSLATE_NOOP

DEFAULT_STALE_AFTER = timedelta(hours=6)
_TAKEOVER_STALE_SECONDS = 30.0
_UNREADABLE_STALE_SECONDS = 30.0
_ATTEMPTS = 20


@dataclass(frozen=True)
class LockOwner:
    """Who holds (or held) a database.

    Attributes:
        host: the computer's name.
        user: the operating-system user.
        pid: the process id on that computer.
        started: when the lock was taken (UTC ISO text).
        heartbeat: when the holder last said it is alive (UTC ISO text).
        token: a random id telling this lock apart from any other.
    """

    host: str
    user: str
    pid: int
    started: str
    heartbeat: str
    token: str

    def started_at(self) -> datetime:
        """``started`` as a datetime (UTC)."""
        return _parse_time(self.started)

    def heartbeat_at(self) -> datetime:
        """``heartbeat`` as a datetime (UTC)."""
        return _parse_time(self.heartbeat)


def _parse_time(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class DatabaseInUse(StorageUnavailable):
    """Another running program holds the database.

    Attributes:
        owner: who holds it (None when the lock file cannot be read yet).
        lock_path: the lock file.
    """

    def __init__(self, database: Path, owner: LockOwner | None, lock_path: Path) -> None:
        if owner is None:
            super().__init__(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The database {path} is being opened by another program right now; try "
                    "again in a moment.",
                ),
                path=str(database),
            )
        else:
            super().__init__(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The database {path} is open on computer {host} by user {user} (since "
                    "{since}). Close the program there, or open the database read-only.",
                ),
                path=str(database),
                host=owner.host,
                user=owner.user,
                since=owner.started_at().astimezone().strftime("%Y-%m-%d %H:%M"),
            )
        self.owner = owner
        self.lock_path = lock_path


def lock_path_for(database: Path) -> Path:
    """Return the lock file of a database file."""
    return database.with_name(database.name + ".lock")


def read_lock(database: Path) -> LockOwner | None:
    """Return who holds the database, or None when no readable lock file exists."""
    return _read(lock_path_for(database))


def _read(path: Path) -> LockOwner | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LockOwner(
            host=str(data["host"]),
            user=str(data["user"]),
            pid=int(data["pid"]),
            started=str(data["started"]),
            heartbeat=str(data["heartbeat"]),
            token=str(data["token"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def current_user() -> str:
    """The operating-system user name (a stand-in when the system has none)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (containers)
        return f"uid {os.getuid()}" if hasattr(os, "getuid") else "?"


class InstanceLock:
    """The lock on one database file (use as a context manager, or acquire/release).

    Attributes:
        database: the database file.
        path: the lock file.
        owner: our lock while we hold it.
        took_over: the stale lock we replaced, if any (tell the user).
    """

    def __init__(self, database: Path, *, stale_after: timedelta = DEFAULT_STALE_AFTER) -> None:
        self.database = database
        self.path = lock_path_for(database)
        self.stale_after = stale_after
        self.owner: LockOwner | None = None
        self.took_over: LockOwner | None = None

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()

    @property
    def held(self) -> bool:
        """True while we hold the lock."""
        return self.owner is not None

    def acquire(self) -> LockOwner | None:
        """Take the lock; return the stale owner taken over, if there was one.

        Raises:
            DatabaseInUse: a live program holds it (the error names computer and user).
            StorageUnavailable: the lock file cannot be written (read-only folder).
        """
        if self.owner is not None:
            return self.took_over
        for _ in range(_ATTEMPTS):
            if self._create():
                return self.took_over
            found = _read(self.path)
            if found is None:
                if self._unreadable_is_stale():
                    self._take_over(None)
                    continue
                time.sleep(0.05)  # another program is writing its lock this instant
                continue
            if not self.is_stale(found):
                raise DatabaseInUse(self.database, found, self.path)
            if self._take_over(found):
                self.took_over = found
        raise DatabaseInUse(self.database, _read(self.path), self.path)

    def _create(self) -> bool:
        now = _now_text()
        owner = LockOwner(
            host=socket.gethostname(),
            user=current_user(),
            pid=os.getpid(),
            started=now,
            heartbeat=now,
            token=uuid.uuid4().hex,
        )
        try:
            descriptor = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            return False
        except OSError as exc:
            raise StorageUnavailable(
                QT_TRANSLATE_NOOP("errors", "Cannot write the lock file {path}: {detail}"),
                path=str(self.path),
                detail=exc.strerror or str(exc),
            ) from exc
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(json.dumps(asdict(owner)))
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            self.path.unlink(missing_ok=True)  # never leave a half-written lock behind
            raise StorageUnavailable(
                QT_TRANSLATE_NOOP("errors", "Cannot write the lock file {path}: {detail}"),
                path=str(self.path),
                detail=exc.strerror or str(exc),
            ) from exc
        self.owner = owner
        return True

    def _unreadable_is_stale(self) -> bool:
        try:
            age = time.time() - self.path.stat().st_mtime
        except FileNotFoundError:
            return False
        return age > _UNREADABLE_STALE_SECONDS

    def is_stale(self, owner: LockOwner) -> bool:
        """Return True when ``owner``'s lock is left over from a program that is gone."""
        if owner.host == socket.gethostname():
            if owner.pid == os.getpid() and owner.token != getattr(self.owner, "token", None):
                return False  # another InstanceLock of this very process holds it
            boot = _boot_time()
            if boot is not None and owner.started_at() < boot:
                return True
            return not _process_alive(owner.pid)
        try:
            return datetime.now(UTC) - owner.heartbeat_at() > self.stale_after
        except ValueError:
            return True

    def _take_over(self, stale: LockOwner | None) -> bool:
        """Remove the stale lock ``stale`` if it is still the one there; True if removed."""
        guard = self.path.with_name(self.path.name + ".takeover")
        if not self._claim_guard(guard):
            return False
        try:
            current = _read(self.path)
            same = (current is None and stale is None) or (
                current is not None and stale is not None and current.token == stale.token
            )
            if same:
                with contextlib.suppress(FileNotFoundError):
                    self.path.unlink()
            return same
        finally:
            guard.unlink(missing_ok=True)

    @staticmethod
    def _claim_guard(guard: Path) -> bool:
        try:
            os.close(os.open(guard, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
            return True
        except FileExistsError:
            try:
                if time.time() - guard.stat().st_mtime > _TAKEOVER_STALE_SECONDS:
                    guard.unlink(missing_ok=True)  # left by a crash during a takeover
            except FileNotFoundError:
                pass
            time.sleep(0.05)
            return False

    def heartbeat(self) -> None:
        """Say we are still alive (the window calls this every few minutes)."""
        if self.owner is None or _read(self.path) != self.owner:
            return
        self.owner = replace(self.owner, heartbeat=_now_text())
        partial = self.path.with_name(self.path.name + f".{os.getpid()}.tmp")
        try:
            partial.write_text(json.dumps(asdict(self.owner)), encoding="utf-8")
            os.replace(partial, self.path)
        except OSError:
            # A missed heartbeat only matters to another computer after hours.
            partial.unlink(missing_ok=True)

    def release(self) -> None:
        """Give the lock up (only if the file is still ours)."""
        if self.owner is None:
            return
        current = _read(self.path)
        if current is not None and current.token == self.owner.token:
            self.path.unlink(missing_ok=True)
        self.owner = None


def _process_alive(pid: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, but another user's
    # A killed child not yet reaped by its parent is a zombie: gone for our purpose.
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
    except OSError:
        return True
    return stat.rpartition(")")[2].split()[0] != "Z"


def _windows_process_alive(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    query_limited_information = 0x1000
    still_active = 259
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return bool(code.value == still_active)
    finally:
        kernel32.CloseHandle(handle)


def _boot_time() -> datetime | None:
    """When this computer started, if known (a lock older than that is stale)."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        uptime_ms = ctypes.windll.kernel32.GetTickCount64()  # type: ignore[attr-defined]
        return datetime.now(UTC) - timedelta(milliseconds=int(uptime_ms))
    try:
        for line in Path("/proc/stat").read_text(encoding="ascii").splitlines():
            if line.startswith("btime "):
                return datetime.fromtimestamp(int(line.split()[1]), UTC)
    except (OSError, ValueError):
        return None
    return None  # not Linux: the process check alone decides
