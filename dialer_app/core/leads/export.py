"""A worked list, exported: the file's own columns, then what came of each lead (``dialer_…``).

The same rules as the history export (``core/sheets.py``): CSV is UTF-8 with a byte-order
mark and a cell a spreadsheet would run as a formula gets a leading ``'``; XLSX is written by
XlsxWriter in constant-memory mode with every text (phone numbers included) as a text cell,
so leading zeros survive. A file is replaced only once it is complete.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from pathlib import Path

from dialer_app.core.leads.model import Lead, LeadList
from dialer_app.core.sheets import local_time, neutralise, write_workbook
from dialer_app.core.sheets import replacing as _replacing

_time = local_time


# Every column the app adds after the file's own carries this prefix: a file with its own
# "status" or "note" column exports both, told apart (a VLOOKUP or a re-import reads the right
# one). The history export keeps its own names.
PREFIX = "dialer_"

# What is added after the original columns, declared once (without the prefix). Counts are ints.
RESULT_FIELDS: tuple[tuple[str, Callable[[Lead], str | int]], ...] = (
    ("status", lambda lead: lead.status.value),
    ("attempts", lambda lead: lead.attempts),
    ("outcome", lambda lead: lead.outcome or ""),
    ("disposition", lambda lead: lead.disposition),
    ("note", lambda lead: lead.note),
    ("campid", lambda lead: lead.campid),
    ("talk_seconds", lambda lead: "" if lead.talk_seconds is None else lead.talk_seconds),
    ("call_back_at", lambda lead: _time(lead.call_back_at)),
    ("alternate_numbers", lambda lead: " ".join(lead.alternates)),
    ("same_number_as", lambda lead: "; ".join(lead.same_number)),
    ("refused_because", lambda lead: lead.reason),
)


Fields = tuple[tuple[str, Callable[[Lead], str | int]], ...]


def headers(lead_list: LeadList, extra: Fields = ()) -> list[str]:
    """The file's own columns, then ours (each ``dialer_…``), then ``extra`` (named in full)."""
    return [*lead_list.columns, *(PREFIX + name for name, _ in RESULT_FIELDS),
            *(name for name, _ in extra)]  # fmt: skip


def values(lead: Lead, extra: Fields = ()) -> list[str | int]:
    return [*lead.cells, *(value(lead) for _, value in (*RESULT_FIELDS, *extra))]


def write_list(lead_list: LeadList, leads: Iterable[Lead], target: Path, extra: Fields = ()) -> int:
    """Write the list as CSV or XLSX (by the extension); how many leads were written.

    ``extra``: columns after the app's own (the team's ``dialer_agent``)."""
    if target.suffix.lower() == ".xlsx":
        return _write_xlsx(lead_list, leads, target, extra)
    return _write_csv(lead_list, leads, target, extra)


def _write_csv(lead_list: LeadList, leads: Iterable[Lead], target: Path, extra: Fields) -> int:
    with (
        _replacing(target, ".csv") as temp,
        open(temp, "w", newline="", encoding="utf-8-sig") as out,
    ):
        writer = csv.writer(out)
        writer.writerow([neutralise(name) for name in headers(lead_list, extra)])
        count = 0
        for lead in leads:
            writer.writerow([
                cell if isinstance(cell, int) else neutralise(cell) for cell in values(lead, extra)
            ])  # fmt: skip
            count += 1
        return count


def _write_xlsx(lead_list: LeadList, leads: Iterable[Lead], target: Path, extra: Fields) -> int:
    name = lead_list.name[:31].translate(_SHEET_SAFE) or "List"
    rows = (values(lead, extra) for lead in leads)
    return write_workbook(target, [(name, headers(lead_list, extra), rows)])


_SHEET_SAFE = str.maketrans({ch: "_" for ch in "[]:*?/\\'"})
