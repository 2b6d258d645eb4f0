"""Waiting on another process, which has no Qt event loop to wait on."""

from __future__ import annotations

import time
from collections.abc import Callable

POLL_S = 0.05


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
    """Poll ``condition`` every 50 ms until it holds; AssertionError naming ``what`` if not."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(POLL_S)
