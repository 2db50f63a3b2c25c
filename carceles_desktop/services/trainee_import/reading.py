"""Reading a trainee list from a CSV or .xlsx file into rows numbered as Excel shows them.

CSV files come from many PCs: Excel's "CSV UTF-8" (with a byte-order mark), plain UTF-8,
Excel's ordinary CSV in the PC's ANSI code page (Windows-1252 in Peru), "Unicode text"
(UTF-16, tabs); and the separator follows the PC's regional list separator: comma or
semicolon.  Strict UTF-8 is tried first because Windows-1252 would also "read" UTF-8
bytes, as mojibake ("NÃºÃ±ez"); cp1252 comes before latin-1 because Spanish exports hold
curly quotes and dashes in 0x80–0x9F, which latin-1 turns into control characters.

.xlsx files are streamed by openpyxl (``read_only``) with the values Excel cached when it
last saved (``data_only``).  A formula cell saved without a cached value (written by a
program that does not calculate) would then read as empty; such cells are found by a
separate search of the sheet's XML (:mod:`.formulas`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import logging
import re
import warnings
import xml.etree.ElementTree as ET  # noqa: N817 - the usual short name
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.trainee_import.formulas import formula_cells_without_value
from carceles_desktop.services.trainee_import.headings import count_recognised
from carceles_desktop.services.trainee_import.problems import ImportCancelled, UnreadableFile

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]
Row = tuple[int, Sequence[Any]]

#: How many rows pass between two progress reports and cancel checks.
STEP = 500

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # Excel 97-2003 .xls and other compound documents
_SEPARATOR_LINE = re.compile(r"sep=(.)\r?\n?", re.IGNORECASE)
_QUOTED = re.compile(r'"[^"]*"')
_DELIMITERS = (";", ",", "\t", "|")
_SHEET_PEEK_ROWS = 10
_SHEET_MIN_HEADINGS = 2


@dataclass
class Table:
    """The cells of a file, as read.

    Attributes:
        file_format: ``"csv"`` or ``"xlsx"``.
        rows: ``(row number as Excel shows it, cells)`` for every row, blank ones
            included; CSV cells are text, .xlsx cells are Python values.
        encoding: the CSV's encoding (``utf-8``, ``utf-8-sig``, ``cp1252`` …).
        delimiter: the CSV's separator.
        sheet: the name of the .xlsx sheet read (the first with known headings).
        formula_cells: ``(row, 0-based column)`` of formula cells without a saved value.
        sha256: the SHA-256 of the bytes read (for the audit log).
    """

    file_format: Literal["csv", "xlsx"]
    rows: list[Row]
    sha256: str = ""
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    formula_cells: frozenset[tuple[int, int]] = field(default_factory=frozenset)


def read_table(
    path: Path,
    *,
    progress: Progress | None = None,
    should_cancel: Cancel | None = None,
) -> Table:
    """Read every row of a CSV or .xlsx file (the kind is told by the content).

    Raises:
        UnreadableFile: the file is missing, empty, an old .xls, a damaged .xlsx, or
            binary data.
        ImportCancelled: ``should_cancel`` returned True.
    """
    # The whole file is read once: what is checked, hashed and written is the same bytes
    # even if someone saves the file again meanwhile.
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(
            QT_TRANSLATE_NOOP("errors", "Cannot open {file}: {reason}"),
            file=path.name,
            reason=exc.strerror or str(exc),
        ) from exc
    if not data:
        raise UnreadableFile(QT_TRANSLATE_NOOP("errors", "{file} is empty."), file=path.name)
    if data.startswith(_OLE_MAGIC):
        raise UnreadableFile(
            QT_TRANSLATE_NOOP(
                "errors",
                "{file} is an old Excel 97-2003 file (.xls): open it in Excel and save it "
                "as .xlsx or CSV.",
            ),
            file=path.name,
        )
    if data.startswith(_ZIP_MAGIC):
        table = _read_xlsx(path.name, data, progress, should_cancel)
    else:
        table = _read_csv(path.name, data, progress, should_cancel)
    table.sha256 = hashlib.sha256(data).hexdigest()
    return table


def _tick(done: int, total: int, progress: Progress | None, should_cancel: Cancel | None) -> None:
    if should_cancel is not None and should_cancel():
        raise ImportCancelled(QT_TRANSLATE_NOOP("errors", "Import cancelled; nothing was written."))
    if progress is not None:
        progress(done, total)


# --------------------------------------------------------------------------- CSV


def decode(data: bytes) -> tuple[str, str]:
    """Decode a CSV file's bytes; return the text and the encoding used."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        if data.startswith(b"\xef\xbb\xbf"):
            return data.decode("utf-8-sig"), "utf-8-sig"
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # Five bytes are unassigned in cp1252; latin-1 reads every byte.
        return data.decode("latin-1"), "latin-1"


