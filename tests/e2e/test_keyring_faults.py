"""A keyring that is missing, locked, broken or slow never holds up the window or leaks the key."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.errors import InitError, KeyringLocked
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from dialer_app.sandbox import Fault, Sandbox
from tests.helpers.keys import SENTINEL, StubBackend
from tests.helpers.window import Launch, cell, wait_for_lists


class GatedKeyring(StubBackend):
    """Holds every read until released (a locked wallet prompting, a slow D-Bus)."""

    def __init__(self, stored: dict[tuple[str, str], str]) -> None:
        super().__init__()
        self.gate = threading.Event()
        self.stored = stored
        self.writes: list[str] = []

    def get_password(self, service: str, username: str) -> str | None:
        self.gate.wait(10)
        return self.stored.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.writes.append(username)

    def delete_password(self, service: str, username: str) -> None:
        pass


class FailingKeyring(StubBackend):
    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error
        self.writes = 0

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error

    def set_password(self, service: str, username: str, password: str) -> None:
        self.writes += 1
        raise self.error

    def delete_password(self, service: str, username: str) -> None:
        raise self.error


@pytest.fixture
def gated(sandbox: Sandbox) -> Iterator[GatedKeyring]:
    backend = GatedKeyring({("dialer-app", sandbox.base_url): SENTINEL})
    keyring.set_keyring(backend)
    yield backend
    backend.gate.set()


def test_a_slow_keyring_leaves_the_window_up_and_responsive(
    qtbot: QtBot, launch: Launch, gated: GatedKeyring
) -> None:
    parts = launch()
    assert parts.window.isVisible()
    qtbot.waitUntil(lambda: "password store" in parts.window.statusBar().currentMessage())
    heartbeat = QTimer()
    heartbeat.setInterval(20)
    with qtbot.waitSignals([heartbeat.timeout] * 1, timeout=1000):
        heartbeat.start()  # the GUI thread keeps turning while the keyring read is stuck
    heartbeat.stop()
    parts.window.form.number_edit.setText("98765 43210")
    assert parts.window.form.number_hint.text() == "Will dial 98765 43210 (mobile)"
    assert parts.window.form.member_combo.count() == 0
    gated.gate.set()
    wait_for_lists(qtbot, parts)


@pytest.mark.parametrize(
    "error", [KeyringLocked("the wallet is locked"), InitError("no D-Bus session")]
)
def test_a_locked_or_broken_keyring_offers_a_session_only_key(
    qtbot: QtBot, launch: Launch, sandbox: Sandbox, data_dir: Path,
    account_dialog_notes: list[str], error: Exception,
) -> None:  # fmt: skip
    backend = FailingKeyring(error)
    keyring.set_keyring(backend)
    parts = launch()
    qtbot.waitUntil(lambda: bool(account_dialog_notes))
    assert "this session only" in account_dialog_notes[0]
    assert type(error).__name__ in parts.window.outcome_label.text()
    wait_for_lists(qtbot, parts)
    parts.window.form.number_edit.setText("9876543210")
    parts.window.form.call_button.click()
    qtbot.waitUntil(lambda: cell(parts, "Outcome") == "Placed")
    assert backend.writes == 0  # a failing store is not even tried: session only
    parts.window.close()
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert SENTINEL.encode() not in path.read_bytes(), path  # no plaintext fallback


def test_closing_with_a_call_a_refresh_and_a_keyring_read_in_flight(
    qtbot: QtBot, launch: Launch, sandbox: Sandbox, data_dir: Path, gated: GatedKeyring
) -> None:
    gated.gate.set()
    parts = launch()
    wait_for_lists(qtbot, parts)
    gated.gate.clear()
    parts.keys.load(sandbox.base_url)  # a keyring read, now stuck
    sandbox.inject("click_to_call_v3", Fault.SLOW, delay=1.0)
    sandbox.inject("getmemberlist_V2", Fault.SLOW, delay=1.0)
    parts.window.form.number_edit.setText("9876543210")
    parts.window.form.call_button.click()
    parts.window.refresh_action.trigger()
    qtbot.waitUntil(lambda: cell(parts, "Outcome") == "Sending…")
    parts.window.close()  # pytest-qt fails the test on any Qt warning emitted here
    assert not parts.window.isVisible()
    with sqlite3.connect(data_dir / "history.sqlite3") as db:
        assert db.execute("SELECT outcome FROM calls").fetchall() == [("placed",)]
