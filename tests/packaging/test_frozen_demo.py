"""The built app places one demo call in a real X server, as tests/smoke does from source.

Also checks what the build leaves out: the Qt plugins, translations and desktop libraries
the app never loads (build.spec).
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from tests.smoke.test_xvfb import wait_for, xdotool


@pytest.mark.xvfb
def test_frozen_app_places_a_demo_call_and_quits(
    frozen_app: Path, app_env: dict[str, str], display: str, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    env = {**app_env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    with (tmp_path / "stderr.txt").open("w+") as stderr:
        app = subprocess.Popen(
            [str(frozen_app), "--demo", "--data-dir", str(data_dir)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
        try:
            wait_for(lambda: xdotool(display, "search", "--name", "DEMO") != "", "the window")
            window = xdotool(display, "search", "--name", "DEMO").splitlines()[0]
            assert "Dialer — DEMO (sandbox)" in xdotool(display, "getwindowname", window)
            history = data_dir / "demo" / "history.sqlite3"
            log = data_dir / "demo" / "dialer.log"
            wait_for(lambda: log.exists() and "Loaded 30 members" in log.read_text(), "the lists")
            xdotool(display, "windowfocus", "--sync", window)  # no window manager
            xdotool(display, "type", "--delay", "20", "98765 43210")
            xdotool(display, "key", "Return")
            wait_for(lambda: _outcomes(history) == ["placed"], "a placed call in the history")
            xdotool(display, "key", "--window", window, "ctrl+q")
            assert app.wait(timeout=30) == 0
        finally:
            if app.poll() is None:
                app.kill()
                app.wait(timeout=10)
        stderr.seek(0)
        errors = stderr.read()
    assert "Traceback" not in errors, errors
    assert "Cannot load library" not in errors, errors  # a Qt plugin missing a library


@pytest.mark.skipif(sys.platform != "linux", reason="checks the Linux one-dir layout")
def test_build_leaves_out_what_the_app_never_loads(frozen_app: Path) -> None:
    internal = frozen_app.parent / "_internal"
    plugins = internal / "PySide6" / "Qt" / "plugins"
    platforms = {path.name for path in (plugins / "platforms").iterdir()}
    libraries = {path.name for path in internal.iterdir()}

    assert platforms == {"libqxcb.so", "libqoffscreen.so", "libqminimal.so"}
    assert [path.name for path in (plugins / "platformthemes").iterdir()] == [
        "libqxdgdesktopportal.so"
    ]
    assert [path.name for path in (plugins / "imageformats").iterdir()] == ["libqsvg.so"]
    assert not (plugins / "tls").exists()
    assert not (internal / "PySide6" / "Qt" / "translations").exists()
    unwanted = ("libgtk-3", "libgdk-3", "libcairo", "libpango", "libwayland", "libQt6Wayland")
    assert not [name for name in libraries if name.startswith(unwanted)]
    assert not [path for path in internal.rglob("*") if path.is_symlink() and not path.exists()]
    assert (internal / "certifi" / "cacert.pem").is_file()
    assert list(internal.glob("keyring-*.dist-info/entry_points.txt"))  # finds its backends


def _outcomes(history: Path) -> list[str]:
    with closing(sqlite3.connect(history)) as db:
        return [row[0] for row in db.execute("SELECT outcome FROM calls")]
