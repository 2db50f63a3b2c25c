"""What an import reports: its problems (by row, column and reason), preview and result."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from carceles_desktop.errors import AppError, ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP, Message

Severity = Literal["error", "warning"]

_ISO_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


@dataclass(frozen=True)
class ImportProblem:
    """One thing wrong (or worth checking) in the file.

    Attributes:
        row: the row number as Excel shows it (the heading row is usually 1).
        column: the file's heading of the column at fault; ``None`` for the whole row
            or file.
        message: what is wrong, for the user (translated when a translator is installed).
        severity: ``"error"`` stops the import; ``"warning"`` asks the user to check.
    """

    row: int
    column: str | None
    message: str
    severity: Severity = "error"

    @property
    def is_error(self) -> bool:
        """True when this problem stops the import."""
        return self.severity == "error"


def day_month_year(value: Any) -> Any:
    """Write an ISO day (``2026-11-30``) as the user types it (``30/11/2026``)."""
    if isinstance(value, str) and (match := _ISO_DAY.fullmatch(value)):
        year, month, day = match.groups()
        return f"{day}/{month}/{year}"
    return value


def problem(
    row: int,
    column: str | None,
    message: Message | str,
    severity: Severity = "error",
    **params: Any,
) -> ImportProblem:
    """Build a problem, rendering the message with days written as dd/mm/yyyy.

    Args:
        row: the Excel row number.
        column: the file heading, or ``None``.
        message: a :class:`Message`, or an English source text marked with
            ``QT_TRANSLATE_NOOP("errors", …)`` whose ``{placeholders}`` come from ``params``.
        severity: ``"error"`` or ``"warning"``.
        **params: values for the placeholders.
    """
    if not isinstance(message, Message):
        message = Message("errors", message, params)
    if message.params:
        shown = {key: day_month_year(value) for key, value in message.params.items()}
        message = Message(message.context, message.text, shown)
    return ImportProblem(row, column, message.render(), severity)


@dataclass(frozen=True)
class ImportPreview:
    """What a file holds and what is wrong with it, before anything is written.

    Attributes:
        path: the file.
        file_format: ``"csv"`` or ``"xlsx"``.
        headings: the file's headings, in order ("" for a column without one).
        mapping: file heading → field name (see :data:`FIELDS`).
        unmapped_headings: headings that fill no field; their columns are ignored.
        missing_required_fields: required fields no column fills (``establishment``
            when there is neither a column nor a default).
        rows_read: the rows under the headings that hold anything.
        problems: every problem, by row then column; errors and warnings.
        valid_rows: rows without an error (all are written only when every row is).
        heading_row: the Excel row number of the headings.
        establishment_code: the establishment of rows that do not name one.
        encoding: the CSV's encoding (``None`` for .xlsx).
        delimiter: the CSV's separator (``None`` for .xlsx).
        sheet: the sheet read from an .xlsx (``None`` for CSV).
    """

    path: Path
    file_format: str
    headings: list[str]
    mapping: dict[str, str]
    unmapped_headings: list[str]
    missing_required_fields: list[str]
    rows_read: int
    problems: list[ImportProblem]
    valid_rows: int
    heading_row: int = 1
    establishment_code: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None

    @property
    def ok(self) -> bool:
        """True when no problem is an error: the file can be imported."""
        return not any(p.is_error for p in self.problems)

    @property
    def errors(self) -> list[ImportProblem]:
        """The problems that stop the import."""
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[ImportProblem]:
        """The problems worth a look that do not stop the import."""
        return [p for p in self.problems if not p.is_error]


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote.

    Attributes:
        path: the file.
        imported: trainees written.
        by_establishment: establishment code → trainees written there.
        warnings: the file's warnings (e.g. DNIs whose zeros were restored).
    """

    path: Path
    imported: int
    by_establishment: dict[str, int] = field(default_factory=dict)
    warnings: list[ImportProblem] = field(default_factory=list)


class UnreadableFile(ValidationError):
    """The file is not a CSV or .xlsx file this program can read; nothing was imported."""


class ImportCancelled(AppError):
    """The user cancelled the import; nothing was written."""


class ImportRejected(ValidationError):
    """The file has errors; nothing was imported.

    Attributes:
        problems: every problem found (errors and warnings), in file order.
    """

    def __init__(self, file_name: str, problems: list[ImportProblem]) -> None:
        errors = sum(1 for p in problems if p.is_error)
        first = next(p for p in problems if p.is_error)
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "{file} has {count} errors (the first in row {first_row}); nothing was imported.",
            ),
            field=first.column,
            row=first.row,
            file=file_name,
            count=errors,
            first_row=first.row,
        )
        self.problems = tuple(problems)
