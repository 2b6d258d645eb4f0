"""Hearing the team at once: a session of its own that LISTENs on ``dialer_team``.

The database tells every listening desk when a number joins the do-not-call list
(``do_not_call:<number>``) or a list is paused or archived (``list:<id>``); a desk that
listens refuses such a number within moments, and a desk that cannot listen (the database
away) falls back to asking before each call (``TeamLeadStore.is_do_not_call``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dialer_app.core.team.connect import PasswordSource, TeamTarget, connect
from dialer_app.core.team.errors import as_team_error
from dialer_app.core.team.schema import CHANNEL

if TYPE_CHECKING:
    import psycopg


class TeamListener:
    """``wait(seconds)`` returns what the team announced meanwhile (empty after the wait)."""

    def __init__(self, target: TeamTarget, password: PasswordSource | None = None) -> None:
        self._target = target
        self._conn: psycopg.Connection[tuple[Any, ...]] = connect(target, password)
        self._conn.execute(f"LISTEN {CHANNEL}")

    def wait(self, seconds: float) -> list[str]:
        """Block up to ``seconds`` for the first announcement; it and any queued with it."""
        import psycopg

        try:
            heard = [n.payload for n in self._conn.notifies(timeout=seconds, stop_after=1)]
            if heard:
                heard += [n.payload for n in self._conn.notifies(timeout=0)]
        except psycopg.Error as exc:
            raise as_team_error(exc, self._target.where, self._target.user) from None
        return heard

    def close(self) -> None:
        self._conn.close()
