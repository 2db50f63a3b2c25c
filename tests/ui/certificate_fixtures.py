"""The bakery course of ``tests/helpers/certificate_world.py``, opened for the window's tests."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from carceles_desktop.services.certificate_batch import BatchIssueResult, issue_certificates
from carceles_desktop.services.certificate_queries import CertificateListItem, search_certificates
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.storage.unit_of_work import Database
from carceles_desktop.ui.widgets.pdf_preview import PdfPreviewDialog
from tests.helpers.certificate_world import (
    ADMIN,
    ISSUE_DAY,
    PASSPHRASE,
    TODAY,
    World,
    seeded_database,
)

_PAGE = re.compile(rb"/Type\s*/Page(?!s)")


@dataclass
class Course:
    """The seeded database, its world, and the administrator's context."""

    database: Database
    world: World
    ctx: ServiceContext

    def issue(self, *keys: str) -> BatchIssueResult:
        """Issue the certificates of the named enrolments (ready, plain …)."""
        return issue_certificates(
            self.database,
            ADMIN,
            [self.world.enrolments[key] for key in keys],
            passphrase=PASSPHRASE,
            on=ISSUE_DAY,
            today=TODAY,
        )

    def registry(self) -> list[CertificateListItem]:
        """Every certificate, newest first."""
        with self.ctx.reading() as uow:
            return search_certificates(uow, ADMIN)


@pytest.fixture(name="course")
def course_fixture(tmp_path: Path) -> Iterator[Course]:
    database, world = seeded_database(tmp_path)
    yield Course(database, world, ServiceContext(database, ADMIN))
    database.dispose()


def pdf_pages(pdf: bytes) -> int:
    """How many pages a PDF written by reportlab has."""
    return len(_PAGE.findall(pdf))


@pytest.fixture(name="previews")
def previews_fixture(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bytes, str, str]]:
    """PDFs sent to the preview: (bytes, file name, title)."""
    shown: list[tuple[bytes, str, str]] = []

    def capture(cls: Any, parent: Any, pdf: bytes, name: str, title: str) -> None:
        shown.append((pdf, name, title))

    monkeypatch.setattr(PdfPreviewDialog, "show_pdf", classmethod(capture))
    return shown


__all__ = [
    "ISSUE_DAY",
    "PASSPHRASE",
    "TODAY",
    "Course",
    "course_fixture",
    "pdf_pages",
    "previews_fixture",
]
