"""Fixtures for testing the packaged app: the built executable, a clean environment for it,
and a real Secret Service (GNOME Keyring on a private D-Bus session bus).

Every test here needs ``DIALER_FROZEN_APP`` to name the built executable and is skipped
without it::

    scripts/build-app
    DIALER_FROZEN_APP=dist/dialer-app/dialer-app .venv/bin/pytest tests/packaging
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.network import api as api  # the company network's fixtures, shared
from tests.helpers.network import company as company
from tests.helpers.processes import wait_for

FROZEN_APP_VARIABLE = "DIALER_FROZEN_APP"
# Variables of the test run that would change what the frozen app finds: each test sets the
# ones it means to.
_NOT_INHERITED = {
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
    "PYTHON_KEYRING_BACKEND",
    "DBUS_SESSION_BUS_ADDRESS",
    "DIALER_BASE_URL",
    "DIALER_DATA_DIR",
    "DIALER_SELFTEST_TLS_URL",
    *(
        name
        for proxy in ("HTTPS", "HTTP", "ALL", "NO")
        for name in (f"{proxy}_PROXY", f"{proxy.lower()}_proxy")
    ),
}
_KEYRING_TOOLS = ("dbus-daemon", "gnome-keyring-daemon")
_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={folder}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@pytest.fixture(scope="session")
def frozen_app() -> Path:
    """The built executable named by DIALER_FROZEN_APP (skips every test without it)."""
    value = os.environ.get(FROZEN_APP_VARIABLE)
    if not value:
        pytest.skip(f"{FROZEN_APP_VARIABLE} is not set (scripts/build-app builds the app)")
    app = Path(value).resolve()
    if not app.is_file():
        pytest.fail(f"{FROZEN_APP_VARIABLE}={value}: no such file (run scripts/build-app)")
    return app


@pytest.fixture
def app_env(tmp_path: Path) -> dict[str, str]:
    """The test run's environment without TLS, keyring or dialer settings, Qt offscreen.

    keyring reads no configuration file (``XDG_CONFIG_HOME`` is empty) and finds no D-Bus
    session bus, so it has no usable backend unless a test adds one.
    """
    env = {name: value for name, value in os.environ.items() if name not in _NOT_INHERITED}
    config = tmp_path / "config"
    config.mkdir()
    env.update(XDG_CONFIG_HOME=str(config), QT_QPA_PLATFORM="offscreen")
    return env


@pytest.fixture(scope="module")
def secret_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """GNOME Keyring, unlocked, on a private D-Bus session bus; yields the variables to use it.

    The bus has no service activation, so the one daemon started here is the only Secret
    Service a client can reach. The keyring's password comes on stdin (``--unlock``), as PAM
    would pass it at login; its files live in a temporary home.
    """
    missing = [tool for tool in _KEYRING_TOOLS if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install {missing} (gnome-keyring, dbus-daemon)")
        pytest.skip(f"not installed: {missing}")
    pytest.importorskip("secretstorage")
    folder = tmp_path_factory.mktemp("secret-service")
    with _session_bus(folder) as address, _gnome_keyring(folder, address):
        yield {"DBUS_SESSION_BUS_ADDRESS": address}


@contextmanager
def _session_bus(folder: Path) -> Iterator[str]:
    """A dbus-daemon listening in ``folder``; yields its address."""
    config = folder / "bus.conf"
    config.write_text(_BUS_CONFIG.format(folder=folder))
    bus = subprocess.Popen(
        ["dbus-daemon", "--config-file", str(config), "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert bus.stdout is not None
        yield bus.stdout.readline().strip()
    finally:
        _stop(bus)


@contextmanager
def _gnome_keyring(folder: Path, address: str) -> Iterator[None]:
    """gnome-keyring-daemon on the bus at ``address``, its login keyring created and unlocked."""
    (folder / "run").mkdir(mode=0o700)
    env = {
        **os.environ,
        "DBUS_SESSION_BUS_ADDRESS": address,
        "HOME": str(folder),
        "XDG_DATA_HOME": str(folder / "data"),
        "XDG_RUNTIME_DIR": str(folder / "run"),
    }
    log = folder / "gnome-keyring.log"
    with log.open("wb") as output:
        daemon = subprocess.Popen(
            ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
            env=env,
            stdin=subprocess.PIPE,
            stdout=output,
            stderr=output,
        )

    def ready() -> bool:
        if daemon.poll() is not None:
            raise AssertionError(f"gnome-keyring-daemon exited: {log.read_text()}")
        return _default_collection_unlocked(address)

    try:
        assert daemon.stdin is not None
        daemon.stdin.write(b"test keyring password")
        daemon.stdin.close()
        wait_for(ready, "an unlocked GNOME Keyring on the test bus")
        yield
    finally:
        _stop(daemon)


def _stop(process: subprocess.Popen[Any]) -> None:
    process.terminate()
    process.wait(timeout=10)
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            stream.close()


def _default_collection_unlocked(address: str) -> bool:
    """True once the daemon owns the Secret Service name and its login keyring is open."""
    import secretstorage
    from jeepney.io.blocking import open_dbus_connection  # type: ignore[import-untyped]
    from jeepney.wrappers import DBusErrorResponse  # type: ignore[import-untyped]

    with (
        suppress(OSError, DBusErrorResponse, secretstorage.exceptions.SecretStorageException),
        open_dbus_connection(address) as connection,
    ):
        if not secretstorage.check_service_availability(connection):
            return False
        return not secretstorage.Collection(connection).is_locked()
    return False
