"""The built app's ``--self-test``, run as a user's machine would run it.

Pass path with a real Secret Service (GNOME Keyring), fail path without a keyring backend,
and the TLS probe against a local HTTPS server whose CA is trusted only through
``SSL_CERT_FILE``, the way a corporate CA is handed to applications.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from keyring.backend import KeyringBackend

from dialer_app import __version__
from tests.helpers.fonts import devanagari_hidden, without_devanagari

if TYPE_CHECKING:
    from tests.helpers.local_tls import LocalTlsServer

CHECKS = ["qt", "sqlite", "tls", "keyring"]


@dataclass(frozen=True)
class SelfTestRun:
    """What ``<app> --self-test`` printed and returned; ``lines`` by check name."""

    returncode: int
    output: str
    lines: dict[str, str]


def run_self_test(app: Path, env: dict[str, str]) -> SelfTestRun:
    done = subprocess.run(
        [str(app), "--self-test"], env=env, capture_output=True, text=True, timeout=120
    )
    lines = {
        line.split()[1]: line for line in done.stdout.splitlines() if line[:4] in {"PASS", "FAIL"}
    }
    return SelfTestRun(done.returncode, done.stdout + done.stderr, lines)


@pytest.fixture
def keyring_env(app_env: dict[str, str], secret_service: dict[str, str]) -> dict[str, str]:
    """app_env plus the private session bus with an unlocked GNOME Keyring."""
    return {**app_env, **secret_service}


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[LocalTlsServer]:
    """HTTPS on 127.0.0.1 signed by a CA made for the test (cryptography is a keyring dependency
    on Linux)."""
    pytest.importorskip("cryptography")
    from tests.helpers.local_tls import LocalTlsServer

    with LocalTlsServer(tmp_path) as server:
        yield server


def test_reports_the_package_version(frozen_app: Path, app_env: dict[str, str]) -> None:
    done = subprocess.run(
        [str(frozen_app), "--version"], env=app_env, capture_output=True, text=True, timeout=60
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"dialer-app {__version__}"


def test_self_test_passes_with_an_unlocked_gnome_keyring(
    frozen_app: Path, keyring_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run = run_self_test(frozen_app, keyring_env)

    assert run.returncode == 0, run.output
    assert list(run.lines) == CHECKS
    assert all(line.startswith("PASS") for line in run.lines.values()), run.output
    assert "frozen=True" in run.output
    assert "keyring.backends.SecretService.Keyring (priority 5)" in run.lines["keyring"]
    assert "platform plugin 'offscreen'" in run.lines["qt"]
    if devanagari_hidden(keyring_env):  # .ci/run's pass without fonts-noto-core
        assert "no Devanagari font (Hindi shows boxes)" in run.lines["qt"]
    else:
        assert "Devanagari drawn with" in run.lines["qt"]  # Hindi is drawn, not boxes
    assert "translations: en, hi" in run.lines["qt"]  # the catalogues are in the build
    # truststore loaded in the frozen build: the system store verifies, not the fallback
    assert "verifies with the system trust store (truststore" in run.lines["tls"]
    # The backend the app found really stores and returns a key on that bus.
    from keyring.backends import SecretService

    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", keyring_env["DBUS_SESSION_BUS_ADDRESS"])
    backend: KeyringBackend = SecretService.Keyring()  # type: ignore[no-untyped-call]
    backend.set_password("dialer-app-test", "https://example.invalid/", "round-trip")
    assert backend.get_password("dialer-app-test", "https://example.invalid/") == "round-trip"
    backend.delete_password("dialer-app-test", "https://example.invalid/")


def test_self_test_says_when_no_font_draws_hindi(
    frozen_app: Path, keyring_env: dict[str, str]
) -> None:
    run = run_self_test(frozen_app, without_devanagari(keyring_env))

    assert run.returncode == 0, run.output  # no crash in Qt's text layout, and no failure
    assert run.lines["qt"].startswith("PASS"), run.output
    assert "no Devanagari font (Hindi shows boxes)" in run.lines["qt"]


def test_self_test_fails_without_a_keyring_backend(
    frozen_app: Path, app_env: dict[str, str]
) -> None:
    run = run_self_test(
        frozen_app, {**app_env, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    )

    assert run.returncode == 1, run.output
    assert run.lines["keyring"].startswith("FAIL  keyring  keyring.backends.fail.Keyring")
    assert all(run.lines[name].startswith("PASS") for name in ("qt", "sqlite", "tls")), run.output
    assert "self-test failed: 1 of 4 checks failed" in run.output


def test_tls_probe_passes_when_ssl_cert_file_names_the_ca(
    frozen_app: Path, keyring_env: dict[str, str], tls_server: LocalTlsServer
) -> None:
    env = {
        **keyring_env,
        "SSL_CERT_FILE": str(tls_server.ca_file),
        "DIALER_SELFTEST_TLS_URL": tls_server.url,
    }

    run = run_self_test(frozen_app, env)

    assert run.returncode == 0, run.output
    assert "certificate verified" in run.lines["tls"]


def test_tls_probe_fails_when_the_ca_is_not_trusted(
    frozen_app: Path, keyring_env: dict[str, str], tls_server: LocalTlsServer
) -> None:
    env = {**keyring_env, "DIALER_SELFTEST_TLS_URL": tls_server.url}

    run = run_self_test(frozen_app, env)

    assert run.returncode == 1, run.output
    assert run.lines["tls"].startswith("FAIL")
    assert "the certificate was not verified by the system trust store" in run.lines["tls"]
    assert all(run.lines[name].startswith("PASS") for name in ("qt", "sqlite", "keyring"))
