"""The dialer service: account, lists, balance, calls and history, off the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from dialer_app.core.deadline import DEFAULT_DEADLINE
from dialer_app.core.errors import HistoryError
from dialer_app.core.history import HistoryStore
from dialer_app.core.logsetup import Redactor
from dialer_app.core.messages import describe_error
from dialer_app.core.records import CallRequest, CallResult, Campaign, HistoryQuery, Outcome
from dialer_app.services.outcomes import DEFAULT_SCHEDULE, OutcomeTracker
from dialer_app.services.runner import Progress, Runner

if TYPE_CHECKING:
    from dialer_app.core.client import CallerDeskClient

log = logging.getLogger(__name__)

ClientFactory = Callable[[str, str], "CallerDeskClient"]
UNFINISHED_MESSAGE = "The app closed before the answer arrived: the call may have been placed."
# Long enough for a call request to end by its own timeouts.
SHUTDOWN_WAIT_MS = int((DEFAULT_DEADLINE + 2) * 1000)


@dataclass(frozen=True, slots=True)
class CallReport:
    """What the window learns when a call request has its outcome."""

    request: CallRequest
    result: CallResult
    row: Campaign | None  # None if the history could not be updated
    history_error: str = ""


class Dialer(QObject):
    """Runs every network and history job on a worker thread and reports by signal.

    Signals:
        members_loaded(list[Member]), deskphones_loaded(list[Deskphone]), lists_failed(str)
        balance_loaded(Balance), balance_failed(str)
        call_started(Campaign): the write-ahead row is committed; the request is leaving
        call_finished(CallReport): the outcome is known (placed/rejected/not sent/unknown)
        busy_changed(bool): a call request is (no longer) in flight
        export_done(int, str): that many rows were written to that CSV file
        export_failed(str): a sentence saying why the export failed
    """

    members_loaded = Signal(object)
    export_done = Signal(int, str)
    export_failed = Signal(str)
    deskphones_loaded = Signal(object)
    lists_failed = Signal(str)
    balance_loaded = Signal(object)
    balance_failed = Signal(str)
    call_started = Signal(object)
    call_finished = Signal(object)
    busy_changed = Signal(bool)

    def __init__(
        self,
        history: HistoryStore | None,
        *,
        client_factory: ClientFactory | None = None,
        redactor: Redactor | None = None,
        report_schedule: tuple[float, ...] = DEFAULT_SCHEDULE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._history = history
        self._redactor = redactor
        self._client_factory = client_factory or _default_client
        self._client: CallerDeskClient | None = None
        self._retired: list[CallerDeskClient] = []
        self._runner = Runner(parent=self)
        self.outcomes = (
            OutcomeTracker(
                history, lambda: self._client, self._runner, schedule=report_schedule, parent=self
            )
            if history is not None
            else None
        )
        self._busy = False
        self._in_flight = CallRequest("", "", "")
        self._lists_pending = 0
        self._shut_down = False

    # -- account -----------------------------------------------------------------------
    def set_account(self, base_url: str, authcode: str) -> None:
        """Use this account from now on (the old client is closed at shutdown)."""
        if self._client is not None:
            self._retired.append(self._client)
        if self._redactor is not None:
            self._redactor.add_secret(authcode)
        self._client = self._client_factory(base_url, authcode)

    def clear_account(self) -> None:
        """Stop using the current key (after it was forgotten)."""
        if self._client is not None:
            self._retired.append(self._client)
        self._client = None

    @property
    def has_account(self) -> bool:
        return self._client is not None

    @property
    def can_call(self) -> bool:
        return self._client is not None and self._history is not None

    @property
    def busy(self) -> bool:
        return self._busy

    # -- lists and balance -------------------------------------------------------------
    def refresh_lists(self) -> bool:
        """Load members and deskphones in parallel; False if a refresh is already running."""
        client = self._client
        if client is None or self._lists_pending or self._shut_down:
            return False
        self._lists_pending = 2
        self._runner.submit(lambda _: client.list_members(), self._on_members, self._on_list_error)
        self._runner.submit(
            lambda _: client.list_deskphones(), self._on_deskphones, self._on_list_error
        )
        return True

    def refresh_balance(self) -> None:
        client = self._client
        if client is not None and not self._shut_down:
            job = lambda _: client.get_balance()  # noqa: E731
            self._runner.submit(job, self._on_balance, self._on_balance_error)

    @Slot(object)
    def _on_members(self, members: object) -> None:
        self._lists_pending -= 1
        log.info("Loaded %d members", len(members) if isinstance(members, list) else 0)
        self.members_loaded.emit(members)

    @Slot(object)
    def _on_deskphones(self, deskphones: object) -> None:
        self._lists_pending -= 1
        self.deskphones_loaded.emit(deskphones)

    @Slot(object)
    def _on_list_error(self, exc: object) -> None:
        self._lists_pending -= 1
        self.lists_failed.emit(describe_error(exc))

    @Slot(object)
    def _on_balance(self, balance: object) -> None:
        self.balance_loaded.emit(balance)

    @Slot(object)
    def _on_balance_error(self, exc: object) -> None:
        self.balance_failed.emit(describe_error(exc))

    # -- the call ----------------------------------------------------------------------
    def place_call(self, request: CallRequest) -> bool:
        """Send one call request on a worker; False (and nothing sent) if one is in flight."""
        client, history = self._client, self._history
        if self._busy or self._shut_down or client is None or history is None:
            return False
        self._set_busy(True)
        self._in_flight = request
        self._runner.submit(
            lambda progress: _call_job(client, history, request, progress),
            self._on_call_done,
            self._on_call_crashed,
            self._on_call_started,
        )
        return True

    @Slot(object)
    def _on_call_started(self, row: object) -> None:
        self.call_started.emit(row)

    @Slot(object)
    def _on_call_done(self, report: CallReport) -> None:
        self._set_busy(False)
        self.call_finished.emit(report)
        self.refresh_balance()
        if self.outcomes is not None and report.result.outcome is Outcome.PLACED:
            self.outcomes.track()

    @Slot(object)
    def _on_call_crashed(self, exc: object) -> None:
        # A bug, not a fault the job knows: whether the request left is not known, so the
        # agent is told to check first (its row, if any, becomes unknown at the next start).
        log.error("Call job failed unexpectedly: %s", type(exc).__name__)
        self._set_busy(False)
        result = CallResult(Outcome.UNKNOWN, "Something went wrong while calling.")
        self.call_finished.emit(CallReport(self._in_flight, result, None))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_changed.emit(busy)

    # -- history -----------------------------------------------------------------------
    def last_attempt_to(self, customer_number: str, within_seconds: int) -> Campaign | None:
        if self._history is None or within_seconds <= 0:
            return None
        since = datetime.now(UTC) - timedelta(seconds=within_seconds)
        return self._history.last_attempt_to(customer_number, since)

    def history_page(
        self, query: HistoryQuery, after: Campaign | None, limit: int
    ) -> list[Campaign]:
        return self._history.page(query, after, limit) if self._history else []

    def recent_to(self, customer_number: str, limit: int = 3) -> list[Campaign]:
        return self._history.recent_to(customer_number, limit) if self._history else []

    def export_history(self, query: HistoryQuery, target: Path) -> None:
        """Write every row matching ``query`` to a CSV file, on a worker thread."""
        history = self._history
        if history is None:
            self.export_failed.emit("The call history is not available.")
            return
        from dialer_app.core.export import write_csv  # csv, tempfile: not at start-up

        self._runner.submit(
            lambda _: (write_csv(history.iter_rows(query), target), str(target)),
            self._on_export_done,
            self._on_export_failed,
        )

    @Slot(object)
    def _on_export_done(self, result: tuple[int, str]) -> None:
        self.export_done.emit(*result)

    @Slot(object)
    def _on_export_failed(self, exc: object) -> None:
        self.export_failed.emit(describe_error(exc))

    def recover_unfinished(self) -> int:
        """Rows a crash left as ``sending`` become ``unknown``; returns how many."""
        return self._history.mark_unfinished(UNFINISHED_MESSAGE) if self._history else 0

    def shutdown(self, wait_ms: int = SHUTDOWN_WAIT_MS) -> None:
        """Let in-flight work end, finish its rows, close the clients and the history."""
        if self._shut_down:
            return
        self._shut_down = True
        if self.outcomes is not None:
            self.outcomes.stop()
        all_done = self._runner.wait(wait_ms)
        if self._history is not None:
            try:
                self._history.mark_unfinished(UNFINISHED_MESSAGE)
            except HistoryError as exc:
                log.error("Could not finish open history rows: %s", exc)
        if all_done:
            self._close_clients()
        else:  # closing a client under a running request would break it: close it after
            log.warning("Quitting with work still in flight")
            self._runner.drained.connect(self._close_clients)

    @Slot()
    def _close_clients(self) -> None:
        for client in [*self._retired, *([self._client] if self._client else [])]:
            client.close()


def _default_client(base_url: str, authcode: str) -> CallerDeskClient:
    # httpx and the client load on the first account, not at start-up before the first paint.
    from dialer_app.core.client import CallerDeskClient

    return CallerDeskClient(base_url, authcode)


def _call_job(
    client: CallerDeskClient, history: HistoryStore, request: CallRequest, progress: Progress
) -> CallReport:
    """Worker side of a call: write-ahead row, one request, finished row. Never retries."""
    try:
        row_id = history.begin(request)
        progress(history.get(row_id))
    except HistoryError as exc:  # no write-ahead row: the request must not leave
        log.error("Call not sent, the history refused its row: %s", exc)
        result = CallResult(Outcome.NOT_SENT, f"the history could not be written ({exc})")
        return CallReport(request, result, None)
    result = client.place_call(request)
    try:
        row: Campaign | None = history.finish(row_id, result)
    except HistoryError as exc:
        log.error("Could not record the outcome: %s", exc)
        return CallReport(request, result, None, str(exc))
    return CallReport(request, result, row)
