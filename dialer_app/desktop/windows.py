"""Windows: the tel:/callto: handler and the Run key, all under HKEY_CURRENT_USER (no admin).

Windows 10 and 11 let no program make itself the default (the user's choice is protected);
a program registers what it can handle and the user confirms in Settings → Default apps:

- a ProgID ``Software\\Classes\\dialer-app.url``: how to open a link (``"…\\dialer-app.exe"
  "%1"``), its icon and name;
- ``Software\\dialer-app\\Capabilities``, whose ``URLAssociations`` map ``tel`` and
  ``callto`` to that ProgID;
- a value in ``Software\\RegisteredApplications`` pointing at those capabilities, which is
  what makes the app appear in Settings;

then ``ms-settings:defaultapps?registeredAppUser=dialer-app`` opens the app's page there.
Starting with the session is a value in ``Software\\Microsoft\\Windows\\CurrentVersion\\Run``.

The registry is reached through a ``winreg``-like module given to ``Registry`` (tests pass a
fake one; the real ``winreg`` exists only on Windows).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Protocol

from dialer_app.desktop.common import APP_ID, Launcher

PROG_ID = f"{APP_ID}.url"
PROG_ID_KEY = f"Software\\Classes\\{PROG_ID}"
APP_KEY = f"Software\\{APP_ID}"
CAPABILITIES_KEY = f"{APP_KEY}\\Capabilities"
REGISTERED_APPLICATIONS = "Software\\RegisteredApplications"
RUN_KEY = "Software\\Microsoft\\Windows\\CurrentVersion\\Run"
SCHEMES = ("tel", "callto")
SETTINGS_PAGE = f"ms-settings:defaultapps?registeredAppUser={APP_ID}"
OpenUri = Callable[[str], None]


class WinReg(Protocol):
    """The part of the ``winreg`` module the dialer uses (a fake one in the tests)."""

    HKEY_CURRENT_USER: int
    KEY_READ: int
    KEY_WRITE: int
    KEY_SET_VALUE: int
    REG_SZ: int

    def CreateKeyEx(  # noqa: N802 - winreg's names
        self, key: int, sub_key: str, reserved: int, access: int
    ) -> AbstractContextManager[object]: ...

    def OpenKey(  # noqa: N802
        self, key: int, sub_key: str, reserved: int, access: int
    ) -> AbstractContextManager[object]: ...

    def SetValueEx(  # noqa: N802
        self, key: object, value_name: str, reserved: int, type: int, value: str
    ) -> None: ...

    def QueryValueEx(self, key: object, name: str) -> tuple[object, int]: ...  # noqa: N802

    def DeleteValue(self, key: object, value: str) -> None: ...  # noqa: N802

    def EnumKey(self, key: object, index: int) -> str: ...  # noqa: N802

    def DeleteKey(self, key: int, sub_key: str) -> None: ...  # noqa: N802


class Registry:
    """String values under HKEY_CURRENT_USER, through a ``winreg``-like module."""

    def __init__(self, winreg: WinReg) -> None:
        self._winreg = winreg

    def set(self, path: str, name: str, value: str) -> None:
        """Set ``name`` (``""``: the key's default value) in ``path``, creating the key."""
        reg = self._winreg
        with reg.CreateKeyEx(reg.HKEY_CURRENT_USER, path, 0, reg.KEY_WRITE) as key:
            reg.SetValueEx(key, name, 0, reg.REG_SZ, value)

    def get(self, path: str, name: str) -> str | None:
        reg = self._winreg
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, path, 0, reg.KEY_READ) as key:
                value, _kind = reg.QueryValueEx(key, name)
        except FileNotFoundError:
            return None
        return value if isinstance(value, str) else None

    def delete_value(self, path: str, name: str) -> bool:
        reg = self._winreg
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, path, 0, reg.KEY_SET_VALUE) as key:
                reg.DeleteValue(key, name)
        except FileNotFoundError:
            return False
        return True

    def delete_tree(self, path: str) -> bool:
        """Delete a key and everything under it (``DeleteKey`` takes only empty keys)."""
        reg = self._winreg
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, path, 0, reg.KEY_READ) as key:
                children: list[str] = []
                while True:
                    try:
                        children.append(reg.EnumKey(key, len(children)))
                    except OSError:  # no more subkeys
                        break
        except FileNotFoundError:
            return False
        for child in children:
            self.delete_tree(f"{path}\\{child}")
        reg.DeleteKey(reg.HKEY_CURRENT_USER, path)
        return True


def open_settings(uri: str) -> None:
    """Open a Settings page as a click would (``os.startfile`` exists on Windows only)."""
    startfile = getattr(os, "startfile", None)
    if startfile is not None:
        startfile(uri)


class WindowsIntegration:
    """The dialer's registry entries for the current user."""

    def __init__(
        self, registry: Registry, launcher: Launcher, *, open_uri: OpenUri = open_settings
    ) -> None:
        self._registry = registry
        self._launcher = launcher
        self._open_uri = open_uri

    def install(self) -> list[str]:
        exe = self._launcher.handler()
        command = subprocess.list2cmdline(exe) + ' "%1"'
        reg = self._registry
        reg.set(PROG_ID_KEY, "", "Telephone link (Dialer)")
        reg.set(PROG_ID_KEY, "URL Protocol", "")
        reg.set(PROG_ID_KEY, "FriendlyTypeName", "Telephone link (Dialer)")
        reg.set(f"{PROG_ID_KEY}\\DefaultIcon", "", f"{subprocess.list2cmdline(exe[:1])},0")
        reg.set(f"{PROG_ID_KEY}\\shell\\open\\command", "", command)
        reg.set(CAPABILITIES_KEY, "ApplicationName", "Dialer")
        reg.set(CAPABILITIES_KEY, "ApplicationDescription", "Click-to-call dialer (CallerDesk)")
        for scheme in SCHEMES:
            reg.set(f"{CAPABILITIES_KEY}\\URLAssociations", scheme, PROG_ID)
        reg.set(REGISTERED_APPLICATIONS, APP_ID, CAPABILITIES_KEY)
        self._open_uri(SETTINGS_PAGE)
        return [
            f"registered {PROG_ID} for tel: and callto: under HKEY_CURRENT_USER",
            "opened Settings → Default apps: choose Dialer for TEL and CALLTO there",
        ]

    def uninstall(self) -> list[str]:
        reg = self._registry
        done = []
        if reg.delete_tree(PROG_ID_KEY):
            done.append(f"removed HKEY_CURRENT_USER\\{PROG_ID_KEY}")
        if reg.delete_tree(APP_KEY):
            done.append(f"removed HKEY_CURRENT_USER\\{APP_KEY}")
        for key in (REGISTERED_APPLICATIONS, RUN_KEY):
            if reg.delete_value(key, APP_ID):
                done.append(f"removed {APP_ID} from HKEY_CURRENT_USER\\{key}")
        return done

    def autostart_enabled(self) -> bool:
        return self._registry.get(RUN_KEY, APP_ID) is not None

    def set_autostart(self, enabled: bool) -> None:
        if enabled:
            command = subprocess.list2cmdline([*self._launcher.handler(), "--minimized"])
            self._registry.set(RUN_KEY, APP_ID, command)
        else:
            self._registry.delete_value(RUN_KEY, APP_ID)
