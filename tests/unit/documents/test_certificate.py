import dataclasses
import io
import re
import shutil
import subprocess
from datetime import date
from decimal import Decimal

import pypdf
import pytest
from PIL import Image
from reportlab.pdfbase.pdfmetrics import stringWidth

from carceles_desktop.documents import fonts
from carceles_desktop.documents.certificate import (
    Cancelled,
    render_certificate,
    render_certificates,
    write_certificates,
)
from carceles_desktop.documents.certificate_data import (
    CertificateData,
    CertificateSignatories,
    CertificateTitle,
    Competency,
)
from carceles_desktop.documents.data import InstitutionHeader, PersonDocument, Signatory
from carceles_desktop.documents.qr import find_qr_texts
from carceles_desktop.documents.text import balanced_lines, spanish_period, wrap_runs
from carceles_desktop.domain.enums import CertificateState, DocumentType

NAME = "NÚÑEZ PEÑA, José María Ñahui"
QR_TEXT = "CP1.EP-LURIGANCHO-2026-000123.K1.MEUCIQDx5Yk3b2Vx9wq8nHcE0bYp2yQ9zZP4mA1sW8tXc0jJk"


def _certificate(header, number=123, **changes):
    values = dict(
        header=header,
        title=CertificateTitle.CERTIFICADO,
        number=f"EP-LURIGANCHO-2026-{number:06d}",
        book_folio="Libro 2, folio 45",
        trainee_name=NAME,
        document=PersonDocument(DocumentType.DNI, "01234567", "2026-00012"),
        trade="Carpintería en madera",
        competencies=(
            Competency("Preparación y lijado de superficies", Decimal(40)),
            Competency("Ensamble de muebles", Decimal(60)),
            Competency("Acabados con laca", Decimal("20.5")),
        ),
        total_hours=Decimal("120.5"),
        start=date(2026, 3, 1),
        end=date(2026, 8, 30),
        grade=Decimal(16),
        place="Lima",
        issued_on=date(2026, 11, 30),
        signatories=CertificateSignatories(
            director=Signatory("Dr. Carlos Rodríguez Huamán", "Director"),
            work_head=Signatory("Lic. Rosa Quispe Mamani", "Jefa del Área de Trabajo"),
            instructor=Signatory("Juan Pérez Soto", "Técnico en carpintería"),
        ),
        qr_text=QR_TEXT.replace("000123", f"{number:06d}"),
        partner="Muebles Peñaranda S.A.C.",
        verify_where="www.inpe.gob.pe/verificar",
    )
    values.update(changes)
    return CertificateData(**values)


def _flat(text):
    return " ".join(text.split())


@pytest.fixture(scope="module")
def one_pdf():
    header = InstitutionHeader(
        "Instituto Nacional Penitenciario", "INPE", "Oficina Regional Lima", "E.P. de Lurigancho"
    )
    return render_certificate(_certificate(header))


def test_name_prints_exactly_with_its_accents(one_pdf, page_texts):
    (text,) = page_texts(one_pdf)
    assert f"\n{NAME}\n" in text


def test_certificate_prints_its_record(one_pdf, page_texts):
    (text,) = page_texts(one_pdf)
    flat = _flat(text)
    expected = [
        "INSTITUTO NACIONAL PENITENCIARIO",
        "Oficina Regional Lima",
        "CERTIFICADO",
        "DE CAPACITACIÓN",
        "N.° EP-LURIGANCHO-2026-000123",
        "Registro: Libro 2, folio 45",
        "La Dirección del E.P. de Lurigancho otorga el presente certificado a:",
        "DNI 01234567",
        "capacitación en Carpintería en madera, con una duración de 120.5 horas,",
        "del 1 de marzo al 30 de agosto de 2026",
        "con resultado aprobado y calificación de 16 (dieciséis)",
        "con la participación de Muebles Peñaranda S.A.C.",
        "Lima, 30 de noviembre de 2026",
        "Dr. Carlos Rodríguez Huamán",
        "Director del establecimiento",
        "Lic. Rosa Quispe Mamani",
        "Jefe de trabajo",
        "Juan Pérez Soto",
        "Instructor del taller",
        "Verifique este certificado escaneando el código QR con el programa "
        "Cárceles Productivas o en www.inpe.gob.pe/verificar",
        # Discreetly, what it is not.
        "No es un título ni un certificado de estudios del Ministerio de Educación (CETPRO) "
        "ni un certificado de competencias laborales del Ministerio de Trabajo",
    ]
    for piece in expected:
        assert piece in flat, piece
    assert "S.A.C.." not in flat


