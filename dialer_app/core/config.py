"""Providers, base URLs and where the dialer keeps its files."""

from __future__ import annotations

import ipaddress
import os
import re
import socket
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import urlsplit

from dialer_app.core.errors import ConfigError
from dialer_app.core.text import QT_TRANSLATE_NOOP, Sentence

PRESETS: dict[str, str] = {
    "DigiDonar": "https://cloud.digidonar.in/api_v2/",
    "CallerDesk": "https://app.callerdesk.io/api/",
}
DEFAULT_BASE_URL = PRESETS["DigiDonar"]
APP_NAME = "dialer-app"
_SHORTHAND_IPV4 = re.compile(r"(?:0x[0-9a-f]+|[0-9]+)(?:\.(?:0x[0-9a-f]+|[0-9]+)){0,3}")


def is_loopback(host: str) -> bool:
    """True when ``host`` is a loopback address, decided by the address, not its spelling.

    ``localhost``, 127.0.0.0/8 in any form the resolver accepts (``127.1``, ``0x7f.0.0.1``,
    ``2130706433``), ``::1`` and IPv4-mapped loopback (``::ffff:127.0.0.1``).
    """
    name = host.strip().strip("[]").rstrip(".").lower()
    if name == "localhost":
        return True
    try:
        address: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(name)
    except ValueError:
        if not _SHORTHAND_IPV4.fullmatch(name):
            return False
        try:  # the forms getaddrinfo() reads as IPv4 numbers, as the connection will
            address = ipaddress.IPv4Address(socket.inet_aton(name))
        except OSError:
            return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback


ADDRESS_CTX = "address"
NO_HOST = QT_TRANSLATE_NOOP("address", "Enter the API address, e.g. {example}")
EXTRAS = QT_TRANSLATE_NOOP(
    "address", "The API address must not contain a query, a fragment or a login."
)
PLAIN_HTTP = QT_TRANSLATE_NOOP(
    "address",
    "The API address must start with https:// (plain http is only for this computer's own "
    "loopback addresses, such as 127.0.0.1).",
)
NOT_HTTPS = QT_TRANSLATE_NOOP("address", "The API address must start with https://")
FROM_SOURCE = QT_TRANSLATE_NOOP(
    "address", "The API address {address} from {source} is refused: {reason}"
)


class Source(StrEnum):
    """Where an API address came from; the one check names it when it refuses one."""

    FLAG = "--base-url"
    ENVIRONMENT = "DIALER_BASE_URL"
    SETTINGS = "settings.ini"
    DIALOG = "the account dialog"  # i18n: not shown (the dialog says its own error)


def _refuse(template: str, **args: str | Sentence) -> ConfigError:
    return ConfigError(Sentence(ADDRESS_CTX, template, args))


def validate_base_url(url: str) -> str:
    """Return the base URL with a trailing slash, or raise ConfigError.

    The one check of an API address, wherever it comes from (see ``check_base_url``):
    HTTPS is required; plain HTTP only for loopback (the sandbox, tests).
    """
    text = url.strip()
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:
        host = None
    if not host:
        raise _refuse(NO_HOST, example=PRESETS["CallerDesk"])
    if parts.query or parts.fragment or parts.username or parts.password:
        raise _refuse(EXTRAS)
    scheme = parts.scheme.lower()
    if scheme == "http" and not is_loopback(host):
        raise _refuse(PLAIN_HTTP)
    if scheme not in {"https", "http"}:
        raise _refuse(NOT_HTTPS)
    return text if text.endswith("/") else text + "/"


def check_base_url(url: str, source: Source) -> str:
    """``validate_base_url``, with a refusal that says which address and where it came from."""
    try:
        return validate_base_url(url)
    except ConfigError as exc:
        raise _refuse(
            FROM_SOURCE, address=url.strip(), source=source.value, reason=exc.sentence
        ) from None


def choose_base_url(flag: str | None, environment: str | None) -> tuple[str, Source] | None:
    """The address given at start-up (the flag wins over the environment), checked; or None."""
    for value, source in ((flag, Source.FLAG), (environment, Source.ENVIRONMENT)):
        if value:
            return check_base_url(value, source), source
    return None


def provider_name(base_url: str) -> str:
    """The preset's name for a base URL, or the host for a custom one."""
    for name, preset in PRESETS.items():
        if preset == base_url:
            return name
    return urlsplit(base_url).hostname or base_url


@dataclass(frozen=True, slots=True)
class Paths:
    """Files of one data directory (demo mode uses its own, apart from real history)."""

    data_dir: Path

    @property
    def history(self) -> Path:
        return self.data_dir / "history.sqlite3"

    @property
    def settings(self) -> Path:
        return self.data_dir / "settings.ini"

    @property
    def log(self) -> Path:
        return self.data_dir / "dialer.log"

    @property
    def lists(self) -> Path:
        """The call-down lists (core/leads/sqlite_store.py), apart from the history."""
        return self.data_dir / "lists.sqlite3"


def resolve_data_dir(flag: str | None, *, demo: bool) -> Path:
    """The data directory: --data-dir, else $DIALER_DATA_DIR, else the platform's default."""
    chosen = flag or os.environ.get("DIALER_DATA_DIR")
    if chosen:
        base = Path(chosen).expanduser()
    else:
        import platformdirs  # only needed when no directory was given

        base = platformdirs.user_data_path(APP_NAME, appauthor=False)
    return base / "demo" if demo else base
