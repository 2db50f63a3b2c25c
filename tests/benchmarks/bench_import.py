"""Trainee import speed: 10,000 rows from .xlsx and CSV, checked and written.

Targets (issue 3 item 6): importing an .xlsx, validation included, takes at most 1.5×
openpyxl's bare read-only read of the same file (the floor: no program can read the
cells faster through openpyxl); a CSV takes at most 0.5 s.

Run: ``PYTHONPATH=. /work/venv/bin/python tests/benchmarks/bench_import.py [ROWS] [RUNS]``.
Each figure is the best of RUNS runs (the machine is shared; the best run is the one
least disturbed), measured alternately so that a busy moment hits every figure alike.
"""

from __future__ import annotations

import csv
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import openpyxl

from carceles_desktop.services import catalogues
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.trainee_import import import_trainees, read_preview
from carceles_desktop.storage import migrate
from carceles_desktop.storage.engine import create_database_engine, parse_target
from carceles_desktop.storage.unit_of_work import Database

HEADINGS = [
    "Código interno",
    "Apellido paterno",
    "Apellido materno",
    "Nombres",
    "Tipo de documento",
    "N° documento",
    "Sexo",
    "Fecha de nacimiento",
    "Fecha de ingreso",
    "Situación jurídica",
    "Nacionalidad",
    "Primario",
]
SURNAMES = [
    "Quispe", "Mamani", "Huamán", "Flores", "Rodríguez", "Sánchez", "García", "Rojas",
    "Núñez", "Cóndor", "Ñahui", "Chávez", "Vásquez", "Ramírez", "Torres", "Mendoza",
    "Gutiérrez", "Pérez", "Ccama", "Apaza", "Huanca", "Castillo", "Díaz", "López",
]  # fmt: skip
GIVEN = [
    "José Luis", "Juan Carlos", "María Elena", "Rosa", "Wilber", "Percy", "Ángel",
    "Óscar", "Jhon", "Edwin", "Yesenia", "Milagros", "Fredy", "Jesús", "Nilton", "Raúl",
]  # fmt: skip
ESTABLISHMENT = "LURIGANCHO"
TODAY = date(2026, 11, 30)


def make_rows(count: int) -> list[list[object]]:
    rng = random.Random(2026)
    rows: list[list[object]] = []
    for i in range(count):
        foreign = i % 50 == 0
        rows.append(
            [
                f"LUR-{i:06d}",
                rng.choice(SURNAMES),
                rng.choice(SURNAMES),
                rng.choice(GIVEN),
                "Pasaporte" if foreign else "DNI",
                f"P{i:07d}" if foreign else f"{rng.randrange(0, 10**7):07d}{i % 10}",
                rng.choice("MF"),
                date(1950, 1, 1) + timedelta(days=rng.randrange(0, 15000)),
                date(2015, 1, 1) + timedelta(days=rng.randrange(0, 3500)),
                rng.choice(["Procesado", "Sentenciado"]),
                "Venezolana" if foreign else "Peruana",
                rng.choice(["Sí", "No"]),
            ]
        )
    return rows


def write_xlsx(path: Path, rows: list[list[object]], *, formulas: bool = False) -> None:
    """Write the rows; with ``formulas``, add a column of formulas (no saved values)."""
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Internos")
    sheet.append([*HEADINGS, "Observaciones"] if formulas else HEADINGS)
    for number, row in enumerate(rows, start=2):
        sheet.append([*row, f'=CONCAT(B{number};" ";D{number})'] if formulas else row)
    workbook.save(path)


def write_csv(path: Path, rows: list[list[object]]) -> None:
    with path.open("w", encoding="cp1252", newline="") as stream:
        writer = csv.writer(stream, delimiter=";")
        writer.writerow(HEADINGS)
        for row in rows:
            writer.writerow([v.strftime("%d/%m/%Y") if isinstance(v, date) else v for v in row])


def open_database(path: Path) -> Database:
    target = parse_target(str(path))
    engine = create_database_engine(target)
    migrate.prepare(engine)
    return Database(target, engine)


def make_template(folder: Path) -> Path:
    path = folder / "template.sqlite3"
    database = open_database(path)
    with database.unit_of_work() as uow:
        catalogues.load_catalogues(uow, Actor.system())
        uow.commit()
    database.dispose()
    return path


def floor(path: Path) -> None:
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for _ in workbook.worksheets[0].iter_rows(values_only=True):
        pass
    workbook.close()


def timed(action: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one call (CPU time shrugs off a busy machine)."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def report(times: dict[str, list[tuple[float, float]]], count: int, runs: int) -> None:
    wall = {name: min(w for w, _ in values) for name, values in times.items()}
    cpu = {name: min(c for _, c in values) for name, values in times.items()}
    print(f"{count} rows, best of {runs} runs: wall-clock s (median) / CPU s")
    for name, values in times.items():
        median = statistics.median(w for w, _ in values)
        print(f"  {name:<22} {wall[name]:6.3f} ({median:6.3f}) / {cpu[name]:6.3f}")
    for label, best in (("wall", wall), ("CPU", cpu)):
        print(
            f"  {label:<4}: xlsx import / floor {best['xlsx import'] / best['floor']:4.2f}× "
            f"(target ≤ 1.5×), preview {best['xlsx preview'] / best['floor']:4.2f}×; "
            f"with formulas {best['xlsx+formulas import'] / best['floor (formulas)']:4.2f}×; "
            f"csv import {best['csv import']:.3f} s (target ≤ 0.5 s)"
        )


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    folder = Path(tempfile.mkdtemp(prefix="bench-import-"))
    actor = Actor.system()
    try:
        rows = make_rows(count)
        files = {
            "xlsx": folder / "internos.xlsx",
            "csv": folder / "internos.csv",
            # A sheet with formulas costs one more scan of its XML (see reading.py).
            "xlsx+formulas": folder / "formulas.xlsx",
        }
        write_xlsx(files["xlsx"], rows)
        write_csv(files["csv"], rows)
        write_xlsx(files["xlsx+formulas"], rows, formulas=True)
        template = make_template(folder)
        times: dict[str, list[tuple[float, float]]] = {}

        def record(name: str, seconds: tuple[float, float]) -> None:
            times.setdefault(name, []).append(seconds)

        for run in range(runs):
            record("floor", timed(lambda: floor(files["xlsx"])))
            record("floor (formulas)", timed(lambda: floor(files["xlsx+formulas"])))
            for kind, path in files.items():
                copy = folder / f"run{run}-{kind}.sqlite3"
                shutil.copyfile(template, copy)
                database = open_database(copy)

                def preview(path: Path = path, database: Database = database) -> None:
                    with database.unit_of_work(read_only=True) as uow:
                        result = read_preview(
                            uow, actor, path, establishment_code=ESTABLISHMENT, today=TODAY
                        )
                    assert result.ok, result.problems[:3]  # warnings: the extra column
                    assert result.valid_rows == count

                def load(path: Path = path, database: Database = database) -> None:
                    with database.unit_of_work() as uow:
                        result = import_trainees(
                            uow, actor, path, establishment_code=ESTABLISHMENT, today=TODAY
                        )
                        uow.commit()
                    assert result.imported == count

                record(f"{kind} preview", timed(preview))
                record(f"{kind} import", timed(load))
                database.dispose()
        report(times, count, runs)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