def test_competencies_print_with_their_hours(one_pdf, page_texts):
    (text,) = page_texts(one_pdf)
    flat = _flat(text.replace("\xa0", " "))
    assert "Módulos y competencias:" in flat
    for item in ("Preparación y lijado de superficies (40 h)", "Ensamble de muebles (60 h)"):
        assert item in flat
    assert "Acabados con laca (20.5 h)." in flat


def test_fonts_are_embedded(one_pdf, pdf_fonts):
    found = pdf_fonts(one_pdf)
    names = {name.split("+")[-1] for name, _ in found}
    assert {"DejaVuSerif-Bold", "DejaVuSerif", "DejaVuSans"} <= names
    assert all(embedded for _name, embedded in found), found


def test_metadata_names_the_certificate(one_pdf):
    metadata = pypdf.PdfReader(io.BytesIO(one_pdf)).metadata
    assert metadata.title == "Certificado de capacitación — EP-LURIGANCHO-2026-000123"
    assert metadata.author == "Instituto Nacional Penitenciario (INPE)"


def test_one_page_per_certificate_in_order(header, page_texts):
    items = [_certificate(header, number=n, trainee_name=f"ÁLVAREZ {n}, Iñigo") for n in (1, 2, 3)]
    pages = page_texts(render_certificates(items))
    assert len(pages) == 3
    for n, text in enumerate(pages, start=1):
        assert f"ÁLVAREZ {n}, Iñigo" in text
        assert f"N.° EP-LURIGANCHO-2026-{n:06d}" in text


def test_constancia_without_grade_document_or_instructor(header, page_texts):
    data = _certificate(
        header,
        title=CertificateTitle.CONSTANCIA,
        document=PersonDocument(DocumentType.NONE, None, "2026-00077"),
        grade=None,
        partner=None,
        competencies=(),
        book_folio=None,
        signatories=CertificateSignatories(Signatory("Dr. Carlos Rodríguez"), Signatory()),
        start=date(2025, 12, 1),
    )
    (text,) = page_texts(render_certificate(data))
    flat = _flat(text)
    assert "CONSTANCIA" in flat
    assert "otorga la presente constancia a:" in flat
    assert "Verifique esta constancia" in flat
    assert "Código de interno N.° 2026-00077" in flat
    assert "del 1 de diciembre de 2025 al 30 de agosto de 2026" in flat
    assert "con resultado aprobado." in flat
    for absent in ("calificación", "Módulos", "Registro:", "Instructor", "participación"):
        assert absent not in flat


def test_annulled_certificate_is_marked(header, page_texts):
    data = _certificate(header, state=CertificateState.ANULADO)
    (text,) = page_texts(render_certificate(data))
    assert "ANULADO" in text
    (valid,) = page_texts(render_certificate(_certificate(header)))
    assert "ANULADO" not in valid
    assert "DUPLICADO" not in valid


def test_replaced_certificate_is_marked(header, page_texts):
    data = _certificate(header, state=CertificateState.REEMPLAZADO)
    (text,) = page_texts(render_certificate(data))
    assert "REEMPLAZADO" in text


def test_reprint_is_marked_duplicate_with_its_date(header, page_texts):
    data = _certificate(header, reprinted_on=date(2026, 12, 3))
    (text,) = page_texts(render_certificate(data))
    assert "DUPLICADO — reimpreso el 3 de diciembre de 2026" in text


def test_long_name_goes_on_two_lines_without_loss(header, page_texts):
    name = "HUAMANÍ CCORIMANYA DE LA CRUZ, María de los Ángeles Wilfreda Ñusta"
    (text,) = page_texts(render_certificate(_certificate(header, trainee_name=name)))
    lines = [line.strip() for line in text.splitlines()]
    surnames = lines.index("HUAMANÍ CCORIMANYA DE LA CRUZ,")
    assert lines[surnames + 1] == "María de los Ángeles Wilfreda Ñusta"


