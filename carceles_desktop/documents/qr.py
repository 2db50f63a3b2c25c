"""QR codes on PDF pages: encoded with zxing-cpp, drawn as a 1-bit image, read back.

**Drawing.**  zxing-cpp encodes (about 1 ms a code, against 8 ms for segno and 13 ms for
reportlab's own widget).  The modules go on the page as an inline 1-bit image, one
pixel a module, with ``/Interpolate false`` so that viewers and printer drivers scale
it up by repeating pixels instead of blurring edges; Qt's PDF engine (pdfium), which
previews and prints here, renders it with no grey pixel at 600 dpi, where a vector
path of the same modules gets anti-aliased grey edges.  It is also the cheapest way
measured: about 0.6 ms a page beyond the encoding (0.9 ms), against about 1.7 ms for
a vector path of runs and 1.5 ms for reportlab's image XObject, and the smallest file
(about 1.2 KiB a page; script and figures in ``tests/benchmarks/qr_drawing.py``).  A
white square with the 4-module quiet zone goes under it, so a border or a tinted
background never touches the code.  Note: the "no grey pixel" holds at printer
resolutions (300 and 600 dpi); at screen resolutions pdfium smooths the image, which
still decodes.

**The PDF contract.**  :func:`draw_qr` wraps the code's image in a marked-content span
whose ``/ActualText`` is the code's text (PDF 32000-1 §14.9.4: the text that stands for
non-text content), so the text sits literally in the page's content stream.
:func:`find_qr_texts` reads a PDF back with the standard library alone: it inflates
every stream, looks for the text by pattern, and only when none is found decodes the
PDF's images as QR codes with zxing-cpp, which covers a paper certificate scanned to
PDF (JPEG or uncompressed gray/RGB images).  No poppler, no program outside Python.
"""

from __future__ import annotations

import base64
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from typing import Any, cast

import zxingcpp
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE = 4
ECC_LEVELS = ("L", "M", "Q", "H")
#: Level Q (25 % of the code may be lost) as the EU's DCC uses: certificates are folded,
#: stamped and handled; a 300-character text still fits version 12 (65 modules).
DEFAULT_ECC = "Q"


@dataclass(frozen=True)
class QrMatrix:
    """A QR code's modules, without the quiet zone.

    Attributes:
        size: modules per side.
        modules: ``size * size`` bytes, row by row from the top; 0 is dark, 255 light
            (zxing-cpp's bitmap as it comes, so no per-module copy is made).
    """

    size: int
    modules: bytes

    def is_dark(self, row: int, column: int) -> bool:
        """True when the module at ``row`` (from the top), ``column`` is dark."""
        return self.modules[row * self.size + column] == 0

    def as_lists(self) -> list[list[bool]]:
        """The modules as rows of booleans (True is dark), for tests and other drawers."""
        return [
            [value == 0 for value in self.modules[row * self.size : (row + 1) * self.size]]
            for row in range(self.size)
        ]

    def packed_rows(self) -> bytes:
        """The modules as 1-bit rows, each padded to a whole byte, 1 light and 0 dark.

        This is the sample layout of a PDF image with ``/BPC 1 /CS /DeviceGray``.
        """
        picture = Image.frombytes("L", (self.size, self.size), self.modules)
        return picture.convert("1", dither=Image.Dither.NONE).tobytes()


def qr_matrix(text: str, ecc: str = DEFAULT_ECC) -> QrMatrix:
    """Encode ``text`` as a QR code.

    Text made only of upper-case letters, digits and `` $%*+-./:`` is encoded in the
    QR's alphanumeric mode (5.5 bits a character), anything else as bytes.

    Raises:
        ValueError: an unknown error-correction level, or text too long for a QR code.
    """
    if ecc not in ECC_LEVELS:
        raise ValueError(f"error correction must be one of {ECC_LEVELS}: {ecc!r}")
    try:
        barcode = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level=ecc)
    except Exception as exc:  # zxing-cpp raises its own types for oversize input.
        raise ValueError(f"cannot encode a QR code: {exc}") from exc
    image = barcode.to_image(scale=1, add_quiet_zones=False)
    height, width = image.shape
    if height != width:
        raise ValueError(f"zxing-cpp returned a {width}×{height} QR bitmap")
    # The Image supports the buffer protocol; its type stub does not say so.
    return QrMatrix(size=width, modules=memoryview(cast(Any, image)).tobytes())


