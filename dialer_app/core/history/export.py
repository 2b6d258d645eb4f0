"""History exports: CSV (UTF-8 with a BOM) and Excel (XLSX), columns declared once.

What each keeps (the README says the same):

- **CSV** is UTF-8 with a byte-order mark, so Excel on Windows reads Devanagari names. Text is
  quoted and counts are bare numbers. A text cell that a spreadsheet would read as a formula
  (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading ``'``
  (OWASP's advice against CSV injection) unless it is a plain number, which no spreadsheet can
  run. Excel still drops the leading zero of a number column when it opens a CSV
  (``01204000000`` becomes ``1204000000``): use XLSX for Excel.
- **XLSX** (``core/xlsx_sheet.py``: the sheet's XML streamed into the zip a batch at a
  time) writes every text as a text cell, numbers included, so leading zeros survive and
  nothing is ever evaluated: a text cell is not a formula, so it is written exactly as stored.

Times are ISO 8601 with their zone in both. A file is replaced only once it is complete; a
cancelled or failed export leaves the old file (or none) and no half-written one.

The app's exports (the window's and ``--export-history``) stream raw SQLite rows in batches
(``export_rows``): no ``HistoryRow`` per row, times turned local by ``LocalTimes`` (string work,
one zone lookup per hour), text cells checked on a fast path, progress after every batch.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO, Any

from dialer_app.core.records import HistoryRow
from dialer_app.core.sheets import FORMULA_STARTS, local_time, neutralise
from dialer_app.core.sheets import replacing as _replacing
from dialer_app.core.text import plain

_FORMULA_SET = frozenset(FORMULA_STARTS)


# Column title and value, declared once. Text values are strings; counts are ints.
FIELDS: tuple[tuple[str, Callable[[HistoryRow], str | int]], ...] = (
    ("time", lambda row: local_time(row.created_at)),
    ("member", lambda row: row.member_name),
    ("member_number", lambda row: row.member_number),
    ("customer_number", lambda row: row.customer_number),
    ("deskphone", lambda row: row.deskphone),
    ("call_limit_seconds", lambda row: row.call_limit),
    ("outcome", lambda row: row.outcome.value),
    ("campid", lambda row: row.campid or ""),
    ("message", lambda row: row.message),
    ("result", lambda row: row.verdict.value if row.verdict else ""),
    ("customer_answered_at", lambda row: local_time(row.leg_a_at)),
    ("member_answered_at", lambda row: local_time(row.leg_b_at)),
    ("talk_seconds", lambda row: "" if row.talk_seconds is None else row.talk_seconds),
    ("coins", lambda row: row.coins or ""),
    ("recording_url", lambda row: row.recording_url or ""),
    ("finished_at", lambda row: local_time(row.finished_at)),
    ("disposition", lambda row: row.disposition or ""),
    ("note", lambda row: row.note or ""),
    ("call_back_at", lambda row: local_time(row.call_back_at)),
)


# The same columns from raw rows: (title, the calls column, kind); kept equal to FIELDS.
RAW_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("time", "created_at", "time"),
    ("member", "member_name", "text"),
    ("member_number", "member_number", "text"),
    ("customer_number", "customer_number", "text"),
    ("deskphone", "deskphone", "text"),
    ("call_limit_seconds", "call_limit", "count"),
    ("outcome", "outcome", "text"),
    ("campid", "campid", "text"),
    ("message", "message", "text"),
    ("result", "verdict", "text"),
    ("customer_answered_at", "leg_a_at", "time"),
    ("member_answered_at", "leg_b_at", "time"),
    ("talk_seconds", "talk_seconds", "count"),
    ("coins", "coins", "text"),
    ("recording_url", "recording_url", "text"),
    ("finished_at", "finished_at", "time"),
    ("disposition", "disposition", "text"),
    ("note", "note", "text"),
    ("call_back_at", "call_back_at", "time"),
)
# The export's select list: every text never NULL, counts NULL as ''.
EXPORT_COLUMNS = ", ".join(
    column if kind == "time" else f"COALESCE({column}, '')" for _, column, kind in RAW_FIELDS
)
_KINDS = [kind for _, _, kind in RAW_FIELDS]  # each column's kind, in order


class ExportCancelled(Exception):
    """The agent cancelled the export: the target was left as it was."""


Progress = Callable[[int], None]  # rows written so far
Batches = Iterable[Sequence[Sequence[Any]]]  # raw rows in history_sql.COLUMNS order


def export_rows(
    batches: Batches,
    target: Path,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write raw history rows as CSV or XLSX by ``target``'s extension; how many were written.

    ``progress`` hears the running total after each batch; ``cancelled`` is asked before
    each: when it says yes, ``ExportCancelled`` is raised and no file is left behind.
    """
    writer = _xlsx_raw if target.suffix.lower() == ".xlsx" else _csv_raw
    return writer(_checked(batches, progress, cancelled), target)


