"""The sandbox's notion of "now": injectable so tests can move time without sleeping."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

Clock = Callable[[], datetime]
"""Returns the current time as an aware datetime."""


def system_clock() -> datetime:
    """The real wall clock, in UTC."""
    return datetime.now(UTC)


class ManualClock:
    """A clock that only moves when told to; thread-safe.

    ``Sandbox(clock=ManualClock())`` then ``clock.advance(8)`` finishes a default 8 s call.
    """

    def __init__(self, start: datetime | None = None) -> None:
        if start is None:
            start = datetime(2026, 1, 15, 6, 0, tzinfo=UTC)  # 11:30 in India
        if start.tzinfo is None:
            raise ValueError("ManualClock needs an aware datetime")
        self._now = start
        self._lock = threading.Lock()

    def __call__(self) -> datetime:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        """Move the clock forward by ``seconds`` (must not be negative)."""
        if seconds < 0:
            raise ValueError("a clock does not go back")
        with self._lock:
            self._now += timedelta(seconds=seconds)
