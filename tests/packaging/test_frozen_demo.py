"""The built app places one demo call in a real X server, as tests/smoke does from source.

Also checks what the build leaves out: the Qt plugins, translations and desktop libraries
the app never loads (build.spec).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.helpers.xvfb import run_demo_call


@pytest.mark.xvfb
def test_frozen_app_places_a_demo_call_and_quits(
    frozen_app: Path, app_env: dict[str, str], display: str, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    env = {**app_env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    command = [str(frozen_app), "--demo", "--data-dir", str(data_dir)]
    errors = run_demo_call(command, env, display, data_dir)
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
    # Qt's own translations only for the languages the app ships (Qt has none for Hindi),
    # and the app's compiled catalogues.
    qt_translations = internal / "PySide6" / "Qt" / "translations"
    assert {path.name for path in qt_translations.iterdir()} == {"qtbase_en.qm"}
    catalogues = {path.name for path in (internal / "dialer_app" / "i18n").iterdir()}
    assert catalogues == {"dialer_en.qm", "dialer_hi.qm"}
    unwanted = ("libgtk-3", "libgdk-3", "libcairo", "libpango", "libwayland", "libQt6Wayland")
    assert not [name for name in libraries if name.startswith(unwanted)]
    assert not [path for path in internal.rglob("*") if path.is_symlink() and not path.exists()]
    assert (internal / "certifi" / "cacert.pem").is_file()
    assert list(internal.glob("keyring-*.dist-info/entry_points.txt"))  # finds its backends
