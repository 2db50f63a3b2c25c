"""Importing trainees from CSV and .xlsx: reading, headings, row checks, all-or-nothing."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from carceles_desktop import resources
from carceles_desktop.domain.enums import DocumentType, LegalSituation, Role, Sex
from carceles_desktop.domain.rules.text import search_key
from carceles_desktop.domain.trainees import Trainee
from carceles_desktop.domain.users import AuditEntry
from carceles_desktop.errors import NotFound, PermissionDenied, ValidationError
from carceles_desktop.services import audit
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.catalogues import find_establishment, load_catalogues
from carceles_desktop.services.trainee_import import (
    FIELDS,
    ImportCancelled,
    ImportRejected,
    UnreadableFile,
    formulas,
    import_trainees,
    read_preview,
)
from carceles_desktop.services.trainee_import.database import fast_search_key
from carceles_desktop.services.trainee_import.headings import guess_field, heading_key
from carceles_desktop.services.trainee_import.reading import decode, sniff_delimiter
from carceles_desktop.services.trainees import TraineeInput, create_trainee
from carceles_desktop.storage import migrate
from carceles_desktop.storage.engine import create_database_engine, parse_target
from carceles_desktop.storage.unit_of_work import Database

ADMIN = Actor(user_id=None, username="admin", role=Role.ADMIN)
TODAY = date(2026, 11, 30)
EST = "LURIGANCHO"

HEADINGS = [
    "Código interno",
    "Apellido paterno",
    "Apellido materno",
    "Nombres",
    "DNI",
    "Sexo",
    "Fecha de nacimiento",
    "Situación jurídica",
]
GOOD = [
    ["L-001", "Núñez", "Quispe", "José Ángel", "10117410", "M", "15/03/1985", "Sentenciado"],
    ["L-002", "Ñahui", "Cóndor", "María Peña", "41234567", "F", "02/11/1990", "Procesada"],
    ["L-003", "Huamán", "", "Óscar", "04417552", "Masculino", "1979-07-22", "sentenciado"],
]


# ----------------------------------------------------------------- helpers


@pytest.fixture
def db(database: Database) -> Database:
    with database.unit_of_work() as uow:
        load_catalogues(uow, ADMIN, holiday_years=range(2026, 2027))
        uow.commit()
    return database


def write_csv(
    path: Path,
    rows: list[list[Any]],
    *,
    headings: list[str] = HEADINGS,
    encoding: str = "utf-8",
    delimiter: str = ",",
) -> Path:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headings)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list[Any]], *, headings: list[str] = HEADINGS) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(headings)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def preview(db: Database, path: Path, **options: Any):  # type: ignore[no-untyped-def]
    options.setdefault("establishment_code", EST)
    with db.unit_of_work(read_only=True) as uow:
        return read_preview(uow, ADMIN, path, today=TODAY, **options)


def run_import(db: Database, path: Path, **options: Any):  # type: ignore[no-untyped-def]
    options.setdefault("establishment_code", EST)
    with db.unit_of_work() as uow:
        result = import_trainees(uow, ADMIN, path, today=TODAY, **options)
        uow.commit()
    return result


def stored(db: Database) -> list[Trainee]:
    with db.unit_of_work(read_only=True) as uow:
        people = list(uow.session.scalars(select(Trainee).order_by(Trainee.inmate_code)))
        uow.session.expunge_all()  # keep their loaded values after the unit closes
        return people


def count_trainees(db: Database) -> int:
    with db.unit_of_work(read_only=True) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(Trainee)) or 0)


def errors_of(result: Any) -> list[tuple[int, str | None]]:
    return [(p.row, p.column) for p in result.problems if p.is_error]


# ----------------------------------------------------------------- encodings and delimiters


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
@pytest.mark.parametrize("delimiter", [",", ";"])
def test_csv_in_each_encoding_and_delimiter_keeps_accented_names(
    db: Database, tmp_path: Path, encoding: str, delimiter: str
) -> None:
    path = write_csv(tmp_path / "internos.csv", GOOD, encoding=encoding, delimiter=delimiter)
    result = preview(db, path)
    assert result.ok, result.problems
    assert (result.encoding, result.delimiter) == (encoding, delimiter)
    assert result.rows_read == result.valid_rows == 3
    assert run_import(db, path).imported == 3
    names = [(t.paternal_surname, t.maternal_surname, t.given_names) for t in stored(db)]
    assert names == [
        ("Núñez", "Quispe", "José Ángel"),
        ("Ñahui", "Cóndor", "María Peña"),
        ("Huamán", "", "Óscar"),
    ]


def test_unicode_text_with_tabs_is_read(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "internos.txt", GOOD, encoding="utf-16", delimiter="\t")
    result = preview(db, path)
    assert result.ok, result.problems
    assert result.delimiter == "\t"


def test_decoding_prefers_utf8_then_cp1252() -> None:
    assert decode("Núñez".encode()) == ("Núñez", "utf-8")
    assert decode("Núñez “Ñahui”".encode("cp1252")) == ("Núñez “Ñahui”", "cp1252")
    assert decode(b"\xef\xbb\xbfA") == ("A", "utf-8-sig")
    assert decode(b"\x81\x8d") == ("\x81\x8d", "latin-1")


def test_delimiter_is_sniffed_outside_quotes() -> None:
    assert sniff_delimiter('"Apellido, paterno";Nombres;DNI') == ";"
    assert sniff_delimiter("Apellido paterno,Nombres") == ","
    assert sniff_delimiter("Nombres") == ","


def test_excel_separator_line_is_honoured_and_not_counted(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "sep.csv"
    rows = [*GOOD[:1], ["L-009", "Rojas", "", "", "10117410", "M", "01/01/1980", "Procesado"]]
    write_csv(path, rows, delimiter=";")
    path.write_bytes(b"sep=;\r\n" + path.read_bytes())
    result = preview(db, path)
    assert result.delimiter == ";"
    # Excel hides the sep= line: the headings are row 1, the second person row 3.
    assert (3, "Nombres") in errors_of(result)


def test_garbled_accents_are_refused(db: Database, tmp_path: Path) -> None:
    rows = [["L-001", "NÃºÃ±ez", "", "JosÃ©", "10117410", "M", "", "Procesado"]]
    path = write_csv(tmp_path / "doble.csv", rows)
    result = preview(db, path)
    assert errors_of(result) == [(2, "Apellido paterno"), (2, "Nombres")]


# ----------------------------------------------------------------- headings


@pytest.mark.parametrize(
    ("heading", "field"),
    [
        ("Apellido paterno", "paternal_surname"),
        ("APELLIDO MATERNO", "maternal_surname"),
        ("nombres", "given_names"),
        ("Tipo de documento", "doc_type"),
        ("DNI", "doc_number"),
        ("N° documento", "doc_number"),
        ("Nº de Documento", "doc_number"),
        ("Nro. documento", "doc_number"),
        ("Fecha de Nacimiento (dd/mm/aaaa)", "birth_date"),
        ("Fec. nac.", "birth_date"),
        ("SEXO", "sex"),
        ("Fecha de ingreso", "admission_date"),
        ("Código interno", "inmate_code"),
        ("Codigo Interno", "inmate_code"),
        ("Situación jurídica", "legal_situation"),
        ("Establecimiento", "establishment"),
        ("paternal_surname", "paternal_surname"),
        ("Observaciones", None),
    ],
)
def test_usual_headings_are_recognised(heading: str, field: str | None) -> None:
    assert guess_field(heading) == field


def test_every_field_label_is_recognised_and_fields_are_distinct() -> None:
    assert len({f.name for f in FIELDS}) == len(FIELDS)
    for item in FIELDS:
        assert guess_field(item.label) == item.name, item.label
    assert heading_key("  N°   Documento ") == "numero documento"


def test_unrecognised_heading_is_listed_then_mapped_by_hand(db: Database, tmp_path: Path) -> None:
    headings = ["Apellido 1", *HEADINGS[:1], *HEADINGS[2:], "Observaciones"]
    rows = [[r[1], r[0], *r[2:], "ninguna"] for r in GOOD]
    path = write_csv(tmp_path / "raro.csv", rows, headings=headings)
    result = preview(db, path)
    assert result.unmapped_headings == ["Apellido 1", "Observaciones"]
    assert result.missing_required_fields == ["paternal_surname"]
    assert not result.ok
    assert result.valid_rows == 0
    assert result.rows_read == 3
    mapped = preview(db, path, mapping_override={"Apellido 1": "paternal_surname"})
    assert mapped.ok, mapped.problems
    assert mapped.mapping["Apellido 1"] == "paternal_surname"
    assert [p.column for p in mapped.warnings] == ["Observaciones"]
    run_import(db, path, mapping_override={"apellido 1": "paternal_surname"})
    assert [t.paternal_surname for t in stored(db)] == ["Núñez", "Ñahui", "Huamán"]


def test_a_mapping_can_ignore_a_column_and_must_name_real_fields(
    db: Database, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "a.csv", GOOD)
    result = preview(db, path, mapping_override={"Nombres": ""})
    assert result.missing_required_fields == ["given_names"]
    with pytest.raises(ValueError, match="unknown field"):
        preview(db, path, mapping_override={"Nombres": "nombre_completo"})


def test_two_columns_for_one_field_are_an_error(db: Database, tmp_path: Path) -> None:
    headings = [*HEADINGS, "N° documento"]
    path = write_csv(tmp_path / "a.csv", [[*r, r[4]] for r in GOOD], headings=headings)
    assert errors_of(preview(db, path)) == [(1, "N° documento")]


def test_title_rows_above_the_headings_keep_excel_row_numbers(db: Database, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Relación de internos del taller de carpintería"])
    sheet.append([])
    sheet.append(HEADINGS)
    sheet.append(GOOD[0])
    sheet.append([])  # a blank row between groups is skipped, not counted
    sheet.append(["L-002", "Rojas", "", "", "41234567", "F", "", "Procesado"])
    workbook.save(tmp_path / "titulo.xlsx")
    result = preview(db, tmp_path / "titulo.xlsx")
    assert result.heading_row == 3
    assert result.rows_read == 2
    assert errors_of(result) == [(6, "Nombres")]


def test_the_sheet_with_the_headings_is_read(db: Database, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.title = "Léame"
    workbook.active.append(["Llene la hoja Internos; no cambie los encabezados."])
    sheet = workbook.create_sheet("Internos")
    sheet.append(HEADINGS)
    sheet.append(GOOD[0])
    workbook.save(tmp_path / "hojas.xlsx")
    result = preview(db, tmp_path / "hojas.xlsx")
    assert result.sheet == "Internos"
    assert result.valid_rows == 1


# ----------------------------------------------------------------- xlsx cells


def test_numeric_dni_cells_get_their_zeros_back_with_a_warning(
    db: Database, tmp_path: Path
) -> None:
    rows = [
        ["L-001", "Quispe", "", "Ana", 4417552, "F", datetime(1980, 1, 2), "Procesado"],
        ["L-002", "Rojas", "", "Luis", 41234567.0, "M", date(1975, 5, 6), "Sentenciado"],
    ]
    path = write_xlsx(tmp_path / "ceros.xlsx", rows)
    result = preview(db, path)
    assert result.ok, result.problems
    assert [(p.row, p.column, p.severity) for p in result.problems] == [(2, "DNI", "warning")]
    assert "04417552" in result.problems[0].message
    imported = run_import(db, path)
    assert len(imported.warnings) == 1
    people = stored(db)
    assert [t.doc_number for t in people] == ["04417552", "41234567"]
    assert [t.birth_date for t in people] == [date(1980, 1, 2), date(1975, 5, 6)]


def test_short_dni_in_a_csv_is_restored_but_a_short_text_cell_in_xlsx_is_an_error(
    db: Database, tmp_path: Path
) -> None:
    row = ["L-001", "Quispe", "", "Ana", "4417552", "F", "", "Procesado"]
    from_csv = preview(db, write_csv(tmp_path / "a.csv", [row]))
    assert from_csv.ok
    assert [p.severity for p in from_csv.problems] == ["warning"]
    from_xlsx = preview(db, write_xlsx(tmp_path / "a.xlsx", [row]))
    assert errors_of(from_xlsx) == [(2, "DNI")]


def test_formula_without_a_saved_value_is_an_error(db: Database, tmp_path: Path) -> None:
    rows = [GOOD[0], ["L-002", "Rojas", "", '=UPPER("ana")', "41234567", "F", "", "Procesado"]]
    result = preview(db, write_xlsx(tmp_path / "formula.xlsx", rows))
    assert errors_of(result) == [(3, "Nombres")]
    assert "formula" in result.errors[0].message


def _with_cached_value(path: Path, cell: str, value: str) -> None:
    """Make the formula in ``cell`` carry a saved value, as Excel would write it."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    start = sheet.index(f'<c r="{cell}"')
    end = sheet.index("</c>", start)
    formula_end = sheet.index("</f>", start) + len("</f>")
    formula = sheet[sheet.index("<f>", start) : formula_end]
    sheet = f'{sheet[:start]}<c r="{cell}" t="str">{formula}<v>{value}</v>{sheet[end:]}'
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_formula_with_a_saved_value_is_read_as_that_value(db: Database, tmp_path: Path) -> None:
    rows = [["L-002", "Rojas", "", '=PROPER("ana")', "41234567", "F", "", "Procesado"]]
    path = write_xlsx(tmp_path / "formula.xlsx", rows)
    _with_cached_value(path, "D2", "Ana")
    result = preview(db, path)
    assert result.ok, result.problems
    run_import(db, path)
    assert stored(db)[0].given_names == "Ana"


