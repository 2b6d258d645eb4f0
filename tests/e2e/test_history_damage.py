"""A damaged, locked or unwritable history: the app starts, says so once, never loses a file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dialer_app.composition import assemble
from dialer_app.core.config import Paths
from dialer_app.core.logsetup import Redactor
from dialer_app.sandbox import Sandbox
from tests.helpers.keys import SENTINEL, MemoryKeyring
from tests.helpers.window import Launch, cell, wait_for_lists

GARBAGE = b"this is not a database, just some bytes a disk error left" * 40


@pytest.fixture(autouse=True)
def saved_key(memory_keyring: MemoryKeyring, sandbox: Sandbox) -> None:
    memory_keyring.set_password("dialer-app", sandbox.base_url, SENTINEL)


def test_a_damaged_file_is_kept_aside_untouched_and_a_new_history_starts(
    qtbot: QtBot, launch: Launch, data_dir: Path, sandbox: Sandbox
) -> None:
    (data_dir / "history.sqlite3").write_bytes(GARBAGE)
    parts = launch()
    banner = parts.window.outcome_label.text()
    assert "a new one starts now" in banner
    [aside] = data_dir.glob("history.damaged-*.sqlite3")
    assert aside.name in banner
    assert aside.read_bytes() == GARBAGE
    wait_for_lists(qtbot, parts)
    parts.window.form.number_edit.setText("9876543210")
    parts.window.form.call_button.click()
    qtbot.waitUntil(lambda: cell(parts, "Outcome") == "Placed")
    parts.window.close()
    again = launch()  # told once: the next start is quiet
    assert "could not be read" not in again.window.outcome_label.text()
    assert len(list(data_dir.glob("history.damaged-*"))) == 1


def test_a_locked_history_disables_calls_and_sends_nothing(
    qtbot: QtBot, launch: Launch, data_dir: Path, sandbox: Sandbox
) -> None:
    path = data_dir / "history.sqlite3"
    sqlite3.connect(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program holds the file
    try:
        parts = launch()
        assert "calls are disabled" in parts.window.outcome_label.text()
        assert "locked" in parts.window.outcome_label.text()
        wait_for_lists(qtbot, parts)
        parts.window.form.number_edit.setText("9876543210")
        parts.window.form.call_button.click()
        assert "the call history cannot be written" in parts.window.outcome_label.text()
        assert sandbox.received("click_to_call_v3") == []
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert path.stat().st_size == 0  # nothing was moved or rewritten


def test_an_unusable_data_directory_still_starts_the_window(
    qtbot: QtBot, tmp_path: Path, sandbox: Sandbox, root_logging: object
) -> None:
    """A data directory that cannot hold files (here its parent is a file; as root a
    read-only mode would not stop us): the window opens and says calls are disabled."""
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    parts = assemble(Paths(blocker / "data"), Redactor(), base_url=sandbox.base_url)
    qtbot.addWidget(parts.window)
    parts.window.show()
    assert "calls are disabled" in parts.window.outcome_label.text()
    assert blocker.read_text() == ""
