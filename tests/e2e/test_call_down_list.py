"""A call-down list worked through the real window against the sandbox, by keyboard alone:
import with its preview, Return, the wrap-up, the next lead, F6, F7 and its reminder, a
restart in the middle, and the export."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QProgressDialog
from pytestqt.qtbot import QtBot

from dialer_app import composition
from dialer_app.app import main
from dialer_app.composition import Desk
from dialer_app.sandbox import ManualClock, Sandbox
from dialer_app.ui.leads.menu import LeadListParts
from tests.helpers.hours import india, set_hours
from tests.helpers.keys import SENTINEL
from tests.helpers.lead_store import ThreadRecorder, recording
from tests.helpers.lists import ListClock, choose_purpose, lead_rows, list_keys, write_csv
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


@pytest.fixture(autouse=True)
def lead_store_threads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[ThreadRecorder]]:
    """Every lead-store call the window makes is recorded with its thread: the test fails if
    one ran on the GUI thread."""
    recorders: list[ThreadRecorder] = []
    real = composition.open_lists
    monkeypatch.setattr(
        composition, "open_lists", lambda paths: recording(lambda: real(paths), recorders)()
    )
    yield recorders
    assert recorders, "the window never opened its lead store"
    assert [r.on_gui_thread() for r in recorders] == [[] for _ in recorders]
    assert all(r.calls for r in recorders)


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
    reasons = [str(dialog.table.model().index(r, 4).data()) for r in range(dialog.table.rowCount())]
    assert any("Too short" in reason for reason in reasons)
    assert any("Same number as row 2 (Asha Rao)" in reason for reason in reasons)
    qtbot.waitUntil(dialog.isVisible)
    QTest.keyClick(dialog, Qt.Key.Key_Return)  # no purpose yet: Return does not import
    assert files.preview_dialog is dialog
    assert not dialog.import_button.isEnabled()
    choose_purpose(qtbot, dialog, "service")
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
    assert [(r["Name"], r["dialer_status"], r["dialer_disposition"]) for r in rows] == [
        ("Asha Rao", "connected", "Interested"),
        ("Ravi Kumar", "skipped", ""),
        ("Too Short", "refused", ""),
        ("Meena Iyer", "call_back", ""),
        ("Asha again", "refused", ""),
    ]
    assert rows[0]["dialer_attempts"] == "1"
    assert rows[0]["dialer_campid"]
    assert rows[3]["City"].startswith("'=")  # a formula is never handed to a spreadsheet
    assert lead_rows(cli)[1][1] == "98765 43210"  # numbers as text: as written in the file
    assert list_keys(desk.window) == {"Ctrl+O", "F6", "F7", "F4", "Ctrl+Shift+E"}


@pytest.fixture
def desk(launch: Launch, qtbot: QtBot, saved_key: None) -> Desk:
    return start(launch, qtbot, ListClock())


def parts_of(desk: Desk) -> LeadListParts:
    assert desk.window.lists is not None
    return desk.window.lists


def test_a_file_dropped_on_the_window_opens_the_preview_and_escape_saves_nothing(
    qtbot: QtBot, desk: Desk, tmp_path: Path
) -> None:
    source = write_csv(tmp_path / "dropped.csv", "\t", [["Name", "Phone"], ["A", "9876543210"]])
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(source))])
    action, none = Qt.DropAction.CopyAction, Qt.MouseButton.NoButton
    enter = QDragEnterEvent(QPoint(50, 50), action, data, none, Qt.KeyboardModifier.NoModifier)
    QCoreApplication.sendEvent(desk.window, enter)
    assert enter.isAccepted()  # the window takes a lead file
    files = parts_of(desk).files
    # Qt delivers a Drop only inside a real drag; the window's handler gets it as Qt would.
    drop = QDropEvent(QPointF(50, 50), action, data, none, Qt.KeyboardModifier.NoModifier)
    assert files.eventFilter(desk.window, drop)
    qtbot.waitUntil(lambda: files.preview_dialog is not None, timeout=5000)
    dialog = files.preview_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: "nothing was saved" in desk.window.statusBar().currentMessage())
    assert parts_of(desk).flow.active is None
    assert not parts_of(desk).panel.isVisible()


@pytest.mark.parametrize(
    ("content", "said"),
    [(b"", "is empty"), (b"City,Notes\nPune,x\n", "No column of phone numbers"),
     (b"\x89PNG\r\n\x1a\n0000", "not a table")],
    ids=["empty", "no number column", "a picture"],
)  # fmt: skip
def test_a_broken_file_gets_a_sentence_in_the_window(
    qtbot: QtBot, desk: Desk, tmp_path: Path, content: bytes, said: str
) -> None:
    path = tmp_path / "broken.csv"
    path.write_bytes(content)
    parts_of(desk).files.import_file(path)
    qtbot.waitUntil(lambda: "Not imported:" in banner(desk), timeout=5000)
    assert said in banner(desk)
    assert "Traceback" not in banner(desk)


def test_do_not_call_numbers_from_a_file_are_refused_at_import(
    qtbot: QtBot, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = write_csv(tmp_path / "dnc.csv", ",", [["number"], ["+91 98765 43211"], ["junk"]])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(blocked), ""))
    parts_of(desk).block_action.trigger()
    qtbot.waitUntil(lambda: "1 number is on the do-not-call list now." in banner(desk))
    source = write_csv(tmp_path / "day.csv", ",", [
        ["name", "mobile"], ["A", "9876543210"], ["B", "9876543211"]])  # fmt: skip
    files = parts_of(desk).files
    files.import_file(source)
    qtbot.waitUntil(lambda: files.preview_dialog is not None, timeout=5000)
    dialog = files.preview_dialog
    assert dialog is not None
    assert dialog.table.rowCount() == 1
    assert "do-not-call" in str(dialog.table.model().index(0, 4).data())


def test_cancel_during_an_import_saves_nothing(qtbot: QtBot, desk: Desk, tmp_path: Path) -> None:
    rows = [["name", "mobile"], *[[f"L{i}", f"98765{i:05d}"] for i in range(20_000)]]
    files = parts_of(desk).files
    files.import_file(write_csv(tmp_path / "big.csv", ",", rows))
    files._on_progress_canceled()  # the progress dialog's Cancel
    qtbot.waitUntil(lambda: "nothing was saved" in desk.window.statusBar().currentMessage(),
                    timeout=10_000)  # fmt: skip
    assert files.preview_dialog is None
    assert parts_of(desk).flow.active is None


@pytest.mark.usefixtures("saved_key")
def test_a_lead_is_refused_outside_calling_hours_with_the_opening_time(
    qtbot: QtBot, launch: Launch, sandbox: Sandbox, data_dir: Path, tmp_path: Path
) -> None:
    set_hours(data_dir, "always", service="09:00-21:00")
    list_clock = ListClock()
    list_clock.now = india("2026-12-02", "21:30")
    desk = start(launch, qtbot, list_clock)
    source = write_csv(tmp_path / "late.csv", ",", [["name", "mobile"], ["A", "9876543210"]])
    files = parts_of(desk).files
    files.import_file(source)
    qtbot.waitUntil(lambda: files.preview_dialog is not None, timeout=5000)
    dialog = files.preview_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    choose_purpose(qtbot, dialog, "service")
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: number(desk) == "98765 43210", timeout=5000)
    qtbot.waitUntil(lambda: desk.window.form.number_edit.hasFocus())
    press(desk, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Calling opens at 09:00 tomorrow" in banner(desk), timeout=5000)
    assert "Not called: service calls are allowed from 09:00 to 21:00 India time" in banner(desk)
    assert sandbox.received(CLICK) == []
    lead = parts_of(desk).flow.lead
    assert lead is not None
    assert (lead.status.value, lead.attempts) == ("new", 0)  # not an attempt: nothing left
    list_clock.now = india("2026-12-03", "09:00")
    press(desk, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(sandbox.received(CLICK)) == 1, timeout=5000)


def test_a_file_name_holding_markup_reads_literally_while_it_imports(
    qtbot: QtBot, desk: Desk, tmp_path: Path
) -> None:
    name = "<b>Big <i>leads <img src=x>.csv"  # no '/': a file name cannot hold one
    source = write_csv(tmp_path / name, ",", [["Name", "Phone"], ["A", "9876543210"]])
    desk.window.import_list(str(source))
    progress = desk.window.findChild(QProgressDialog, "importProgressDialog")
    assert progress is not None
    label = progress.findChild(QLabel)
    assert label is not None
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == f"Reading {name}…"
    qtbot.waitUntil(lambda: parts_of(desk).files.preview_dialog is not None, timeout=5000)


def test_the_import_progress_bar_moves_a_few_times_a_second_and_reaches_the_end(
    qtbot: QtBot, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A modal progress dialog paints at every value it is given: a step per 1,000 rows of a
    100,000-lead file is shown at most ten times a second, and the last step always."""
    source = write_csv(tmp_path / "steps.csv", ",", [["Name", "Phone"], ["A", "9876543210"]])
    files = parts_of(desk).files
    desk.window.import_list(str(source))
    progress = desk.window.findChild(QProgressDialog, "importProgressDialog")
    assert progress is not None
    shown: list[int] = []
    monkeypatch.setattr(progress, "setValue", shown.append)
    files._on_import_progressed(("rows", 100_000))
    for count in range(1_000, 100_001, 1_000):  # as fast as a worker sends them
        files._on_import_progressed(("checked", count))
    assert 1 <= len(shown) <= 3
    assert shown[-1] == 100_000
    qtbot.waitUntil(lambda: files.preview_dialog is not None, timeout=5000)
