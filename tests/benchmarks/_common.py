"""Shared helpers of the benchmark scripts (not collected by pytest)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable


def median_ms(work: Callable[[], object], runs: int = 11) -> float:
    """Median wall time of ``work`` in milliseconds (one warm-up run first)."""
    work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


_CHILD = """
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:]).returncode
elapsed = time.perf_counter() - start
rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"{elapsed:.6f} {rss_kb} {code}")
"""


def run_measured(
    command: list[str],
    env: dict[str, str] | None = None,
    *,
    output: Path | None = None,
    shown: Path | None = None,
) -> tuple[float, float, float | None]:
    """Run ``command`` in a fresh process; return (seconds, peak RSS in MB, shown seconds).

    With ``output``, the seconds are those until that file was written (the window
    shown and captured), not until the process ended: work the program leaves for
    after the window shows (a large database's check) is not start-up.  With
    ``shown``, the program is asked (``CARCELES_SHOWN_SCREENSHOT``) to save its window
    there the moment it is first shown; the third figure is the seconds until then.
    """
    for path in (output, shown):
        if path is not None:
            path.unlink(missing_ok=True)
    started = time.time()
    merged = dict(os.environ, **(env or {}))
    merged.setdefault("QT_QPA_PLATFORM", "offscreen")
    if shown is not None:
        merged["CARCELES_SHOWN_SCREENSHOT"] = str(shown)
    out = subprocess.run(
        [PYTHON, "-c", _CHILD, *command], capture_output=True, text=True, env=merged, check=True
    ).stdout.split()
    seconds, rss_kb, code = float(out[0]), int(out[1]), int(out[2])
    if code != 0:
        raise SystemExit(f"command failed ({code}): {' '.join(command)}")
    if output is not None:
        seconds = output.stat().st_mtime - started
    shown_seconds = shown.stat().st_mtime - started if shown is not None else None
    return seconds, rss_kb / 1024, shown_seconds


def ensure_database(path: Path, scale: str) -> Path:
    """Create a demo database of ``scale`` at ``path`` unless it exists."""
    if not path.exists():
        print(f"generating a {scale} demo database at {path} (once)…", flush=True)
        subprocess.run(
            [
                PYTHON,
                "-m",
                "carceles_desktop",
                "--database",
                str(path),
                "demo-data",
                "--scale",
                scale,
            ],
            check=True,
            cwd=ROOT,
        )
    return path


def row(label: str, value: float, floor: float, unit: str = "ms", goal: str = "") -> None:
    """Print one figure beside its floor and the ratio."""
    ratio = value / floor if floor else float("inf")
    print(
        f"{label:<48} {value:10.1f} {unit:<3} floor {floor:10.1f} {unit:<3} ×{ratio:5.2f}  {goal}"
    )
