"""Checking the rows of a trainee file, one after the other.

A row becomes a :class:`~carceles_desktop.services.trainees.TraineeInput` checked by the
trainee form's own :func:`~carceles_desktop.services.trainees.validate_trainee`, so that
an import accepts exactly what the form accepts.  Before that, what only a file can get
wrong: unreadable dates and codes, DNIs that Excel turned into numbers (zeros restored,
with a warning), formula cells without a saved value, Excel error values, garbled
accents; after it, duplicates inside the file.  Duplicates against the database are
checked once for the whole file (:mod:`.database`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from carceles_desktop.domain.enums import DocumentType, LegalSituation, Sex
from carceles_desktop.i18n import QT_TRANSLATE_NOOP, Message
from carceles_desktop.services.trainee_import import cells
from carceles_desktop.services.trainee_import.headings import FIELDS_BY_NAME
from carceles_desktop.services.trainee_import.problems import ImportProblem, problem
from carceles_desktop.services.trainees import TraineeInput, normalise, validate_trainee

_TEXT_FIELDS = ("inmate_code", "paternal_surname", "maternal_surname", "given_names", "nationality")
_DATE_FIELDS = ("birth_date", "admission_date", "release_date")


@dataclass(frozen=True)
class Establishment:
    """The establishment a row goes to: its key and code."""

    id: int
    code: str


#: Finds an establishment by what a cell says; returns it, or a message saying why not.
Resolver = Callable[[str], "Establishment | Message"]


@dataclass(frozen=True)
class CheckedRow:
    """A row that passed every check, ready to be written."""

    row: int
    establishment_id: int
    data: TraineeInput


@dataclass
class RowChecker:
    """Checks the rows of one file in order, remembering what it saw for duplicates.

    Attributes:
        columns: field name → column index.
        headings: field name → the file heading (for the problems).
        default: the establishment of rows that do not name one.
        resolve: reads the establishment column's cells.
        from_csv: the file is a CSV (short digit strings in a DNI column lost zeros).
        formula_cells: ``(row, column)`` of formula cells without a saved value.
        today: the day dates are checked against.
        checked: the rows that passed, in file order.
        rows_read: rows that held anything.
    """

    columns: dict[str, int]
    headings: dict[str, str]
    default: Establishment | None
    resolve: Resolver
    from_csv: bool
    formula_cells: frozenset[tuple[int, int]]
    today: date
    checked: list[CheckedRow] = field(default_factory=list)
    rows_read: int = 0
    readers: dict[str, Callable[[Any], Any]] = field(init=False)
    plan: list[tuple[str, int, Callable[[Any], Any] | None]] = field(init=False)
    _width: int = field(init=False, default=0)
    _codes: dict[tuple[int, str], int] = field(default_factory=dict)
    _documents: dict[tuple[int, DocumentType, str], int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.readers = {
            "sex": cells.sex_reader(),
            "legal_situation": cells.legal_situation_reader(),
            "doc_type": cells.document_type_reader(),
            "first_offender": cells.yes_no_reader(),
            **{name: cells.parse_date for name in _DATE_FIELDS},
        }
        # What to do with each mapped column, worked out once rather than once a cell.
        self.plan = [(name, i, self.readers.get(name)) for name, i in self.columns.items()]
        self._width = max(self.columns.values(), default=-1) + 1

    def column_name(self, name: str) -> str:
        """The heading of a field's column, or its Spanish label when it has none."""
        return self.headings.get(name) or FIELDS_BY_NAME[name].label

    def check(self, number: int, row_cells: Sequence[Any]) -> list[ImportProblem]:
        """Check one row; keep it when it is clean; return its problems.

        Blank rows are skipped without a word (Excel users leave them between groups).
        """
        if len(row_cells) < self._width:  # short rows: CSV lines, trailing empty cells
            row_cells = (*row_cells, *[None] * (self._width - len(row_cells)))
        picked = [row_cells[i] for _, i, _ in self.plan]
        # any() settles nearly every row at once; only falsy rows need the close look
        # (a cell holding 0 or False is not blank).
        if not any(picked) and all(v is None or v == "" for v in picked):
            return []
        self.rows_read += 1
        row = _Row(self, number)
        row.read_cells(picked)
        data = row.build()
        row.validate(data)
        self._remember(row, data)
        if not row.has_errors and row.establishment is not None:
            self.checked.append(CheckedRow(number, row.establishment.id, data))
        return row.problems

    def _remember(self, row: _Row, data: TraineeInput) -> None:
        if row.establishment is None:
            return
        place = row.establishment.id
        if data.inmate_code and "inmate_code" not in row.failed:
            first = self._codes.setdefault((place, data.inmate_code), row.number)
            if first != row.number:
                text = QT_TRANSLATE_NOOP(
                    "errors", "Repeated in the file: row {first} has the same inmate code {code}."
                )
                row.error("inmate_code", text, first=first, code=data.inmate_code)
        if (
            data.doc_number
            and data.doc_type is not DocumentType.NONE
            and ("doc_number" not in row.failed)
        ):
            key = (place, data.doc_type, data.doc_number)
            first = self._documents.setdefault(key, row.number)
            if first != row.number:
                text = QT_TRANSLATE_NOOP(
                    "errors", "Repeated in the file: row {first} has the same document {number}."
                )
                row.error("doc_number", text, first=first, number=data.doc_number)


