"""A deadline for a whole HTTP exchange, however slowly the answer trickles in.

httpx's timeouts bound each read, not a whole answer: a server sending a byte every 50 ms
would hold a request (and the Call button) forever. ``Deadline`` shuts the request's socket
when time is up; the client then reports the outcome as unknown.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import socket
import threading
import time
from collections.abc import Callable
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
        self._seconds = seconds
        self._ticket = -1

    def __enter__(self) -> Deadline:
        # One watchdog thread for every deadline: a thread started per request would be
        # started (and waited for) on the way to the wire.
        self._ticket = _WATCHDOG.add(time.monotonic() + self._seconds, self._expire)
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.disarm()

    def disarm(self) -> None:
        """The answer is in (or given up on): never shut the socket from now on."""
        _WATCHDOG.cancel(self._ticket)
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


class _Watchdog:
    """Calls each registered action at its time, on one daemon thread started on first use."""

    def __init__(self) -> None:
        self._wake = threading.Condition()
        self._due: list[tuple[float, int, Callable[[], None]]] = []  # a heap by time
        self._cancelled: set[int] = set()
        self._tickets = itertools.count()
        self._thread: threading.Thread | None = None

    def add(self, when: float, action: Callable[[], None]) -> int:
        with self._wake:
            ticket = next(self._tickets)
            heapq.heappush(self._due, (when, ticket, action))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="deadlines", daemon=True)
                self._thread.start()
            elif self._due[0][1] == ticket:  # sooner than what the thread waits for
                self._wake.notify()
            return ticket

    def cancel(self, ticket: int) -> None:
        with self._wake:
            if any(entry[1] == ticket for entry in self._due):
                self._cancelled.add(ticket)

    def _run(self) -> None:
        while True:
            with self._wake:
                while self._due and self._due[0][1] in self._cancelled:
                    self._cancelled.discard(heapq.heappop(self._due)[1])
                if not self._due:
                    self._wake.wait()
                    continue
                when, _, action = self._due[0]
                left = when - time.monotonic()
                if left > 0:
                    self._wake.wait(left)
                    continue
                heapq.heappop(self._due)
            action()


_WATCHDOG = _Watchdog()


def shut(sock: socket.socket) -> None:
    """Shut the connection both ways (wakes a blocked read); the owner still closes it."""
    with contextlib.suppress(OSError):  # already closed, or detached by a TLS wrap
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
