"""Calling hours through the real window: outside them no path sends a request.

The clock is the test's own (India time): the first call goes at 20:58, then the clock moves
past 21:00 and every way of calling again (Return, the button, F9, a history re-dial, a link,
an answer to an open re-dial question) is refused with the time calling opens.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from dialer_app.composition import Desk
from dialer_app.sandbox import Sandbox
from dialer_app.ui.common.dialogs import ConfirmRedial
from tests.helpers.hours import india, set_hours
from tests.helpers.text import shown
from tests.helpers.window import Launch, cell, wait_for_lists

CLICK = "click_to_call_v3"
DAY = "2026-12-02"
REFUSED = (
    "Not called: calls are allowed from 09:00 to 21:00 India time (TRAI rules). "
    "Calling opens at 09:00 tomorrow."
)


class Clock:
    """India time the test moves by hand."""

    def __init__(self, clock: str) -> None:
        self.now = india(DAY, clock)

    def set(self, clock: str) -> None:
        self.now = india(DAY, clock)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock("20:58")


@pytest.fixture
def desk(launch: Launch, qtbot: QtBot, saved_key: None, data_dir: Path, clock: Clock) -> Desk:
    set_hours(data_dir, "09:00-21:00")
    parts = launch(clock=clock)
    wait_for_lists(qtbot, parts)
    return parts


def calls(sandbox: Sandbox) -> int:
    return len(sandbox.received(CLICK))


def first_call(qtbot: QtBot, desk: Desk, sandbox: Sandbox, number: str = "98765 43210") -> None:
    form = desk.window.form
    form.number_edit.setText(number)
    QTest.keyClick(form.number_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: calls(sandbox) == 1 and form.call_button.isEnabled(), timeout=5000)
    qtbot.waitUntil(lambda: desk.window.history_view.model().rowCount() == 1)  # its row shows


def by_return(desk: Desk) -> None:
    desk.window.form.number_edit.setText("98765 43211")
    QTest.keyClick(desk.window.form.number_edit, Qt.Key.Key_Return)


def by_button(desk: Desk) -> None:
    desk.window.form.number_edit.setText("98765 43211")
    desk.window.form.call_button.click()


def by_f9(desk: Desk) -> None:
    desk.window.form.number_edit.setText("")
    desk.window.call_again_action.trigger()


def by_history_redial(desk: Desk) -> None:
    view = desk.window.history_view
    view.activated.emit(view.model().index(0, 1))
    QTest.keyClick(desk.window.form.number_edit, Qt.Key.Key_Return)


def by_link(desk: Desk) -> None:
    desk.window.on_handed_over("tel:+91-98765-43211")
    QTest.keyClick(desk.window.form.number_edit, Qt.Key.Key_Return)


PATHS: dict[str, Callable[[Desk], None]] = {
    "Return": by_return,
    "the Call button": by_button,
    "F9": by_f9,
    "a history re-dial": by_history_redial,
    "a tel: link": by_link,
}


@pytest.mark.parametrize("path", sorted(PATHS))
def test_after_closing_time_no_path_calls(
    path: str, qtbot: QtBot, desk: Desk, sandbox: Sandbox, clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr(ConfirmRedial, "ask", classmethod(lambda cls, parent, text: True))
    if path == "F9":  # F9 calls back the customer left waiting (the sandbox's ...219)
        first_call(qtbot, desk, sandbox, "98765 43219")
        qtbot.waitUntil(lambda: cell(desk, "Result").startswith("⚠ Customer"), timeout=5000)
    else:
        first_call(qtbot, desk, sandbox)  # 20:58: allowed
    clock.set("21:00")
    PATHS[path](desk)
    qtbot.waitUntil(lambda: REFUSED in shown(desk.window.outcome_label.text()))
    assert calls(sandbox) == 1
    assert desk.window.form.call_button.isEnabled()  # nothing is left waiting
    assert desk.window.history_view.model().rowCount() == 1  # no row for a refused call


def test_a_redial_question_left_open_past_closing_time_does_not_call(
    qtbot: QtBot, desk: Desk, sandbox: Sandbox, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    first_call(qtbot, desk, sandbox)
    clock.set("20:59")

    def answer_after_closing(cls: object, parent: object, text: str) -> bool:
        clock.set("21:01")  # the agent read the question for two minutes, then said yes
        return True

    monkeypatch.setattr(ConfirmRedial, "ask", classmethod(answer_after_closing))
    QTest.keyClick(desk.window.form.number_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: REFUSED in shown(desk.window.outcome_label.text()))
    assert calls(sandbox) == 1
    qtbot.waitUntil(desk.window.form.call_button.isEnabled)


def test_calling_opens_again_in_the_morning(
    qtbot: QtBot, desk: Desk, sandbox: Sandbox, clock: Clock
) -> None:
    clock.set("08:59")
    by_return(desk)
    qtbot.waitUntil(
        lambda: "Calling opens at 09:00 today." in shown(desk.window.outcome_label.text())
    )
    assert calls(sandbox) == 0
    clock.set("09:00")
    QTest.keyClick(desk.window.form.number_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: calls(sandbox) == 1, timeout=5000)
