"""Gathering a list's compliance report from the three stores (no window: the command line)."""

from __future__ import annotations

from pathlib import Path

from dialer_app.core.compliance.journal import ComplianceJournal
from dialer_app.core.compliance.report import Report, call_rows, import_refusals, refusal_rows
from dialer_app.core.errors import DialerError
from dialer_app.core.history.store import HistoryStore
from dialer_app.core.leads.sqlite_store import SqliteLeadStore


class NoSuchList(DialerError):
    """The report names a list the lists file does not hold; the message lists those it does."""


def gather(lists: Path, history: Path, name: str) -> Report:
    """The report of the list called ``name``: its calls as the history holds them, and every
    refusal (``HistoryError`` when a store cannot be read, ``NoSuchList``)."""
    if not lists.exists():
        raise NoSuchList(f"no call-down lists in {lists.parent}")
    store = SqliteLeadStore(lists)
    journal = ComplianceJournal(lists)
    calls = HistoryStore(history)
    try:
        found = store.find_list(name)
        if found is None:
            names = ", ".join(item.name for item in store.lists()) or "none"
            raise NoSuchList(f"no list named {name!r} (lists: {names})")

        def lead_name(lead_id: int | None) -> str:
            lead = None if lead_id is None else store.lead(lead_id)
            return "" if lead is None else lead.name

        call_lines = list(call_rows(found.name, journal.calls(found.list_id), calls.get, lead_name))
        refused = journal.refusals(found.list_id)
        imported_at = journal.chosen_at(found.list_id)
        if imported_at is not None:
            refused += import_refusals(store.iter_leads(found.list_id), imported_at)
        return Report(call_lines, list(refusal_rows(refused)))
    finally:
        calls.close()
        journal.close()
        store.close()
