"""The HTTP side of the sandbox: request handler, threaded loopback server, request journal.

The handler never logs: the request line carries the authcode in its query string.
"""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import socketserver
import ssl
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from dialer_app.sandbox.faults import Canned, Fault, FaultBook, PendingFault, canned_reply
from dialer_app.sandbox.state import Account

_log = logging.getLogger(__name__)

_MAX_BODY = 1 << 20
_JOIN_SECONDS = 2.0
_HTML = "text/html; charset=UTF-8"
_JSON = "application/json; charset=utf-8"
_NOT_FOUND = b"<html><head><title>404 Not Found</title></head><body>Not Found</body></html>"


@dataclass(frozen=True)
class Received:
    """One request as the sandbox read it; ``params`` never holds the authcode."""

    endpoint: str
    method: str
    params: dict[str, str]  # query and form merged (form wins), authcode removed
    authcode_valid: bool


class Journal:
    """Every request read, in arrival order; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: list[Received] = []

    def record(self, item: Received) -> None:
        with self._lock:
            self._items.append(item)

    def items(self, endpoint: str | None = None) -> list[Received]:
        with self._lock:
            return [r for r in self._items if endpoint is None or r.endpoint == endpoint]


@dataclass(frozen=True)
class Backend:
    """What the handler needs from the sandbox."""

    account: Account
    faults: FaultBook
    journal: Journal
    release: threading.Event  # set by stop(): ends STALLs and SLOWs early
    prefixes: tuple[str, ...]


class SandboxServer(ThreadingHTTPServer):
    """A threaded HTTP server that can cut all its open connections on stop."""

    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        backend: Backend,
        *,
        ipv6: bool,
        tls: ssl.SSLContext | None = None,
    ) -> None:
        self.address_family = socket.AF_INET6 if ipv6 else socket.AF_INET
        self.backend = backend
        self.tls = tls
        self._conn_lock = threading.Lock()
        self._open: dict[socket.socket, threading.Thread] = {}
        self._closing = False
        self._stopping = threading.Event()
        super().__init__(address, _Handler)

    def serve_until_stopped(self) -> None:
        """Serve until ``stop_serving()``; no polling, so stopping takes no poll interval."""
        while not self._stopping.is_set():
            self.handle_request()

    def stop_serving(self) -> None:
        """Make ``serve_until_stopped`` return: set the flag, then wake its select()."""
        self._stopping.set()
        host, port = self.server_address[:2]
        with contextlib.suppress(OSError), socket.create_connection((str(host), port), 1.0):
            pass

    def get_request(self) -> tuple[socket.socket, object]:
        """Accept; with TLS, wrap the connection (its handshake runs on the handler's thread)."""
        conn, address = super().get_request()
        if self.tls is not None:
            conn = self.tls.wrap_socket(conn, server_side=True, do_handshake_on_connect=False)
        return conn, address

    def server_bind(self) -> None:
        # HTTPServer.server_bind looks up the FQDN, a DNS query we neither need nor want.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), int(port)

    @property
    def origin(self) -> str:
        host = self.server_name
        scheme = "http" if self.tls is None else "https"
        return (
            f"{scheme}://[{host}]:{self.server_port}"
            if ":" in host
            else f"{scheme}://{host}:{self.server_port}"
        )

    def handle_error(self, request: object, client_address: object) -> None:
        # The default prints a traceback to stderr; a client hanging up is routine here.
        _log.debug("sandbox connection ended with an error")

    def track(self, conn: socket.socket) -> None:
        with self._conn_lock:
            self._open[conn] = threading.current_thread()
            closing = self._closing
        if closing:
            _cut(conn)

    def untrack(self, conn: socket.socket) -> None:
        with self._conn_lock:
            self._open.pop(conn, None)

    def cut_connections(self) -> None:
        """Shut every open connection down and wait (briefly) for their handlers to end."""
        with self._conn_lock:
            self._closing = True
            open_now = dict(self._open)
        for conn in open_now:
            _cut(conn)
        for thread in open_now.values():
            if thread is not threading.current_thread():
                thread.join(_JOIN_SECONDS)


def _cut(conn: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed by the peer or by the handler
        conn.shutdown(socket.SHUT_RDWR)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "nginx"
    sys_version = ""
    timeout = 30.0  # an idle keep-alive connection is closed after this
    disable_nagle_algorithm = True  # headers and body go out in two writes
    server: SandboxServer

    def log_message(self, format: str, *args: object) -> None:
        """Never log: the request line holds the authcode."""

    def setup(self) -> None:
        if isinstance(self.request, ssl.SSLSocket):
            self.request.settimeout(self.timeout)
            self.request.do_handshake()  # a client that refuses the certificate ends it here
        super().setup()
        self.server.track(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.untrack(self.connection)

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def _serve(self) -> None:
        body = self._read_body()
        if body is None:
            return
        backend = self.server.backend
        url = urlsplit(self.path)
        endpoint = self._endpoint(url.path, backend.prefixes)
        params = dict(parse_qsl(url.query, keep_blank_values=True))
        if self._is_form():
            params.update(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
        valid = backend.account.authcode_matches(params.pop("authcode", None))
        name = endpoint if endpoint is not None else url.path.rsplit("/", 1)[-1]
        backend.journal.record(Received(name, self.command, params, valid))
        pending = backend.faults.take(endpoint) if endpoint is not None else None
        if pending is not None and self._apply_fault(pending, name):
            return
        reply = None
        if endpoint is not None:
            origin = self.server.origin
            reply = backend.account.answer(endpoint, params, authcode_valid=valid, origin=origin)
        if reply is None:
            self._send(Canned(404, _HTML, _NOT_FOUND))
            return
        body = json.dumps(reply.payload, ensure_ascii=False, separators=(",", ":")).encode()
        self._send(Canned(200, _HTML if reply.html else _JSON, body))

    def _apply_fault(self, pending: PendingFault, endpoint: str) -> bool:
        """Act out a fault; True when the request is done with (no normal answer)."""
        release = self.server.backend.release
        if pending.fault is Fault.SLOW:
            release.wait(pending.delay)
            return False
        if pending.fault is Fault.STALL:
            release.wait(pending.delay or None)
        canned = canned_reply(pending, self.server.origin, endpoint)
        if canned is None:  # STALL and DROP: hang up without a byte
            self.close_connection = True
        else:
            self._send(canned)
        return True

    @staticmethod
    def _endpoint(path: str, prefixes: tuple[str, ...]) -> str | None:
        for prefix in prefixes:
            head = f"/{prefix}/"
            if path.startswith(head):
                name = path[len(head) :]
                return name if name and "/" not in name else None
        return None

    def _is_form(self) -> bool:
        kind = self.headers.get("Content-Type", "")
        return not kind or kind.split(";")[0].strip().lower() == "application/x-www-form-urlencoded"

    def _read_body(self) -> bytes | None:
        """The request body, or None after refusing the request."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self._refuse(411, "Length Required")
            return None
        text = self.headers.get("Content-Length", "0").strip() or "0"
        if not text.isdigit() or int(text) > _MAX_BODY:
            self._refuse(400 if not text.isdigit() else 413, "Bad Request")
            return None
        return self.rfile.read(int(text))

    def _refuse(self, status: int, reason: str) -> None:
        self.close_connection = True
        self._send(Canned(status, _HTML, f"<h1>{reason}</h1>".encode()))

    def _send(self, canned: Canned) -> None:
        self.send_response(canned.status)
        self.send_header("Content-Type", canned.content_type)
        self.send_header("Content-Length", str(len(canned.body)))
        if canned.location is not None:
            self.send_header("Location", canned.location)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(canned.body)
