"""A real HTTP proxy on loopback: Debian's ``tinyproxy``, started and stopped by the tests.

``Tinyproxy(folder, ...)`` writes a configuration, starts ``tinyproxy -d`` (foreground, its log
on stderr, kept in a file) on a free loopback port and waits until it accepts connections::

    with Tinyproxy(tmp_path, basic_auth=("jane", "pw")) as proxy:
        env = {"HTTPS_PROXY": proxy.url}
        ...
        assert proxy.tunnels() == ["api.dialer-app.test:8443"]
"""

from __future__ import annotations

import re
import socket
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

_START_SECONDS = 10.0
_CONFIG = """\
Port {port}
Listen 127.0.0.1
Timeout 30
LogLevel Info
MaxClients 20
Allow 127.0.0.1
DisableViaHeader Yes
"""
_TUNNEL = re.compile(r"Request \(file descriptor \d+\): CONNECT (\S+) HTTP")
_REQUEST = re.compile(r"Request \(file descriptor \d+\): (\S+) (\S+) HTTP")


def free_port() -> int:
    """A loopback port nothing listens on now (the proxy binds it a moment later)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Tinyproxy:
    """tinyproxy on 127.0.0.1; ``connect_ports`` limits CONNECT, ``basic_auth`` demands a login."""

    def __init__(
        self,
        folder: Path,
        *,
        connect_ports: Sequence[int] = (),
        basic_auth: tuple[str, str] | None = None,
    ) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = folder / "tinyproxy.log"
        config = _CONFIG.format(port=self.port)
        config += "".join(f"ConnectPort {port}\n" for port in connect_ports)
        if basic_auth:
            config += f"BasicAuth {basic_auth[0]} {basic_auth[1]}\n"
        self._config = folder / "tinyproxy.conf"
        self._config.write_text(config)
        self._process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Tinyproxy:
        with self.log.open("wb") as log:
            self._process = subprocess.Popen(
                ["tinyproxy", "-d", "-c", str(self._config)],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
            )
        self._wait_until_listening()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def stop(self) -> None:
        """End the proxy; every tunnel through it is cut. Idempotent."""
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.kill()
            process.wait(timeout=10)

    def tunnels(self) -> list[str]:
        """The ``host:port`` of every CONNECT the proxy was asked for, in order."""
        return _TUNNEL.findall(self._log_text())

    def requests(self) -> list[str]:
        """Every request line the proxy read (``METHOD target``)."""
        return [f"{method} {target}" for method, target in _REQUEST.findall(self._log_text())]

    def _log_text(self) -> str:
        return self.log.read_text(errors="replace")

    def _wait_until_listening(self) -> None:
        """Poll until the port accepts a connection (a subprocess: no event loop to wait on)."""
        deadline = time.monotonic() + _START_SECONDS
        while True:
            assert self._process is not None
            if self._process.poll() is not None:
                raise AssertionError(f"tinyproxy exited: {self._log_text()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                if time.monotonic() > deadline:
                    raise AssertionError(f"tinyproxy did not listen: {self._log_text()}") from None
                time.sleep(0.05)
