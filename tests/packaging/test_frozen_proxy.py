"""The built app behind a company network: ``HTTPS_PROXY`` set to a real proxy (tinyproxy), the
API over HTTPS with a certificate from a company CA that is only in the system store.

The frozen app places a call (the real window, in a real X server, the key in a real GNOME
Keyring) through the proxy, and its ``--self-test`` verifies the API's certificate through it.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pytest

from dialer_app.sandbox import Sandbox
from tests.helpers.hours import allow_any_hour
from tests.helpers.keys import SENTINEL
from tests.helpers.network import API_HOST, Company, api_url
from tests.helpers.processes import wait_for
from tests.helpers.tinyproxy import Tinyproxy
from tests.helpers.xvfb import _outcomes, xdotool
from tests.packaging.test_frozen_selftest import run_self_test


def store_key(bus: dict[str, str], base_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Put the API key where the app looks: service dialer-app, user = the base URL."""
    from keyring.backends import SecretService

    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus["DBUS_SESSION_BUS_ADDRESS"])
    SecretService.Keyring().set_password(  # type: ignore[no-untyped-call]
        "dialer-app", base_url, SENTINEL
    )


def test_self_test_verifies_the_api_through_the_proxy_with_the_system_store(
    frozen_app: Path, app_env: dict[str, str], api: Sandbox, tmp_path: Path
) -> None:
    with Tinyproxy(tmp_path) as proxy:
        env = {**app_env, "HTTPS_PROXY": proxy.url, "DIALER_SELFTEST_TLS_URL": api_url(api)}
        run = run_self_test(frozen_app, env)

    tls = run.lines["tls"]
    assert tls.startswith("PASS"), run.output
    assert f"through the proxy 127.0.0.1:{proxy.port}" in tls
    assert "certificate verified by the system trust store" in tls
    assert proxy.tunnels()


@pytest.mark.xvfb
def test_frozen_app_places_a_call_through_the_proxy(
    frozen_app: Path,
    app_env: dict[str, str],
    secret_service: dict[str, str],
    display: str,
    company: Company,
    api: Sandbox,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    base_url = api_url(api)
    store_key(secret_service, base_url, monkeypatch)
    data_dir = tmp_path / "data"
    allow_any_hour(data_dir)
    with Tinyproxy(tmp_path / "proxy") as proxy:
        env = {
            **app_env,
            **secret_service,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "HTTPS_PROXY": proxy.url,
        }
        command = [str(frozen_app), "--base-url", base_url, "--data-dir", str(data_dir)]
        errors = _place_one_call(command, env, display, data_dir)
        tunnels = proxy.tunnels()

    assert "Traceback" not in errors, errors
    assert len(api.received("click_to_call_v3")) == 1
    port = base_url.split(":")[2].split("/")[0]
    assert set(tunnels) == {f"{API_HOST}:{port}"}  # lists, balance and the call: all proxied
    log = (data_dir / "dialer.log").read_text()
    assert f"Requests go through 127.0.0.1:{proxy.port}" in log
    assert SENTINEL not in log


def _place_one_call(command: list[str], env: dict[str, str], display: str, data: Path) -> str:
    """Start the app, wait for its lists, type a number and Return, wait for the placed row,
    quit with Ctrl+Q; give what the app wrote to stderr."""
    with tempfile.TemporaryFile("w+") as stderr:
        app = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
        try:
            wait_for(lambda: xdotool(display, "search", "--name", "^Dialer$") != "", "the window")
            window = xdotool(display, "search", "--name", "^Dialer$").splitlines()[0]
            log = data / "dialer.log"
            wait_for(lambda: log.exists() and "Loaded 30 members" in log.read_text(), "the lists")
            xdotool(display, "windowfocus", "--sync", window)
            xdotool(display, "type", "--delay", "20", "98765 43210")
            xdotool(display, "key", "Return")
            history = data / "history.sqlite3"
            wait_for(lambda: _outcomes(history) == ["placed"], "a placed call in the history")
            xdotool(display, "key", "--window", window, "ctrl+q")
            assert app.wait(timeout=30) == 0
        finally:
            if app.poll() is None:
                app.kill()
                app.wait(timeout=10)
        stderr.seek(0)
        return stderr.read()
