"""The list's progress line counts a lead as done once its attempt has an outcome, not while
its call is still ringing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from dialer_app.composition import Desk
from dialer_app.sandbox import ManualClock, Sandbox
from tests.helpers.keys import SENTINEL
from tests.helpers.lists import ListClock, choose_purpose, write_csv
from tests.helpers.window import Launch, wait_for_lists

NUMBERS = [f"98765 4321{digit}" for digit in range(7)]


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime.now(UTC))


@pytest.fixture
def sandbox(clock: ManualClock) -> Iterator[Sandbox]:
    with Sandbox(authcode=SENTINEL, call_seconds=8, clock=clock) as server:
        yield server


def progress(desk: Desk) -> str:
    assert desk.window.lists is not None
    return desk.window.lists.panel.progress_label.text()


def settled(desk: Desk) -> bool:
    """The call's outcome is in and every job it started (the progress count) returned."""
    return desk.window.form.call_button.isEnabled() and desk.runner.active == 0


@pytest.mark.usefixtures("saved_key")
def test_a_ringing_lead_is_not_done_until_its_call_has_an_outcome(
    qtbot: QtBot, launch: Launch, sandbox: Sandbox, clock: ManualClock, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    rows = [["Name", "Mobile"]] + [[f"Lead {i}", n] for i, n in enumerate(NUMBERS)]
    source = write_csv(tmp_path / "leads.csv", ",", rows)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    desk = launch(live_poll_ms=50, report_schedule=(60.0,), clock=ListClock())
    wait_for_lists(qtbot, desk)
    lists = desk.window.lists
    assert lists is not None
    QTest.keyClick(desk.window.form.number_edit, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: lists.files.preview_dialog is not None, timeout=5000)
    dialog = lists.files.preview_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    choose_purpose(qtbot, dialog, "service")
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: progress(desk).startswith("0 of 7 done"), timeout=5000)

    QTest.keyClick(desk.window.form.number_edit, Qt.Key.Key_Return)  # the first lead
    qtbot.waitUntil(lambda: "Ringing the customer" in desk.window.outcome_label.text())
    qtbot.waitUntil(lambda: settled(desk))
    assert progress(desk).startswith("0 of 7 done")  # still ringing

    clock.advance(9)  # answered, talked, over: the report says connected
    panel = desk.window.wrap_up
    qtbot.waitUntil(lambda: panel.isVisible() and panel.hasFocus(), timeout=5000)
    qtbot.waitUntil(lambda: progress(desk).startswith("1 of 7 done · 1 connected"))
    QTest.keyClick(QApplication.focusWidget() or panel, Qt.Key.Key_1)  # Interested
    QTest.keyClick(QApplication.focusWidget() or panel, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.window.form.number_edit.text() == NUMBERS[1], timeout=5000)
    qtbot.waitUntil(lambda: settled(desk))
    assert progress(desk).startswith("1 of 7 done")