SHEET = (
    '<?xml version="1.0"?><x:worksheet xmlns:x="urn:main" xmlns:xm="urn:xm">'
    '<x:cols><x:col min="1" max="2"/></x:cols><x:sheetData>'
    '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row>'
    '<x:row r="2"><x:c r="A2"><x:f>1+1</x:f><x:v>2</x:v></x:c>'  # calculated
    '<x:c r="B2"><x:f>1+1</x:f><x:v /></x:c>'  # openpyxl: not calculated
    '<x:c r="C2" t="str"><x:f>IF(1,"","")</x:f><x:v></x:v></x:c>'  # calculated ""
    '<x:c r="D2"><x:f t="shared" si="0"/></x:c>'  # no value at all
    '<x:c r="E2"><x:f>2</x:f><x:v/></x:c>'
    '<x:c r="AA2" t="inlineStr"><x:f>A1</x:f><x:is><x:t>a</x:t></x:is></x:c></x:row>'
    "</x:sheetData><x:extLst><xm:f>Listas!$A$1:$A$2</xm:f></x:extLst></x:worksheet>"
)


def test_formula_search_handles_prefixes_types_and_shared_formulas() -> None:
    wanted = frozenset({(2, 1), (2, 3), (2, 4)})
    assert formulas.formula_cells_without_value(SHEET.encode()) == wanted
    assert formulas._walk(SHEET.encode()) == wanted
    # A cell without its reference cannot be searched as bytes: the walk takes over.
    unreferenced = SHEET.replace('<x:c r="D2">', "<x:c >").encode()
    assert formulas._scan(unreferenced, 0, len(unreferenced)) is None
    assert formulas.formula_cells_without_value(unreferenced) == wanted
    no_formulas = '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>'
    assert formulas.formula_cells_without_value(no_formulas.encode()) == frozenset()


