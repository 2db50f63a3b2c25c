"""Shared checks for the PDF tests: read a PDF's text and the fonts it carries."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from io import BytesIO

import pypdf
import pytest
from pypdf.generic import DictionaryObject

from carceles_desktop.documents.data import InstitutionHeader


def _font_dicts(resources: DictionaryObject | None) -> Iterator[DictionaryObject]:
    """Yield every font dictionary of a resource dictionary, forms included."""
    if resources is None:
        return
    resources = resources.get_object()
    for font in (resources.get("/Font") or {}).values():
        yield font.get_object()
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form":
            yield from _font_dicts(xobject.get("/Resources"))


def _descriptor(font: DictionaryObject) -> DictionaryObject | None:
    if font.get("/Subtype") == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font.get("/FontDescriptor")
    return descriptor.get_object() if descriptor is not None else None


@pytest.fixture
def pdf_fonts() -> Callable[[bytes], list[tuple[str, bool]]]:
    """Return a function listing (font name, embedded as TrueType) for a PDF's fonts."""

    def fonts_of(pdf: bytes) -> list[tuple[str, bool]]:
        reader = pypdf.PdfReader(BytesIO(pdf))
        found = []
        for page in reader.pages:
            for font in _font_dicts(page.get("/Resources")):
                descriptor = _descriptor(font)
                embedded = descriptor is not None and "/FontFile2" in descriptor
                found.append((str(font["/BaseFont"]), embedded))
        return found

    return fonts_of


@pytest.fixture
def page_texts() -> Callable[[bytes], list[str]]:
    """Return a function giving the extracted text of each page of a PDF."""

    def texts(pdf: bytes) -> list[str]:
        return [page.extract_text() for page in pypdf.PdfReader(BytesIO(pdf)).pages]

    return texts


@pytest.fixture
def header() -> InstitutionHeader:
    """INPE's letterhead for the E.P. de Lurigancho, without logo."""
    return InstitutionHeader(
        name="Instituto Nacional Penitenciario",
        acronym="INPE",
        regional_office="Oficina Regional Lima",
        establishment="E.P. de Lurigancho",
    )
