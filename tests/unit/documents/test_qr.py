"""QR codes: encoded, drawn into PDFs, and read back from PDFs and images."""

from __future__ import annotations

import base64
import re
import zlib
from io import BytesIO
from typing import Any

import pytest
import zxingcpp
from PIL import Image, ImageOps
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from carceles_desktop.documents.qr import (
    QUIET_ZONE,
    QrMatrix,
    draw_qr,
    find_qr_texts,
    image_operators,
    pdf_string,
    qr_matrix,
)

CODE = "CP1" + base64.b32encode(bytes(range(181))).decode().rstrip("=")
PATTERN = re.compile(r"CP1[A-Z2-7]{104,}")


def picture(matrix: QrMatrix, scale: int = 4) -> Image.Image:
    """The matrix as a printed-like image: quiet zone, a few pixels a module."""
    image = Image.frombytes("L", (matrix.size, matrix.size), matrix.modules)
    image = ImageOps.expand(image, border=QUIET_ZONE, fill=255)
    return image.resize((image.width * scale, image.height * scale), Image.Resampling.NEAREST)


def decoded(image: Image.Image) -> list[Any]:
    return zxingcpp.read_barcodes(
        image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    )


@pytest.mark.parametrize(
    "text", [CODE, "CP1HOLA", "María Ñahuincopa — Confección (textil)", "x" * 500]
)
def test_encoded_matrix_decodes_to_the_same_text(text: str) -> None:
    matrix = qr_matrix(text)
    [barcode] = decoded(picture(matrix))
    assert barcode.text == text
    assert barcode.ec_level == "Q"


def test_the_certificate_code_is_a_version_12_code_at_level_q_and_10_at_m() -> None:
    assert len(CODE) == 293
    assert qr_matrix(CODE).size == 65  # 17 + 4 × 12
    assert qr_matrix(CODE, "M").size == 57


def test_matrix_views_agree() -> None:
    matrix = qr_matrix("CP1HOLA")
    rows = matrix.as_lists()
    assert len(rows) == matrix.size
    assert all(len(row) == matrix.size for row in rows)
    # The finder pattern's corner is dark and the separator beside it light.
    assert rows[0][0]
    assert matrix.is_dark(0, 0)
    assert not rows[7][7]
    assert not matrix.is_dark(7, 7)
    packed = Image.frombytes("1", (matrix.size, matrix.size), matrix.packed_rows())
    assert all(
        (packed.getpixel((column, row)) == 0) == rows[row][column]
        for row in range(matrix.size)
        for column in range(matrix.size)
    )


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="error correction"):
        qr_matrix("x", "X")
    with pytest.raises(ValueError, match="cannot encode"):
        qr_matrix("x" * 5000)


def test_inline_image_holds_the_packed_modules() -> None:
    matrix = qr_matrix("CP1HOLA")
    operators = image_operators(matrix)
    assert operators.startswith(f"BI /W {matrix.size} /H {matrix.size} /BPC 1 /CS /G /I false")
    data = operators.split(" ID\n", 1)[1].rsplit("\nEI", 1)[0]
    assert zlib.decompress(base64.a85decode("<~" + data, adobe=True)) == matrix.packed_rows()


def test_pdf_strings() -> None:
    assert pdf_string("CP1ABC") == "(CP1ABC)"
    assert pdf_string("a(b)\\c") == "(a\\(b\\)\\\\c)"
    assert pdf_string("Ñ") == "<FEFF00D1>"


def pdf(*codes: str, **kwargs: Any) -> bytes:
    out = BytesIO()
    canvas = Canvas(out)
    for code in codes:
        canvas.setFillColorRGB(0.9, 0.85, 0.7)
        canvas.rect(0, 0, 600, 800, stroke=0, fill=1)
        draw_qr(canvas, 400, 40, 30 * mm, code, **kwargs)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_the_pdf_contract_gives_the_text_back_in_order() -> None:
    second = "CP1" + "B" * 120
    assert find_qr_texts(pdf(CODE, second, CODE), PATTERN) == [CODE, second]


def test_without_actual_text_the_inline_image_is_not_read() -> None:
    assert find_qr_texts(pdf(CODE, actual_text=False), PATTERN) == []


def scanned_pdf(image: Image.Image, kind: str) -> bytes:
    """A one-page PDF holding ``image`` the way a scanner saves it."""
    if kind == "JPEG":
        buffer = BytesIO()
        image.convert("L").save(buffer, "JPEG", quality=75)
        buffer.seek(0)
        image = Image.open(buffer)
    elif kind == "RGB":
        image = image.convert("RGB")
    out = BytesIO()
    canvas = Canvas(out)
    canvas.drawImage(ImageReader(image), 50, 50, 300, 300)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


@pytest.mark.parametrize("kind", ["JPEG", "RGB", "L"])
def test_a_scanned_certificate_is_read_from_its_image(kind: str) -> None:
    data = scanned_pdf(picture(qr_matrix(CODE)), kind)
    assert find_qr_texts(data, PATTERN) == [CODE]


def test_images_holding_other_codes_are_ignored() -> None:
    data = scanned_pdf(picture(qr_matrix("https://www.gob.pe/inpe")), "L")
    assert find_qr_texts(data, PATTERN) == []


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04", b"hola %PDF-1.4"])
def test_what_is_not_a_pdf_is_refused(data: bytes) -> None:
    with pytest.raises(ValueError, match="%PDF-"):
        find_qr_texts(data, PATTERN)


def test_a_truncated_pdf_gives_what_it_still_holds() -> None:
    data = pdf(CODE)
    assert find_qr_texts(data[: len(data) // 3], PATTERN) in ([], [CODE])


def test_qt_pdf_renders_the_code_sharp_and_readable(qapp: Any) -> None:
    qtpdf = pytest.importorskip("PySide6.QtPdf")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize

    data = QByteArray(pdf(CODE))
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = qtpdf.QPdfDocument()
    document.load(buffer)
    scale = 300 / 72
    image = document.render(0, QSize(round(595.28 * scale), round(841.89 * scale)))
    raw = image.convertToFormat(image.Format.Format_Grayscale8)
    width, height, stride = raw.width(), raw.height(), raw.bytesPerLine()
    pixels = bytes(raw.constBits())[: stride * height]
    page = Image.frombytes("L", (width, height), pixels, "raw", "L", stride)
    [barcode] = decoded(page)
    assert barcode.text == CODE
    # Inside the code's square (a margin of 2 pixels off its edges): black and white only.
    side = 30 * mm * scale
    left, bottom = 400 * scale, height - 40 * scale
    square = page.crop(
        (round(left) + 2, round(bottom - side) + 2, round(left + side) - 2, round(bottom) - 2)
    )
    histogram = square.histogram()
    assert sum(histogram[16:240]) == 0
    assert histogram[0] > 0
    assert histogram[255] > 0
    document.close()
