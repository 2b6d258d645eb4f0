"""``Sandbox``: start, steer and stop the CallerDesk-compatible loopback server."""

from __future__ import annotations

import ipaddress
import ssl
import threading
from types import TracebackType

from dialer_app.sandbox.clock import Clock, system_clock
from dialer_app.sandbox.data import DEMO_AUTHCODE, TEAM_MEMBER
from dialer_app.sandbox.faults import Fault, FaultBook, PendingFault
from dialer_app.sandbox.server import Backend, Journal, Received, SandboxServer
from dialer_app.sandbox.state import Account

_EXTRA_PREFIXES = ("api", "api_v2")  # white labels differ in the path prefix


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Sandbox:
    """A CallerDesk-compatible HTTP server on loopback, with demo data and simulated calls.

    Use as a context manager (``with Sandbox() as sandbox: ...``) or ``start()``/``stop()``.
    ``clock`` (an aware-datetime function, e.g. a ``ManualClock``) drives the simulated calls
    and may also be replaced later through the ``clock`` attribute.
    """

    def __init__(
        self,
        authcode: str = DEMO_AUTHCODE,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        prefix: str = "api_v2",
        call_seconds: float = 8.0,
        clock: Clock | None = None,
        tls: ssl.SSLContext | None = None,
    ) -> None:
        """``tls``: a server context to serve HTTPS with (tests of TLS and proxies)."""
        if not _is_loopback(host):
            raise ValueError("the sandbox serves on a loopback address only")
        if not 0 <= port <= 65535:
            raise ValueError("port out of range")
        prefix = prefix.strip("/")
        if not prefix:
            raise ValueError("the path prefix must not be empty")
        self._host = host
        self._port = port
        self._prefix = prefix
        self._tls = tls
        self._account = Account(authcode, clock=clock or system_clock, call_seconds=call_seconds)
        self._faults = FaultBook()
        self._journal = Journal()
        self._release = threading.Event()
        self._server: SandboxServer | None = None
        self._origin: str | None = None
        self._thread: threading.Thread | None = None
        self._stopped = False

    @property
    def clock(self) -> Clock:
        return self._account.clock

    @clock.setter
    def clock(self, clock: Clock) -> None:
        self._account.clock = clock

    @property
    def base_url(self) -> str:
        """The API base URL, e.g. ``http://127.0.0.1:54321/api_v2/``; known once started."""
        if self._origin is None:
            raise RuntimeError("the sandbox is not started")
        return f"{self._origin}/{self._prefix}/"

    def start(self) -> Sandbox:
        """Bind and serve on a daemon thread; returns self."""
        if self._server is not None or self._stopped:
            raise RuntimeError("a sandbox is started once")
        prefixes = tuple(dict.fromkeys((self._prefix, *_EXTRA_PREFIXES)))
        backend = Backend(self._account, self._faults, self._journal, self._release, prefixes)
        ipv6 = ":" in self._host
        self._server = SandboxServer((self._host, self._port), backend, ipv6=ipv6, tls=self._tls)
        self._origin = self._server.origin
        self._thread = threading.Thread(
            target=self._server.serve_until_stopped,
            name="callerdesk-sandbox",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, release stalled requests and close every connection; idempotent."""
        self._stopped = True
        self._release.set()
        server, self._server = self._server, None
        if server is None:
            return
        server.stop_serving()
        if self._thread is not None:
            self._thread.join()
        server.cut_connections()
        server.server_close()

    def serve_forever(self) -> None:
        """Block until ``stop()`` is called from another thread (or KeyboardInterrupt)."""
        if self._thread is None:
            raise RuntimeError("the sandbox is not started")
        while self._thread.is_alive():
            self._thread.join(0.5)

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def add_team_call(
        self, customer: str, *, member_name: str = TEAM_MEMBER, seconds_ago: float = 60.0
    ) -> None:
        """Another agent of the account called ``customer`` ``seconds_ago`` from their desk."""
        self._account.add_team_call(customer, member_name, seconds_ago)

    def received(self, endpoint: str | None = None) -> list[Received]:
        """A copy of the requests read so far (optionally of one endpoint), oldest first."""
        return self._journal.items(endpoint)

    def inject(
        self, endpoint: str, fault: Fault, *, times: int = 1, delay: float = 0.0, message: str = ""
    ) -> None:
        """Make the next ``times`` requests to ``endpoint`` misbehave as ``fault`` says."""
        if endpoint not in self._account.endpoints:
            raise ValueError(f"unknown endpoint {endpoint!r}")
        self._faults.add(endpoint, PendingFault(Fault(fault), delay, message), times)

    def cap_page_size(self, per_page: int | None) -> None:
        """Answer at most ``per_page`` rows a page, whatever was asked (None: no cap)."""
        self._account.max_per_page = per_page

    def rename_member(self, member_id: str, name: str) -> None:
        """List member ``member_id`` under ``name`` (hostile text for tests)."""
        self._account.member_names[member_id] = name

    def set_balance(self, counter: str, value: str) -> None:
        """Send ``value`` as balance counter ``counter`` (e.g. ``avail_obd_coins``)."""
        self._account.set_balance(counter, value)

    def set_recording_url(self, url: str | None) -> None:
        """Give every connected call this recording address (None: the sandbox's own)."""
        self._account.recording_url = url

    def clear_faults(self) -> None:
        """Drop every pending fault."""
        self._faults.clear()
