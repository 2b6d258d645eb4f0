"""The writing half of ``TeamLeadStore``: claiming, the steps of a call, the outbox.

Kept apart from the reads so each module stays short; ``TeamLeadStore`` is the only class
that mixes it in.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from dialer_app.core.leads.model import Lead, LeadStatus
from dialer_app.core.records import Outcome
from dialer_app.core.team import claim as sql
from dialer_app.core.team.errors import HELD, TeamRefused, TeamUnavailable, sentence
from dialer_app.core.team.rows import lead_from_row
from dialer_app.core.team.writes import Write, apply

if TYPE_CHECKING:
    import psycopg

    from dialer_app.core.team.claim import Policy
    from dialer_app.core.team.outbox import Outbox

T = TypeVar("T")
_WORKING = (LeadStatus.NEW, LeadStatus.CALLING, LeadStatus.CALLED, LeadStatus.CONNECTED)


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat()


def _live(conn: psycopg.Connection[tuple[Any, ...]], write: Write) -> int | None:
    """A step made now: refused (and rolled back) when another agent holds the lead, so a
    call is never begun on a lead that is someone else's."""
    version = apply(conn.cursor(), write)
    if version is None and write.kind in ("begin", "wrap_up", "status"):
        raise TeamRefused(sentence(HELD))
    return version


