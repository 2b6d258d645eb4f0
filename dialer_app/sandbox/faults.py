"""Misbehaviour the sandbox can be told to show, one request at a time.

Faults queue per endpoint; every request to that endpoint takes the oldest pending one.
"""

from __future__ import annotations

import json
import threading
from collections import deque
from dataclasses import dataclass
from enum import StrEnum


class Fault(StrEnum):
    """What the sandbox does instead of (or before) answering normally."""

    SLOW = "slow"  # wait ``delay`` seconds, then answer normally
    STALL = "stall"  # read the request, never answer (until stop() or ``delay``), close
    DROP = "drop"  # read the request, close the connection without a byte
    HTTP_500 = "http_500"  # 500 with a short HTML body
    HTTP_502 = "http_502"  # 502 with a short HTML body
    REDIRECT_302 = "redirect_302"  # 302 to another loopback path
    HTML_PAGE = "html_page"  # 200 text/html error page
    JSON_NO_TYPE = "json_no_type"  # 200 JSON object without "type"
    UNKNOWN_TYPE = "unknown_type"  # 200 JSON with "type": "pending"
    TRUNCATED_JSON = "truncated_json"  # 200, correct Content-Length, cut-off JSON
    ERROR_MESSAGE = "error_message"  # 200 {"type": "error", "message": message}


@dataclass(frozen=True, slots=True)
class PendingFault:
    """One fault to apply to one request."""

    fault: Fault
    delay: float = 0.0
    message: str = ""


@dataclass(frozen=True, slots=True)
class Canned:
    """A complete HTTP answer that replaces the endpoint's own."""

    status: int
    content_type: str
    body: bytes
    location: str | None = None


_JSON = "application/json; charset=utf-8"
_HTML = "text/html; charset=UTF-8"


def _nginx_page(status: int, reason: str) -> bytes:
    title = f"{status} {reason}"
    return (
        f"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n"
        f"<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n"
        "</body>\r\n</html>\r\n"
    ).encode()


_MAINTENANCE_PAGE = (
    b"<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
    b"<title>Service Unavailable</title></head>\n<body><h1>We'll be back soon!</h1>"
    b"<p>Sorry for the inconvenience. We're performing some maintenance at the moment.</p>"
    b"</body></html>\n"
)


def canned_reply(pending: PendingFault, origin: str, endpoint: str) -> Canned | None:
    """The answer a fault sends, or None for the faults that shape the timing instead."""
    fault = pending.fault
    if fault is Fault.HTTP_500:
        return Canned(500, _HTML, _nginx_page(500, "Internal Server Error"))
    if fault is Fault.HTTP_502:
        return Canned(502, _HTML, _nginx_page(502, "Bad Gateway"))
    if fault is Fault.REDIRECT_302:
        return Canned(302, _HTML, _nginx_page(302, "Found"), f"{origin}/moved/{endpoint}")
    if fault is Fault.HTML_PAGE:
        return Canned(200, _HTML, _MAINTENANCE_PAGE)
    if fault is Fault.JSON_NO_TYPE:
        return Canned(200, _JSON, b'{"status":true,"msg":"ok"}')
    if fault is Fault.UNKNOWN_TYPE:
        return Canned(200, _JSON, b'{"type":"pending","message":"Request queued"}')
    if fault is Fault.TRUNCATED_JSON:
        return Canned(200, _JSON, b'{"type":"succ')
    if fault is Fault.ERROR_MESSAGE:
        body = f'{{"type":"error","message":{json.dumps(pending.message, ensure_ascii=False)}}}'
        return Canned(200, _JSON, body.encode())
    return None


class FaultBook:
    """Pending faults per endpoint; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queues: dict[str, deque[tuple[PendingFault, int]]] = {}

    def add(self, endpoint: str, pending: PendingFault, times: int) -> None:
        if times < 1:
            raise ValueError("times must be at least 1")
        if pending.delay < 0:
            raise ValueError("delay must not be negative")
        with self._lock:
            self._queues.setdefault(endpoint, deque()).append((pending, times))

    def take(self, endpoint: str) -> PendingFault | None:
        """Consume one use of the oldest pending fault of ``endpoint``."""
        with self._lock:
            queue = self._queues.get(endpoint)
            if not queue:
                return None
            pending, left = queue.popleft()
            if left > 1:
                queue.appendleft((pending, left - 1))
            return pending

    def clear(self) -> None:
        with self._lock:
            self._queues.clear()
