"""``TeamLeadStore`` can stand where ``LeadStore`` stands; leases renewed and let go."""

from __future__ import annotations

import inspect
from datetime import UTC, datetime

import pytest

from dialer_app.core.leads.store import LeadStore
from dialer_app.core.team.claim import Policy
from dialer_app.core.team.errors import TeamUnavailable
from dialer_app.core.team.store import TeamLeadStore
from tests.team.conftest import StoreFactory, preview_of

PUBLIC = sorted(
    name for name, _ in inspect.getmembers(LeadStore, inspect.isfunction)
    if not name.startswith("_")
)  # fmt: skip


@pytest.mark.parametrize("name", PUBLIC)
def test_every_lead_store_method_is_there_with_the_same_parameters(name: str) -> None:
    ours = inspect.signature(getattr(TeamLeadStore, name))
    theirs = inspect.signature(getattr(LeadStore, name))
    assert list(ours.parameters)[: len(theirs.parameters)] == list(theirs.parameters)
    extra = list(ours.parameters.values())[len(theirs.parameters) :]
    assert all(p.default is not inspect.Parameter.empty for p in extra)
    assert ours.return_annotation == theirs.return_annotation


def test_quitting_lets_go_of_the_lead_and_a_lease_is_renewed(stores: StoreFactory) -> None:
    found = stores("supervisor", "9800000999", "Sunita").create_list(preview_of(2))
    assert found is not None
    now = datetime.now(UTC)
    asha = stores("agent_a", "9800000001", "Asha")
    lead = asha.claim_next(found.list_id, now, 3)
    assert lead is not None
    assert asha.renew(lead.lead_id)
    ravi = stores("agent_b", "9800000002", "Ravi")
    assert not ravi.renew(lead.lead_id)  # not Ravi's to renew
    asha.close()
    again = ravi.claim_next(found.list_id, now, 3)
    assert again is not None
    assert again.lead_id == lead.lead_id


def test_a_statement_that_takes_too_long_is_a_sentence(stores: StoreFactory) -> None:
    asha = stores("agent_a", "9800000001", "Asha", Policy())
    with pytest.raises(TeamUnavailable) as caught:
        asha._run(lambda c: c.execute("SET LOCAL statement_timeout = 50; SELECT pg_sleep(2)"))
    assert "statement timeout" in str(caught.value.sentence)
    assert asha.lists() == []  # the session is still usable
