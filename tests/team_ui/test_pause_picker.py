"""F10: the pause picker (reasons in order, Return takes the highlighted one, the first by
default) and the key that pauses and resumes; while paused the window's call path is told
"Paused: F10 resumes"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from dialer_app.core.team.presence import DEFAULT_PAUSE_REASONS
from dialer_app.services.presence import PresenceService
from dialer_app.services.runner import Runner
from dialer_app.ui.supervisor.pause_picker import PauseKey, PausePicker


class FakeStore:
    """What the presence service writes, recorded (the database half is tests/team)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, ...]] = []

    def heartbeat(self, state: str = "ready", detail: str = "") -> None:
        self.calls.append(("heartbeat", state, detail))

    def pause(self, reason: str) -> None:
        self.calls.append(("pause", reason))

    def resume(self, state: str = "ready") -> None:
        self.calls.append(("resume", state))

    def paused_reason(self) -> str | None:
        return self.held

    held: str | None = None


@pytest.mark.parametrize(("downs", "chosen"), [(0, "Break"), (2, "Training")])
def test_return_takes_the_highlighted_reason_the_first_by_default(
    qtbot: QtBot, downs: int, chosen: str
) -> None:
    picker = PausePicker(DEFAULT_PAUSE_REASONS)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    assert picker.model.stringList() == list(DEFAULT_PAUSE_REASONS)
    for _ in range(downs):
        QTest.keyClick(picker.view, Qt.Key.Key_Down)
    QTest.keyClick(picker.view, Qt.Key.Key_Return)
    assert picker.result() == QDialog.DialogCode.Accepted
    assert picker.chosen() == chosen


def test_escape_pauses_nothing(qtbot: QtBot) -> None:
    picker = PausePicker(("Break",))
    qtbot.addWidget(picker)
    picker.show()
    QTest.keyClick(picker.view, Qt.Key.Key_Escape)
    assert picker.result() == QDialog.DialogCode.Rejected


def test_f10_pauses_with_the_reason_and_f10_again_resumes(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    store, runner = FakeStore(), Runner(max_threads=1)
    presence = PresenceService(store, runner)
    said: list[str] = []
    key = PauseKey(window, presence, ("Tea", "Lunch"), said.append)
    monkeypatch.setattr(PausePicker, "ask", classmethod(lambda cls, parent, reasons: reasons[1]))
    assert key.refusal() is None
    assert (key.action.text(), key.action.shortcut().toString()) == ("&Pause…", "F10")
    with qtbot.waitSignal(runner.drained):
        key.toggle()  # F10
    assert store.calls == [("pause", "Lunch")]
    assert key.refusal() == "Paused: F10 resumes"
    assert said[-1] == "Paused: F10 resumes"
    assert key.action.text() == "&Resume"  # the Team menu's entry says what F10 does now
    with qtbot.waitSignal(runner.drained):
        key.toggle()  # F10 again
    assert store.calls[-1] == ("resume", "ready")
    assert key.refusal() is None
    assert key.action.text() == "&Pause…"
    runner.wait(1000)


def test_a_desk_restarted_mid_pause_takes_the_pause_up(qtbot: QtBot) -> None:
    store, runner = FakeStore(), Runner(max_threads=1)
    store.held = "Lunch"
    presence = PresenceService(store, runner)
    with qtbot.waitSignal(presence.paused_changed) as seen:
        presence.start()
    assert seen.args == [True, "Lunch"]
    qtbot.waitUntil(lambda: store.calls == [("heartbeat", "paused", "Lunch")])
    runner.wait(1000)


def test_a_pause_taken_before_the_agent_was_known_is_recorded_once_it_is(qtbot: QtBot) -> None:
    """F10 pressed before a member was chosen (the store wrote nothing: no agent): when the
    desk starts the presence for its agent, the pause reaches the database."""
    store, runner = FakeStore(), Runner(max_threads=1)
    presence = PresenceService(store, runner)
    presence.pause("Lunch")
    qtbot.waitUntil(lambda: store.calls == [("pause", "Lunch")])
    store.calls.clear()  # the agent was not known: the real store wrote nothing
    presence.start()
    qtbot.waitUntil(lambda: store.calls == [("pause", "Lunch")])
    assert presence.paused
    runner.wait(1000)
