"""Time 500 certificates in one PDF against a bare reportlab floor of the same page.

Run: ``cd /work/main && PYTHONPATH=. python tests/benchmarks/bench_certificates.py [runs]``

The floor draws the same page with nothing but reportlab's canvas: the same strings
(already broken into the same lines), fonts, sizes and positions, the two border
rectangles, the signature lines, and the same QR drawing (:func:`documents.qr.draw_qr`),
one ``showPage`` per certificate; no wrapping, fitting, letter spacing, forms or marks.
The target is 2× the floor.  Times are CPU times of this process (the machine's cores
are shared), median of the runs.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from io import BytesIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from carceles_desktop.documents import fonts
from carceles_desktop.documents.base import A4_LANDSCAPE
from carceles_desktop.documents.certificate import render_certificates
from carceles_desktop.documents.certificate_data import (
    CertificateData,
    CertificateSignatories,
    CertificateTitle,
    Competency,
)
from carceles_desktop.documents.certificate_page import CertificatePage
from carceles_desktop.documents.data import InstitutionHeader, PersonDocument, Signatory
from carceles_desktop.documents.qr import draw_qr
from carceles_desktop.domain.enums import DocumentType

COUNT = 500
TARGET_RATIO = 2.0
HEADER = InstitutionHeader(
    "Instituto Nacional Penitenciario", "INPE", "Oficina Regional Lima", "E.P. de Lurigancho"
)


def build(count: int = COUNT) -> list[CertificateData]:
    """A course's certificates: same wording, a different holder, number and QR each."""
    signatories = CertificateSignatories(
        Signatory("Dr. Carlos Rodríguez Huamán", "Director del E.P. de Lurigancho"),
        Signatory("Lic. Rosa Quispe Mamani", "Jefa del Área de Trabajo"),
        Signatory("Juan Pérez Soto", "Técnico en carpintería"),
    )
    competencies = (
        Competency("Preparación y lijado de superficies", Decimal(40)),
        Competency("Ensamble de muebles de madera", Decimal(60)),
        Competency("Acabados con laca y barniz", Decimal(20)),
    )
    items = []
    for n in range(1, count + 1):
        number = f"EP-LURIGANCHO-2026-{n:06d}"
        items.append(
            CertificateData(
                header=HEADER,
                title=CertificateTitle.CERTIFICADO,
                number=number,
                book_folio=f"Libro 2, folio {n}",
                trainee_name=f"NÚÑEZ PEÑA {n}, José María",
                document=PersonDocument(DocumentType.DNI, f"{10117410 + n:08d}", f"2026-{n:05d}"),
                trade="Carpintería en madera",
                competencies=competencies,
                total_hours=Decimal(120),
                start=date(2026, 3, 1),
                end=date(2026, 8, 30),
                grade=Decimal(11 + n % 10),
                place="Lima",
                issued_on=date(2026, 11, 30),
                signatories=signatories,
                # About the length of a signed payload (number, key, 64-byte signature).
                qr_text=f"CP1.{number}.K1.{'A1b2C3d4E5f6G7h8' * 6}",
                partner="Muebles Peñaranda S.A.C.",
                verify_where="www.inpe.gob.pe/verificar",
            )
        )
    return items


#: One string of the floor's page: text, font, size, x of its centre, y from the top.
Placed = tuple[str, str, float, float, float]


