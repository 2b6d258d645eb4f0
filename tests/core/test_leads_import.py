"""Lead files as spreadsheets write them, read and checked by the one number parser: every
delimiter and encoding Excel uses, XLSX, messy rows, and files that are not tables at all."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from dialer_app.core.leads.model import LeadFileError, Preview, build_preview
from dialer_app.core.leads.read import read_table
from tests.helpers.lists import write_csv, write_xlsx

ROWS = [
    ["Name", "Phone Number", "City", "Notes"],
    ["Asha Rao", "+91 98765 43210", "Pune", "wants a demo"],
    ["राहुल शर्मा", "098765-43211", "दिल्ली", "हिंदी"],
    ["Semi; Colon", "9876543212", "Agra, UP", 'said "call after 5"'],
]
READY = [("Asha Rao", "9876543210"), ("राहुल शर्मा", "9876543211"), ("Semi; Colon", "9876543212")]


def preview_of(path: Path, blocked: Callable[[str], bool] = lambda _n: False) -> Preview:
    return build_preview(path.stem, path.name, read_table(path), blocked)


@pytest.mark.parametrize(
    ("delimiter", "encoding"),
    [
        (",", "utf-8"),
        (",", "utf-8-sig"),  # Excel's "CSV UTF-8"
        (";", "utf-8-sig"),  # Excel in a locale with a decimal comma
        (";", "utf-8"),
        ("\t", "utf-16"),  # Excel's "Unicode Text": UTF-16 with its BOM, tabs
        ("\t", "utf-8"),
        (",", "utf-16"),
    ],
)
def test_every_csv_form_excel_writes_reads_the_same(
    delimiter: str, encoding: str, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "leads.csv", delimiter, ROWS, encoding)
    preview = preview_of(path)
    assert [(lead.name, lead.number) for lead in preview.ready] == READY
    assert preview.columns == tuple(ROWS[0])
    assert preview.ready[2].cells == tuple(ROWS[3])  # every other column kept as it was
    assert preview.refused == []


def test_an_xlsx_with_numbers_stored_as_numbers_and_as_text(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "leads.xlsx", [
        ["Customer Name", "Mobile", "Amount"],
        ["Asha Rao", 9876543210, 1500.5],
        ["Ravi", "098765 43211", 20],
        [None, None, None],  # a blank row: no lead, no refusal
        ["Meena", "+91 98765 43212", ""],
    ])  # fmt: skip
    preview = preview_of(path)
    assert [(lead.name, lead.number) for lead in preview.ready] == [
        ("Asha Rao", "9876543210"), ("Ravi", "9876543211"), ("Meena", "9876543212")
    ]  # fmt: skip
    assert preview.ready[0].cells == ("Asha Rao", "9876543210", "1500.5")
    assert preview.ready[1].cells[2] == "20"


MESSY = [
    (["Foreign", "+44 20 7946 0958"], "foreign number"),
    (["Short", "98765"], "Too short"),
    (["Letters", "call me"], "not digits"),
    (["Empty", ""], "No number in this row"),
    (["Toll-free", "1800 123 4567"], "toll-free"),
    (["Extension", "98765 43210 ext 12"], "Extensions"),
    (["Duplicate", "9876543219"], "Same number as row 2 (First): not imported again"),
    (["Blocked", "9876543218"], "on the do-not-call list"),
]


@pytest.mark.parametrize(("row", "reason"), MESSY, ids=[row[0][0] for row in MESSY])
def test_a_messy_row_is_refused_with_its_reason(
    row: list[str], reason: str, tmp_path: Path
) -> None:
    rows = [["Name", "Mobile"], ["First", "98765 43219"], row]
    preview = preview_of(write_csv(tmp_path / "messy.csv", ",", rows), {"9876543218"}.__contains__)
    assert [lead.name for lead in preview.ready] == ["First"]
    [refused] = preview.refused
    assert reason in str(refused.reason)
    assert (refused.row, refused.raw_number, refused.name) == (3, row[1], row[0])


def test_rows_short_of_cells_and_long_of_cells_keep_the_header_width(tmp_path: Path) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text("name,number,city\nAsha,9876543210\nRavi,9876543211,Pune,extra\n", "utf-8")
    preview = preview_of(path)
    assert [lead.cells for lead in preview.ready] == [
        ("Asha", "9876543210", ""), ("Ravi", "9876543211", "Pune")
    ]  # fmt: skip


def _not_a_workbook(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")


def _torn_workbook(path: Path) -> None:
    write_xlsx(path, [["Name", "Mobile"], ["Asha", "9876543210"]])
    path.write_bytes(path.read_bytes()[:300])


def _bytes(data: bytes) -> Callable[[Path], object]:
    return lambda path: path.write_bytes(data)


BROKEN: list[tuple[str, str, Callable[[Path], object]]] = [
    ("empty.csv", "is empty", lambda p: p.write_bytes(b"")),
    ("blank.csv", "is empty", lambda p: p.write_text("\n\n  \n")),
    ("header-only.csv", "is empty", lambda p: p.write_text("Name,Mobile\n")),
    ("cp1252.csv", "not UTF-8 or UTF-16", _bytes("Name,Mobile\nJosé,98765\n".encode("cp1252"))),
    ("picture.csv", "not a table", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))),
    ("old.xls", "not a table", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0" + bytes(64))),
    ("utf16-no-bom.csv", "not a table", _bytes("Name,Mobile\n".encode("utf-16-le"))),
    ("no-number-column.csv", "No column of phone numbers", _bytes(b"Name,City\nAsha,Pune\n")),
    ("zip.xlsx", "could not be read as an Excel workbook", _not_a_workbook),
    ("torn.xlsx", "could not be read as an Excel workbook", _torn_workbook),
]  # fmt: skip


@pytest.mark.parametrize(("name", "said", "make"), BROKEN, ids=[case[0] for case in BROKEN])
def test_a_broken_file_gets_a_sentence(
    name: str, said: str, make: Callable[[Path], object], tmp_path: Path
) -> None:
    path = tmp_path / name
    make(path)
    with pytest.raises(LeadFileError) as raised:
        preview_of(path)
    assert said in str(raised.value.sentence)


def test_a_missing_file_gets_a_sentence(tmp_path: Path) -> None:
    with pytest.raises(LeadFileError, match="could not be opened"):
        read_table(tmp_path / "gone.csv")