def _checked(
    batches: Batches, progress: Progress | None, cancelled: Callable[[], bool] | None
) -> Iterator[Sequence[Sequence[Any]]]:
    done = 0
    for batch in batches:
        if cancelled is not None and cancelled():
            raise ExportCancelled
        yield batch
        done += len(batch)
        if progress is not None:
            progress(done)
    if cancelled is not None and cancelled():
        raise ExportCancelled


def _csv_raw(batches: Iterable[Sequence[Sequence[Any]]], target: Path) -> int:
    from dialer_app.core.history.export_csv import csv_lines

    with (
        _replacing(target, ".csv") as temp,
        open(temp, "w", newline="", encoding="utf-8", buffering=1 << 20) as out,
    ):
        out.write("\ufeff")  # the byte-order mark ("utf-8-sig" would encode line by line)
        csv.writer(out, quoting=csv.QUOTE_NONNUMERIC).writerow([n for n, _, _ in RAW_FIELDS])
        count = 0
        for lines in csv_lines(batches, _KINDS, LocalTimes(), _text, _FORMULA_SET):
            out.writelines(lines)
            count += len(lines)
        return count


def _xlsx_raw(batches: Iterable[Sequence[Sequence[Any]]], target: Path) -> int:
    from dialer_app.core.history.export_xlsx import xlsx_rows

    return _write_xlsx(xlsx_rows(batches, _KINDS, LocalTimes(), _plain_text), target)


def _text(value: object) -> str:
    """A text cell, neutralised; the common case (printable ASCII, no formula) at C speed."""
    if value is None:
        return ""
    if not isinstance(value, str):
        value = str(value)
    if value.isascii() and value.isprintable() and value[:1] not in _FORMULA_SET:
        return value
    return neutralise(value)


def _plain_text(value: object) -> str:
    """A text cell for XLSX: plain (a text cell is never a formula, so nothing to guard)."""
    if isinstance(value, str) and value.isascii() and value.isprintable():
        return value
    return plain(value)


_MINUTES = tuple(f"{minute:02d}" for minute in range(60))


