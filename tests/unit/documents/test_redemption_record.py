from dataclasses import replace
from datetime import date
from decimal import Decimal
from io import BytesIO

import pypdf
import pytest

from carceles_desktop.documents.data import PersonDocument, Signatory
from carceles_desktop.documents.redemption_data import (
    RedemptionCase,
    RedemptionMonth,
    RedemptionRecordData,
    RedemptionSignatories,
)
from carceles_desktop.documents.redemption_record import (
    render_redemption_record,
    write_redemption_record,
)
from carceles_desktop.domain.enums import DocumentType

DL_1737 = "CEP art. 46, modificado por D. Leg. 1737"
GENERAL = RedemptionCase("Caso general", DL_1737, date(2026, 2, 12), 2)
BARRED = RedemptionCase(
    "Delitos de crimen organizado (Ley 30077): no procede la redención",
    DL_1737,
    date(2026, 2, 12),
    None,
)
MONTHS = (
    RedemptionMonth(2026, 3, 21, Decimal("168")),
    RedemptionMonth(2026, 4, 20, Decimal("157.5")),
    RedemptionMonth(2026, 5, 22, Decimal("171.25")),
)


def _record(header, case=GENERAL, estimated=31, months=MONTHS, **changes):
    data = RedemptionRecordData(
        header=header,
        trainee_name="ÑAHUI NÚÑEZ, María José",
        document=PersonDocument(DocumentType.DNI, "01234567", "2025-004411"),
        establishment="E.P. de Lurigancho",
        period_from=date(2026, 3, 1),
        period_to=date(2026, 5, 31),
        months=months,
        total_valid_days=63,
        total_hours=Decimal("496.75"),
        minimum_valid_hours=Decimal(4),
        case=case,
        estimated_days=estimated,
        place="Lima",
        issued_on=date(2026, 6, 2),
        signatories=RedemptionSignatories(
            work_head=Signatory("Lic. Rosa Quispe Mamani", "Jefa del Área de Trabajo"),
            director=Signatory("Dr. Carlos Gonzáles Pérez"),
        ),
    )
    return replace(data, **changes)


def _text(pdf):
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(BytesIO(pdf)).pages)


def _flat(text):
    return " ".join(text.split())


def test_record_prints_trainee_months_totals_and_estimate(header):
    text = _text(render_redemption_record(_record(header)))
    flat = _flat(text)
    assert "ÑAHUI NÚÑEZ, María José" in text
    assert "DNI 01234567" in text
    assert "2025-004411" in text
    assert "del 1 de marzo de 2026 al 31 de mayo de 2026" in flat
    for month, days, hours in (
        ("marzo", 21, "168"),
        ("abril", 20, "157.5"),
        ("mayo", 22, "171.25"),
    ):
        assert f"{month} de 2026 {days} {hours}" in flat
    assert "Total 63 496.75" in flat
    assert "Día válido: jornada de al menos 4 horas" in flat
    assert "Caso general" in text
    assert DL_1737 in flat
    assert "12 de febrero de 2026" in text
    assert "2 días de trabajo por 1 día de pena" in flat
    assert "Días de pena redimidos (estimado)" in text
    assert "63 días válidos ÷ 2, redondeado hacia abajo" in flat
    assert "redondeado hacia abajo 31 Lima" in flat
    assert "Lima, 2 de junio de 2026" in text
    assert "Jefe de trabajo" in text
    assert "Director del establecimiento" in text


def test_record_says_it_is_an_estimate_subject_to_the_judge(header):
    flat = _flat(_text(render_redemption_record(_record(header))))
    assert "ESTIMADO, NO OFICIAL — SUJETO A APROBACIÓN JUDICIAL" in flat
    assert "No es el cómputo legal" in flat
    assert "lo elabora y firma el establecimiento penitenciario y lo aprueba el juez" in flat


def test_barred_case_prints_no_aplica_with_the_law_that_bars_it(header):
    flat = _flat(_text(render_redemption_record(_record(header, BARRED, None))))
    assert "no aplica: la ley no permite la redención" in flat
    assert f"({DL_1737})" in flat
    assert "Días de pena redimidos (estimado) no aplica" in flat
    assert "÷" not in flat


def test_estimate_warning_is_in_every_footer_of_a_long_record(header):
    months = tuple(RedemptionMonth(2020 + i // 12, i % 12 + 1, 20, Decimal(160)) for i in range(72))
    pdf = render_redemption_record(_record(header, months=months))
    pages = pypdf.PdfReader(BytesIO(pdf)).pages
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        text = _flat(page.extract_text())
        assert "ESTIMADO, NO OFICIAL — SUJETO A APROBACIÓN JUDICIAL" in text
        assert f"Página {number} de {len(pages)}" in text
    # The table heading is repeated on the next page.
    assert "Mes Días válidos Horas" in _flat(pages[1].extract_text())


def test_trainee_without_document_is_identified_by_inmate_code(header):
    person = PersonDocument(DocumentType.NONE, None, "2025-004411")
    flat = _flat(_text(render_redemption_record(_record(header, document=person))))
    assert "Documento de identidad Sin documento" in flat
    assert "Código de interno 2025-004411" in flat


def test_no_months_says_so(header):
    record = _record(header, months=(), total_valid_days=0, total_hours=Decimal(0), estimated=0)
    flat = _flat(_text(render_redemption_record(record)))
    assert "Sin trabajo registrado en el periodo." in flat
    assert "Total 0 0" in flat


def test_fonts_are_embedded_dejavu_subsets(header, pdf_fonts):
    for name, embedded in pdf_fonts(render_redemption_record(_record(header, BARRED, None))):
        assert embedded, name
        assert "+DejaVu" in name, name


def test_portrait_a4_with_metadata(header):
    reader = pypdf.PdfReader(BytesIO(render_redemption_record(_record(header))))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert reader.metadata.author == "Instituto Nacional Penitenciario (INPE)"
    assert "ÑAHUI NÚÑEZ, María José" in reader.metadata.title


def test_write_redemption_record(header, tmp_path):
    target = tmp_path / "constancia.pdf"
    write_redemption_record(_record(header), target, watermark="COPIA")
    pdf = target.read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert "COPIA" in _text(pdf)


def test_estimate_must_agree_with_the_case(header):
    with pytest.raises(ValueError, match="does not agree"):
        _record(header, BARRED, 10)
    with pytest.raises(ValueError, match="does not agree"):
        _record(header, GENERAL, None)


def test_period_must_not_be_reversed(header):
    with pytest.raises(ValueError, match="period"):
        _record(header, period_to=date(2026, 2, 1))
