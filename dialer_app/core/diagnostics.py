"""The "copy diagnostics" text: what support needs, and nothing it must not see."""

from __future__ import annotations

import platform
import sys
from collections import deque
from pathlib import Path

from dialer_app import __version__
from dialer_app.core.logsetup import Redactor

LOG_LINES = 60


def gather(log_file: Path, redactor: Redactor, extra: dict[str, str]) -> str:
    """Version, platform, ``extra`` facts and the last log lines, all through the redactor."""
    lines = [
        f"dialer-app {__version__}",
        f"Python {platform.python_version()} on {platform.platform()}",
        f"frozen: {bool(getattr(sys, 'frozen', False))}",
        *(f"{key}: {value}" for key, value in extra.items()),
        "",
        f"Last {LOG_LINES} log lines:",
        *_tail(log_file, LOG_LINES),
    ]
    return redactor.redact("\n".join(lines))


def _tail(path: Path, count: int) -> list[str]:
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            return [line.rstrip("\n") for line in deque(handle, maxlen=count)]
    except OSError as exc:
        return [f"(no log: {exc.strerror or exc})"]