def image_operators(matrix: QrMatrix) -> str:
    """The inline image of the modules, for a unit square (scale it with ``cm``).

    The samples are Flate-compressed then ASCII85-encoded, so the operators are plain
    text whatever reportlab's own stream settings are.
    """
    data = base64.a85encode(zlib.compress(matrix.packed_rows()), adobe=True)[2:]
    return (
        f"BI /W {matrix.size} /H {matrix.size} /BPC 1 /CS /G /I false /F [/A85 /Fl] ID\n"
        f"{data.decode('ascii')}\nEI"
    )


def draw_qr(
    canvas: Canvas,
    x: float,
    y: float,
    size: float,
    text: str,
    *,
    ecc: str = DEFAULT_ECC,
    actual_text: bool = True,
) -> QrMatrix:
    """Draw ``text`` as a QR code in the square of side ``size`` at ``(x, y)`` (points).

    The square includes the 4-module quiet zone, painted white.  With ``actual_text``
    the text is also attached to the code's image as its ``/ActualText``, which is how
    :func:`find_qr_texts` recovers it from the PDF (the contract with every renderer
    that prints a QR).

    Returns:
        The matrix drawn (its ``size`` tells the module width: ``size / (n + 8)``).

    Raises:
        ValueError: as :func:`qr_matrix`.
    """
    matrix = qr_matrix(text, ecc)
    border = size * QUIET_ZONE / (matrix.size + 2 * QUIET_ZONE)
    inner = size - 2 * border
    canvas.saveState()
    canvas.setFillGray(1)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    operators = (
        f"q {inner:.4f} 0 0 {inner:.4f} {x + border:.4f} {y + border:.4f} cm\n"
        f"{image_operators(matrix)}\nQ"
    )
    if actual_text:
        operators = f"/Span <</ActualText {pdf_string(text)}>> BDC\n{operators}\nEMC"
    canvas.addLiteral(operators)
    canvas.restoreState()
    return matrix


def pdf_string(text: str) -> str:
    """Write ``text`` as a PDF text string: literal when plain ASCII, else UTF-16 hex."""
    if text.isascii() and text.isprintable():
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return f"({escaped})"
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


# --- reading a PDF back ---------------------------------------------------------------

_FILTER_NAMES = re.compile(rb"/(ASCII85Decode|A85|FlateDecode|Fl|DCTDecode|DCT|[A-Za-z0-9]+)")
_MAX_STREAM = 64 * 1024 * 1024


def find_qr_texts(pdf: bytes, pattern: re.Pattern[str]) -> list[str]:
    """Return the QR texts in a PDF that match ``pattern``, in file order, once each.

    The texts :func:`draw_qr` attached are searched first (in every stream, inflated,
    and in the file's uncompressed parts); when there are none, the PDF's images are
    decoded as QR codes, for a paper certificate scanned to PDF.

    Raises:
        ValueError: the bytes are not a PDF.
    """
    if not pdf.lstrip()[:5].startswith(b"%PDF-"):
        raise ValueError("the file does not start with %PDF-")
    streams = [_decoded(header, raw) for header, raw in _streams(pdf)]
    found: list[str] = []
    for chunk in [pdf, *(data for _, data, _ in streams if data is not None)]:
        found += pattern.findall(chunk.decode("latin-1"))
    if not found:
        for header, data, kind in streams:
            if data is not None and kind is not None:
                found += [
                    text for text in _image_codes(header, data, kind) if pattern.fullmatch(text)
                ]
    return list(dict.fromkeys(found))


