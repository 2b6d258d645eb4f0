"""The client's way out: its transport (direct or through a proxy) and what a failure means.

``httpx`` discovers proxies only when it builds its own transport; the client builds its own
(to set ``retries`` and ``verify``), so the proxy is resolved here (``core.proxy``) and given
to the transport. ``retries=1`` re-tries only a failed TCP connect, which happens before any
byte left; redirects are never followed.

Through a proxy, a request first asks the proxy to open a tunnel (``CONNECT host:443``), then
does TLS with the API server inside it, then sends the request. Whatever fails before the
request itself starts to leave (the proxy refused the connection, answered 407 or 502, hung up,
or the server's certificate did not verify) means the call was **not sent**; once the request
is on its way through the tunnel, a failure means **unknown**. ``Phase`` follows httpcore's
trace events to tell the two apart.
"""

from __future__ import annotations

import re
import ssl
from typing import Any

import httpx

from dialer_app.core.callerdesk.proxy import Route
from dialer_app.core.callerdesk.tls import caused_by, is_certificate_failure

_STATUS = re.compile(r"^\s*(\d{3})\b")


class TunnelFailure(Exception):
    """The proxy tunnel failed before the request left; the message says why (no secrets)."""


class Phase:
    """Whether a request is still being tunnelled through a proxy (httpcore ``trace`` events).

    The tunnel's ``CONNECT`` and the request itself both start with
    ``http11.send_request_headers``; the event's request tells which one it is.
    """

    def __init__(self) -> None:
        self.connecting = False  # CONNECT sent, the request itself not yet

    def trace(self, event: str, info: dict[str, Any]) -> None:
        if event != "http11.send_request_headers.started":
            return
        request = info.get("request")
        if getattr(request, "method", b"") == b"CONNECT":
            self.connecting = True
        else:
            self.connecting = False


def build_transport(
    route: Route, verify: ssl.SSLContext, *, keepalive: bool
) -> httpx.HTTPTransport:
    """An HTTP/1.1 transport that connects directly or through ``route``'s proxy."""
    limits = httpx.Limits(max_keepalive_connections=5 if keepalive else 0)
    proxy = None if route.proxy_url is None else httpx.Proxy(route.proxy_url, auth=route.auth)
    return httpx.HTTPTransport(retries=1, verify=verify, limits=limits, proxy=proxy)


def not_sent_reason(exc: Exception, route: Route) -> str:
    """Why a request did not leave, naming the proxy when one was involved (a fragment)."""
    if is_certificate_failure(exc):
        return "the server's security certificate could not be verified"
    if isinstance(exc, httpx.ProxyError):
        return _proxy_refusal(str(exc), route)
    if isinstance(exc, TunnelFailure):
        return str(exc)
    if isinstance(exc, httpx.ConnectError) and caused_by(exc, ssl.SSLError):
        return "a secure connection to the server could not be set up"
    if isinstance(exc, (httpx.ConnectTimeout, httpx.PoolTimeout)):
        if not route.direct:
            return f"the proxy {route.label} did not answer in time"
        return "the server did not answer in time"
    if isinstance(exc, httpx.UnsupportedProtocol):
        return "the API address is not usable"
    if not route.direct:
        return f"could not connect to the proxy {route.label}"
    return "could not connect to the server"


def untrusted_reason(host: str, issuer: str, route: Route) -> str:
    """Why nothing left when the server's certificate did not verify, and what to do (a
    fragment): the host, its certificate's issuer, and where its CA must be installed."""
    by = f"issued by “{issuer}”" if issuer else "its issuer could not be read"
    via = "" if route.direct else f" (through the proxy {route.label})"
    return (
        f"the security certificate of {host}{via} could not be verified: it is {by}, "
        "which this computer does not trust. If your company inspects secure connections, "
        "ask IT to install the company's certificate authority (CA) into this computer's "
        "trusted certificates (the system's store)"
    )


def tunnel_failure(exc: Exception, route: Route, *, expired: bool) -> TunnelFailure:
    """A failure while the proxy was opening the tunnel (no answer, hung up, time ran out)."""
    if expired or isinstance(exc, httpx.TimeoutException):
        return TunnelFailure(f"the proxy {route.label} did not open the connection in time")
    return TunnelFailure(f"the proxy {route.label} closed the connection before it was open")


def _proxy_refusal(text: str, route: Route) -> str:
    """The proxy answered CONNECT with an error status (httpcore's message: ``407 Reason``)."""
    match = _STATUS.match(text)
    status = int(match.group(1)) if match else 0
    proxy = f"the proxy {route.label}"
    if status == 407 and route.auth is None:
        return (
            f"{proxy} asks for a user name and password (HTTP 407): enter them in Dialer → Account…"
        )
    if status == 407:
        return f"{proxy} did not accept the user name and password (HTTP 407)"
    if status in (500, 502, 503, 504):  # tinyproxy says 500, squid 503: no way through
        return f"{proxy} could not reach the service (HTTP {status})"
    if status:
        return f"{proxy} refused the connection to the service (HTTP {status})"
    return f"{proxy} refused the connection to the service"
