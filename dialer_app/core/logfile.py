"""The rotating log file, loaded after the window's first frame (``logging.handlers`` is
not free at start-up): see ``logsetup.configure``."""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path


class RedactingFileHandler(RotatingFileHandler):
    """The rotating log file (1 MB x 4). One that cannot be written is reported once, in one
    redacted line on stderr, and dropped: never logging's traceback with the raw arguments."""

    def __init__(self, path: Path, report: Callable[[str], None]) -> None:
        """``report(line)``: says a line on stderr, redacted (``logsetup`` gives it)."""
        super().__init__(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        self._report = report
        self._failed = False

    def emit(self, record: logging.LogRecord) -> None:
        if not self._failed:  # another thread may still hold it after it was dropped
            super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        del record  # its raw arguments are exactly what must not be printed
        error = sys.exc_info()[1]
        if not isinstance(error, OSError):
            return  # a bad log call (wrong arguments): that record is lost, nothing printed
        if self._failed:
            return
        self._failed = True
        logging.getLogger().removeHandler(self)
        stream, self.stream = self.stream, None
        if stream is not None:
            with contextlib.suppress(OSError):  # its buffer cannot be written either
                stream.close()
        reason = error.strerror or type(error).__name__
        line = f"dialer-app: the log file {self.baseFilename} cannot be written ({reason}); "
        self._report(line + "logging there stops.")
