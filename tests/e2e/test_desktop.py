"""Numbers arriving from links, the tray, and closing to the tray: nothing ever dials alone."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from dialer_app.composition import Desk
from dialer_app.sandbox import Sandbox
from dialer_app.ui.tray import Tray
from tests.helpers.keys import SENTINEL
from tests.helpers.window import cell


def test_a_tel_link_fills_the_form_and_waits_for_return(
    qtbot: QtBot, parts: Desk, sandbox: Sandbox
) -> None:
    window = parts.window
    window.on_handed_over("tel:+91-98765-43210")
    assert window.form.number_hint.text() == "Will dial 98765 43210 (mobile)"
    assert "press Return to call" in window.outcome_label.text()
    assert sandbox.received("click_to_call_v3") == []
    window.form.number_edit.returnPressed.emit()
    qtbot.waitUntil(lambda: cell(parts, "Outcome") == "Placed")
    assert len(sandbox.received("click_to_call_v3")) == 1


def test_a_foreign_number_from_a_link_is_refused_in_the_field(
    parts: Desk, sandbox: Sandbox
) -> None:
    parts.window.on_handed_over("callto://+1-415-555-1234")
    assert "foreign number" in parts.window.form.number_hint.text()
    parts.window.form.number_edit.returnPressed.emit()
    assert parts.window.outcome_label.text().startswith("Not called:")
    assert sandbox.received("click_to_call_v3") == []


def test_tray_takes_the_clipboard_and_notifies_while_hidden(
    qtbot: QtBot, parts: Desk, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    tray = Tray(parts.window, parts.calls, parts.verdicts, parts.settings)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        tray.icon, "showMessage", lambda title, text, *a: shown.append((title, text))
    )
    QGuiApplication.clipboard().setText("+91 98765 43219")
    menu = tray.icon.contextMenu()
    [paste] = [a for a in menu.actions() if a.text().startswith("Place call from clipboard")]
    paste.trigger()
    assert parts.window.form.number_edit.text() == "+91 98765 43219"
    assert sandbox.received("click_to_call_v3") == []
    tray.keep_running.setChecked(True)
    parts.window.form.number_edit.returnPressed.emit()
    parts.window.close()  # hides to the tray; the call goes on
    assert not parts.window.isVisible()
    qtbot.waitUntil(lambda: len(shown) >= 2, timeout=5000)
    assert shown[0][1].startswith("Ringing customer 98765 43219")
    assert shown[1][0] == "Customer left waiting"
    parts.window.quit()
    from dialer_app.services import settings as keys_of

    assert parts.settings.get(keys_of.CLOSE_TO_TRAY) is True  # remembered for the next start


def test_copy_diagnostics_has_the_facts_and_never_the_key(qtbot: QtBot, parts: Desk) -> None:
    parts.window.form.number_edit.setText("9876543210")
    parts.window.form.call_button.click()
    qtbot.waitUntil(lambda: cell(parts, "Outcome") == "Placed")
    parts.window.diagnostics_action.trigger()
    text = QGuiApplication.clipboard().text()
    assert text.startswith("dialer-app ")
    assert "keyring: tests.helpers.keys.MemoryKeyring" in text
    assert "Calling customer …3210" in text
    assert SENTINEL not in text
    assert "9876543210" not in text


def test_a_tel_link_to_a_customer_just_called_still_asks_first(
    qtbot: QtBot, parts: Desk, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dialer_app.ui.common.dialogs import ConfirmRedial

    asked: list[str] = []

    def ask(cls: type[ConfirmRedial], parent: QWidget, text: str) -> bool:
        asked.append(text)
        return False

    monkeypatch.setattr(ConfirmRedial, "ask", classmethod(ask))
    parts.window.form.number_edit.setText("9876543210")
    parts.window.form.call_button.click()
    qtbot.waitUntil(lambda: cell(parts, "Outcome") == "Placed")
    parts.window.on_handed_over("tel:+919876543210")
    parts.window.form.number_edit.returnPressed.emit()
    qtbot.waitUntil(lambda: parts.window.form.call_button.isEnabled())
    assert "98765 43210 was already called" in asked[0]
    assert len(sandbox.received("click_to_call_v3")) == 1  # declined: nothing sent
