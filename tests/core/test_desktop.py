"""Desktop integration on every OS branch, each behind its seam: files under a temporary home
(Linux, macOS), a fake ``winreg`` (Windows), recorded commands instead of real tools."""

from __future__ import annotations

import configparser
import plistlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import cast

import pytest

from dialer_app.app import main
from dialer_app.desktop import mimeapps
from dialer_app.desktop.common import Launcher, desktop_exec
from dialer_app.desktop.linux import FreedesktopIntegration
from dialer_app.desktop.macos import LSREGISTER, MacIntegration
from dialer_app.desktop.windows import (
    CAPABILITIES_KEY,
    PROG_ID_KEY,
    REGISTERED_APPLICATIONS,
    RUN_KEY,
    SETTINGS_PAGE,
    Registry,
    WindowsIntegration,
    WinReg,
)

TEL, CALLTO = "x-scheme-handler/tel", "x-scheme-handler/callto"
SCHEMES = (TEL, CALLTO)
SOURCE = Launcher("/opt/venv/bin/python", frozen=False)


# -- mimeapps.list ---------------------------------------------------------------------------
MESSY = """\
# written by hand: keep me
[Default Applications]
text/html=firefox.desktop
x-scheme-handler/tel=skype.desktop;

[Added Associations]
x-scheme-handler/tel=skype.desktop;zoom.desktop;
this line is not key=value at all? it has no equals
[Default Applications]
image/png=eog.desktop
x-scheme-handler/callto=skype.desktop;
; another comment
"""


def test_mimeapps_survives_repeated_sections_and_keeps_comments() -> None:
    edited = mimeapps.set_default(MESSY, "dialer-app.desktop", SCHEMES)

    assert "# written by hand: keep me\n" in edited
    assert "; another comment\n" in edited
    assert "this line is not key=value at all? it has no equals\n" in edited
    assert "text/html=firefox.desktop\n" in edited
    assert "image/png=eog.desktop\n" in edited
    assert edited.count(f"{TEL}=dialer-app.desktop;\n") == 1  # the default, once
    assert f"{TEL}=dialer-app.desktop;skype.desktop;zoom.desktop;\n" in edited  # added, first
    assert f"{CALLTO}=dialer-app.desktop;\n" in edited
    assert "x-scheme-handler/callto=skype.desktop;" not in edited  # no older default left
    assert mimeapps.set_default(edited, "dialer-app.desktop", SCHEMES) == edited  # idempotent


def test_mimeapps_removal_gives_the_other_handlers_back() -> None:
    edited = mimeapps.set_default(MESSY, "dialer-app.desktop", SCHEMES)

    removed = mimeapps.remove(edited, "dialer-app.desktop", SCHEMES)

    assert "dialer-app.desktop" not in removed
    assert f"{TEL}=skype.desktop;zoom.desktop;\n" in removed
    assert "# written by hand: keep me\n" in removed
    kept = mimeapps.remove("[Default Applications]\nx=y\n", "dialer-app.desktop", SCHEMES)
    assert kept == "[Default Applications]\nx=y\n"


def test_mimeapps_file_edit_keeps_bytes_that_are_not_utf8_and_follows_a_link(
    tmp_path: Path,
) -> None:
    real = tmp_path / "dotfiles" / "mimeapps.list"
    real.parent.mkdir()
    real.write_bytes(b"# caf\xe9 (latin-1)\n[Default Applications]\ntext/html=a.desktop\n")
    link = tmp_path / "mimeapps.list"
    link.symlink_to(real)

    mimeapps.edit(link, "set", "dialer-app.desktop", SCHEMES)

    assert link.is_symlink()
    data = real.read_bytes()
    assert data.startswith(b"# caf\xe9 (latin-1)\n[Default Applications]\n")
    assert b"x-scheme-handler/tel=dialer-app.desktop;\n" in data
    assert [path.name for path in real.parent.iterdir()] == ["mimeapps.list"]  # no temp file


# -- Linux -----------------------------------------------------------------------------------
class Tools:
    """Recorded desktop tools; ``xdg_mime_takes`` says whether xdg-mime's default sticks."""

    def __init__(self, *, present: Sequence[str], xdg_mime_takes: bool = True) -> None:
        self.present = set(present)
        self.takes = xdg_mime_takes
        self.ran: list[list[str]] = []

    def which(self, name: str) -> str | None:
        return f"/usr/bin/{name}" if name in self.present else None

    def run(self, command: Sequence[str]) -> str | None:
        self.ran.append(list(command))
        if command[:3] == ["xdg-mime", "query", "default"]:
            return "dialer-app.desktop\n" if self.takes else "skype.desktop\n"
        return ""


