"""What the supervisor sees: the agents, the lists and the call-backs, as records (no Qt).

Each reader takes an open connection and returns frozen records; ``SupervisorDesk``
(``supervise.py``) runs them. "Today" is the India day (``day_bounds``). An agent's shown
state is ``shown_state``: its written state, or ``offline`` when not heard from for
``OFFLINE_SECONDS`` (measured on the database's clock, so a desk's wrong clock cannot lie).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from dialer_app.core.callerdesk.report import IST
from dialer_app.core.team.presence import OFFLINE, OFFLINE_SECONDS

if TYPE_CHECKING:
    import psycopg

    Conn = psycopg.Connection[tuple[Any, ...]]

# A call: an attempt whose request left (not refused before, not rejected by the service).
CALLED = "outcome NOT IN ('not_sent', 'rejected')"


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The India day ``day`` as [start, end)."""
    start = datetime.combine(day, time(), IST)
    return start, start + timedelta(days=1)


def india_today(now: datetime) -> date:
    return now.astimezone(IST).date()


@dataclass(frozen=True, slots=True)
class AgentRow:
    member: str
    name: str
    state: str
    detail: str
    state_since: datetime
    last_seen: datetime
    calls: int
    connected: int
    talk_seconds: int
    left_waiting: int
    last_call: datetime | None


def shown_state(agent: AgentRow, now: datetime) -> str:
    """The state to show: ``offline`` when the agent has not been heard from for a minute."""
    if (now - agent.last_seen).total_seconds() > OFFLINE_SECONDS:
        return OFFLINE
    return agent.state


def state_started(agent: AgentRow, now: datetime) -> datetime:
    """Since when the shown state holds (offline: since the last heartbeat)."""
    return agent.last_seen if shown_state(agent, now) == OFFLINE else agent.state_since


_AGENTS = f"""
WITH day AS (
    SELECT member, count(*) AS calls,
        count(*) FILTER (WHERE verdict = 'connected') AS connected,
        COALESCE(sum(talk_seconds) FILTER (WHERE verdict = 'connected'), 0) AS talk,
        count(*) FILTER (WHERE verdict = 'left_waiting') AS waiting,
        max(started_at) AS last_call
    FROM attempts WHERE started_at >= %(start)s AND started_at < %(end)s AND {CALLED}
    GROUP BY member)
SELECT a.member, a.name, a.state, a.detail, a.state_since, a.last_seen,
    COALESCE(day.calls, 0), COALESCE(day.connected, 0), COALESCE(day.talk, 0),
    COALESCE(day.waiting, 0), day.last_call
FROM agents a LEFT JOIN day ON day.member = a.member
ORDER BY lower(a.name), a.member"""  # noqa: S608 - our literals


def read_agents(conn: Conn, day: date) -> tuple[AgentRow, ...]:
    start, end = day_bounds(day)
    rows = conn.execute(_AGENTS, {"start": start, "end": end}).fetchall()
    return tuple(
        AgentRow(
            str(r[0]),
            str(r[1]),
            str(r[2]),
            str(r[3]),
            r[4],
            r[5],
            int(r[6]),
            int(r[7]),
            int(r[8]),
            int(r[9]),
            r[10],
        )
        for r in rows
    )


@dataclass(frozen=True, slots=True)
class ListRow:
    list_id: int
    name: str
    purpose: str
    paused: bool
    priority: int
    leads: int
    done: int
    connected: int
    call_backs_due: int
    call_backs_overdue: int
    do_not_call: int
    refused: int
    left: int
    retries_waiting: int

    @property
    def percent(self) -> int:
        return 100 if self.leads == 0 else round(100 * self.done / self.leads)


_LISTS = """
SELECT l.id, l.name, COALESCE(l.purpose, ''), l.paused, l.priority,
    count(d.id) FILTER (WHERE d.status <> 'refused'),
    count(d.id) FILTER (WHERE d.status NOT IN ('new', 'call_back', 'calling', 'refused')),
    count(d.id) FILTER (WHERE d.status = 'connected'),
    count(d.id) FILTER (WHERE d.status = 'call_back' AND d.call_back_at <= %(now)s
        AND d.call_back_at > %(grace_cut)s),
    count(d.id) FILTER (WHERE d.status = 'call_back' AND d.call_back_at <= %(grace_cut)s),
    count(d.id) FILTER (WHERE d.status = 'do_not_call' OR dn.number IS NOT NULL
        AND d.status <> 'refused'),
    count(d.id) FILTER (WHERE d.status = 'refused'),
    count(d.id) FILTER (WHERE d.status = 'new' AND dn.number IS NULL),
    count(d.id) FILTER (WHERE d.status = 'called' AND d.disposition = '' AND dn.number IS NULL
        AND d.attempts < COALESCE(r.max_attempts, %(max)s))
FROM lists l
LEFT JOIN leads d ON d.list_id = l.id
LEFT JOIN do_not_call dn ON dn.number = d.number
LEFT JOIN recycle_rules r ON r.list_id = l.id AND r.outcome = 'no_answer'
WHERE NOT l.archived AND (%(ids)s::bigint[] IS NULL OR l.id = ANY(%(ids)s::bigint[]))
GROUP BY l.id, r.max_attempts
ORDER BY l.priority DESC, l.id"""


def read_lists(
    conn: Conn, now: datetime, grace_minutes: float, max_attempts: int,
    ids: Sequence[int] | None = None,
) -> tuple[ListRow, ...]:  # fmt: skip
    """Every list that is not archived (or only ``ids``), with its counts."""
    args = {"now": now, "grace_cut": now - timedelta(minutes=grace_minutes),
            "max": max_attempts, "ids": None if ids is None else list(ids)}  # fmt: skip
    rows = conn.execute(_LISTS, args).fetchall()
    return tuple(
        ListRow(int(r[0]), str(r[1]), str(r[2]), bool(r[3]), int(r[4]), *(int(v) for v in r[5:14]))
        for r in rows
    )


@dataclass(frozen=True, slots=True)
class CallBackRow:
    lead_id: int
    list_name: str
    lead_name: str
    number: str
    due_at: datetime
    owner: str | None  # the member, None: anyone's
    owner_name: str
    overdue: bool  # past the grace: any agent may take it


_CALL_BACKS = """
SELECT d.id, l.name, d.name, d.number, d.call_back_at, d.call_back_owner,
    COALESCE(NULLIF(a.name, ''), d.call_back_owner, ''), d.call_back_at <= %(grace_cut)s
FROM leads d JOIN lists l ON l.id = d.list_id
LEFT JOIN agents a ON a.member = d.call_back_owner
WHERE d.status = 'call_back' AND d.call_back_at <= %(now)s AND NOT l.archived
ORDER BY d.call_back_at, d.id LIMIT %(limit)s"""


def read_call_backs(
    conn: Conn, now: datetime, grace_minutes: float, limit: int = 2000
) -> tuple[CallBackRow, ...]:
    """Call-backs that are due or overdue, oldest first."""
    args = {"now": now, "grace_cut": now - timedelta(minutes=grace_minutes), "limit": limit}
    rows = conn.execute(_CALL_BACKS, args).fetchall()
    return tuple(
        CallBackRow(
            int(r[0]),
            str(r[1]),
            str(r[2]),
            str(r[3]),
            r[4],
            None if r[5] is None else str(r[5]),
            str(r[6]),
            bool(r[7]),
        )
        for r in rows
    )