class _Row:
    """The values and problems of the row being checked."""

    def __init__(self, checker: RowChecker, number: int) -> None:
        self.checker = checker
        self.number = number
        self.problems: list[ImportProblem] = []
        self.failed: set[str] = set()
        self.values: dict[str, Any] = {}
        self.establishment: Establishment | None = checker.default

    @property
    def has_errors(self) -> bool:
        return bool(self.failed)

    def error(self, name: str, message: str | Message, **params: Any) -> None:
        self.failed.add(name)
        column = self.checker.column_name(name)
        self.problems.append(problem(self.number, column, message, **params))

    def warn(self, name: str, message: str, **params: Any) -> None:
        column = self.checker.column_name(name)
        self.problems.append(problem(self.number, column, message, "warning", **params))

    def read_cells(self, picked: list[Any]) -> None:
        formulas = self.checker.formula_cells
        values = self.values
        for (name, index, reader), value in zip(self.checker.plan, picked, strict=True):
            # Cheap tests first: nearly every cell is neither a formula nor an error.
            if formulas and (self.number, index) in formulas:
                self._refuse(name, None)
                continue
            if (
                value.__class__ is str
                and value.lstrip()[:1] == "#"
                and value.strip() in cells.EXCEL_ERRORS
            ):
                self._refuse(name, value)
                continue
            if reader is None or value is None:
                values[name] = value
                continue
            try:
                values[name] = reader(value)
            except cells.CellError as exc:
                self.error(name, exc.message)
        self._read_establishment()
        self._read_document()

    def _refuse(self, name: str, error_value: str | None) -> None:
        """Refuse a formula cell without a value (``None``), or an Excel error value."""
        if error_value is None:
            text = QT_TRANSLATE_NOOP(
                "errors",
                "This cell holds a formula without a saved value: open the file in Excel "
                "and save it again, or paste the values instead of the formulas.",
            )
            self.error(name, text)
            return
        text = QT_TRANSLATE_NOOP(
            "errors", "The cell shows Excel's error {value}: correct the formula or type the value."
        )
        self.error(name, text, value=error_value.strip())

    def _read_establishment(self) -> None:
        if "establishment" in self.failed:
            return
        text = cells.cell_text(self.values.pop("establishment", None))
        if text:
            found = self.checker.resolve(text)
            if isinstance(found, Message):
                self.error("establishment", found)
                return
            self.establishment = found
        if self.establishment is None:
            message = QT_TRANSLATE_NOOP(
                "errors",
                "No establishment for this row: fill the Establecimiento column, or choose "
                "the establishment for the whole file.",
            )
            self.error("establishment", message)

    def _turned_into_date(self, name: str, shown: str) -> None:
        # Excel reads codes such as "3-12" or "1/5" as dates and keeps only the date.
        message = QT_TRANSLATE_NOOP(
            "errors",
            "Excel turned this cell into the date {value}: format the column as Text and "
            "type the value again.",
        )
        self.error(name, message, value=shown)

    def _read_document(self) -> None:
        if {"doc_type", "doc_number"} & self.failed:
            return
        raw = self.values.pop("doc_number", None)
        if isinstance(raw, date):
            self._turned_into_date("doc_number", cells.cell_text(raw))
            return
        kind = self.values.get("doc_type")
        if kind is None:
            # No type given: a number is a DNI (the common case), no number means none.
            kind = DocumentType.DNI if cells.cell_text(raw) else DocumentType.NONE
            self.values["doc_type"] = kind
        number, restored = cells.document_number(raw, kind, self.checker.from_csv)
        self.values["doc_number"] = number or None
        if restored:
            text = QT_TRANSLATE_NOOP(
                "errors",
                "The DNI had lost its leading zeros (Excel stored it as a number); read as "
                "{number}. Check it, and format the column as Text.",
            )
            self.warn("doc_number", text, number=number)

    def build(self) -> TraineeInput:
        values = self.values
        texts = {}
        for name in _TEXT_FIELDS:
            value = values.get(name)
            if value.__class__ is str:
                texts[name] = value.strip()
                continue
            texts[name] = cells.cell_text(value)
            if isinstance(value, date):
                self._turned_into_date(name, texts[name])
        for name, text in texts.items() if cells.may_be_garbled(texts.values()) else ():
            if cells.is_garbled(text):
                message = QT_TRANSLATE_NOOP(
                    "errors",
                    "“{value}” has garbled accents (the file was saved in one encoding and "
                    "read in another): correct it in the file.",
                )
                self.error(name, message, value=text)
        for name in ("sex", "legal_situation"):
            if values.get(name) is None and name not in self.failed:
                self.error(name, QT_TRANSLATE_NOOP("errors", "This field is required."))
        # Cells already refused get a stand-in value, so that the form's checks still
        # report everything else wrong with the row.
        document_failed = bool(self.failed & {"doc_type", "doc_number"})
        first_offender = values.get("first_offender")
        return normalise(
            TraineeInput(
                establishment_code=self.establishment.code if self.establishment else "",
                inmate_code=texts["inmate_code"],
                doc_type=DocumentType.NONE if document_failed else values["doc_type"],
                doc_number=None if document_failed else values["doc_number"],
                paternal_surname=texts["paternal_surname"],
                maternal_surname=texts["maternal_surname"],
                given_names=texts["given_names"],
                sex=values.get("sex") or Sex.MALE,
                legal_situation=values.get("legal_situation") or LegalSituation.PROCESADO,
                birth_date=values.get("birth_date"),
                admission_date=values.get("admission_date"),
                release_date=values.get("release_date"),
                nationality=texts["nationality"] or "Peruana",
                first_offender=True if first_offender is None else first_offender,
            )
        )

    def validate(self, data: TraineeInput) -> None:
        already = set(self.failed)
        for found in validate_trainee(data, today=self.checker.today, normalised=True):
            name = "establishment" if found.field == "establishment_code" else found.field
            if name in already:
                continue  # already said, in the file's own terms
            if name not in FIELDS_BY_NAME:
                name = "inmate_code"  # a field the file cannot hold; should not happen
            self.error(name, found.message)
