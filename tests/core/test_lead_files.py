"""Lead files as people really write them (issue 20, items 8, 9, 11, 12, 13): written here the
way Excel (number cells and text cells, CSV UTF-8 with a BOM), Google Sheets (CSV, no BOM) and
pandas (``to_csv``: no BOM, ``\\n``, a number column with a gap written as floats) write them."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

from dialer_app.core.leads.model import Preview, build_preview
from dialer_app.core.leads.read import read_table
from tests.helpers.lists import write_xlsx

Rows = list[list[object]]


def excel_xlsx(path: Path, rows: Rows) -> Path:
    """Excel's workbook: numbers stay number cells, text stays text cells."""
    return write_xlsx(path.with_suffix(".xlsx"), rows)


def excel_csv(path: Path, rows: Rows) -> Path:
    """Excel's "CSV UTF-8": a byte-order mark, CRLF, quotes where needed."""
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        csv.writer(handle).writerows([["" if v is None else str(v) for v in r] for r in rows])
    return path


def sheets_csv(path: Path, rows: Rows) -> Path:
    """Google Sheets' download: UTF-8 without a BOM, CRLF."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["" if v is None else str(v) for v in r] for r in rows])
    return path


def pandas_csv(path: Path, rows: Rows) -> Path:
    """pandas' ``to_csv``: no BOM, ``\\n``; an int column with a gap is written as floats."""

    def cell(value: object) -> str:
        return f"{float(value)}" if isinstance(value, int) else "" if value is None else str(value)

    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows([[cell(v) for v in r] for r in rows])
    return path


WRITERS: dict[str, Callable[[Path, Rows], Path]] = {
    "excel-xlsx": excel_xlsx, "excel-csv": excel_csv, "sheets-csv": sheets_csv,
    "pandas-csv": pandas_csv,
}  # fmt: skip


def preview_of(path: Path, number_column: int | None = None) -> Preview:
    table = read_table(path)
    if number_column is None:
        return build_preview(path.stem, path.name, table, lambda _n: False)
    return build_preview(path.stem, path.name, table, lambda _n: False, number_column=number_column)


# -- item 8: which column is the number, which the name ---------------------------------------
SUPPLIERS: Rows = [
    ["Name of the supplier", "Preferred mode of contact (voice call, whatsapp, etc)",
     "Contact details", "District"],
    ["Asha Foods", "Whatsapp", "9876543210", "Pune"],
    ["Ravi Traders", "voice call", "Na", "Agra"],
    ["Meena Dairy", "Voice call, whatsapp", "9123456789", "Nashik"],
]  # fmt: skip
HEADERS: list[tuple[str, Rows, str, list[str]]] = [
    ("supplier list", SUPPLIERS, "Contact details", ["Asha Foods", "Meena Dairy"]),
    ("hotel", [["Name", "Hotel", "Mobile No."], ["Asha", "Taj", 9876543210]], "Mobile No.",
     ["Asha"]),
    ("cancelled", [["Name", "Cancelled", "Contact"], ["Asha", "no", 9876543210]], "Contact",
     ["Asha"]),
    ("order number", [["Order Number", "Customer", "Phone"], [40012, "Asha", 9876543210]],
     "Phone", ["Asha"]),
    ("contact no", [["Name", "Contact No"], ["Asha", 9876543210]], "Contact No", ["Asha"]),
    ("whatsapp no", [["Name", "WhatsApp No"], ["Asha", 9876543210]], "WhatsApp No", ["Asha"]),
    ("hindi nukta", [["नाम", "फ़ोन"], ["आशा", 9876543210]], "फ़ोन", ["आशा"]),
    ("hindi one-code-point nukta", [["नाम", "\u095e\u094b\u0928 नंबर"], ["आशा", 9876543210]],
     "\u095e\u094b\u0928 नंबर", ["आशा"]),
    ("hindi no nukta", [["नाम", "फोन"], ["आशा", 9876543210]], "फोन", ["आशा"]),
    ("hindi mobile", [["नाम", "मोबाइल नंबर"], ["आशा", 9876543210]], "मोबाइल नंबर", ["आशा"]),
    ("cells decide", [["Name", "Customer Number", "Mobile"], ["Asha", "C-1001", 9876543210]],
     "Mobile", ["Asha"]),
    ("contact is a name", [["Contact", "Phone"], ["Asha Rao", 9876543210]], "Phone",
     ["Asha Rao"]),
    ("no header names it: the cells do", [["Name", "Details"], ["Asha", "98765 43210"]],
     "Details", ["Asha"]),
    ("first and last name", [["First Name", "Last Name", "Mobile"], ["Asha", "Rao", 9876543210]],
     "Mobile", ["Asha Rao"]),
]  # fmt: skip


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize(("case", "rows", "column", "names"), HEADERS, ids=[h[0] for h in HEADERS])
def test_the_number_column_is_found_by_whole_words_and_by_its_cells(
    case: str, rows: Rows, column: str, names: list[str], writer: str, tmp_path: Path
) -> None:
    preview = preview_of(WRITERS[writer](tmp_path / "leads.csv", rows))
    assert preview.columns[preview.number_column] == column
    assert [lead.name for lead in preview.ready] == names


