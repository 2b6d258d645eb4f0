"""macOS: links come through the bundle; starting with the session is a LaunchAgent.

``Dialer.app`` claims ``tel`` and ``callto`` in its Info.plist (build.spec), and Launch
Services learns that when the bundle is registered: ``--install-desktop`` registers it with
``lsregister`` (Finder does the same the first time the app is opened). Links then arrive in
the running app as ``QFileOpenEvent``\\ s (``services.file_open``). The default app for calls
is the user's choice, in FaceTime → Settings → General → Default for calls.

Starting with the session is a per-user login item: a LaunchAgent property list in
``~/Library/LaunchAgents`` that runs the app with ``--minimized`` at login.
"""

from __future__ import annotations

import plistlib
from pathlib import Path

from dialer_app.desktop.common import MAC_LABEL, Launcher, Run

LSREGISTER = Path(
    "/System/Library/Frameworks/CoreServices.framework/Frameworks/LaunchServices.framework"
    "/Support/lsregister"
)


class MacIntegration:
    """The login item and Launch Services registration of one user."""

    def __init__(self, home: Path, launcher: Launcher, *, run: Run) -> None:
        self._home = home
        self._launcher = launcher
        self._run = run

    @property
    def login_item(self) -> Path:
        return self._home / "Library" / "LaunchAgents" / f"{MAC_LABEL}.plist"

    def bundle(self) -> Path | None:
        """``…/Dialer.app`` when running from inside a bundle, else None."""
        executable = Path(self._launcher.handler()[0])
        for parent in executable.parents:
            if parent.suffix == ".app":
                return parent
        return None

    def install(self) -> list[str]:
        bundle = self.bundle()
        if bundle is None:
            return [
                "tel: and callto: links reach the dialer through Dialer.app (scripts/build-app)"
            ]
        self._run([str(LSREGISTER), "-f", str(bundle)])
        return [
            f"registered {bundle} with Launch Services for tel: and callto:",
            "choose Dialer in FaceTime → Settings → General → Default for calls",
        ]

    def uninstall(self) -> list[str]:
        done = []
        if self.login_item.exists():
            self.login_item.unlink()
            done.append(f"removed {self.login_item}")
        bundle = self.bundle()
        if bundle is not None:
            self._run([str(LSREGISTER), "-u", str(bundle)])
            done.append(f"unregistered {bundle} from Launch Services")
        return done

    def autostart_enabled(self) -> bool:
        return self.login_item.exists()

    def set_autostart(self, enabled: bool) -> None:
        if not enabled:
            self.login_item.unlink(missing_ok=True)
            return
        agent = {
            "Label": MAC_LABEL,
            "ProgramArguments": [*self._launcher.handler(), "--minimized"],
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }
        self.login_item.parent.mkdir(parents=True, exist_ok=True)
        self.login_item.write_bytes(plistlib.dumps(agent))
