"""A call-down list worked through the real window against the sandbox, by keyboard alone:
import with its preview, Return, the wrap-up, the next lead, F6, F7 and its reminder, a
restart in the middle, and the export."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from dialer_app.app import main
from dialer_app.composition import Desk
from dialer_app.sandbox import ManualClock, Sandbox
from tests.helpers.keys import SENTINEL
from tests.helpers.lists import ListClock, lead_rows, list_keys, write_csv
from tests.helpers.window import Launch, wait_for_lists

CLICK = "click_to_call_v3"
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime.now(UTC))


@pytest.fixture
def sandbox(clock: ManualClock) -> Iterator[Sandbox]:
    with Sandbox(authcode=SENTINEL, call_seconds=8, clock=clock) as server:
        yield server


def start(launch: Launch, qtbot: QtBot, list_clock: ListClock) -> Desk:
    desk = launch(live_poll_ms=50, report_schedule=(60.0,), clock=list_clock,
                  reminder_ms=50)  # fmt: skip
    wait_for_lists(qtbot, desk)
    desk.window.activateWindow()
    return desk


def press(desk: Desk, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
          ) -> None:  # fmt: skip
    """A key where the focus is (the agent's hands are on the keyboard, nowhere else)."""
    target = QApplication.focusWidget() or desk.window
    QTest.keyClick(target, key, modifier)


def number(desk: Desk) -> str:
    return desk.window.form.number_edit.text()


def progress(desk: Desk) -> str:
    assert desk.window.lists is not None
    return desk.window.lists.panel.progress_label.text()


def banner(desk: Desk) -> str:
    return desk.window.outcome_label.text()


@pytest.mark.usefixtures("saved_key")
def test_a_list_from_a_spreadsheet_to_its_export_by_keyboard(
    qtbot: QtBot, launch: Launch, sandbox: Sandbox, clock: ManualClock, tmp_path: Path,
    data_dir: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    source = write_csv(tmp_path / "leads.csv", ";", [
        ["Name", "Mobile", "City"],
        ["Asha Rao", "98765 43210", "Pune"],
        ["Ravi Kumar", "+91 98765 43211", "Delhi"],
        ["Too Short", "12345", "Agra"],
        ["Meena Iyer", "098765-43213", "=cmd|' /C calc'!A0"],
        ["Asha again", "9876543210", "Pune"],
    ])  # fmt: skip
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    list_clock = ListClock()
    desk = start(launch, qtbot, list_clock)
    lists = desk.window.lists
    assert lists is not None

    press(desk, Qt.Key.Key_O, CTRL)  # import
    files = lists.files
    qtbot.waitUntil(lambda: files.preview_dialog is not None, timeout=5000)
    dialog = files.preview_dialog
    assert dialog is not None
    assert "3 leads are ready to call" in dialog.summary.text()
    reasons = [str(dialog.table.model().index(r, 3).data()) for r in range(dialog.table.rowCount())]
    assert any("Too short" in reason for reason in reasons)
    assert any("same number as row 2" in reason for reason in reasons)
    qtbot.waitUntil(dialog.isVisible)
    QTest.keyClick(dialog, Qt.Key.Key_Return)  # Return imports
    qtbot.waitUntil(lambda: number(desk) == "98765 43210", timeout=5000)
    assert "Asha Rao" in lists.panel.details_label.text()
    qtbot.waitUntil(lambda: progress(desk).startswith("0 of 3 done"))
    assert sandbox.received(CLICK) == []  # filled in, never dialled

    qtbot.waitUntil(lambda: desk.window.form.number_edit.hasFocus())
    press(desk, Qt.Key.Key_Return)  # the agent calls the lead
    qtbot.waitUntil(lambda: "Ringing the customer" in banner(desk), timeout=5000)
    clock.advance(9)
    panel = desk.window.wrap_up
    qtbot.waitUntil(lambda: panel.isVisible() and panel.hasFocus(), timeout=5000)
    press(desk, Qt.Key.Key_1)  # Interested
    press(desk, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: number(desk) == "98765 43211", timeout=5000)  # the next lead
    qtbot.waitUntil(lambda: progress(desk) == "1 of 3 done · 1 connected · 0 to call back")
    assert len(sandbox.received(CLICK)) == 1

    press(desk, Qt.Key.Key_F6)  # skip Ravi
    qtbot.waitUntil(lambda: number(desk) == "98765 43213")
    desk.shutdown()  # a restart in the middle of the list

    desk = start(launch, qtbot, list_clock)
    restarted = desk.window.lists
    assert restarted is not None
    lists = restarted
    qtbot.waitUntil(lambda: number(desk) == "98765 43213", timeout=5000)  # the same lead
    qtbot.waitUntil(lambda: progress(desk).startswith("2 of 3 done"))
    press(desk, Qt.Key.Key_F7)  # call Meena back later
    qtbot.waitUntil(lambda: getattr(QApplication.focusWidget(), "objectName", str)()
                    == "callBackMinutesSpin")  # fmt: skip
    spin = QApplication.focusWidget()
    assert spin is not None
    QTest.keyClicks(spin, "5")
    QTest.keyClick(spin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "The list is done" in lists.panel.details_label.text())
    qtbot.waitUntil(lambda: progress(desk).endswith("1 to call back"))
    list_clock.advance(timedelta(minutes=6))  # the call back is due: a reminder
    qtbot.waitUntil(lambda: "Time to call back Meena Iyer" in banner(desk), timeout=3000)
    assert number(desk) == "98765 43213"  # back at the top, filled in, not dialled
    assert len(sandbox.received(CLICK)) == 1

    shown = tmp_path / "results.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(shown), ""))
    press(desk, Qt.Key.Key_E, CTRL | SHIFT)
    qtbot.waitUntil(lambda: shown.exists(), timeout=5000)
    cli = tmp_path / "cli.xlsx"
    assert main(["--data-dir", str(data_dir), "--export-list", "leads", str(cli)]) == 0
    with shown.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["Name"], r["status"], r["disposition"]) for r in rows] == [
        ("Asha Rao", "connected", "Interested"),
        ("Ravi Kumar", "skipped", ""),
        ("Too Short", "refused", ""),
        ("Meena Iyer", "call_back", ""),
        ("Asha again", "refused", ""),
    ]
    assert rows[0]["attempts"] == "1"
    assert rows[0]["campid"]
    assert rows[3]["City"].startswith("'=")  # a formula is never handed to a spreadsheet
    assert lead_rows(cli)[1][1] == "98765 43210"  # numbers as text: as written in the file
    assert list_keys(desk.window) == {"Ctrl+O", "F6", "F7", "Ctrl+Shift+E"}
