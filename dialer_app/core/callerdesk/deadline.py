"""A deadline for a whole HTTP exchange, however slowly the answer trickles in.

httpx's timeouts bound each read, not a whole answer: a server sending a byte every 50 ms
would hold a request (and the Call button) forever. ``Deadline`` shuts the request's socket
when time is up; the client then reports the outcome as unknown.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from typing import Any

# A whole exchange, however slowly the answer trickles in (the services' shutdown waits this).
DEFAULT_DEADLINE = 25.0
# Where httpcore hands over a new socket: TCP, TLS to the server, TLS inside a proxy's tunnel
# (wrapping detaches the socket below, so each new one is watched).
_SOCKET_EVENTS = frozenset(
    {"connection.connect_tcp.complete", "connection.start_tls.complete", "proxy.start_tls.complete"}
)


class AnswerOverrun(Exception):
    """The answer ran past the deadline or the size limit (after the request left)."""


class Deadline:
    """Shuts one request's socket at a deadline, so no answer can trickle in forever.

    The socket comes from httpx's ``trace`` extension (new connections, before any byte is
    read) and from the ``network_stream`` response extension (pooled connections).
    """

    def __init__(self, seconds: float) -> None:
        self._lock = threading.Lock()
        self._sock: socket.socket | None = None
        self._disarmed = False
        self.expired = False
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.disarm()

    def disarm(self) -> None:
        """The answer is in (or given up on): never shut the socket from now on."""
        self._timer.cancel()
        with self._lock:
            self._sock = None
            self._disarmed = True

    def trace(self, event: str, info: dict[str, Any]) -> None:
        if event in _SOCKET_EVENTS:
            self.watch(info.get("return_value"))

    def watch(self, stream: object) -> None:
        get_extra_info = getattr(stream, "get_extra_info", None)
        sock = get_extra_info("socket") if callable(get_extra_info) else None
        if isinstance(sock, socket.socket):
            with self._lock:
                if self._disarmed:
                    return
                self._sock = sock
                if self.expired:
                    shut(sock)

    def _expire(self) -> None:
        with self._lock:
            if self._disarmed:
                return
            self.expired = True
            if self._sock is not None:
                shut(self._sock)


def shut(sock: socket.socket) -> None:
    """Shut the connection both ways (wakes a blocked read); the owner still closes it."""
    with contextlib.suppress(OSError):  # already closed, or detached by a TLS wrap
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
