"""Background jobs, the one message box, and the language switch."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from carceles_desktop import i18n
from carceles_desktop.errors import NotFound
from carceles_desktop.i18n import QT_TRANSLATE_NOOP
from carceles_desktop.ui import messages, workers
from carceles_desktop.ui.messages import Kind
from carceles_desktop.ui.translation import LOCALES, install_translators


def test_job_result_comes_back_on_the_gui_thread(qtbot: Any) -> None:
    seen: list[tuple[object, bool]] = []
    gui = threading.get_ident()

    def work() -> int:
        assert threading.get_ident() != gui
        return 42

    workers.run_in_background(
        work, on_done=lambda r: seen.append((r, threading.get_ident() == gui))
    )
    qtbot.waitUntil(lambda: seen == [(42, True)])


def test_job_failure_is_reported(qtbot: Any) -> None:
    failures: list[BaseException] = []

    def work() -> None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "There is no trainee with the key {key}."), key=7
        )

    workers.run_in_background(work, on_done=lambda r: None, on_error=failures.append)
    qtbot.waitUntil(lambda: len(failures) == 1)
    assert isinstance(failures[0], NotFound)
    assert str(failures[0]) == "No existe un interno con la clave 7."


def test_app_errors_and_bugs_are_shown_differently(shown_messages: list[Any]) -> None:
    messages.show_error(
        None,
        NotFound(QT_TRANSLATE_NOOP("errors", "There is no trainee with the key {key}."), key=3),
    )
    messages.show_error(None, KeyError("oops"))
    (kind1, title1, text1), (kind2, title2, text2) = shown_messages
    assert (kind1, title1, text1) == (
        Kind.ERROR,
        "No se puede realizar",
        "No existe un interno con la clave 3.",
    )
    assert kind2 is Kind.ERROR
    assert title2 == "Error inesperado"
    assert "KeyError" in text2
    shown_messages.clear()


def test_english_loads_no_catalogue_of_ours(qapp: Any) -> None:
    try:
        assert install_translators(qapp, "en") == []
        assert QLocale().name() == "en_US"
        assert i18n.Message("errors", "Wrong user name or password.").render()
    finally:
        QLocale.setDefault(LOCALES["es"])
    # Spanish stays the default for everything else.
    assert QCoreApplication.translate("Areas", "Trainees") == "Internos"