def floor_pages(items: list[CertificateData]) -> list[list[Placed]]:
    """Each page's strings, worded and broken into lines as the real page has them.

    Prepared before the timing starts: the floor measures drawing, not wording.
    """
    layout = CertificatePage
    centre = A4_LANDSCAPE[0] / 2
    body = (
        "por haber culminado satisfactoriamente la capacitación en Carpintería en madera, con una",
        "duración de 120 horas, del 1 de marzo al 30 de agosto de 2026, con resultado aprobado y",
        "calificación de {grade}, impartida con la participación de Muebles Peñaranda S.A.C.",
    )
    modules = (
        "Módulos y competencias: Preparación y lijado de superficies (40 h);",
        "Ensamble de muebles de madera (60 h); Acabados con laca y barniz (20 h).",
    )
    footnote = (
        "Verifique este certificado escaneando el código QR con el programa Cárceles "
        "Productivas o en www.inpe.gob.pe/verificar. Este documento",
        "acredita la capacitación registrada por la institución en el establecimiento "
        "penitenciario. No es un título ni un certificado de estudios del",
        "Ministerio de Educación (CETPRO) ni un certificado de competencias laborales del "
        "Ministerio de Trabajo y Promoción del Empleo.",
    )
    grants = "La Dirección del E.P. de Lurigancho otorga el presente certificado a:"
    pages = []
    for data in items:
        serif, bold, sans = fonts.SERIF, fonts.SERIF_BOLD, fonts.SANS
        number = f"N.° {data.number}   ·   Registro: {data.book_folio}"
        lines: list[Placed] = [
            (HEADER.name.upper(), bold, 15.0, centre, layout.institution_y),
            (HEADER.regional_office, serif, 11.0, centre, layout.office_y),
            (HEADER.establishment, bold, 11.5, centre, layout.establishment_y),
            ("CERTIFICADO", bold, 40.0, centre, layout.title_y),
            ("DE CAPACITACIÓN", serif, 15.0, centre, layout.title_rest_y),
            (number, sans, 8.5, centre, layout.number_y),
            (grants, serif, 12.5, centre, layout.grants_y),
            (data.trainee_name, bold, 28.0, centre, layout.name_y),
            (f"DNI {data.document.doc_number}", sans, 10.0, centre, layout.name_y + 9 * mm),
            ("Lima, 30 de noviembre de 2026", serif, 11.5, centre, layout.place_y),
            (data.number, sans, 6.0, A4_LANDSCAPE[0] - 32 * mm, layout.signature_line_y),
        ]
        grade = f"{data.grade} (dieciséis)"
        lines += [
            (text.format(grade=grade), serif, 12.5, centre, layout.body_y + 6 * mm * index)
            for index, text in enumerate(body)
        ]
        lines += [
            (text, serif, 9.0, centre, layout.body_y + 19.5 * mm + 4.2 * mm * index)
            for index, text in enumerate(modules)
        ]
        lines += [
            (text, sans, 6.2, centre, layout.footnote_y + 2.8 * mm * index)
            for index, text in enumerate(footnote)
        ]
        people = data.signatories
        signers = (
            (people.instructor or Signatory(), "Instructor del taller"),
            (people.work_head, "Jefe de trabajo"),
            (people.director, "Director del establecimiento"),
        )
        for index, (person, role) in enumerate(signers):
            x = centre + (index - 1) * 64 * mm
            y = layout.signature_line_y
            lines += [
                (person.name, bold, 9.5, x, y + 4 * mm),
                (person.title, serif, 8.0, x, y + 8.2 * mm),
                (role, sans, 7.0, x, y + 12 * mm),
            ]
        pages.append(lines)
    return pages


def bare_pages(items: list[CertificateData], pages: list[list[Placed]]) -> bytes:
    """The floor: the same strings and QR drawn with bare canvas calls, page by page."""
    buffer = BytesIO()
    width, height = A4_LANDSCAPE
    canvas = Canvas(buffer, pagesize=A4_LANDSCAPE, initialFontName=fonts.SERIF)
    for data, lines in zip(items, pages, strict=True):
        canvas.rect(9 * mm, 9 * mm, width - 18 * mm, height - 18 * mm)
        canvas.rect(11.5 * mm, 11.5 * mm, width - 23 * mm, height - 23 * mm)
        line_y = height - CertificatePage.signature_line_y
        for index in range(3):
            x = width / 2 + (index - 1) * 64 * mm
            canvas.line(x - 28 * mm, line_y, x + 28 * mm, line_y)
        for text, font, size, x, y in lines:
            canvas.setFont(font, size)
            canvas.drawCentredString(x, height - y, text)
        size = CertificatePage.qr_size
        draw_qr(canvas, width - 18 * mm - size, 14 * mm, size, data.qr_text)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def median_seconds(function: Callable[[], bytes], runs: int) -> tuple[float, int]:
    """Median CPU time of ``runs`` calls, and the size of the last PDF."""
    times = []
    size = 0
    for _ in range(runs):
        start = time.process_time()
        size = len(function())
        times.append(time.process_time() - start)
    return statistics.median(times), size


def main() -> None:
    """Print the renderer's time beside the floor's, and the ratio."""
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    fonts.register_fonts()
    items = build()
    pages = floor_pages(items)
    start = time.process_time()
    render_certificates(items[:1])
    print(f"first certificate (cold caches):     {time.process_time() - start:.3f} s")
    real, real_size = median_seconds(lambda: render_certificates(items), runs)
    floor, floor_size = median_seconds(lambda: bare_pages(items, pages), runs)
    ratio = real / floor
    verdict = "OK" if ratio <= TARGET_RATIO else "OVER TARGET"
    print(f"{COUNT} certificates, median of {runs}:     {real:.3f} s ({real_size} bytes)")
    print(f"floor: bare canvas, same page and QR: {floor:.3f} s ({floor_size} bytes)")
    print(f"ratio {ratio:.2f}x; target {TARGET_RATIO}x: {verdict}")


if __name__ == "__main__":
    main()
