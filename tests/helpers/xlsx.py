"""Read back what an XLSX export holds, cell by cell, with each cell's type (no Excel needed)."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


@dataclass(frozen=True)
class Cell:
    value: str
    kind: str  # "text", "number" or "formula"


def read_sheet(path: Path, sheet: int = 1) -> list[list[Cell]]:
    """A sheet's rows (the first by default); a formula cell anywhere is reported as kind
    "formula"."""
    with zipfile.ZipFile(path) as book:
        shared = _shared_strings(book)
        root = ElementTree.fromstring(book.read(f"xl/worksheets/sheet{sheet}.xml"))
    rows: list[list[Cell]] = []
    for row in root.iterfind(".//m:sheetData/m:row", _NS):
        cells: dict[int, Cell] = {}
        for cell in row.iterfind("m:c", _NS):
            cells[_column(cell.get("r", "A1"))] = _cell(cell, shared)
        width = max(cells, default=-1) + 1
        rows.append([cells.get(i, Cell("", "empty")) for i in range(width)])
    return rows


def _unescape(text: str) -> str:
    """OOXML writes control characters as ``_xHHHH_``: Excel reads them back as characters."""
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), text)


def _cell(cell: ElementTree.Element, shared: list[str]) -> Cell:
    if cell.find("m:f", _NS) is not None:
        return Cell(cell.findtext("m:f", "", _NS), "formula")
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        text = "".join(t.text or "" for t in cell.iterfind(".//m:t", _NS))
        return Cell(_unescape(text), "text")
    if kind == "s":
        return Cell(_unescape(shared[int(cell.findtext("m:v", "0", _NS))]), "text")
    if kind == "str":
        return Cell(cell.findtext("m:v", "", _NS), "formula")
    return Cell(cell.findtext("m:v", "", _NS), "number")


def _shared_strings(book: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in book.namelist():
        return []
    root = ElementTree.fromstring(book.read("xl/sharedStrings.xml"))
    return ["".join(t.text or "" for t in si.iterfind(".//m:t", _NS)) for si in root]


def _column(reference: str) -> int:
    letters = re.match(r"[A-Z]+", reference)
    number = 0
    for letter in letters.group(0) if letters else "A":
        number = number * 26 + ord(letter) - 64
    return number - 1
