"""Follow placed calls until the call report says what happened to each: its verdict."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from dialer_app.core.callerdesk.report import IST, assign, give_up_at
from dialer_app.core.clock import Clock, utc_now
from dialer_app.core.history.store import HistoryStore
from dialer_app.core.records import HistoryRow, Outcome, ReportRow
from dialer_app.services.account import AccountService
from dialer_app.services.calls import CallAttempt
from dialer_app.services.runner import Runner

if TYPE_CHECKING:
    from dialer_app.core.callerdesk.client import CallerDeskClient

log = logging.getLogger(__name__)

# Seconds between report checks while calls are pending: quick at first (the demo's calls
# end in seconds), then backing off; the last value repeats until every call is settled.
DEFAULT_SCHEDULE = (3.0, 5.0, 10.0, 20.0, 30.0, 60.0, 120.0, 300.0)


@dataclass(frozen=True, slots=True)
class _Checked:
    updated: list[HistoryRow]  # rows that got their verdict (or gave up) in this check
    still_pending: int


class VerdictTracker(QObject):
    """Fetches call_list_v2 with back-off until each placed call has a verdict.

    Rows pending a report survive restarts: ``resume()`` picks them up from the history.

    Signals:
        row_updated(HistoryRow): a history row gained its verdict (or gave up waiting)
        worst_case(HistoryRow): the customer answered and the member did not
    """

    row_updated = Signal(object)
    worst_case = Signal(object)

    def __init__(
        self,
        history: HistoryStore,
        account: AccountService,
        runner: Runner,
        *,
        schedule: tuple[float, ...] = DEFAULT_SCHEDULE,
        clock: Clock | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._history = history
        self._account = account
        self._runner = runner
        self._schedule = schedule
        self._clock: Clock = clock or utc_now
        self._step = 0
        self._checking = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)

    def track(self) -> None:
        """A call was just placed: check soon, then back off again."""
        self._step = 0
        self._arm()

    @Slot(object)
    def on_call_finished(self, attempt: CallAttempt) -> None:
        """Track the call if it was placed (only a placed call has a report to wait for)."""
        if attempt.result.outcome is Outcome.PLACED:
            self.track()

    @Slot(object)
    def check_now(self, _row: object = None) -> None:
        """A call just left the live list: its report may be there already, so look now."""
        self._step = 0
        self._arm(immediately=True)

    def resume(self) -> None:
        """After start-up or an account change: settle what earlier sessions left pending."""
        self._step = 0
        self._arm(immediately=True)

    def stop(self) -> None:
        self._timer.stop()

    def _arm(self, immediately: bool = False) -> None:
        delay = 0.0 if immediately else self._schedule[min(self._step, len(self._schedule) - 1)]
        self._timer.start(int(delay * 1000))

    @Slot()
    def _on_timer_timeout(self) -> None:
        client = self._account.client
        if client is None or self._checking:
            return
        self._checking = True
        job = self._runner.submit(lambda: self._check(client))
        job.on_success(self._on_check_done).on_failure(self._on_check_failed)

    def _check(self, client: CallerDeskClient) -> _Checked:
        """Worker side: fetch reports for the pending rows, record verdicts, give up on old."""
        pending = self._history.pending_reports()
        if not pending:
            return _Checked([], 0)
        first: date = min(row.created_at for row in pending).astimezone(IST).date()
        last: date = self._clock().astimezone(IST).date()
        reports: list[ReportRow] = []
        for member in sorted({row.member_number for row in pending}):
            reports += client.call_reports(first, last, member)
        matches = assign(pending, reports, self._history.claimed_report_ids())
        now = self._clock()
        updated = [self._history.record_report(i, report) for i, report in matches.items()]
        for row in pending:
            if row.row_id not in matches and now >= give_up_at(row):
                updated.append(self._history.record_report(row.row_id, None))
        return _Checked(updated, len(pending) - len(updated))

    @Slot(object)
    def _on_check_done(self, result: _Checked) -> None:
        self._checking = False
        for row in result.updated:
            self.row_updated.emit(row)
            if row.worst_case:
                self.worst_case.emit(row)
        if result.still_pending:
            self._step += 1
            self._arm()

    @Slot(object)
    def _on_check_failed(self, exc: object) -> None:
        self._checking = False
        log.warning("Call report check failed: %s", exc)
        self._step += 1
        self._arm()