class LeadWork:
    """Claims and the writes of a claimed lead (mixed into ``TeamLeadStore``)."""

    member: str
    member_name: str
    desk: str
    policy: Policy
    _outbox: Outbox
    _held: dict[int, Lead]
    _versions: dict[int, int]
    _attempts: dict[int, str]
    _calls: dict[int, tuple[str, int]]
    _finished: dict[int, str]

    if TYPE_CHECKING:

        def _run(self, work: Callable[[psycopg.Connection[tuple[Any, ...]]], T]) -> T: ...
        def lead(self, lead_id: int) -> Lead | None: ...
        def _seen(self, row: tuple[Any, ...]) -> Lead: ...

    # -- claiming --------------------------------------------------------------------
    def claim_next(self, list_id: int, now: datetime, max_attempts: int) -> Lead | None:
        """Take the next lead of the list for this agent (None: nothing to take now, or no
        member chosen yet: a lead is claimed for someone)."""
        if not self.member:
            return None
        if len(self._outbox):
            self.send_outbox()  # what was written first goes first
        policy = self.policy
        args = {
            "list": list_id, "member": self.member, "now": now, "max": max_attempts,
            "grace_cut": now - timedelta(minutes=policy.callback_grace_minutes),
            "recall": policy.recall_minutes,
            "lease": policy.lease_seconds,
        }  # fmt: skip

        def work(conn: psycopg.Connection[tuple[Any, ...]]) -> tuple[Any, ...] | None:
            if conn.execute(sql.OPEN_LIST, args).fetchone() is None:
                return None  # paused, archived or gone
            conn.execute(sql.RECOVER_EXPIRED)
            for _ in range(3):  # a row changed under the claim is skipped: look again
                row = conn.execute(sql.CLAIM_NEXT, args).fetchone()
                if row is not None:
                    return row
            return None

        row = self._run(work)
        return None if row is None else self._took(row)

    def _took(self, row: tuple[Any, ...]) -> Lead:
        lead = lead_from_row(row, self.desk)
        self._held[lead.lead_id] = lead
        self._seen(row)
        return lead

    def current(self, list_id: int, now: datetime, max_attempts: int) -> Lead | None:
        """The lead this agent holds in the list (lease renewed), or the next one claimed."""
        for lead_id, held in list(self._held.items()):
            if held.list_id == list_id and self.renew(lead_id):
                lead = self.lead(lead_id)
                if lead is not None and lead.status in _WORKING:
                    return lead
        return self.advance(list_id, now, max_attempts)

    def advance(self, list_id: int, now: datetime, max_attempts: int) -> Lead | None:
        """Let go of the lead held in this list (unless a call is on it), then claim the next."""
        for lead_id, held in list(self._held.items()):
            if held.list_id == list_id and lead_id not in self._attempts:
                self.release(lead_id)
        return self.claim_next(list_id, now, max_attempts)

    def set_current(self, list_id: int, lead_id: int) -> None:
        """Take this lead (the agent picked it); ``TeamRefused`` if another agent holds it."""
        args = {"member": self.member, "lead": lead_id, "lease": self.policy.lease_seconds}
        row = self._run(lambda c: c.execute(sql.CLAIM_ONE, args).fetchone())
        if row is None:
            raise TeamRefused(sentence(HELD))
        for other, held in list(self._held.items()):
            if held.list_id == list_id and other != lead_id and other not in self._attempts:
                self.release(other)
        self._took(row)

    def work_as(self, member: str, name: str) -> bool:
        """The member chosen in the window works the leads from now on (True: another one
        than before: what the last one held goes back to the pool, what a crash left of the
        new one's calls is recovered)."""
        if member == self.member:
            self.member_name = name
            return False
        for lead_id in [i for i in self._held if i not in self._attempts]:
            self.release(lead_id)
        self.member, self.member_name = member, name
        self.recover()
        return True

    def renew(self, lead_id: int) -> bool:
        """Extend the lease (every third of its length); False if it is no longer ours."""
        args = {"member": self.member, "lead": lead_id, "lease": self.policy.lease_seconds}
        if self._run(lambda c: c.execute(sql.RENEW, args).fetchone()) is not None:
            return True
        self._held.pop(lead_id, None)
        return False

    def release(self, lead_id: int) -> None:
        """Give the lead back to the pool (skip, wrap-up, quit)."""
        args = {"member": self.member, "lead": lead_id}
        self._run(lambda c: c.execute(sql.RELEASE, args))
        self._held.pop(lead_id, None)

    def recover(self) -> int:
        """Send what the outbox holds; leads this agent left ``calling`` become unknown. A
        database away recovers nothing (0): the pulse sends the outbox once it answers."""
        args = {"member": self.member}
        try:
            self.send_outbox()
            return self._run(lambda c: c.execute(sql.RECOVER_MINE, args).rowcount + c.execute(
                sql.RECOVER_EXPIRED).rowcount)  # fmt: skip
        except TeamUnavailable:
            return 0

    # -- the steps of a call ---------------------------------------------------------
    def begin_attempt(self, lead_id: int, attempt_id: str | None = None) -> None:
        """A request for this lead is about to leave: its attempt (desk-made id) is written
        first, to the database or, when it is away, to the outbox."""
        attempt = attempt_id or str(uuid.uuid4())
        started = _iso(datetime.now(UTC))
        self._write(Write("begin", lead_id, self.member, self.desk, attempt,
                          {"started_at": started}))  # fmt: skip
        self._attempts[lead_id] = attempt

    def finish_attempt(
        self, lead_id: int, outcome: Outcome, campid: str | None, history_row: int | None
    ) -> Lead | None:
        outcome = Outcome(outcome)
        attempt = self._attempts.pop(lead_id, None) or str(uuid.uuid4())
        self._finished[lead_id] = attempt
        if history_row is not None:
            self._calls[history_row] = (attempt, lead_id)
        values = {"outcome": str(outcome), "campid": campid, "history_row": history_row,
                  "finished_at": _iso(datetime.now(UTC))}  # fmt: skip
        status = LeadStatus.NEW if outcome is Outcome.NOT_SENT else LeadStatus.CALLED
        return self._write(Write("finish", lead_id, self.member, self.desk, attempt, values),
                           outcome=outcome, campid=campid or "", status=status)  # fmt: skip

    def record_verdict(self, history_row: int, connected: bool, talk: int | None) -> Lead | None:
        attempt, lead_id = self._calls.get(history_row) or self._call_of(history_row)
        if lead_id == 0:
            return None
        values = {"connected": connected, "talk": talk}
        return self._write(Write("verdict", lead_id, self.member, self.desk, attempt, values),
                           talk_seconds=talk)  # fmt: skip

    def _call_of(self, history_row: int) -> tuple[str, int]:
        row = self._run(lambda c: c.execute(
            "SELECT id::text, lead_id FROM attempts WHERE desk = %s AND history_row = %s",
            (self.desk, history_row)).fetchone())  # fmt: skip
        return ("", 0) if row is None else (str(row[0]), int(row[1]))

    def wrap_up(
        self, lead_id: int, disposition: str, note: str, call_back_at: datetime | None,
        do_not_call: bool,
    ) -> None:  # fmt: skip
        attempt = self._finished.pop(lead_id, None)
        values = {"disposition": disposition, "note": note,
                  "call_back_at": _iso(call_back_at), "do_not_call": do_not_call}  # fmt: skip
        self._write(Write("wrap_up", lead_id, self.member, self.desk, attempt, values))
        self._held.pop(lead_id, None)

    def set_status(self, lead_id: int, status: LeadStatus, call_back_at: datetime | None) -> None:
        values = {"status": status.value, "call_back_at": _iso(call_back_at)}
        self._write(Write("status", lead_id, self.member, self.desk, None, values))
        self._held.pop(lead_id, None)

    def _write(self, write: Write, **local: object) -> Lead | None:
        """Apply ``write`` now, or keep it in the outbox (the lead as this desk expects it)."""
        if len(self._outbox):
            with contextlib.suppress(TeamUnavailable):
                self.send_outbox()  # what was written first goes first
        if not len(self._outbox):
            try:
                version = self._run(lambda c: _live(c, write))
            except TeamUnavailable:
                pass
            else:
                if version is not None:
                    self._versions[write.lead_id] = version
                return self.lead(write.lead_id) if write.kind in ("finish", "verdict") else None
        seen = self._versions.get(write.lead_id, 0)
        self._outbox.add(replace(write, seen_version=seen))
        self._versions[write.lead_id] = seen + 1
        held = self._held.get(write.lead_id)
        return None if held is None else replace(held, **local)  # type: ignore[arg-type]

    def send_outbox(self) -> int:
        """Send what waits in the outbox, in order; ``TeamUnavailable`` if still away."""

        def send(write: Write) -> None:
            self._run(lambda c: apply(c.cursor(), write))

        return self._outbox.send(send)

    def pending(self) -> int:
        return len(self._outbox)

    # -- the team's do-not-call list ------------------------------------
    def add_do_not_call(self, number: str, reason: str = "") -> None:
        self.add_do_not_call_all([number], reason)

    def add_do_not_call_all(self, numbers: Iterable[str], reason: str = "") -> None:
        """Every one of ``numbers`` on the team's list, in one transaction (a file of them)."""
        rows = [(number, self.member, reason) for number in numbers]
        self._run(lambda c: c.cursor().executemany(
            "INSERT INTO do_not_call (number, added_by, reason) VALUES (%s, %s, %s)"
            " ON CONFLICT (number) DO NOTHING", rows))  # fmt: skip

    def is_do_not_call(self, number: str) -> bool:
        row = self._run(lambda c: c.execute(
            "SELECT 1 FROM do_not_call WHERE number = %s", (number,)).fetchone())  # fmt: skip
        return row is not None

    def do_not_call_since(self, since: datetime | None) -> tuple[list[str], datetime | None]:
        """Numbers added to the team's list after ``since`` (every one when None) and the
        newest entry's time; ten seconds of overlap, so an entry committed late is not missed."""
        query, args = "SELECT number, added_at FROM do_not_call", ()  # type: tuple[str, tuple[Any, ...]]
        if since is not None:
            query, args = query + " WHERE added_at > %s - interval '10 seconds'", (since,)
        rows = self._run(lambda c: c.execute(query, args).fetchall())
        return [str(row[0]) for row in rows], max((row[1] for row in rows), default=since)
