"""Lists → Import DND scrub result…: an operator's scrub file applied to a list already imported.

The scrub file is matched to the list's leads by number (every number through the one
parser, compared on its 10 digits); a lead the file names gets the file's DND status and
scrub date and keeps the consent it had. For a promotional list, a lead now registered on the
NCPR without consent is refused with its reason (it is not called again); a lead the file
does not name keeps its record. Numbers of the file that are not in the list are counted, not
added.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from dialer_app.core.compliance.audit import LeadLike
from dialer_app.core.compliance.columns import Dnd, find_scrub_columns, read_day, read_dnd
from dialer_app.core.compliance.purpose import CTX, Purpose
from dialer_app.core.compliance.scrub import ComplianceRecord, row_refusal
from dialer_app.core.errors import InvalidNumber
from dialer_app.core.leads.columns import cell_at, listed
from dialer_app.core.phone import last_ten, normalise
from dialer_app.core.text import QT_TRANSLATE_NOOP, Sentence

NO_DND_COLUMN = QT_TRANSLATE_NOOP(
    "compliance",
    "This file has no DND column, so it is not a scrub result: the first row must name one "
    "(“DND”, “NCPR” or “DND status”). Columns found: {columns}.",
)
NO_DATE = QT_TRANSLATE_NOOP(
    "compliance",
    "This scrub result has no “Scrubbed on” column: enter the date of the scrub.",
)
_NONE = ComplianceRecord()


@dataclass(slots=True)
class ScrubUpdate:
    """What applying a scrub file changes: new records, newly refused leads, counts."""

    records: dict[int, ComplianceRecord] = field(default_factory=dict)  # position -> record
    refused: dict[int, Sentence] = field(default_factory=dict)  # position -> why (promotional)
    matched: int = 0  # leads the file names
    not_in_list: int = 0  # numbers of the file that are not in the list
    refusal: Sentence | None = None  # the file cannot be applied (then nothing else is set)


def apply_scrub(
    purpose: Purpose,
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    number_column: int,
    leads: Iterable[LeadLike],
    held: Mapping[int, ComplianceRecord],
    scrubbed_on: date | None = None,
) -> ScrubUpdate:
    """Apply a scrub file (``header``, ``rows``; its numbers in ``number_column``) to a list's
    ``leads`` whose records are ``held`` (``ComplianceJournal.records``)."""
    columns = find_scrub_columns(header, skip=(number_column,))
    if columns.dnd is None:
        return ScrubUpdate(refusal=Sentence(CTX, NO_DND_COLUMN, {"columns": listed(header)}))
    if columns.scrubbed_on is None and scrubbed_on is None:
        return ScrubUpdate(refusal=Sentence(CTX, NO_DATE))
    by_number = {last_ten(lead.number): lead.position for lead in leads}
    update = ScrubUpdate()
    for cells in rows:
        number = _number(cells, number_column)
        position = by_number.get(number) if number else None
        if position is None:
            update.not_in_list += bool(number)
            continue
        raw = cell_at(cells, columns.dnd)
        record = replace(
            held.get(position, _NONE),
            dnd=read_dnd(raw),
            scrubbed_on=read_day(cell_at(cells, columns.scrubbed_on)) or scrubbed_on,
        )
        update.records[position] = record
        update.matched += 1
        if record.dnd is not Dnd.NOT_REGISTERED and (why := row_refusal(purpose, record, raw)):
            update.refused[position] = why
    return update


def _number(cells: Sequence[str], column: int) -> str:
    try:
        return normalise(cells[column]) if column < len(cells) and cells[column].strip() else ""
    except InvalidNumber:
        return ""
