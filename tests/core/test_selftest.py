"""``run_self_test``: the report printed by ``dialer-app --self-test``."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import certifi
import keyring
import pytest

from dialer_app.selftest import (
    TLS_PROBE_VARIABLE,
    CheckResult,
    check_sqlite,
    check_tls,
    run_self_test,
)
from tests.helpers.fonts import without_devanagari
from tests.helpers.keys import StubBackend, no_keyring

if TYPE_CHECKING:
    from tests.helpers.local_tls import LocalTlsServer

SECRET = "s3cr3t-api-key"


class RecordingKeyring(StubBackend):
    """In-memory backend that counts password lookups (conftest installs a plain one)."""

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}
        self.lookups = 0

    def get_password(self, service: str, username: str) -> str | None:
        self.lookups += 1
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[service, username] = password

    def delete_password(self, service: str, username: str) -> None:
        del self.secrets[service, username]


@pytest.fixture
def recording_keyring() -> Iterator[RecordingKeyring]:
    """A RecordingKeyring holding one API key, installed for the test only."""
    previous = keyring.get_keyring()
    backend = RecordingKeyring()
    backend.set_password("dialer-app", "https://app.callerdesk.io/api/", SECRET)
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def failing_keyring() -> Iterator[None]:
    """keyring's 'no backend available' stand-in, installed for the test only."""
    previous = keyring.get_keyring()
    keyring.set_keyring(no_keyring())
    yield
    keyring.set_keyring(previous)


def report_lines(output: io.StringIO) -> dict[str, str]:
    """The check lines of a report, by check name: {'keyring': 'PASS  keyring  ...'}."""
    lines = [line for line in output.getvalue().splitlines() if line[:4] in {"PASS", "FAIL"}]
    return {line.split()[1]: line for line in lines}


def test_all_checks_pass_with_a_usable_keyring(recording_keyring: RecordingKeyring) -> None:
    output = io.StringIO()

    assert run_self_test(output) == 0

    lines = report_lines(output)
    assert list(lines) == ["qt", "sqlite", "tls", "keyring"]
    assert all(line.startswith("PASS") for line in lines.values()), output.getvalue()
    assert "RecordingKeyring (priority 0)" in lines["keyring"]
    assert "platform plugin" in lines["qt"]
    assert "CERT_REQUIRED" in lines["tls"]
    assert output.getvalue().rstrip().endswith("self-test passed: all 4 checks")


def test_never_reads_or_prints_the_stored_key(recording_keyring: RecordingKeyring) -> None:
    output = io.StringIO()

    run_self_test(output)

    assert recording_keyring.lookups == 0
    assert SECRET not in output.getvalue()


def test_without_a_devanagari_font_the_qt_check_says_so_and_passes() -> None:
    env = without_devanagari(
        {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    )
    done = subprocess.run(
        [sys.executable, "-m", "dialer_app", "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert done.returncode == 1, done.stderr  # the keyring's failure only: Qt did not crash
    lines = report_lines(io.StringIO(done.stdout))
    assert lines["qt"].startswith("PASS"), done.stdout
    assert "no Devanagari font (Hindi shows boxes)" in lines["qt"]
    assert "self-test failed: 1 of 4 checks failed" in done.stdout


@pytest.mark.usefixtures("failing_keyring")
def test_fails_when_keyring_has_no_backend() -> None:
    output = io.StringIO()

    assert run_self_test(output) == 1

    keyring_line = report_lines(output)["keyring"]
    assert keyring_line.startswith("FAIL")
    assert "keyring.backends.fail.Keyring" in keyring_line
    assert "self-test failed: 1 of 4 checks failed" in output.getvalue()


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[LocalTlsServer]:
    """An HTTPS server on 127.0.0.1 whose CA is in no bundle: trusted only via SSL_CERT_FILE."""
    pytest.importorskip("cryptography")
    from tests.helpers.local_tls import LocalTlsServer

    with LocalTlsServer(tmp_path) as server:
        yield server


@pytest.fixture
def no_configured_bundle(monkeypatch: pytest.MonkeyPatch) -> None:
    """The system store as OpenSSL finds it by default, without SSL_CERT_FILE/SSL_CERT_DIR."""
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    monkeypatch.delenv(TLS_PROBE_VARIABLE, raising=False)


@pytest.mark.usefixtures("no_configured_bundle")
def test_tls_trusts_the_system_store_and_verifies_hostnames() -> None:
    result = check_tls()

    assert result.passed, result.detail
    assert "verifies with the system trust store (truststore" in result.detail
    assert "verify_mode=CERT_REQUIRED, check_hostname=True" in result.detail
    assert "GET" not in result.detail  # no address to probe: no connection


@pytest.mark.usefixtures("no_configured_bundle")
def test_tls_says_when_it_falls_back_to_certifi(monkeypatch: pytest.MonkeyPatch) -> None:
    import dialer_app.core.callerdesk.tls as tls

    def unloadable() -> tls.Trust:
        raise ImportError("no native verifier here")

    monkeypatch.setattr(tls, "_truststore", unloadable)
    result = check_tls()

    assert result.passed, result.detail
    assert (
        f"verifies with certifi's bundle (OpenSSL default paths plus certifi {certifi.where()})"
        in (result.detail)
    )


@pytest.mark.usefixtures("no_configured_bundle")
def test_tls_probe_passes_when_ssl_cert_file_names_the_ca(
    tls_server: LocalTlsServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(tls_server.ca_file))
    monkeypatch.setenv(TLS_PROBE_VARIABLE, tls_server.url)

    result = check_tls()

    assert result.passed, result.detail
    assert f"{tls_server.ca_file} from SSL_CERT_FILE" in result.detail
    assert (
        f"GET {tls_server.url} directly: HTTP 200, certificate verified by the system trust store"
        in result.detail
    )


@pytest.mark.usefixtures("no_configured_bundle")
def test_tls_probe_fails_when_the_ca_is_not_trusted(
    tls_server: LocalTlsServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(TLS_PROBE_VARIABLE, tls_server.url)

    result = check_tls()

    assert not result.passed
    assert "the certificate was not verified by the system trust store" in result.detail


@pytest.mark.usefixtures("no_configured_bundle")
def test_tls_probe_needs_an_https_address(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TLS_PROBE_VARIABLE, "http://127.0.0.1:9/")

    result = check_tls()

    assert not result.passed
    assert "is not an https:// address" in result.detail


@pytest.mark.usefixtures("recording_keyring")
def test_a_check_that_raises_is_reported_as_a_failure() -> None:
    def broken() -> CheckResult:
        raise FileNotFoundError("no such bundle")

    output = io.StringIO()

    assert run_self_test(output, checks=[("sqlite", check_sqlite), ("tls", broken)]) == 1

    lines = report_lines(output)
    assert lines["sqlite"].startswith("PASS")
    assert lines["tls"] == "FAIL  tls      FileNotFoundError: no such bundle"
    assert "self-test failed: 1 of 2 checks failed" in output.getvalue()
