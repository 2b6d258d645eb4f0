"""Call-down lists: leads, their statuses, and the preview of an import before it is saved.

A lead list comes from a spreadsheet. Its columns are found by their headers and cells
(``lead_columns``: a name column or First + Last Name; the number column; every other column
is kept as the lead's details). Every number cell is cleaned as people write it
(``lead_cells``) and then goes through the one parser (``core.phone``); a row that cannot be
called is refused with a sentence, never imported silently wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from dialer_app.core.errors import DialerError, InvalidNumber
from dialer_app.core.leads import columns as lead_columns
from dialer_app.core.leads.cells import cell_numbers
from dialer_app.core.phone import format_national
from dialer_app.core.records import Outcome
from dialer_app.core.text import QT_TRANSLATE_NOOP, Sentence

if TYPE_CHECKING:
    from dialer_app.core.compliance.purpose import Purpose
    from dialer_app.core.compliance.scrub import ComplianceRecord

CTX = "leads"
MAX_ATTEMPTS = 3

DUPLICATE = QT_TRANSLATE_NOOP("leads", "Same number as row {row}: not imported again.")
DUPLICATE_NAMED = QT_TRANSLATE_NOOP(
    "leads", "Same number as row {row} ({name}): not imported again."
)
BLOCKED = QT_TRANSLATE_NOOP("leads", "{number} is on the do-not-call list.")
NO_NUMBER_COLUMN = QT_TRANSLATE_NOOP(
    "leads",
    "No column of phone numbers was found: the first row must name one "
    "(“Number”, “Phone” or “Mobile”). Columns found: {columns}.",
)
EMPTY_FILE = QT_TRANSLATE_NOOP("leads", "{file} is empty: there are no leads in it.")
NOT_A_TABLE = QT_TRANSLATE_NOOP(
    "leads", "{file} is not a table the dialer can read: save it as CSV or Excel (.xlsx)."
)
BAD_ENCODING = QT_TRANSLATE_NOOP(
    "leads",
    "{file} is not UTF-8 or UTF-16 text: in Excel save it as “CSV UTF-8” or “Unicode Text”.",
)
BROKEN_XLSX = QT_TRANSLATE_NOOP(
    "leads", "{file} could not be read as an Excel workbook ({reason}): it may be damaged."
)
UNREADABLE = QT_TRANSLATE_NOOP("leads", "{file} could not be opened ({reason}).")


class LeadStatus(StrEnum):
    """Where a lead stands in its list (what the list panel shows)."""

    NEW = "new"
    CALLING = "calling"  # a request for it is (or was, at a crash) in flight
    CALLED = "called"
    CONNECTED = "connected"
    CALL_BACK = "call_back"
    DO_NOT_CALL = "do_not_call"
    SKIPPED = "skipped"
    REFUSED = "refused"  # at import: its number cannot be called


# Leads still to work: the rest are done.
OPEN = (LeadStatus.NEW, LeadStatus.CALL_BACK, LeadStatus.CALLING)


class LeadFileError(DialerError):
    """A lead file that cannot be read as a table; ``sentence`` says why."""

    def __init__(self, sentence: Sentence) -> None:
        super().__init__(str(sentence))
        self.sentence = sentence


def file_error(source: str, **args: str) -> LeadFileError:
    return LeadFileError(Sentence(CTX, source, args))


@dataclass(frozen=True, slots=True)
class Lead:
    """One lead of a list, as stored."""

    lead_id: int
    list_id: int
    position: int  # 0-based, the row's order in the file
    name: str
    number: str  # 10-digit national number (as written, when refused)
    cells: tuple[str, ...]  # the original row, one cell per column of the list
    status: LeadStatus = LeadStatus.NEW
    attempts: int = 0
    outcome: Outcome | None = None  # of the last attempt (None: never attempted)
    disposition: str = ""
    note: str = ""
    campid: str = ""
    talk_seconds: int | None = None
    call_back_at: datetime | None = None
    reason: str = ""  # why it was refused at import (English text)
    history_row: int | None = None  # the history row of the last attempt
    reason_sentence: Sentence | None = None  # the same, to show in the window's language
    alternates: tuple[str, ...] = ()  # other numbers of the same cell (10-digit national)
    same_number: tuple[str, ...] = ()  # names of later rows with this number (not imported)

    @property
    def display_number(self) -> str:
        return format_national(self.number)


@dataclass(frozen=True, slots=True)
class LeadList:
    """A list and where the agent stands in it."""

    list_id: int
    name: str
    source: str
    columns: tuple[str, ...]
    current_lead: int | None
    active: bool
    total: int  # leads that can be called (refused rows left out)


@dataclass(frozen=True, slots=True)
class LeadListProgress:
    """The progress line: "23 of 80 done · 9 connected · 4 to call back"."""

    done: int
    total: int
    connected: int
    call_back: int

    @classmethod
    def of_counts(cls, counts: Mapping[LeadStatus, int], still_open: int = 0) -> LeadListProgress:
        """From the count of leads in each status (refused leads are no part of the list);
        ``still_open``: leads whose status says done but which are not (a call still ringing)."""
        total = sum(n for s, n in counts.items() if s is not LeadStatus.REFUSED)
        open_ = sum(counts.get(s, 0) for s in OPEN) + still_open
        return cls(total - open_, total, counts.get(LeadStatus.CONNECTED, 0),
                   counts.get(LeadStatus.CALL_BACK, 0))  # fmt: skip


@dataclass(frozen=True, slots=True)
class ReadyLead:
    position: int
    name: str
    number: str
    cells: tuple[str, ...]
    alternates: tuple[str, ...] = ()
    same_number: tuple[str, ...] = ()
    row: int = 0  # as a spreadsheet numbers it (the header is row 1)


@dataclass(frozen=True, slots=True)
class RefusedRow:
    position: int
    row: int  # as a spreadsheet numbers it (the header is row 1)
    raw_number: str
    name: str
    cells: tuple[str, ...]
    reason: Sentence


@dataclass(slots=True)
class Preview:
    """What an import would save: the leads ready to call and every refused row."""

    name: str
    source: str
    columns: tuple[str, ...]
    name_columns: tuple[int, ...]  # the name's column, or First Name and Last Name
    number_column: int
    ready: list[ReadyLead] = field(default_factory=list)
    refused: list[RefusedRow] = field(default_factory=list)
    # The list's purpose and its leads' scrub records (``core.compliance.preview``): None
    # until the agent chooses one; ``list_refusal`` says why the whole list cannot be saved.
    purpose: Purpose | None = None
    scrubbed_on: date | None = None  # the date the preview asked for (no scrub-date column)
    records: dict[int, ComplianceRecord] = field(default_factory=dict)  # position -> record
    list_refusal: Sentence | None = None
    asks_scrub_date: bool = False  # a DND column and no scrub-date column


def find_columns(
    columns: Sequence[str], sample: Sequence[Sequence[str]] = ()
) -> tuple[tuple[int, ...], int | None]:
    """(name columns, number column) by headers and the first rows' cells (``lead_columns``)."""
    number = lead_columns.number_column(columns, sample[: lead_columns.SAMPLE_ROWS])
    return lead_columns.name_columns(columns, number), number


