"""Claiming leads: never the same lead twice, in the team's order, leases that run out."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

from dialer_app.core.leads.model import LeadStatus
from dialer_app.core.records import Outcome
from dialer_app.core.team.claim import Policy
from tests.team.conftest import StoreFactory, TeamDb, preview_of

MAX = 3


def _imported(stores: StoreFactory, count: int) -> int:
    found = stores("supervisor", "9800000999", "Sunita").create_list(preview_of(count))
    assert found is not None
    return found.list_id


def test_two_agents_take_different_leads_in_file_order(stores: StoreFactory) -> None:
    list_id = _imported(stores, 5)
    asha, ravi = stores("agent_a", "9800000001", "Asha"), stores("agent_b", "9800000002", "Ravi")
    now = datetime.now(UTC)
    first, second = asha.claim_next(list_id, now, MAX), ravi.claim_next(list_id, now, MAX)
    assert first is not None
    assert second is not None
    assert (first.position, second.position) == (0, 1)
    assert asha.current(list_id, now, MAX) == asha.lead(first.lead_id)  # kept, not a new one
    asha.set_status(first.lead_id, LeadStatus.SKIPPED, None)  # F6
    nxt = asha.advance(list_id, now, MAX)
    assert nxt is not None
    assert nxt.position == 2
    assert ravi.lead(first.lead_id).status is LeadStatus.SKIPPED  # type: ignore[union-attr]


def _claim_all(stores: StoreFactory, list_id: int, claimers: int) -> list[int]:
    agents = [stores(f"agent_{'abc'[i % 3]}", f"98000001{i:02d}", f"Agent {i}")
              for i in range(claimers)]  # fmt: skip
    taken: list[int] = []
    lock, start = threading.Lock(), threading.Barrier(claimers)

    def work(index: int) -> None:
        store = agents[index]
        start.wait()
        while (lead := store.claim_next(list_id, datetime.now(UTC), MAX)) is not None:
            with lock:
                taken.append(lead.lead_id)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(claimers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return taken


def test_two_concurrent_claimers_never_share_a_lead(stores: StoreFactory) -> None:
    list_id = _imported(stores, 200)
    taken = _claim_all(stores, list_id, 2)
    assert len(taken) == 200
    assert len(set(taken)) == 200


def test_twenty_concurrent_claimers_never_share_a_lead(stores: StoreFactory) -> None:
    list_id = _imported(stores, 400)
    taken = _claim_all(stores, list_id, 20)
    assert len(taken) == 400
    assert len(set(taken)) == 400


def test_a_killed_agents_lead_comes_back_when_its_lease_runs_out(stores: StoreFactory) -> None:
    list_id = _imported(stores, 2)
    now = datetime.now(UTC)
    gone = stores("agent_a", "9800000001", "Asha", Policy(lease_seconds=0))  # ran out at once
    held = gone.claim_next(list_id, now, MAX)
    ravi = stores("agent_b", "9800000002", "Ravi")
    back = ravi.claim_next(list_id, now, MAX)
    assert held is not None
    assert back is not None
    assert back.lead_id == held.lead_id
    kept = stores("agent_c", "9800000003", "Kiran")  # a live lease is respected
    other = kept.claim_next(list_id, now, MAX)
    assert other is not None
    assert other.lead_id != held.lead_id
    assert ravi.claim_next(list_id, now, MAX) is None


def test_a_call_a_crash_cut_short_comes_back_unknown(stores: StoreFactory) -> None:
    list_id = _imported(stores, 1)
    now = datetime.now(UTC)
    crashed = stores("agent_a", "9800000001", "Asha", Policy(lease_seconds=0))
    lead = crashed.claim_next(list_id, now, MAX)
    assert lead is not None
    crashed.begin_attempt(lead.lead_id)  # ... and the desk dies here
    ravi = stores("agent_b", "9800000002", "Ravi", Policy(recall_minutes=0))
    back = ravi.claim_next(list_id, now + timedelta(seconds=1), MAX)
    assert back is not None
    assert back.lead_id == lead.lead_id
    assert (back.status, back.outcome, back.attempts) == (LeadStatus.CALLED, "unknown", 1)


def test_call_backs_go_to_their_agent_first_then_to_anyone_after_the_grace(
    stores: StoreFactory,
) -> None:
    list_id = _imported(stores, 3)
    now = datetime.now(UTC)
    asha, ravi = stores("agent_a", "9800000001", "Asha"), stores("agent_b", "9800000002", "Ravi")
    lead = asha.claim_next(list_id, now, MAX)
    assert lead is not None
    asha.set_status(lead.lead_id, LeadStatus.CALL_BACK, now + timedelta(minutes=10))
    due = now + timedelta(minutes=11)
    taken = ravi.claim_next(list_id, due, MAX)  # due, but Asha's: Ravi gets a new lead
    assert taken is not None
    assert taken.lead_id != lead.lead_id
    mine = asha.claim_next(list_id, due, MAX)
    assert mine is not None
    assert mine.lead_id == lead.lead_id
    asha.release(lead.lead_id)
    late = ravi.claim_next(list_id, now + timedelta(minutes=41), MAX)  # past the grace
    assert late is not None
    assert late.lead_id == lead.lead_id
    assert [c.lead_id for c in ravi.due_call_backs(list_id, now + timedelta(minutes=41), MAX)] == [
        lead.lead_id
    ]


def test_retries_wait_for_their_delay_and_stop_at_the_most_attempts(stores: StoreFactory) -> None:
    list_id = _imported(stores, 1)
    now = datetime.now(UTC)
    asha = stores("agent_a", "9800000001", "Asha", Policy(recall_minutes=30))
    lead = asha.claim_next(list_id, now, MAX)
    assert lead is not None
    asha.begin_attempt(lead.lead_id)
    asha.finish_attempt(lead.lead_id, Outcome.PLACED, "c-1", 11)
    asha.release(lead.lead_id)
    assert asha.claim_next(list_id, now, MAX) is None  # called just now: not yet
    later = now + timedelta(minutes=31)
    again = asha.claim_next(list_id, later, MAX)
    assert again is not None
    assert again.lead_id == lead.lead_id
    assert again.attempts == 1
    asha.release(lead.lead_id)
    assert asha.claim_next(list_id, later, 1) is None  # at the most attempts


def test_a_do_not_call_number_is_never_claimed_and_refused_at_import(stores: StoreFactory) -> None:
    list_id = _imported(stores, 2)
    now = datetime.now(UTC)
    asha, ravi = stores("agent_a", "9800000001", "Asha"), stores("agent_b", "9800000002", "Ravi")
    lead = asha.claim_next(list_id, now, MAX)
    assert lead is not None
    asha.wrap_up(lead.lead_id, "Do not call", "asked", None, do_not_call=True)
    assert ravi.is_do_not_call(lead.number)
    ravi.add_do_not_call("9800000001", "complaint")  # the other lead's number
    assert ravi.claim_next(list_id, now, MAX) is None
    again = stores("supervisor", "9800000999", "Sunita").create_list(preview_of(3, "Again"))
    assert again is not None
    assert again.total == 1
    refused = [x for x in ravi.iter_leads(again.list_id) if x.status is LeadStatus.REFUSED]
    assert [x.reason for x in refused] == [
        "98000 00000 is on the do-not-call list.",
        "98000 00001 is on the do-not-call list.",
    ]


def test_a_file_of_do_not_call_numbers_reaches_every_desk(
    stores: StoreFactory, team_db: TeamDb
) -> None:
    """Numbers imported from a file (one already listed, one twice) are all on the team's
    list, each once, with the reason and who added them; the first entry is kept."""
    asha, ravi = stores("agent_a", "9800000001", "Asha"), stores("agent_b", "9800000002", "Ravi")
    ravi.add_do_not_call("9811111111", "complaint")
    asha.add_do_not_call_all(["9811111111", "9822222222", "9833333333", "9822222222"], "dnd.csv")
    assert all(ravi.is_do_not_call(n) for n in ("9811111111", "9822222222", "9833333333"))
    with team_db.admin() as conn:
        rows = conn.execute(
            "SELECT number, added_by, reason FROM do_not_call ORDER BY number"
        ).fetchall()
    assert rows == [("9811111111", "9800000002", "complaint"),
                    ("9822222222", "9800000001", "dnd.csv"),
                    ("9833333333", "9800000001", "dnd.csv")]  # fmt: skip


def test_another_desk_hears_of_a_do_not_call_number_at_once(
    stores: StoreFactory, team_db: TeamDb
) -> None:
    from dialer_app.core.team.listen import TeamListener

    listener = TeamListener(team_db.target("agent_b"))
    try:
        stores("agent_a", "9800000001", "Asha").add_do_not_call("9812345678", "asked")
        start = time.monotonic()
        assert listener.wait(5) == ["do_not_call:9812345678"]
        assert time.monotonic() - start < 5
        assert listener.wait(0.05) == []
    finally:
        listener.close()


def test_a_paused_list_offers_no_lead(stores: StoreFactory, team_db: TeamDb) -> None:
    list_id = _imported(stores, 2)
    with team_db.admin() as conn:
        conn.execute("UPDATE lists SET paused = true WHERE id = %s", (list_id,))
    assert stores("agent_a").claim_next(list_id, datetime.now(UTC), MAX) is None
