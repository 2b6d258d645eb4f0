"""``TeamLeadStore``: the lead lists of a team on PostgreSQL, with ``LeadStore``'s methods.

The same public methods and return types as ``core.lead_store.LeadStore`` (so ``LeadService``
can hold either), plus what a team needs: ``claim_next``, ``renew``, ``release``,
``add_do_not_call``, ``is_do_not_call``, ``send_outbox``, and the agent's state
(``presence``: ``heartbeat``, ``pause``, ``resume``). The agent is the
member chosen in the window (``member``: the number; ``member_name``: what is shown).

One connection, behind a lock (every call comes from a worker). A call that finds the
connection gone reconnects once and runs again; if the database still cannot be reached it
raises ``TeamUnavailable`` (the sentence begins "The team database cannot be reached"). The
writes of a lead already claimed (attempt, verdict, wrap-up, status) are never lost: when the
database is away they go to the outbox and are sent, in order and once, when it is back.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from dialer_app.core.leads.model import Lead, LeadList, LeadListProgress, LeadStatus, Preview
from dialer_app.core.leads.store import leads_in_pages
from dialer_app.core.team.claim import LEAD_COLUMNS, Policy
from dialer_app.core.team.connect import PasswordSource, TeamTarget
from dialer_app.core.team.errors import (
    TeamError,
    TeamUnavailable,
)
from dialer_app.core.team.importer import import_list
from dialer_app.core.team.outbox import Outbox
from dialer_app.core.team.presence import PresenceWork
from dialer_app.core.team.rows import lead_from_row, list_from_row
from dialer_app.core.team.session import TeamSession
from dialer_app.core.team.working import LeadWork

if TYPE_CHECKING:
    pass

T = TypeVar("T")


class TeamLeadStore(TeamSession, PresenceWork, LeadWork):
    """The team's lists at ``target``, worked as ``member`` from desk ``desk``."""

    def __init__(
        self, target: TeamTarget, member: str, member_name: str, outbox_path: Path, *,
        desk: str = "", policy: Policy | None = None, password: PasswordSource | None = None,
    ) -> None:  # fmt: skip
        super().__init__(target, password)
        self.member, self.member_name = member, member_name
        self.desk = desk or str(uuid.uuid4())
        self.policy = policy or Policy()
        self._outbox = Outbox(outbox_path)
        self._active: int | None = None
        self._held: dict[int, Lead] = {}  # leads this desk claimed, as last seen
        self._versions: dict[int, int] = {}
        self._attempts: dict[int, str] = {}  # lead -> its open attempt's desk-made id
        self._calls: dict[int, tuple[str, int]] = {}  # history row -> (attempt id, lead)
        self._finished: dict[int, str] = {}  # lead -> its last finished attempt (the wrap-up's)
        with contextlib.suppress(TeamUnavailable):  # away at start: the outbox still works
            self._run(lambda conn: None)

    def release_all(self) -> None:
        """Quitting: give back what this desk holds (a lead with a call on it keeps its
        lease, which runs out on its own); forgotten either way, so ``close`` sends nothing."""
        with self._lock:
            held = [lead for lead in self._held if lead not in self._attempts]
            try:
                for lead_id in held:
                    self.release(lead_id)
            except TeamError:  # away, or refused: the lease runs out on its own
                pass
            self._held.clear()

    def close(self) -> None:
        with self._lock:
            try:
                self.release_all()
            finally:
                super().close()
                self._outbox.close()

    # -- lists -----------------------------------------------------------------------
    def create_list(
        self,
        preview: Preview,
        progress: Callable[[int], None] = lambda _n: None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> LeadList | None:
        """Import ``preview`` for the team with COPY (None if cancelled: nothing is saved)."""
        list_id = self._run(lambda conn: import_list(conn, preview, progress, cancelled))
        if list_id is None:
            return None
        self._active = list_id
        return self.get_list(list_id)

    def list_purpose(self, list_id: int) -> str | None:
        """The purpose chosen at the list's import, kept in the team database (issue 23), so
        every desk reads the same; None if none was chosen then (or the database is away:
        the desk's own compliance journal is read instead)."""
        try:
            found = self._one("SELECT purpose FROM lists WHERE id = %s", (list_id,))
        except TeamUnavailable:
            return None
        return None if found is None or found[0] is None else str(found[0])

    def lists(self) -> list[LeadList]:
        rows = self._run(lambda c: c.execute(_LIST_SQL + " ORDER BY id").fetchall())
        return [self._list(row) for row in rows]

    def get_list(self, list_id: int) -> LeadList | None:
        row = self._run(lambda c: c.execute(_LIST_SQL + " WHERE id = %s", (list_id,)).fetchone())
        return None if row is None else self._list(row)

    def find_list(self, name: str) -> LeadList | None:
        row = self._run(lambda c: c.execute(_LIST_SQL + " WHERE name = %s", (name,)).fetchone())
        return None if row is None else self._list(row)

    def _list(self, row: tuple[Any, ...]) -> LeadList:
        current = next((i for i, lead in self._held.items() if lead.list_id == row[0]), None)
        return list_from_row(row, current, active=row[0] == self._active)

    def activate(self, list_id: int) -> None:
        self._active = list_id

    def active_list(self) -> LeadList | None:
        return None if self._active is None else self.get_list(self._active)

    # -- reading leads ---------------------------------------------------------------
    def count(self, list_id: int) -> int:
        found = self._one("SELECT rows FROM lists WHERE id = %s", (list_id,))
        return int(found[0]) if found else 0

    def page(self, list_id: int, start: int, count: int) -> list[Lead]:
        return self._leads(
            f"SELECT {LEAD_COLUMNS} FROM leads WHERE list_id = %s AND position >= %s"  # noqa: S608
            " ORDER BY position LIMIT %s",
            (list_id, start, count),
        )

    def lead(self, lead_id: int) -> Lead | None:
        found = self._leads(f"SELECT {LEAD_COLUMNS} FROM leads WHERE id = %s", (lead_id,))  # noqa: S608
        return found[0] if found else None

    def lead_for_call(self, history_row: int) -> Lead | None:
        found = self._leads(
            f"SELECT {LEAD_COLUMNS} FROM leads WHERE last_desk = %s"  # noqa: S608
            " AND last_history_row = %s",
            (self.desk, history_row),
        )
        return found[0] if found else None

    def progress(self, list_id: int) -> LeadListProgress:
        rows = self._run(lambda c: c.execute(
            "SELECT status, COUNT(*) FROM leads WHERE list_id = %s GROUP BY status", (list_id,)
        ).fetchall())  # fmt: skip
        return LeadListProgress.of_counts({LeadStatus(status): int(n) for status, n in rows})

    def iter_leads(self, list_id: int) -> Iterator[Lead]:
        return leads_in_pages(self.page, list_id)

    def agent_names(self, list_id: int) -> dict[int, str]:
        """Lead id -> the name of the member who made its last attempt (the export's column)."""
        rows = self._run(lambda c: c.execute(
            "SELECT l.id, COALESCE(NULLIF(a.name, ''), l.last_agent) FROM leads l LEFT JOIN"
            " agents a ON a.member = l.last_agent WHERE l.list_id = %s"
            " AND l.last_agent IS NOT NULL", (list_id,),
        ).fetchall())  # fmt: skip
        return {int(lead_id): str(name) for lead_id, name in rows}

    def due_call_backs(self, list_id: int, now: datetime, max_attempts: int) -> list[Lead]:
        """This agent's call-backs that are due, and anyone's overdue past the grace."""
        cut = now - timedelta(minutes=self.policy.callback_grace_minutes)
        return self._leads(
            f"SELECT {LEAD_COLUMNS} FROM leads WHERE list_id = %s AND status = 'call_back'"  # noqa: S608
            " AND attempts < %s AND (call_back_at <= %s AND call_back_owner = %s"
            " OR call_back_at <= %s) ORDER BY call_back_at, position",
            (list_id, max_attempts, now, self.member, cut),
        )

    def _one(self, query: str, args: tuple[Any, ...]) -> tuple[Any, ...] | None:
        return self._run(lambda c: c.execute(query, args).fetchone())

    def _leads(self, query: str, args: tuple[Any, ...]) -> list[Lead]:
        rows = self._run(lambda c: c.execute(query, args).fetchall())
        return [self._seen(row) for row in rows]

    def _seen(self, row: tuple[Any, ...]) -> Lead:
        lead = lead_from_row(row, self.desk)
        self._versions[lead.lead_id] = int(row[17])
        if row[18] == self.member and lead.lead_id in self._held:
            self._held[lead.lead_id] = lead
        return lead


_LIST_SQL = "SELECT id, name, source, columns, total FROM lists"
