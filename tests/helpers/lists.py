"""Lead files written by the tests, a clock the lists run on, and reading exports back."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMainWindow, QMenu
from pytestqt.qtbot import QtBot

from dialer_app.ui.leads.dialogs import ImportPreviewDialog
from tests.helpers.xlsx import read_sheet


class ListClock:
    """The call-down lists' "now": starts at the real time, moves only when told."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, span: timedelta) -> None:
        self.now += span


def write_csv(path: Path, delimiter: str, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    """A CSV file as a spreadsheet would save it."""
    with path.open("w", newline="", encoding=encoding) as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    """An Excel workbook with ``rows`` on its first sheet (numbers stay numbers)."""
    import xlsxwriter  # type: ignore[import-untyped]

    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("Leads")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    workbook.close()
    return path


def lead_rows(path: Path) -> list[list[str]]:
    """An exported XLSX as text; every cell must be text or a number, never a formula."""
    rows = read_sheet(path)
    assert all(cell.kind != "formula" for row in rows for cell in row)
    return [[cell.value for cell in row] for row in rows]


def list_keys(window: QMainWindow) -> set[str]:
    """The shortcuts of the Lists menu."""
    found = [a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Lists"]
    menu = found[0]
    assert isinstance(menu, QMenu)
    return {item.shortcut().toString() for item in menu.actions() if not item.shortcut().isEmpty()}


# The preview's purpose choices by their mnemonics (Alt+P, Alt+S, Alt+T).
PURPOSE_KEYS = {"promotional": Qt.Key.Key_P, "service": Qt.Key.Key_S, "transactional": Qt.Key.Key_T}


def choose_purpose(qtbot: QtBot, dialog: ImportPreviewDialog, purpose: str = "service") -> None:
    """Choose the list's purpose in the import preview by its Alt key, as the agent does, and
    wait until the file is checked under it (Return imports only then)."""
    QTest.keyClick(dialog, PURPOSE_KEYS[purpose], Qt.KeyboardModifier.AltModifier)

    def checked() -> bool:
        found = dialog.preview.purpose
        return found is not None and found.value == purpose and dialog.summary.text() != ""

    qtbot.waitUntil(checked)
