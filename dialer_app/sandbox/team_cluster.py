"""A throwaway PostgreSQL cluster for ``scripts/team-demo`` (stdlib only; no part of the app).

The OS package's ``initdb`` and ``pg_ctl``, in a temporary directory, listening on 127.0.0.1
only, on a free port, with scram passwords; removed at the end. PostgreSQL refuses to run as
root: as root the server runs as the ``postgres`` user (or ``nobody``) through ``runuser``.
The tests have their own (with TLS) in ``tests/helpers/postgres.py``.
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


def find_bindir() -> Path | None:
    """Where initdb and pg_ctl are: $PG_BINDIR, pg_config --bindir, Debian's, or PATH."""
    choices = [os.environ.get("PG_BINDIR", "")]
    if shutil.which("pg_config"):
        done = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True)  # noqa: S607
        choices.append(done.stdout.strip())
    base = Path("/usr/lib/postgresql")
    if base.is_dir():
        versions = sorted((p.name for p in base.iterdir() if p.name.isdigit()), key=int)
        choices += [f"/usr/lib/postgresql/{v}/bin" for v in reversed(versions)]
    if shutil.which("initdb"):
        choices.append(str(Path(shutil.which("initdb") or "").resolve().parent))
    for choice in filter(None, choices):
        if (Path(choice) / "initdb").is_file() and (Path(choice) / "pg_ctl").is_file():
            return Path(choice)
    return None


@dataclass
class Cluster:
    """A running cluster on 127.0.0.1:``port``; ``conninfo`` names no password."""

    bindir: Path
    root: Path
    port: int
    password: str
    user: str | None  # the OS user the server runs as (None: this one)

    def conninfo(self, user: str = ADMIN, dbname: str = "postgres") -> str:
        return f"host=127.0.0.1 port={self.port} user={user} dbname={dbname}"

    def _run(self, *args: str) -> None:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self.user is not None:
            command = ["runuser", "-u", self.user, "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd=self.root, timeout=120)  # noqa: S603

    def create_and_start(self) -> None:
        data, pwfile = self.root / "data", self.root / "pw"
        pwfile.write_text(self.password + "\n")
        if self.user is not None:
            shutil.chown(pwfile, self.user)
        self._run("initdb", "-D", str(data), "-U", ADMIN, "--pwfile", str(pwfile),
                  "-A", "scram-sha-256", "-E", "UTF8", "--no-instructions")  # fmt: skip
        pwfile.unlink()
        with open(data / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write(f"listen_addresses = '127.0.0.1'\nport = {self.port}\n"
                       f"unix_socket_directories = '{self.root}'\n")  # fmt: skip
        log = str(self.root / "server.log")
        self._run("pg_ctl", "-D", str(data), "-l", log, "-w", "-t", "60", "start")

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self._run("pg_ctl", "-D", str(self.root / "data"), "-m", "fast", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


def start_cluster(bindir: Path, password: str) -> Cluster:
    """A new cluster, started; its administrator ``ADMIN`` logs in with ``password``."""
    user = None
    if os.geteuid() == 0:
        for name in ("postgres", "nobody"):
            with contextlib.suppress(KeyError):
                pwd.getpwnam(name)
                user = name
                break
    root = Path(tempfile.mkdtemp(prefix="dialer-team-demo-"))
    if user is not None:
        shutil.chown(root, user)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    cluster = Cluster(bindir, root, port, password, user)
    cluster.create_and_start()
    return cluster
