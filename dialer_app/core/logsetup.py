"""Logging that cannot leak the key: every handler formats through a redactor.

The redactor removes known secrets (the authcode, once loaded, as typed and URL-encoded), any
``authcode=…`` pair, and masks phone-number-length digit runs to their last 4 digits. It
redacts the whole formatted record, so messages, arguments and tracebacks all pass through it.
"""

from __future__ import annotations

import logging
import re
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
    """A formatter whose output has been through the redactor."""

    def __init__(self, redactor: Redactor, fmt: str = FORMAT) -> None:
        super().__init__(fmt)
        self._redactor = redactor

    def format(self, record: logging.LogRecord) -> str:
        return self._redactor.redact(super().format(record))


def configure(redactor: Redactor, log_file: Path | None, *, debug: bool = False) -> None:
    """Send logs to stderr (warnings, or everything with --debug) and a rotating file."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    console = logging.StreamHandler()
    console.setLevel(logging.DEBUG if debug else logging.WARNING)
    handlers: list[logging.Handler] = [console]
    if log_file is not None:
        try:
            log_file.parent.mkdir(parents=True, exist_ok=True)
            handlers.append(
                RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
            )
        except OSError as exc:
            logging.getLogger(__name__).warning("No log file: %s", exc)
    for handler in handlers:
        handler.setFormatter(RedactingFormatter(redactor))
        root.addHandler(handler)
    # httpx logs every URL at INFO, query string (and so the key) included.
    for noisy in ("httpx", "httpcore", "hpack", "keyring"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
