from datetime import date
from decimal import Decimal
from io import BytesIO

import pypdf
import pytest
from PIL import Image

from carceles_desktop.documents.data import InstitutionHeader, PersonDocument, Signatory
from carceles_desktop.documents.planilla import render_planilla, write_planilla
from carceles_desktop.documents.planilla_data import (
    DayEntry,
    PlanillaData,
    PlanillaRow,
    PlanillaSignatories,
    month_days,
)
from carceles_desktop.documents.text import format_hours
from carceles_desktop.domain.enums import AttendanceStatus, DocumentType
from carceles_desktop.domain.rules.calendar import peru_national_holidays

PRESENT = AttendanceStatus.PRESENTE
YEAR, MONTH = 2026, 7  # July 2026: Fiestas Patrias on the 28th and 29th
DAYS = month_days(YEAR, MONTH, dict(peru_national_holidays(YEAR)))
NAMES = (
    "NÚÑEZ PEÑA, José Luis",
    "ÑAHUI QUISPE, Rosa",
    "GONZÁLES PÉREZ, María José",
)


def _entries(pattern):
    """Fill working days from a repeating pattern; Sundays and holidays stay blank."""
    entries = []
    for index, day in enumerate(DAYS):
        entries.append(None if day.is_rest_day else pattern[index % len(pattern)])
    return tuple(entries)


EIGHT_HOURS = (DayEntry(PRESENT, Decimal(8)),)


def _row(number, name, pattern=EIGHT_HOURS, document=None):
    entries = _entries(pattern)
    hours = sum((e.hours for e in entries if e), Decimal(0))
    valid = sum(1 for e in entries if e and e.hours >= 4)
    document = document or PersonDocument(DocumentType.DNI, f"{number:08d}", f"2026-{number:05d}")
    return PlanillaRow(number, name, document, entries, valid, hours)


def _planilla(header, rows):
    return PlanillaData(
        header=header,
        workshop_code="LUR-CARP-01",
        workshop_name="Carpintería en madera",
        trade="Carpintería",
        year=YEAR,
        month=MONTH,
        days=DAYS,
        rows=tuple(rows),
        minimum_valid_hours=Decimal(4),
        signatories=PlanillaSignatories(
            supervisor=Signatory("Juan Pérez Soto", "Técnico de carpintería"),
            work_head=Signatory("Lic. Rosa Quispe Mamani"),
            director=Signatory(),
        ),
        place="Lima",
        printed_on=date(2026, 8, 3),
    )


def _workshop(header, count):
    rows = [_row(n, f"APELLIDO{n:02d} MATERNO, Nombre {n}") for n in range(1, count + 1)]
    rows[:3] = [_row(n, name) for n, name in enumerate(NAMES, start=1)]
    return _planilla(header, rows)


@pytest.fixture(scope="module")
def seventy():
    header = InstitutionHeader(
        "Instituto Nacional Penitenciario", "INPE", "Oficina Regional Lima", "E.P. de Lurigancho"
    )
    return render_planilla(_workshop(header, 70))


def test_accented_names_totals_and_spanish_month_print(header, page_texts):
    mixed = (
        DayEntry(PRESENT, Decimal("7.5")),
        DayEntry(AttendanceStatus.FALTA),
        DayEntry(PRESENT, Decimal("3.5")),
        DayEntry(AttendanceStatus.JUSTIFICADA),
        DayEntry(PRESENT, Decimal(8)),
    )
    rows = [_row(1, NAMES[0], mixed), _row(2, NAMES[1]), _row(3, NAMES[2])]
    text = page_texts(render_planilla(_planilla(header, rows)))[0]
    for name in NAMES:
        assert name in text
    assert "María José" in text
    assert "julio de 2026" in text
    assert f"\n{rows[0].valid_days}\n{format_hours(rows[0].hours)}\n" in text
    assert f"\n{rows[1].valid_days}\n{format_hours(rows[1].hours)}\n" in text
    assert "7.5" in text
    assert "\nF\n" in text
    assert "\nJ\n" in text
    assert "Página 1 de 1" in text


def test_headings_and_labels_are_spanish(header, page_texts):
    text = page_texts(render_planilla(_planilla(header, [_row(1, NAMES[0])])))[0]
    for label in (
        "PLANILLA DE CONTROL LABORAL",
        "Taller",
        "LUR-CARP-01 — Carpintería en madera",
        "Oficio",
        "Mes",
        "N.°",
        "Apellidos y nombres",
        "Documento",
        "Días\nválidos",
        "Horas",
        "Firma del supervisor del taller",
        "Jefe de trabajo",
        "Director del establecimiento",
        "Día válido: jornada de al menos 4 horas",
        "Fiestas Patrias",
        "Lima, 3 de agosto de 2026",
        "Instituto Nacional Penitenciario (INPE)",
        "Oficina Regional Lima",
        "E.P. de Lurigancho",
    ):
        assert label in text, label


def test_seventy_trainees_take_three_pages_with_heading_repeated(seventy, page_texts):
    pages = page_texts(seventy)
    assert len(pages) == 3
    for number, text in enumerate(pages, start=1):
        assert f"Página {number} de 3" in text
        assert "PLANILLA DE CONTROL LABORAL" in text
        assert "Apellidos y nombres" in text
        assert "julio de 2026" in text
        assert "E.P. de Lurigancho" in text
    assert "NÚÑEZ PEÑA, José Luis" in pages[0]
    assert "Firma del supervisor del taller" not in pages[0] + pages[1]


def test_signatures_share_the_last_page_with_the_last_trainees(seventy, page_texts):
    last = page_texts(seventy)[-1]
    assert "Firma del supervisor del taller" in last
    for number in (68, 69, 70):
        assert f"APELLIDO{number} MATERNO, Nombre {number}" in last


