"""A throwaway PostgreSQL cluster for the whole session, a fresh database for each test.

Skipped with the reason where PostgreSQL is not installed, but a failure on CI (``CI=true``):
``scripts/setup --test`` installs it there.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest

from dialer_app.core.leads.model import Preview, build_preview
from dialer_app.core.team.claim import Policy
from dialer_app.core.team.connect import TeamTarget, parse_target
from dialer_app.core.team.schema import setup
from dialer_app.core.team.store import TeamLeadStore
from tests.helpers.postgres import Cluster, find_bindir, remove_cluster, start_cluster

AGENTS = ("agent_a", "agent_b", "agent_c")
PASSWORD = "agent-secret-1"
_names = itertools.count()


def admin_connect(info: str) -> psycopg.Connection[tuple[Any, ...]]:
    """The administrator's session (its password in the conninfo: tests only)."""
    return psycopg.connect(info, autocommit=True)


@pytest.fixture(scope="session")
def cluster() -> Iterator[Cluster]:
    bindir = find_bindir()
    if bindir is None:
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL (initdb, pg_ctl) is not installed: scripts/setup --test")
        pytest.skip("PostgreSQL is not installed here (apt-get install postgresql)")
    started = start_cluster(bindir)
    try:
        with admin_connect(started.conninfo()) as conn:
            for statement in _ROLES:
                conn.execute(statement)
        yield started
    finally:
        remove_cluster(started)


_ROLES = (
    *(f"CREATE ROLE {name} LOGIN PASSWORD '{PASSWORD}'" for name in AGENTS),
    f"CREATE ROLE supervisor LOGIN PASSWORD '{PASSWORD}'",
)


@dataclass
class TeamDb:
    """One test's database, set up, with a login per agent."""

    cluster: Cluster
    name: str

    def target(self, user: str = "agent_a", password: str | None = PASSWORD) -> TeamTarget:
        return parse_target(self.cluster.conninfo(user, None, self.name))

    def admin_info(self) -> str:
        return self.cluster.conninfo(dbname=self.name)

    def admin(self) -> psycopg.Connection[tuple[Any, ...]]:
        return admin_connect(self.admin_info())


@pytest.fixture
def empty_db(cluster: Cluster) -> Iterator[TeamDb]:
    """A fresh database, not set up."""
    name = f"team_{os.getpid()}_{next(_names)}"
    with admin_connect(cluster.conninfo()) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    yield TeamDb(cluster, name)
    with contextlib.suppress(Exception), admin_connect(cluster.conninfo()) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def team_db(empty_db: TeamDb) -> TeamDb:
    with empty_db.admin() as conn:
        setup(conn)
        for login in (*AGENTS, "supervisor"):
            role = "dialer_supervisor" if login == "supervisor" else "dialer_agent"
            conn.execute(f"GRANT {role} TO {login}")
    return empty_db


@pytest.fixture
def pgpassword(monkeypatch: pytest.MonkeyPatch) -> None:
    """The agents' password from libpq's own source (PGPASSWORD): never asked."""
    monkeypatch.setenv("PGPASSWORD", PASSWORD)


StoreFactory = Callable[..., TeamLeadStore]


@pytest.fixture
def stores(team_db: TeamDb, tmp_path: Path, pgpassword: None) -> Iterator[StoreFactory]:
    """Make a store for an agent (``login``, ``member``); all closed at the end."""
    made: list[TeamLeadStore] = []

    def make(login: str = "agent_a", member: str = "9800000001", name: str = "Asha",
             policy: Policy | None = None, desk: str = "") -> TeamLeadStore:  # fmt: skip
        store = TeamLeadStore(
            team_db.target(login),
            member,
            name,
            tmp_path / f"outbox-{login}-{len(made)}.db",
            desk=desk or f"desk-{login}-{len(made)}",
            policy=policy,
        )
        made.append(store)
        return store

    yield make
    for store in made:
        with contextlib.suppress(Exception):
            store.close()


def preview_of(count: int, name: str = "Leads", start: int = 0) -> Preview:
    """A list of ``count`` leads with distinct valid numbers (98… ten digits)."""
    rows = [["Name", "Number", "City"]]
    rows += [[f"Lead {i}", f"98{start + i:08d}", "Pune"] for i in range(count)]
    return build_preview(name, f"{name}.csv", rows, lambda _number: False)