def freedesktop(home: Path, tools: Tools, launcher: Launcher = SOURCE) -> FreedesktopIntegration:
    return FreedesktopIntegration(home, {}, launcher, run=tools.run, which=tools.which)


def entry_of(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(path)
    return parser["Desktop Entry"]


def test_linux_without_xdg_utils_writes_the_entry_and_edits_mimeapps(tmp_path: Path) -> None:
    tools = Tools(present=[])
    desktop = freedesktop(tmp_path, tools)

    done = desktop.install()

    entry = entry_of(desktop.entry)
    assert entry["Exec"] == "/opt/venv/bin/python -m dialer_app %u"
    assert entry["MimeType"] == f"{TEL};{CALLTO};"
    assert entry["StartupWMClass"] == "dialer-app"  # matches setDesktopFileName("dialer-app")
    assert desktop.icon.is_file()
    assert f"{TEL}=dialer-app.desktop;" in desktop.mimeapps.read_text()
    assert done[-1] == f"wrote {desktop.mimeapps}"
    assert tools.ran == []


def test_linux_with_xdg_utils_uses_xdg_mime_and_refreshes_the_database(tmp_path: Path) -> None:
    tools = Tools(present=["xdg-mime", "update-desktop-database"])
    desktop = freedesktop(tmp_path, tools)

    done = desktop.install()

    applications = str(tmp_path / ".local" / "share" / "applications")
    assert tools.ran == [
        ["update-desktop-database", applications],
        ["xdg-mime", "default", "dialer-app.desktop", TEL, CALLTO],
        ["xdg-mime", "query", "default", TEL],
        ["xdg-mime", "query", "default", CALLTO],
    ]
    assert not desktop.mimeapps.exists()
    assert done[-1] == "xdg-mime: dialer-app.desktop handles tel: and callto:"


def test_linux_falls_back_to_mimeapps_when_xdg_mime_does_not_take(tmp_path: Path) -> None:
    desktop = freedesktop(tmp_path, Tools(present=["xdg-mime"], xdg_mime_takes=False))

    desktop.install()

    assert f"{CALLTO}=dialer-app.desktop;" in desktop.mimeapps.read_text()


def test_linux_autostart_starts_minimised_and_uninstall_removes_everything(
    tmp_path: Path,
) -> None:
    tools = Tools(present=[])
    desktop = freedesktop(tmp_path, tools)
    desktop.install()
    assert not desktop.autostart_enabled()

    desktop.set_autostart(True)

    assert desktop.autostart_enabled()
    autostart = entry_of(desktop.autostart_entry)
    assert autostart["Exec"] == "/opt/venv/bin/python -m dialer_app --minimized"
    desktop.set_autostart(False)
    assert not desktop.autostart_enabled()
    desktop.set_autostart(True)
    done = desktop.uninstall()
    assert not desktop.entry.exists()
    assert not desktop.icon.exists()
    assert not desktop.autostart_enabled()
    assert "dialer-app.desktop" not in desktop.mimeapps.read_text()
    assert f"removed {desktop.autostart_entry}" in done


def test_exec_lines_quote_what_the_desktop_spec_says_must_be_quoted() -> None:
    argv = ["/home/a b/dialer app", "50%", 'say "hi"', "C:\\x"]

    assert desktop_exec(argv) == '"/home/a b/dialer app" 50%% "say \\\\"hi\\\\"" "C:\\\\\\\\x"'


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setattr("shutil.which", lambda _name: None)  # no xdg-utils
    return tmp_path


def test_command_line_install_and_uninstall(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mimeapps_list = home / ".config" / "mimeapps.list"
    mimeapps_list.parent.mkdir(parents=True)
    mimeapps_list.write_text("[Default Applications]\ntext/html=firefox.desktop\n")

    assert main(["--install-desktop"]) == 0
    assert main(["--install-desktop"]) == 0  # again: same result, no duplicates

    text = mimeapps_list.read_text()
    assert text.count(f"{TEL}=") == 2  # Default + Added
    assert "text/html=firefox.desktop" in text
    assert entry_of(home / ".local/share/applications/dialer-app.desktop")["Exec"].endswith(
        "-m dialer_app %u"
    )
    assert "wrote" in capsys.readouterr().out
    assert main(["--uninstall-desktop"]) == 0
    assert mimeapps_list.read_text() == "[Default Applications]\ntext/html=firefox.desktop\n"
    assert "removed" in capsys.readouterr().out
    assert main(["--uninstall-desktop"]) == 0
    assert "nothing to remove" not in capsys.readouterr().out  # mimeapps.list is still looked at


def test_the_tools_are_looked_up_when_used_not_when_imported(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A desktop machine has xdg-utils: replacing ``shutil.which`` must still hide them."""
    tools = home / "bin"
    tools.mkdir()
    ran = home / "xdg-mime-ran"
    fake = tools / "xdg-mime"
    fake.write_text(f'#!/bin/sh\necho "$@" >> {ran}\n')
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}:/usr/bin:/bin")

    assert main(["--install-desktop"]) == 0

    assert not ran.exists()
    assert (home / ".config" / "mimeapps.list").read_text().count(f"{TEL}=") == 2


# -- Windows ---------------------------------------------------------------------------------
class FakeWinReg:
    """Enough of ``winreg`` for the dialer: keys as paths, values by name, HKCU only."""

    HKEY_CURRENT_USER = 0x80000001
    KEY_READ, KEY_WRITE, KEY_SET_VALUE, REG_SZ = 0x20019, 0x20006, 0x0002, 1

    def __init__(self) -> None:
        self.keys: dict[str, dict[str, str]] = {}

    @contextmanager
    def CreateKeyEx(self, root: int, path: str, reserved: int, access: int) -> Iterator[str]:  # noqa: N802 - winreg's names
        assert root == self.HKEY_CURRENT_USER
        assert access == self.KEY_WRITE
        parts = path.split("\\")
        for depth in range(1, len(parts) + 1):
            self.keys.setdefault("\\".join(parts[:depth]).lower(), {})
        yield path.lower()

    @contextmanager
    def OpenKey(self, root: int, path: str, reserved: int, access: int) -> Iterator[str]:  # noqa: N802 - winreg's names
        assert root == self.HKEY_CURRENT_USER
        if path.lower() not in self.keys:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        yield path.lower()

    def SetValueEx(self, key: str, name: str, reserved: int, kind: int, value: str) -> None:  # noqa: N802 - winreg's names
        assert kind == self.REG_SZ
        self.keys[key][name] = value

    def QueryValueEx(self, key: str, name: str) -> tuple[str, int]:  # noqa: N802 - winreg's names
        if name not in self.keys[key]:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return self.keys[key][name], self.REG_SZ

    def DeleteValue(self, key: str, name: str) -> None:  # noqa: N802 - winreg's names
        if self.keys[key].pop(name, None) is None:
            raise FileNotFoundError(2, "The system cannot find the file specified")

    def EnumKey(self, key: str, index: int) -> str:  # noqa: N802 - winreg's names
        children = sorted(
            {k[len(key) + 1 :].split("\\")[0] for k in self.keys if k.startswith(key + "\\")}
        )
        if index >= len(children):
            raise OSError(259, "No more data is available")
        return children[index]

    def DeleteKey(self, root: int, path: str) -> None:  # noqa: N802 - winreg's names
        if any(k.startswith(path.lower() + "\\") for k in self.keys):
            raise PermissionError(5, "Access is denied")  # winreg refuses keys with subkeys
        del self.keys[path.lower()]

    def value(self, path: str, name: str = "") -> str | None:
        return self.keys.get(path.lower(), {}).get(name)


@pytest.fixture
def frozen_windows(tmp_path: Path) -> Launcher:
    """A frozen app folder with the windowed exe and its console companion, run as the CLI."""
    folder = tmp_path / "Dialer"
    folder.mkdir()
    (folder / "dialer-app.exe").touch()
    (folder / "dialer-app-cli.exe").touch()
    return Launcher(str(folder / "dialer-app-cli.exe"), frozen=True)


def test_windows_registers_progid_capabilities_and_opens_default_apps(
    frozen_windows: Launcher,
) -> None:
    winreg = FakeWinReg()
    opened: list[str] = []
    windows = WindowsIntegration(
        Registry(cast(WinReg, winreg)), frozen_windows, open_uri=opened.append
    )

    windows.install()

    exe = str(Path(frozen_windows.executable).with_name("dialer-app.exe"))  # not the CLI
    assert winreg.value(PROG_ID_KEY, "URL Protocol") == ""
    assert winreg.value(f"{PROG_ID_KEY}\\shell\\open\\command") == f'{exe} "%1"'
    assert winreg.value(f"{PROG_ID_KEY}\\DefaultIcon") == f"{exe},0"
    associations = f"{CAPABILITIES_KEY}\\URLAssociations"
    assert winreg.value(associations, "tel") == "dialer-app.url"
    assert winreg.value(associations, "callto") == "dialer-app.url"
    assert winreg.value(CAPABILITIES_KEY, "ApplicationName") == "Dialer"
    assert winreg.value(REGISTERED_APPLICATIONS, "dialer-app") == CAPABILITIES_KEY
    assert CAPABILITIES_KEY == "Software\\dialer-app\\Capabilities"
    assert opened == [SETTINGS_PAGE]
    assert SETTINGS_PAGE == "ms-settings:defaultapps?registeredAppUser=dialer-app"


def test_windows_run_key_and_uninstall_leave_nothing_behind(frozen_windows: Launcher) -> None:
    winreg = FakeWinReg()
    winreg.keys["software\\registeredapplications"] = {"Other": "Software\\Other\\Capabilities"}
    windows = WindowsIntegration(
        Registry(cast(WinReg, winreg)), frozen_windows, open_uri=lambda _uri: None
    )
    windows.install()
    assert not windows.autostart_enabled()

    windows.set_autostart(True)

    exe = str(Path(frozen_windows.executable).with_name("dialer-app.exe"))
    assert winreg.value(RUN_KEY, "dialer-app") == f"{exe} --minimized"
    assert windows.autostart_enabled()
    done = windows.uninstall()
    assert not windows.autostart_enabled()
    assert [key for key in winreg.keys if "dialer-app" in key] == []
    assert winreg.value(REGISTERED_APPLICATIONS, "dialer-app") is None
    assert winreg.value(REGISTERED_APPLICATIONS, "Other") == "Software\\Other\\Capabilities"
    assert len(done) == 4
    assert windows.uninstall() == []


def test_windows_from_source_prefers_pythonw(tmp_path: Path) -> None:
    (tmp_path / "python.exe").touch()
    (tmp_path / "pythonw.exe").touch()

    argv = Launcher(str(tmp_path / "python.exe"), frozen=False).handler()

    assert argv == [str(tmp_path / "pythonw.exe"), "-m", "dialer_app"]


# -- macOS -----------------------------------------------------------------------------------
def test_macos_login_item_is_a_launch_agent_that_starts_minimised(tmp_path: Path) -> None:
    bundle_exe = tmp_path / "Applications" / "Dialer.app" / "Contents" / "MacOS" / "dialer-app"
    ran: list[list[str]] = []
    mac = MacIntegration(tmp_path, Launcher(str(bundle_exe), frozen=True), run=_recorder(ran))

    mac.set_autostart(True)

    agent = plistlib.loads(mac.login_item.read_bytes())
    assert mac.login_item == tmp_path / "Library/LaunchAgents/com.example.dialer-app.plist"
    assert agent["ProgramArguments"] == [str(bundle_exe), "--minimized"]
    assert agent["RunAtLoad"] is True
    assert mac.autostart_enabled()
    assert mac.install()[0].startswith("registered ")
    assert ran == [[str(LSREGISTER), "-f", str(tmp_path / "Applications" / "Dialer.app")]]
    mac.uninstall()
    assert not mac.autostart_enabled()
    assert ran[-1][1] == "-u"


def test_macos_outside_a_bundle_only_explains(tmp_path: Path) -> None:
    ran: list[list[str]] = []
    mac = MacIntegration(tmp_path, SOURCE, run=_recorder(ran))

    assert "Dialer.app" in mac.install()[0]
    assert ran == []


def _recorder(ran: list[list[str]]):  # type: ignore[no-untyped-def]
    def run(command: Sequence[str]) -> str:
        ran.append(list(command))
        return ""

    return run