def test_the_agent_can_pick_another_number_column(tmp_path: Path) -> None:
    rows: Rows = [["Name", "Mobile", "Office phone"], ["Asha", 9876543210, 9123456789]]
    path = excel_xlsx(tmp_path / "two", rows)
    assert preview_of(path).ready[0].number == "9876543210"
    picked = preview_of(path, number_column=2)
    assert picked.columns[picked.number_column] == "Office phone"
    assert [(lead.name, lead.number) for lead in picked.ready] == [("Asha", "9123456789")]


# -- items 9, 10, 11, 12: what a number cell holds ---------------------------------------------
CELLS: list[tuple[str, str, object, tuple[str, ...] | str]] = [
    ("lakh grouping", "sheets-csv", "9,94,90,45,616", ("9949045616",)),
    ("lakh grouping", "excel-xlsx", "9,94,90,45,616", ("9949045616",)),
    ("trailing comma", "excel-csv", "9820676033,", ("9820676033",)),
    ("note in brackets", "excel-xlsx", "7720098138 (WA)", ("7720098138",)),
    ("two joined by a dash", "sheets-csv", "7500797033-7017261753", ("7500797033", "7017261753")),
    ("two with a slash", "excel-xlsx", "9596186578 / 9797776098", ("9596186578", "9797776098")),
    ("two on two lines", "excel-csv", "9876543210\n9123456789", ("9876543210", "9123456789")),
    ("two on two lines", "excel-xlsx", "9876543210\n9123456789", ("9876543210", "9123456789")),
    ("number cell", "excel-xlsx", 9876543210, ("9876543210",)),
    ("pandas float", "pandas-csv", 9876543210, ("9876543210",)),
    ("a dash", "excel-xlsx", "-", "No number in this row."),
    ("NA", "sheets-csv", "NA", "No number in this row."),
    ("scientific in CSV", "excel-csv", "9.19619E+11",
     "9.19619E+11: the spreadsheet turned this phone number into scientific notation and its "
     "last digits are gone"),
    ("fused numbers cell", "excel-xlsx", 76739296067893903360,
     "7.67392960678939E+19: the spreadsheet turned this phone number into scientific notation"),
    ("placeholder 1234567890", "excel-xlsx", 1234567890, "1234567890 is a placeholder"),
    ("placeholder 0987654321", "sheets-csv", "0987654321", "0987654321 is a placeholder"),
    ("placeholder 9999999999", "excel-csv", "9999999999", "9999999999 is a placeholder"),
    ("repeated digits", "excel-xlsx", "77777 77777", "7777777777 is a placeholder"),
    ("numbering plan", "sheets-csv", "5000000001", "50000 00001 is not a valid Indian number"),
    ("extension kept out", "excel-csv", "9876543210, ext 12", "Extensions can't be dialled"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "writer", "cell", "expected"), CELLS, ids=[f"{c[0]}-{c[1]}" for c in CELLS]
)
def test_a_number_cell_as_people_write_it(
    case: str, writer: str, cell: object, expected: tuple[str, ...] | str, tmp_path: Path
) -> None:
    rows: Rows = [["Name", "Mobile", "City"], ["Asha", cell, "Pune"]]
    preview = preview_of(WRITERS[writer](tmp_path / "cells.csv", rows))
    if isinstance(expected, tuple):
        [lead] = preview.ready
        assert (lead.number, *lead.alternates) == expected
        return
    [refused] = preview.refused
    assert str(refused.reason).startswith(expected) or expected in str(refused.reason)


def test_a_fused_number_cell_keeps_what_excel_shows_never_invented_digits(tmp_path: Path) -> None:
    path = excel_xlsx(tmp_path / "fused", [["Name", "Mobile"], ["Asha", 76739296067893903360]])
    [refused] = preview_of(path).refused
    assert refused.cells[1] == refused.raw_number == "7.67392960678939E+19"
    assert "76739296067893903360" not in repr(read_table(path))


# -- item 13: a second person with the same number ---------------------------------------------
@pytest.mark.parametrize("writer", WRITERS)
def test_a_second_person_with_the_same_number_is_said_and_kept_with_the_first(
    writer: str, tmp_path: Path
) -> None:
    rows: Rows = [
        ["Name", "Mobile", "Email"],
        ["Asha Rao", 9876543210, "asha@example.com"],
        ["Ravi", 9123456789, ""],
        ["Asha's brother", 9876543210, "b@example.com"],
    ]
    preview = preview_of(WRITERS[writer](tmp_path / "same.csv", rows))
    [refused] = preview.refused
    assert str(refused.reason) == "Same number as row 2 (Asha Rao): not imported again."
    assert preview.ready[0].same_number == ("Asha's brother",)
