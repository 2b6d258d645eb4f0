"""The supervisor's desk as jobs and signals: the live feed and every change, on workers.

``SupervisorService`` owns two ``SupervisorDesk`` sessions (the feed's and the actions'), so
a reassignment never waits behind a read. The feed (``core.team.feed.watch_team``) runs on a
thread of its own and hands each ``Snapshot`` to the GUI thread as ``snapshot``; no database
work ever runs on the GUI thread.

Closing never waits on the GUI thread: ``stop()`` asks the feed to end and closes both
sessions on their own workers; ``closed`` says when they have (``wait`` blocks, for the
stand-alone window after its event loop has ended).

Signals:
    snapshot(object): a ``Snapshot`` (the parts that changed, or an error)
    closed(): after ``stop()``, both sessions are closed and no work is left running
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from dialer_app.core.team.day import DayFigures
from dialer_app.core.team.feed import watch_team
from dialer_app.core.team.supervise import RecycleRule, SupervisorDesk
from dialer_app.services.runner import Job, Runner

if TYPE_CHECKING:
    from dialer_app.core.team.claim import Policy
    from dialer_app.core.team.connect import PasswordSource, TeamTarget

STOP_WAIT_MS = 3000
# While the feed runs, a worker holding the GIL hands it back to the GUI thread within 1 ms
# (Python's default is 5 ms: a third of a frame); restored when the feed stops.
SWITCH_INTERVAL_S = 0.001


class SupervisorService(QObject):
    """The team database at ``target``, as a supervisor works it."""

    snapshot = Signal(object)
    closed = Signal()

    def __init__(
        self, target: TeamTarget, policy: Policy, password: PasswordSource | None = None,
        parent: QObject | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._target, self._password = target, password
        self._desk = SupervisorDesk(target, password, policy)
        self._feed_desk = SupervisorDesk(target, password, policy)
        self._runner = Runner(max_threads=2, parent=self)
        self._feed_runner = Runner(max_threads=1, parent=self, abandon_at_exit=True)
        self._stop = threading.Event()
        self._feed: Job[None] | None = None
        self._switch: float | None = None
        self._stopped = False
        self._running = 0  # runners with work left after stop()

    # -- the live view -----------------------------------------------------------------
    def start(self) -> None:
        """Start the feed (once): a full snapshot first, then what changes."""
        if self._feed is not None:
            return
        self._switch = sys.getswitchinterval()
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        stop, desk, target, password = self._stop, self._feed_desk, self._target, self._password

        def feed(deliver: Callable[[object], None]) -> None:
            try:
                watch_team(target, desk, deliver, stop, password)
            finally:
                desk.close()  # on the feed's own thread, once it has stopped

        self._feed = self._feed_runner.submit_with_progress(feed)
        self._feed.progressed.connect(self._on_feed_progressed)

    @Slot(object)
    def _on_feed_progressed(self, value: object) -> None:
        self.snapshot.emit(value)

    def stop(self) -> None:
        """Stop the feed and close both sessions, on their workers (the window is closing;
        nothing waits here): ``closed`` follows. Safe to call more than once."""
        if self._stopped:
            return
        self._stopped = True
        self._stop.set()
        if self._feed is None:  # never started: its session closes on a worker too
            self._feed_runner.submit(self._feed_desk.close)
        self._runner.submit(self._desk.close)  # after any change in flight (the desk's lock)
        for runner in (self._runner, self._feed_runner):
            runner.close()  # no result is delivered to a window that is going away
            if runner.active:  # the action runner always is: its session's close
                self._running += 1
                runner.drained.connect(self._on_runner_drained)
        if self._switch is not None:
            sys.setswitchinterval(self._switch)
            self._switch = None

    @Slot()
    def _on_runner_drained(self) -> None:
        self._running -= 1
        if self._running == 0:
            self.closed.emit()

    def wait(self, msecs: int = STOP_WAIT_MS) -> bool:
        """Block until the feed and every change have returned (True), at most ``msecs``:
        only once no window needs the GUI thread (``--supervisor`` after its event loop)."""
        done = self._feed_runner.wait(msecs)
        return self._runner.wait(msecs) and done

    # -- one job each ----------------------------------------------------------------------
    def set_paused(self, list_id: int, paused: bool) -> Job[None]:
        return self._runner.submit(lambda: self._desk.set_paused(list_id, paused))

    def set_priority(self, list_id: int, priority: int) -> Job[None]:
        return self._runner.submit(lambda: self._desk.set_priority(list_id, priority))

    def reassign(self, lead_id: int, member: str | None) -> Job[bool]:
        return self._runner.submit(lambda: self._desk.reassign(lead_id, member))

    def rules(self) -> Job[tuple[RecycleRule, ...]]:
        return self._runner.submit(self._desk.rules)

    def save_rule(self, rule: RecycleRule) -> Job[None]:
        return self._runner.submit(lambda: self._desk.save_rule(rule))

    def delete_rule(self, list_id: int, outcome: str) -> Job[None]:
        return self._runner.submit(lambda: self._desk.delete_rule(list_id, outcome))

    def outcomes(self, list_id: int) -> Job[tuple[str, ...]]:
        return self._runner.submit(lambda: self._desk.outcomes(list_id))

    def put_back_count(self, list_id: int, outcome: str) -> Job[int]:
        return self._runner.submit(lambda: self._desk.put_back_count(list_id, outcome))

    def put_back(self, list_id: int, outcome: str) -> Job[int]:
        return self._runner.submit(lambda: self._desk.put_back(list_id, outcome))

    def day(self, day: date) -> Job[DayFigures]:
        return self._runner.submit(lambda: self._desk.day(day))
