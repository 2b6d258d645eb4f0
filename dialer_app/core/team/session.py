"""One session on the team database, as a desk's store and a supervisor's desk both hold it.

One connection behind a lock (every call comes from a worker). A call that finds the
connection gone reconnects once and runs again; a database that still cannot be reached
raises ``TeamUnavailable`` (the sentence begins "The team database cannot be reached"). The
schema is checked on the first connection (a newer one than ours: ``TeamSchemaError``, and
that connection is not kept). After ``close`` no call opens a new connection.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from dialer_app.core.team.connect import PasswordSource, TeamTarget, connect
from dialer_app.core.team.errors import UNREACHABLE, TeamUnavailable, as_team_error, sentence
from dialer_app.core.team.schema import check, may_supervise

if TYPE_CHECKING:
    import psycopg

T = TypeVar("T")


class TeamSession:
    """The team database at ``target`` (the password from ``password`` when libpq has none)."""

    def __init__(self, target: TeamTarget, password: PasswordSource | None = None) -> None:
        self.target = target
        self._password = password
        self._lock = threading.RLock()
        self._conn: psycopg.Connection[tuple[Any, ...]] | None = None
        self.last_contact: datetime | None = None  # the last answer from the database
        self._checked = False
        self._closed = False

    def _connection(self) -> psycopg.Connection[tuple[Any, ...]]:
        if self._closed:  # a job that began before close() never opens a new session
            raise TeamUnavailable(sentence(UNREACHABLE, where=self.target.where, reason="closed"))
        if self._conn is None or self._conn.closed or self._conn.broken:
            conn = connect(self.target, self._password)
            if not self._checked:  # a schema newer than ours: TeamSchemaError
                try:
                    check(conn, self.target.where)
                except BaseException:
                    conn.close()
                    raise
                self._checked = True
            self._conn = conn
        return self._conn

    def _run(self, work: Callable[[psycopg.Connection[tuple[Any, ...]]], T]) -> T:
        """``work`` in one transaction; reconnect once if the connection was lost."""
        import psycopg

        with self._lock:
            for attempt in (1, 2):
                fresh = self._conn is None or self._conn.closed or self._conn.broken
                conn = self._connection()
                try:
                    with conn.transaction():
                        result = work(conn)
                    self.last_contact = datetime.now(UTC)
                    return result
                except psycopg.OperationalError as exc:
                    if conn.broken:
                        conn.close()
                    if not conn.closed or fresh or attempt == 2:  # a timeout: not again
                        raise as_team_error(exc, self.target.where, self.target.user) from None
                except psycopg.Error as exc:
                    raise as_team_error(exc, self.target.where, self.target.user) from None
            raise AssertionError("unreachable")

    def may_supervise(self) -> bool:
        """This login holds ``dialer_supervisor`` or owns the database."""
        return self._run(may_supervise)

    def close(self) -> None:
        """Close the connection; no call opens another. Safe twice."""
        with self._lock:
            self._closed = True
            if self._conn is not None:
                self._conn.close()
