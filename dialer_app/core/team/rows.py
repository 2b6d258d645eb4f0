"""Rows of the team database as the records the rest of the app knows (``core.leads``)."""

from __future__ import annotations

from typing import Any

from dialer_app.core.leads.model import Lead, LeadList, LeadStatus
from dialer_app.core.records import Outcome
from dialer_app.core.text import Sentence


def lead_from_row(row: tuple[Any, ...], desk: str) -> Lead:
    """A ``claim.LEAD_COLUMNS`` row; the history row is this desk's only (others' mean nothing
    here)."""
    (lead_id, list_id, position, name, number, cells, status, attempts, outcome, disposition,
     note, campid, talk, call_back, reason, last_desk, history_row, *_rest) = row  # fmt: skip
    sentence = Sentence.from_json(reason)
    return Lead(
        int(lead_id), int(list_id), position, name, number, tuple(cells), LeadStatus(status),
        attempts, Outcome(outcome) if outcome else None, disposition, note, campid, talk, call_back,
        reason if sentence is None else str(sentence),
        history_row if last_desk == desk else None, sentence,
    )  # fmt: skip


def list_from_row(row: tuple[Any, ...], current: int | None, *, active: bool) -> LeadList:
    list_id, name, source, columns, total = row
    return LeadList(int(list_id), name, source, tuple(columns), current, active, int(total))
