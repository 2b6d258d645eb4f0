"""``dialer-app --self-test``: check that a build can run here, without showing a window.

Each check covers something a packaged build most often gets wrong and prints one line::

    dialer-app 0.1.0 self-test (Python 3.11.7, linux, frozen=True)
    PASS  qt       Qt 6.12.0, platform plugin 'offscreen' (available: ...), icon renders
    PASS  sqlite   SQLite 3.40.1, wrote and read back a row in a temporary database
    PASS  tls      OpenSSL 3.0.19 ..., verifies with the system trust store (truststore ...), ...
    FAIL  keyring  keyring.backends.fail.Keyring (priority 0): no usable backend: ...
    self-test failed: 1 of 4 checks failed

The TLS check uses the app's own TLS context and says which store it trusts; with
``DIALER_SELFTEST_TLS_URL=https://...`` it also fetches that address through httpx (and the
system's proxy), so a build can be tried against the real API server or a corporate CA. The
keyring check only asks which backend keyring would use: it never reads, writes or prints a
stored secret. Qt is imported inside ``check_qt`` so the other checks run without it.
"""

from __future__ import annotations

import os
import platform
import sqlite3
import ssl
import sys
import tempfile
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TextIO

import httpx
import keyring
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from dialer_app import __version__
from dialer_app.core.callerdesk.network import build_transport, not_sent_reason
from dialer_app.core.callerdesk.proxy import ProxyChoice, route_for
from dialer_app.core.callerdesk.tls import Trust, is_certificate_failure, system_trust
from dialer_app.core.errors import ConfigError

#: Set to an ``https://`` address to make the TLS check connect to it (e.g. the API server).
TLS_PROBE_VARIABLE = "DIALER_SELFTEST_TLS_URL"

_ICON_SIZE = 64
_PROBE_TIMEOUT = httpx.Timeout(10.0, connect=5.0)


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check: its name, whether it passed, and one line of detail."""

    name: str
    passed: bool
    detail: str


def check_qt() -> CheckResult:
    """Start (or reuse) a QGuiApplication, name its platform plugin and render the app icon.

    Uses the platform from ``QT_QPA_PLATFORM``, or ``offscreen`` when that is unset. An
    application created here is shut down again, so the process is left as it was found.
    A platform plugin that cannot start (e.g. xcb without a display) makes Qt abort the process.
    """
    from PySide6.QtCore import QCoreApplication, qVersion
    from PySide6.QtGui import QGuiApplication

    existing = QCoreApplication.instance()
    if existing is None:
        platform_args = [] if os.environ.get("QT_QPA_PLATFORM") else ["-platform", "offscreen"]
        app = QGuiApplication(["dialer-app", *platform_args])
    elif isinstance(existing, QGuiApplication):
        app = existing
    else:
        return CheckResult("qt", False, "a QCoreApplication without GUI support is running")
    try:
        plugin = QGuiApplication.platformName()
        icon_ok = _icon_renders()
        hindi = _devanagari_font()
    finally:
        if existing is None:
            app.shutdown()
    detail = f"Qt {qVersion()}, platform plugin {plugin!r} (available: {_platform_plugins()})"
    if not icon_ok:
        return CheckResult("qt", False, f"{detail}, but the app icon (icon.svg) did not render")
    languages = _translations()
    fonts = (
        f"Devanagari drawn with {hindi!r}" if hindi else "no Devanagari font (Hindi shows boxes)"
    )
    detail += f", icon renders, {fonts}, translations: {', '.join(languages) or 'none'}"
    return CheckResult("qt", "hi" in languages, detail)


def _devanagari_font() -> str:
    """The font Qt draws Hindi with (the system's, through fontconfig); "" if only boxes.

    Without a font for the script Qt lays the text out with its box engine, and asking that
    engine's raw font for its family crashes Qt: the layout is only probed when the font
    database knows a Devanagari font.
    """
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QFont, QFontDatabase, QTextLayout

    if not QFontDatabase.families(QFontDatabase.WritingSystem.Devanagari):
        return ""
    layout = QTextLayout("कॉल करें", QFont())
    layout.beginLayout()
    layout.createLine().setPosition(QPointF(0, 0))
    layout.endLayout()
    runs = layout.glyphRuns()
    if not runs or any(0 in run.glyphIndexes() for run in runs):
        return ""
    return runs[0].rawFont().familyName()


def _translations() -> list[str]:
    """The languages whose compiled catalogue (dialer_<lang>.qm) the package carries."""
    folder = resources.files("dialer_app") / "i18n"
    names = [item.name for item in folder.iterdir()] if folder.is_dir() else []
    return sorted(name[len("dialer_") : -len(".qm")] for name in names if name.endswith(".qm"))


def _icon_renders() -> bool:
    """Load the packaged icon.svg through QIcon, as a window would, and look at one pixel."""
    from PySide6.QtGui import QIcon

    icon_file = resources.files("dialer_app") / "resources" / "icon.svg"
    with resources.as_file(icon_file) as path:
        if not path.is_file():
            return False
        pixmap = QIcon(str(path)).pixmap(_ICON_SIZE, _ICON_SIZE)
    if pixmap.isNull():
        return False
    return pixmap.toImage().pixelColor(_ICON_SIZE // 2, _ICON_SIZE // 2).alpha() > 0


def _platform_plugins() -> str:
    """Names of the Qt platform plugins this build ships, e.g. ``offscreen, wayland, xcb``."""
    from PySide6.QtCore import QLibraryInfo

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    if not folder.is_dir():
        return "none found"
    names = {
        path.name.split(".")[0].removeprefix("lib").removeprefix("q")
        for path in folder.iterdir()
        if path.suffix in {".so", ".dll", ".dylib"}
    }
    return ", ".join(sorted(names)) or "none found"


def check_sqlite() -> CheckResult:
    """Create a database in a temporary directory, commit a row, read it back anew."""
    with tempfile.TemporaryDirectory(prefix="dialer-selftest-") as folder:
        database = Path(folder) / "selftest.sqlite3"
        with closing(sqlite3.connect(database)) as connection, connection:
            connection.execute("CREATE TABLE probe (id INTEGER PRIMARY KEY, note TEXT NOT NULL)")
            connection.execute("INSERT INTO probe (note) VALUES (?)", ("self-test",))
        with closing(sqlite3.connect(database)) as connection:
            rows = connection.execute("SELECT note FROM probe").fetchall()
    if rows != [("self-test",)]:
        return CheckResult("sqlite", False, f"SQLite {sqlite3.sqlite_version}, read back {rows!r}")
    detail = f"SQLite {sqlite3.sqlite_version}, wrote and read back a row in a temporary database"
    return CheckResult("sqlite", True, detail)


def check_tls() -> CheckResult:
    """Check that the TLS context the app's HTTP client uses verifies certificates.

    The context is the client's (``core.tls.system_trust``): the system trust store through
    truststore, or certifi's bundle where truststore cannot load; the line says which. With
    ``DIALER_SELFTEST_TLS_URL`` set to an ``https://`` address, the check also GETs it through
    httpx with that context, through the system's proxy when it names one (as the app would
    with the proxy choice "System"), and passes only if the server's certificate verified (any
    HTTP status will do). Nothing is sent but the GET: no key, no parameters.
    """
    trust = system_trust()
    context = trust.context
    detail = (
        f"{ssl.OPENSSL_VERSION}, verifies with {trust.store} ({trust.detail}), "
        f"verify_mode={context.verify_mode.name}, check_hostname={context.check_hostname}"
    )
    if context.verify_mode != ssl.CERT_REQUIRED or not context.check_hostname:
        return CheckResult("tls", False, f"{detail}: certificates would not be verified")
    url = os.environ.get(TLS_PROBE_VARIABLE)
    if not url:
        return CheckResult("tls", trust.found, detail)
    passed, outcome = _probe(url, trust)
    return CheckResult("tls", passed, f"{detail}; {outcome}")


def _probe(url: str, trust: Trust) -> tuple[bool, str]:
    """GET ``url`` with the app's TLS context and route; (passed, what happened)."""
    if not url.startswith("https://"):
        return False, f"{TLS_PROBE_VARIABLE}={url!r} is not an https:// address"
    try:
        route = route_for(url, ProxyChoice())
    except ConfigError as exc:
        return False, f"GET {url}: {exc}"
    via = "directly" if route.direct else f"through the proxy {route.label}"
    transport = build_transport(route, trust.context, keepalive=False)
    try:
        with httpx.Client(transport=transport, timeout=_PROBE_TIMEOUT, trust_env=False) as client:
            response = client.get(url, headers={"User-Agent": f"dialer-app/{__version__}"})
    except httpx.HTTPError as exc:
        if is_certificate_failure(exc):
            return False, f"GET {url} {via}: the certificate was not verified by {trust.store}"
        return False, f"GET {url} {via}: {not_sent_reason(exc, route)} ({type(exc).__name__})"
    return True, (
        f"GET {url} {via}: HTTP {response.status_code}, certificate verified by {trust.store}"
    )


