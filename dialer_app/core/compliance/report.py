"""``--compliance-report LIST OUT.xlsx``: what a list called and what the rules refused.

Sheet ``Calls``: every history row that is a call of the list (``ComplianceJournal.calls``),
one row each as the history holds it: time (India time), number, lead, list, purpose,
deskphone, outcome, disposition, agent. Sheet ``Refusals``: time, number, rule, sentence
(English): the calls refused (calling hours, caller ID, do-not-call) and the leads refused at
import (NCPR, do-not-call). The same rules as every export: the customer number is a number
cell (a national number has no leading zero to lose), every other cell a text cell, which no
spreadsheet evaluates, so a name such as ``=HYPERLINK(…)`` stays text; the file is replaced
only once it is complete.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from dialer_app.core.compliance import caller_id, hours, opt_out, scrub
from dialer_app.core.compliance.audit import india_time
from dialer_app.core.compliance.journal import ListCall, Refusal
from dialer_app.core.leads.model import BLOCKED
from dialer_app.core.records import HistoryRow
from dialer_app.core.sheets import Cell, write_workbook
from dialer_app.core.text import Sentence

CALL_COLUMNS = ("time", "number", "lead", "list", "purpose", "deskphone", "outcome",
                "disposition", "agent")  # fmt: skip
REFUSAL_COLUMNS = ("time", "number", "rule", "sentence")
RULES = (scrub.RULE_SCRUB, hours.RULE, caller_id.RULE, opt_out.RULE)
_SCRUB_SOURCES = {scrub.REGISTERED, scrub.NO_RESULT, scrub.UNREADABLE}


class RefusedLead(Protocol):
    """What the report reads of a lead refused at import."""

    @property
    def number(self) -> str: ...

    @property
    def status(self) -> str: ...

    @property
    def reason_sentence(self) -> Sentence | None: ...


@dataclass(frozen=True, slots=True)
class Report:
    """The two sheets' rows, cells in column order."""

    calls: list[list[Cell]]
    refusals: list[list[Cell]]


def number_cell(number: str) -> Cell:
    """A national number as a number cell; anything else (as written at import) as text."""
    text = number.strip()
    return int(text) if text.isdigit() and len(text) == 10 else text


def call_rows(
    list_name: str,
    calls: Iterable[ListCall],
    history_row: Callable[[int], HistoryRow],
    lead_name: Callable[[int | None], str],
) -> Iterator[list[Cell]]:
    """The ``Calls`` sheet: each of the list's calls as the history row holds it."""
    for call in calls:
        row = history_row(call.history_row)
        yield [
            india_time(row.created_at),
            number_cell(row.customer_number),
            lead_name(call.lead_id),
            list_name,
            call.purpose.value,
            row.deskphone,
            row.outcome.value,
            row.disposition or "",
            row.member_name,
        ]


def import_refusals(leads: Iterable[RefusedLead], imported_at: datetime) -> Iterator[Refusal]:
    """The leads refused at import under a rule (NCPR, do-not-call), as refusals."""
    for lead in leads:
        reason = lead.reason_sentence
        if lead.status != "refused" or reason is None:
            continue
        if reason.source in _SCRUB_SOURCES:
            yield Refusal(imported_at, lead.number, scrub.RULE_SCRUB, reason)
        elif reason.source == BLOCKED:
            yield Refusal(imported_at, lead.number, opt_out.RULE, reason)


def refusal_rows(refusals: Iterable[Refusal]) -> Iterator[list[Cell]]:
    """The ``Refusals`` sheet, oldest first."""
    for refusal in sorted(refusals, key=lambda item: item.at):
        yield [india_time(refusal.at), number_cell(refusal.number), refusal.rule,
               str(refusal.sentence)]  # fmt: skip


def write_report(report: Report, target: Path) -> None:
    """Write both sheets to ``target`` (an .xlsx), replacing it only once complete."""
    write_workbook(target, (("Calls", CALL_COLUMNS, report.calls),
                            ("Refusals", REFUSAL_COLUMNS, report.refusals)))  # fmt: skip