def sniff_delimiter(line: str) -> str:
    """Pick the separator that splits the heading line most (comma when none does)."""
    bare = _QUOTED.sub("", line)
    counts = {delimiter: bare.count(delimiter) for delimiter in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _read_csv(
    name: str, data: bytes, progress: Progress | None, should_cancel: Cancel | None
) -> Table:
    text, encoding = decode(data)
    if "\x00" in text:
        raise UnreadableFile(
            QT_TRANSLATE_NOOP("errors", "{file} is neither a CSV nor an .xlsx file."), file=name
        )
    # Excel writes (and hides) a first line "sep=;" to name the separator.
    if match := _SEPARATOR_LINE.match(text):
        delimiter, text = match.group(1), text[match.end() :]
    else:
        first = next((line for line in text.splitlines() if line.strip()), "")
        delimiter = sniff_delimiter(first)
    total = text.count("\n") + 1
    rows: list[Row] = []
    try:
        for number, cells in enumerate(
            csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1
        ):
            rows.append((number, cells))
            if number % STEP == 0:
                _tick(number, total, progress, should_cancel)
    except csv.Error as exc:
        raise UnreadableFile(
            QT_TRANSLATE_NOOP("errors", "{file} cannot be read as CSV near row {row}: {reason}"),
            file=name,
            row=len(rows) + 1,
            reason=str(exc),
        ) from exc
    return Table("csv", rows, encoding=encoding, delimiter=delimiter)


# --------------------------------------------------------------------------- xlsx


def _damaged(name: str, exc: Exception) -> UnreadableFile:
    return UnreadableFile(
        QT_TRANSLATE_NOOP(
            "errors", "{file} is not an .xlsx file Excel can open, or it is damaged ({reason})."
        ),
        file=name,
        reason=str(exc) or type(exc).__name__,
    )


def _pick_sheet(sheets: list[Any]) -> tuple[Any, int]:
    """Choose the first sheet whose top rows hold known headings, else the first sheet.

    A workbook may open with a cover or instructions sheet ("Léame") before the list.
    Each sheet's ``<dimension>`` is dropped: some programs write a wrong one, and
    without it every row and column is read.

    Returns:
        The sheet, and the rows its ``<dimension>`` announced (0: unknown; for progress).
    """
    announced = [sheet.max_row or 0 for sheet in sheets]
    for sheet in sheets:
        sheet.reset_dimensions()
    for sheet, rows in zip(sheets, announced, strict=True):
        for cells in sheet.iter_rows(max_row=_SHEET_PEEK_ROWS, values_only=True):
            if count_recognised(cells) >= _SHEET_MIN_HEADINGS:
                return sheet, rows
    return sheets[0], announced[0]


def _read_xlsx(
    name: str, data: bytes, progress: Progress | None, should_cancel: Cancel | None
) -> Table:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    # openpyxl warns about features it ignores (data validation, unknown extensions,
    # missing default style); they change no cell value, so they go to the log.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            workbook = load_workbook(
                io.BytesIO(data), read_only=True, data_only=True, keep_links=False
            )
        except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
            raise _damaged(name, exc) from exc
        try:
            sheet, total = _pick_sheet(workbook.worksheets)
            rows: list[Row] = []
            for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
                rows.append((number, cells))
                if number % STEP == 0:
                    _tick(number, max(total, number), progress, should_cancel)
            # The sheet's part inside the zip; openpyxl keeps it on the read-only sheet.
            member = sheet._worksheet_path
            title = sheet.title
        except (zipfile.BadZipFile, KeyError, ET.ParseError, ValueError) as exc:
            raise _damaged(name, exc) from exc
        finally:
            workbook.close()
    for warning in caught:
        log.info("openpyxl on %s: %s", name, warning.message)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            formulas = formula_cells_without_value(archive.read(member))
    except (zipfile.BadZipFile, KeyError, ET.ParseError) as exc:
        raise _damaged(name, exc) from exc
    return Table("xlsx", rows, sheet=title, formula_cells=formulas)
