"""The real window, assembled as the app does it, talking to the sandbox over loopback."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dialer_app.composition import Desk, assemble
from dialer_app.core.config import Paths
from dialer_app.core.logsetup import Redactor, configure
from dialer_app.sandbox import Sandbox
from dialer_app.ui.common.dialogs import AccountChoice, AccountDialog
from dialer_app.ui.language import install_translations
from tests.helpers.keys import SENTINEL, MemoryKeyring
from tests.helpers.window import Launch, wait_for_lists


@pytest.fixture(scope="session", autouse=True)
def english(qapp: QApplication) -> None:
    """The app's English catalogue (its plural forms), loaded as the app does at start-up."""
    install_translations(qapp, "en")


@pytest.fixture
def logs_to_data_dir(data_dir: Path, root_logging: logging.Logger) -> Redactor:
    """The app's own logging (redacted, debug level) into the data directory's log file."""
    redactor = Redactor()
    configure(redactor, Paths(data_dir).log, debug=True)
    return redactor


@pytest.fixture
def launch(
    qtbot: QtBot, data_dir: Path, sandbox: Sandbox, logs_to_data_dir: Redactor
) -> Iterator[Launch]:
    """Start the app against the sandbox, with the key coming from the (memory) keyring."""
    started: list[Desk] = []

    def start(*, base_url: str | None = None, **options: Any) -> Desk:
        """``options`` go to ``assemble`` (faster polls, a report schedule)."""
        url = base_url or sandbox.base_url
        parts = assemble(Paths(data_dir), logs_to_data_dir, base_url=url, **options)
        qtbot.addWidget(parts.window)
        parts.window.show()
        parts.window.start()
        started.append(parts)
        return parts

    yield start
    for parts in started:
        parts.window.close()


@pytest.fixture
def account_dialog_notes(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The agent answers the account dialog with the sandbox and the sentinel key."""
    notes: list[str] = []

    def ask(
        cls: object, /, parent: object, base_url: str, has_key: bool, note: str, **_: object
    ) -> AccountChoice:
        notes.append(note)
        return AccountChoice(sandbox.base_url, SENTINEL)

    monkeypatch.setattr(AccountDialog, "ask", classmethod(ask))
    return notes


@pytest.fixture
def saved_key(memory_keyring: MemoryKeyring, sandbox: Sandbox) -> None:
    memory_keyring.set_password("dialer-app", sandbox.base_url, SENTINEL)


@pytest.fixture
def parts(launch: Launch, qtbot: QtBot, saved_key: None) -> Desk:
    """The app started with its key in the keyring, members and deskphones loaded."""
    started = launch()
    wait_for_lists(qtbot, started)
    return started
