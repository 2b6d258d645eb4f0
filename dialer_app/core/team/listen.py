"""Hearing the team database at once: a session of its own that LISTENs on one channel.

The database announces on ``dialer_team`` when a number joins the do-not-call list
(``do_not_call:<number>``) or a list is paused or archived (``list:<id>``), and on
``dialer_watch`` every change the supervisor's window shows (``feed.py`` listens there). A
desk does not listen: its pulse hears new do-not-call numbers within 2 s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dialer_app.core.team.connect import PasswordSource, TeamTarget, connect
from dialer_app.core.team.errors import as_team_error
from dialer_app.core.team.schema import CHANNEL

if TYPE_CHECKING:
    import psycopg


class TeamListener:
    """``wait(seconds)`` returns what was announced on ``channel`` meanwhile (empty after the
    wait); errors are ``TeamError``s."""

    def __init__(
        self, target: TeamTarget, password: PasswordSource | None = None, channel: str = CHANNEL
    ) -> None:
        self._target = target
        self._conn: psycopg.Connection[tuple[Any, ...]] = connect(target, password)
        try:
            self._conn.execute(f"LISTEN {channel}")
        except BaseException:
            self._conn.close()
            raise

    def wait(self, seconds: float, gather: float = 0.0) -> list[str]:
        """Block up to ``seconds`` for the first announcement; then it and any that arrive
        within ``gather`` seconds more (0: those already queued)."""
        import psycopg

        try:
            heard = [n.payload for n in self._conn.notifies(timeout=seconds, stop_after=1)]
            if heard:
                heard += [n.payload for n in self._conn.notifies(timeout=gather)]
        except psycopg.Error as exc:
            raise as_team_error(exc, self._target.where, self._target.user) from None
        return heard

    def close(self) -> None:
        self._conn.close()
