"""Start-up time and memory of the window, beside a bare PySide6 window.

Goals (issue 2): start-up to a shown main window ≤ 1.5× a bare PySide6 window on an
empty database, ≤ 2× on a national-scale database; ≤ 150 MB peak RSS with the national
trainee list shown.  Each run is a fresh process.  Two moments are timed, each when a
screenshot file is written:

* shown: the main window is on screen (``CARCELES_SHOWN_SCREENSHOT``).  The window shows
  itself before it opens the database; the bare floor does the same with an empty
  QMainWindow and saves it the same way.
* loaded: the database is open, the user signed in and the list's first page is on
  screen (``--screenshot``).

    python tests/benchmarks/bench_startup.py [--national PATH] [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from _common import PYTHON, ROOT, ensure_database, row, run_measured

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 760)
window.show()
app.processEvents()
window.grab().save(sys.argv[1], "PNG")
"""


@dataclass(frozen=True)
class Timing:
    """Medians of one command's runs (milliseconds) and its peak RSS (MB)."""

    shown_ms: float
    loaded_ms: float
    peak_mb: float


def _median(command: list[str], runs: int, work: Path, env: dict[str, str] | None = None) -> Timing:
    # The loaded time is taken when the --screenshot file is written (the floor's only
    # file, which it writes once shown).
    flag = command.index("--screenshot") + 1 if "--screenshot" in command else len(command) - 1
    is_app = "--screenshot" in command
    shown = work / "shown.png" if is_app else None
    results = [
        run_measured(command, env, output=Path(command[flag]), shown=shown) for _ in range(runs)
    ]
    loaded = statistics.median(r[0] for r in results) * 1000
    shown_ms = statistics.median(r[2] or r[0] for r in results) * 1000
    return Timing(shown_ms, loaded, max(r[1] for r in results))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--national", type=Path, default=Path("/tmp/carceles-bench-national.sqlite3")
    )
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="carceles-bench-"))
    shot = str(work / "shot.png")
    env = {"CARCELES_PASSWORD": "clave-de-prueba-1", "CARCELES_HOME": str(work)}

    empty = work / "empty.sqlite3"
    subprocess.run(
        [PYTHON, "-m", "carceles_desktop", "--database", str(empty), "init", "--admin", "admin"],
        check=True,
        cwd=ROOT,
        env={**env, "PATH": "/usr/bin:/bin"},
    )
    national = ensure_database(args.national, "national")

    floor = _median([PYTHON, "-c", BARE, shot], args.runs, work)
    app = [PYTHON, "-m", "carceles_desktop", "--user", "admin", "--screenshot", shot]
    empty = _median([*app, "--database", str(empty)], args.runs, work, env)
    demo_env = {**env, "CARCELES_PASSWORD": "demo"}
    national_db = _median([*app, "--database", str(national)], args.runs, work, demo_env)
    workshops = _median(
        [*app, "--database", str(national), "--area", "workshops"], args.runs, work, demo_env
    )
    trainees = _median(
        [*app, "--database", str(national), "--area", "trainees"], args.runs, work, demo_env
    )
    base = floor.shown_ms

    print(f"\nstart-up to a shown main window, median of {args.runs} fresh processes")
    row("bare PySide6 window (floor)", base, base)
    row("empty database", empty.shown_ms, base, goal="goal ×1.5")
    row("national database, Panel (first area)", national_db.shown_ms, base, goal="goal ×2")
    row("national database, Talleres", workshops.shown_ms, base, goal="goal ×2")
    row("national database, Internos", trainees.shown_ms, base, goal="goal ×2")
    print("\nstart-up until signed in and the area's figures or first page are on screen")
    row("empty database, Panel", empty.loaded_ms, base)
    row("national database, Panel (300 workshops)", national_db.loaded_ms, base)
    row("national database, Talleres", workshops.loaded_ms, base)
    row("national database, Internos (100,000 trainees)", trainees.loaded_ms, base)
    print("\npeak RSS")
    row("bare PySide6 window (floor)", floor.peak_mb, floor.peak_mb, "MB")
    row("empty database", empty.peak_mb, floor.peak_mb, "MB")
    row("national Panel shown", national_db.peak_mb, floor.peak_mb, "MB")
    row("national trainee list shown", trainees.peak_mb, floor.peak_mb, "MB", goal="goal ≤ 150 MB")


if __name__ == "__main__":
    main()
