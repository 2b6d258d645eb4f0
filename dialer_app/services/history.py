"""The campaign history, read on worker threads: the GUI thread never waits on SQLite."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject

from dialer_app.core.compliance.opt_out import OptOut
from dialer_app.core.history.sql import Key, Span
from dialer_app.core.history.store import HistoryStore
from dialer_app.core.history.window import Opened
from dialer_app.core.records import HistoryQuery, HistoryRow, WrapUp
from dialer_app.core.window import Plan
from dialer_app.services.runner import Job, Runner

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class PreCall:
    """The history's word before a call leaves."""

    blocked: bool = False  # the number is on the do-not-call list
    by_team: bool = False  # on the team's list: this desk cannot take it off
    opt_out: OptOut | None = None  # who put it there, when and why
    earlier: HistoryRow | None = None  # an attempt within the cool-down that may have rung


@dataclass(frozen=True, slots=True)
class Ahead:
    """The history's word before a call, read before the press, and the store's write count
    when it was read (-1: no history)."""

    writes: int
    before: PreCall
    number: str = ""  # the customer asked about


def pre_call(
    store: HistoryStore,
    customer_number: str,
    within_seconds: int,
    also_blocked: Callable[[str], bool] | None = None,
) -> PreCall:
    """Worker side of ``before_call`` (``also_blocked``: the team's do-not-call list)."""
    since = datetime.now(UTC) - timedelta(seconds=max(within_seconds, 0))
    if also_blocked is not None and also_blocked(customer_number):
        return PreCall(blocked=True, by_team=True)
    if store.blocked(customer_number):
        found = store.opt_outs(customer_number)
        return PreCall(blocked=True, opt_out=found[0] if found else None)
    if within_seconds <= 0:
        return PreCall()
    return PreCall(earlier=store.last_attempt_to(customer_number, since))


UNFINISHED_MESSAGE = "The app closed before the answer arrived: the call may have been placed."


class HistoryService(QObject):
    """Every history read the window makes, each a job on the shared runner.

    With no usable history (``store`` None: locked, unwritable) reads give empty results, and
    calls stay disabled (``CallService.can_call``) while the window still works.
    """

    def __init__(
        self,
        store: HistoryStore | None,
        runner: Runner,
        parent: QObject | None = None,
        *,
        also_blocked: Callable[[str], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._runner = runner
        self._also_blocked = also_blocked  # the team's do-not-call list, as last heard

    def open_window(self, query: HistoryQuery, limit: int) -> Job[tuple[Opened, int]]:
        """The query's first page (``progressed``, an ``Opened``, as soon as it is read), then
        ``(that page, how many rows match)`` from the same snapshot."""
        store = self.store
        if store is None:
            return self._runner.submit(lambda: (Opened(query, [], None), 0))
        return self._runner.submit_with_progress(
            lambda progress: store.first_page(query, limit, progress)
        )

    def page_at(self, query: HistoryQuery, span: Span, plan: Plan[Key]) -> Job[list[HistoryRow]]:
        """The page ``plan`` says how to read, in the query's order."""
        moves = (plan.anchor, plan.reverse, plan.skip, plan.limit)
        return self._read(lambda store: store.page_at(query, span, moves), [])

    def marks(
        self, query: HistoryQuery, span: Span, every: int
    ) -> Job[tuple[HistoryQuery, dict[int, Key]]]:
        """``(query, the key of every ``every``-th row by position)``, found in one walk of the
        sort index on a connection of its own (a jump then skips few rows)."""
        return self._read(lambda store: (query, store.marks(query, span, every)), (query, {}))

    def belongs(
        self, query: HistoryQuery, row: HistoryRow
    ) -> Job[tuple[HistoryQuery, HistoryRow, bool]]:
        """``(query, row, whether the row passes the query's filter)``: the same SQL as a page."""
        return self._read(
            lambda store: (query, row, store.matches(query, row.row_id)), (query, row, False)
        )

    def recent_to(self, customer_number: str, limit: int = 3) -> Job[list[HistoryRow]]:
        """The last attempts to this customer, newest first."""
        return self._read(lambda store: store.recent_to(customer_number, limit), [])

    def before_call(self, customer_number: str, within_seconds: int) -> Job[PreCall]:
        """What the history says before a call: the do-not-call list, then an attempt within
        the cool-down that may have rung the customer."""
        also = self._also_blocked
        return self._read(
            lambda store: pre_call(store, customer_number, within_seconds, also), PreCall()
        )

    def before_call_ahead(self, customer_number: str, within_seconds: int) -> Job[Ahead]:
        """``before_call`` asked ahead of the press: its answer holds while ``unchanged``."""
        store = self.store
        if store is None:
            return self._runner.submit(lambda: Ahead(-1, PreCall(blocked=True)))

        def work() -> Ahead:
            writes = store.writes  # noted before reading
            before = pre_call(store, customer_number, within_seconds, self._also_blocked)
            return Ahead(writes, before, customer_number)

        return self._runner.submit(work)

    def unchanged(self, ahead: Ahead) -> bool:
        """Nothing was written to the history since ``ahead`` was read (no database call:
        the store counts its writes)."""
        store = self.store
        if self._also_blocked is not None and self._also_blocked(ahead.number):
            return False  # the team put it on its do-not-call list since (memory, no I/O)
        return store is not None and ahead.writes >= 0 and store.writes == ahead.writes

    def save_wrap_up(self, row_id: int, wrap_up: WrapUp) -> Job[HistoryRow | None]:
        """Store the agent's wrap-up; the updated row."""
        return self._read(lambda store: store.save_wrap_up(row_id, wrap_up), None)

    def block(self, number: str, reason: str = "", who: str = "") -> Job[None]:
        """Put ``number`` on the do-not-call list with why and who (``core.compliance.opt_out``)."""
        return self._read(lambda store: store.block(number, reason, who), None)

    def unblock(self, number: str) -> Job[bool]:
        return self._read(lambda store: store.unblock(number), False)

    def blocked_numbers(self) -> Job[list[str]]:
        return self._read(lambda store: store.blocked_numbers(), [])

    def recover(self) -> Job[int]:
        """Rows a crash left as ``sending`` become ``unknown``; how many did."""
        return self._read(lambda store: store.mark_unfinished(UNFINISHED_MESSAGE), 0)

    def export(
        self, query: HistoryQuery, target: Path, stop: threading.Event | None = None
    ) -> Job[int]:
        """Write every row matching ``query`` to ``target`` (CSV or XLSX by its extension);
        how many rows were written. ``progressed`` carries ``(rows written, rows in all)``;
        setting ``stop`` cancels it (the job fails with ``ExportCancelled``, no file left)."""
        from dialer_app.core.history.export import EXPORT_COLUMNS, export_rows  # not at start-up

        store = self.store
        if store is None:
            return self._runner.submit(lambda: 0)

        def work(progress: Callable[[object], None]) -> int:
            total, batches = store.export_batches(query, EXPORT_COLUMNS)
            progress((0, total))
            cancelled = stop.is_set if stop is not None else None
            return export_rows(batches, target, lambda done: progress((done, total)), cancelled)

        return self._runner.submit_with_progress(work)

    def _read(self, work: Callable[[HistoryStore], T], empty: T) -> Job[T]:
        store = self.store
        if store is None:
            return self._runner.submit(lambda: empty)
        return self._runner.submit(lambda: work(store))
