"""Importing trainees from a spreadsheet (.xlsx) or CSV file, all or nothing.

Two steps, as the window shows them: :func:`read_preview` reads and checks the whole
file and lists every problem by the row number Excel shows, the column and the reason;
:func:`import_trainees` reads and checks it again (the file or the database may have
changed since) and, only when nothing is wrong, writes every row in the caller's
transaction with a bulk insert and one audit entry.  Warnings (a DNI whose leading
zeros were restored, a column that is ignored) do not stop an import; errors do.

Decisions a user may ask about:

* The inmate code is required on every row: the database identifies a trainee within
  his establishment by it, and some trainees have no document at all.
* The legal situation is required too: *procesado* or *sentenciado* is a legal fact,
  and a default would be silently wrong for part of the file.
* Without a "Tipo de documento" column (or with its cell empty) a document number is a
  DNI, and no number means no document.
* Dates are day first (dd/mm/yyyy, also with - or .) or ISO (yyyy-mm-dd); Excel date
  cells are taken as they are.  Two-digit years are refused.
* The establishment comes from the row's Establecimiento cell when filled, else the
  one chosen for the file, else the installation's setting, else the user's own.
* Of an .xlsx, the first sheet with known headings in its first ten rows is read (a
  cover or instructions sheet before it is skipped), else the first sheet.  The heading
  row is the row, among the first ten that hold anything, with most known headings
  (title rows above it are ignored).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from carceles_desktop.domain.base import utcnow
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services import audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.permissions import Action, require
from carceles_desktop.services.trainee_import import database
from carceles_desktop.services.trainee_import.headings import (
    FIELDS,
    HeadingMatch,
    ImportField,
    count_recognised,
    match_headings,
)
from carceles_desktop.services.trainee_import.problems import (
    ImportCancelled,
    ImportPreview,
    ImportProblem,
    ImportRejected,
    ImportResult,
    UnreadableFile,
    problem,
)
from carceles_desktop.services.trainee_import.reading import STEP, Row, Table, read_table
from carceles_desktop.services.trainee_import.validation import CheckedRow, RowChecker
from carceles_desktop.storage.unit_of_work import UnitOfWork

__all__ = [
    "FIELDS",
    "ImportCancelled",
    "ImportField",
    "ImportPreview",
    "ImportProblem",
    "ImportRejected",
    "ImportResult",
    "UnreadableFile",
    "import_trainees",
    "read_preview",
]

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

_HEADING_SEARCH = 10


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a file is read, checked and written.

    10,000 rows make some 300,000 long-lived objects and no reference cycles; the
    collector would walk them again and again for nothing, a fifth of the import's time.
    Reference counting still frees everything.  It is switched on again only if it was
    on, so that two imports in two threads leave it as they found it.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _tick(done: int, total: int, progress: Progress | None, should_cancel: Cancel | None) -> None:
    if should_cancel is not None and should_cancel():
        raise ImportCancelled(QT_TRANSLATE_NOOP("errors", "Import cancelled; nothing was written."))
    if progress is not None:
        progress(done, total)


def _heading_index(rows: list[Row]) -> int | None:
    """Index in ``rows`` of the heading row (see the module's notes), or None if blank."""
    candidates: list[int] = []
    for index, (_, cells) in enumerate(rows):
        if any(cell not in (None, "") for cell in cells):
            candidates.append(index)
            if len(candidates) == _HEADING_SEARCH:
                break
    if not candidates:
        return None
    scores = {index: count_recognised(rows[index][1]) for index in candidates}
    best = max(candidates, key=lambda index: (scores[index], -index))
    return best if scores[best] else candidates[0]


@dataclass(frozen=True)
class _Options:
    establishment_code: str | None
    mapping_override: Mapping[str, str | None] | None
    today: date | None


@dataclass
class _Examined:
    preview: ImportPreview
    rows: list[CheckedRow]
    sha256: str


def _heading_problems(
    match: HeadingMatch, heading_row: int, default: database.Establishment | None
) -> list[ImportProblem]:
    """The problems of the heading row (a missing establishment joins ``match.missing``)."""
    if default is None and "establishment" not in match.columns:
        match.missing.append("establishment")
        text = QT_TRANSLATE_NOOP(
            "errors",
            "No establishment: choose one for the whole file, or add an Establecimiento column.",
        )
        match.problems.append(problem(heading_row, None, text))
    problems = list(match.problems)
    for heading in match.unmapped:
        text = QT_TRANSLATE_NOOP(
            "errors",
            "This column is not recognised and will be ignored; map it to a field if it holds one.",
        )
        problems.append(problem(heading_row, heading, text, "warning"))
    return problems


def _examine(
    uow: UnitOfWork,
    actor: Actor,
    path: Path,
    options: _Options,
    progress: Progress | None,
    should_cancel: Cancel | None,
) -> _Examined:
    require(actor, Action.IMPORT_TRAINEES)
    default = database.default_establishment(uow, actor, options.establishment_code)

    def reading_progress(done: int, total: int) -> None:
        if progress is not None:
            progress(done, 2 * total)  # reading is the first half of the work

    table = read_table(path, progress=reading_progress, should_cancel=should_cancel)
    start = _heading_index(table.rows)
    if start is None:
        empty = problem(1, None, QT_TRANSLATE_NOOP("errors", "The file is empty."))
        preview = _preview(path, table, HeadingMatch([]), [empty], 1, default, None)
        return _Examined(preview, [], table.sha256)
    heading_row, heading_cells = table.rows[start]
    match = match_headings(heading_cells, heading_row, override=options.mapping_override)
    problems = _heading_problems(match, heading_row, default)
    checker = RowChecker(
        columns=match.columns,
        headings={name: match.headings[index] for name, index in match.columns.items()},
        default=default,
        resolve=database.establishment_resolver(uow, actor),
        from_csv=table.file_format == "csv",
        formula_cells=table.formula_cells,
        today=options.today or date.today(),
    )
    body = table.rows[start + 1 :]
    if any(p.is_error for p in problems):
        # Without the required columns every row would fail alike: say it once.
        checker.rows_read = sum(1 for _, cells in body if any(c not in (None, "") for c in cells))
    else:
        problems += _check_rows(uow, checker, body, heading_row, progress, should_cancel)
    order = {heading: i for i, heading in reversed(list(enumerate(match.headings)))}
    problems.sort(key=lambda p: (p.row, order.get(p.column, -1) if p.column else -1))
    preview = _preview(path, table, match, problems, heading_row, default, checker)
    return _Examined(preview, checker.checked, table.sha256)


def _check_rows(
    uow: UnitOfWork,
    checker: RowChecker,
    body: list[Row],
    heading_row: int,
    progress: Progress | None,
    should_cancel: Cancel | None,
) -> list[ImportProblem]:
    problems: list[ImportProblem] = []
    for done, (number, cells) in enumerate(body, start=1):
        problems += checker.check(number, cells)
        if done % STEP == 0:
            _tick(len(body) + done, 2 * len(body), progress, should_cancel)
    problems += database.check_against_database(uow, checker)
    if checker.rows_read == 0:
        text = QT_TRANSLATE_NOOP("errors", "There are no trainees under the headings.")
        problems.append(problem(heading_row, None, text))
    return problems


def _preview(
    path: Path,
    table: Table,
    match: HeadingMatch,
    problems: list[ImportProblem],
    heading_row: int,
    default: database.Establishment | None,
    checker: RowChecker | None,
) -> ImportPreview:
    return ImportPreview(
        path=path,
        file_format=table.file_format,
        headings=list(match.headings),
        mapping=dict(match.mapping),
        unmapped_headings=list(match.unmapped),
        missing_required_fields=list(match.missing),
        rows_read=checker.rows_read if checker else 0,
        problems=problems,
        valid_rows=len(checker.checked) if checker else 0,
        heading_row=heading_row,
        establishment_code=default.code if default else None,
        encoding=table.encoding,
        delimiter=table.delimiter,
        sheet=table.sheet,
    )


def read_preview(
    uow: UnitOfWork,
    actor: Actor,
    path: Path,
    *,
    establishment_code: str | None = None,
    mapping_override: Mapping[str, str | None] | None = None,
    progress: Progress | None = None,
    should_cancel: Cancel | None = None,
    today: date | None = None,
) -> ImportPreview:
    """Read and check a whole file; write nothing.

    Args:
        uow: a unit of work (read-only is enough).
        actor: who imports.
        path: a .xlsx or CSV file.
        establishment_code: the establishment of rows that do not name one; by default
            the installation's (settings), else the actor's own.
        mapping_override: file heading → field name (see :data:`FIELDS`) chosen by the
            user; ``""`` or ``None`` ignores the column.
        progress: called now and then with ``(done, total)`` units of work.
        should_cancel: polled now and then; True stops with :class:`ImportCancelled`.
        today: the day dates are checked against (tests); by default today.

    Raises:
        PermissionDenied: the actor may not import trainees, or not into that establishment.
        NotFound: no establishment has ``establishment_code``.
        UnreadableFile: the file cannot be read at all.
        ImportCancelled: cancelled through ``should_cancel``.
        ValueError: ``mapping_override`` names an unknown field (a programming error).
    """
    options = _Options(establishment_code, mapping_override, today)
    with _collector_paused():
        return _examine(uow, actor, Path(path), options, progress, should_cancel).preview


def import_trainees(
    uow: UnitOfWork,
    actor: Actor,
    path: Path,
    *,
    establishment_code: str | None = None,
    mapping_override: Mapping[str, str | None] | None = None,
    progress: Progress | None = None,
    should_cancel: Cancel | None = None,
    today: date | None = None,
) -> ImportResult:
    """Read and check a file again, then write all its trainees, or none.

    The rows go in with a bulk insert inside the caller's transaction, with one audit
    entry ("import") naming the file, its SHA-256 and the counts; the caller commits.
    Arguments are those of :func:`read_preview`.

    Raises:
        PermissionDenied: the actor may not import trainees, or not into that establishment.
        NotFound: no establishment has ``establishment_code``.
        UnreadableFile: the file cannot be read at all.
        ImportRejected: a ``ValidationError`` whose ``problems`` list every problem, when
            any row or heading has an error; nothing was written.
        ImportCancelled: cancelled through ``should_cancel``; nothing was written.
        Conflict: another user registered one of these trainees meanwhile.
        ValueError: ``mapping_override`` names an unknown field (a programming error).
    """
    path = Path(path)
    options = _Options(establishment_code, mapping_override, today)
    with _collector_paused():
        examined = _examine(uow, actor, path, options, progress, should_cancel)
        preview = examined.preview
        if not preview.ok:
            raise ImportRejected(path.name, preview.problems)
        rows = examined.rows

        def tick(done: int, total: int) -> None:
            _tick(done, total, None, should_cancel)

        database.write_rows(uow, rows, utcnow(), tick)
    by_place = database.counts_by_code(uow, rows)
    audit.record(
        uow,
        actor,
        "import",
        "trainee",
        summary=f"Imported {len(rows)} trainees from {path.name} into "
        + ", ".join(f"{code} ({count})" for code, count in by_place.items()),
        changes={
            "file": path.name,
            "sha256": examined.sha256,
            "count": len(rows),
            "by_establishment": by_place,
            "warnings": len(preview.warnings),
        },
    )
    if progress is not None:
        progress(1, 1)
    return ImportResult(path, len(rows), by_place, preview.warnings)