class LocalTimes:
    """Stored UTC times (``2026-11-20T06:00:00.000000+00:00``) as local ISO 8601 to the second,
    exactly as ``datetime.astimezone().isoformat(timespec="seconds")`` writes them.

    The zone is looked up once per UTC hour. When its offset is the same at both ends of the
    hour: a whole number of hours, and only the date and hour change (``hours``: string
    work); a whole number of minutes (India: +05:30), and the hour's minutes fall in two local
    hours, picked by adding the offset's minutes. Only what is left (a clock change inside
    the hour, a zone off by seconds) is converted the slow way.
    """

    def __init__(self) -> None:
        self.hours: dict[str, tuple[str, str] | None] = {}  # UTC hour -> (prefix, zone)
        # UTC hour -> (first local hour's prefix, the next one's, minutes to add, zone)
        self._shifted: dict[str, tuple[str, str, int, str] | None] = {}

    def __call__(self, value: object) -> str:
        if not value or not isinstance(value, str):
            return ""
        key = value[:13]
        if key not in self.hours:
            self.hours[key], self._shifted[key] = self._hour(key)
        hour = self.hours[key]
        if hour is not None:
            return hour[0] + value[13:19] + hour[1]
        shifted = self._shifted[key]
        if shifted is not None and value[14:16].isdigit():
            first, second, add, zone = shifted
            minute = int(value[14:16]) + add
            if minute < 60:
                return first + _MINUTES[minute] + value[16:19] + zone
            return second + _MINUTES[minute - 60] + value[16:19] + zone
        return datetime.fromisoformat(value).astimezone().isoformat(timespec="seconds")

    @staticmethod
    def _hour(hour: str) -> tuple[tuple[str, str] | None, tuple[str, str, int, str] | None]:
        try:
            start = datetime.fromisoformat(hour + ":00:00+00:00")
        except ValueError:
            return None, None
        first, last = start.astimezone(), (start + timedelta(seconds=3599)).astimezone()
        offset = first.utcoffset()
        if offset is None or offset != last.utcoffset() or offset % timedelta(minutes=1):
            return None, None
        text = first.isoformat(timespec="seconds")
        if not offset % timedelta(hours=1):
            return (text[:13], text[19:]), None
        following = (first + timedelta(hours=1)).isoformat(timespec="seconds")
        return None, (text[:14], following[:14], first.minute, text[19:])


def write_history(rows: Iterable[HistoryRow], target: Path) -> int:
    """Write ``rows`` as CSV or XLSX, chosen by the file's extension; returns how many."""
    if target.suffix.lower() == ".xlsx":
        return write_xlsx(rows, target)
    return write_csv(rows, target)


def write_csv(rows: Iterable[HistoryRow], target: Path) -> int:
    """Write ``rows`` to ``target`` as UTF-8 CSV with a BOM; returns how many."""
    with (
        _replacing(target, ".csv") as temp,
        open(temp, "w", newline="", encoding="utf-8-sig") as out,
    ):
        return _csv_rows(rows, out)


def _csv_rows(rows: Iterable[HistoryRow], out: IO[str]) -> int:
    writer = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow([name for name, _ in FIELDS])
    count = 0
    for row in rows:
        writer.writerow([_csv_cell(value(row)) for _, value in FIELDS])
        count += 1
    return count


def _csv_cell(value: str | int) -> str | int:
    return value if isinstance(value, int) else neutralise(value)


def write_xlsx(rows: Iterable[HistoryRow], target: Path) -> int:
    """Write ``rows`` to ``target`` as an Excel workbook, every text a text cell."""
    cells = ([_xlsx_cell(value(row)) for _, value in FIELDS] for row in rows)
    return _write_xlsx(_in_batches(cells, 1000), target)


def _xlsx_cell(value: str | int) -> str | int:
    return value if isinstance(value, int) else plain(value)


def _in_batches(rows: Iterable[list[str | int]], size: int) -> Iterator[list[str]]:
    """Rows of cells as batches of sheet XML, numbered from 2."""
    from dialer_app.core.xlsx_sheet import RowXml

    counts = [index for index, (_, _, kind) in enumerate(RAW_FIELDS) if kind == "count"]
    sheet = RowXml(len(FIELDS), counts)
    batch: list[str] = []
    for number, row in enumerate(rows, start=2):
        batch.append(sheet.row(number, row))
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _write_xlsx(chunks: Iterable[Sequence[str]], target: Path) -> int:
    from dialer_app.core.xlsx_sheet import write_sheet

    with _replacing(target, ".xlsx") as temp:
        return write_sheet(temp, "History", [name for name, _ in FIELDS], chunks)
