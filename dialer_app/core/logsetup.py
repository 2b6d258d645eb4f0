"""Logging that cannot leak the key: every handler formats through a redactor.

The redactor removes known secrets (the authcode, once loaded, as typed and URL-encoded), any
``authcode=…`` pair, and masks phone-number-length digit runs to their last 4 digits. It
redacts the whole formatted record, so messages, arguments and tracebacks all pass through it.

A handler that cannot write (a full disk, a read-only or vanished directory, a closed stderr)
never prints logging's own "--- Logging error ---" traceback, which would show the record's
raw arguments past the redactor: a failing log file is reported once on stderr, in one
redacted line, and dropped; the rest of the app goes on.
"""

from __future__ import annotations

import contextlib
import logging
import re
import sys
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path
from urllib.parse import quote, quote_plus

_AUTHCODE_PAIR = re.compile(r"(?i)(authcode[\"']?\s*[=:]\s*[\"']?)[^&\s\"',}]+")
_LONG_NUMBER = re.compile(r"(?<!\d)\d{6,}(\d{4})(?!\d)")
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class Redactor:
    """Knows the secrets of this run and scrubs them from text."""

    def __init__(self) -> None:
        self._secrets: set[str] = set()
        self._lock = threading.Lock()

    def add_secret(self, secret: str) -> None:
        if len(secret) >= 4:
            with self._lock:
                self._secrets.update({secret, quote(secret, safe=""), quote_plus(secret)})

    def redact(self, text: str) -> str:
        with self._lock:
            secrets = sorted(self._secrets, key=len, reverse=True)
        for secret in secrets:
            text = text.replace(secret, "***")
        text = _AUTHCODE_PAIR.sub(r"\1***", text)
        return _LONG_NUMBER.sub(r"…\1", text)


class RedactingFormatter(logging.Formatter):
    """A formatter whose output has been through the redactor.

    With ``tracebacks=False`` (the console) a record's traceback is left out: one line, and
    the details are in the log file.
    """

    def __init__(self, redactor: Redactor, fmt: str = FORMAT, *, tracebacks: bool = True) -> None:
        super().__init__(fmt)
        self._redactor = redactor
        self._tracebacks = tracebacks

    def format(self, record: logging.LogRecord) -> str:
        if not self._tracebacks and (record.exc_info or record.stack_info):
            brief = logging.makeLogRecord(
                {**record.__dict__, "exc_info": None, "exc_text": None, "stack_info": None}
            )
            kind = record.exc_info[1] if record.exc_info else None
            suffix = f" ({type(kind).__name__}; details in the log file)" if kind else ""
            return self._redactor.redact(super().format(brief) + suffix)
        return self._redactor.redact(super().format(record))


class RedactingFileHandler(RotatingFileHandler):
    """The rotating log file (1 MB x 4). One that cannot be written is reported once, in one
    redacted line on stderr, and dropped: never logging's traceback with the raw arguments."""

    def __init__(self, path: Path, redactor: Redactor) -> None:
        super().__init__(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        self._redactor = redactor
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
        _say(self._redactor.redact(line + "logging there stops."))


def _say(line: str) -> None:
    """One line on stderr, if there is one that works (a windowed app may have none)."""
    stream = sys.stderr
    try:
        if stream is not None:
            stream.write(line + "\n")
            stream.flush()
    except (OSError, ValueError):
        pass


class RedactingStreamHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """stderr (redacted by its formatter); a closed or broken stderr is dropped silently."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        del record
        logging.getLogger().removeHandler(self)


def configure(redactor: Redactor, log_file: Path | None, *, debug: bool = False) -> None:
    """Send logs to stderr (warnings, or everything with --debug) and a rotating file."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    console = RedactingStreamHandler()
    console.setLevel(logging.DEBUG if debug else logging.WARNING)
    handlers: list[logging.Handler] = [console]
    if log_file is not None:
        try:
            log_file.parent.mkdir(parents=True, exist_ok=True)
            handlers.append(RedactingFileHandler(log_file, redactor))
        except OSError as exc:
            logging.getLogger(__name__).warning("No log file: %s", exc.strerror or exc)
    for handler in handlers:
        handler.setFormatter(RedactingFormatter(redactor, tracebacks=handler is not console))
        root.addHandler(handler)
    # httpx logs every URL at INFO, query string (and so the key) included.
    for noisy in ("httpx", "httpcore", "hpack", "keyring"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
