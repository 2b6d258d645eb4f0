"""Follow our placed calls through live_call_v2 while they may be live, leg by leg."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from dialer_app.core.callerdesk.live import advance, find
from dialer_app.core.records import HistoryRow, LiveCall, LiveState, Outcome
from dialer_app.services.account import AccountService
from dialer_app.services.calls import CallAttempt
from dialer_app.services.runner import Latest, Runner

log = logging.getLogger(__name__)

POLL_MS = 2500  # integrators poll every few seconds
NEVER_SEEN_S = 20.0  # a call not in the live list by then: its legs may never show there
WAITING_S = 20  # the customer answered and the member's phone rang this long: say so


@dataclass(frozen=True, slots=True)
class LiveUpdate:
    """Where one of our calls stands now."""

    row: HistoryRow
    state: LiveState
    callstatus: str  # as the service wrote it (shown verbatim when we do not know it)
    since: float  # time.monotonic() when this state began (the talk timer's start)


@dataclass
class _Watched:
    row: HistoryRow
    started: float = field(default_factory=time.monotonic)
    state: LiveState | None = None
    callstatus: str = ""
    since: float = 0.0
    seen: bool = False
    warned: bool = False


class LiveTracker(QObject):
    """Polls live_call_v2 only while a call of ours may be live; a failing poll changes nothing.

    Signals:
        changed(LiveUpdate): a watched call moved to a new state (only ever forward)
        ended(HistoryRow): the call left the live list: it is over (check its report now)
        customer_waiting(HistoryRow): the customer answered and the member has not, for long
    """

    changed = Signal(object)
    ended = Signal(object)
    customer_waiting = Signal(object)

    def __init__(
        self,
        account: AccountService,
        runner: Runner,
        *,
        waiting_seconds: int = WAITING_S,
        poll_ms: int = POLL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._account = account
        self._runner = runner
        self._waiting = waiting_seconds
        self._watched: dict[int, _Watched] = {}
        self._poll: Latest[list[LiveCall]] = Latest()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self._on_timer_timeout)

    @Slot(object)
    def on_call_finished(self, attempt: CallAttempt) -> None:
        """Follow a call that was placed (only a placed call can be live)."""
        if attempt.result.outcome is Outcome.PLACED and attempt.row is not None:
            self.watch(attempt.row)

    def watch(self, row: HistoryRow) -> None:
        """A call was just placed: follow it from now on."""
        self._watched[row.row_id] = _Watched(row)
        self._on_timer_timeout()

    @Slot(object)
    def forget(self, row: HistoryRow) -> None:
        """The call's report has arrived: the call is over, whatever the live list said last.

        A call that was seen live moves to ``ENDED`` (``changed``), so nothing goes on saying
        it is connected; ``ended`` is not emitted (that asks for the report, which is in).
        """
        watched = self._watched.pop(row.row_id, None)
        if watched is None:
            return
        if watched.seen and watched.state is not LiveState.ENDED:
            self._move(watched, LiveState.ENDED, "", time.monotonic())
        if not self._watched:
            self.stop()

    def stop(self) -> None:
        self._timer.stop()
        self._poll.cancel()

    @Slot()
    def _on_timer_timeout(self) -> None:
        client = self._account.client
        if client is None or not self._watched:
            return
        job = self._poll.replace(self._runner.submit(client.live_calls))
        job.on_success(self._on_poll_done).on_failure(self._on_poll_failed)

    @Slot(object)
    def _on_poll_done(self, live: list[LiveCall]) -> None:
        now = time.monotonic()
        for row_id, watched in list(self._watched.items()):
            found = find(watched.row, live)
            if found is not None:
                self._seen(watched, found, now)
            elif watched.seen or now - watched.started > NEVER_SEEN_S:
                del self._watched[row_id]
                if watched.seen:
                    self._move(watched, LiveState.ENDED, "", now)
                    self.ended.emit(watched.row)
        if self._watched:
            self._timer.start()

    @Slot(object)
    def _on_poll_failed(self, exc: BaseException) -> None:
        log.info("Live calls not read: %s", type(exc).__name__)
        if self._watched:
            self._timer.start()

    def _seen(self, watched: _Watched, found: LiveCall, now: float) -> None:
        watched.seen = True
        state = advance(watched.state, found.state)
        if state is None:  # only statuses we do not know so far: show the first verbatim
            if found.callstatus != watched.callstatus:
                watched.callstatus = found.callstatus
                self.changed.emit(LiveUpdate(watched.row, LiveState.OTHER, found.callstatus, now))
            return
        if state is not watched.state:
            self._move(watched, state, found.callstatus, now)
        waited = now - watched.since
        if state is LiveState.CUSTOMER_ANSWERED and waited >= self._waiting and not watched.warned:
            watched.warned = True
            self.customer_waiting.emit(watched.row)

    def _move(self, watched: _Watched, state: LiveState, callstatus: str, now: float) -> None:
        watched.state, watched.callstatus, watched.since = state, callstatus, now
        self.changed.emit(LiveUpdate(replace(watched.row), state, callstatus, now))
