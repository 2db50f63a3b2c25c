"""A tiny file system that fills up: a tmpfs of a few kilobytes, mounted for one test.

Mounting needs root on Linux (CI runs as root); elsewhere the test is skipped with the
reason, and the disk-full tests that simulate the limit with ``PRAGMA max_page_count``
still run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def small_disk(mount_point: Path, *, size_kib: int) -> Iterator[Path]:
    """Mount a ``size_kib`` tmpfs at ``mount_point`` for the ``with`` block."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("a small tmpfs needs root on Linux; max_page_count tests cover the rest")
    mount_point.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k,mode=0755", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True, check=False)