def build_preview(
    name: str,
    source: str,
    table: Iterable[Sequence[str]],
    blocked: Callable[[str], bool],
    progress: Callable[[int], None] = lambda _n: None,
    number_column: int | None = None,
) -> Preview:
    """Check every row of ``table`` (its first row the headers) as the dial form would.

    ``number_column`` is the agent's choice in the preview; by default it is found.
    """
    rows = list(table)
    if not rows:
        raise file_error(EMPTY_FILE, file=source)
    columns = tuple(cell.strip() for cell in rows[0])
    names, found = find_columns(columns, rows[1:])
    if number_column is not None and 0 <= number_column < len(columns):
        found = number_column
        names = tuple(i for i in names if i != found) or lead_columns.name_columns(columns, found)
    if found is None:
        raise file_error(NO_NUMBER_COLUMN, columns=lead_columns.listed(columns))
    preview = Preview(name, source, columns, names, found)
    seen: dict[str, tuple[int, str, int | None]] = {}
    position = 0
    for index, raw in enumerate(rows[1:]):
        if index % 1000 == 0:
            progress(index)
        cells = tuple(raw[: len(columns)]) + ("",) * (len(columns) - len(raw))
        if not any(cell.strip() for cell in cells):
            continue  # a blank line holds no lead
        refused = _check_row(preview, cells, index + 2, position, seen, blocked)
        if refused is not None:
            preview.refused.append(refused)
        position += 1
    if not preview.ready and not preview.refused:
        raise file_error(EMPTY_FILE, file=source)
    return preview


def _check_row(
    preview: Preview,
    cells: tuple[str, ...],
    row: int,
    position: int,
    seen: dict[str, tuple[int, str, int | None]],
    blocked: Callable[[str], bool],
) -> RefusedRow | None:
    raw = cells[preview.number_column].strip()
    lead_name = " ".join(cells[i].strip() for i in preview.name_columns if cells[i].strip())
    try:
        number, *alternates = cell_numbers(raw)
    except InvalidNumber as exc:
        return RefusedRow(position, row, raw, lead_name, cells, exc.sentence)
    if number in seen:
        return RefusedRow(position, row, raw, lead_name, cells,
                          _same_number(preview, seen[number], lead_name))  # fmt: skip
    if blocked(number):
        seen[number] = (row, lead_name, None)
        reason = Sentence(CTX, BLOCKED, {"number": format_national(number)})
        return RefusedRow(position, row, raw, lead_name, cells, reason)
    seen[number] = (row, lead_name, len(preview.ready))
    preview.ready.append(ReadyLead(position, lead_name, number, cells, tuple(alternates), row=row))
    return None


def _same_number(preview: Preview, first: tuple[int, str, int | None], name: str) -> Sentence:
    """The reason for a second row with the same number; its name is kept with the first."""
    row, first_name, ready = first
    if ready is not None and name and name != first_name:
        lead = preview.ready[ready]
        if name not in lead.same_number:
            preview.ready[ready] = replace(lead, same_number=(*lead.same_number, name))
    if first_name:
        return Sentence(CTX, DUPLICATE_NAMED, {"row": str(row), "name": first_name})
    return Sentence(CTX, DUPLICATE, {"row": str(row)})
