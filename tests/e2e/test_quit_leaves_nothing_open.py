"""Quitting closes everything it opened: the databases (no -wal/-shm beside them) and the
account's connections, also when the window closes before the key or the lists arrived."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from pytestqt.qtbot import QtBot

from dialer_app.sandbox import Sandbox
from tests.helpers.keys import SENTINEL, MemoryKeyring
from tests.helpers.window import Launch, cell

LIST_ENDPOINTS = ("getmemberlist_V2", "getdeskphone_v2", "profile_billing_v2")


def journal_files(data_dir: Path) -> list[str]:
    return sorted(p.name for p in data_dir.iterdir() if p.name.endswith(("-wal", "-shm")))


def test_a_clean_quit_leaves_no_journal_files(parts_with_a_call: Path, qtbot: QtBot) -> None:
    assert journal_files(parts_with_a_call) == []


@pytest.fixture
def parts_with_a_call(parts: object, qtbot: QtBot, data_dir: Path) -> Path:
    """The real window places one call (history and lists written), then quits."""
    from dialer_app.composition import Desk

    assert isinstance(parts, Desk)
    window = parts.window
    window.form.number_edit.setText("98765 43210")
    window.form.number_edit.returnPressed.emit()
    qtbot.waitUntil(lambda: cell(parts, "Outcome") == "Placed")
    assert {"history.sqlite3-wal", "lists.sqlite3-wal"} <= set(journal_files(data_dir))
    window.close()
    return data_dir


class SlowKeyring(MemoryKeyring):
    """A keyring that answers only when the test lets it (a wallet being unlocked)."""

    def __init__(self) -> None:
        super().__init__()
        self.asked = threading.Event()
        self.answer = threading.Event()

    def get_password(self, service: str, username: str) -> str | None:
        self.asked.set()
        self.answer.wait(10)
        return super().get_password(service, username)


@pytest.fixture
def slow_keyring(sandbox: Sandbox) -> Iterator[SlowKeyring]:
    backend = SlowKeyring()
    backend.set_password("dialer-app", sandbox.base_url, SENTINEL)
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    backend.answer.set()
    keyring.set_keyring(previous)


def test_a_key_that_arrives_after_quitting_opens_no_connection(
    launch: Launch, qtbot: QtBot, sandbox: Sandbox, slow_keyring: SlowKeyring
) -> None:
    parts = launch()
    status = parts.window.statusBar()
    qtbot.waitUntil(slow_keyring.asked.is_set)
    assert status.currentMessage() == "Opening the password store…"
    timer = threading.Timer(0.1, slow_keyring.answer.set)  # while the shutdown waits for it
    timer.start()
    parts.window.close()
    timer.join()
    # The key's arrival is shown (the flow ran) but nothing was asked of the service.
    qtbot.waitUntil(lambda: status.currentMessage().startswith("Ready."))

    assert parts.account.client is None
    assert [r for e in LIST_ENDPOINTS for r in sandbox.received(e)] == []