def test_codes_that_excel_turned_into_dates_are_errors(db: Database, tmp_path: Path) -> None:
    rows = [[datetime(2026, 12, 3), "Quispe", "", "Ana", date(2026, 1, 5), "F", "", "Procesado"]]
    result = preview(db, write_xlsx(tmp_path / "a.xlsx", rows))
    assert errors_of(result) == [(2, "Código interno"), (2, "DNI")]
    assert "03/12/2026" in result.errors[0].message


def test_excel_error_values_are_errors(db: Database, tmp_path: Path) -> None:
    rows = [["L-001", "Quispe", "", "Ana", "#N/A", "F", "#VALUE!", "Procesado"]]
    rows.append(["L-002", "Rojas", "", "#¿NOMBRE?", "41234567", "F", " #¡VALOR! ", "Procesado"])
    result = preview(db, write_csv(tmp_path / "a.csv", rows))
    assert errors_of(result) == [
        (2, "DNI"),
        (2, "Fecha de nacimiento"),
        (3, "Nombres"),
        (3, "Fecha de nacimiento"),
    ]
    assert "#N/A" in result.errors[0].message
    assert "#¡VALOR!" in result.errors[3].message


# ----------------------------------------------------------------- row checks


@pytest.mark.parametrize(
    ("cell", "wanted"),
    [
        ("31/02/1990", "does not exist"),
        ("15/03/85", "dd/mm/yyyy"),
        ("marzo 1985", "dd/mm/yyyy"),
        ("1985-13-01", "does not exist"),
    ],
)
def test_unreadable_dates_are_errors(db: Database, tmp_path: Path, cell: str, wanted: str) -> None:
    row = ["L-001", "Quispe", "", "Ana", "10117410", "F", cell, "Procesado"]
    result = preview(db, write_csv(tmp_path / "a.csv", [row]))
    assert errors_of(result) == [(2, "Fecha de nacimiento")]
    assert wanted in result.errors[0].message


