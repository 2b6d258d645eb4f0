"""What a lead store is: the typed interface every store of lead lists implements.

``services/leads.py: LeadService`` is the only caller: it runs every method on a worker
thread (never the GUI thread) and hands the result back as a ``Job``. A store may therefore
block (SQLite's lock, a network round trip) but must be safe to call from several worker
threads at once; it raises ``HistoryError`` (``core/errors.py``) with a sentence naming the
store when it cannot read or write.

The first implementation is ``core/leads/sqlite_store.py: SqliteLeadStore`` (one file,
``lists.sqlite3``). A second one (the team's PostgreSQL store) implements the same methods
with the same meanings and is handed to ``LeadService`` instead; no widget changes.

The methods, by what the lead lists do with them:

- **import**: ``create_list(preview, progress, cancelled)`` saves a checked file as a new
  list and makes it the active one, all or nothing (``None`` when ``cancelled()`` said so;
  ``progress(n)`` after each chunk of rows).
- **lists**: ``lists()``, ``get_list(id)``, ``find_list(name)``, ``activate(id)`` (one list
  active at a time), ``active_list()``.
- **reading** (the table, windowed): ``count(list_id)`` (rows, refused ones included) and
  ``page(list_id, start, count)`` (leads at positions ``start``..``start+count-1`` in file
  order); ``lead(id)``; ``lead_for_call(history_row)`` (the lead a history row called).
- **progress**: ``progress(list_id)`` counts done, total, connected and call-backs.
- **export**: ``iter_leads(list_id)`` yields every lead in file order.
- **claiming the next lead**: ``current(list_id, now, max_attempts)`` is the lead the agent
  is on (kept across restarts) or else the next; ``advance(...)`` moves on: a due call-back
  first (``due_call_backs``), then the next ``new`` lead; ``set_current(list_id, lead_id)``
  puts a due call-back on top. A team store claims the lead for this agent here (a lease).
- **one attempt** (the write-ahead rule, run inside ``CallService``'s call job):
  ``begin_attempt(lead_id)`` is committed after the history's row and before the request
  leaves (status ``calling``, one more attempt); ``finish_attempt(lead_id, outcome, campid,
  history_row)`` beside the history's finish (an outcome ``not_sent`` is not an attempt).
- **after the call**: ``record_verdict(history_row, connected, talk_seconds)`` (the call
  report's word), ``wrap_up(lead_id, disposition, note, call_back_at, do_not_call)``.
- **skip and call back**: ``set_status(lead_id, SKIPPED, None)`` skips;
  ``set_status(lead_id, CALL_BACK, when)`` schedules a call back.
- **recover**: ``recover()`` at start-up: leads a crash left ``calling`` become ``called``
  with the outcome ``unknown`` (it may have rung); returns how many.
- ``close()`` at shutdown.

The do-not-call list is not the lead store's: ``DoNotCall`` below (today the history's,
``HistoryStore.blocked_numbers``/``block``) is checked at import and before every call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import Protocol

from dialer_app.core.leads.model import Lead, LeadList, LeadListProgress, LeadStatus, Preview
from dialer_app.core.records import Outcome


class LeadStore(Protocol):
    """A store of lead lists (see the module docstring for each method's meaning)."""

    def create_list(
        self,
        preview: Preview,
        progress: Callable[[int], None] = ...,
        cancelled: Callable[[], bool] = ...,
    ) -> LeadList | None: ...

    def lists(self) -> list[LeadList]: ...

    def get_list(self, list_id: int) -> LeadList | None: ...

    def find_list(self, name: str) -> LeadList | None: ...

    def activate(self, list_id: int) -> None: ...

    def active_list(self) -> LeadList | None: ...

    def count(self, list_id: int) -> int: ...

    def page(self, list_id: int, start: int, count: int) -> list[Lead]: ...

    def lead(self, lead_id: int) -> Lead | None: ...

    def lead_for_call(self, history_row: int) -> Lead | None: ...

    def progress(self, list_id: int) -> LeadListProgress: ...

    def iter_leads(self, list_id: int) -> Iterator[Lead]: ...

    def due_call_backs(self, list_id: int, now: datetime, max_attempts: int) -> list[Lead]: ...

    def current(self, list_id: int, now: datetime, max_attempts: int) -> Lead | None: ...

    def advance(self, list_id: int, now: datetime, max_attempts: int) -> Lead | None: ...

    def set_current(self, list_id: int, lead_id: int) -> None: ...

    def begin_attempt(self, lead_id: int) -> None: ...

    def finish_attempt(
        self, lead_id: int, outcome: Outcome, campid: str | None, history_row: int | None
    ) -> Lead | None: ...

    def record_verdict(
        self, history_row: int, connected: bool, talk: int | None
    ) -> Lead | None: ...

    def wrap_up(
        self,
        lead_id: int,
        disposition: str,
        note: str,
        call_back_at: datetime | None,
        do_not_call: bool,
    ) -> None: ...

    def set_status(
        self, lead_id: int, status: LeadStatus, call_back_at: datetime | None
    ) -> None: ...

    def recover(self) -> int: ...

    def release_all(self) -> None:
        """Quitting: give back the leads this desk holds (a team's); nothing for one agent."""

    def close(self) -> None: ...


class DoNotCall(Protocol):
    """The numbers never to call (the history's list today: ``HistoryStore``)."""

    def blocked_numbers(self) -> Iterable[str]: ...

    def block(self, number: str, reason: str, /) -> object: ...


CHUNK = 2000  # leads a page when a whole list is read (an export)


def leads_in_pages(page: Callable[[int, int, int], list[Lead]], list_id: int) -> Iterator[Lead]:
    """Every lead of ``list_id`` in file order, read ``CHUNK`` at a time through ``page``
    (a store's ``page(list_id, start, count)``)."""
    start = 0
    while chunk := page(list_id, start, CHUNK):
        yield from chunk
        start = chunk[-1].position + 1
