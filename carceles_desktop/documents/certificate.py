"""The training certificate, A4 landscape: one page per certificate, many in one PDF.

The page says, in small print, that it is the institution's own record of training and
neither a MINEDU/CETPRO title nor a Ministry of Labour competency certificate.  Its
layout is :mod:`.certificate_page`, its words :mod:`.certificate_wording`; the QR and
the text it leaves in the PDF for verification are :mod:`.qr`'s.

A batch of 500 certificates costs about 1.2 times the same pages drawn with bare canvas
calls (``tests/benchmarks/bench_certificates.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from io import BytesIO
from pathlib import Path

from carceles_desktop.documents.base import write_atomically
from carceles_desktop.documents.cancel import Cancelled
from carceles_desktop.documents.certificate_data import CertificateData
from carceles_desktop.documents.certificate_page import CertificatePage

#: Called after each page with (pages done, pages in all).
Progress = Callable[[int, int], None]


def render_certificates(
    items: Sequence[CertificateData],
    *,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> bytes:
    """Render many certificates into one PDF, one page each, in the order given.

    Args:
        items: the certificates.
        progress: called after each page with (done, total).
        should_cancel: asked before each page; when it answers true, rendering stops.

    Returns:
        The PDF.

    Raises:
        Cancelled: ``should_cancel()`` answered true; no partial PDF is returned.
        ValueError: ``items`` is empty, or a QR text is too long for a QR code.
        FileNotFoundError: a logo or photo file is missing.
    """
    if not items:
        raise ValueError("no certificates to render")
    buffer = BytesIO()
    page = CertificatePage(buffer, items[0], count=len(items))
    for done, data in enumerate(items, start=1):
        if should_cancel is not None and should_cancel():
            raise Cancelled
        page.draw(data)
        if progress is not None:
            progress(done, len(items))
    page.canvas.save()
    return buffer.getvalue()


def render_certificate(data: CertificateData) -> bytes:
    """Render one certificate.

    Raises:
        ValueError: the QR text is too long for a QR code.
        FileNotFoundError: a logo or photo file is missing.
    """
    return render_certificates([data])


def write_certificates(
    items: Sequence[CertificateData],
    path: Path,
    *,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> None:
    """Render certificates and write them to ``path`` (replaced only once complete).

    Raises:
        Cancelled: as :func:`render_certificates`; ``path`` is left untouched.
        ValueError: as :func:`render_certificates`.
        FileNotFoundError: a logo or photo file is missing.
        OSError: the file cannot be written.
    """
    pdf = render_certificates(items, progress=progress, should_cancel=should_cancel)
    write_atomically(path, pdf)
