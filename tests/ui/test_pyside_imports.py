"""PySide6's import hook no longer reads (and keeps) the source of every later module."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_modules_imported_after_the_window_starts_are_not_read_into_memory() -> None:
    # A fresh interpreter, so that the module imported last is new to it.
    script = textwrap.dedent(
        """
        import linecache, sys
        from carceles_desktop.ui import launch, pyside_imports
        replaced = pyside_imports.skip_source_scan()
        import colorsys as late
        print(replaced, late.__file__ in linecache.cache)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    replaced, kept = result.stdout.split()
    # A PySide6 without the helper has nothing to replace (and the other test says
    # whether it reads sources at all).
    assert kept == "False" or replaced == "False"


def test_without_the_fix_pyside_would_keep_the_source() -> None:
    # The reason for the fix, shown on the PySide6 installed here.
    script = textwrap.dedent(
        """
        import linecache
        import PySide6.QtCore
        from carceles_desktop.ui import pyside_imports
        import colorsys as late
        has_helper = pyside_imports.FEATURE_MODULE in __import__("sys").modules
        print(has_helper, late.__file__ in linecache.cache)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    has_helper, kept = result.stdout.split()
    assert kept == has_helper  # the hook reads sources exactly when the helper exists
