"""Dialer → Language: follow the system, English, हिन्दी. The choice takes effect at the next
start (the window is not retranslated while it runs); the banner says so."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from dialer_app.services import settings as keys_of
from dialer_app.services.settings import Settings
from dialer_app.ui.common.notice import Level, Notice
from dialer_app.ui.language import LANGUAGES, language_name


class LanguageMenu(QObject):
    """The language submenu, inserted before ``before`` in ``menu``."""

    def __init__(
        self,
        menu: QMenu,
        before: QAction,
        settings: Settings,
        notify: Callable[[Notice], None],
    ) -> None:
        super().__init__(menu)
        self._settings, self._notify = settings, notify
        self.menu = QMenu(self.tr("&Language"), menu)
        self.menu.setObjectName("languageMenu")
        self._group = QActionGroup(self)
        current = settings.get(keys_of.LANGUAGE)
        for choice in LANGUAGES:
            item = QAction(language_name(choice), self.menu)
            item.setCheckable(True)
            item.setChecked(choice == current)
            item.setData(choice)
            self._group.addAction(item)
            self.menu.addAction(item)
        menu.insertMenu(before, self.menu)
        self._group.triggered.connect(self._on_group_triggered)

    @Slot(QAction)
    def _on_group_triggered(self, item: QAction) -> None:
        choice = str(item.data())
        if choice == self._settings.get(keys_of.LANGUAGE):
            return
        self._settings.set(keys_of.LANGUAGE, choice)
        self._settings.sync()
        text = self.tr("The dialer will use {language} when it starts again.")
        self._notify(Notice(Level.INFO, text.format(language=language_name(choice))))
