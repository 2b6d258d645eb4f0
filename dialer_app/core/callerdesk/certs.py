"""Who issued the certificate a server presented that this computer does not trust.

A TLS-inspecting proxy re-signs every site with the company's own certificate authority;
until IT installs that CA into the system's store, every request fails verification. The
sentence that says so names the issuer, read here with a second TLS handshake that verifies
nothing and sends nothing after it (through the same proxy, if one is used), and parsed from
the certificate's DER without any library beyond the standard one.
"""

from __future__ import annotations

import base64
import logging
import socket
from urllib.parse import urlsplit

from dialer_app.core.callerdesk.proxy import Route
from dialer_app.core.callerdesk.tls import unverified_context
from dialer_app.core.text import plain

log = logging.getLogger(__name__)

PROBE_TIMEOUT = 5.0
_NAME_PARTS = {  # attribute type OIDs (DER contents) -> what they are
    b"\x55\x04\x03": "CN",
    b"\x55\x04\x0a": "O",
}
_STRINGS = {0x0C: "utf-8", 0x13: "ascii", 0x16: "ascii", 0x14: "latin-1", 0x1E: "utf-16-be"}


def issuer_of(url: str, route: Route, timeout: float = PROBE_TIMEOUT) -> str:
    """The issuer of the certificate ``url``'s server presents ("Acme CA (Acme Ltd)"), or ""
    when it cannot be read. Only a TLS handshake: no request, no key, nothing verified."""
    parts = urlsplit(url)
    host, port = parts.hostname or "", parts.port or 443
    try:
        sock = _connect(host, port, route, timeout)
        with unverified_context().wrap_socket(sock, server_hostname=host) as tls:
            der = tls.getpeercert(binary_form=True)
    except (OSError, ValueError) as exc:
        log.info("Certificate issuer not read: %s", type(exc).__name__)
        return ""
    return issuer_name(der) if der else ""


def _connect(host: str, port: int, route: Route, timeout: float) -> socket.socket:
    """A TCP connection to the server: directly, or a tunnel through the route's proxy."""
    if route.proxy_url is None:
        return socket.create_connection((host, port), timeout)
    proxy = urlsplit(route.proxy_url)
    if proxy.scheme != "http" or not proxy.hostname:
        raise ValueError("only an http:// proxy is asked for a tunnel here")
    sock = socket.create_connection((proxy.hostname, proxy.port or 80), timeout)
    try:
        head = f"CONNECT {host}:{port} HTTP/1.1\r\nHost: {host}:{port}\r\n"
        if route.auth is not None:
            pair = base64.b64encode(":".join(route.auth).encode()).decode()
            head += f"Proxy-Authorization: Basic {pair}\r\n"
        sock.sendall((head + "\r\n").encode("latin-1"))
        reply = b""
        while b"\r\n\r\n" not in reply and len(reply) < 65536:
            chunk = sock.recv(4096)
            if not chunk:
                break
            reply += chunk
        if reply.split(b" ", 2)[1:2] != [b"200"]:
            raise OSError("the proxy did not open a tunnel")
    except BaseException:
        sock.close()
        raise
    return sock


def issuer_name(der: bytes) -> str:
    """The issuer's common name and organisation from a DER certificate ("" if unreadable)."""
    try:
        certificate = _children(der, 0)[0]
        tbs = _children(der, certificate[1], certificate[2])[0]
        fields = _children(der, tbs[1], tbs[2])
        issuer = fields[3 if der[fields[0][0]] == 0xA0 else 2]  # [0] version, if present
        found: dict[str, str] = {}
        for relative in _children(der, issuer[1], issuer[2]):
            for attribute in _children(der, relative[1], relative[2]):
                oid, value = _children(der, attribute[1], attribute[2])[:2]
                kind = _NAME_PARTS.get(der[oid[1] : oid[2]])
                encoding = _STRINGS.get(der[value[0]])
                if kind and encoding and kind not in found:
                    found[kind] = der[value[1] : value[2]].decode(encoding, "replace")
    except (IndexError, ValueError):
        return ""
    name, organisation = plain(found.get("CN", "")), plain(found.get("O", ""))
    if name and organisation and organisation != name:
        return f"{name} ({organisation})"
    return name or organisation


def _children(der: bytes, start: int, end: int | None = None) -> list[tuple[int, int, int]]:
    """The (tag position, content start, content end) of each element in ``der[start:end]``."""
    end = len(der) if end is None else end
    found = []
    position = start
    while position < end:
        length, content = der[position + 1], position + 2
        if length & 0x80:
            size = length & 0x7F
            if not 0 < size <= 4:
                raise ValueError("an unsupported DER length")
            length = int.from_bytes(der[content : content + size], "big")
            content += size
        if content + length > end:
            raise ValueError("a DER element runs past its parent")
        found.append((position, content, content + length))
        position = content + length
    return found
