import dataclasses
import io
import re
from datetime import date
from decimal import Decimal

import pypdf
import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from carceles_desktop.documents import fonts
from carceles_desktop.documents.data import InstitutionHeader
from carceles_desktop.documents.delivery_note import render_delivery_note, write_delivery_note
from carceles_desktop.documents.delivery_note_data import (
    DeliveryAddress,
    DeliveryLine,
    DeliveryNoteData,
    DeliveryRecipient,
    DeliverySender,
    DeliverySignature,
    TransferReason,
    Transport,
)
from carceles_desktop.documents.labels import DeliveryNote as Labels
from carceles_desktop.documents.text import format_quantity, wrap_text
from carceles_desktop.domain.enums import DeliveryState, TransportMode

FOOTER = "Documento interno – no es comprobante de pago ni guía de remisión SUNAT"
LONG_DESCRIPTION = (
    "Mesa de comedor de madera tornillo para seis personas, acabado en laca mate con "
    "tallado andino en el respaldo"
)


def _lines(count):
    return tuple(
        DeliveryLine(
            number=n,
            code=f"CARP-{n:04d}",
            description=LONG_DESCRIPTION if n % 7 == 0 else f"Silla de madera tornillo n.° {n}",
            quantity=Decimal("2.5") if n % 3 == 0 else Decimal(12),
            unit_code="KGM" if n % 3 == 0 else "NIU",
            batch_code=f"LUR-CARP-2026-{n:04d}",
            unit_name="Kilogramo" if n % 3 == 0 else "Unidad",
        )
        for n in range(1, count + 1)
    )


def _note(header, *, lines=3, state=DeliveryState.EMITIDA, **changes):
    values = dict(
        header=header,
        series="NE01",
        number=None if state is DeliveryState.BORRADOR else "NE01-000123",
        state=state,
        issue_date=date(2026, 11, 30),
        transfer_start_date=date(2026, 12, 1),
        sender=DeliverySender(
            institution="Instituto Nacional Penitenciario (INPE)",
            establishment="E.P. de Lurigancho",
            ruc="20131370998",
            address="Av. Próceres de la Independencia s/n, San Juan de Lurigancho",
        ),
        recipient=DeliveryRecipient("6", "RUC", "20512333797", "Muebles Peñaranda S.A.C."),
        reason=TransferReason("13", "Otros", "Devolución de muestras de exhibición"),
        departure=DeliveryAddress("Av. Próceres s/n", "150132", "San Juan de Lurigancho"),
        arrival=DeliveryAddress("Jr. Ayacucho 245", "150101", "Cercado de Lima"),
        transport=Transport(
            TransportMode.PRIVATE,
            vehicle_plate="ABC-123",
            driver_name="ÑAHUI QUISPE, José",
            driver_licence="Q10117410",
        ),
        lines=_lines(lines),
        gross_weight_kg=Decimal("1234.5"),
        packages=14,
        related_order="PED-2026-0045",
        related_agreement="CONV-012-2025",
        observations="Mercadería frágil: no apilar más de cuatro cajas.",
        dispatched_by=DeliverySignature("Juan Pérez Soto", "DNI 10117410", date(2026, 12, 1)),
        received_by=DeliverySignature("Rosa Núñez", "DNI 01234567", date(2026, 12, 2)),
    )
    values.update(changes)
    return DeliveryNoteData(**values)


@pytest.fixture(scope="module")
def long_note_pdf():
    header = InstitutionHeader("Instituto Nacional Penitenciario", "INPE", "Lima", "E.P. Ancón II")
    return render_delivery_note(_note(header, lines=200), copy=True)