def check_keyring() -> CheckResult:
    """Name the backend keyring would store the API key in; fail if there is none."""
    backend = keyring.get_keyring()
    backend_class = type(backend)
    detail = f"{backend_class.__module__}.{backend_class.__qualname__}"
    detail += f" (priority {_priority(backend_class)})"
    if isinstance(backend, fail.Keyring | null.Keyring):
        hint = "no usable backend: an API key would be kept for this session only"
        return CheckResult("keyring", False, f"{detail}: {hint}")
    if isinstance(backend, chainer.ChainerBackend):
        chained = ", ".join(type(each).__name__ for each in backend.backends)
        detail += f", chaining {chained or 'nothing'}"
    return CheckResult("keyring", True, detail)


def _priority(backend_class: type[KeyringBackend]) -> str:
    """The backend's priority, or why it has none (priority raises when a backend is unusable)."""
    try:
        return f"{backend_class.priority:g}"
    except Exception as exc:  # a third-party backend may raise anything here
        return f"unknown: {type(exc).__name__}"


Check = Callable[[], CheckResult]

CHECKS: tuple[tuple[str, Check], ...] = (
    ("qt", check_qt),
    ("sqlite", check_sqlite),
    ("tls", check_tls),
    ("keyring", check_keyring),
)


def run_self_test(out: TextIO, checks: Sequence[tuple[str, Check]] = CHECKS) -> int:
    """Run the checks, print one line per check to ``out``; return 0 if all passed, else 1."""
    out.write(
        f"dialer-app {__version__} self-test (Python {platform.python_version()}, "
        f"{sys.platform}, frozen={getattr(sys, 'frozen', False)})\n"
    )
    results = [_run(name, check) for name, check in checks]
    for result in results:
        out.write(f"{'PASS' if result.passed else 'FAIL'}  {result.name:<8} {result.detail}\n")
    failed = sum(not result.passed for result in results)
    if failed:
        out.write(f"self-test failed: {failed} of {len(results)} checks failed\n")
    else:
        out.write(f"self-test passed: all {len(results)} checks\n")
    out.flush()
    return 1 if failed else 0


def _run(name: str, check: Check) -> CheckResult:
    """Run one check; an exception is a failure whose detail names it."""
    try:
        return check()
    except Exception as exc:
        return CheckResult(name, False, f"{type(exc).__name__}: {exc}")
