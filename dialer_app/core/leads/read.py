"""Reading a lead file into rows of text: CSV in every form Excel writes it, and XLSX.

- **CSV**: comma, semicolon (Excel in locales with a decimal comma) or tab ("Unicode Text");
  UTF-8 with or without a byte-order mark, or UTF-16 with one (Excel's "Unicode Text"). The
  delimiter is the one of the three the header line holds most of.
- **XLSX**: the first sheet, through ``python-calamine`` (Rust; 100,000 rows in well under a
  second, see docs/benchmarks.md). A number cell becomes its digits (``9876543210.0`` is read
  as ``9876543210``); a spreadsheet that stored a number as a number has already lost any
  leading zero, which the parser does not need. A number cell of more than 15 digits (two
  numbers Excel fused: ``7.67E+19``) is read as Excel shows it, ``7.67392960678939E+19``,
  never as the digits float rounding would invent; the import refuses it with that reason.

Anything else (a picture, a PDF, an old .xls, text in another encoding, an empty file) raises
``LeadFileError`` with a sentence.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, time, timedelta
from pathlib import Path

from dialer_app.core.leads.model import (
    BAD_ENCODING,
    BROKEN_XLSX,
    EMPTY_FILE,
    NOT_A_TABLE,
    UNREADABLE,
    file_error,
)

DELIMITERS = (",", ";", "\t")
_EXACT_DIGITS = 1e15  # Excel keeps 15 significant digits of a number cell
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # an old .xls (or .doc): not read
_BINARY_SIGNS = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", _OLE)


def read_table(path: Path) -> list[list[str]]:
    """Every row of the file at ``path`` as text cells (the first row holds the headers)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise file_error(UNREADABLE, file=path.name, reason=exc.strerror or str(exc)) from None
    if not data.strip():
        raise file_error(EMPTY_FILE, file=path.name)
    if data.startswith(_ZIP):
        return read_xlsx(path)
    if data.startswith(_BINARY_SIGNS):
        raise file_error(NOT_A_TABLE, file=path.name)
    rows = []
    # A Python loop, not list(reader): the GIL is handed over between rows, so the window
    # keeps painting while a worker reads 100,000 of them.
    for row in csv.reader(io.StringIO(_decode(data, path.name)), _dialect(data)):
        rows.append(row)
    return rows


def _decode(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    else:
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise file_error(BAD_ENCODING, file=name) from None
    if "\x00" in text:  # UTF-16 without its mark, or a binary file
        raise file_error(NOT_A_TABLE, file=name)
    return text


class _Dialect(csv.Dialect):
    delimiter = ","
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\r\n"
    quoting = csv.QUOTE_MINIMAL


def _dialect(data: bytes) -> type[csv.Dialect]:
    """The delimiter the header line holds most of (outside quotes)."""
    head = data[:4096].decode("utf-8", "ignore").replace("\x00", "")
    first = head.lstrip("\ufeff").splitlines()[0] if head.strip() else ""
    outside = "".join(part for i, part in enumerate(first.split('"')) if i % 2 == 0)
    counts = {delimiter: outside.count(delimiter) for delimiter in DELIMITERS}
    chosen = max(DELIMITERS, key=lambda d: counts[d])

    class Chosen(_Dialect):
        delimiter = chosen if counts[chosen] else ","

    return Chosen


def read_xlsx(path: Path) -> list[list[str]]:
    """The first sheet of a workbook, every cell as text."""
    import python_calamine  # loaded for an import, not at start-up

    try:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        if not book.sheet_names:
            raise file_error(EMPTY_FILE, file=path.name)
        sheet = book.get_sheet_by_index(0)
        rows = [[_cell_text(cell) for cell in row] for row in sheet.iter_rows()]  # row by row
    except python_calamine.CalamineError as exc:
        raise file_error(BROKEN_XLSX, file=path.name, reason=str(exc)[:120]) from None
    except (ValueError, OSError) as exc:  # a zip that is not a workbook, or a torn one
        raise file_error(BROKEN_XLSX, file=path.name, reason=str(exc)[:120]) from None
    return rows


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if abs(value) >= _EXACT_DIGITS:  # past 15 digits a float's digits are rounding noise
            return f"{value:.15G}"
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (datetime, date, time, timedelta)):
        return str(value)
    return str(value)
