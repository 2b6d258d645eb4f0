"""The agent's state in the team database, on workers: heartbeats, F10's pause and resume.

``PresenceService`` tells the team database what this desk is doing at once when the state
changes (``set_state``); the desk's pulse (``core.team.pulse``, every 2 s) is the heartbeat
that keeps the agent from going offline, and it carries the state ``remember`` noted.
``pause(reason)`` and ``resume()`` return jobs; ``paused`` says what the desk last knew (the
database enforces it in the claim, whatever the desk knows). Failures (the database away) are
ignored here: the next pulse tries again, and the window already says the database cannot be
reached.

Signals:
    paused_changed(bool, str): paused or not, and the reason
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, Signal

from dialer_app.core.team.presence import PAUSED, READY
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

    def __init__(self, store: PresenceStore, runner: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store, self._runner = store, runner
        self._state, self._detail = READY, ""
        self._reason: str | None = None

    @property
    def paused(self) -> bool:
        return self._reason is not None

    @property
    def reason(self) -> str:
        return self._reason or ""

    def start(self) -> Job[str | None]:
        """The agent is known: a pause the database still holds for it (a desk restarted
        mid-pause) is taken up, so F10 resumes it; a pause taken before is written now."""
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

    def remember(self, state: str, detail: str = "") -> bool:
        """Ready, on a call (``core.team.presence.call_detail``) or wrap-up, as the desk now
        sees it; True when it changed. Nothing is written (the pulse that asks carries it)."""
        if (state, detail) == (self._state, self._detail):
            return False
        self._state, self._detail = state, detail
        return True

    def set_state(self, state: str, detail: str = "") -> Job[None] | None:
        """``remember``, and a change written at once (while paused the pause stays what the
        database shows)."""
        if not self.remember(state, detail) or self.paused:
            return None
        return self._beat()

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

    def _beat(self) -> Job[None]:
        store = self._store
        state, detail = (PAUSED, self.reason) if self.paused else (self._state, self._detail)
        return self._runner.submit(lambda: store.heartbeat(state, detail))
