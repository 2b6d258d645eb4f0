"""Placing one call: the write-ahead rows (the history's, then the lead's), one request, the
finished rows. The one home of the write-ahead rule: nothing leaves before both are committed."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from dialer_app.core.errors import HistoryError
from dialer_app.core.history.store import HistoryStore
from dialer_app.core.leads.model import Lead
from dialer_app.core.records import CallRequest, CallResult, HistoryRow, Outcome
from dialer_app.services.account import AccountService
from dialer_app.services.leads import LeadAttempts
from dialer_app.services.runner import Job, Progress, Runner

if TYPE_CHECKING:
    from dialer_app.core.callerdesk.client import CallerDeskClient

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CallAttempt:
    """One call attempt once its outcome is known: what was asked, what came of it, its row."""

    request: CallRequest
    result: CallResult
    row: HistoryRow | None  # None if the history could not be updated
    history_error: str = ""
    lead: Lead | None = None  # the request's lead as its attempt left it (None: no lead)


class CallService(QObject):
    """Sends one call request at a time, never twice, always with its history row.

    ``place()`` returns the call's job: ``progressed(HistoryRow)`` once the write-ahead rows
    are committed (the history's, and the lead's when the request carries a ``lead_id``: the
    request is leaving), ``progressed(CallResult)`` as soon as the answer is read (before its
    row is finished, so the agent sees it one commit sooner), then ``succeeded(CallAttempt)``;
    it never fails. A write-ahead row that cannot be written stops the request: the outcome
    is ``not_sent`` with the reason.

    Signals:
        busy_changed(bool): a call request is (no longer) in flight
        call_finished(CallAttempt): a call's outcome is known, after the job's own
            ``succeeded`` (for the tray, the balance, the call report tracker)
    """

    busy_changed = Signal(bool)
    call_finished = Signal(object)

    def __init__(
        self,
        account: AccountService,
        history: HistoryStore | None,
        runner: Runner,
        parent: QObject | None = None,
        *,
        leads: LeadAttempts | None = None,
    ) -> None:
        super().__init__(parent)
        self._account = account
        self._history = history
        self._leads = leads
        self._runner = runner
        self._busy = False
        self._closed = False
        self._finished: CallAttempt | None = None

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def has_account(self) -> bool:
        return self._account.has_account

    @property
    def can_call(self) -> bool:
        history = self._history
        return self._account.has_account and history is not None and not history.read_only

    def place(self, request: CallRequest) -> Job[CallAttempt] | None:
        """Send one call request on a worker; None (and nothing sent) if one is in flight."""
        client, history = self._account.client, self._history
        if self._busy or self._closed or client is None or history is None:
            return None
        ledger = Ledger(history, self._leads)
        self._set_busy(True)
        job = self._runner.submit_with_progress(
            lambda progress: _call_job(client, ledger, request, progress)
        )
        job.succeeded.connect(self._on_job_succeeded)
        job.finished.connect(self._on_job_finished)
        return job

    def close(self) -> None:
        """No new call from now on (the app is quitting)."""
        self._closed = True

    @Slot(object)
    def _on_job_succeeded(self, attempt: CallAttempt) -> None:
        self._finished = attempt

    @Slot()
    def _on_job_finished(self) -> None:
        # After every slot on the job's ``succeeded``: whoever started the call has shown
        # its outcome before the others hear of it.
        attempt, self._finished = self._finished, None
        self._set_busy(False)
        if attempt is not None:
            self.call_finished.emit(attempt)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_changed.emit(busy)


@dataclass(frozen=True, slots=True)
class Ledger:
    """Where a call is written ahead and finished: the history, and the lead lists."""

    history: HistoryStore
    leads: LeadAttempts | None


def _call_job(
    client: CallerDeskClient, ledger: Ledger, request: CallRequest, progress: Progress
) -> CallAttempt:
    """Worker side of a call. Its job never fails: a bug becomes an ``unknown`` outcome."""
    try:
        return _attempt(client, ledger, request, progress)
    except Exception as exc:
        # Whether the request left is not known, so the agent is told to check first (the
        # row, if any, becomes unknown at shutdown or the next start).
        log.error("Call job failed unexpectedly: %s", type(exc).__name__)
        result = CallResult(Outcome.UNKNOWN, "Something went wrong while calling.")
        return CallAttempt(request, result, None)


def _attempt(
    client: CallerDeskClient, ledger: Ledger, request: CallRequest, progress: Progress
) -> CallAttempt:
    """Write-ahead rows (the history's, then the lead's), one request, finished rows. Never
    retries."""
    history = ledger.history
    try:
        row_id = history.begin(request)
        refused = _begin_lead(ledger.leads, request)
        if refused:  # no write-ahead for the lead: the request must not leave
            result = CallResult(Outcome.NOT_SENT, f"the lead list could not be written ({refused})")
            return CallAttempt(request, result, history.finish(row_id, result))
        progress(history.get(row_id))
    except HistoryError as exc:  # no write-ahead row: the request must not leave
        log.error("Call not sent, the history refused its row: %s", exc)
        result = CallResult(Outcome.NOT_SENT, f"the history could not be written ({exc})")
        return CallAttempt(request, result, None)
    result = client.place_call(request)
    progress(result)
    try:
        row: HistoryRow | None = history.finish(row_id, result)
    except HistoryError as exc:
        log.error("Could not record the outcome: %s", exc)
        return CallAttempt(
            request, result, None, str(exc), _finish_lead(ledger, request, result, row_id)
        )
    return CallAttempt(request, result, row, lead=_finish_lead(ledger, request, result, row_id))


def _begin_lead(leads: LeadAttempts | None, request: CallRequest) -> str:
    """The lead's attempt, committed before the request leaves; why not, if it cannot be."""
    if request.lead_id is None:
        return ""
    if leads is None:
        return "no lead list is open"
    try:
        leads.begin(request.lead_id)
    except Exception as exc:  # whatever the store raises: the request must not leave
        log.error("Call not sent, the lead list refused its attempt: %s", exc)
        return str(exc) or type(exc).__name__
    return ""


def _finish_lead(
    ledger: Ledger, request: CallRequest, result: CallResult, row_id: int
) -> Lead | None:
    """The lead's attempt finished; a lead left ``calling`` becomes unknown at the next start."""
    if request.lead_id is None or ledger.leads is None:
        return None
    try:
        return ledger.leads.finish(request.lead_id, result, row_id)
    except Exception as exc:
        log.error("Could not record the lead's outcome: %s", exc)
        return None
