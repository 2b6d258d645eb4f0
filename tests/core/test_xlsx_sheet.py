"""The sheet writer: what Excel (and python-calamine) read back is what XlsxWriter wrote before,
cell for cell, whichever way a row was written (one format, or cell by cell)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter  # type: ignore[import-untyped]
from python_calamine import CalamineWorkbook

from dialer_app.core.errors import TooManyRows
from dialer_app.core.messages import describe_error
from dialer_app.core.xlsx_sheet import (
    MAX_ROWS,
    MAX_TEXT,
    RowXml,
    column_name,
    fits,
    write_sheet,
)
from tests.helpers.xlsx import Cell, read_sheet

TITLES = ("name", "number", "seconds", "note")
NUMBERS = (2,)
ROWS: list[list[str | int]] = [
    ["Asha", "01204000000", 60, "plain"],  # leading zero kept: a text cell
    ["", "", "", ""],  # nothing: blank cells
    ["=HYPERLINK(\"x\")", "+919876543210", 0, "@SUM(A1)"],  # formulas stay text
    ["a & b <c> \"d\"", "_x000D_ literal", 5, "tab\there"],  # escaped, kept literal
    ["  spaced  ", " lead", 7, "trail "],  # spaces at either end kept
    ["line\r\nbreak", "राहुल", 12, "कार्‍त्तिक"],  # CR kept, Indian scripts
    ["x" * (MAX_TEXT + 10), "pipe | inside", 3, "|= not a formula"],  # cut at Excel's limit
]  # fmt: skip


def ours(target: Path, rows: Sequence[Sequence[str | int]]) -> Path:
    sheet = RowXml(len(TITLES), NUMBERS)
    write_sheet(target, "History", TITLES, [[sheet.row(n, r) for n, r in enumerate(rows, 2)]])
    return target


def xlsxwriters(target: Path, rows: Sequence[Sequence[str | int]]) -> Path:
    """The history export as it was written before: XlsxWriter, constant memory."""
    book = xlsxwriter.Workbook(str(target), {"constant_memory": True})
    sheet = book.add_worksheet("History")
    bold = book.add_format({"bold": True})
    for column, title in enumerate(TITLES):
        sheet.write_string(0, column, title, bold)
    for number, row in enumerate(rows, start=1):
        for column, cell in enumerate(row):
            if isinstance(cell, int):
                sheet.write_number(number, column, cell)
            elif cell:
                sheet.write_string(number, column, cell)
    sheet.freeze_panes(1, 0)
    book.close()
    return target


def calamine(path: Path) -> list[list[Any]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name("History").to_python()


def test_reads_back_as_the_xlsxwriter_workbook(tmp_path: Path) -> None:
    mine, theirs = ours(tmp_path / "ours.xlsx", ROWS), xlsxwriters(tmp_path / "xw.xlsx", ROWS)
    assert read_sheet(mine) == read_sheet(theirs)
    assert calamine(mine) == calamine(theirs)
    cells = read_sheet(mine)
    assert cells[1][1] == Cell("01204000000", "text")
    assert cells[1][2].kind == "number"
    assert cells[2][0] == Cell('=HYPERLINK("x")', "text")
    assert cells[4][0].value == "  spaced  "
    assert cells[5][0].value == "line\r\nbreak"
    assert len(cells[6][0].value) == MAX_TEXT


@pytest.mark.parametrize("row", [row for row in ROWS if fits("|".join(map(str, row)))])
def test_a_row_in_one_format_is_the_row_cell_by_cell(row: list[str | int]) -> None:
    sheet = RowXml(len(TITLES), NUMBERS)
    assert sheet.fast(9, row) == sheet.cell_by_cell(9, row)


def test_a_number_column_holding_text_is_written_as_text(tmp_path: Path) -> None:
    path = ours(tmp_path / "odd.xlsx", [["a", "b", "12 seconds", "c"]])  # a damaged count
    assert read_sheet(path)[1][2].kind == "text"


def test_refuses_more_rows_than_a_sheet_holds(tmp_path: Path) -> None:
    with pytest.raises(TooManyRows) as caught:
        write_sheet(tmp_path / "big.xlsx", "History", TITLES, [["<row/>"] * MAX_ROWS])
    # The agent reads why and what to do instead (the export flow shows describe_error's).
    assert str(describe_error(caught.value)) == (
        "An XLSX sheet holds at most 1,048,575 rows, and there are more to export: export as"
        " CSV, or a shorter time range."
    )


@pytest.mark.parametrize(("index", "name"), [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ")])
def test_column_names(index: int, name: str) -> None:
    assert column_name(index) == name


def test_a_character_xml_cannot_hold_becomes_a_replacement(tmp_path: Path) -> None:
    path = ours(tmp_path / "odd.xlsx", [["\ufffeodd", "ok", 1, ""]])
    assert calamine(path)[1][0] == "\ufffdodd"
