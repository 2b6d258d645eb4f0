"""``dialer-app --install-desktop``: register the dialer as the tel: and callto: handler (Linux).

Writes a freedesktop ``.desktop`` entry that starts this very executable, the icon, and the
default-handler lines in ``mimeapps.list``, all under the user's home: no root needed.
Windows and macOS register through the installer and the app bundle (docs/desktop.md).
"""

from __future__ import annotations

import configparser
import os
import shutil
import sys
from pathlib import Path

DESKTOP_ID = "dialer-app.desktop"
SCHEMES = ("x-scheme-handler/tel", "x-scheme-handler/callto")
ENTRY = """[Desktop Entry]
Type=Application
Name=Dialer
GenericName=Click-to-call dialer
Comment=Call customers through CallerDesk (reverse click-to-call)
Exec={exec} %u
Icon=dialer-app
Terminal=false
Categories=Office;Telephony;
MimeType={mime}
StartupNotify=true
"""


def launcher() -> str:
    """How to start this dialer again: the frozen executable, or this Python with -m."""
    if getattr(sys, "frozen", False):
        return _quote(sys.executable)
    return f"{_quote(sys.executable)} -m dialer_app"


def _quote(path: str) -> str:
    return f'"{path}"' if " " in path else path


def install(home: Path | None = None, command: str | None = None) -> list[Path]:
    """Write the entry, the icon and the handler association; returns the files written."""
    home = home or Path.home()
    data = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
    entry = data / "applications" / DESKTOP_ID
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(ENTRY.format(exec=command or launcher(), mime=";".join(SCHEMES) + ";"))
    icon = data / "icons" / "hicolor" / "scalable" / "apps" / "dialer-app.svg"
    icon.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(Path(__file__).parent / "resources" / "icon.svg", icon)
    mimeapps = config / "mimeapps.list"
    _set_default_handler(mimeapps)
    return [entry, icon, mimeapps]


def _set_default_handler(mimeapps: Path) -> None:
    """Make this entry the default for tel: and callto:, keeping every other line."""
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    if mimeapps.exists():
        parser.read(mimeapps, encoding="utf-8")
    for section in ("Default Applications", "Added Associations"):
        if not parser.has_section(section):
            parser.add_section(section)
        for scheme in SCHEMES:
            parser.set(section, scheme, f"{DESKTOP_ID};")
    mimeapps.parent.mkdir(parents=True, exist_ok=True)
    with mimeapps.open("w", encoding="utf-8") as handle:
        parser.write(handle, space_around_delimiters=False)
