"""Start-up time and memory of the window, beside a bare PySide6 window.

Goals (issue 2): start-up to a shown main window ≤ 1.5× a bare PySide6 window on an
empty database, ≤ 2× on a national-scale database; ≤ 150 MB peak RSS with the national
trainee list shown.  Each run is a fresh process that shows the window, waits for the
list's first page and saves a screenshot; the time is taken when the screenshot file is
written (the floor does the same with an empty QMainWindow).

    python tests/benchmarks/bench_startup.py [--national PATH] [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import tempfile
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


def _median(
    command: list[str], runs: int, env: dict[str, str] | None = None
) -> tuple[float, float]:
    # The time is taken when the screenshot is written: the window is up and loaded.
    flag = command.index("--screenshot") + 1 if "--screenshot" in command else len(command) - 1
    results = [run_measured(command, env, output=Path(command[flag])) for _ in range(runs)]
    return (
        statistics.median(r[0] for r in results) * 1000,
        max(r[1] for r in results),
    )


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

    floor_ms, floor_rss = _median([PYTHON, "-c", BARE, shot], args.runs)
    app = [PYTHON, "-m", "carceles_desktop", "--user", "admin", "--screenshot", shot]
    empty_ms, empty_rss = _median([*app, "--database", str(empty)], args.runs, env)
    demo_env = {**env, "CARCELES_PASSWORD": "demo"}
    national_ms, _ = _median([*app, "--database", str(national)], args.runs, demo_env)
    trainees_ms, trainees_rss = _median(
        [*app, "--database", str(national), "--area", "trainees"], args.runs, demo_env
    )

    print(f"\nstart-up, median of {args.runs} fresh processes (until the loaded window's")
    print("screenshot is written)")
    row("bare PySide6 window (floor)", floor_ms, floor_ms)
    row("empty database", empty_ms, floor_ms, goal="goal ×1.5")
    row("national database, Talleres", national_ms, floor_ms, goal="goal ×2")
    row("national database, Internos (100,000 trainees)", trainees_ms, floor_ms, goal="goal ×2")
    print("\npeak RSS")
    row("bare PySide6 window (floor)", floor_rss, floor_rss, "MB")
    row("empty database", empty_rss, floor_rss, "MB")
    row("national trainee list shown", trainees_rss, floor_rss, "MB", goal="goal ≤ 150 MB")


if __name__ == "__main__":
    main()
