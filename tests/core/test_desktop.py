"""--install-desktop: the dialer becomes the tel:/callto: handler, other handlers untouched."""

from __future__ import annotations

import configparser
from pathlib import Path

import pytest

from dialer_app.app import main


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    return tmp_path


def test_install_registers_both_schemes_and_keeps_other_defaults(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mimeapps = home / ".config" / "mimeapps.list"
    mimeapps.parent.mkdir(parents=True)
    mimeapps.write_text("[Default Applications]\ntext/html=firefox.desktop\n")
    assert main(["--install-desktop"]) == 0
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(home / ".local/share/applications/dialer-app.desktop")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"].endswith("-m dialer_app %u")
    assert "x-scheme-handler/tel" in desktop["MimeType"]
    assert "x-scheme-handler/callto" in desktop["MimeType"]
    assert (home / ".local/share/icons/hicolor/scalable/apps/dialer-app.svg").exists()
    text = mimeapps.read_text()
    assert "text/html=firefox.desktop" in text
    assert "x-scheme-handler/tel=dialer-app.desktop;" in text
    assert "x-scheme-handler/callto=dialer-app.desktop;" in text
    assert "wrote" in capsys.readouterr().out
    assert main(["--install-desktop"]) == 0  # again: same result, no duplicates
    assert mimeapps.read_text().count("x-scheme-handler/tel=") == 2  # Default + Added
