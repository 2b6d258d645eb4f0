"""build.spec's file-list logic (scripts/spec_files.py), without a build."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLUGINS = {"platforms": {"xcb", "offscreen"}, "styles": None}
UNUSED = frozenset({"opengl32sw.dll"})


def load_spec_files() -> ModuleType:
    spec = importlib.util.spec_from_file_location("spec_files", ROOT / "scripts/spec_files.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def spec_files() -> ModuleType:
    return load_spec_files()


def test_the_version_is_the_package_s(spec_files: ModuleType) -> None:
    from dialer_app import __version__

    assert spec_files.read_version(ROOT) == __version__
    assert spec_files.version_numbers("1.2.3rc1") == (1, 2, 3, 1)
    assert spec_files.version_numbers("0.1") == (0, 1, 0, 0)


@pytest.mark.parametrize(
    ("dest", "unused"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
        ("PySide6/Qt/plugins/platforms/libqwayland-egl.so", True),  # not in the allow-list
        ("PySide6/Qt/plugins/styles/libqwindowsvistastyle.so", False),  # None: whole folder
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", True),  # folder not named
        ("PySide6/Qt/translations/qtbase_de.qm", True),
        ("PySide6/Qt/translations/qtbase_en.qm", False),  # a language the app ships
        ("PySide6/Qt/translations/qtbase_hi.qm", False),  # (Qt has none for Hindi yet)
        ("PySide6/opengl32sw.dll", True),
        ("PySide6/Qt/lib/libQt6Core.so.6", False),  # a library, not a plugin
        ("certifi/cacert.pem", False),
    ],
)
def test_unused_qt_files_are_plugins_off_the_list_translations_and_named_files(
    spec_files: ModuleType, dest: str, unused: bool
) -> None:
    assert spec_files.is_unused_qt_file(dest, PLUGINS, UNUSED) is unused


def test_a_library_only_a_dropped_plugin_needs_goes_with_it(
    spec_files: ModuleType, tmp_path: Path
) -> None:
    lib = {name: str(tmp_path / name) for name in ("xcb.so", "wl.so", "gtk.so", "dbus.so")}
    links = {lib["xcb.so"]: [lib["dbus.so"]], lib["wl.so"]: [lib["gtk.so"], lib["dbus.so"]]}

    def get_imports(source: str) -> Iterable[tuple[str, str | None]]:
        return [(Path(path).name, path) for path in links.get(source, [])]

    plugins = "PySide6/Qt/plugins/platforms"
    binaries = [
        (f"{plugins}/libqxcb.so", lib["xcb.so"], "BINARY"),
        (f"{plugins}/libqwayland.so", lib["wl.so"], "BINARY"),
        ("PySide6/Qt/lib/libgtk.so", lib["gtk.so"], "BINARY"),
        ("PySide6/Qt/lib/libdbus.so", lib["dbus.so"], "BINARY"),
        ("PySide6/Qt/lib/libgtk.so.3", "PySide6/Qt/lib/libgtk.so", "SYMLINK"),
    ]
    datas = [("PySide6/Qt/translations/qt_de.qm", "/x/qt_de.qm", "DATA"), ("a.txt", "/a", "DATA")]
    kept, kept_datas, note = spec_files.prune_qt(binaries, datas, PLUGINS, UNUSED, get_imports)
    assert [dest for dest, _source, _kind in kept] == [
        f"{plugins}/libqxcb.so",
        "PySide6/Qt/lib/libdbus.so",  # xcb needs it too
    ]
    assert kept_datas == [("a.txt", "/a", "DATA")]
    assert note.startswith("Left out 1 Qt plugins, Qt's translations and 1 libraries")
    assert note.endswith(": gtk.so")


def test_a_dropped_macos_framework_goes_whole(spec_files: ModuleType) -> None:
    framework = "PySide6/Qt/lib/QtDBus.framework/"
    toc = [
        (framework + "Versions/A/QtDBus", "/s/QtDBus", "BINARY"),
        (framework + "Resources/Info.plist", "/s/Info.plist", "DATA"),
        ("PySide6/Qt/lib/QtCore.framework/QtCore", "/s/QtCore", "BINARY"),
    ]
    assert spec_files.without(toc, {framework + "Versions/A/QtDBus"}) == [toc[2]]
