"""The list export's audit columns: the list's purpose, each lead's scrub and consent record,
and when its number was put on the do-not-call list.

``AUDIT_COLUMNS`` is the one place the names are written (the export adds its ``dialer_``
prefix to every column the app adds); ``ListAudit.values(lead)`` gives the cells in the same
order. Days are ISO dates; ``opted_out_at`` is India time with its offset.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from dialer_app.core.compliance.opt_out import OptOut
from dialer_app.core.compliance.purpose import Purpose
from dialer_app.core.compliance.scrub import ComplianceRecord
from dialer_app.core.hours import IST
from dialer_app.core.leads.export import PREFIX
from dialer_app.core.leads.model import Lead
from dialer_app.core.phone import last_ten

AUDIT_COLUMNS: tuple[str, ...] = (
    "purpose",
    "dnd_status",
    "scrubbed_on",
    "consent_source",
    "consent_on",
    "opted_out_at",
)
_NONE = ComplianceRecord()


class LeadLike(Protocol):
    """What the audit reads of a lead: its place in the file and its number."""

    @property
    def position(self) -> int: ...

    @property
    def number(self) -> str: ...


def india_time(moment: datetime | None) -> str:
    """A moment as India time, ISO 8601 with its offset (``2026-12-02T11:15:00+05:30``)."""
    return moment.astimezone(IST).isoformat(timespec="seconds") if moment else ""


@dataclass(frozen=True, slots=True)
class ListAudit:
    """A list's purpose, its leads' records by position, and the do-not-call list."""

    purpose: Purpose | None
    records: Mapping[int, ComplianceRecord]
    opted_out: Mapping[str, datetime]  # last 10 digits -> when

    def values(self, lead: LeadLike) -> tuple[str, ...]:
        """The lead's cells under ``AUDIT_COLUMNS``, in their order."""
        record = self.records.get(lead.position, _NONE)
        return (
            self.purpose.value if self.purpose is not None else "",
            record.dnd.value,
            record.scrubbed_on.isoformat() if record.scrubbed_on else "",
            record.consent_source,
            record.consent_on.isoformat() if record.consent_on else "",
            india_time(self.opted_out.get(last_ten(lead.number))),
        )


def list_audit(
    purpose: Purpose | None, records: Mapping[int, ComplianceRecord], opt_outs: Iterable[OptOut]
) -> ListAudit:
    """The audit of one list: ``ComplianceJournal.purpose/records`` and
    ``HistoryStore.opt_outs()``."""
    return ListAudit(purpose, records, {entry.number: entry.at for entry in opt_outs})


def export_fields(audit: ListAudit) -> tuple[tuple[str, Callable[[Lead], str | int]], ...]:
    """The audit columns as the list export's extra columns, each with the ``dialer_`` prefix
    of the columns the app adds (``dialer_purpose``, ``dialer_dnd_status`` …)."""

    def cell(index: int) -> Callable[[Lead], str | int]:
        return lambda lead: audit.values(lead)[index]

    return tuple((PREFIX + name, cell(i)) for i, name in enumerate(AUDIT_COLUMNS))
