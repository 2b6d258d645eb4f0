"""The Dialer menu's "Start with the desktop session": the OS's own entry is the setting.

Checked means the XDG autostart entry, the HKCU Run value or the LaunchAgent exists
(``dialer_app.desktop``); toggling writes or removes it, and the session then starts the
dialer with ``--minimized``, in the tray.
"""

from __future__ import annotations

import logging
from typing import Protocol

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction

from dialer_app.ui.common.notice import Level, Notice
from dialer_app.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class Autostart(Protocol):
    """The part of ``desktop.Integration`` this uses (the app passes the platform's)."""

    def autostart_enabled(self) -> bool: ...

    def set_autostart(self, enabled: bool) -> None: ...


class AutostartToggle(QObject):
    """A checkable action in the window's Dialer menu, just above Quit."""

    def __init__(self, window: MainWindow, integration: Autostart) -> None:
        super().__init__(window)
        self._window = window
        self._integration = integration
        self.action = QAction(self.tr("Start with the desktop &session"), window)
        self.action.setObjectName("autostartAction")
        self.action.setCheckable(True)
        self.action.setChecked(self._enabled())
        window.dialer_menu.insertAction(window.quit_action, self.action)
        self.action.toggled.connect(self._on_action_toggled)

    def _enabled(self) -> bool:
        try:
            return self._integration.autostart_enabled()
        except OSError as exc:
            log.warning("Cannot tell whether the dialer starts with the session: %s", exc)
            return False

    @Slot(bool)
    def _on_action_toggled(self, checked: bool) -> None:
        try:
            self._integration.set_autostart(checked)
        except OSError as exc:
            log.error("Start with the session not changed: %s", exc)
            self.action.blockSignals(True)
            self.action.setChecked(not checked)
            self.action.blockSignals(False)
            text = self.tr("The start with the desktop session could not be changed: {error}")
            self._window.show_notice(Notice(Level.WARN, text.format(error=exc.strerror or exc)))
            return
        if checked:
            text = self.tr("The dialer will start in the tray when you log in.")
        else:
            text = self.tr("The dialer will no longer start when you log in.")
        self._window.show_notice(Notice(Level.STATUS, text))
