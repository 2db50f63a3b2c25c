"""Which file column holds which trainee field, judged by the column's heading.

Headings are compared folded: case, accents, punctuation, a note in brackets
("Fecha de nacimiento (dd/mm/aaaa)") and small words ("de", "del") do not matter, and
common abbreviations count as the word ("N°", "Nro." → número; "F." → fecha;
"Ap." → apellido).  The user may map any heading by hand, which wins over the guess.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from carceles_desktop.domain.rules.text import fold
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.services.trainee_import.problems import ImportProblem, problem


@dataclass(frozen=True)
class ImportField:
    """A trainee field that a file column can fill.

    Attributes:
        name: the field's name in :class:`~carceles_desktop.services.trainees.TraineeInput`
            (``establishment`` is the establishment's code or name).
        label: the usual Spanish heading, shown in the mapping dialog and the README.
        synonyms: other headings accepted for it.
        required: a file without a column for it cannot be imported.
    """

    name: str
    label: str
    synonyms: tuple[str, ...] = ()
    required: bool = False


#: The importable fields, in the order of the example file.
FIELDS: tuple[ImportField, ...] = (
    ImportField(
        "inmate_code",
        "Código interno",
        ("Código", "Código de interno", "Código del interno", "Código INPE", "Cód. int."),
        required=True,
    ),
    ImportField(
        "paternal_surname",
        "Apellido paterno",
        ("Primer apellido", "Paterno", "A. paterno"),
        required=True,
    ),
    ImportField("maternal_surname", "Apellido materno", ("Segundo apellido", "Materno")),
    ImportField("given_names", "Nombres", ("Nombre", "Prenombres"), required=True),
    ImportField("doc_type", "Tipo de documento", ("Tipo doc.", "Tipo", "Documento tipo")),
    ImportField(
        "doc_number",
        "N° documento",
        (
            "DNI",
            "N° DNI",
            "Documento",
            "Documento de identidad",
            "N° doc.",
            "Nro. documento de identidad",
            "Doc. identidad",
        ),
    ),
    ImportField("sex", "Sexo", ("Género",), required=True),
    ImportField("birth_date", "Fecha de nacimiento", ("Nacimiento", "F. nac.")),
    ImportField("nationality", "Nacionalidad", ("País", "País de origen")),
    ImportField("admission_date", "Fecha de ingreso", ("Ingreso", "Fecha de ingreso al E.P.")),
    ImportField(
        "legal_situation",
        "Situación jurídica",
        ("Situación legal", "Situación procesal", "Situación", "Condición jurídica"),
        required=True,
    ),
    ImportField("first_offender", "Primario", ("Primario(a)", "Primaria", "Es primario")),
    ImportField("release_date", "Fecha de egreso", ("Fecha de libertad", "Egreso", "Libertad")),
    ImportField(
        "establishment",
        "Establecimiento",
        ("Establecimiento penitenciario", "E.P.", "Penal", "Establishment code"),
    ),
)

FIELDS_BY_NAME: dict[str, ImportField] = {f.name: f for f in FIELDS}

_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_WORDS = re.compile(r"[a-z0-9]+")
_SMALL_WORDS = frozenset({"de", "del", "la", "el", "los", "las", "al", "a", "su"})
_ABBREVIATIONS = {
    "n": "numero",
    "no": "numero",
    "nro": "numero",
    "num": "numero",
    "nu": "numero",
    "f": "fecha",
    "fec": "fecha",
    "fech": "fecha",
    "ap": "apellido",
    "ape": "apellido",
    "apell": "apellido",
    "apellidos": "apellido",
    "nac": "nacimiento",
    "cod": "codigo",
    "int": "interno",
    "doc": "documento",
    "sit": "situacion",
    "nombre": "nombres",
}


def heading_key(heading: str) -> str:
    """Reduce a heading to the words that identify it.

    Example: ``heading_key("Nº de Documento (DNI/CE)")`` is ``"numero documento"``.
    """
    # "N°" and "Nº": the sign is a separate mark, the "N" alone means número.
    text = _BRACKETS.sub(" ", heading.replace("°", " ").replace("º", " "))
    words = _WORDS.findall(fold(text.replace("_", " ")))
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words if w not in _SMALL_WORDS)


def _build_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for item in FIELDS:
        for heading in (item.name, item.label, *item.synonyms):
            key = heading_key(heading)
            if index.setdefault(key, item.name) != item.name:
                raise AssertionError(f"heading {heading!r} names two fields")
    return index


_INDEX = _build_index()


def guess_field(heading: str) -> str | None:
    """Return the field a heading names, or ``None`` when it is not recognised."""
    return _INDEX.get(heading_key(heading))


def heading_text(value: Any) -> str:
    """A heading cell as text (a number or date heading is still a heading)."""
    return "" if value is None else " ".join(str(value).split())


def count_recognised(cells: Sequence[Any]) -> int:
    """How many cells of a row read as known headings (to find the heading row)."""
    return sum(1 for cell in cells if isinstance(cell, str) and guess_field(cell) is not None)


@dataclass
class HeadingMatch:
    """The result of matching a file's headings with the fields.

    Attributes:
        headings: every heading, in file order ("" for a column without one).
        columns: field name → column index (0-based).
        mapping: file heading → field name.
        unmapped: headings of columns that fill no field (they are ignored).
        missing: required fields no column fills.
        problems: errors found in the headings themselves.
    """

    headings: list[str]
    columns: dict[str, int] = field(default_factory=dict)
    mapping: dict[str, str] = field(default_factory=dict)
    unmapped: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)

    def heading_of(self, field_name: str) -> str | None:
        """The file heading of the column that fills ``field_name``, if any."""
        index = self.columns.get(field_name)
        return None if index is None else self.headings[index]


def check_override(override: Mapping[str, str | None]) -> None:
    """Refuse a hand-made mapping that names an unknown field.

    Raises:
        ValueError: naming the unknown field (a programming error of the caller).
    """
    for heading, name in override.items():
        if name and name not in FIELDS_BY_NAME:
            raise ValueError(f"column {heading!r} mapped to unknown field {name!r}")


def _override_for(heading: str, override: Mapping[str, str | None]) -> tuple[bool, str | None]:
    if heading in override:
        return True, override[heading] or None
    key = heading_key(heading)
    for given, name in override.items():
        if heading_key(given) == key:
            return True, name or None
    return False, None


def match_headings(
    cells: Sequence[Any],
    heading_row: int,
    *,
    override: Mapping[str, str | None] | None = None,
    optional: Sequence[str] = (),
) -> HeadingMatch:
    """Decide which column fills which field.

    Args:
        cells: the heading row's cells.
        heading_row: its Excel row number (for the problems).
        override: file heading → field name chosen by the user; ``""`` or ``None``
            ignores that column.
        optional: required fields that may lack a column this time (e.g. the
            establishment when a default is given).

    Raises:
        ValueError: ``override`` names an unknown field.
    """
    override = override or {}
    check_override(override)
    match = HeadingMatch([heading_text(cell) for cell in cells])
    for index, heading in enumerate(match.headings):
        if not heading:
            continue
        chosen, name = _override_for(heading, override)
        if not chosen:
            name = guess_field(heading)
        if name is None:
            match.unmapped.append(heading)
            continue
        if name in match.columns:
            first = match.headings[match.columns[name]]
            text = QT_TRANSLATE_NOOP(
                "errors",
                "Two columns fill “{field}”: “{first}” and “{second}”; "
                "remove one or map it to another field.",
            )
            label = FIELDS_BY_NAME[name].label
            match.problems.append(
                problem(heading_row, heading, text, field=label, first=first, second=heading)
            )
            continue
        match.columns[name] = index
        match.mapping[heading] = name
    required = [f.name for f in FIELDS if f.required and f.name not in optional]
    match.missing = [name for name in required if name not in match.columns]
    for name in match.missing:
        text = QT_TRANSLATE_NOOP(
            "errors", "No column holds “{field}”: add one, or map a column to it."
        )
        match.problems.append(problem(heading_row, None, text, field=FIELDS_BY_NAME[name].label))
    return match
