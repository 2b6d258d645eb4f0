"""Loopback endpoints that misbehave below HTTP, where the sandbox cannot.

The ones that read requests note each request line (``requests``), so a test can say how
many requests reached "the server"; the other two never read a byte. Everything binds
127.0.0.1 and is closed by ``close()``.

- ``ClosedPort``: a bound socket that never listens: connecting is refused.
- ``FullBacklog``: a listener whose accept queue is full: connecting times out.
- ``RawServer``: reads one request head, then acts out a script (cut mid-body, reset,
  trickle the answer forever, ...).
- ``TlsServer``: HTTPS with a freshly made self-signed certificate.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import socket
import ssl
import struct
import threading
from enum import Enum
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

LOOPBACK = "127.0.0.1"
SUCCESS = b'{"type":"success","message":"Call to Customer Initiate Successfully..","campid":1}'


class ClosedPort:
    """A port nobody listens on (held bound, so no one else can take it meanwhile)."""

    def __init__(self) -> None:
        self._sock = socket.socket()
        self._sock.bind((LOOPBACK, 0))
        self.port: int = self._sock.getsockname()[1]

    def close(self) -> None:
        self._sock.close()


class FullBacklog:
    """A listener that never accepts, with its accept queue filled: a SYN gets no answer."""

    def __init__(self) -> None:
        self._listener = socket.socket()
        self._listener.bind((LOOPBACK, 0))
        self._listener.listen(0)
        self.port: int = self._listener.getsockname()[1]
        self._fillers: list[socket.socket] = []
        for _ in range(16):
            if not self._one_more_fits():
                return
        raise RuntimeError("the accept queue never filled up")

    def _one_more_fits(self) -> bool:
        probe = socket.socket()
        probe.settimeout(0.2)
        try:
            probe.connect((LOOPBACK, self.port))
        except OSError:  # timed out: the queue is full
            probe.close()
            return False
        self._fillers.append(probe)
        return True

    def close(self) -> None:
        for sock in self._fillers:
            sock.close()
        self._listener.close()


class Script(Enum):
    """What a ``RawServer`` does once it has read the request."""

    CUT_MID_BODY = "headers and part of the body, then close"
    RESET = "close with a TCP reset"
    TRICKLE_HEADERS = "send the status line one byte at a time, forever"
    TRICKLE_BODY = "send the headers, then the body one byte at a time, forever"


class _Listener:
    """An accept loop, one thread per connection; ``close()`` cuts everything at once."""

    def __init__(self) -> None:
        self._listener = socket.create_server((LOOPBACK, 0))
        self.port: int = self._listener.getsockname()[1]
        self.requests: list[str] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._conns: list[socket.socket] = []
        self._threads: list[threading.Thread] = []
        self._accepting = threading.Thread(target=self._accept_loop, daemon=True)
        self._accepting.start()

    def _accept_loop(self) -> None:
        while True:
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                if self._stop.is_set():
                    conn.close()
                    return
                self._conns.append(conn)
                thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
                self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        raise NotImplementedError

    def close(self) -> None:
        with self._lock:
            self._stop.set()
            conns, threads = list(self._conns), list(self._threads)
        for sock in [self._listener, *conns]:  # shutdown() wakes a blocked accept() or recv()
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        self._listener.close()
        for thread in [self._accepting, *threads]:
            thread.join(2)


class RawServer(_Listener):
    """Misbehaves at the socket level after reading the request."""

    TRICKLE_EVERY = 0.05  # seconds between bytes: well inside any read timeout

    def __init__(self, script: Script) -> None:
        self._script = script
        super().__init__()

    def _serve(self, conn: socket.socket) -> None:
        with conn, contextlib.suppress(OSError):
            head = read_head(conn)
            if head is None:
                return
            self.requests.append(request_line(head))
            self._act(conn)

    def _act(self, conn: socket.socket) -> None:
        head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        if self._script is Script.CUT_MID_BODY:
            conn.sendall(head + b"Content-Length: %d\r\n\r\n" % len(SUCCESS) + SUCCESS[:20])
        elif self._script is Script.RESET:
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        elif self._script is Script.TRICKLE_HEADERS:
            self._trickle(conn, head * 10_000)
        else:
            conn.sendall(head + b"Content-Length: 1000000\r\n\r\n")
            self._trickle(conn, b" " * 1_000_000)

    def _trickle(self, conn: socket.socket, data: bytes) -> None:
        for index in range(len(data)):
            if self._stop.wait(self.TRICKLE_EVERY):
                return
            conn.sendall(data[index : index + 1])  # OSError once the client gave up


def read_head(conn: socket.socket) -> bytes | None:
    """Read up to the end of the request head; None if the peer went away first."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
    return data


def request_line(head: bytes) -> str:
    """``GET /api_v2/click_to_call_v3?… HTTP/1.1`` without its query (which holds the key)."""
    method, _, rest = head.split(b"\r\n", 1)[0].decode("latin-1").partition(" ")
    return f"{method} {rest.split('?', 1)[0].split(' ', 1)[0]}"


def self_signed_certificate(directory: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 that nobody trusts, and its key (PEM files)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, LOOPBACK)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(LOOPBACK))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


class TlsServer(_Listener):
    """HTTPS on 127.0.0.1 with a self-signed certificate; answers every request with success.

    A client that skipped verification would get a "placed" answer, so a test that expects
    "not sent" cannot pass by accident.
    """

    def __init__(self, directory: Path) -> None:
        self.cert, key = self_signed_certificate(directory)
        self._context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self._context.load_cert_chain(self.cert, key)
        self.handshakes_failed = 0
        super().__init__()

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(5)
        try:
            tls = self._context.wrap_socket(conn, server_side=True)
        except OSError:  # ssl.SSLError included: the client refused our certificate
            self.handshakes_failed += 1
            conn.close()
            return
        with tls, contextlib.suppress(OSError):
            head = read_head(tls)
            if head is not None:
                self.requests.append(request_line(head))
                tls.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    b"Connection: close\r\nContent-Length: %d\r\n\r\n" % len(SUCCESS) + SUCCESS
                )