def _streams(pdf: bytes) -> Iterator[tuple[bytes, bytes]]:
    """Yield ``(dictionary text, raw data)`` of each stream object, in file order."""
    at = 0
    while (start := pdf.find(b"stream", at)) >= 0:
        body = start + len(b"stream")
        if pdf[start - 3 : start] == b"end":
            at = body
            continue
        if pdf[body : body + 2] == b"\r\n":
            body += 2
        elif pdf[body : body + 1] in (b"\n", b"\r"):
            body += 1
        else:
            at = body  # the word inside some text, not a stream keyword
            continue
        end = pdf.find(b"endstream", body)
        if end < 0:
            return
        # The stream's dictionary: back to its "obj" keyword, within a sane distance.
        header_start = pdf.rfind(b"obj", max(0, start - 8192), start)
        yield (pdf[header_start:start] if header_start >= 0 else b""), pdf[body:end]
        at = end + len(b"endstream")


def _decoded(header: bytes, raw: bytes) -> tuple[bytes, bytes | None, str | None]:
    """Undo the stream's filters: ``(header, data, image kind or None)``.

    ``data`` is None for a filter this reader does not undo (the stream is skipped);
    the image kind is ``"jpeg"`` (data still encoded) or ``"raw"`` (samples).
    """
    filters = []
    if b"/Filter" in header:
        tail = header.split(b"/Filter", 1)[1]
        tail = tail[: tail.index(b"]") + 1] if tail.lstrip().startswith(b"[") else tail[:40]
        filters = [name.decode() for name in _FILTER_NAMES.findall(tail)]
        if not tail.lstrip().startswith(b"["):
            filters = filters[:1]
    data: bytes | None = raw
    for name in filters:
        if data is None:
            break
        if name in ("ASCII85Decode", "A85"):
            data = _ascii85(data)
        elif name in ("FlateDecode", "Fl"):
            data = _inflate(data)
        elif name in ("DCTDecode", "DCT"):
            return header, data, "jpeg" if b"/Image" in header else None
        else:
            data = None
    image = b"/Image" in header and data is not None
    return header, data, "raw" if image else None


def _ascii85(data: bytes) -> bytes | None:
    body = data.strip()
    body = body[2:] if body.startswith(b"<~") else body
    body = body[: body.index(b"~>")] if b"~>" in body else body
    try:
        return base64.a85decode(body)
    except ValueError:
        return None


def _inflate(data: bytes) -> bytes | None:
    try:
        # A decompressor object ignores bytes after the end of the compressed data.
        return zlib.decompressobj().decompress(data, _MAX_STREAM)
    except zlib.error:
        return None


def _number(header: bytes, name: bytes) -> int | None:
    match = re.search(rb"/" + name + rb"\s+(\d+)", header)
    return int(match.group(1)) if match else None


def _image_codes(header: bytes, data: bytes, kind: str) -> list[str]:
    try:
        picture = _picture(header, data, kind)
    except (OSError, ValueError):
        return []
    if picture is None:
        return []
    formats = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    return [code.text for code in zxingcpp.read_barcodes(picture, formats=formats)]


def _picture(header: bytes, data: bytes, kind: str) -> Image.Image | None:
    if kind == "jpeg":
        return Image.open(BytesIO(data)).convert("L")
    width, height = _number(header, b"Width"), _number(header, b"Height")
    bits = _number(header, b"BitsPerComponent") or 8
    if width is None or height is None or b"/DecodeParms" in header:
        return None  # predictors and other encodings are not undone here
    if b"/DeviceRGB" in header and bits == 8:
        mode = "RGB"
    elif b"/DeviceGray" in header and bits in (1, 8):
        mode = "1" if bits == 1 else "L"
    else:
        return None
    return Image.frombytes(mode, (width, height), data).convert("L")
