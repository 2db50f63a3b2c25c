"""Loading the translations: Qt's own (standard buttons, dialogs) and the program's.

The source strings are English; Spanish (Peru) is the default language.  English loads
no catalogue of ours.  Service messages are translated through the same translators once
:func:`carceles_desktop.i18n.install_translator` points at Qt's.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from carceles_desktop import i18n, resources

log = logging.getLogger(__name__)

#: The languages the program speaks, and the locale each one means.
LOCALES = {
    "es": QLocale(QLocale.Language.Spanish, QLocale.Country.Peru),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
}


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install Qt's and the program's translators for ``lang`` ("es" or "en").

    Returns the installed translators (they are children of ``app`` and stay alive
    with it).  A missing catalogue is logged, never fatal: the program then speaks
    English.
    """
    locale = LOCALES.get(lang, LOCALES["es"])
    QLocale.setDefault(locale)
    installed = []
    if lang != "en":
        catalogues = [
            ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
            ("carceles", str(resources.path("translations"))),
        ]
        for name, folder in catalogues:
            translator = QTranslator(app)
            # Tries carceles_es_PE.qm, then carceles_es.qm, as the locale allows.
            if translator.load(locale, name, "_", folder):
                app.installTranslator(translator)
                installed.append(translator)
            else:
                log.warning("no %s translation for %s in %s", name, locale.name(), folder)
    i18n.install_translator(lambda context, text: QCoreApplication.translate(context, text))
    return installed
