"""The supervisor's desk on the team database: reads, and what a supervisor may change.

``SupervisorDesk`` holds one connection behind a lock (every call comes from a worker) and
reconnects once when it finds the connection gone, as ``TeamLeadStore`` does. It reads the
agents, lists and call-backs (``watch.py``) and the day's figures (``day.py``); it pauses and
resumes a list, sets its priority, keeps its recycling rules, puts leads back and reassigns
call-backs. The database decides who may: a login without ``dialer_supervisor`` (or the
database's ownership) is refused by its grants; ``may_supervise`` lets the window say so first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from dialer_app.core.team.claim import Policy
from dialer_app.core.team.connect import PasswordSource, TeamTarget
from dialer_app.core.team.day import DayFigures, read_day
from dialer_app.core.team.session import TeamSession
from dialer_app.core.team.watch import (
    AgentRow,
    CallBackRow,
    ListRow,
    india_today,
    read_agents,
    read_call_backs,
    read_lists,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    import psycopg


T = TypeVar("T")
NO_ANSWER = "no_answer"  # a lead called without an answer (the retry queue's leads)


@dataclass(frozen=True, slots=True)
class Floor:
    """One read of the floor at ``now`` (the database's clock); a part not asked for: None."""

    now: datetime
    agents: tuple[AgentRow, ...] | None
    lists: tuple[ListRow, ...] | None
    call_backs: tuple[CallBackRow, ...] | None


@dataclass(frozen=True, slots=True)
class RecycleRule:
    """Leads of ``list_id`` whose result is ``outcome`` ("no_answer" or a disposition) come
    back ``delay_minutes`` after their last call, while they have fewer than ``max_attempts``."""

    list_id: int
    outcome: str
    delay_minutes: int
    max_attempts: int


_RESULT_OF = {  # which leads have a result, as a WHERE fragment (d: leads)
    NO_ANSWER: "d.status = 'called' AND d.disposition = ''",
}
_BY_DISPOSITION = "d.status IN ('called', 'connected') AND d.disposition = %(outcome)s"
_PUT_BACK_WHERE = (
    " FROM leads d WHERE d.list_id = %(list)s AND {result}"
    " AND NOT EXISTS (SELECT 1 FROM do_not_call n WHERE n.number = d.number)"
    " AND (d.claimed_until IS NULL OR d.claimed_until < now())"
)


class SupervisorDesk(TeamSession):
    """The team database as a supervisor at ``target`` sees and changes it."""

    def __init__(
        self, target: TeamTarget, password: PasswordSource | None = None,
        policy: Policy | None = None,
    ) -> None:  # fmt: skip
        super().__init__(target, password)
        self.policy = policy or Policy()

    # -- reading -----------------------------------------------------------------------
    def now(self) -> datetime:
        """The database's clock (what leases, heartbeats and "offline" are measured on)."""
        row = self._run(lambda c: c.execute("SELECT now()").fetchone())
        assert row is not None
        return row[0]  # type: ignore[no-any-return]

    def agents(self, day: date) -> tuple[AgentRow, ...]:
        return self._run(lambda c: read_agents(c, day))

    def lists(self, now: datetime, ids: Sequence[int] | None = None) -> tuple[ListRow, ...]:
        policy = self.policy
        return self._run(lambda c: read_lists(
            c, now, policy.callback_grace_minutes, policy.max_attempts, ids))  # fmt: skip

    def call_backs(self, now: datetime) -> tuple[CallBackRow, ...]:
        return self._run(lambda c: read_call_backs(c, now, self.policy.callback_grace_minutes))

    def floor(
        self, *, agents: bool, lists: bool, list_ids: Sequence[int] | None, call_backs: bool
    ) -> Floor:
        """The parts asked for (the lists ``list_ids``, or all), read in one transaction: one
        consistent view, on the database's clock."""
        grace, most = self.policy.callback_grace_minutes, self.policy.max_attempts

        def work(conn: psycopg.Connection[tuple[Any, ...]]) -> Floor:
            row = conn.execute("SELECT now()").fetchone()
            assert row is not None
            now: datetime = row[0]
            return Floor(
                now,
                read_agents(conn, india_today(now)) if agents else None,
                read_lists(conn, now, grace, most, list_ids) if lists else None,
                read_call_backs(conn, now, grace) if call_backs else None,
            )

        return self._run(work)

    def day(self, day: date) -> DayFigures:
        """The day's figures (charts, ``--team-report``)."""
        return self._run(lambda c: read_day(c, day))

    # -- changing ----------------------------------------------------------------------
    def set_paused(self, list_id: int, paused: bool) -> None:
        """A paused list offers no lead to anyone (the claim reads ``lists.paused``)."""
        self._run(lambda c: c.execute(
            "UPDATE lists SET paused = %s WHERE id = %s", (paused, list_id)))  # fmt: skip

    def set_priority(self, list_id: int, priority: int) -> None:
        """Lists of a higher priority are shown first (and worked first by agents told so)."""
        self._run(lambda c: c.execute(
            "UPDATE lists SET priority = %s WHERE id = %s", (priority, list_id)))  # fmt: skip

    def reassign(self, lead_id: int, member: str | None) -> bool:
        """The call-back goes to ``member`` (None: to anyone, at once); False if it is no
        longer a call-back."""
        row = self._run(lambda c: c.execute(
            "UPDATE leads SET call_back_owner = %s, version = version + 1"
            " WHERE id = %s AND status = 'call_back' RETURNING id", (member, lead_id)
        ).fetchone())  # fmt: skip
        return row is not None

    def rules(self, list_id: int | None = None) -> tuple[RecycleRule, ...]:
        rows = self._run(lambda c: c.execute(
            "SELECT list_id, outcome, delay_minutes, max_attempts FROM recycle_rules"
            " WHERE %(list)s::bigint IS NULL OR list_id = %(list)s ORDER BY list_id, outcome",
            {"list": list_id}).fetchall())  # fmt: skip
        return tuple(RecycleRule(int(a), str(b), int(c), int(d)) for a, b, c, d in rows)

    def save_rule(self, rule: RecycleRule) -> None:
        self._run(lambda c: c.execute(
            "INSERT INTO recycle_rules (list_id, outcome, delay_minutes, max_attempts)"
            " VALUES (%s, %s, %s, %s) ON CONFLICT (list_id, outcome) DO UPDATE SET"
            " delay_minutes = excluded.delay_minutes, max_attempts = excluded.max_attempts",
            (rule.list_id, rule.outcome, rule.delay_minutes, rule.max_attempts)))  # fmt: skip

    def delete_rule(self, list_id: int, outcome: str) -> None:
        self._run(lambda c: c.execute(
            "DELETE FROM recycle_rules WHERE list_id = %s AND outcome = %s",
            (list_id, outcome)))  # fmt: skip

    def outcomes(self, list_id: int) -> tuple[str, ...]:
        """The results a rule or a put-back can name: no answer, and the list's dispositions."""
        rows = self._run(lambda c: c.execute(
            "SELECT DISTINCT disposition FROM leads WHERE list_id = %s AND disposition <> ''"
            " AND status IN ('called', 'connected') ORDER BY 1", (list_id,),
        ).fetchall())  # fmt: skip
        return (NO_ANSWER, *(str(r[0]) for r in rows))

    def put_back_count(self, list_id: int, outcome: str) -> int:
        """How many leads ``put_back`` would put back (shown before it is done)."""
        row = self._run(lambda c: c.execute(
            "SELECT count(*)" + _put_back_where(outcome), _args(list_id, outcome)
        ).fetchone())  # fmt: skip
        return int(row[0]) if row else 0

    def put_back(self, list_id: int, outcome: str) -> int:
        """Every lead of the list with this result is offered again now (as never called;
        its attempts kept), except numbers on the do-not-call list and leads someone holds."""
        sql = (
            "UPDATE leads SET status = 'new', disposition = '', not_before = NULL,"  # noqa: S608
            " version = leads.version + 1 WHERE id IN (SELECT d.id"
            + _put_back_where(outcome)
            + " FOR UPDATE SKIP LOCKED)"
        )
        return self._run(lambda c: c.execute(sql, _args(list_id, outcome)).rowcount)


def _put_back_where(outcome: str) -> str:
    return _PUT_BACK_WHERE.format(result=_RESULT_OF.get(outcome, _BY_DISPOSITION))


def _args(list_id: int, outcome: str) -> dict[str, object]:
    return {"list": list_id, "outcome": outcome}
