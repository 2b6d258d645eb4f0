"""The live call, the wrap-up after it and the team's guard, through the real window.

The sandbox runs on a manual clock: each leg of a simulated 8 s call happens when the test
moves the clock, and the window is waited on (never slept on) to show it.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from dialer_app.app import main
from dialer_app.composition import Desk
from dialer_app.core.config import Paths
from dialer_app.core.history.store import HistoryStore
from dialer_app.sandbox import Fault, ManualClock, Sandbox
from dialer_app.ui import main_window
from dialer_app.ui.common.dialogs import ConfirmRedial
from dialer_app.ui.history.columns import COLUMNS
from tests.helpers.keys import SENTINEL
from tests.helpers.text import shown
from tests.helpers.window import Launch, wait_for_lists

CLICK = "click_to_call_v3"
FAST = {"live_poll_ms": 50, "report_schedule": (60.0,)}  # the report only when a call ends


@pytest.fixture
def clock() -> ManualClock:
    """Starts at the real time: the app matches reports to its calls by their start times."""
    return ManualClock(datetime.now(UTC))


@pytest.fixture
def sandbox(clock: ManualClock) -> Iterator[Sandbox]:
    """Calls of 8 s on the test's clock: the customer rings 2 s, the member 1 s, then talk."""
    with Sandbox(authcode=SENTINEL, call_seconds=8, clock=clock) as server:
        yield server


@pytest.fixture
def desk(launch: Launch, qtbot: QtBot, saved_key: None) -> Desk:
    started = launch(**FAST)
    wait_for_lists(qtbot, started)
    return started


def answer_redial(monkeypatch: pytest.MonkeyPatch, answer: bool) -> list[str]:
    """The re-dial question is answered ``answer``; the questions asked are returned."""
    asked: list[str] = []

    def ask(_cls: object, _parent: object, text: str) -> bool:
        asked.append(text)
        return answer

    monkeypatch.setattr(ConfirmRedial, "ask", classmethod(ask))
    return asked


def cell(desk: Desk, column: str, row: int = 0) -> str:
    model = desk.window.history_view.model()
    return str(model.data(model.index(row, [c.title for c in COLUMNS].index(column))))


def banner(desk: Desk) -> str:
    return desk.window.outcome_label.text()


def dial(desk: Desk, number: str) -> None:
    """Type the number and press Return, as the agent does."""
    edit = desk.window.form.number_edit
    edit.clear()
    QTest.keyClicks(edit, number)
    QTest.keyClick(edit, Qt.Key.Key_Return)


def test_the_banner_says_the_call_ended_when_the_report_arrives_first(
    qtbot: QtBot, launch: Launch, saved_key: None, sandbox: Sandbox, clock: ManualClock
) -> None:
    """The live list stops answering mid-call; the call report then says it is over."""
    desk = launch(live_poll_ms=50, report_schedule=(0.1,))
    wait_for_lists(qtbot, desk)
    dial(desk, "9876543210")
    qtbot.waitUntil(lambda: "Ringing the customer, 98765 43210" in banner(desk))
    clock.advance(3.5)
    qtbot.waitUntil(lambda: "Connected with 98765 43210 · 0:" in banner(desk))
    sandbox.inject("live_call_v2", Fault.HTTP_500, times=10_000)  # no more live news
    clock.advance(5.0)  # the call ends; only the call report can say so now

    qtbot.waitUntil(lambda: cell(desk, "Result") == "Connected")
    qtbot.waitUntil(lambda: "has ended" in banner(desk))
    assert "The call with 98765 43210 has ended." in banner(desk)
    assert "Connected with" not in banner(desk)


