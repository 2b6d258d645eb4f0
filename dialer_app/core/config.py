"""Providers, base URLs and where the dialer keeps its files."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from dialer_app.core.errors import ConfigError

PRESETS: dict[str, str] = {
    "DigiDonar": "https://cloud.digidonar.in/api_v2/",
    "CallerDesk": "https://app.callerdesk.io/api/",
}
DEFAULT_BASE_URL = PRESETS["DigiDonar"]
APP_NAME = "dialer-app"


def is_loopback(host: str) -> bool:
    """True for localhost and the loopback ranges (127.0.0.0/8, ::1)."""
    if host.lower() in {"localhost", "localhost."}:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def validate_base_url(url: str) -> str:
    """Return the base URL with a trailing slash, or raise ConfigError.

    HTTPS is required; plain HTTP only for loopback (the sandbox, tests).
    """
    text = url.strip()
    parts = urlsplit(text)
    if not parts.hostname:
        raise ConfigError("Enter the API address, e.g. https://app.callerdesk.io/api/")
    if parts.query or parts.fragment or parts.username or parts.password:
        raise ConfigError("The API address must not contain a query, a fragment or a login.")
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise ConfigError("The API address must start with https:// (plain http is not safe).")
    if parts.scheme not in {"https", "http"}:
        raise ConfigError("The API address must start with https://")
    return text if text.endswith("/") else text + "/"


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


def resolve_data_dir(flag: str | None, *, demo: bool) -> Path:
    """The data directory: --data-dir, else $DIALER_DATA_DIR, else the platform's default."""
    chosen = flag or os.environ.get("DIALER_DATA_DIR")
    if chosen:
        base = Path(chosen).expanduser()
    else:
        import platformdirs  # only needed when no directory was given

        base = platformdirs.user_data_path(APP_NAME, appauthor=False)
    return base / "demo" if demo else base
