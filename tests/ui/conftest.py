"""Fixtures of the window's tests: a filled database per test, Spanish, no modal boxes."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from carceles_desktop.domain.enums import Role
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.storage.opening import open_database
from carceles_desktop.storage.unit_of_work import Database
from carceles_desktop.ui import workers
from carceles_desktop.ui.messages import Kind, Messages
from carceles_desktop.ui.translation import install_translators
from tests.ui.sample_data import Sample, fill

ADMIN = Actor(user_id=None, username="admin", role=Role.ADMIN)


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Sample]:
    """One filled database per session; each test gets a copy (cheaper than refilling)."""
    path = tmp_path_factory.mktemp("template") / "carceles.sqlite3"
    database = open_database(str(path), create=True)
    try:
        sample = fill(database, trainees=300)
    finally:
        database.dispose()  # the last connection closing folds the WAL into the file
    return path, sample


@pytest.fixture
def sample(template: tuple[Path, Sample]) -> Sample:
    return template[1]


@pytest.fixture
def database(template: tuple[Path, Sample], tmp_path: Path) -> Iterator[Database]:
    copy = tmp_path / "carceles.sqlite3"
    shutil.copy(template[0], copy)
    database = open_database(str(copy))
    yield database
    database.dispose()


@pytest.fixture
def ctx(database: Database) -> ServiceContext:
    return ServiceContext(database, ADMIN)


@pytest.fixture
def ui_settings(tmp_path: Path) -> QSettings:
    """Window state kept in a file of the test, not in the user's settings."""
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture(scope="session")
def _spanish_catalogues(qapp: Any) -> None:
    """Qt's and our Spanish catalogues, installed once per session."""
    install_translators(qapp, "es")


@pytest.fixture(autouse=True)
def spanish(_spanish_catalogues: None) -> None:
    """The program's default language, as a user gets it.

    The root conftest clears the service-message translator after every test, so it is
    pointed at Qt's translator again for each UI test.
    """
    from PySide6.QtCore import QCoreApplication

    from carceles_desktop import i18n

    i18n.install_translator(lambda context, text: QCoreApplication.translate(context, text))


@pytest.fixture(autouse=True)
def shown_messages(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[Kind, str, str]]]:
    """Record message boxes instead of showing them; a test that expects one clears it."""
    shown: list[tuple[Kind, str, str]] = []

    def record(cls: Any, parent: Any, kind: Kind, title: str, text: str) -> bool:
        shown.append((kind, title, text))
        return True

    monkeypatch.setattr(Messages, "show", classmethod(record))
    yield shown
    assert not shown, f"unexpected message boxes: {shown}"


@pytest.fixture(autouse=True)
def no_jobs_left(qtbot: Any) -> Iterator[None]:
    """Let background counts finish and deliver before the widgets are closed."""
    yield
    workers.wait_for_jobs()
    QCoreApplication.processEvents()


_HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform warns that it cannot pass size hints to a window system it
    # does not have; that is no fault of ours.  (Better as qt_log_ignore in pyproject.)
    for item in items:
        if _HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints"))