def test_dates_are_checked_like_the_form_and_shown_day_first(db: Database, tmp_path: Path) -> None:
    headings = [*HEADINGS, "Fecha de ingreso"]
    rows = [
        ["L-001", "Quispe", "", "Ana", "10117410", "F", "01/01/2015", "Procesado", "01/01/2020"],
        ["L-002", "Rojas", "", "Luis", "41234567", "M", "01/01/1980", "Procesado", "01/12/2026"],
        ["L-003", "Paz", "", "Eva", "", "F", "01/01/1899", "Procesado", ""],
    ]
    result = preview(db, write_csv(tmp_path / "a.csv", rows, headings=headings))
    assert errors_of(result) == [
        (2, "Fecha de nacimiento"),
        (3, "Fecha de ingreso"),
        (4, "Fecha de nacimiento"),
    ]
    assert "01/01/2015" in result.errors[0].message  # under age: dd/mm/yyyy, not ISO
    assert "01/12/2026" in result.errors[1].message  # in the future


def test_missing_name_and_invalid_dni_are_errors(db: Database, tmp_path: Path) -> None:
    rows = [
        ["L-001", "Quispe", "", "", "10117410", "F", "", "Procesado"],
        ["L-002", "", "", "Luis", "4123456A", "M", "", "Procesado"],
        ["L-003", "Paz", "", "Eva", "123456789", "F", "", "Procesado"],
        ["", "Rojas", "", "Rosa", "", "F", "", "Procesado"],
    ]
    result = preview(db, write_csv(tmp_path / "a.csv", rows))
    assert errors_of(result) == [
        (2, "Nombres"),
        (3, "Apellido paterno"),
        (3, "DNI"),
        (4, "DNI"),
        (5, "Código interno"),
    ]
    assert result.rows_read == 4
    assert result.valid_rows == 0


