"""The one clock: "now" as an aware UTC datetime, and the type of anything that tells it.

Services take a ``Clock`` in their constructor (tests pass their own); the sandbox keeps its
own (``sandbox/clock.py``: it imports nothing of the app).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """Now, in UTC."""
    return datetime.now(UTC)
