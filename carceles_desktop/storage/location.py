"""Refuse database files in places where SQLite cannot keep them safe.

SQLite's locking and WAL need one host and a local disk: a file on a network share or
in a folder that a cloud client synchronises can be corrupted silently.  Several PCs
share data through a PostgreSQL server instead.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PureWindowsPath

from carceles_desktop.errors import StorageUnavailable
from carceles_desktop.i18n import QT_TRANSLATE_NOOP

_NETWORK_FILESYSTEMS = {
    "nfs",
    "nfs4",
    "cifs",
    "smbfs",
    "smb3",
    "9p",
    "fuse.sshfs",
    "afs",
    "ncpfs",
    "davfs",
    "fuse.rclone",
    "fuse.gvfsd-fuse",
}
_CLOUD_FOLDERS = ("onedrive", "dropbox", "google drive", "googledrive", "icloud drive", "mega")

_ADVICE = (
    "Keep the database on this computer's own disk; to share records between several "
    "computers, use a PostgreSQL server (--database postgresql+psycopg://…)."
)


def check_local_path(path: Path) -> None:
    """Raise StorageUnavailable when ``path`` is on a network share or in a synced folder."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "errors",
                "The database {path} is on a network share (UNC path). Keep the "
                "database on this computer's own disk; to share records between several"
                " computers, use a PostgreSQL server (--database "
                "postgresql+psycopg://…).",
            ),
            path=text,
        )
    lowered = [part.lower() for part in Path(text).parts]
    for part in lowered:
        if any(
            part == cloud or part.startswith(cloud + " ") or part.startswith(cloud + "-")
            for cloud in _CLOUD_FOLDERS
        ):
            raise StorageUnavailable(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The database {path} is in a cloud-synchronised folder ({folder}), "
                    "which can corrupt it. Keep the database on this computer's own disk; "
                    "to share records between several computers, use a PostgreSQL server "
                    "(--database postgresql+psycopg://…).",
                ),
                path=text,
                folder=part,
            )
    if sys.platform == "win32":
        _check_windows_drive(text)
    else:
        fs = _mount_filesystem(path)
        if fs in _NETWORK_FILESYSTEMS:
            raise StorageUnavailable(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The database {path} is on a network file system ({fs}). Keep the "
                    "database on this computer's own disk; to share records between several"
                    " computers, use a PostgreSQL server (--database "
                    "postgresql+psycopg://…).",
                ),
                path=text,
                fs=fs,
            )


def _check_windows_drive(text: str) -> None:  # pragma: no cover - Windows only
    import ctypes

    drive = PureWindowsPath(text).drive
    if not drive:
        return
    drive_remote = 4
    if ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote:  # type: ignore[attr-defined]
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "errors",
                "The database {path} is on a mapped network drive ({drive}). Keep the "
                "database on this computer's own disk; to share records between several"
                " computers, use a PostgreSQL server (--database "
                "postgresql+psycopg://…).",
            ),
            path=text,
            drive=drive,
        )


def _mount_filesystem(path: Path) -> str | None:
    """Return the file-system type of the mount holding ``path`` (Linux), if known."""
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    target = os.path.realpath(path.parent if not path.exists() else path)
    best, best_fs = "", None
    for line in mounts:
        fields = line.split()
        if len(fields) < 3:
            continue
        mount_point = fields[1].replace("\\040", " ")
        if (target == mount_point or target.startswith(mount_point.rstrip("/") + "/")) and len(
            mount_point
        ) > len(best):
            best, best_fs = mount_point, fields[2]
    return best_fs