def test_every_live_state_in_order_then_the_report_at_once_then_the_wrap_up(
    qtbot: QtBot, desk: Desk, sandbox: Sandbox, clock: ManualClock, tmp_path: Path,
    data_dir: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    dial(desk, "9876543210")
    qtbot.waitUntil(lambda: "Ringing the customer, 98765 43210" in banner(desk))
    assert "Ringing the customer" in cell(desk, "Result")
    clock.advance(2.5)
    qtbot.waitUntil(lambda: "answered: ringing you" in banner(desk))
    clock.advance(1.0)
    qtbot.waitUntil(lambda: "Connected with 98765 43210 · 0:" in banner(desk))
    assert "Connected with" in cell(desk, "Result")
    clock.advance(5.0)  # the call ends: it leaves the live list, the report has it
    qtbot.waitUntil(lambda: "has ended" in banner(desk))
    qtbot.waitUntil(lambda: cell(desk, "Result") == "Connected", timeout=3000)  # not in 60 s

    panel = desk.window.wrap_up
    qtbot.waitUntil(lambda: panel.isVisible() and panel.hasFocus())
    assert "98765 43210" in panel.title.text()
    QTest.keyClick(panel, Qt.Key.Key_1)  # Interested
    QTest.keyClick(panel, Qt.Key.Key_Tab)
    assert desk.window.focusWidget() is panel.note_edit
    QTest.keyClicks(panel.note_edit, "=wants a demo")
    QTest.keyClick(panel.note_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cell(desk, "Disposition") == "Interested")
    assert cell(desk, "Note") == "=wants a demo"
    assert not panel.isVisible()
    assert desk.window.focusWidget() is desk.window.form.number_edit
    assert len(sandbox.received(CLICK)) == 1
    history = desk.window.history
    for choice, rows in (("Not wrapped up", 0), ("Interested", 1), ("All dispositions", 1)):
        history.disposition_combo.setCurrentText(choice)  # the history filters by disposition
        with qtbot.waitSignal(history.model.page_loaded, timeout=5000):
            pass
        assert history.model.rowCount() == rows, choice

    shown = tmp_path / "shown.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(shown), ""))
    desk.window.export_action.trigger()
    qtbot.waitUntil(lambda: desk.window.statusBar().currentMessage().startswith("Exported"))
    everything = tmp_path / "all.csv"
    assert main(["--data-dir", str(data_dir), "--export-history", str(everything)]) == 0
    for path in (shown, everything):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            [row] = list(csv.DictReader(handle))
        assert row["disposition"] == "Interested"
        assert row["note"] == "'=wants a demo"  # a formula is never handed to a spreadsheet
        assert row["call_back_at"] == ""


def test_escape_skips_the_wrap_up_and_stores_nothing(
    qtbot: QtBot, desk: Desk, clock: ManualClock
) -> None:
    dial(desk, "9876543216")  # the customer never answers
    qtbot.waitUntil(lambda: "Ringing the customer" in banner(desk))
    clock.advance(9)
    panel = desk.window.wrap_up
    qtbot.waitUntil(lambda: panel.isVisible() and panel.hasFocus())
    QTest.keyClick(panel, Qt.Key.Key_Escape)
    assert not panel.isVisible()
    assert cell(desk, "Disposition") == ""
    assert desk.window.focusWidget() is desk.window.form.number_edit


def test_the_customer_left_waiting_is_said_while_it_happens(
    qtbot: QtBot, launch: Launch, saved_key: None, clock: ManualClock, data_dir: Path
) -> None:
    settings = QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("live/customer_waiting_seconds", 1)
    settings.sync()
    desk = launch(**FAST)
    wait_for_lists(qtbot, desk)
    dial(desk, "9876543218")  # the customer answers, the member never does
    qtbot.waitUntil(lambda: "Ringing the customer" in banner(desk))
    clock.advance(2.5)
    qtbot.waitUntil(lambda: "answered: ringing you" in banner(desk))
    qtbot.waitUntil(lambda: "waiting on the line: pick up your phone" in banner(desk))
    assert desk.window.isVisible()


def test_do_not_call_refuses_on_every_path_until_taken_off(
    qtbot: QtBot, desk: Desk, sandbox: Sandbox, clock: ManualClock,
    monkeypatch: pytest.MonkeyPatch, data_dir: Path,
) -> None:  # fmt: skip
    asked = answer_redial(monkeypatch, True)
    dial(desk, "9876543210")
    qtbot.waitUntil(lambda: "Ringing the customer" in banner(desk))
    clock.advance(9)
    panel = desk.window.wrap_up
    qtbot.waitUntil(lambda: panel.isVisible() and panel.hasFocus())
    QTest.keyClick(panel, Qt.Key.Key_5)  # Do not call
    QTest.keyClick(panel, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "do-not-call list now" in banner(desk))
    history = HistoryStore(Paths(data_dir).history)
    [entry] = history.opt_outs("9876543210")  # who, when and why, for the audit
    history.close()
    assert entry.who == desk.window.form.selected_member().name  # type: ignore[union-attr]
    assert str(entry.reason) == "Do not call, chosen in the wrap-up"
    form, window = desk.window.form, desk.window
    view = window.history_view

    def by_link() -> None:
        window.on_handed_over("tel:+919876543210")
        QTest.keyClick(form.number_edit, Qt.Key.Key_Return)

    def by_redial() -> None:
        view.activated.emit(view.model().index(0, 1))
        QTest.keyClick(form.number_edit, Qt.Key.Key_Return)

    paths: dict[str, Callable[[], None]] = {
        "Return": lambda: dial(desk, "+91 98765 43210"),
        "link": by_link,
        "re-dial": by_redial,
        "button": form.call_button.click,
    }
    said: list[str] = []  # what the banner announces (a screen reader's words)
    monkeypatch.setattr(main_window, "announce", lambda _w, text, **_k: said.append(text))
    for path, act in paths.items():
        said.clear()
        act()
        qtbot.waitUntil(lambda: "is on the do-not-call list" in banner(desk))
        qtbot.waitUntil(lambda: form.call_button.isEnabled())
        assert len(sandbox.received(CLICK)) == 1, path
        assert [t for t in said if "do-not-call list" in t] == [said[-1]], path  # said once
        window.show_outcome("")  # the next path must say it again
    dial(desk, "9876543210")
    qtbot.waitUntil(lambda: "do-not-call list" in banner(desk))
    window.outcome_label.linkActivated.emit("unblock")
    qtbot.waitUntil(lambda: "Taken off the do-not-call list" in banner(desk))
    QTest.keyClick(form.number_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(sandbox.received(CLICK)) == 2)
    assert len(asked) == 1  # off the list, the re-dial guard still asks first


def test_the_team_guard_names_another_agents_call(
    qtbot: QtBot, desk: Desk, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer_redial(monkeypatch, False)
    sandbox.add_team_call("9876543211", seconds_ago=30)  # Priya Iyer, from her own desk
    dial(desk, "9876543211")
    qtbot.waitUntil(lambda: bool(asked))
    assert "Priya Iyer called 98765 43211 at " in shown(asked[0])
    assert "Connected" in asked[0]
    qtbot.waitUntil(lambda: desk.window.form.call_button.isEnabled())
    assert sandbox.received(CLICK) == []  # declined: nothing sent


def test_a_slow_team_check_is_skipped_and_the_call_goes_ahead_once(
    qtbot: QtBot, desk: Desk, sandbox: Sandbox
) -> None:
    sandbox.inject("call_list_v2", Fault.SLOW, delay=4.0, times=10)  # the timeline asks too
    dial(desk, "9876543210")
    QTest.keyClick(desk.window.form.number_edit, Qt.Key.Key_Return)  # hammered: ignored
    status = desk.window.statusBar()
    qtbot.waitUntil(lambda: "team check was skipped" in status.currentMessage(), timeout=4000)
    qtbot.waitUntil(lambda: len(sandbox.received(CLICK)) == 1, timeout=15000)
    qtbot.waitUntil(lambda: "Ringing the customer" in banner(desk))
    assert len(sandbox.received(CLICK)) == 1
