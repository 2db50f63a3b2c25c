import threading

import pytest
from reportlab.lib.fonts import tt2ps
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph

from carceles_desktop import resources
from carceles_desktop.documents import fonts
from carceles_desktop.documents.base import DocumentLayout
from carceles_desktop.documents.blocks import key_value_table, signature_block, styles
from carceles_desktop.documents.data import Signatory


class _Sample(DocumentLayout):
    def story(self):
        body = styles().body
        return [
            Paragraph("Núñez Peña, María José — <b>Ñahui</b> <i>Gonzáles Pérez</i>", body),
            Paragraph("ü ¿¡ «» N.° 30 de setiembre", styles().cell),
            key_value_table([("Establecimiento", "E.P. de Lurigancho")], 400, 100),
            signature_block([("Jefe de trabajo", Signatory("Ñ")), ("Director", Signatory())], 400),
        ]


def test_every_font_file_ships_with_its_licence():
    for filename in fonts.FILES.values():
        assert resources.path(f"fonts/{filename}").stat().st_size > 100_000
    licence = resources.read_text("fonts/LICENSE")
    assert "Bitstream Vera" in licence
    assert "DejaVu changes are in public domain" in licence
    assert "DejaVu" in resources.read_text("fonts/README.md")


def test_registration_makes_every_face_known_and_is_idempotent():
    fonts.register_fonts()
    fonts.register_fonts()
    registered = pdfmetrics.getRegisteredFontNames()
    assert set(fonts.FILES) <= set(registered)


def test_families_map_bold_and_italic_to_the_right_faces():
    fonts.register_fonts()
    assert tt2ps(fonts.SANS, 1, 0) == fonts.SANS_BOLD
    assert tt2ps(fonts.SANS, 0, 1) == fonts.SANS_ITALIC
    assert tt2ps(fonts.SANS, 1, 1) == fonts.SANS_BOLD_ITALIC
    assert tt2ps(fonts.CONDENSED, 1, 0) == fonts.CONDENSED_BOLD
    assert tt2ps(fonts.SERIF, 1, 0) == fonts.SERIF_BOLD


def test_concurrent_first_registration_loads_each_file_once(monkeypatch):
    loads = []
    real = fonts.TTFont

    def counting(name, path):
        loads.append(name)
        return real(name, path)

    monkeypatch.setattr(fonts, "TTFont", counting)
    monkeypatch.setattr(fonts, "_registered", False)
    start = threading.Barrier(6)
    errors = []

    def register():
        start.wait()
        try:
            fonts.register_fonts()
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=register) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(loads) == sorted(fonts.FILES)


def test_missing_font_file_is_reported(monkeypatch, tmp_path):
    monkeypatch.setattr(fonts, "_registered", False)
    monkeypatch.setattr(fonts.resources, "path", lambda relative: tmp_path / relative)
    with pytest.raises(FileNotFoundError, match="DejaVuSans.ttf"):
        fonts.register_fonts()
    assert fonts._registered is False


def test_every_font_in_a_document_is_an_embedded_dejavu_subset(header, pdf_fonts, page_texts):
    pdf = _Sample(header, "Prueba").render()
    found = pdf_fonts(pdf)
    assert found, "the page names no font at all"
    for name, embedded in found:
        assert embedded, name
        # reportlab names an embedded subset "AAAAAA+DejaVuSans…"-like; never Helvetica.
        assert "+DejaVu" in name, name
    assert "Núñez Peña, María José — Ñahui Gonzáles Pérez" in page_texts(pdf)[0]