def test_every_field_prints_with_its_label(header, page_texts):
    (text,) = page_texts(render_delivery_note(_note(header)))
    expected = [
        "NOTA DE ENTREGA",
        "N.° NE01-000123",
        "R.U.C. N.° 20131370998",
        "Instituto Nacional Penitenciario (INPE)",
        "Oficina Regional Lima",
        "E.P. de Lurigancho",
        "Av. Próceres de la Independencia s/n, San Juan de Lurigancho",
        f"{Labels.ISSUE_DATE}\n30/11/2026",
        f"{Labels.TRANSFER_START}\n01/12/2026",
        f"{Labels.REASON}\n13 – Otros",
        f"{Labels.REASON_DETAIL}\nDevolución de muestras de exhibición",
        "Pedido PED-2026-0045",
        "Convenio CONV-012-2025",
        f"{Labels.ID_TYPE}\n6 – RUC",
        f"{Labels.ID_NUMBER}\n20512333797",
        f"{Labels.RECIPIENT_NAME}\nMuebles Peñaranda S.A.C.",
        Labels.DEPARTURE,
        "Av. Próceres s/n",
        "150132 – San Juan de Lurigancho",
        Labels.ARRIVAL,
        "Jr. Ayacucho 245",
        "150101 – Cercado de Lima",
        f"{Labels.TRANSPORT_MODE}\n02 – Transporte privado",
        f"{Labels.PLATE}\nABC-123",
        f"{Labels.DRIVER}\nÑAHUI QUISPE, José",
        f"{Labels.LICENCE}\nQ10117410",
        f"{Labels.WEIGHT}\n1,234.500",
        f"{Labels.PACKAGES}\n14",
        "Mercadería frágil: no apilar más de cuatro cajas.",
        "Nombre: Juan Pérez Soto",
        "Documento: DNI 10117410",
        "Fecha: 01/12/2026",
        "Nombre: Rosa Núñez",
        "Fecha: 02/12/2026",
        "Unidades: NIU = Unidad; KGM = Kilogramo.",
        FOOTER,
    ]
    flat = " ".join(text.split())  # a value may wrap inside its box
    for piece in expected:
        assert " ".join(piece.split()) in flat, piece


def test_goods_table_lists_each_line(header, page_texts):
    (text,) = page_texts(render_delivery_note(_note(header, lines=7)))
    for heading in ("N.°", "Código", "Descripción", "Cantidad", "Unidad", "Lote"):
        assert heading in text
    assert "3\nCARP-0003\nSilla de madera tornillo n.° 3\n2.5\nKGM\nLUR-CARP-2026-0003" in text
    assert "12\nNIU" in text
    # The long description wraps inside its cell; every word is still printed.
    assert " ".join(LONG_DESCRIPTION.split()) in " ".join(text.split())


def test_public_transport_names_the_carrier(header, page_texts):
    transport = Transport(
        TransportMode.PUBLIC, carrier_ruc="20512333797", carrier_name="Transportes Ñaña E.I.R.L."
    )
    (text,) = page_texts(render_delivery_note(_note(header, transport=transport)))
    assert "01 – Transporte público" in text
    assert f"{Labels.CARRIER_RUC}\n20512333797" in text
    assert "Transportes Ñaña E.I.R.L." in text
    assert Labels.PLATE not in text


def test_weight_always_has_three_decimals(header, page_texts):
    (text,) = page_texts(render_delivery_note(_note(header, gross_weight_kg=Decimal(7))))
    assert f"{Labels.WEIGHT}\n7.000" in text


def test_two_hundred_lines_continue_on_numbered_pages(long_note_pdf, page_texts):
    pages = page_texts(long_note_pdf)
    total = len(pages)
    assert 4 <= total <= 8
    for number, text in enumerate(pages, start=1):
        assert f"Página {number} de {total}" in text
        # Header and table heading repeat on every page.
        assert "NOTA DE ENTREGA" in text
        assert "N.° NE01-000123" in text
        heading = "BIENES TRASLADADOS N.° Código Descripción Cantidad Unidad Lote"
        assert heading in " ".join(text.split())
        assert FOOTER in text
    codes = [re.findall(r"(?m)^CARP-(\d{4})$", text) for text in pages]
    printed = [int(code) for page in codes for code in page]
    assert printed == list(range(1, 201))  # each line once, in order, none lost
    # Pages are filled, not one line each; signatures close the last page only.
    assert len(codes[0]) >= 20  # under the parties' boxes
    assert all(len(page) >= 35 for page in codes[1:-1])
    assert all(Labels.DISPATCHED_BY not in text for text in pages[:-1])
    assert Labels.DISPATCHED_BY in pages[-1]
    assert len(codes[-1]) >= 3  # the signed page shows goods too


def test_copy_is_marked_on_every_page(long_note_pdf, page_texts):
    for text in page_texts(long_note_pdf):
        assert text.count("COPIA") >= 2  # by the number and across the page


def test_original_carries_no_mark(header, page_texts):
    (text,) = page_texts(render_delivery_note(_note(header)))
    for mark in ("COPIA", "ANULADA", "BORRADOR"):
        assert mark not in text


def test_annulled_note_says_so_on_every_page(header, page_texts):
    note = _note(
        header,
        lines=120,
        state=DeliveryState.ANULADA,
        annulled_on=date(2026, 12, 3),
        annul_reason="dirección errada",
    )
    pages = page_texts(render_delivery_note(note, copy=True))
    assert len(pages) > 1
    for text in pages:
        assert text.count("ANULADA") >= 2
        assert "COPIA" in text
    assert "Anulada el 3 de diciembre de 2026: dirección errada" in pages[-1]


