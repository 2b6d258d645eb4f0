"""Agent states in the team database: heartbeats, pauses with their times, and a paused
agent claims no lead (the claim itself refuses, whatever the desk asks)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from dialer_app.core.team.presence import call_detail, pause_reasons
from dialer_app.core.team.supervise import SupervisorDesk
from dialer_app.core.team.watch import india_today, shown_state
from tests.team.conftest import StoreFactory, TeamDb, preview_of

MAX = 3


def _list(stores: StoreFactory, count: int = 5) -> int:
    found = stores("supervisor", "9800000999", "Sunita").create_list(preview_of(count))
    assert found is not None
    return found.list_id


def test_a_paused_agent_claims_no_lead_until_resumed(stores: StoreFactory, team_db: TeamDb) -> None:
    list_id = _list(stores)
    asha, ravi = stores("agent_a", "9800000001", "Asha"), stores("agent_b", "9800000002", "Ravi")
    asha.heartbeat()
    asha.pause("Lunch")
    now = datetime.now(UTC)
    assert asha.claim_next(list_id, now, MAX) is None
    assert asha.is_paused()
    asha.heartbeat("ready")  # a heartbeat does not end a pause: only resume() does
    assert asha.claim_next(list_id, now, MAX) is None
    taken = ravi.claim_next(list_id, now, MAX)
    assert taken is not None
    assert taken.position == 0
    asha.resume()
    mine = asha.claim_next(list_id, now, MAX)
    assert mine is not None
    assert mine.position == 1
    with team_db.admin() as conn:
        pauses = conn.execute(
            "SELECT member, reason, ended_at IS NOT NULL, ended_at >= started_at FROM pauses"
        ).fetchall()
    assert pauses == [("9800000001", "Lunch", True, True)]


def test_a_new_reason_is_a_new_pause_and_the_same_one_is_not(
    stores: StoreFactory, team_db: TeamDb
) -> None:
    asha = stores("agent_a", "9800000001", "Asha")
    asha.pause("Break")
    asha.heartbeat("paused", "Break")  # the periodic heartbeat of a paused desk
    asha.pause("Meeting")
    assert stores("agent_a", "9800000001", "Asha").paused_reason() == "Meeting"  # a restart
    asha.resume()
    assert asha.paused_reason() is None
    with team_db.admin() as conn:
        rows = conn.execute("SELECT reason, ended_at IS NULL FROM pauses ORDER BY started_at")
        assert rows.fetchall() == [("Break", False), ("Meeting", False)]


def test_the_supervisor_reads_each_state_and_offline_after_a_minute(
    stores: StoreFactory, team_db: TeamDb
) -> None:
    asha, ravi = stores("agent_a", "9800000001", "Asha"), stores("agent_b", "9800000002", "Ravi")
    meera = stores("agent_c", "9800000003", "Meera")
    asha.heartbeat("on_call", call_detail("+91 98765 43210", "ringing"))
    ravi.pause("Training")
    meera.heartbeat("wrap_up")
    with team_db.admin() as conn:
        conn.execute("UPDATE agents SET last_seen = now() - interval '61 seconds'"
                     " WHERE member = '9800000003'")  # fmt: skip
    desk = SupervisorDesk(team_db.target("supervisor"))
    try:
        now = desk.now()
        seen = {a.name: (shown_state(a, now), a.detail) for a in desk.agents(india_today(now))}
    finally:
        desk.close()
    assert seen == {
        "Asha": ("on_call", "…3210 · ringing"),
        "Ravi": ("paused", "Training"),
        "Meera": ("offline", ""),
    }


def test_an_agent_may_not_write_another_agents_state(stores: StoreFactory) -> None:
    from dialer_app.core.team.errors import TeamError

    stores("agent_a", "9800000001", "Asha").pause("Break")
    impostor = stores("agent_b", "9800000001", "Asha")  # another login, Asha's member
    with pytest.raises(TeamError):
        impostor.resume()


@pytest.mark.parametrize(
    ("setting", "reasons"),
    [
        ("", ("Break", "Lunch", "Training", "Meeting")),
        ("Tea, Coaching ,,QA", ("Tea", "Coaching", "QA")),
    ],
)
def test_pause_reasons_come_from_the_setting_in_order(
    setting: str, reasons: tuple[str, ...]
) -> None:
    assert pause_reasons(setting) == reasons


def test_the_on_call_detail_never_holds_the_whole_number() -> None:
    assert call_detail("09876543210", "answered") == "…3210 · answered"
    assert call_detail("", "ringing") == "ringing"
