"""A throwaway PostgreSQL cluster for the team tests: the OS package's initdb and pg_ctl.

The cluster lives in a temporary directory, listens on 127.0.0.1 only (no Unix socket in a
shared place) on a free port, trusts nobody (scram passwords), and is removed at the end.
PostgreSQL refuses to run as root: as root the server runs as the ``postgres`` user the
Debian package creates (or ``nobody``), through ``runuser``.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

ADMIN = "dialer_admin"
ADMIN_PASSWORD = "admin-secret-0"
_CANDIDATES = ("/usr/lib/postgresql/{v}/bin",)


def find_bindir() -> Path | None:
    """Where initdb and pg_ctl are: $PG_BINDIR, pg_config --bindir, Debian's, or PATH."""
    choices: list[str] = []
    if os.environ.get("PG_BINDIR"):
        choices.append(os.environ["PG_BINDIR"])
    if shutil.which("pg_config"):
        done = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True)
        choices.append(done.stdout.strip())
    base = Path("/usr/lib/postgresql")
    if base.is_dir():
        versions = sorted((p.name for p in base.iterdir() if p.name.isdigit()), key=int)
        choices += [f"/usr/lib/postgresql/{v}/bin" for v in reversed(versions)]
    if shutil.which("initdb"):
        choices.append(str(Path(shutil.which("initdb") or "").resolve().parent))
    for choice in choices:
        if (Path(choice) / "initdb").is_file() and (Path(choice) / "pg_ctl").is_file():
            return Path(choice)
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Cluster:
    """A running cluster: ``conninfo(user, password)`` for a login, ``stop``/``start``."""

    bindir: Path
    root: Path
    port: int
    user: str | None  # the OS user the server runs as (None: this one)

    @property
    def data(self) -> Path:
        return self.root / "data"

    def conninfo(self, user: str = ADMIN, password: str | None = ADMIN_PASSWORD,
                 dbname: str = "postgres") -> str:  # fmt: skip
        text = f"host=127.0.0.1 port={self.port} user={user} dbname={dbname}"
        return text if password is None else f"{text} password={password}"

    @property
    def ca_file(self) -> Path:
        """The CA that signed the server's certificate (in no system store)."""
        return self.root / "test-ca.pem"

    def _certificate(self) -> None:
        from tests.helpers.local_tls import _write_ca_and_server_certificate

        cert, key = self.data / "server.crt", self.data / "server.key"
        _write_ca_and_server_certificate(self.ca_file, cert, key)
        _own(cert, self.user, 0o644)
        _own(key, self.user, 0o600)

    def _run(self, *args: str) -> None:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self.user is not None:
            command = ["runuser", "-u", self.user, "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd=self.root, timeout=120)

    def start(self) -> None:
        log = str(self.root / "server.log")
        self._run("pg_ctl", "-D", str(self.data), "-l", log, "-w", "-t", "60", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def create(self) -> None:
        pwfile = self.root / "pw"
        pwfile.write_text(ADMIN_PASSWORD + "\n")
        if self.user is not None:
            shutil.chown(pwfile, self.user)
        self._run("initdb", "-D", str(self.data), "-U", ADMIN, "--pwfile", str(pwfile),
                  "-A", "scram-sha-256", "-E", "UTF8", "--no-instructions")  # fmt: skip
        pwfile.unlink()
        settings = (
            f"listen_addresses = '127.0.0.1'\nport = {self.port}\n"
            f"unix_socket_directories = '{self.root}'\nfsync = off\n"
            "synchronous_commit = off\nfull_page_writes = off\nmax_connections = 300\n"
            "shared_buffers = 128MB\nssl = on\n"
        )
        self._certificate()
        with open(self.data / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write(settings)


def _own(path: Path, user: str | None, mode: int) -> None:
    path.chmod(mode)
    if user is not None:
        shutil.chown(path, user)


def server_user() -> str | None:
    """The OS user to run the server as: None when we are not root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    return None


def start_cluster(bindir: Path) -> Cluster:
    user = server_user()
    root = Path(tempfile.mkdtemp(prefix="dialer-pg-"))
    if user is not None:
        shutil.chown(root, user)
    cluster = Cluster(bindir, root, free_port(), user)
    cluster.create()
    cluster.start()
    return cluster


def remove_cluster(cluster: Cluster) -> None:
    with contextlib.suppress(subprocess.CalledProcessError):  # a test may have stopped it
        cluster.stop()
    shutil.rmtree(cluster.root, ignore_errors=True)
