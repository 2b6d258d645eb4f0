"""A company network on one machine: a real proxy, a company CA in the system store, HTTPS.

- ``company``: a CA made for the test run, installed the way an IT department installs one
  (``/usr/local/share/ca-certificates`` + ``update-ca-certificates``), and the API's host name
  ``api.dialer-app.test`` in ``/etc/hosts`` (for the proxy: the client never resolves it, and it
  must not be a loopback name, which is never proxied). Both are removed afterwards. Needs root
  (CI runs as root on a throw-away machine); skipped with the reason otherwise.
- ``api``: the sandbox served over HTTPS with a certificate for that name from the company CA.
- ``Tinyproxy`` (tests/helpers/tinyproxy.py): Debian's tinyproxy on loopback.

Every test that uses these runs without proxy or CA variables from the outside
(``SSL_CERT_FILE`` would replace the system store), so what it finds is what an agent's
machine would.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from dialer_app.sandbox import Sandbox
from tests.helpers.keys import SENTINEL

if TYPE_CHECKING:
    import ssl

API_HOST = "api.dialer-app.test"
HOSTS = Path("/etc/hosts")
CA_FOLDER = Path("/usr/local/share/ca-certificates")
CERTS_FOLDER = Path("/etc/ssl/certs")
_VARIABLES = (
    "HTTPS_PROXY",
    "HTTP_PROXY",
    "ALL_PROXY",
    "NO_PROXY",
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
    "DIALER_SELFTEST_TLS_URL",
)


def need_tools(*tools: str) -> None:
    """Fail in CI (which must install them), skip elsewhere, when a tool is missing."""
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install {missing} (scripts/setup --test)")
        pytest.skip(f"not installed: {missing}")


@pytest.fixture(autouse=True)
def outside_variables_removed(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in _VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


@pytest.fixture
def proxy_tools() -> None:
    need_tools("tinyproxy")


@dataclass(frozen=True)
class Company:
    """The company CA (trusted by the system) and a server context for the API host."""

    ca_file: Path
    api_context: ssl.SSLContext
    folder: Path


@pytest.fixture(scope="session")
def company(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Company]:
    if os.geteuid() != 0:
        pytest.skip("needs root: installs a test CA into the system store and a host name")
    need_tools("tinyproxy", "update-ca-certificates")
    pytest.importorskip("cryptography")
    from tests.helpers.local_tls import server_context

    folder = tmp_path_factory.mktemp("company")
    ca_file, context = server_context(folder / "ca", [API_HOST], "dialer-app test company CA")
    with _in_system_store(ca_file), _host_name(API_HOST):
        yield Company(ca_file, context, folder)


@pytest.fixture
def api(company: Company) -> Iterator[Sandbox]:
    """The sandbox over HTTPS, its certificate from the company CA."""
    with Sandbox(authcode=SENTINEL, call_seconds=0, tls=company.api_context) as sandbox:
        yield sandbox


def api_url(sandbox: Sandbox) -> str:
    """The sandbox's base URL under the API's host name (which only the proxy resolves)."""
    return sandbox.base_url.replace("127.0.0.1", API_HOST)


class _in_system_store:  # noqa: N801 - used as a context manager, like contextlib's
    """Install a CA certificate into the system store; remove it on exit."""

    def __init__(self, ca_file: Path) -> None:
        self._target = CA_FOLDER / f"dialer-app-test-{uuid.uuid4().hex[:12]}.crt"
        self._ca_file = ca_file

    def __enter__(self) -> None:
        CA_FOLDER.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self._ca_file, self._target)
        _update_ca_certificates()

    def __exit__(self, *exc_info: object) -> None:
        self._target.unlink(missing_ok=True)
        # update-ca-certificates rebuilds the bundle without it but keeps the links it made
        # (only --fresh, which rebuilds every link, would drop them): remove those two.
        link = CERTS_FOLDER / f"{self._target.stem}.pem"
        for path in CERTS_FOLDER.iterdir():
            if path.is_symlink() and os.readlink(path) in (link.name, str(link)):
                path.unlink()
        link.unlink(missing_ok=True)
        _update_ca_certificates()


def _update_ca_certificates() -> None:
    subprocess.run(["update-ca-certificates"], check=True, capture_output=True, timeout=120)


class _host_name:  # noqa: N801
    """A line ``127.0.0.1 <name>`` in /etc/hosts while inside; the file is edited in place
    (it may be a bind mount) and only that line is removed again."""

    def __init__(self, name: str) -> None:
        self._line = f"127.0.0.1 {name}  # dialer-app tests {uuid.uuid4().hex[:8]}\n"

    def __enter__(self) -> None:
        text = HOSTS.read_text()
        HOSTS.write_text(text + ("" if text.endswith("\n") or not text else "\n") + self._line)

    def __exit__(self, *exc_info: object) -> None:
        HOSTS.write_text(HOSTS.read_text().replace(self._line, ""))
