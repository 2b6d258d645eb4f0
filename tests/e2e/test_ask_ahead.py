"""The team is asked while the number is typed, so Return sends at once; the guard still asks.

Through the real window against the sandbox: what the agent notices is whether the call
waits for the team's two requests after Return, and whether a teammate's recent call to the
same customer still stops the call with a question that defaults to not calling.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from dialer_app.composition import Desk
from dialer_app.sandbox import Fault, Sandbox
from dialer_app.ui.calling import ask_ahead
from dialer_app.ui.calling.ask_ahead import AskAhead
from dialer_app.ui.common.dialogs import ConfirmRedial

CLICK = "click_to_call_v3"
NUMBER = "9876543219"


def team_asks(sandbox: Sandbox) -> int:
    """Report requests about ``NUMBER`` (the team check; the live poll asks other things)."""
    return sum(NUMBER in item.params.values() for item in sandbox.received("call_list_v2"))


def type_and_wait_for_the_team(qtbot: QtBot, parts: Desk) -> AskAhead:
    edit = parts.window.form.number_edit
    edit.clear()
    QTest.keyClicks(edit, NUMBER)
    ahead = parts.window.findChild(AskAhead)
    assert isinstance(ahead, AskAhead)
    member = parts.window.form.selected_member()
    assert member is not None
    qtbot.waitUntil(lambda: ahead.fresh(NUMBER, member.number, 120) is not None, timeout=5000)
    return ahead


def asked_questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The re-dial question is answered as Return answers it (don't call)."""
    asked: list[str] = []

    def ask(_cls: object, _parent: object, text: str) -> bool:
        asked.append(text)
        return False

    monkeypatch.setattr(ConfirmRedial, "ask", classmethod(ask))
    return asked


def test_return_sends_at_once_when_the_team_was_asked_while_typing(
    qtbot: QtBot, parts: Desk, sandbox: Sandbox
) -> None:
    type_and_wait_for_the_team(qtbot, parts)
    assert team_asks(sandbox) >= 1  # asked before Return
    # Asking the team now would hold the call for the guard's 1.5 s and say it was skipped.
    sandbox.inject("call_list_v2", Fault.SLOW, delay=4.0, times=10)
    QTest.keyClick(parts.window.form.number_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(sandbox.received(CLICK)) == 1, timeout=1000)
    assert "team check" not in parts.window.statusBar().currentMessage()


def test_a_teammates_call_found_while_typing_still_asks_and_return_does_not_call(
    qtbot: QtBot, parts: Desk, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = asked_questions(monkeypatch)
    sandbox.add_team_call(NUMBER, seconds_ago=30)
    type_and_wait_for_the_team(qtbot, parts)
    QTest.keyClick(parts.window.form.number_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(asked))
    assert "called 98765 43219" in asked[0]
    qtbot.waitUntil(lambda: parts.window.form.call_button.isEnabled())
    assert sandbox.received(CLICK) == []


def test_an_answer_older_than_ten_seconds_is_asked_again_at_the_press(
    qtbot: QtBot, parts: Desk, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    type_and_wait_for_the_team(qtbot, parts)
    monkeypatch.setattr(ask_ahead, "FRESH_S", 0.0)  # every answer is stale now
    sandbox.inject("call_list_v2", Fault.SLOW, delay=4.0, times=10)
    QTest.keyClick(parts.window.form.number_edit, Qt.Key.Key_Return)
    status = parts.window.statusBar()  # asked again, and waited the guard's 1.5 s for it
    qtbot.waitUntil(lambda: "team check was skipped" in status.currentMessage(), timeout=4000)
    qtbot.waitUntil(lambda: len(sandbox.received(CLICK)) == 1, timeout=5000)


def test_a_number_blocked_after_it_was_typed_is_refused_not_called(
    qtbot: QtBot, parts: Desk, sandbox: Sandbox
) -> None:
    type_and_wait_for_the_team(qtbot, parts)  # the history, read ahead, said "go"
    with qtbot.waitSignal(parts.history.block(NUMBER).finished, timeout=3000):
        pass
    QTest.keyClick(parts.window.form.number_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "do-not-call list" in parts.window.outcome_label.text())
    assert sandbox.received(CLICK) == []


def test_return_again_after_a_call_asks_before_calling_the_same_customer_twice(
    qtbot: QtBot, parts: Desk, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = asked_questions(monkeypatch)
    type_and_wait_for_the_team(qtbot, parts)
    edit = parts.window.form.number_edit
    QTest.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: parts.window.form.call_button.isEnabled())
    QTest.keyClick(edit, Qt.Key.Key_Return)  # the same number, seconds later
    qtbot.waitUntil(lambda: bool(asked))
    qtbot.waitUntil(lambda: parts.window.form.call_button.isEnabled())
    assert len(sandbox.received(CLICK)) == 1
