#!/usr/bin/env python3
"""Two agents working one lead list: a throwaway PostgreSQL cluster, ``--team-setup``, the demo
list imported for the team, two agent windows (two members) and the supervisor's window.

    scripts/team-demo            (sets up .venv, then runs this)

Needs the OS package's PostgreSQL server (``apt-get install postgresql``: ``initdb`` and
``pg_ctl``; nothing is installed or started system-wide). Each window is a real
``dialer-app --demo`` with its own data directory and its own sandbox; the agents' password
comes from ``PGPASSWORD`` (libpq's own source: never asked). Close both windows (or Ctrl+C)
and the cluster is removed.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dialer_app.core.leads.model import build_preview  # noqa: E402
from dialer_app.core.leads.read import read_table  # noqa: E402
from dialer_app.core.team.connect import parse_target  # noqa: E402
from dialer_app.core.team.store import TeamLeadStore  # noqa: E402
from dialer_app.sandbox.data import MEMBERS  # noqa: E402
from dialer_app.sandbox.team_cluster import ADMIN, find_bindir, start_cluster  # noqa: E402

DATABASE = "dialer_demo"
ADMIN_PASSWORD = "demo-admin"  # noqa: S105  a throwaway cluster on loopback
AGENT_PASSWORD = "demo-agent"  # noqa: S105
AGENTS = ("agent_one", "agent_two")
SUPERVISOR = "supervisor_one"
DEMO_LIST = ROOT / "dialer_app" / "resources" / "demo-leads.csv"
APP = [sys.executable, "-m", "dialer_app"]


def main() -> int:
    bindir = find_bindir()
    if bindir is None:
        print("team-demo: PostgreSQL's initdb and pg_ctl are not installed "
              "(apt-get install postgresql, or set PG_BINDIR)", file=sys.stderr)  # fmt: skip
        return 1
    signal.signal(signal.SIGTERM, _interrupted)  # ended from outside: clean up as for Ctrl+C
    cluster = start_cluster(bindir, ADMIN_PASSWORD)
    work = Path(tempfile.mkdtemp(prefix="dialer-team-demo-desks-"))
    desks: list[subprocess.Popen[bytes]] = []
    try:
        admin_env = {**os.environ, "PGPASSWORD": ADMIN_PASSWORD}
        _admin(cluster.conninfo(), f"CREATE DATABASE {DATABASE}", admin_env)
        admin_db = cluster.conninfo(ADMIN, DATABASE)
        print(f"PostgreSQL on 127.0.0.1:{cluster.port}; running --team-setup:")
        setup = [*APP, "--team-database", admin_db, "--team-setup"]
        subprocess.run(setup, env=admin_env, check=True)  # noqa: S603  our own command
        for login in AGENTS:
            _admin(admin_db, f"CREATE ROLE {login} LOGIN PASSWORD '{AGENT_PASSWORD}'", admin_env)
            _admin(admin_db, f"GRANT dialer_agent TO {login}", admin_env)
        _admin(admin_db, f"CREATE ROLE {SUPERVISOR} LOGIN PASSWORD '{AGENT_PASSWORD}'",
               admin_env)  # fmt: skip
        _admin(admin_db, f"GRANT dialer_supervisor TO {SUPERVISOR}", admin_env)
        _import_for_team(admin_db, work)
        desks += [_open_desk(cluster.conninfo(login, DATABASE), work / login, index)
                  for index, login in enumerate(AGENTS)]  # fmt: skip
        desks.append(_open_supervisor(cluster.conninfo(SUPERVISOR, DATABASE), work / SUPERVISOR))
        print(
            "Two agents, one list: each window takes its own lead; the supervisor's window "
            "shows their states, the list's bar and the day's charts. Close all three to end."
        )
        for desk in desks:
            desk.wait()
        return 0
    except KeyboardInterrupt:
        return 0
    finally:
        for desk in desks:  # each quits through its one shutdown path (SIGTERM)
            desk.terminate()
        for desk in desks:
            desk.wait(30)
        cluster.remove()
        shutil.rmtree(work, ignore_errors=True)


def _interrupted(_signal: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _admin(conninfo: str, statement: str, env: dict[str, str]) -> None:
    import psycopg

    with psycopg.connect(conninfo, password=env["PGPASSWORD"], autocommit=True) as conn:
        conn.execute(statement)  # type: ignore[arg-type]  # the demo's own fixed statements


def _import_for_team(admin_db: str, work: Path) -> None:
    """The demo list, imported for the team (what Lists → Import does on a team's desk)."""
    preview = build_preview(DEMO_LIST.stem, DEMO_LIST.name, read_table(DEMO_LIST),
                            lambda _number: False)  # fmt: skip
    store = TeamLeadStore(parse_target(admin_db), "", "", work / "admin-outbox.sqlite3",
                          password=lambda _name: ADMIN_PASSWORD)  # fmt: skip
    try:
        store.create_list(preview)
    finally:
        store.close()
    print(f"Imported {len(preview.ready)} leads for the team as {DEMO_LIST.stem!r}.")


def _open_desk(conninfo: str, data_dir: Path, index: int) -> subprocess.Popen[bytes]:
    """One agent's window: its own data directory, its member, the team's list active."""
    member = MEMBERS[index].num[-10:]
    settings = data_dir / "demo" / "settings.ini"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(f"[dial]\nlast_member_number={member}\n", encoding="utf-8")
    env = {**os.environ, "PGPASSWORD": AGENT_PASSWORD}
    command = [*APP, "--demo", "--data-dir", str(data_dir), "--team-database", conninfo,
               "--list", DEMO_LIST.stem]  # fmt: skip
    return subprocess.Popen(command, env=env)  # noqa: S603  our own command


def _open_supervisor(conninfo: str, data_dir: Path) -> subprocess.Popen[bytes]:
    """The supervisor's window on the same team database (a login granted dialer_supervisor)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PGPASSWORD": AGENT_PASSWORD}
    command = [*APP, "--supervisor", "--data-dir", str(data_dir), "--team-database", conninfo]
    return subprocess.Popen(command, env=env)  # noqa: S603  our own command


if __name__ == "__main__":
    sys.exit(main())
