"""Settings declared once (key, type, default), stored with QSettings in the data directory."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from dialer_app.core.hours import DEFAULT_HOURS

log = logging.getLogger(__name__)
T = TypeVar("T", str, int, bool, QByteArray)


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    kind: type[T]
    default: T


BASE_URL = Setting("account/base_url", str, "")
LAST_MEMBER = Setting("dial/last_member_number", str, "")
LAST_DESKPHONE = Setting("dial/last_deskphone", str, "")
CALL_LIMIT = Setting("dial/call_limit_seconds", int, 0)
COOLDOWN = Setting("dial/redial_cooldown_seconds", int, 120)
GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
CLOSE_TO_TRAY = Setting("window/close_to_tray", bool, False)
# The wrap-up's dispositions in key order (1-9), separated by "|"; editable in settings.ini.
DISPOSITIONS = Setting(
    "wrapup/dispositions", str, "Interested|Call back|Not interested|Wrong number|Do not call"
)
DO_NOT_CALL_DISPOSITION = Setting("wrapup/do_not_call", str, "Do not call")
# Call-down lists: how many attempts a lead gets at most before it is not offered again.
MAX_ATTEMPTS = Setting("lists/max_attempts", int, 3)
# How long after a call a lead with no disposition is offered again (a team's retries).
RECALL_MINUTES = Setting("lists/retry_minutes", int, 60)
# A team working one list (core/team): the PostgreSQL connection string or postgresql:// URL,
# never a password (--team-database and DIALER_TEAM_DATABASE override it for one run); how
# long a claimed lead stays this desk's without a renewal; how long a call-back waits for its
# own agent before anyone may take it.
TEAM_DATABASE = Setting("team/database", str, "")
LEASE_SECONDS = Setting("team/lease_seconds", int, 600)
CALLBACK_GRACE_MINUTES = Setting("team/callback_grace_minutes", int, 30)
# The pause picker's reasons (F10), in order, separated by ","; empty: Break, Lunch, Training,
# Meeting. A pause longer than the alert is flagged on the supervisor's Agents tab.
PAUSE_REASONS = Setting("team/pause_reasons", str, "")
PAUSE_ALERT_MINUTES = Setting("team/pause_alert_minutes", int, 15)
LIVE_WAITING_SECONDS = Setting("live/customer_waiting_seconds", int, 20)
# The proxy choice (core.proxy.ProxyChoice); its password is in the keyring, never here.
PROXY_MODE = Setting("network/proxy_mode", str, "system")
PROXY_ADDRESS = Setting("network/proxy_address", str, "")
PROXY_USER = Setting("network/proxy_user", str, "")
# When calls may be placed, India time (core.hours): "09:00-21:00" or "always".
CALLING_HOURS = Setting("calling/hours", str, DEFAULT_HOURS)
# The same for service and transactional lists (core.compliance.hours); not written = any hour.
# calling/hours above is also the promotional lists' window, never wider than 09:00-21:00.
CALLING_HOURS_SERVICE = Setting("calling/hours_service", str, "always")
CALLING_HOURS_TRANSACTIONAL = Setting("calling/hours_transactional", str, "always")
# A firm regulated by RBI, SEBI, IRDAI or PFRDA: its service calls come from 1600-series numbers.
REGULATED = Setting("compliance/regulated", bool, False)
# The window's language: "system" (LANGUAGE/LANG), "en" or "hi"; read at start-up.
LANGUAGE = Setting("ui/language", str, "system")
# The history columns shown, by their English titles separated by "|" ("" = the defaults:
# the ones an agent needs on a 1366-pixel screen); chosen from the header's context menu.
HISTORY_COLUMNS = Setting("history/columns", str, "")


class Settings:
    """Typed access to the settings file (an INI file, never holding the key)."""

    def __init__(self, path: Path) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # settings then last for this session only
            log.warning("Settings cannot be saved in %s: %s", path.parent, exc)
        self._store = QSettings(str(path), QSettings.Format.IniFormat)

    def get(self, setting: Setting[T]) -> T:
        value = self._store.value(setting.key, setting.default, type=setting.kind)
        return value if isinstance(value, setting.kind) else setting.default

    def has(self, setting: Setting[T]) -> bool:
        """Whether the settings file itself holds a value for ``setting``."""
        return bool(self._store.contains(setting.key))

    def set(self, setting: Setting[T], value: T) -> None:
        self._store.setValue(setting.key, value)

    def sync(self) -> None:
        self._store.sync()
