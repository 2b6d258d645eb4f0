"""What an agent is doing, as the team database (and so the supervisor) sees it.

The states: ``ready``, ``on_call`` (the detail: the customer's last four digits and the leg
state the live call shows), ``wrap_up``, ``paused`` (the detail: the reason); ``offline`` is
no state an agent writes: it is an agent not heard from for ``OFFLINE_SECONDS``. A pause is
also a row in ``pauses`` with its start and end. While an agent's row says ``paused`` the
claim gives it no lead (``claim.OPEN_LIST``), whatever the desk asks.

``PresenceWork`` is mixed into ``TeamLeadStore`` (it uses its connection and its member):
``heartbeat(state, detail)`` with every pulse of the desk (``core.team.pulse``) and on every
change, ``pause(reason)``, ``resume()``, ``mark_left_waiting(history_row)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from dialer_app.core.phone import last_ten

if TYPE_CHECKING:
    import psycopg

T = TypeVar("T")
READY, ON_CALL, WRAP_UP, PAUSED, OFFLINE = "ready", "on_call", "wrap_up", "paused", "offline"
STATES = (READY, ON_CALL, WRAP_UP, PAUSED)
OFFLINE_SECONDS = 60
DEFAULT_PAUSE_REASONS = ("Break", "Lunch", "Training", "Meeting")
LEFT_WAITING = "left_waiting"  # an attempt's verdict: the customer answered, the agent did not

_HEARTBEAT = (
    "INSERT INTO agents (member, name, state, detail, last_seen, state_since)"
    " VALUES (%(member)s, %(name)s, %(state)s, %(detail)s, now(), now())"
    " ON CONFLICT (member) DO UPDATE SET name = excluded.name, state = excluded.state,"
    " detail = excluded.detail, last_seen = now(), login = current_user,"
    " state_since = CASE WHEN agents.state = excluded.state THEN agents.state_since"
    " ELSE now() END"
)
_END_PAUSE = "UPDATE pauses SET ended_at = now() WHERE member = %(member)s AND ended_at IS NULL"
_START_PAUSE = "INSERT INTO pauses (member, reason) VALUES (%(member)s, %(detail)s)"


def call_detail(number: str, leg: str = "") -> str:
    """The on-call detail: the customer's last four digits (never the whole number) and the
    leg state, e.g. ``…3210 · ringing``."""
    digits = last_ten(number)[-4:] if number else ""
    shown = f"…{digits}" if digits else ""
    return f"{shown} · {leg}" if shown and leg else shown or leg


def pause_reasons(setting: str) -> tuple[str, ...]:
    """``team/pause_reasons`` (comma-separated) in order; the defaults when it is empty."""
    found = tuple(part.strip() for part in setting.split(",") if part.strip())
    return found or DEFAULT_PAUSE_REASONS


class PresenceWork:
    """The agent's state in the team database (mixed into ``TeamLeadStore``)."""

    member: str
    member_name: str

    if TYPE_CHECKING:

        def _run(self, work: Callable[[psycopg.Connection[tuple[Any, ...]]], T]) -> T: ...

    def heartbeat(self, state: str = READY, detail: str = "") -> None:
        """This agent is alive and ``state`` (one of ``STATES``). A pause is left only with
        ``resume()``: while the row says paused, any other state only marks the agent alive."""
        if state not in STATES:
            raise ValueError(f"not an agent state: {state!r}")
        args = {"member": self.member, "name": self.member_name, "state": state,
                "detail": detail[:200]}  # fmt: skip

        def work(conn: psycopg.Connection[tuple[Any, ...]]) -> None:
            now = conn.execute(
                "SELECT state, detail FROM agents WHERE member = %(member)s", args
            ).fetchone()
            was_paused = now is not None and now[0] == PAUSED
            if was_paused and (state != PAUSED or (now is not None and now[1] == args["detail"])):
                conn.execute("UPDATE agents SET last_seen = now() WHERE member = %(member)s",
                             args)  # fmt: skip
                return
            if state == PAUSED:  # a new pause, or another reason: a new row
                conn.execute(_END_PAUSE, args)
                conn.execute(_START_PAUSE, args)
            conn.execute(_HEARTBEAT, args)

        self._run(work)

    def pause(self, reason: str) -> None:
        """Paused with ``reason`` (recorded with its start); no lead is claimed until resumed."""
        self.heartbeat(PAUSED, reason.strip() or "Break")

    def resume(self, state: str = READY) -> None:
        """The pause ends (its end recorded); the agent is ``state`` again."""
        args = {"member": self.member, "name": self.member_name, "state": state, "detail": ""}

        def work(conn: psycopg.Connection[tuple[Any, ...]]) -> None:
            conn.execute(_END_PAUSE, args)
            conn.execute(_HEARTBEAT, args)

        self._run(work)

    def is_paused(self) -> bool:
        return self._run(self._paused)

    def paused_reason(self) -> str | None:
        """The reason this agent's row is paused with (a desk restarted mid-pause), or None."""
        row = self._run(lambda c: c.execute(
            "SELECT detail FROM agents WHERE member = %s AND state = 'paused'", (self.member,)
        ).fetchone())  # fmt: skip
        return None if row is None else str(row[0])

    def _paused(self, conn: psycopg.Connection[tuple[Any, ...]]) -> bool:
        row = conn.execute(
            "SELECT state = 'paused' FROM agents WHERE member = %s", (self.member,)
        ).fetchone()
        return bool(row and row[0])

    def mark_left_waiting(self, history_row: int) -> None:
        """The call report says the customer answered and this agent did not (the worst
        case): the attempt's verdict says so, for the supervisor's "left waiting"."""
        self._run(lambda c: c.execute(
            "UPDATE attempts SET verdict = %s WHERE desk = %s AND history_row = %s",
            (LEFT_WAITING, getattr(self, "desk", ""), history_row)))  # fmt: skip
