"""The import preview under a purpose: who the scrub and consent columns let in (``scrub``).

``with_purpose(preview, purpose, scrubbed_on)`` takes the preview as the file was checked
(numbers, duplicates, the do-not-call list) and returns it for ``purpose``: each lead's scrub
record, the leads refused under TCCCPR (moved to the refused rows with their reason), or the
sentence that refuses the whole list. It runs on a worker (100,000 rows in about half a
second); the saved list keeps the records in the compliance journal (``journal.save_list``,
inside the store's own transaction).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from dialer_app.core.compliance.columns import find_scrub_columns
from dialer_app.core.compliance.purpose import Purpose
from dialer_app.core.compliance.scrub import check_table
from dialer_app.core.leads.model import Preview, RefusedRow


def scrub_skip(preview: Preview) -> tuple[int, ...]:
    """The columns never read as scrub columns: the name's and the number's."""
    return (*preview.name_columns, preview.number_column)


def asks_scrub_date(preview: Preview) -> bool:
    """Whether a promotional import of this file needs the date of the scrub from the agent."""
    return find_scrub_columns(preview.columns, scrub_skip(preview)).needs_scrub_date


def with_purpose(preview: Preview, purpose: Purpose, scrubbed_on: date | None) -> Preview:
    """``preview`` (as first checked, without a purpose) for a list of ``purpose``."""
    ready = {lead.position: lead for lead in preview.ready}
    refused = {row.position: row for row in preview.refused}
    positions = sorted((*ready, *refused))
    cells = [ready[p].cells if p in ready else refused[p].cells for p in positions]
    check = check_table(purpose, preview.columns, cells, scrubbed_on, scrub_skip(preview))
    base = replace(preview, purpose=purpose, scrubbed_on=scrubbed_on,
                   asks_scrub_date=check.columns.needs_scrub_date)  # fmt: skip
    if check.list_refusal is not None:
        return replace(base, ready=[], refused=[], records={}, list_refusal=check.list_refusal)
    records = dict(zip(positions, check.records, strict=True))
    kept, moved = [], list(preview.refused)
    for lead in preview.ready:
        reason = check.refusals.get(lead.position)  # positions are 0..n-1: the row's index
        if reason is None:
            kept.append(lead)
            continue
        # the number as read (not as written): the audit and the report name it
        moved.append(RefusedRow(lead.position, lead.row, lead.number, lead.name, lead.cells,
                                reason))  # fmt: skip
    moved.sort(key=lambda row: row.position)
    return replace(base, ready=kept, refused=moved, records=records, list_refusal=None)
