"""One resolver for the files in ``resources/``.

It works in the three places the program runs from:

* the source tree (``resources/`` beside the package, also for an editable install);
* an installed wheel, where the build places the folder at ``carceles_desktop/_resources``;
* a PyInstaller bundle, where ``build.spec`` puts it at ``<bundle>/resources``.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path, PurePosixPath

#: Folders under resources/ that the program reads; build.spec must ship each one.
FOLDERS = ("catalogues", "fonts", "icons", "translations", "examples")

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def root() -> Path:
    """Return the folder that holds the program's resources."""
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    candidates += [_PACKAGE_DIR / "_resources", _PACKAGE_DIR.parent / "resources"]
    for candidate in candidates:
        if (candidate / "catalogues").is_dir():
            return candidate
    raise FileNotFoundError(
        "The program's resources folder is missing; reinstall the program. Looked in: "
        + ", ".join(str(c) for c in candidates)
    )


def path(relative: str) -> Path:
    """Return the absolute path of a resource given as ``"folder/name"``.

    Raises:
        ValueError: for an absolute path or one that climbs out with ``..``.
    """
    parts = PurePosixPath(relative)
    if parts.is_absolute() or ".." in parts.parts or not parts.parts:
        raise ValueError(f"not a resource path: {relative!r}")
    return root().joinpath(*parts.parts)


def read_text(relative: str) -> str:
    """Return a text resource decoded as UTF-8."""
    return path(relative).read_text(encoding="utf-8")
