"""An agent's session through the real window against the sandbox over loopback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from dialer_app.core.history.store import HistoryStore
from dialer_app.core.records import CallRequest
from dialer_app.sandbox import Fault, Sandbox
from dialer_app.ui.common.dialogs import ConfirmRedial
from tests.helpers.keys import SENTINEL, MemoryKeyring, no_keyring
from tests.helpers.text import shown
from tests.helpers.window import Launch, cell, wait_for_lists


def press_return(widget: QWidget) -> None:
    QTest.keyClick(widget, Qt.Key.Key_Return)


@pytest.mark.usefixtures("saved_key")
def test_agent_places_a_call_with_return(qtbot: QtBot, launch: Launch, sandbox: Sandbox) -> None:
    parts = launch()
    window = parts.window
    wait_for_lists(qtbot, parts)
    assert window.focusWidget() is window.form.number_edit or not window.isActiveWindow()
    assert window.form.deskphone_combo.currentText() == "01204000000"
    window.form.number_edit.setText("+91 98765 43210")
    assert window.form.number_hint.text() == "Will dial 98765 43210 (mobile)"
    press_return(window.form.number_edit)
    qtbot.waitUntil(lambda: "Ringing customer 98765 43210" in window.outcome_label.text())
    assert "campaign 3570001" in shown(window.outcome_label.text())
    (call,) = sandbox.received("click_to_call_v3")
    member = window.form.selected_member()
    assert member is not None
    assert call.params == {
        "calling_party_a": "9876543210",
        "calling_party_b": member.number,
        "deskphone": "01204000000",
        "call_from_did": "1",
    }
    assert call.authcode_valid
    qtbot.waitUntil(lambda: cell(parts, "Outcome") == "Placed")  # the row is read on a worker
    assert cell(parts, "Campid") == "3570001"
    assert cell(parts, "Customer") == "98765 43210"
    assert window.form.call_button.isEnabled()
    qtbot.waitUntil(lambda: "499 click-to-call coins" in window.balance_label.text())


@pytest.mark.usefixtures("saved_key")
def test_call_limit_is_sent_in_seconds(qtbot: QtBot, launch: Launch, sandbox: Sandbox) -> None:
    parts = launch()
    wait_for_lists(qtbot, parts)
    parts.window.form.limit_spin.setValue(90)
    parts.window.form.number_edit.setText("9876543210")
    parts.window.form.call_button.click()
    qtbot.waitUntil(lambda: cell(parts, "Outcome") == "Placed")
    assert sandbox.received("click_to_call_v3")[0].params["CallLimit"] == "90"
    assert cell(parts, "Limit") == "90 s"


@pytest.mark.usefixtures("saved_key")
@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("+1 415 555 1234", "foreign number"),
        ("98765 43210 ext 5", "Extensions"),
        ("98765 4321", "9 digits"),
        ("", "the customer's number"),
    ],
)
def test_bad_numbers_are_explained_and_never_sent(
    qtbot: QtBot, launch: Launch, sandbox: Sandbox, typed: str, reason: str
) -> None:
    parts = launch()
    wait_for_lists(qtbot, parts)
    parts.window.form.number_edit.setText(typed)
    assert reason in parts.window.form.number_hint.text()
    press_return(parts.window.form.number_edit)
    assert parts.window.outcome_label.text().startswith("Not called:")
    assert reason in parts.window.outcome_label.text()
    assert sandbox.received("click_to_call_v3") == []
    assert parts.window.history_view.model().rowCount() == 0


@pytest.mark.usefixtures("saved_key")
def test_double_return_sends_one_request(qtbot: QtBot, launch: Launch, sandbox: Sandbox) -> None:
    parts = launch()
    wait_for_lists(qtbot, parts)
    sandbox.inject("click_to_call_v3", Fault.SLOW, delay=0.5)
    edit = parts.window.form.number_edit
    edit.setText("9876543210")
    press_return(edit)
    assert not parts.window.form.call_button.isEnabled()
    press_return(edit)
    parts.window.form.call_button.click()
    qtbot.waitUntil(lambda: cell(parts, "Outcome") == "Placed", timeout=5000)
    assert len(sandbox.received("click_to_call_v3")) == 1
    assert parts.window.history_view.model().rowCount() == 1


@pytest.mark.usefixtures("saved_key")
def test_closing_mid_request_finishes_the_row(
    qtbot: QtBot, launch: Launch, sandbox: Sandbox, data_dir: Path
) -> None:
    parts = launch()
    wait_for_lists(qtbot, parts)
    sandbox.inject("click_to_call_v3", Fault.SLOW, delay=1.0)
    parts.window.form.number_edit.setText("9876543210")
    parts.window.form.call_button.click()
    qtbot.waitUntil(lambda: cell(parts, "Outcome") == "Sending…")
    parts.window.close()
    with sqlite3.connect(data_dir / "history.sqlite3") as db:
        rows = db.execute("SELECT outcome, campid FROM calls").fetchall()
    assert rows == [("placed", "3570001")]


@pytest.mark.usefixtures("saved_key")
def test_rows_left_sending_by_a_crash_become_unknown_at_start(
    qtbot: QtBot, launch: Launch, data_dir: Path
) -> None:
    crashed = HistoryStore(data_dir / "history.sqlite3")
    crashed.begin(CallRequest("9876543210", "9700009153", "01204000000"))
    crashed.close()
    parts = launch()
    qtbot.waitUntil(lambda: parts.window.history_view.model().rowCount() == 1)
    assert cell(parts, "Outcome").startswith("Unknown")
    assert "may have rung" in parts.window.outcome_label.text()


@pytest.mark.usefixtures("saved_key")
def test_redial_within_cooldown_asks_first(
    qtbot: QtBot, launch: Launch, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    questions: list[str] = []
    answers = iter([False, True])

    def ask(cls: type[ConfirmRedial], parent: QWidget, text: str) -> bool:
        questions.append(text)
        return next(answers)

    monkeypatch.setattr(ConfirmRedial, "ask", classmethod(ask))
    parts = launch()
    wait_for_lists(qtbot, parts)
    parts.window.form.number_edit.setText("9876543210")
    parts.window.form.call_button.click()
    qtbot.waitUntil(lambda: cell(parts, "Outcome") == "Placed")
    parts.window.form.number_edit.setText("+91 98765 43210")
    parts.window.form.call_button.click()  # declined
    qtbot.waitUntil(lambda: parts.window.form.call_button.isEnabled())
    assert len(sandbox.received("click_to_call_v3")) == 1
    assert "98765 43210 was already called" in questions[0]
    assert "campaign 3570001" in shown(questions[0])
    parts.window.form.call_button.click()  # confirmed
    qtbot.waitUntil(lambda: parts.window.history_view.model().rowCount() == 2)
    qtbot.waitUntil(lambda: parts.window.form.call_button.isEnabled())
    assert len(sandbox.received("click_to_call_v3")) == 2


@pytest.mark.usefixtures("saved_key")
def test_member_on_break_is_refused_with_guidance(
    qtbot: QtBot, launch: Launch, sandbox: Sandbox
) -> None:
    parts = launch()
    wait_for_lists(qtbot, parts)
    sandbox.inject(
        "click_to_call_v3", Fault.ERROR_MESSAGE, message="Agent on break/Inactive. Call not allowed"
    )
    parts.window.form.number_edit.setText("9876543210")
    parts.window.form.call_button.click()
    qtbot.waitUntil(lambda: cell(parts, "Outcome") == "Rejected")
    text = parts.window.outcome_label.text()
    assert "Agent on break/Inactive" in text
    assert "Pick another member" in text


def test_first_start_asks_for_the_key_and_stores_it_in_the_keyring(
    qtbot: QtBot,
    launch: Launch,
    sandbox: Sandbox,
    memory_keyring: MemoryKeyring,
    account_dialog_notes: list[str],
) -> None:
    asked = account_dialog_notes
    parts = launch()
    wait_for_lists(qtbot, parts)
    assert "password store" in asked[0]
    qtbot.waitUntil(lambda: ("dialer-app", sandbox.base_url) in memory_keyring.passwords)
    assert memory_keyring.passwords[("dialer-app", sandbox.base_url)] == SENTINEL


def test_without_a_keyring_the_key_is_kept_for_the_session_only(
    qtbot: QtBot,
    launch: Launch,
    sandbox: Sandbox,
    account_dialog_notes: list[str],
) -> None:
    keyring.set_keyring(no_keyring())
    notes = account_dialog_notes
    parts = launch()
    wait_for_lists(qtbot, parts)
    assert "session only" in notes[0]
    assert "session only" in parts.window.outcome_label.text()
    parts.window.form.number_edit.setText("9876543210")
    parts.window.form.call_button.click()
    qtbot.waitUntil(lambda: cell(parts, "Outcome") == "Placed")


@pytest.mark.usefixtures("saved_key")
def test_the_key_never_reaches_logs_history_or_any_file(
    qtbot: QtBot,
    launch: Launch,
    sandbox: Sandbox,
    data_dir: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    parts = launch()
    wait_for_lists(qtbot, parts)
    texts: list[str] = []
    for fault in (None, Fault.DROP, Fault.HTML_PAGE, Fault.HTTP_500):
        if fault is not None:
            sandbox.inject("click_to_call_v3", fault)
        parts.window.form.number_edit.setText(f"98765 4321{len(texts)}")
        parts.window.form.call_button.click()
        qtbot.waitUntil(lambda: parts.window.form.call_button.isEnabled(), timeout=5000)
        qtbot.waitUntil(lambda: not parts.window.outcome_label.text().startswith("Calling"))
        texts.append(parts.window.outcome_label.text())
    assert len(texts) == 4
    parts.window.close()
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert any(p.name == "history.sqlite3" for p in files)
    assert any(p.name.startswith("dialer.log") for p in files)
    for path in files:
        assert SENTINEL.encode() not in path.read_bytes(), path
    assert SENTINEL not in caplog.text
    assert all(SENTINEL not in text for text in texts)
