"""The window's language: the app's own catalogue (dialer_<lang>.qm) and Qt's (qtbase_<lang>),
chosen by the language setting or, by default, the system's (``LANGUAGE``/``LANG`` on Linux);
English when the system's is one we have no catalogue for (``C``/``POSIX`` included).

The catalogues are compiled from ``dialer_app/i18n/*.ts`` by scripts/setup and
scripts/build-app (``pyside6-lrelease``); a checkout without them shows English.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from dialer_app.core.text import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)
CATALOGUES = Path(__file__).resolve().parent.parent / "i18n"
SYSTEM = "system"
# The setting's values, in menu order, with their names (each in its own language).
LANGUAGES = {
    SYSTEM: QT_TRANSLATE_NOOP("Language", "Follow the system"),
    "en": "English",  # i18n: not shown (a language's own name is never translated)
    "hi": "हिन्दी",  # i18n: not shown (a language's own name is never translated)
}


def locale_for(choice: str) -> QLocale:
    """The locale a choice of the setting stands for (the system's, for "system")."""
    if choice == "hi":
        return QLocale(QLocale.Language.Hindi, QLocale.Country.India)
    if choice == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.India)
    return QLocale.system()


def install_translations(app: QCoreApplication, choice: str) -> QLocale:
    """Load the catalogues for ``choice`` into ``app``; returns the locale now in use.

    The app's catalogue and Qt's own (where Qt has one for the language: it has none for
    Hindi, which is why the app's dialogs carry their own button texts).
    """
    locale = locale_for(choice if choice in LANGUAGES else SYSTEM)
    QLocale.setDefault(locale)  # month names in the history, number formats
    for old in app.findChildren(QTranslator, "dialerTranslator"):
        app.removeTranslator(old)
        old.deleteLater()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase", qt_dir), ("dialer", str(CATALOGUES))):
        translator = QTranslator(app)
        translator.setObjectName("dialerTranslator")
        # No catalogue of ours for the system's language (C/POSIX on a bare machine, or one
        # we do not ship): English, whose catalogue holds the plural forms ("7 leads").
        if translator.load(locale, name, "_", folder) or (
            name == "dialer" and translator.load(str(CATALOGUES / "dialer_en.qm"))
        ):
            app.installTranslator(translator)
            log.info("Language: %s from %s", translator.language(), translator.filePath())
        else:
            translator.deleteLater()
    return locale


def language_name(choice: str) -> str:
    """The menu's text for a choice ("Follow the system" translated, the others as named)."""
    name = LANGUAGES.get(choice, choice)
    return QCoreApplication.translate("Language", name) if choice == SYSTEM else name
