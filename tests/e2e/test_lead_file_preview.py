"""Issue 20 in the real window: the import preview names the number column and lets the agent
pick another (item 8), numbers refused rows as the list panel numbers leads (item 22), and a
second number in a cell is the lead's other number, called by F4 through every guard (item 10)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dialer_app.composition import Desk
from dialer_app.sandbox import ManualClock, Sandbox
from dialer_app.ui.leads.dialogs import ImportPreviewDialog
from dialer_app.ui.leads.menu import LeadListParts
from tests.helpers.hours import india, set_hours
from tests.helpers.keys import SENTINEL
from tests.helpers.lists import ListClock, choose_purpose, write_csv, write_xlsx
from tests.helpers.window import Launch, wait_for_lists

CLICK = "click_to_call_v3"


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(authcode=SENTINEL, call_seconds=8, clock=ManualClock(datetime.now(UTC))) as s:
        yield s


def start(launch: Launch, qtbot: QtBot, list_clock: ListClock) -> Desk:
    desk = launch(clock=list_clock, reminder_ms=50)
    wait_for_lists(qtbot, desk)
    desk.window.activateWindow()
    return desk


def parts_of(desk: Desk) -> LeadListParts:
    assert desk.window.lists is not None
    return desk.window.lists


def open_preview(qtbot: QtBot, desk: Desk, source: Path) -> ImportPreviewDialog:
    files = parts_of(desk).files
    files.import_file(source)
    qtbot.waitUntil(lambda: files.preview_dialog is not None, timeout=5000)
    dialog = files.preview_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def cell(dialog: ImportPreviewDialog, row: int, column: int) -> str:
    return str(dialog.table.model().index(row, column).data())


@pytest.mark.usefixtures("saved_key")
def test_the_preview_names_the_number_column_and_the_agent_picks_another(
    qtbot: QtBot, launch: Launch, tmp_path: Path
) -> None:
    source = write_xlsx(tmp_path / "suppliers.xlsx", [
        ["Name", "Preferred mode of contact (voice call, whatsapp, etc)", "Mobile",
         "Office phone"],
        ["Asha Foods", "whatsapp", 9876543210, "Na"],
        ["Ravi Traders", "voice call", 9876543211, 9123456781],
    ])  # fmt: skip
    desk = start(launch, qtbot, ListClock())
    dialog = open_preview(qtbot, desk, source)
    assert "The numbers come from the column “Mobile”." in dialog.summary.text()
    combo = dialog.column_combo
    assert combo.currentText() == "Mobile"
    assert "2 leads are ready to call" in dialog.summary.text()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    choose_purpose(qtbot, dialog, "transactional")
    QTest.keyClick(dialog, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # "&column"
    qtbot.waitUntil(combo.hasFocus)
    QTest.keyClick(combo, Qt.Key.Key_Down)  # the agent's pick: the next column
    assert not dialog.import_button.isEnabled()  # checked again first: never a stale import
    QTest.keyClick(combo, Qt.Key.Key_Return)  # meanwhile Return neither imports nor cancels
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: "“Office phone”." in dialog.summary.text(), timeout=5000)
    assert "1 lead is ready to call" in dialog.summary.text()
    assert cell(dialog, 0, 4) == "No number in this row."  # Asha's "Na", not "not digits"
    assert dialog.import_button.isEnabled()
    QTest.keyClick(combo, Qt.Key.Key_Return)  # where the agent's focus is: imports
    qtbot.waitUntil(lambda: desk.window.form.number_edit.text() == "91234 56781", timeout=5000)


@pytest.mark.usefixtures("saved_key")
def test_a_refused_row_reads_with_the_panels_number_and_the_files_row(
    qtbot: QtBot, launch: Launch, tmp_path: Path
) -> None:
    source = write_csv(tmp_path / "gaps.csv", ",", [
        ["Name", "Mobile"], ["Asha", "9876543210"], [], ["Ravi", "12345"], ["Meena", "-"],
        ["Asha's sister", "98765 43210"],
    ])  # fmt: skip
    desk = start(launch, qtbot, ListClock())
    dialog = open_preview(qtbot, desk, source)
    model = dialog.table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)]
    assert headers == ["#", "Row in the file"]
    assert [(cell(dialog, r, 0), cell(dialog, r, 1), cell(dialog, r, 4)) for r in range(3)] == [
        ("2", "4", "Too short: the number has 5 digits; an Indian number has 10 (after +91 or "
         "a 0)."),
        ("3", "5", "No number in this row."),
        ("4", "6", "Same number as row 2 (Asha): not imported again."),
    ]  # fmt: skip
    choose_purpose(qtbot, dialog, "service")
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    panel = parts_of(desk).panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 4, timeout=5000)
    expected = [("1", "Asha"), ("2", "Ravi"), ("3", "Meena"), ("4", "Asha's sister")]
    qtbot.waitUntil(  # the rows are read on a worker, a page at a time
        lambda: (
            [(panel.model.index(r, 0).data(), panel.model.index(r, 1).data()) for r in range(4)]
            == expected
        )
    )
    qtbot.waitUntil(lambda: "Lead 1: Asha" in panel.details_label.text())
    assert "Same number in the file: Asha's sister" in panel.details_label.text()  # item 13


@pytest.mark.usefixtures("saved_key")
def test_f4_calls_the_leads_other_number_through_every_guard(
    qtbot: QtBot, launch: Launch, sandbox: Sandbox, data_dir: Path, tmp_path: Path
) -> None:
    set_hours(data_dir, "09:00-21:00", service="09:00-21:00")
    list_clock = ListClock()
    list_clock.now = india("2026-12-02", "21:30")
    source = write_csv(tmp_path / "two.csv", ",", [
        ["Name", "Mobile"], ["Asha", "9596186578 / 9797776098"],
    ])  # fmt: skip
    desk = start(launch, qtbot, list_clock)
    dialog = open_preview(qtbot, desk, source)
    assert "1 lead has a second number in the same cell" in dialog.summary.text()
    choose_purpose(qtbot, dialog, "service")
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    form = desk.window.form
    qtbot.waitUntil(lambda: form.number_edit.text() == "95961 86578", timeout=5000)
    details = parts_of(desk).panel.details_label.text()
    assert "Other number: 97977 76098 (F4 calls it instead)" in details
    qtbot.waitUntil(lambda: form.number_edit.hasFocus())
    QTest.keyClick(QApplication.focusWidget() or desk.window, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: "Calling opens at 09:00" in desk.window.outcome_label.text())
    assert sandbox.received(CLICK) == []  # the calling-hours guard holds for F4 too
    list_clock.now = india("2026-12-03", "09:00")
    QTest.keyClick(QApplication.focusWidget() or desk.window, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: len(sandbox.received(CLICK)) == 1, timeout=5000)
    assert sandbox.received(CLICK)[0].params["calling_party_a"] == "9797776098"
    flow = parts_of(desk).flow
    qtbot.waitUntil(lambda: flow.lead is not None and flow.lead.attempts == 1)  # the lead's call


@pytest.mark.usefixtures("saved_key")
def test_a_do_not_call_file_is_read_as_the_lead_import_reads_its_cells(
    qtbot: QtBot, launch: Launch, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    blocked = write_csv(tmp_path / "dnc.csv", ",", [
        ["Do not call"], ["9,94,90,45,616"], ["9596186578 / 9797776098"], ["-"],
    ])  # fmt: skip
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(blocked), ""))
    desk = start(launch, qtbot, ListClock())
    parts_of(desk).block_action.trigger()
    qtbot.waitUntil(lambda: "3 numbers are on the do-not-call list now." in
                    desk.window.outcome_label.text())  # fmt: skip
    source = write_csv(tmp_path / "day.csv", ",", [
        ["Name", "Mobile"], ["Asha", "99490 45616"], ["Ravi", "97977 76098"],
        ["Meena", "9876543210"],
    ])  # fmt: skip
    dialog = open_preview(qtbot, desk, source)
    assert [cell(dialog, r, 4) for r in range(2)] == [
        "99490 45616 is on the do-not-call list.", "97977 76098 is on the do-not-call list.",
    ]  # fmt: skip


@pytest.mark.usefixtures("saved_key")
def test_a_refused_rows_tooltip_shows_the_files_text_as_text(
    qtbot: QtBot, launch: Launch, tmp_path: Path
) -> None:
    """A name written as markup (a spreadsheet cell is anyone's text) is shown on hover as it
    is: no bold, no link."""
    hostile = '<b>Boss</b> <a href="http://evil.example">pay</a>'
    source = write_csv(tmp_path / "hostile.csv", ",", [
        ["Name", "Mobile"], ["Asha", "9876543210"], [hostile, "12345"],
    ])  # fmt: skip
    desk = start(launch, qtbot, ListClock())
    dialog = open_preview(qtbot, desk, source)
    assert cell(dialog, 0, 3) == hostile
    shown = QTextDocumentFragment.fromHtml(
        str(dialog.table.model().index(0, 3).data(Qt.ItemDataRole.ToolTipRole))
    ).toPlainText()
    assert shown == hostile  # the tooltip's rich text reads back as the cell's own text
