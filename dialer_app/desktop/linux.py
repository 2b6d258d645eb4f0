"""Linux and other freedesktop systems: a ``.desktop`` entry, the tel:/callto: default, autostart.

Everything lives under the user's home (``$XDG_DATA_HOME``, ``$XDG_CONFIG_HOME``): no root.
The default handler is set with ``xdg-mime default`` where xdg-utils is installed (it knows
each desktop's own way), and checked with ``xdg-mime query``; without it, or if it did not
take, ``mimeapps.list`` is edited directly (``desktop.mimeapps``). ``update-desktop-database``
refreshes the MIME cache when present.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

from dialer_app.desktop import mimeapps
from dialer_app.desktop.common import APP_ID, DESKTOP_ID, Launcher, Run, desktop_exec, run_tool

SCHEMES = ("x-scheme-handler/tel", "x-scheme-handler/callto")
ENTRY = """[Desktop Entry]
Type=Application
Name=Dialer
GenericName=Click-to-call dialer
Comment=Call customers through CallerDesk (reverse click-to-call)
Exec={exec} %u
Icon={app_id}
Terminal=false
Categories=Office;Telephony;
MimeType={mime}
StartupNotify=true
StartupWMClass={app_id}
"""
AUTOSTART = """[Desktop Entry]
Type=Application
Name=Dialer
Comment=Start the dialer in the tray when the session starts
Exec={exec} --minimized
Icon={app_id}
Terminal=false
X-GNOME-Autostart-enabled=true
"""
Which = Callable[[str], str | None]


class FreedesktopIntegration:
    """The dialer's entries in one user's freedesktop folders."""

    def __init__(
        self,
        home: Path,
        env: Mapping[str, str],
        launcher: Launcher,
        *,
        run: Run = run_tool,
        which: Which | None = None,
    ) -> None:
        self._data = Path(env.get("XDG_DATA_HOME") or home / ".local" / "share")
        self._config = Path(env.get("XDG_CONFIG_HOME") or home / ".config")
        self._launcher = launcher
        self._run = run
        self._which = which  # None: ``shutil.which`` as it is when asked, never as imported

    @property
    def entry(self) -> Path:
        return self._data / "applications" / DESKTOP_ID

    @property
    def icon(self) -> Path:
        return self._data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"

    @property
    def mimeapps(self) -> Path:
        return self._config / "mimeapps.list"

    @property
    def autostart_entry(self) -> Path:
        return self._config / "autostart" / DESKTOP_ID

    def install(self) -> list[str]:
        """Write the entry and the icon, make them the tel:/callto: default; say what was done."""
        command = desktop_exec(self._launcher.handler())
        mime = ";".join(SCHEMES) + ";"
        _write(self.entry, ENTRY.format(exec=command, mime=mime, app_id=APP_ID))
        self.icon.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(Path(__file__).parent.parent / "resources" / "icon.svg", self.icon)
        done = [f"wrote {self.entry}", f"wrote {self.icon}"]
        self._refresh_database()
        if self._set_with_xdg_mime():
            done.append(f"xdg-mime: {DESKTOP_ID} handles tel: and callto:")
        else:
            mimeapps.edit(self.mimeapps, "set", DESKTOP_ID, SCHEMES)
            done.append(f"wrote {self.mimeapps}")
        return done

    def uninstall(self) -> list[str]:
        """Remove the entry, the icon, the associations and the autostart entry."""
        done = []
        for path in (self.entry, self.icon, self.autostart_entry):
            if path.exists():
                path.unlink()
                done.append(f"removed {path}")
        if self.mimeapps.exists():
            mimeapps.edit(self.mimeapps, "remove", DESKTOP_ID, SCHEMES)
            done.append(f"updated {self.mimeapps}")
        self._refresh_database()
        return done

    def autostart_enabled(self) -> bool:
        return self.autostart_entry.exists()

    def set_autostart(self, enabled: bool) -> None:
        """Start (or no longer start) the dialer, minimised, when the desktop session starts."""
        if enabled:
            command = desktop_exec(self._launcher.handler())
            _write(self.autostart_entry, AUTOSTART.format(exec=command, app_id=APP_ID))
        else:
            self.autostart_entry.unlink(missing_ok=True)

    def _find(self, tool: str) -> str | None:
        return (self._which or shutil.which)(tool)

    def _set_with_xdg_mime(self) -> bool:
        if not self._find("xdg-mime"):
            return False
        self._run(["xdg-mime", "default", DESKTOP_ID, *SCHEMES])
        return all(
            (self._run(["xdg-mime", "query", "default", scheme]) or "").strip() == DESKTOP_ID
            for scheme in SCHEMES
        )

    def _refresh_database(self) -> None:
        if self._find("update-desktop-database"):
            self._run(["update-desktop-database", str(self.entry.parent)])


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
