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

import logging
import re
import sys
import threading
from collections.abc import Callable
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


def say(line: str) -> None:
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


class _Held(logging.Handler):
    """Records held until the log file opens (after the window's first frame); an error
    opens it at once, so a crash before then is still in the file."""

    LIMIT = 2000

    def __init__(self, open_file: Callable[[], None]) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []
        self._open_file = open_file

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < self.LIMIT:
            self.records.append(record)
        if record.levelno >= logging.ERROR:
            self._open_file()


def configure(
    redactor: Redactor, log_file: Path | None, *, debug: bool = False, defer_file: bool = False
) -> Callable[[], None]:
    """Send logs to stderr (warnings, or everything with --debug) and a rotating file.

    With ``defer_file`` the file (and ``logging.handlers``) opens only when the returned
    function is called, after the first frame; records meanwhile are held and written then.
    Without it the file is open on return (and the function does nothing)."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    console = RedactingStreamHandler()
    console.setLevel(logging.DEBUG if debug else logging.WARNING)
    console.setFormatter(RedactingFormatter(redactor, tracebacks=False))
    root.addHandler(console)
    # httpx logs every URL at INFO, query string (and so the key) included.
    for noisy in ("httpx", "httpcore", "hpack", "keyring"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    if log_file is None:
        return _nothing
    opened = threading.Lock()
    held: _Held | None = None

    def open_file() -> None:
        if not opened.acquire(blocking=False):
            return  # once (an error while opening it must not open it again)
        if held is not None:
            root.removeHandler(held)
        handler = _file_handler(redactor, log_file)
        if handler is None:
            return
        for record in held.records if held is not None else []:
            handler.handle(record)
        root.addHandler(handler)

    if not defer_file:
        open_file()
        return _nothing
    held = _Held(open_file)
    root.addHandler(held)
    return open_file


def _nothing() -> None:
    """Nothing to do: the log file is open already (or there is none)."""


def _file_handler(redactor: Redactor, log_file: Path) -> logging.Handler | None:
    from dialer_app.core.logfile import RedactingFileHandler  # logging.handlers: not at start

    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler = RedactingFileHandler(log_file, lambda line: say(redactor.redact(line)))
    except OSError as exc:
        logging.getLogger(__name__).warning("No log file: %s", exc.strerror or exc)
        return None
    handler.setFormatter(RedactingFormatter(redactor, tracebacks=True))
    return handler
