"""The window's part in desktop integration: macOS links fill the form (never dial), and
"Start with the desktop session" writes the OS's entry through the platform integration."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dialer_app.composition import Desk
from dialer_app.sandbox import Sandbox
from dialer_app.services.file_open import FileOpenEvents
from dialer_app.ui.autostart import AutostartToggle


class FakeIntegration:
    def __init__(self, *, enabled: bool = False, broken: bool = False) -> None:
        self.enabled = enabled
        self.broken = broken
        self.calls: list[bool] = []

    def install(self) -> list[str]:
        return []

    def uninstall(self) -> list[str]:
        return []

    def autostart_enabled(self) -> bool:
        return self.enabled

    def set_autostart(self, enabled: bool) -> None:
        self.calls.append(enabled)
        if self.broken:
            raise PermissionError(13, "Permission denied")
        self.enabled = enabled


def test_a_macos_link_fills_the_number_raises_the_window_and_never_dials(
    qtbot: QtBot, qapp: QApplication, parts: Desk, sandbox: Sandbox
) -> None:
    events = FileOpenEvents(qapp)
    events.received.connect(parts.window.on_handed_over)
    try:
        parts.window.showMinimized()
        QCoreApplication.sendEvent(qapp, QFileOpenEvent(QUrl("tel:+91-98765-43210")))
    finally:
        qapp.removeEventFilter(events)
        events.deleteLater()

    assert parts.window.form.number_hint.text() == "Will dial 98765 43210 (mobile)"
    assert not parts.window.isMinimized()
    assert "press Return to call" in parts.window.outcome_label.text()
    assert sandbox.received("click_to_call_v3") == []


def test_start_with_the_session_is_a_checkable_action_above_quit(parts: Desk) -> None:
    integration = FakeIntegration(enabled=True)
    toggle = AutostartToggle(parts.window, integration)
    actions = parts.window.dialer_menu.actions()

    assert actions.index(toggle.action) == actions.index(parts.window.quit_action) - 1
    assert toggle.action.isChecked()
    toggle.action.trigger()
    assert integration.calls == [False]
    assert "no longer start" in parts.window.statusBar().currentMessage()


@pytest.mark.parametrize("start", [False, True])
def test_a_failed_change_is_said_and_undone(parts: Desk, start: bool) -> None:
    integration = FakeIntegration(enabled=start, broken=True)
    toggle = AutostartToggle(parts.window, integration)

    toggle.action.trigger()

    assert integration.calls == [not start]
    assert toggle.action.isChecked() is start
    assert "could not be changed: Permission denied" in parts.window.outcome_label.text()
