"""The supervisor's desk as jobs and signals: the live feed and every change, on workers.

``SupervisorService`` owns two ``SupervisorDesk`` sessions (the feed's and the actions'), so
a reassignment never waits behind a read. The feed (``core.team.feed.watch_team``) runs on a
thread of its own and hands each ``Snapshot`` to the GUI thread as ``snapshot``; no database
work ever runs on the GUI thread.

Signals:
    snapshot(object): a ``Snapshot`` (the parts that changed, or an error)
"""

from __future__ import annotations

import sys
import threading
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

    # -- the live view -----------------------------------------------------------------
    def start(self) -> None:
        """Start the feed (once): a full snapshot first, then what changes."""
        if self._feed is not None:
            return
        self._switch = sys.getswitchinterval()
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        stop, desk, target, password = self._stop, self._feed_desk, self._target, self._password
        self._feed = self._feed_runner.submit_with_progress(
            lambda deliver: watch_team(target, desk, deliver, stop, password)
        )
        self._feed.progressed.connect(self._on_feed_progressed)

    @Slot(object)
    def _on_feed_progressed(self, value: object) -> None:
        self.snapshot.emit(value)

    def stop(self) -> None:
        """Stop the feed and close both sessions (the window is closing)."""
        self._stop.set()
        if self._feed is not None:
            self._feed.cancel()
        self._feed_runner.wait(STOP_WAIT_MS)
        self._runner.wait(STOP_WAIT_MS)
        for desk in (self._desk, self._feed_desk):
            desk.close()
        if self._switch is not None:
            sys.setswitchinterval(self._switch)
            self._switch = None

    # -- one job each ----------------------------------------------------------------------
    def is_supervisor(self) -> Job[bool]:
        return self._runner.submit(self._desk.is_supervisor)

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
