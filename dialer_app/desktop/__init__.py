"""Desktop integration on each OS: the tel:/callto: handler and starting with the session.

``dialer-app --install-desktop`` registers the dialer as a handler of ``tel:`` and ``callto:``
links, ``--uninstall-desktop`` removes everything the dialer added (the autostart entry too),
and the window's *Start with the desktop session* turns autostart on and off. Nothing needs
administrator rights: all of it is per user.

- Linux and other freedesktop systems (``desktop.linux``): a ``.desktop`` entry, ``xdg-mime``
  or a careful edit of ``mimeapps.list``, an XDG autostart entry;
- Windows (``desktop.windows``): registry entries under HKEY_CURRENT_USER (ProgID,
  capabilities, RegisteredApplications, the Run key), then Settings → Default apps;
- macOS (``desktop.macos``): Launch Services registration of Dialer.app, a LaunchAgent.

Each takes its outside world (home folder, environment, registry module, command runner) in its
constructor, so every branch is tested on any OS; ``for_platform`` builds the real one.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Protocol, cast

from dialer_app.desktop.common import APP_ID, DESKTOP_ID, Launcher

__all__ = ["APP_ID", "DESKTOP_ID", "Integration", "Launcher", "for_platform"]


class Integration(Protocol):
    """What every platform's integration offers."""

    def install(self) -> list[str]:
        """Register the tel:/callto: handler; one line per thing done."""
        ...

    def uninstall(self) -> list[str]:
        """Remove every registration and the autostart entry; one line per thing removed."""
        ...

    def autostart_enabled(self) -> bool: ...

    def set_autostart(self, enabled: bool) -> None: ...


def for_platform(platform: str = sys.platform) -> Integration:
    """The integration for this OS, for this user and this executable."""
    launcher = Launcher.current()
    if platform == "win32":
        import winreg  # type: ignore[import-not-found,unused-ignore]  # Windows only

        from dialer_app.desktop.windows import Registry, WindowsIntegration, WinReg

        return WindowsIntegration(Registry(cast(WinReg, winreg)), launcher)
    if platform == "darwin":
        from dialer_app.desktop.common import run_tool
        from dialer_app.desktop.macos import MacIntegration

        return MacIntegration(Path.home(), launcher, run=run_tool)
    from dialer_app.desktop.linux import FreedesktopIntegration

    return FreedesktopIntegration(Path.home(), os.environ, launcher)
