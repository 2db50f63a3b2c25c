"""Reading single cells: text, dates, coded values and document numbers.

Cells arrive as Excel left them (.xlsx: text, numbers, dates, booleans) or as text
(CSV).  Each reader returns the value or raises :class:`CellError` with a message that
names what was found and how to write it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from carceles_desktop.domain.enums import DocumentType, LegalSituation, Sex
from carceles_desktop.domain.rules.identity import restore_dni_zeros
from carceles_desktop.domain.rules.text import fold
from carceles_desktop.i18n import QT_TRANSLATE_NOOP, Message

#: Values Excel shows for a formula that failed: as an .xlsx stores them, and as a
#: Spanish Excel writes them to CSV.
EXCEL_ERRORS = frozenset(
    {
        *("#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"),
        *("#N/D", "#¡REF!", "#¡VALOR!", "#¡DIV/0!", "#¿NOMBRE?", "#¡NUM!", "#¡NULO!"),
        *("#¡DESBORDAMIENTO!", "#¡CALC!"),
    }
)
_DAY_FIRST = re.compile(r"([0-9]{1,2})[/.\-]([0-9]{1,2})[/.\-]([0-9]{4})(?:[ T][0-9:.]+)?")
_YEAR_FIRST = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[ T][0-9:.]+)?")
_SHORT_DIGITS = re.compile(r"[0-9]{1,7}")
# UTF-8 read as Windows-1252 turns "ñ" into "Ã±", "é" into "Ã©", "°" into "Â°": the
# second character is always one of the bytes 0x80–0xBF as cp1252 shows them.
_SECOND_BYTES = bytes(range(0x80, 0xC0)).decode("cp1252", errors="ignore")
_MOJIBAKE = re.compile(f"[ÃÂ][{re.escape(_SECOND_BYTES)}]")
_NOT_LETTER_OR_DIGIT = re.compile(r"[^a-z0-9]")


class CellError(Exception):
    """A cell that cannot be read.

    Attributes:
        message: what is wrong, for the user.
    """

    def __init__(self, text: str, **params: Any) -> None:
        super().__init__(text)
        self.message = Message("errors", text, params)


def cell_text(value: Any) -> str:
    """A cell as text: trimmed, numbers without a spurious ``.0``, dates as dd/mm/yyyy."""
    if value is None:
        return ""
    if value.__class__ is str:
        return str(value).strip()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (date, datetime)):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


def may_be_garbled(texts: Iterable[str]) -> bool:
    """A quick first look for :func:`is_garbled` over several texts at once."""
    joined = "".join(texts)
    return "Ã" in joined or "Â" in joined


def is_garbled(text: str) -> bool:
    """Tell whether text shows UTF-8 read as Windows-1252 ("NÃºÃ±ez")."""
    return ("Ã" in text or "Â" in text) and _MOJIBAKE.search(text) is not None


def parse_date(value: Any) -> date | None:
    """Read a date cell: an Excel date, ``dd/mm/yyyy`` (also with - or .) or ``yyyy-mm-dd``.

    A time after the date ("15/03/1985 00:00") is ignored.  Two-digit years are refused:
    "01/02/03" could be three different days.

    Raises:
        CellError: the cell holds something else, or a day that does not exist.
    """
    if value.__class__ is str:
        text = value.strip()
    elif isinstance(value, datetime):
        return value.date()
    elif isinstance(value, date):
        return value
    else:
        text = cell_text(value)
    if not text:
        return None
    if match := _DAY_FIRST.fullmatch(text):
        day, month, year = match.groups()
    elif match := _YEAR_FIRST.fullmatch(text):
        year, month, day = match.groups()
    else:
        raise CellError(
            QT_TRANSLATE_NOOP("errors", "Unreadable date “{value}”: write it as dd/mm/yyyy."),
            value=text,
        )
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise CellError(
            QT_TRANSLATE_NOOP("errors", "The date “{value}” does not exist."), value=text
        ) from None


def _words(table: dict[Any, tuple[str, ...]]) -> dict[str, Any]:
    return {word: value for value, words in table.items() for word in words}


class Choice:
    """Reads one kind of coded cell, whatever its case, accents, dots and spaces.

    What it has read once it remembers: a file repeats "Sentenciado" thousands of times.
    """

    def __init__(self, table: dict[Any, tuple[str, ...]], message: str) -> None:
        self._words = _words(table)
        self._message = message
        self._seen: dict[str, Any] = {"": None}

    def __call__(self, value: Any) -> Any:
        """Return the coded value, or ``None`` for an empty cell.

        Raises:
            CellError: the text is none of the accepted words.
        """
        # Only text is remembered: 1 == True == 1.0 as keys, yet they read differently.
        if value.__class__ is str and value in self._seen:
            return self._seen[value]
        text = cell_text(value)
        found = self._words.get(_NOT_LETTER_OR_DIGIT.sub("", fold(text))) if text else None
        if found is None and text:
            raise CellError(self._message, value=text)
        if value.__class__ is str:
            self._seen[value] = found
        return found


def sex_reader() -> Choice:
    """M, F, Masculino, Femenino, H, Hombre, Mujer, Varón."""
    return Choice(
        {
            Sex.MALE: ("m", "masculino", "h", "hombre", "varon", "male"),
            Sex.FEMALE: ("f", "femenino", "mujer", "female"),
        },
        QT_TRANSLATE_NOOP("errors", "Unknown sex “{value}”: write M or F."),
    )


def legal_situation_reader() -> Choice:
    """Procesado(a), Sentenciado(a), Condenado(a), P, S."""
    return Choice(
        {
            LegalSituation.PROCESADO: ("procesado", "procesada", "p"),
            LegalSituation.SENTENCIADO: (
                "sentenciado",
                "sentenciada",
                "s",
                "condenado",
                "condenada",
            ),
        },
        QT_TRANSLATE_NOOP(
            "errors", "Unknown legal situation “{value}”: write Procesado or Sentenciado."
        ),
    )


def document_type_reader() -> Choice:
    """DNI, CE / carné de extranjería, pasaporte, ninguno, or SUNAT's codes 1, 4, 7."""
    return Choice(
        {
            DocumentType.DNI: ("dni", "1", "01", "documentonacionaldeidentidad"),
            DocumentType.CARNE_EXTRANJERIA: (
                "ce",
                "4",
                "04",
                "carnedeextranjeria",
                "carnetdeextranjeria",
                "carneextranjeria",
                "carnetextranjeria",
            ),
            DocumentType.PASAPORTE: ("pasaporte", "pas", "7", "07", "passport"),
            DocumentType.NONE: ("ninguno", "sindocumento", "notiene", "sd", "indocumentado"),
        },
        QT_TRANSLATE_NOOP(
            "errors", "Unknown document type “{value}”: write DNI, CE, Pasaporte or Ninguno."
        ),
    )


def yes_no_reader() -> Choice:
    """Sí/No, S/N, X, 1/0, Verdadero/Falso (Excel's booleans), Primario/Reincidente."""
    return Choice(
        {
            True: ("si", "s", "x", "1", "true", "verdadero", "primario", "primaria"),
            False: ("no", "n", "0", "false", "falso", "reincidente"),
        },
        QT_TRANSLATE_NOOP("errors", "Write Sí or No instead of “{value}”."),
    )


def document_number(raw: Any, kind: DocumentType, from_csv: bool) -> tuple[str, bool]:
    """Return a document number as text, and whether a DNI's leading zeros were restored.

    Excel turns a DNI typed into a number cell into 1234567; a CSV saved from such a
    sheet holds "1234567".  In an .xlsx, a short DNI in a *text* cell was typed so: it
    is left as it is, for the DNI check to refuse.
    """
    if kind is DocumentType.DNI:
        numeric = isinstance(raw, (int, float)) and not isinstance(raw, bool)
        if numeric or (from_csv and _SHORT_DIGITS.fullmatch(cell_text(raw))):
            try:
                return restore_dni_zeros(raw)
            except ValueError:
                pass  # a fraction or too many digits: the DNI check explains
    return cell_text(raw), False
