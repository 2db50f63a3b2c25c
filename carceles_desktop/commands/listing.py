"""``list KIND``: print records as a table or CSV, every matching row unless limited."""

from __future__ import annotations

import argparse
import csv
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from carceles_desktop.commands.base import CommandEnv, ExitCode
from carceles_desktop.services.context import ServiceContext

PAGE = 2000

Fetch = Callable[[ServiceContext, str, int, int], Sequence[Any]]


@dataclass(frozen=True)
class ListSpec:
    """How to list one kind of record: its columns (heading, attribute) and a pager."""

    columns: tuple[tuple[str, str], ...]
    fetch: Fetch


_SPECS: dict[str, ListSpec] = {}


def add_list(kind: str, columns: Sequence[tuple[str, str]], fetch: Fetch) -> None:
    """Register a kind for ``list`` (later features add theirs)."""
    _SPECS[kind] = ListSpec(tuple(columns), fetch)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``list`` command."""
    _register_builtin_kinds()
    parser = subparsers.add_parser("list", help="list records")
    parser.add_argument("kind", choices=sorted(_SPECS))
    parser.add_argument("--search", default="", help="text to look for (case and accents ignored)")
    parser.add_argument("--limit", type=_positive, default=None, help="print at most N rows")
    parser.add_argument("--format", choices=("table", "csv"), default="table")
    parser.set_defaults(handler=run_list)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _rows(ctx: ServiceContext, spec: ListSpec, search: str, limit: int | None) -> Iterator[Any]:
    offset = 0
    while limit is None or offset < limit:
        size = PAGE if limit is None else min(PAGE, limit - offset)
        page = spec.fetch(ctx, search, offset, size)
        yield from page
        if len(page) < size:
            return
        offset += len(page)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "sí" if value else "no"
    return str(getattr(value, "value", value))


def run_list(env: CommandEnv) -> int:
    """Print the matching records."""
    spec = _SPECS[env.args.kind]
    database = env.open()
    try:
        ctx = env.context(database, writes=False)
        rows = (
            [_cell(getattr(row, attr)) for _, attr in spec.columns]
            for row in _rows(ctx, spec, env.args.search, env.args.limit)
        )
        headings = [heading for heading, _ in spec.columns]
        if env.args.format == "csv":
            _write_csv(env.out, headings, rows)
        else:
            _write_table(env.out, headings, list(rows))
    finally:
        database.dispose()
    return ExitCode.OK


def _write_csv(out: TextIO, headings: list[str], rows: Iterator[list[str]]) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headings)
    writer.writerows(rows)


def _write_table(out: TextIO, headings: list[str], rows: list[list[str]]) -> None:
    widths = [len(h) for h in headings]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    line = "  ".join(h.ljust(w) for h, w in zip(headings, widths, strict=True))
    print(line.rstrip(), file=out)
    print("  ".join("-" * w for w in widths), file=out)
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip(), file=out)
    print(f"({len(rows)} filas)", file=out)


def _register_builtin_kinds() -> None:
    from carceles_desktop.commands.commerce_lists import register_kinds
    from carceles_desktop.services import browse, catalogues

    register_kinds()

    def establishments(ctx: ServiceContext, search: str, offset: int, limit: int) -> Sequence[Any]:
        with ctx.reading() as uow:
            return catalogues.list_establishments(uow, search=search)[offset : offset + limit]

    def workshops(ctx: ServiceContext, search: str, offset: int, limit: int) -> Sequence[Any]:
        with ctx.reading() as uow:
            return browse.search_workshops(
                uow, ctx.actor, text=search, sort="code", offset=offset, limit=limit
            )

    def trainees(ctx: ServiceContext, search: str, offset: int, limit: int) -> Sequence[Any]:
        with ctx.reading() as uow:
            return browse.search_trainees(
                uow, ctx.actor, text=search, sort="name", offset=offset, limit=limit
            )

    add_list(
        "establishments",
        [
            ("code", "code"),
            ("name", "name"),
            ("common_name", "common_name"),
            ("regional_office", "regional_office"),
            ("city", "city"),
        ],
        establishments,
    )
    add_list(
        "workshops",
        [
            ("code", "code"),
            ("name", "name"),
            ("establishment", "establishment_name"),
            ("trade", "trade_name"),
            ("modality", "modality"),
            ("partner", "partner_name"),
            ("capacity", "capacity"),
            ("active_trainees", "active_trainees"),
            ("active", "active"),
        ],
        workshops,
    )
    add_list(
        "trainees",
        [
            ("inmate_code", "inmate_code"),
            ("doc_type", "doc_type"),
            ("doc_number", "doc_number"),
            ("paternal_surname", "paternal_surname"),
            ("maternal_surname", "maternal_surname"),
            ("given_names", "given_names"),
            ("establishment", "establishment_code"),
            ("workshop", "active_workshop"),
            ("state", "enrolment_state"),
        ],
        trainees,
    )
