"""Which proxy, if any, a request to the API goes through.

The agent chooses in the Account dialog:

- ``system`` (the default): what the operating system says, as ``urllib.request`` reads it:
  ``HTTPS_PROXY``/``HTTP_PROXY``/``ALL_PROXY`` and ``NO_PROXY`` (either case) wherever they are
  set, else the Windows Internet Options (registry) or macOS's network settings
  (SystemConfiguration), with their exception lists;
- ``none``: always direct;
- ``manual``: one proxy address (``http://proxy.example.com:3128``), optionally with a user
  name whose password lives in the keyring beside the API key.

A loopback address (the demo sandbox, tests) is never sent through a proxy, whatever the choice.
Only HTTP(S) proxies are supported: the call request goes through a ``CONNECT`` tunnel.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from urllib.parse import unquote, urlsplit

from dialer_app.core.config import is_loopback
from dialer_app.core.errors import ConfigError
from dialer_app.core.text import QT_TRANSLATE_NOOP, Sentence

PROXY_SCHEMES = ("http", "https")
PROXY_CTX = "proxy"
NO_ADDRESS = QT_TRANSLATE_NOOP("proxy", "Enter the proxy's address, e.g. {example}")
NOT_HTTP = QT_TRANSLATE_NOOP("proxy", "Only HTTP proxies are supported (http:// or https://).")
BAD_PORT = QT_TRANSLATE_NOOP("proxy", "The proxy's port is not a number between 1 and 65535.")
NO_PORT = QT_TRANSLATE_NOOP("proxy", "Give the proxy's host and port, e.g. {example}")
LOGIN_IN_ADDRESS = QT_TRANSLATE_NOOP(
    "proxy", "Put the proxy's user name in its own field, not in the address."
)
WITH_PATH = QT_TRANSLATE_NOOP("proxy", "A proxy address is a host and a port, without a path.")
SYSTEM_NOT_HTTP = QT_TRANSLATE_NOOP(
    "proxy",
    "The system's proxy {proxy} is not an HTTP proxy ({scheme}://): choose a proxy in "
    "Dialer → Account…",
)
EXAMPLE = "proxy.example.com:3128"


class ProxyMode(StrEnum):
    """The three choices of the Account dialog."""

    SYSTEM = "system"
    NONE = "none"
    MANUAL = "manual"


@dataclass(frozen=True, slots=True)
class ProxyChoice:
    """The proxy setting: a mode, and for ``manual`` an address and an optional user name."""

    mode: ProxyMode = ProxyMode.SYSTEM
    address: str = ""
    username: str = ""

    @property
    def keyring_name(self) -> str:
        """The keyring user name of this proxy's password (service ``dialer-app``)."""
        return keyring_name(self.address, self.username)


@dataclass(frozen=True, slots=True)
class Route:
    """How requests to one base URL travel: directly (``proxy_url`` None) or via a proxy.

    ``auth`` is the proxy's (user name, password); ``label`` (``host:port``) goes into messages.
    """

    proxy_url: str | None = None
    label: str = ""
    auth: tuple[str, str] | None = field(default=None, repr=False)

    @property
    def direct(self) -> bool:
        return self.proxy_url is None


DIRECT = Route()
Proxies = Callable[[], Mapping[str, str]]
Bypass = Callable[[str], object]


def _refuse(template: str, **args: str) -> ConfigError:
    return ConfigError(Sentence(PROXY_CTX, template, args))


def keyring_name(address: str, username: str) -> str:
    """``proxy:<user>@<address>``: one password per proxy and user."""
    return f"proxy:{username}@{address}" if username else f"proxy:{address}"


def validate_proxy_address(text: str) -> str:
    """``proxy.example.com:3128`` or ``http://…``; returns ``scheme://host:port`` or raises."""
    value = text.strip()
    if not value:
        raise _refuse(NO_ADDRESS, example=EXAMPLE)
    if "://" not in value:
        value = "http://" + value
    parts = urlsplit(value)
    if parts.scheme not in PROXY_SCHEMES:
        raise _refuse(NOT_HTTP)
    try:
        port = parts.port
    except ValueError:
        raise _refuse(BAD_PORT) from None
    if not parts.hostname or port is None:
        raise _refuse(NO_PORT, example=EXAMPLE)
    if parts.username or parts.password:
        raise _refuse(LOGIN_IN_ADDRESS)
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise _refuse(WITH_PATH)
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    return f"{parts.scheme}://{host}:{port}"


def route_for(
    base_url: str,
    choice: ProxyChoice,
    *,
    password: str | None = None,
    proxies: Proxies | None = None,
    bypass: Bypass | None = None,
) -> Route:
    """The route of requests to ``base_url`` under ``choice``.

    ``password`` is the manual proxy's (from the keyring); ``proxies`` and ``bypass`` read the
    system's settings (``urllib.request`` by default; tests pass their own). Raises ConfigError
    for a proxy the client cannot use. ``urllib.request`` is imported here, when a route is
    worked out (on a worker), not with this module: it costs ~17 ms before the first frame.
    """
    if proxies is None or bypass is None:
        import urllib.request

        proxies = proxies or urllib.request.getproxies
        bypass = bypass or urllib.request.proxy_bypass
    parts = urlsplit(base_url)
    host = parts.hostname or ""
    if is_loopback(host) or choice.mode is ProxyMode.NONE:
        return DIRECT
    if choice.mode is ProxyMode.MANUAL:
        address = validate_proxy_address(choice.address)
        return _route(address, choice.username, password)
    found = _system_proxy(parts.scheme, proxies())
    if not found:
        return DIRECT
    netloc = f"{host}:{parts.port}" if parts.port else host
    if bypass(netloc):
        return DIRECT
    return _from_url(found)


def _system_proxy(scheme: str, proxies: Mapping[str, str]) -> str:
    """The proxy the system names for ``scheme`` (``all`` as the catch-all), or ''."""
    found = (proxies.get(scheme) or proxies.get("all") or "").strip()
    if found and "://" not in found:
        found = "http://" + found  # Windows writes "host:port"; HTTP proxies are the default
    return found


def _from_url(url: str) -> Route:
    """A Route from a proxy URL that may carry ``user:password@`` (HTTPS_PROXY does)."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in PROXY_SCHEMES:
        raise _refuse(SYSTEM_NOT_HTTP, proxy=parts.hostname or url, scheme=parts.scheme)
    address = validate_proxy_address(f"{parts.scheme}://{parts.hostname}:{parts.port or 80}")
    username = unquote(parts.username or "")
    return _route(address, username, unquote(parts.password) if parts.password else None)


def _route(address: str, username: str, password: str | None) -> Route:
    label = urlsplit(address).netloc
    auth = (username, password or "") if username else None
    return Route(address, label, auth)
