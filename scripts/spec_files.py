"""What build.spec computes rather than states: the version, and which collected files to drop.

build.spec says what the build must be (per-OS settings, the Qt plugins the app may load); this
module turns that into PyInstaller's lists. It imports nothing of PyInstaller at module level,
so tests/tooling/test_spec_files.py checks it without a build.

A TOC entry is PyInstaller's ``(dest_name, source_path, kind)``; kind is "BINARY", "DATA",
"SYMLINK" (source is then the collected name it points to) and so on.
"""

from __future__ import annotations

import ast
import os
import re
from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from pathlib import Path

Entry = tuple[str, str, str]
# The Qt plugins kept, by plugin folder: None keeps the whole folder, a set keeps the plugins of
# those names (file name without "lib", "q" and the suffix). Other folders are left out.
PluginAllowList = Mapping[str, AbstractSet[str] | None]
# The libraries a binary links to: PyInstaller's bindepend.get_imports, as (name, path) pairs.
GetImports = Callable[[str], Iterable[tuple[str, str | None]]]


def read_version(root: Path) -> str:
    """``__version__`` from dialer_app/__init__.py, parsed rather than imported."""
    source = (root / "dialer_app" / "__init__.py").read_text(encoding="utf-8")
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "__version__" for target in node.targets
        ):
            return str(ast.literal_eval(node.value))
    raise SystemExit("build.spec: no __version__ in dialer_app/__init__.py")


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """The four numbers of a Windows file version: "1.2.3rc1" is (1, 2, 3, 1)."""
    numbers = [int(part) for part in re.findall(r"\d+", version)[:4]]
    a, b, c, d = numbers + [0] * (4 - len(numbers))
    return a, b, c, d


def windows_version_info(version: str, name: str, product: str) -> object:
    """The Windows file properties (Details tab) of ``name``.exe, with the package's version."""
    # PyInstaller.utils.win32 needs pefile: Windows builds only.
    from PyInstaller.utils.win32 import versioninfo as vi  # type: ignore[import-untyped]

    numbers = version_numbers(version)
    strings = {
        "FileDescription": product,
        "FileVersion": version,
        "InternalName": name,
        "OriginalFilename": f"{name}.exe",
        "ProductName": product,
        "ProductVersion": version,
    }
    table = vi.StringTable("040904B0", [vi.StringStruct(k, v) for k, v in strings.items()])
    return vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            vi.StringFileInfo([table]),
            vi.VarFileInfo([vi.VarStruct("Translation", [0x0409, 1200])]),  # US English, UTF-16
        ],
    )


def qt_plugin(dest_name: str) -> tuple[str, str] | None:
    """(folder, name) of a collected Qt plugin, e.g. ("platforms", "xcb"); None if not one."""
    parts = Path(dest_name).parts
    if parts[0] != "PySide6" or "plugins" not in parts[:3] or len(parts) < 4:
        return None
    folder = parts[parts.index("plugins") + 1]
    name = Path(parts[-1]).name.split(".")[0].removeprefix("lib").removeprefix("q")
    return folder, name


# Qt's own translations of the languages the app ships (dialer_app/i18n): the rest are left
# out. Qt has none for Hindi (its dialogs' buttons are the app's own texts there).
APP_LANGUAGES = ("en", "hi")
KEPT_QT_TRANSLATIONS = frozenset(f"qtbase_{language}.qm" for language in APP_LANGUAGES)


def is_unused_qt_file(dest_name: str, plugins: PluginAllowList, unused: AbstractSet[str]) -> bool:
    """A plugin outside ``plugins``, a Qt translation of a language the app does not ship, or
    in ``unused``."""
    parts = Path(dest_name).parts
    if parts[0] != "PySide6":
        return False
    if "translations" in parts[:3]:
        return parts[-1] not in KEPT_QT_TRANSLATIONS
    if parts[-1] in unused:
        return True
    plugin = qt_plugin(dest_name)
    if plugin is None:
        return False
    folder, name = plugin
    if folder not in plugins:
        return True
    wanted = plugins[folder]
    return wanted is not None and name not in wanted


def real(path: str) -> str:
    """A file's path with symbolic links resolved, comparable with others (case on Windows)."""
    return os.path.normcase(os.path.realpath(path))


def libraries_only_they_need(
    removed: list[Entry], kept: list[Entry], get_imports: GetImports
) -> set[str]:
    """Sources of the kept binaries that only the removed binaries link to, if indirectly.

    PyInstaller collected each plugin's libraries along with it (GTK for the gtk3 theme, the
    Wayland client library for the Wayland plugin...). A library some removed plugin needs
    is dropped too, unless anything kept needs it, directly or through another library.
    """
    imports: dict[str, set[str]] = {}

    def needed_by(sources: list[str]) -> set[str]:
        found: set[str] = set()
        todo = [real(source) for source in sources]
        while todo:
            source = todo.pop()
            if source not in imports:
                imports[source] = {real(path) for _name, path in get_imports(source) if path}
            for library in imports[source] - found:
                found.add(library)
                todo.append(library)
        return found

    candidates = needed_by([source for _dest, source, _kind in removed])
    roots = [source for _dest, source, _kind in kept if real(source) not in candidates]
    return candidates - needed_by(roots)


def without(toc: list[Entry], dropped: set[str]) -> list[Entry]:
    """The TOC list without the dropped files and the symbolic links to them.

    On macOS a Qt library is a .framework folder (binary, Info.plist, Versions/Current links):
    all of it goes.
    """
    marker = ".framework/"
    folders = tuple(name[: name.index(marker) + len(marker)] for name in dropped if marker in name)

    def gone(name: str) -> bool:
        return name in dropped or name.startswith(folders)

    return [
        (dest, source, kind)
        for dest, source, kind in toc
        if not gone(dest) and not (kind == "SYMLINK" and gone(source))
    ]


def prune_qt(
    binaries: list[Entry],
    datas: list[Entry],
    plugins: PluginAllowList,
    unused: AbstractSet[str],
    get_imports: GetImports,
) -> tuple[list[Entry], list[Entry], str]:
    """Binaries and datas without the unused Qt files and the libraries only they needed.

    Also returns a sentence for the build log. (PyInstaller has no option for this: its Qt
    hooks collect every plugin of a used Qt module, and the binary dependencies of each.)
    """
    unused_plugins = [entry for entry in binaries if is_unused_qt_file(entry[0], plugins, unused)]
    used = [entry for entry in binaries if not is_unused_qt_file(entry[0], plugins, unused)]
    orphans = libraries_only_they_need(unused_plugins, used, get_imports)
    dropped = {dest for dest, _source, _kind in unused_plugins}
    dropped |= {dest for dest, source, _kind in used if real(source) in orphans}
    kept_datas = [
        entry
        for entry in without(datas, dropped)
        if not is_unused_qt_file(entry[0], plugins, unused)
    ]
    names = ", ".join(sorted(Path(each).name for each in orphans))
    note = (
        f"Left out {len(unused_plugins)} Qt plugins, Qt's translations and {len(orphans)} "
        f"libraries only those plugins needed: {names}"
    )
    return without(binaries, dropped), kept_datas, note