def test_coded_values_accept_the_usual_spellings(db: Database, tmp_path: Path) -> None:
    headings = [*HEADINGS, "Tipo de documento", "Primario"]
    rows = [
        ["L-1", "Paz", "", "Eva", "", "femenino", "", "SENTENCIADA", "", "no"],
        ["L-2", "Paz", "", "Ana", "", "H", "", "p", "", ""],
        ["L-3", "Paz", "", "Rut", "x12345", "Mujer", "", "Condenada", "Carné de Extranjería", "Sí"],
        ["L-4", "Paz", "", "Leo", "ab123", "Varón", "", "Procesado", "PASAPORTE", "x"],
    ]
    path = write_csv(tmp_path / "a.csv", rows, headings=headings)
    assert preview(db, path).ok
    run_import(db, path)
    got = [
        (t.sex, t.legal_situation, t.doc_type, t.doc_number, t.first_offender) for t in stored(db)
    ]
    assert got == [
        (Sex.FEMALE, LegalSituation.SENTENCIADO, DocumentType.NONE, None, False),
        (Sex.MALE, LegalSituation.PROCESADO, DocumentType.NONE, None, True),
        (Sex.FEMALE, LegalSituation.SENTENCIADO, DocumentType.CARNE_EXTRANJERIA, "X12345", True),
        (Sex.MALE, LegalSituation.PROCESADO, DocumentType.PASAPORTE, "AB123", True),
    ]


