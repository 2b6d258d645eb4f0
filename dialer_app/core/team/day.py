"""The day's figures for the charts and ``--team-report`` (India time, no Qt).

- ``hours``: calls per India hour by result (connected, no answer, left waiting, unknown);
- ``agents``: per agent: calls, connected, talk seconds, customers left waiting, paused minutes;
- ``lists``: per list: its leads, the leads called that day, calls, connected, and the leads
  reached by the end of each hour (the list's progress over the day).

A call is an attempt whose request left (``watch.CALLED``); the four results add up to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from dialer_app.core.callerdesk.report import IST
from dialer_app.core.team.watch import CALLED, day_bounds

if TYPE_CHECKING:
    import psycopg

    Conn = psycopg.Connection[tuple[Any, ...]]

RESULTS = ("connected", "no_answer", "left_waiting", "unknown")
_RESULT = (
    "CASE WHEN verdict = 'connected' THEN 'connected' WHEN verdict = 'left_waiting'"
    " THEN 'left_waiting' WHEN outcome = 'placed' THEN 'no_answer' ELSE 'unknown' END"
)


@dataclass(frozen=True, slots=True)
class HourRow:
    hour: int  # 0-23, India time
    counts: tuple[int, ...]  # in RESULTS order

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True, slots=True)
class AgentDay:
    member: str
    name: str
    calls: int
    connected: int
    talk_seconds: int
    left_waiting: int
    paused_minutes: int

    @property
    def connect_rate(self) -> float:
        return 0.0 if self.calls == 0 else self.connected / self.calls


@dataclass(frozen=True, slots=True)
class ListDay:
    list_id: int
    name: str
    leads: int
    leads_called: int
    calls: int
    connected: int
    reached_by_hour: tuple[int, ...]  # 24 values: leads first called that day, cumulative


@dataclass(frozen=True, slots=True)
class DayFigures:
    day: date
    hours: tuple[HourRow, ...]  # 24 rows
    agents: tuple[AgentDay, ...]
    lists: tuple[ListDay, ...]


def read_day(conn: Conn, day: date) -> DayFigures:
    start, end = day_bounds(day)
    args = {"start": start, "end": end, "zone": "Asia/Kolkata"}
    return DayFigures(day, _hours(conn, args), _agents(conn, args), _lists(conn, args))


_IN_DAY = f"a.started_at >= %(start)s AND a.started_at < %(end)s AND a.{CALLED}"
_HOUR = "extract(hour FROM a.started_at AT TIME ZONE %(zone)s)::int"


def _hours(conn: Conn, args: dict[str, Any]) -> tuple[HourRow, ...]:
    rows = conn.execute(
        f"SELECT {_HOUR}, {_RESULT}, count(*) FROM attempts a WHERE {_IN_DAY}"  # noqa: S608
        " GROUP BY 1, 2", args,
    ).fetchall()  # fmt: skip
    table = [[0] * len(RESULTS) for _ in range(24)]
    for hour, result, count in rows:
        table[int(hour)][RESULTS.index(result)] += int(count)
    return tuple(HourRow(hour, tuple(counts)) for hour, counts in enumerate(table))


_AGENTS = f"""
WITH calls AS (
    SELECT a.member, count(*) AS calls, count(*) FILTER (WHERE a.verdict = 'connected') AS conn,
        COALESCE(sum(a.talk_seconds) FILTER (WHERE a.verdict = 'connected'), 0) AS talk,
        count(*) FILTER (WHERE a.verdict = 'left_waiting') AS waiting
    FROM attempts a WHERE {_IN_DAY} GROUP BY a.member),
paused AS (
    SELECT member, sum(extract(epoch FROM least(COALESCE(ended_at, now()), %(end)s)
        - greatest(started_at, %(start)s))) AS seconds
    FROM pauses WHERE started_at < %(end)s AND COALESCE(ended_at, now()) > %(start)s
    GROUP BY member),
who AS (SELECT member FROM calls UNION SELECT member FROM paused)
SELECT w.member, COALESCE(NULLIF(g.name, ''), w.member), COALESCE(c.calls, 0),
    COALESCE(c.conn, 0), COALESCE(c.talk, 0), COALESCE(c.waiting, 0),
    COALESCE(p.seconds, 0)
FROM who w LEFT JOIN calls c ON c.member = w.member LEFT JOIN paused p ON p.member = w.member
LEFT JOIN agents g ON g.member = w.member
ORDER BY lower(COALESCE(NULLIF(g.name, ''), w.member)), w.member"""  # noqa: S608


def _agents(conn: Conn, args: dict[str, Any]) -> tuple[AgentDay, ...]:
    rows = conn.execute(_AGENTS, args).fetchall()
    return tuple(
        AgentDay(
            str(r[0]), str(r[1]), int(r[2]), int(r[3]), int(r[4]), int(r[5]), int(float(r[6]) // 60)
        )
        for r in rows
    )


_LISTS = f"""
WITH day AS (
    SELECT d.list_id, a.lead_id, min(a.started_at) AS first, count(*) AS calls,
        count(*) FILTER (WHERE a.verdict = 'connected') AS conn
    FROM attempts a JOIN leads d ON d.id = a.lead_id WHERE {_IN_DAY}
    GROUP BY d.list_id, a.lead_id)
SELECT l.id, l.name, (SELECT count(*) FROM leads x WHERE x.list_id = l.id
        AND x.status <> 'refused'),
    count(day.lead_id), COALESCE(sum(day.calls), 0), COALESCE(sum(day.conn), 0),
    COALESCE(array_agg(extract(hour FROM day.first AT TIME ZONE %(zone)s)::int)
        FILTER (WHERE day.lead_id IS NOT NULL), '{{}}')
FROM lists l LEFT JOIN day ON day.list_id = l.id
WHERE NOT l.archived OR day.lead_id IS NOT NULL
GROUP BY l.id ORDER BY l.priority DESC, l.id"""  # noqa: S608


def _lists(conn: Conn, args: dict[str, Any]) -> tuple[ListDay, ...]:
    found = []
    for r in conn.execute(_LISTS, args).fetchall():
        per_hour = [0] * 24
        for hour in r[6]:
            per_hour[int(hour)] += 1
        reached, total = [], 0
        for count in per_hour:
            total += count
            reached.append(total)
        found.append(ListDay(int(r[0]), str(r[1]), int(r[2]), int(r[3]), int(r[4]),
                             int(r[5]), tuple(reached)))  # fmt: skip
    return tuple(found)


def hour_label(hour: int) -> str:
    """``09:00``: the hour's start, India time."""
    return f"{hour:02d}:00"


__all__ = ["IST", "RESULTS", "AgentDay", "DayFigures", "HourRow", "ListDay", "read_day"]
