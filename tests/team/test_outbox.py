"""When the database is away: what a claimed call writes waits in the outbox and is sent
once when it is back, never over a newer change; a killed connection is reconnected."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dialer_app.core.leads.model import LeadStatus
from dialer_app.core.records import Outcome
from dialer_app.core.team.errors import TeamRefused, TeamUnavailable
from dialer_app.core.team.outbox import Outbox
from dialer_app.core.team.store import TeamLeadStore
from dialer_app.core.team.writes import Write, apply
from dialer_app.core.text import Sentence
from tests.team.conftest import StoreFactory, TeamDb, preview_of


@pytest.fixture
def claimed(stores: StoreFactory) -> tuple[TeamLeadStore, int]:
    found = stores("supervisor", "9800000999", "Sunita").create_list(preview_of(3))
    assert found is not None
    asha = stores("agent_a", "9800000001", "Asha")
    asha.heartbeat()
    lead = asha.claim_next(found.list_id, datetime.now(UTC), 3)
    assert lead is not None
    return asha, lead.lead_id


@pytest.fixture
def outage(team_db: TeamDb) -> Iterator[TeamDb]:
    """The server stopped for the test's first part; started again by ``back``."""
    yield team_db
    if not (team_db.cluster.data / "postmaster.pid").exists():
        team_db.cluster.start()


def _attempt_rows(db: TeamDb, lead_id: int) -> list[tuple[object, ...]]:
    with db.admin() as conn:
        return conn.execute(
            "SELECT outcome, history_row, disposition FROM attempts WHERE lead_id = %s",
            (lead_id,)).fetchall()  # fmt: skip


def test_a_call_made_while_the_database_is_away_is_sent_once_when_it_is_back(
    claimed: tuple[TeamLeadStore, int], outage: TeamDb
) -> None:
    asha, lead_id = claimed
    outage.cluster.stop()
    asha.begin_attempt(lead_id)
    seen = asha.finish_attempt(lead_id, Outcome.PLACED, "camp-7", 41)
    assert seen is not None
    assert seen.outcome == "placed"
    asha.wrap_up(lead_id, "Interested", "wants a demo", None, do_not_call=False)
    assert asha.pending() == 3
    with pytest.raises(TeamUnavailable) as caught:
        asha.claim_next(1, datetime.now(UTC), 3)  # no new lead meanwhile
    assert str(caught.value.sentence).startswith("The team database cannot be reached")
    outage.cluster.start()
    assert asha.send_outbox() == 3
    assert asha.pending() == 0
    lead = asha.lead(lead_id)
    assert lead is not None
    assert (lead.status, lead.attempts, lead.outcome, lead.campid, lead.disposition) == (
        LeadStatus.CALLED,
        1,
        "placed",
        "camp-7",
        "Interested",
    )
    assert lead.history_row == 41
    assert asha.lead_for_call(41) == lead
    assert _attempt_rows(outage, lead_id) == [("placed", 41, "Interested")]


def test_a_replay_counts_once(claimed: tuple[TeamLeadStore, int], team_db: TeamDb) -> None:
    asha, lead_id = claimed
    write = Write("begin", lead_id, asha.member, asha.desk, "0b7c6f1e-7c1d-4a8e-9d55-0c5e2f1a9b11",
                  {"started_at": datetime.now(UTC).isoformat()}, seen_version=None)  # fmt: skip
    with team_db.admin() as conn:
        assert apply(conn.cursor(), write) is not None
        assert apply(conn.cursor(), write) is None  # the same desk-made id: not again
    assert asha.lead(lead_id).attempts == 1  # type: ignore[union-attr]


def test_a_replay_never_overwrites_a_newer_change(
    claimed: tuple[TeamLeadStore, int], outage: TeamDb
) -> None:
    asha, lead_id = claimed
    outage.cluster.stop()
    asha.wrap_up(lead_id, "Not interested", "from the outbox", None, do_not_call=False)
    outage.cluster.start()
    with outage.admin() as conn:  # a supervisor changed the lead meanwhile
        conn.execute("UPDATE leads SET note = 'supervisor', version = version + 1 WHERE id = %s",
                     (lead_id,))  # fmt: skip
    assert asha.send_outbox() == 1
    assert asha.lead(lead_id).note == "supervisor"  # type: ignore[union-attr]


def test_a_restart_sends_the_outbox_first(
    claimed: tuple[TeamLeadStore, int], outage: TeamDb, stores: StoreFactory, tmp_path: Path
) -> None:
    asha, lead_id = claimed
    outage.cluster.stop()
    asha.begin_attempt(lead_id)
    outbox = asha._outbox.path
    outage.cluster.start()
    again = TeamLeadStore(asha.target, asha.member, asha.member_name, outbox, desk=asha.desk)
    try:
        again.recover()
        assert again.pending() == 0
        assert again.lead(lead_id).outcome == "unknown"  # type: ignore[union-attr]
    finally:
        again.close()


def test_a_killed_connection_is_reconnected_and_nothing_is_lost(
    claimed: tuple[TeamLeadStore, int], team_db: TeamDb
) -> None:
    asha, lead_id = claimed
    with team_db.admin() as conn:
        killed = conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'agent_a'"
            " AND datname = current_database()").fetchall()  # fmt: skip
    assert killed == [(True,)]
    asha.begin_attempt(lead_id)
    asha.finish_attempt(lead_id, Outcome.PLACED, "camp-9", 5)
    assert asha.pending() == 0
    assert _attempt_rows(team_db, lead_id) == [("placed", 5, "")]


def test_the_outbox_keeps_its_order_and_stops_at_a_failure(tmp_path: Path) -> None:
    box = Outbox(tmp_path / "outbox.sqlite3")
    for n in range(3):
        box.add(Write("wrap_up", n, "m", "d", None, {"n": n}))
    sent: list[int] = []

    def sender(write: Write) -> None:
        if write.lead_id == 2 and len(sent) == 2:
            raise TeamUnavailable(Sentence("team", "away"))
        sent.append(write.lead_id)

    with pytest.raises(TeamUnavailable):
        box.send(sender)
    assert sent == [0, 1]
    assert [w.lead_id for w in box.pending()] == [2]
    assert box.send(lambda w: sent.append(w.lead_id)) == 1
    assert len(box) == 0
    box.close()


def test_a_call_begun_live_and_finished_while_away_is_whole_when_it_is_back(
    claimed: tuple[TeamLeadStore, int], outage: TeamDb
) -> None:
    asha, lead_id = claimed
    asha.begin_attempt(lead_id)
    outage.cluster.stop()
    asha.finish_attempt(lead_id, Outcome.PLACED, "camp-3", 8)
    asha.wrap_up(lead_id, "Call back", "", None, do_not_call=False)
    outage.cluster.start()
    assert asha.send_outbox() == 2
    lead = asha.lead(lead_id)
    assert lead is not None
    assert (lead.outcome, lead.disposition, lead.attempts) == ("placed", "Call back", 1)


def test_a_call_is_never_begun_on_a_lead_another_agent_holds(
    claimed: tuple[TeamLeadStore, int], stores: StoreFactory, team_db: TeamDb
) -> None:
    _asha, lead_id = claimed
    ravi = stores("agent_b", "9800000002", "Ravi")
    with pytest.raises(TeamRefused):
        ravi.begin_attempt(lead_id)
    assert _attempt_rows(team_db, lead_id) == []  # rolled back: nothing counted
