"""What every export shares: the formats, a file replaced only once complete, CSV text cells
no spreadsheet evaluates, and times as ISO 8601 in local time.

The history's export (``core/history/export.py``) and the lead lists' (``core/leads/export.py``)
both write through these, so the rules are stated once:

- a text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
  leading ``'`` in CSV (OWASP's advice against CSV injection) unless it is a plain number;
- a file is replaced only once it is written in full: a cancelled or failed export leaves the
  old file (or none) and no half-written one.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from dialer_app.core.text import plain

FORMATS = (".csv", ".xlsx")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")  # "-5", "+919876543210": inert


def neutralise(text: str) -> str:
    """A CSV text cell no spreadsheet evaluates: ``'`` before a formula, plain numbers kept."""
    text = plain(text)
    if text.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def local_time(moment: datetime | None) -> str:
    """A time cell: ISO 8601 in local time with its offset ("" for none)."""
    return moment.astimezone().isoformat(timespec="seconds") if moment else ""


@contextmanager
def replacing(target: Path, suffix: str) -> Iterator[Path]:
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


Cell = str | int
Sheet = tuple[str, Sequence[str], Iterable[Sequence[Cell]]]  # name, column titles, rows


def write_workbook(target: Path, sheets: Iterable[Sheet]) -> int:
    """The workbooks we write (a lead list's export, ``--compliance-report``,
    ``--team-report``): per sheet a bold header row (frozen) and the rows; a count is a number
    cell, a text a text cell, never a formula, shown as written. ``target`` is replaced only
    once complete. Returns how many rows were written under the headers."""
    import xlsxwriter  # type: ignore[import-untyped]  # loaded for a report, not at start-up

    with replacing(target, ".xlsx") as temp:
        workbook = xlsxwriter.Workbook(str(temp), {"constant_memory": True})
        count = 0
        try:
            bold = workbook.add_format({"bold": True})
            for name, titles, rows in sheets:
                sheet = workbook.add_worksheet(name)
                for column, title in enumerate(titles):
                    sheet.write_string(0, column, plain(title), bold)
                for line, row in enumerate(rows, start=1):
                    count += 1
                    for column, cell in enumerate(row):
                        if isinstance(cell, int):
                            sheet.write_number(line, column, cell)
                        elif cell:
                            sheet.write_string(line, column, plain(cell))
                sheet.freeze_panes(1, 0)
        finally:
            workbook.close()
        return count
