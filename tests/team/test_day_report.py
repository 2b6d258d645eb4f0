"""``--team-report DAY OUT.xlsx``: the day's figures equal counts made by SQL here."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from dialer_app.core.callerdesk.report import IST
from dialer_app.core.records import Outcome
from dialer_app.core.team.day_report import AGENT_COLUMNS, team_report
from dialer_app.core.team.store import TeamLeadStore
from tests.helpers.xlsx import read_sheet
from tests.team.conftest import StoreFactory, TeamDb, preview_of

MAX = 3


def _call(agent: TeamLeadStore, list_id: int, row: int, verdict: str, talk: int) -> None:
    lead = agent.claim_next(list_id, datetime.now(UTC), MAX)
    assert lead is not None
    agent.begin_attempt(lead.lead_id)
    agent.finish_attempt(lead.lead_id, Outcome.PLACED, f"c{row}", row)
    agent.record_verdict(row, verdict == "connected", talk if verdict == "connected" else None)
    if verdict == "left_waiting":
        agent.mark_left_waiting(row)
    agent.wrap_up(lead.lead_id, "", "", None, do_not_call=False)


def _activity(stores: StoreFactory, team_db: TeamDb) -> None:
    found = stores("supervisor", "9800000999", "Sunita").create_list(preview_of(6, "Diwali"))
    assert found is not None
    asha, ravi = stores("agent_a", "9800000001", "Asha"), stores("agent_b", "9800000002", "Ravi")
    for agent in (asha, ravi):
        agent.heartbeat()
    _call(asha, found.list_id, 1, "connected", 30)
    _call(asha, found.list_id, 2, "no_answer", 0)
    _call(ravi, found.list_id, 3, "left_waiting", 0)
    _call(ravi, found.list_id, 4, "connected", 95)
    asha.pause("Lunch")
    with team_db.admin() as conn:
        conn.execute("UPDATE pauses SET started_at = now() - interval '5 minutes 10 seconds'")
    asha.resume()


def _sql_counts(team_db: TeamDb) -> list[tuple[object, ...]]:
    """The same figures, counted here in SQL, straight from the tables."""
    with team_db.admin() as conn:
        return conn.execute(
            "SELECT g.name, count(a.id) FILTER (WHERE a.outcome = 'placed'),"
            " count(a.id) FILTER (WHERE a.verdict = 'connected'),"
            " COALESCE(sum(a.talk_seconds) FILTER (WHERE a.verdict = 'connected'), 0),"
            " count(a.id) FILTER (WHERE a.verdict = 'left_waiting'),"
            " (SELECT COALESCE(floor(sum(extract(epoch FROM p.ended_at - p.started_at)) / 60), 0)"
            "  FROM pauses p WHERE p.member = g.member)"
            " FROM agents g LEFT JOIN attempts a ON a.member = g.member GROUP BY g.member, g.name"
            " ORDER BY g.name"
        ).fetchall()


def test_the_reports_figures_equal_a_count_made_by_sql(
    stores: StoreFactory, team_db: TeamDb, tmp_path: Path
) -> None:
    _activity(stores, team_db)
    target = tmp_path / "day.xlsx"
    today = datetime.now(UTC).astimezone(IST).date().isoformat()
    out = io.StringIO()
    database = team_db.cluster.conninfo("supervisor", None, team_db.name)
    assert team_report(database, today, target, out) == 0
    assert "Wrote the team's day" in out.getvalue()
    agents = read_sheet(target, 1)
    assert tuple(cell.value for cell in agents[0]) == AGENT_COLUMNS
    rows: list[list[object]] = [
        [cell.value if cell.kind == "text" else int(cell.value) for cell in row]
        for row in agents[1:]
    ]
    assert all(cell.kind == "number" for row in agents[1:] for cell in row[1:])
    expected = [[str(r[0]), *(int(str(v)) for v in r[1:])] for r in _sql_counts(team_db)]
    assert rows == expected
    assert rows == [["Asha", 2, 1, 30, 0, 5], ["Ravi", 2, 1, 95, 1, 0]]
    hours = read_sheet(target, 2)
    assert sum(int(row[-1].value) for row in hours[1:]) == 4  # every call in its hour
    lists = read_sheet(target, 3)
    assert [c.value for c in lists[1]] == ["Diwali", "6", "4", "4", "2"]


def test_a_bad_day_or_file_gets_a_sentence(tmp_path: Path) -> None:
    out = io.StringIO()
    assert team_report("host=127.0.0.1", "7 Dec", tmp_path / "a.xlsx", out) == 2
    assert team_report("host=127.0.0.1", "2026-12-07", tmp_path / "a.csv", out) == 2
    assert team_report(None, "2026-12-07", tmp_path / "a.xlsx", out) == 2
