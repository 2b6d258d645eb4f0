"""History exports: CSV (UTF-8 with a BOM) and Excel (XLSX), columns declared once.

What each keeps (the README says the same):

- **CSV** is UTF-8 with a byte-order mark, so Excel on Windows reads Devanagari names. Text is
  quoted and counts are bare numbers. A text cell that a spreadsheet would read as a formula
  (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading ``'``
  (OWASP's advice against CSV injection) unless it is a plain number, which no spreadsheet can
  run. Excel still drops the leading zero of a number column when it opens a CSV
  (``01204000000`` becomes ``1204000000``): use XLSX for Excel.
- **XLSX** (XlsxWriter, constant-memory mode: one row in memory at a time) writes every text
  as a text cell, numbers included, so leading zeros survive and nothing is ever evaluated:
  a text cell is not a formula, so it is written exactly as stored.

Times are ISO 8601 with their zone in both. A file is replaced only once it is complete.
"""

from __future__ import annotations

import csv
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import IO

from dialer_app.core.records import Campaign
from dialer_app.core.text import plain

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")  # "-5", "+919876543210": inert
FORMATS = (".csv", ".xlsx")


def _time(moment: datetime | None) -> str:
    return moment.astimezone().isoformat(timespec="seconds") if moment else ""


# Column title and value, declared once. Text values are strings; counts are ints.
FIELDS: tuple[tuple[str, Callable[[Campaign], str | int]], ...] = (
    ("time", lambda row: _time(row.created_at)),
    ("member", lambda row: row.member_name),
    ("member_number", lambda row: row.member_number),
    ("customer_number", lambda row: row.customer_number),
    ("deskphone", lambda row: row.deskphone),
    ("call_limit_seconds", lambda row: row.call_limit),
    ("outcome", lambda row: row.outcome.value),
    ("campid", lambda row: row.campid or ""),
    ("message", lambda row: row.message),
    ("result", lambda row: row.verdict.value if row.verdict else ""),
    ("customer_answered_at", lambda row: _time(row.leg_a_at)),
    ("member_answered_at", lambda row: _time(row.leg_b_at)),
    ("talk_seconds", lambda row: "" if row.talk_seconds is None else row.talk_seconds),
    ("coins", lambda row: row.coins or ""),
    ("recording_url", lambda row: row.recording_url or ""),
    ("finished_at", lambda row: _time(row.finished_at)),
    ("disposition", lambda row: row.disposition or ""),
    ("note", lambda row: row.note or ""),
    ("call_back_at", lambda row: _time(row.call_back_at)),
)


def neutralise(text: str) -> str:
    """A CSV text cell no spreadsheet evaluates: ``'`` before a formula, plain numbers kept."""
    text = plain(text)
    if text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def write_history(rows: Iterable[Campaign], target: Path) -> int:
    """Write ``rows`` as CSV or XLSX, chosen by the file's extension; returns how many."""
    if target.suffix.lower() == ".xlsx":
        return write_xlsx(rows, target)
    return write_csv(rows, target)


def write_csv(rows: Iterable[Campaign], target: Path) -> int:
    """Write ``rows`` to ``target`` as UTF-8 CSV with a BOM; returns how many."""
    with (
        _replacing(target, ".csv") as temp,
        open(temp, "w", newline="", encoding="utf-8-sig") as out,
    ):
        return _csv_rows(rows, out)


def _csv_rows(rows: Iterable[Campaign], out: IO[str]) -> int:
    writer = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow([name for name, _ in FIELDS])
    count = 0
    for row in rows:
        writer.writerow([_csv_cell(value(row)) for _, value in FIELDS])
        count += 1
    return count


def _csv_cell(value: str | int) -> str | int:
    return value if isinstance(value, int) else neutralise(value)


def write_xlsx(rows: Iterable[Campaign], target: Path) -> int:
    """Write ``rows`` to ``target`` as an Excel workbook, every text a text cell."""
    import xlsxwriter  # type: ignore[import-untyped]  # loaded for an export, not at start-up

    with _replacing(target, ".xlsx") as temp:
        workbook = xlsxwriter.Workbook(str(temp), {"constant_memory": True})
        try:
            sheet = workbook.add_worksheet("History")
            bold = workbook.add_format({"bold": True})
            for column, (name, _) in enumerate(FIELDS):
                sheet.write_string(0, column, name, bold)
            count = 0
            for count, row in enumerate(rows, start=1):
                for column, (_, value) in enumerate(FIELDS):
                    cell = value(row)
                    if isinstance(cell, int):
                        sheet.write_number(count, column, cell)
                    elif cell:
                        sheet.write_string(count, column, plain(cell))
            sheet.freeze_panes(1, 0)
        finally:
            workbook.close()
        return count


@contextmanager
def _replacing(target: Path, suffix: str) -> Iterator[Path]:
    """A temporary file beside ``target`` that replaces it only if the block completes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=".export-", suffix=suffix, dir=target.parent)
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        temp.replace(target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
