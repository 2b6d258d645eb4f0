"""What the database lets each role do, with real logins granted dialer_agent / supervisor;
and the migrations, from each earlier version."""

from __future__ import annotations

from datetime import UTC, datetime

import psycopg
import pytest

from dialer_app.core.team.errors import TeamRefused
from dialer_app.core.team.schema import MIGRATIONS, SCHEMA_VERSION, setup, version
from tests.team.conftest import PASSWORD, StoreFactory, TeamDb, admin_connect, preview_of


def _as(db: TeamDb, login: str) -> psycopg.Connection[tuple[object, ...]]:
    return psycopg.connect(db.cluster.conninfo(login, PASSWORD, db.name), autocommit=True)


@pytest.fixture
def worked(team_db: TeamDb, stores: StoreFactory) -> tuple[int, int]:
    """A list of 3; agent_a holds its first lead; the do-not-call list has one number."""
    found = stores("supervisor", "9800000999", "Sunita").create_list(preview_of(3))
    assert found is not None
    asha = stores("agent_a", "9800000001", "Asha")
    lead = asha.claim_next(found.list_id, datetime.now(UTC), 3)
    assert lead is not None
    asha.add_do_not_call("9811111111", "asked")
    return found.list_id, lead.lead_id


@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM lists",
        "DELETE FROM leads",
        "DELETE FROM do_not_call",
        "UPDATE do_not_call SET reason = 'x'",
        "INSERT INTO lists (name) VALUES ('mine')",
        "UPDATE leads SET number = '9822222222'",
        "DROP TABLE leads",
    ],
)
def test_an_agent_is_refused(team_db: TeamDb, worked: tuple[int, int], statement: str) -> None:
    with _as(team_db, "agent_b") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(statement)


def test_an_agent_cannot_change_a_lead_another_agent_holds(
    team_db: TeamDb, worked: tuple[int, int], stores: StoreFactory
) -> None:
    _list_id, held = worked
    with _as(team_db, "agent_b") as conn:
        changed = conn.execute(
            "UPDATE leads SET status = 'skipped', claimed_by = NULL, claimed_role = NULL"
            " WHERE id = %s", (held,))  # fmt: skip
        assert changed.rowcount == 0  # invisible to the update: row-level security
    ravi = stores("agent_b", "9800000002", "Ravi")
    with pytest.raises(TeamRefused) as caught:
        ravi.set_current(worked[0], held)
    assert str(caught.value.sentence) == "Another agent is working on this lead."
    with pytest.raises(TeamRefused):
        ravi.wrap_up(held, "Not interested", "", None, do_not_call=False)
    assert ravi.lead(held).status.value == "new"  # type: ignore[union-attr]


def test_an_agent_importing_gets_a_sentence(team_db: TeamDb, stores: StoreFactory) -> None:
    with pytest.raises(TeamRefused) as caught:
        stores("agent_a").create_list(preview_of(2))
    assert "does not allow agent_a to" in str(caught.value.sentence)


def test_a_supervisor_may_delete_and_unblock(team_db: TeamDb, worked: tuple[int, int]) -> None:
    with _as(team_db, "supervisor") as conn:
        assert conn.execute("DELETE FROM do_not_call").rowcount == 1
        assert conn.execute("DELETE FROM lists").rowcount == 1


@pytest.mark.parametrize("start", range(SCHEMA_VERSION))
def test_migrations_from_each_earlier_version(empty_db: TeamDb, start: int) -> None:
    with admin_connect(empty_db.admin_info()) as conn:
        assert setup(conn, upto=start) == list(range(1, start + 1))
        if start:
            conn.execute("INSERT INTO lists (name) VALUES ('kept')")
        assert setup(conn) == list(range(start + 1, SCHEMA_VERSION + 1))
        assert setup(conn) == []  # idempotent: nothing pending
        assert version(conn) == SCHEMA_VERSION == max(MIGRATIONS)
        kept = conn.execute("SELECT count(*) FROM lists").fetchone()
        assert kept == ((1,) if start else (0,))
