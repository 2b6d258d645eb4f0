"""Who on a lead list may be called, by the list's purpose and its scrub and consent columns.

TCCCPR 2018: a promotional call needs the customer's consent or a number that is not on the
National Customer Preference Register (NCPR, "DND"). There is no public NCPR lookup: the
company scrubs its list through its operator and imports the result, or keeps consent
records. So a promotional list must have a DND scrub column or a consent column, and a lead
registered on NCPR without consent is refused at import with its reason. Service and
transactional lists keep every row (DND rows too, for the audit) and call them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from dialer_app.core.compliance.columns import (
    Dnd,
    ScrubColumns,
    find_scrub_columns,
    read_consent,
    read_day,
    read_dnd,
)
from dialer_app.core.compliance.purpose import CTX, Purpose
from dialer_app.core.leads.columns import cell_at, listed
from dialer_app.core.text import QT_TRANSLATE_NOOP, Sentence

RULE_SCRUB = "ncpr"  # the rule a scrub refusal names (the report's "rule" column)

NO_SCRUB_COLUMN = QT_TRANSLATE_NOOP(
    "compliance",
    "A promotional list needs a DND scrub column or a consent column (TCCCPR 2018): add "
    "“DND” (Y or N, from your operator's scrub) with “Scrubbed on”, or “Consent source” with "
    "“Consent date”, then import it again. Columns found: {columns}.",
)
NO_SCRUB_DATE = QT_TRANSLATE_NOOP(
    "compliance",
    "A promotional list with a DND column needs the date of the scrub: add a “Scrubbed on” "
    "column, or enter the date of the scrub in the preview.",
)
REGISTERED = QT_TRANSLATE_NOOP(
    "compliance",
    "Registered on NCPR (DND) and no consent: not imported (TCCCPR 2018). A promotional call "
    "to this number needs the customer's consent, recorded with its source.",
)
NO_RESULT = QT_TRANSLATE_NOOP(
    "compliance",
    "No DND scrub result and no consent: not imported (TCCCPR 2018). Add the number's scrub "
    "result (Y or N in the DND column) or the source of the customer's consent.",
)
UNREADABLE = QT_TRANSLATE_NOOP(
    "compliance",
    "The DND column holds “{value}”, which is not a scrub result: not imported (TCCCPR "
    "2018). Write Y or N (DND or Non-DND, registered or not registered).",
)


@dataclass(frozen=True, slots=True)
class ComplianceRecord:
    """What the file says of one lead's NCPR status and consent (kept for the audit)."""

    dnd: Dnd = Dnd.UNKNOWN
    scrubbed_on: date | None = None
    consent_source: str = ""  # empty: no consent recorded
    consent_on: date | None = None

    @property
    def consented(self) -> bool:
        return bool(self.consent_source)


@dataclass(slots=True)
class ScrubCheck:
    """The outcome of ``check_table``: a record per row, and what is refused."""

    columns: ScrubColumns
    records: list[ComplianceRecord] = field(default_factory=list)  # one per row, in order
    refusals: dict[int, Sentence] = field(default_factory=dict)  # row index -> why refused
    list_refusal: Sentence | None = None  # the whole list is refused (then no rows)


def list_refusal(
    purpose: Purpose, header: Sequence[str], columns: ScrubColumns, scrubbed_on: date | None
) -> Sentence | None:
    """Why a list with these columns cannot be imported for ``purpose``, or None."""
    if purpose is not Purpose.PROMOTIONAL:
        return None
    if not columns.scrub_or_consent:
        return Sentence(CTX, NO_SCRUB_COLUMN, {"columns": listed(header)})
    if columns.needs_scrub_date and scrubbed_on is None:
        return Sentence(CTX, NO_SCRUB_DATE)
    return None


def read_record(
    columns: ScrubColumns, header: Sequence[str], cells: Sequence[str], scrubbed_on: date | None
) -> ComplianceRecord:
    """One row's scrub and consent as the file writes them (``scrubbed_on``: the preview's)."""

    consent = read_consent(cell_at(cells, columns.consent)) if columns.consent is not None else None
    source = read_consent(cell_at(cells, columns.consent_source))
    if consent is False or source is False:
        chosen = ""  # an explicit "no" wins over a source written beside it
    elif isinstance(source, str):
        chosen = source
    elif isinstance(consent, str):
        chosen = consent
    elif consent is True or source is True:  # "yes" without a source: the column names it
        index = columns.consent if consent is True else columns.consent_source
        chosen = header[index].strip() if index is not None else ""
    else:
        chosen = ""
    return ComplianceRecord(
        dnd=read_dnd(cell_at(cells, columns.dnd)),
        scrubbed_on=read_day(cell_at(cells, columns.scrubbed_on)) or scrubbed_on,
        consent_source=chosen,
        consent_on=read_day(cell_at(cells, columns.consent_on)) if chosen else None,
    )


def row_refusal(purpose: Purpose, record: ComplianceRecord, raw_dnd: str = "") -> Sentence | None:
    """Why a lead with this record is not imported for ``purpose``, or None."""
    if purpose is not Purpose.PROMOTIONAL or record.consented:
        return None
    if record.dnd is Dnd.NOT_REGISTERED:
        return None
    if record.dnd is Dnd.REGISTERED:
        return Sentence(CTX, REGISTERED)
    if record.dnd is Dnd.UNREADABLE:
        return Sentence(CTX, UNREADABLE, {"value": raw_dnd.strip()[:40]})
    return Sentence(CTX, NO_RESULT)


def check_table(
    purpose: Purpose,
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    scrubbed_on: date | None = None,
    skip: Sequence[int] = (),
) -> ScrubCheck:
    """Every row's record and refusal for a list of ``purpose`` (rows without the header).

    ``scrubbed_on``: the date the preview asked for (a DND column without a scrub-date
    column); ``skip``: the name and number columns, never read as scrub columns.
    """
    columns = find_scrub_columns(header, skip)
    check = ScrubCheck(columns, list_refusal=list_refusal(purpose, header, columns, scrubbed_on))
    if check.list_refusal is not None:
        return check
    for index, cells in enumerate(rows):
        record = read_record(columns, header, cells, scrubbed_on)
        check.records.append(record)
        raw = cells[columns.dnd] if columns.dnd is not None and columns.dnd < len(cells) else ""
        refusal = row_refusal(purpose, record, raw)
        if refusal is not None:
            check.refusals[index] = refusal
    return check
