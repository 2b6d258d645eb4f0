"""Import for the team (COPY, progress, Cancel leaves nothing) and the export's agent column."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

from tests.team.conftest import StoreFactory, preview_of


def test_an_import_reports_progress_and_keeps_file_order(stores: StoreFactory) -> None:
    sunita = stores("supervisor", "9800000999", "Sunita")
    seen: list[int] = []
    found = sunita.create_list(preview_of(5000), seen.append)
    assert found is not None
    assert found.total == 5000
    assert sunita.count(found.list_id) == 5000
    assert seen == [2000, 4000]
    assert [lead.position for lead in sunita.page(found.list_id, 4998, 10)] == [4998, 4999]
    assert sunita.progress(found.list_id).total == 5000
    assert sunita.find_list("Leads") == found
    assert sunita.active_list() == found


def test_a_cancelled_import_leaves_nothing(stores: StoreFactory) -> None:
    sunita = stores("supervisor", "9800000999", "Sunita")
    assert sunita.create_list(preview_of(5000), cancelled=lambda: True) is None
    assert sunita.lists() == []
    second = sunita.create_list(preview_of(3))
    assert second is not None
    assert second.name == "Leads"


def test_the_same_name_gets_a_number(stores: StoreFactory) -> None:
    sunita = stores("supervisor", "9800000999", "Sunita")
    names = [sunita.create_list(preview_of(1)) for _ in range(3)]
    assert [found.name for found in names if found] == ["Leads", "Leads (2)", "Leads (3)"]


def test_the_export_names_the_agent_of_each_lead(stores: StoreFactory, tmp_path: Path) -> None:
    from dialer_app.core.team.export import export_team_list

    sunita = stores("supervisor", "9800000999", "Sunita")
    found = sunita.create_list(preview_of(3))
    assert found is not None
    asha = stores("agent_a", "9800000001", "Asha Rao")
    asha.heartbeat()
    lead = asha.claim_next(found.list_id, datetime.now(UTC), 3)
    assert lead is not None
    asha.begin_attempt(lead.lead_id)
    asha.finish_attempt(lead.lead_id, "placed", "c-1", 3)
    asha.wrap_up(lead.lead_id, "Interested", "", None, do_not_call=False)
    target = tmp_path / "out.csv"
    assert export_team_list(sunita, found, target) == 3
    with target.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["dialer_agent"] for row in rows] == ["Asha Rao", "", ""]
    assert rows[0]["Name"] == "Lead 0"
    assert rows[0]["disposition"] == "Interested"


def test_a_verdict_after_the_wrap_up_still_finds_its_call(stores: StoreFactory) -> None:
    found = stores("supervisor", "9800000999", "Sunita").create_list(preview_of(1))
    assert found is not None
    asha = stores("agent_a", "9800000001", "Asha")
    lead = asha.claim_next(found.list_id, datetime.now(UTC), 3)
    assert lead is not None
    asha.begin_attempt(lead.lead_id)
    asha.finish_attempt(lead.lead_id, "placed", "c-1", 77)
    asha.wrap_up(lead.lead_id, "Interested", "", None, do_not_call=False)
    after = asha.record_verdict(77, connected=True, talk=42)
    assert after is not None
    assert (after.talk_seconds, after.disposition) == (42, "Interested")
    with_verdict = asha._run(lambda c: c.execute(
        "SELECT verdict, talk_seconds, disposition FROM attempts").fetchall())  # fmt: skip
    assert with_verdict == [("connected", 42, "Interested")]