def test_unknown_codes_and_empty_required_choices_are_errors(db: Database, tmp_path: Path) -> None:
    headings = [*HEADINGS, "Tipo de documento"]
    rows = [
        ["L-1", "Paz", "", "Eva", "", "X", "", "libre", "ninguno"],
        ["L-2", "Paz", "", "Ana", "12", "", "", "", "licencia"],
    ]
    result = preview(db, write_csv(tmp_path / "a.csv", rows, headings=headings))
    assert errors_of(result) == [
        (2, "Sexo"),
        (2, "Situación jurídica"),
        (3, "Sexo"),
        (3, "Situación jurídica"),
        (3, "Tipo de documento"),
    ]


def test_duplicates_inside_the_file_name_the_first_row(db: Database, tmp_path: Path) -> None:
    rows = [*GOOD, ["L-001", "Paz", "", "Eva", "", "F", "", "Procesado"]]
    rows.append(["L-009", "Paz", "", "Ana", "10117410", "F", "", "Procesado"])
    result = preview(db, write_csv(tmp_path / "a.csv", rows))
    assert errors_of(result) == [(5, "Código interno"), (6, "DNI")]
    assert ["row 2" in p.message for p in result.errors] == [True, True]


def test_duplicates_against_the_database_are_errors(db: Database, tmp_path: Path) -> None:
    with db.unit_of_work() as uow:
        create_trainee(
            uow,
            ADMIN,
            TraineeInput(
                establishment_code=EST,
                inmate_code="L-001",
                doc_type=DocumentType.NONE,
                doc_number=None,
                paternal_surname="Antiguo",
                given_names="Pedro",
                sex=Sex.MALE,
                legal_situation=LegalSituation.SENTENCIADO,
            ),
            today=TODAY,
        )
        create_trainee(
            uow,
            ADMIN,
            TraineeInput(
                establishment_code=EST,
                inmate_code="X-100",
                doc_type=DocumentType.DNI,
                doc_number="41234567",
                paternal_surname="Previo",
                given_names="Juan",
                sex=Sex.MALE,
                legal_situation=LegalSituation.PROCESADO,
            ),
            today=TODAY,
        )
        uow.commit()
    path = write_csv(tmp_path / "a.csv", GOOD)
    result = preview(db, path)
    assert errors_of(result) == [(2, "Código interno"), (3, "DNI")]
    assert "Antiguo, Pedro (L-001)" in result.errors[0].message
    assert "Previo, Juan (X-100)" in result.errors[1].message
    # The same people in another establishment are no duplicates.
    assert preview(db, path, establishment_code="CHICLAYO").ok


# ----------------------------------------------------------------- all or nothing


