"""The agent's state in the team database, on workers: heartbeats, F10's pause and resume.

``PresenceService`` tells the team database what this desk is doing: at once when the state
changes (``set_state``), and every ``HEARTBEAT_SECONDS`` so the supervisor does not see the
agent go offline. ``pause(reason)`` and ``resume()`` return jobs; ``paused`` says what the
desk last knew (the database enforces it in the claim, whatever the desk knows). Failures
(the database away) are ignored here: the next heartbeat tries again, and the window already
says the database cannot be reached.

Signals:
    paused_changed(bool, str): paused or not, and the reason
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from dialer_app.core.team.presence import HEARTBEAT_SECONDS, PAUSED, READY
from dialer_app.services.runner import Job, Runner


class PresenceStore(Protocol):
    """What the service asks of the team store (``core.team.presence.PresenceWork``), on a
    worker."""

    def heartbeat(self, state: str = READY, detail: str = "") -> None: ...
    def pause(self, reason: str) -> None: ...
    def resume(self, state: str = READY) -> None: ...
    def paused_reason(self) -> str | None: ...


class PresenceService(QObject):
    """This agent's state, kept in the team database through ``store``."""

    paused_changed = Signal(bool, str)

    def __init__(
        self, store: PresenceStore, runner: Runner, parent: QObject | None = None, *,
        heartbeat: bool = True,
    ) -> None:  # fmt: skip
        """``heartbeat=False`` when something else already says every few seconds that the
        agent is here (a team desk's pulse): this service then writes only changes."""
        super().__init__(parent)
        self._store, self._runner = store, runner
        self._state, self._detail = READY, ""
        self._reason: str | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(HEARTBEAT_SECONDS * 1000)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._heartbeat = heartbeat

    @property
    def paused(self) -> bool:
        return self._reason is not None

    @property
    def reason(self) -> str:
        return self._reason or ""

    def start(self) -> Job[str | None]:
        """Heartbeats from now on; first, a pause the database still holds for this agent (a
        desk restarted mid-pause) is taken up, so F10 resumes it."""
        if self._heartbeat:
            self._timer.start()
        job = self._runner.submit(self._store.paused_reason)
        job.on_success(self._on_found_pause)
        return job

    def _on_found_pause(self, reason: str | None) -> None:
        if reason is not None and not self.paused:
            self._reason = reason
            self.paused_changed.emit(True, reason)
        elif reason is None and self.paused:  # F10 before the agent was known: recorded now
            store, held = self._store, self.reason
            self._runner.submit(lambda: store.pause(held))
            return
        self._beat()

    def stop(self) -> None:
        self._timer.stop()

    def set_state(self, state: str, detail: str = "") -> Job[None] | None:
        """Ready, on a call (``core.team.presence.call_detail``) or wrap-up; sent at once when
        it changes. While paused the pause stays what the database shows."""
        if (state, detail) == (self._state, self._detail):
            return None
        self._state, self._detail = state, detail
        return None if self.paused else self._beat()

    def pause(self, reason: str) -> Job[None]:
        self._reason = reason
        self.paused_changed.emit(True, reason)
        store = self._store
        return self._runner.submit(lambda: store.pause(reason))

    def resume(self) -> Job[None]:
        self._reason = None
        self.paused_changed.emit(False, "")
        store, state = self._store, self._state
        return self._runner.submit(lambda: store.resume(state))

    @Slot()
    def _on_timer_timeout(self) -> None:
        self._beat()

    def _beat(self) -> Job[None]:
        store = self._store
        state, detail = (PAUSED, self.reason) if self.paused else (self._state, self._detail)
        return self._runner.submit(lambda: store.heartbeat(state, detail))
