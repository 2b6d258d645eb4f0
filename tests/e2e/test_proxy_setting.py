"""The proxy choice in the Account dialog: saved in the settings, its password in the keyring."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dialer_app.composition import Desk
from dialer_app.core.callerdesk.proxy import ProxyChoice, ProxyMode
from dialer_app.sandbox import Sandbox
from dialer_app.services import settings as keys_of
from dialer_app.ui.common.dialogs import AccountChoice, AccountDialog
from tests.helpers.keys import MemoryKeyring
from tests.helpers.window import Launch, cell, wait_for_lists

MANUAL = ProxyChoice(ProxyMode.MANUAL, "http://127.0.0.1:3128", "jane")


def test_the_dialog_reads_and_checks_the_proxy_rows(qtbot: QtBot) -> None:
    dialog = AccountDialog("https://app.callerdesk.io/api/", True, "note", None)
    qtbot.addWidget(dialog)
    fields = dialog.proxy_fields
    assert fields.mode() is ProxyMode.SYSTEM
    assert not fields.address_edit.isEnabled()

    fields.mode_combo.setCurrentIndex(fields.mode_combo.findData("manual"))
    fields.address_edit.setText("proxy.corp")
    dialog.accept()
    assert "host and port" in dialog.error_label.text()
    fields.address_edit.setText("proxy.corp:3128")
    fields.user_edit.setText("jane")
    fields.password_edit.setText("pw-1")
    dialog.accept()

    choice = dialog.choice()
    assert choice.proxy == ProxyChoice(ProxyMode.MANUAL, "http://proxy.corp:3128", "jane")
    assert choice.proxy_password == "pw-1"


def test_a_manual_proxy_is_saved_its_password_kept_in_the_keyring_and_loopback_stays_direct(
    qtbot: QtBot,
    parts: Desk,
    launch: Launch,
    sandbox: Sandbox,
    memory_keyring: MemoryKeyring,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[ProxyChoice | None] = []

    def ask(cls, parent, base_url, has_key, note, proxy=None):  # type: ignore[no-untyped-def]
        asked.append(proxy)
        return AccountChoice(base_url, None, proxy=MANUAL, proxy_password="pw-1")

    monkeypatch.setattr(AccountDialog, "ask", classmethod(ask))
    parts.window.account_action.trigger()

    name = ("dialer-app", "proxy:jane@http://127.0.0.1:3128")
    qtbot.waitUntil(lambda: name in memory_keyring.passwords)
    assert memory_keyring.passwords[name] == "pw-1"
    assert parts.settings.get(keys_of.PROXY_MODE) == "manual"
    parts.settings.sync()
    assert "pw-1" not in (data_dir / "settings.ini").read_text()
    # The sandbox is on loopback: a call still goes straight to it, never to that proxy.
    wait_for_lists(qtbot, parts)
    parts.window.form.number_edit.setText("9876543210")
    parts.window.form.call_button.click()
    qtbot.waitUntil(lambda: cell(parts, "Outcome") == "Placed")
    assert len(sandbox.received("click_to_call_v3")) == 1
    # The next start offers the saved choice again.
    parts.window.close()
    again = launch()
    again.window.account_action.trigger()
    assert asked[-1] == MANUAL
