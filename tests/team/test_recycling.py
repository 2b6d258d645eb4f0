"""Recycling and call-backs as a supervisor sets them: a rule brings a 'No answer' lead back
after its delay (an injected clock), never past its attempt limit nor onto a do-not-call
number; a one-off put-back counts first; a reassigned call-back reaches the other agent."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from dialer_app.core.leads.model import LeadStatus
from dialer_app.core.records import Outcome
from dialer_app.core.team.store import TeamLeadStore
from dialer_app.core.team.supervise import NO_ANSWER, RecycleRule, SupervisorDesk
from tests.team.conftest import StoreFactory, TeamDb, preview_of

MAX = 3


@pytest.fixture
def desk(team_db: TeamDb, pgpassword: None) -> Iterator[SupervisorDesk]:
    made = SupervisorDesk(team_db.target("supervisor"))
    yield made
    made.close()


def _list(stores: StoreFactory, count: int) -> int:
    found = stores("supervisor", "9800000999", "Sunita").create_list(preview_of(count))
    assert found is not None
    return found.list_id


def _no_answer(agent: TeamLeadStore, list_id: int, row: int, at: datetime | None = None) -> int:
    """The agent claims the next lead (at ``at``), calls it, nobody answers, lets it go."""
    lead = agent.claim_next(list_id, at or datetime.now(UTC), MAX)
    assert lead is not None
    agent.begin_attempt(lead.lead_id)
    agent.finish_attempt(lead.lead_id, Outcome.PLACED, f"camp-{row}", row)
    agent.record_verdict(row, False, None)
    agent.release(lead.lead_id)
    return lead.lead_id


def test_a_rule_brings_a_no_answer_lead_back_after_its_delay_and_up_to_its_limit(
    stores: StoreFactory, desk: SupervisorDesk
) -> None:
    list_id = _list(stores, 1)
    asha, ravi = stores("agent_a", "9800000001", "Asha"), stores("agent_b", "9800000002", "Ravi")
    lead_id = _no_answer(asha, list_id, 1)
    desk.save_rule(RecycleRule(list_id, NO_ANSWER, delay_minutes=120, max_attempts=2))
    start = datetime.now(UTC)
    assert ravi.claim_next(list_id, start + timedelta(minutes=119), MAX) is None
    back = ravi.claim_next(list_id, start + timedelta(minutes=121), MAX)
    assert back is not None
    assert back.lead_id == lead_id
    ravi.release(lead_id)
    _no_answer(ravi, list_id, 2, start + timedelta(minutes=121))  # the rule's limit: 2
    assert ravi.claim_next(list_id, start + timedelta(days=1), MAX) is None  # never a third
    desk.delete_rule(list_id, NO_ANSWER)  # the team's default (3 attempts, 60 min) again
    assert ravi.claim_next(list_id, start + timedelta(days=1), MAX) is not None


def test_a_rule_never_brings_back_a_number_on_the_do_not_call_list(
    stores: StoreFactory, desk: SupervisorDesk
) -> None:
    list_id = _list(stores, 1)
    asha = stores("agent_a", "9800000001", "Asha")
    lead_id = _no_answer(asha, list_id, 1)
    desk.save_rule(RecycleRule(list_id, NO_ANSWER, delay_minutes=0, max_attempts=5))
    number = asha.lead(lead_id).number  # type: ignore[union-attr]
    asha.add_do_not_call(number, "asked on another list")
    assert asha.claim_next(list_id, datetime.now(UTC) + timedelta(hours=5), MAX) is None


def test_a_disposition_rule_recycles_only_leads_with_that_disposition(
    stores: StoreFactory, desk: SupervisorDesk
) -> None:
    list_id = _list(stores, 2)
    asha = stores("agent_a", "9800000001", "Asha")
    now = datetime.now(UTC)
    for row, disposition in enumerate(("Not interested", "Interested"), start=1):
        lead = asha.claim_next(list_id, now, MAX)
        assert lead is not None
        asha.begin_attempt(lead.lead_id)
        asha.finish_attempt(lead.lead_id, Outcome.PLACED, "", row)
        asha.record_verdict(row, True, 40)
        asha.wrap_up(lead.lead_id, disposition, "", None, do_not_call=False)
    assert asha.claim_next(list_id, now + timedelta(days=2), MAX) is None
    desk.save_rule(RecycleRule(list_id, "Not interested", delay_minutes=24 * 60, max_attempts=2))
    assert desk.outcomes(list_id) == (NO_ANSWER, "Interested", "Not interested")
    assert asha.claim_next(list_id, now + timedelta(hours=23), MAX) is None
    back = asha.claim_next(list_id, now + timedelta(hours=25), MAX)
    assert back is not None
    assert back.disposition == "Not interested"


def test_put_back_counts_first_and_skips_do_not_call_numbers(
    stores: StoreFactory, desk: SupervisorDesk
) -> None:
    list_id = _list(stores, 4)
    asha = stores("agent_a", "9800000001", "Asha")
    leads = [_no_answer(asha, list_id, row) for row in range(1, 4)]
    asha.add_do_not_call(asha.lead(leads[0]).number)  # type: ignore[union-attr]
    assert desk.put_back_count(list_id, NO_ANSWER) == 2
    assert desk.put_back(list_id, NO_ANSWER) == 2
    statuses = [asha.lead(lead).status for lead in leads]  # type: ignore[union-attr]
    assert statuses == [LeadStatus.CALLED, LeadStatus.NEW, LeadStatus.NEW]
    assert desk.put_back_count(list_id, NO_ANSWER) == 0


@pytest.mark.parametrize("to_anyone", [False, True])
def test_a_reassigned_call_back_reaches_the_other_agent(
    stores: StoreFactory, desk: SupervisorDesk, to_anyone: bool
) -> None:
    list_id = _list(stores, 3)
    asha, ravi = stores("agent_a", "9800000001", "Asha"), stores("agent_b", "9800000002", "Ravi")
    asha.heartbeat()
    now = datetime.now(UTC)
    lead = asha.claim_next(list_id, now, MAX)
    assert lead is not None
    asha.set_status(lead.lead_id, LeadStatus.CALL_BACK, now - timedelta(minutes=1))  # F7, due
    seen = desk.call_backs(desk.now())
    assert [(c.lead_id, c.owner_name, c.overdue) for c in seen] == [(lead.lead_id, "Asha", False)]
    ravi.heartbeat()
    assert desk.reassign(lead.lead_id, None if to_anyone else ravi.member)
    if not to_anyone:
        other = asha.claim_next(list_id, now, MAX)  # no longer Asha's: she gets a new lead
        assert other is not None
        assert other.lead_id != lead.lead_id
    got = ravi.claim_next(list_id, now, MAX)
    assert got is not None
    assert got.lead_id == lead.lead_id


def test_a_paused_list_offers_nothing_and_priority_orders_the_lists(
    stores: StoreFactory, desk: SupervisorDesk
) -> None:
    first, second = (
        _list(stores, 2),
        stores("supervisor", "9800000999", "Sunita").create_list(preview_of(2, "Second", start=50)),
    )
    assert second is not None
    desk.set_paused(first, True)
    asha = stores("agent_a", "9800000001", "Asha")
    assert asha.claim_next(first, datetime.now(UTC), MAX) is None
    desk.set_priority(second.list_id, 5)
    rows = desk.lists(desk.now())
    assert [(r.name, r.paused, r.priority, r.leads) for r in rows] == [
        ("Second", False, 5, 2),
        ("Leads", True, 0, 2),
    ]
    desk.set_paused(first, False)
    assert asha.claim_next(first, datetime.now(UTC), MAX) is not None