def test_logo_and_photo_are_drawn_once_per_file(header, tmp_path):
    logo, photo = tmp_path / "logo.png", tmp_path / "photo.jpg"
    Image.new("RGB", (120, 120), (20, 40, 90)).save(logo)
    Image.new("RGB", (90, 120), (200, 180, 160)).save(photo)
    header = dataclasses.replace(header, logo_path=logo)
    items = [_certificate(header, number=n, photo_path=photo) for n in range(1, 6)]
    reader = pypdf.PdfReader(io.BytesIO(render_certificates(items)))
    assert len(reader.pages) == 5
    objects = [
        image.indirect_reference.idnum
        for page in reader.pages
        for image in page.images
        if image.indirect_reference is not None  # not the QR, an inline image
    ]
    assert len(objects) == 10  # each page shows the logo and the photo …
    assert len(set(objects)) == 2  # … from one object each, not one copy a page


def test_missing_photo_is_reported(header, tmp_path):
    data = _certificate(header, photo_path=tmp_path / "absent.jpg")
    with pytest.raises(FileNotFoundError, match="absent.jpg"):
        render_certificate(data)


def test_progress_counts_every_page(header):
    seen = []
    items = [_certificate(header, number=n) for n in range(1, 5)]
    render_certificates(items, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_cancel_stops_between_pages(header, tmp_path):
    items = [_certificate(header, number=n) for n in range(1, 11)]
    drawn = []

    def should_cancel():
        return len(drawn) >= 3

    path = tmp_path / "lote.pdf"
    with pytest.raises(Cancelled):
        write_certificates(
            items,
            path,
            progress=lambda done, _total: drawn.append(done),
            should_cancel=should_cancel,
        )
    assert drawn == [1, 2, 3]
    assert not path.exists()


def test_empty_batch_is_refused():
    with pytest.raises(ValueError, match="no certificates"):
        render_certificates([])


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"end": date(2026, 2, 1)}, "ends before it starts"),
        ({"issued_on": date(2026, 8, 1)}, "before the training ends"),
        ({"total_hours": Decimal(100)}, "add up to 120.5"),
        ({"grade": Decimal(10)}, "11 to 20"),
        ({"grade": Decimal(21)}, "11 to 20"),
        ({"qr_text": ""}, "QR text"),
        ({"competencies": (), "total_hours": Decimal(0)}, "positive"),
    ],
)
def test_certificate_rejects_inconsistent_data(header, changes, message):
    with pytest.raises(ValueError, match=message):
        _certificate(header, **changes)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler's pdftoppm not installed")
def test_qr_decodes_to_its_text(one_pdf, tmp_path):
    zxingcpp = pytest.importorskip("zxingcpp")
    source = tmp_path / "certificate.pdf"
    source.write_bytes(one_pdf)
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-singlefile", str(source), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    with Image.open(tmp_path / "page.png") as page:
        codes = zxingcpp.read_barcodes(page)
    assert [code.text for code in codes] == [QR_TEXT]


def test_qr_text_is_recoverable_from_the_pdf(header):
    items = [_certificate(header, number=n) for n in (7, 8, 9)]
    pattern = re.compile(r"CP1\.EP-LURIGANCHO-2026-\d{6}\.K1\.[A-Za-z0-9]+")
    found = find_qr_texts(render_certificates(items), pattern)
    assert found == [item.qr_text for item in items]


def test_spanish_period_drops_a_repeated_year():
    assert spanish_period(date(2026, 3, 1), date(2026, 8, 30)) == (
        "del 1 de marzo al 30 de agosto de 2026"
    )
    assert spanish_period(date(2025, 12, 1), date(2026, 1, 9)) == (
        "del 1 de diciembre de 2025 al 9 de enero de 2026"
    )


def test_wrapped_runs_keep_punctuation_with_its_word_and_balance_lines():
    fonts.register_fonts()
    bold, regular = fonts.SERIF_BOLD, fonts.SERIF
    runs = (("en ", regular), ("Carpintería", bold), (", con una duración de ", regular))
    lines = wrap_runs(runs, 12, 90)
    texts = ["".join(text for text, _ in line) for line, _ in lines]
    assert " ".join(texts) == "en Carpintería, con una duración de"
    assert any(text.startswith("Carpintería,") or "Carpintería," in text for text in texts)
    for line, width in lines:
        assert width == pytest.approx(sum(stringWidth(t, f, 12) for t, f in line))
        assert width <= 90 or len(line) == 1
    sentence = (("palabra " * 30, regular),)
    wide = wrap_runs(sentence, 10, 400)
    even = balanced_lines(sentence, 10, 400)
    assert len(even) == len(wide)
    assert max(width for _, width in even) < max(width for _, width in wide)
    assert wide[-1][1] < 0.5 * wide[0][1]  # greedy leaves a short last line …
    assert even[-1][1] > 0.7 * even[0][1]  # … balanced lines are alike
