"""``import-trainees FILE``: register the trainees of a spreadsheet or CSV, all or none.

Exit codes: 0 imported (or, with ``--dry-run``, the file is clean); 2 the file has bad
rows or cannot be read — the report goes to standard error and nothing is written;
1 refused (no permission, unknown establishment, database trouble).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from carceles_desktop.commands.base import CommandEnv, ExitCode
from carceles_desktop.services import catalogues
from carceles_desktop.services.trainee_import import (
    FIELDS,
    ImportPreview,
    ImportProblem,
    ImportRejected,
    UnreadableFile,
    import_trainees,
    read_preview,
)

_SEVERITY = {"error": "ERROR", "warning": "AVISO"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``import-trainees``."""
    parser = subparsers.add_parser(
        "import-trainees",
        help="import trainees from an .xlsx or CSV file (all rows or none)",
        description="Import trainees from an .xlsx or CSV file. Columns are found by "
        "their headings (Apellido paterno, Nombres, DNI, Sexo, Situación jurídica …). "
        "Nothing is written unless every row is correct.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help=".xlsx or .csv file")
    parser.add_argument(
        "--establishment",
        metavar="NAME",
        help="establishment (code or name) of rows without an Establecimiento column",
    )
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="HEADING=FIELD",
        help="read the column HEADING as FIELD (repeatable; FIELD empty ignores it); "
        "fields: " + ", ".join(f.name for f in FIELDS),
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="check the file and report; write nothing"
    )
    parser.set_defaults(handler=run_import)


def _mapping(pairs: list[str]) -> dict[str, str | None]:
    names = {f.name for f in FIELDS}
    mapping: dict[str, str | None] = {}
    for pair in pairs:
        heading, sep, name = pair.partition("=")
        name = name.strip()
        if not sep or not heading.strip() or (name and name not in names):
            raise argparse.ArgumentTypeError(
                f"--map {pair!r}: write HEADING=FIELD with FIELD one of {', '.join(sorted(names))}"
            )
        mapping[heading.strip()] = name or None
    return mapping


def _line(item: ImportProblem) -> str:
    where = f"fila {item.row}"
    if item.column:
        where += f", «{item.column}»"
    return f"{_SEVERITY[item.severity]:<5}  {where}: {item.message}"


def print_report(preview: ImportPreview, out: TextIO) -> None:
    """Print every problem, one line each, then a summary."""
    for item in preview.problems:
        print(_line(item), file=out)
    errors, warnings = len(preview.errors), len(preview.warnings)
    print(
        f"{preview.path.name}: {preview.rows_read} filas leídas, {preview.valid_rows} sin "
        f"errores; {errors} errores, {warnings} avisos.",
        file=out,
    )


def run_import(env: CommandEnv) -> int:
    """Check the file; import it unless ``--dry-run``; exit 2 on bad rows."""
    args = env.args
    try:
        mapping = _mapping(args.map)
    except argparse.ArgumentTypeError as exc:
        print(f"carceles-desktop: {exc}", file=env.err)
        return ExitCode.USAGE
    database = env.open()
    try:
        ctx = env.context(database, writes=not args.dry_run)
        with ctx.reading() as uow:
            code = (
                catalogues.find_establishment(uow, args.establishment).code
                if args.establishment
                else None
            )
        options: dict[str, Any] = {"establishment_code": code, "mapping_override": mapping}
        try:
            if args.dry_run:
                with ctx.reading() as uow:
                    preview = read_preview(uow, ctx.actor, args.file, **options)
                print_report(preview, env.out if preview.ok else env.err)
                return ExitCode.OK if preview.ok else ExitCode.USAGE
            with ctx.writing() as uow:
                result = import_trainees(uow, ctx.actor, args.file, **options)
                uow.commit()
        except ImportRejected as exc:
            for item in exc.problems:
                print(_line(item), file=env.err)
            print(f"carceles-desktop: {exc}", file=env.err)
            return ExitCode.USAGE
        except UnreadableFile as exc:
            print(f"carceles-desktop: {exc}", file=env.err)
            return ExitCode.USAGE
    finally:
        database.dispose()
    for item in result.warnings:
        print(_line(item), file=env.err)
    places = ", ".join(f"{place}: {count}" for place, count in result.by_establishment.items())
    print(f"Importados {result.imported} internos de {args.file.name} ({places}).", file=env.out)
    return ExitCode.OK