def test_draft_has_no_number_and_no_value(header, page_texts):
    (text,) = page_texts(render_delivery_note(_note(header, state=DeliveryState.BORRADOR)))
    assert "N.° NE01 – sin numerar" in text
    assert text.count("BORRADOR — SIN VALOR") >= 2
    assert "NE01-000" not in text


def test_fonts_are_embedded(header, pdf_fonts, long_note_pdf):
    for pdf in (render_delivery_note(_note(header)), long_note_pdf):
        found = pdf_fonts(pdf)
        assert found
        assert all(embedded for _name, embedded in found), found


def test_metadata_names_the_note(header):
    reader = pypdf.PdfReader(io.BytesIO(render_delivery_note(_note(header))))
    assert reader.metadata.title == "Nota de entrega NE01-000123"
    assert reader.metadata.author == "Instituto Nacional Penitenciario (INPE)"


def test_write_replaces_the_file_whole(header, tmp_path):
    path = tmp_path / "nota.pdf"
    path.write_bytes(b"old")
    write_delivery_note(_note(header), path)
    assert path.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["nota.pdf"]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"number": None}, "state emitida"),
        ({"number": "NE02-000001"}, "not of series"),
        ({"transfer_start_date": date(2026, 11, 29)}, "before the note is issued"),
        ({"gross_weight_kg": Decimal("1.2345")}, "at most 3 decimals"),
        ({"packages": -1}, "not be negative"),
        ({"observations": "x" * 251}, "longer than 250"),
        ({"annulled_on": date(2026, 12, 3)}, "annulment data"),
    ],
)
def test_note_rejects_inconsistent_data(header, changes, message):
    with pytest.raises(ValueError, match=message):
        _note(header, **changes)


def test_draft_may_not_carry_a_number(header):
    with pytest.raises(ValueError, match="borrador"):
        _note(header, state=DeliveryState.BORRADOR, number="NE01-000001")


def test_parts_reject_malformed_values():
    with pytest.raises(ValueError, match="ubigeo"):
        DeliveryAddress("Jr. Lima 1", "15013")
    with pytest.raises(ValueError, match="needs carrier_name"):
        Transport(TransportMode.PUBLIC, carrier_ruc="20512333797")
    with pytest.raises(ValueError, match="does not take vehicle_plate"):
        Transport(
            TransportMode.PUBLIC,
            carrier_ruc="20512333797",
            carrier_name="X",
            vehicle_plate="ABC-123",
        )
    with pytest.raises(ValueError, match="positive"):
        DeliveryLine(1, "C", "D", Decimal(0), "NIU")
    with pytest.raises(ValueError, match="decimals"):
        DeliveryLine(1, "C", "D", Decimal("0.0001"), "NIU")


def test_long_codes_wrap_inside_their_cells(header, page_texts):
    line = DeliveryLine(
        1, "CÓDIGO-MUY-LARGO-DE-PRODUCTO-001", "Silla", Decimal(1), "NIU", "LOTE-" * 8 + "FIN"
    )
    note = dataclasses.replace(_note(header), lines=(line,))
    (text,) = page_texts(render_delivery_note(note))
    assert "CÓDIGO-MUY-LARGO-DE-PRODUCTO-001" in text.replace("\n", "")
    assert "LOTE-" * 8 + "FIN" in text.replace("\n", "")


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (Decimal(12), None, "12"),
        (Decimal("2.500"), None, "2.5"),
        (Decimal("1250.125"), None, "1,250.125"),
        (Decimal("1E+3"), None, "1,000"),
        (Decimal("1234.5"), 3, "1,234.500"),
        (Decimal(0), 3, "0.000"),
    ],
)
def test_format_quantity(value, decimals, expected):
    assert format_quantity(value, decimals) == expected


def test_wrap_text_breaks_at_spaces_then_after_hyphens():
    fonts.register_fonts()
    font, size = fonts.CONDENSED, 8
    assert wrap_text("Silla", font, size, 100) == ["Silla"]
    words = wrap_text("Mesa de comedor de madera tornillo con seis sillas", font, size, 60)
    assert len(words) > 1
    assert " ".join(words) == "Mesa de comedor de madera tornillo con seis sillas"
    code = wrap_text("LUR-CARP-2026-0001", font, size, 50)
    assert code[0].endswith("-")
    assert "".join(code) == "LUR-CARP-2026-0001"
    for line in [*words, *code]:
        assert stringWidth(line, font, size) <= 60
    assert "".join(wrap_text("A" * 40, font, size, 30)) == "A" * 40