def test_a_bad_last_row_stops_everything_and_is_named(db: Database, tmp_path: Path) -> None:
    rows = [[f"L-{i:03d}", "Quispe", "", "Ana", "", "F", "", "Procesado"] for i in range(1, 300)]
    rows.append(["L-999", "Quispe", "", "Ana", "", "F", "30/02/1990", "Procesado"])
    path = write_xlsx(tmp_path / "largo.xlsx", rows)
    with pytest.raises(ImportRejected) as caught:
        run_import(db, path)
    assert isinstance(caught.value, ValidationError)
    assert [(p.row, p.column) for p in caught.value.problems] == [(301, "Fecha de nacimiento")]
    assert caught.value.row == 301
    assert "row 301" in str(caught.value)
    assert count_trainees(db) == 0
    with db.unit_of_work(read_only=True) as uow:
        assert uow.session.scalar(select(func.count()).where(AuditEntry.entity == "trainee")) == 0


def test_import_writes_every_field_and_one_audit_entry(db: Database, tmp_path: Path) -> None:
    headings = [*HEADINGS, "Tipo de documento", "Fecha de ingreso", "Nacionalidad", "Primario"]
    rows = [[*GOOD[0], "DNI", "02/06/2019", "peruana", "No"], [*GOOD[1], "", "", "", ""]]
    path = write_csv(tmp_path / "internos.csv", rows, headings=headings)
    result = run_import(db, path)
    assert (result.imported, result.by_establishment) == (2, {EST: 2})
    first, second = stored(db)
    with db.unit_of_work(read_only=True) as uow:
        est_id = find_establishment(uow, EST).id
    assert (first.establishment_id, first.inmate_code, first.doc_type) == (
        est_id,
        "L-001",
        DocumentType.DNI,
    )
    assert (first.admission_date, first.nationality, first.first_offender) == (
        date(2019, 6, 2),
        "peruana",
        False,
    )
    assert (second.nationality, second.first_offender) == ("Peruana", True)
    assert first.search_key == search_key("Núñez", "Quispe", "José Ángel", "10117410", "L-001")
    assert first.uuid != second.uuid
    assert first.created_at == first.updated_at
    with db.unit_of_work(read_only=True) as uow:
        query = select(AuditEntry.action, AuditEntry.summary, AuditEntry.changes)
        entries = list(uow.session.execute(query.where(AuditEntry.entity == "trainee")))
        assert audit.verify_chain(uow).intact
    assert [entry.action for entry in entries] == ["import"]
    assert "2 trainees from internos.csv" in entries[0].summary
    assert '"count": 2' in entries[0].changes
    assert '"sha256": "' in entries[0].changes
    assert "Núñez" not in entries[0].changes  # no personal data in the log


def test_establishment_column_chooses_per_row(db: Database, tmp_path: Path) -> None:
    headings = [*HEADINGS, "Establecimiento"]
    rows = [
        [*GOOD[0], "E.P. de Chiclayo"],
        [*GOOD[1], ""],
        [*GOOD[2], "Penal de Nowhere"],
    ]
    path = write_csv(tmp_path / "a.csv", rows, headings=headings)
    result = preview(db, path)
    assert errors_of(result) == [(4, "Establecimiento")]
    del rows[2]
    write_csv(path, rows, headings=headings)
    assert run_import(db, path).by_establishment == {"CHICLAYO": 1, EST: 1}


def test_without_any_establishment_the_file_is_refused(db: Database, tmp_path: Path) -> None:
    result = preview(db, write_csv(tmp_path / "a.csv", GOOD), establishment_code=None)
    assert result.missing_required_fields == ["establishment"]
    assert errors_of(result) == [(1, None)]
    with pytest.raises(NotFound):
        preview(db, tmp_path / "a.csv", establishment_code="NO-EXISTE")