def test_every_trainee_is_printed_exactly_once(seventy, page_texts):
    text = "\n".join(page_texts(seventy))
    for number in range(4, 71):
        assert text.count(f"APELLIDO{number:02d} MATERNO, Nombre {number}\n") == 1


def test_fonts_are_embedded_dejavu_subsets(seventy, pdf_fonts):
    for name, embedded in pdf_fonts(seventy):
        assert embedded, name
        assert "+DejaVu" in name, name


def test_metadata_names_document_institution_and_program(seventy):
    meta = pypdf.PdfReader(BytesIO(seventy)).metadata
    assert meta.title == "Planilla de control laboral — LUR-CARP-01 — julio de 2026"
    assert meta.author == "Instituto Nacional Penitenciario (INPE)"
    assert meta.creator == "Cárceles Productivas — Gestión de Talleres"


def test_long_name_and_passport_still_print_whole(header, page_texts):
    long_name = "GONZÁLES PÉREZ DE LA CRUZ Y SALAZAR, María José del Carmen Antonia"
    passport = PersonDocument(DocumentType.PASAPORTE, "AB1234567890", "2026-00009")
    rows = [_row(1, long_name, document=passport), _row(2, NAMES[1])]
    text = page_texts(render_planilla(_planilla(header, rows)))[0]
    assert " ".join(long_name.split()) in " ".join(text.split())
    assert "Pasaporte AB1234567890" in text


def test_trainee_without_document_shows_inmate_code(header, page_texts):
    none = PersonDocument(DocumentType.NONE, None, "2026-00042")
    text = page_texts(render_planilla(_planilla(header, [_row(1, NAMES[0], document=none)])))[0]
    assert "Cód. 2026-00042" in text


def test_decomposed_accents_print_composed(header, page_texts):
    decomposed = "N\u0303AHUI QUISPE, Rosa"  # N + combining tilde, as some programs paste it
    text = page_texts(render_planilla(_planilla(header, [_row(1, decomposed)])))[0]
    assert "ÑAHUI QUISPE, Rosa" in text


def test_watermark_is_drawn_only_when_asked(header, page_texts):
    data = _planilla(header, [_row(1, NAMES[0])])
    assert "ANULADA" in page_texts(render_planilla(data, watermark="ANULADA"))[0]
    assert "ANULADA" not in page_texts(render_planilla(data))[0]


def test_logo_is_drawn_and_a_missing_logo_is_reported(header, tmp_path):
    logo = tmp_path / "logo.png"
    Image.new("RGB", (60, 40), (20, 60, 140)).save(logo)
    with_logo = InstitutionHeader(**{**header.__dict__, "logo_path": logo})
    pdf = render_planilla(_planilla(with_logo, [_row(1, NAMES[0])]))
    xobjects = pypdf.PdfReader(BytesIO(pdf)).pages[0]["/Resources"]["/XObject"]
    assert any(x.get_object()["/Subtype"] == "/Image" for x in xobjects.values())
    missing = InstitutionHeader(**{**header.__dict__, "logo_path": tmp_path / "none.png"})
    with pytest.raises(FileNotFoundError, match="none.png"):
        render_planilla(_planilla(missing, [_row(1, NAMES[0])]))


def test_write_planilla_leaves_only_the_finished_file(header, tmp_path):
    target = tmp_path / "planilla.pdf"
    write_planilla(_planilla(header, [_row(1, NAMES[0])]), target)
    assert target.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["planilla.pdf"]


def test_empty_workshop_still_prints_heading_and_signatures(header, page_texts):
    text = page_texts(render_planilla(_planilla(header, [])))[0]
    assert "Apellidos y nombres" in text
    assert "Director del establecimiento" in text


@pytest.mark.parametrize(
    ("hours", "text"),
    [
        ("8.00", "8"),
        ("7.50", "7.5"),
        ("7.25", "7.25"),
        ("10", "10"),
        ("0", "0"),
        ("176.50", "176.5"),
    ],
)
def test_hours_print_compactly(hours, text):
    assert format_hours(Decimal(hours)) == text


def test_data_rejects_rows_that_do_not_match_the_month(header):
    good = _row(1, NAMES[0])
    short = PlanillaRow(2, NAMES[1], good.document, good.entries[:-1], 0, Decimal(0))
    with pytest.raises(ValueError, match="row 2"):
        _planilla(header, [good, short])


def test_data_rejects_days_of_another_month(header):
    data = _planilla(header, [])
    with pytest.raises(ValueError, match="every day"):
        PlanillaData(**{**data.__dict__, "days": month_days(YEAR, 6)})


def test_day_entry_rules_match_the_attendance_table():
    with pytest.raises(ValueError, match="hours recorded"):
        DayEntry(AttendanceStatus.FALTA, Decimal(2))
    with pytest.raises(ValueError, match="0 to 24"):
        DayEntry(PRESENT, Decimal(25))


def test_month_days_marks_sundays_and_holidays():
    days = month_days(2026, 7, {date(2026, 7, 28): "Fiestas Patrias", date(2026, 8, 6): "x"})
    assert len(days) == 31
    assert days[27].holiday == "Fiestas Patrias"
    assert [d.on.day for d in days if d.is_sunday] == [5, 12, 19, 26]
    assert sum(d.is_rest_day for d in days) == 5
    assert len(month_days(2028, 2)) == 29


def test_person_document_must_agree_with_its_type():
    with pytest.raises(ValueError, match="document"):
        PersonDocument(DocumentType.DNI, None, "2026-1")
    with pytest.raises(ValueError, match="document"):
        PersonDocument(DocumentType.NONE, "123", "2026-1")