def test_permissions_are_checked(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", GOOD)
    consulta = Actor(user_id=None, username="c", role=Role.CONSULTA)
    with db.unit_of_work(read_only=True) as uow:
        with pytest.raises(PermissionDenied):
            read_preview(uow, consulta, path, establishment_code=EST)
        other = find_establishment(uow, "CHICLAYO").id
        bound = Actor(user_id=None, username="s", role=Role.SUPERVISOR, establishment_id=other)
        with pytest.raises(PermissionDenied):
            read_preview(uow, bound, path, establishment_code=EST)
        # His own establishment is his default.
        assert read_preview(uow, bound, path, today=TODAY).establishment_code == "CHICLAYO"


def test_cancel_and_progress(db: Database, tmp_path: Path) -> None:
    rows = [[f"L-{i:04d}", "Paz", "", "Eva", "", "F", "", "Procesado"] for i in range(1200)]
    path = write_csv(tmp_path / "a.csv", rows)
    seen: list[tuple[int, int]] = []
    result = preview(db, path, progress=lambda done, total: seen.append((done, total)))
    assert result.valid_rows == 1200
    assert seen
    assert all(0 <= done <= total for done, total in seen)
    assert [done / total for done, total in seen] == sorted(d / t for d, t in seen)
    with pytest.raises(ImportCancelled):
        run_import(db, path, should_cancel=lambda: True)
    assert count_trainees(db) == 0


# ----------------------------------------------------------------- unreadable files


@pytest.mark.parametrize(
    ("content", "wanted"),
    [
        (b"", "empty"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".xls"),
        (b"PK\x03\x04 not really a zip" * 10, "damaged"),
        (b"\x00\x01\x02binary\x00" * 10, "neither"),
    ],
)
def test_files_that_cannot_be_read_are_refused(
    db: Database, tmp_path: Path, content: bytes, wanted: str
) -> None:
    path = tmp_path / "malo.xlsx"
    path.write_bytes(content)
    with pytest.raises(UnreadableFile, match=wanted):
        preview(db, path)


def test_missing_file_and_headings_only(db: Database, tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile):
        preview(db, tmp_path / "no-existe.csv")
    result = preview(db, write_csv(tmp_path / "a.csv", []))
    assert errors_of(result) == [(1, None)]
    (tmp_path / "b.csv").write_text("\n\n", encoding="utf-8")
    assert errors_of(preview(db, tmp_path / "b.csv")) == [(1, None)]


# ----------------------------------------------------------------- shipped examples


def test_the_shipped_examples_import_cleanly_and_agree(db: Database) -> None:
    names = []
    for name in ("internos_ejemplo.csv", "internos_ejemplo.xlsx"):
        path = resources.path(f"examples/{name}")
        result = preview(db, path)
        assert not result.problems, (name, result.problems)
        assert not result.unmapped_headings
        names.append(result)
    assert names[0].headings == names[1].headings
    assert names[0].valid_rows == names[1].valid_rows >= 5
    run_import(db, resources.path("examples/internos_ejemplo.xlsx"))
    people = stored(db)
    assert any(t.doc_number and t.doc_number.startswith("0") for t in people)
    assert any("ñ" in t.paternal_surname.lower() for t in people)
    assert {t.doc_type for t in people} == set(DocumentType)


# ----------------------------------------------------------------- search key


@given(st.lists(st.one_of(st.none(), st.text(max_size=12)), min_size=1, max_size=5))
def test_fast_search_key_equals_the_rule(parts: list[str | None]) -> None:
    assert fast_search_key(*parts) == search_key(*parts)


# ----------------------------------------------------------------- PostgreSQL


@pytest.mark.postgres
def test_the_import_works_on_postgresql(fresh_postgres_url: str, tmp_path: Path) -> None:
    engine = create_database_engine(parse_target(fresh_postgres_url))
    migrate.prepare(engine)
    pg = Database(parse_target(fresh_postgres_url), engine)
    try:
        with pg.unit_of_work() as uow:
            load_catalogues(uow, ADMIN, holiday_years=range(2026, 2027))
            uow.commit()
        first = [*GOOD[0][:4], 7654321, *GOOD[0][5:]]
        path = write_xlsx(tmp_path / "a.xlsx", [first, *GOOD[1:]])
        assert run_import(pg, path).imported == 3
        assert [t.doc_number for t in stored(pg)] == ["07654321", "41234567", "04417552"]
        with pytest.raises(ImportRejected):
            run_import(pg, path)
        with pg.unit_of_work(read_only=True) as uow:
            assert audit.verify_chain(uow).intact
    finally:
        pg.dispose()
