"""The campaign history: one SQLite row per call attempt, written ahead of the request.

``begin`` commits a ``sending`` row before the request leaves, ``finish`` records what became
of it, and ``mark_unfinished`` turns rows a crash left behind into ``unknown`` (the call may
have rung). One connection is shared by the worker thread (writes) and the GUI thread (reads),
serialised by a lock. Times are stored as ISO 8601 text in UTC with an explicit offset, so
they sort as text. Nothing here ever sees the authcode.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path

from dialer_app.core.errors import HistoryError
from dialer_app.core.records import CallRequest, CallResult, Campaign, Outcome

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 2000

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS calls (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        member_name TEXT NOT NULL,
        member_number TEXT NOT NULL,
        customer_number TEXT NOT NULL,
        deskphone TEXT NOT NULL,
        call_limit INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        campid TEXT NULL,
        message TEXT NOT NULL DEFAULT '',
        finished_at TEXT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS calls_created_at ON calls (created_at)",
    "CREATE INDEX IF NOT EXISTS calls_customer_number ON calls (customer_number)",
)

_COLUMNS = (
    "id, created_at, member_name, member_number, customer_number, deskphone,"
    " call_limit, outcome, campid, message, finished_at"
)

# Attempts that may have reached the customer: these start the re-dial cool-down.
_MAY_HAVE_RUNG = (Outcome.PLACED.value, Outcome.UNKNOWN.value, Outcome.SENDING.value)

_Row = tuple[int, str, str, str, str, str, int, str, str | None, str, str | None]


def utc_now() -> datetime:
    """The default clock of the store."""
    return datetime.now(UTC)


def _to_text(moment: datetime) -> str:
    """ISO 8601 in UTC with offset and fixed precision (sorts as text); naive means local."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _from_text(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def _last_ten_digits(number: str) -> str:
    return re.sub(r"\D", "", number)[-10:]


def _to_campaign(row: _Row) -> Campaign:
    row_id, created, name, member, customer, deskphone, limit, outcome, campid, message, done = row
    return Campaign(
        row_id=row_id,
        created_at=_from_text(created),
        member_name=name,
        member_number=member,
        customer_number=customer,
        deskphone=deskphone,
        call_limit=limit,
        outcome=Outcome(outcome),
        campid=campid,
        message=message,
        finished_at=_from_text(done) if done is not None else None,
    )


class HistoryStore:
    """The history database at ``path``; every failure is raised as ``HistoryError``."""

    def __init__(self, path: Path, *, clock: Callable[[], datetime] = utc_now) -> None:
        """Open (creating if needed) the history at ``path``; ``clock`` gives "now" (tests)."""
        self._path = path
        self._clock = clock
        self._lock = threading.Lock()
        self._conn = self._open(path)
        try:
            with self._guard("open"):
                self._prepare()
        except HistoryError:
            self._conn.close()
            raise

    @property
    def path(self) -> Path:
        return self._path

    def begin(self, request: CallRequest) -> int:
        """Commit a ``sending`` row for ``request`` (durable on return) and give its id."""
        sql = (
            "INSERT INTO calls (created_at, member_name, member_number, customer_number,"
            " deskphone, call_limit, outcome, campid, message, finished_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, NULL, '', NULL)"
        )
        params = (
            self._now(),
            request.member_name,
            request.member_number,
            request.customer_number,
            request.deskphone,
            request.call_limit,
            Outcome.SENDING.value,
        )
        with self._guard("write"):
            row_id = self._conn.execute(sql, params).lastrowid
        if row_id is None:  # pragma: no cover - an INSERT always sets it
            raise HistoryError(f"Could not record the call in {self._path}")
        return row_id

    def finish(self, row_id: int, result: CallResult) -> Campaign:
        """Record what became of row ``row_id`` and give the updated row."""
        if result.outcome is Outcome.SENDING:
            raise ValueError("a finished call cannot still be sending")
        campid = None if result.campid is None else str(result.campid)
        sql = "UPDATE calls SET outcome = ?, message = ?, campid = ?, finished_at = ? WHERE id = ?"
        with self._guard("write"):
            cursor = self._conn.execute(
                sql, (result.outcome.value, result.message, campid, self._now(), row_id)
            )
        if cursor.rowcount != 1:
            raise HistoryError(f"History row {row_id} does not exist in {self._path}")
        return self.get(row_id)

    def mark_unfinished(self, message: str) -> int:
        """Turn every row still ``sending`` into ``unknown``; give how many there were."""
        sql = "UPDATE calls SET outcome = ?, message = ?, finished_at = ? WHERE outcome = ?"
        params = (Outcome.UNKNOWN.value, message, self._now(), Outcome.SENDING.value)
        with self._guard("write"):
            count = self._conn.execute(sql, params).rowcount
        if count:
            logger.warning("Marked %s unfinished call(s) as unknown", count)
        return count

    def recent(self, limit: int = 500) -> list[Campaign]:
        """The newest ``limit`` rows, newest first."""
        sql = f"SELECT {_COLUMNS} FROM calls ORDER BY created_at DESC, id DESC LIMIT ?"  # noqa: S608
        with self._guard("read"):
            rows: list[_Row] = self._conn.execute(sql, (limit,)).fetchall()
        return [_to_campaign(row) for row in rows]

    def get(self, row_id: int) -> Campaign:
        """The row ``row_id``; ``HistoryError`` if there is none."""
        sql = f"SELECT {_COLUMNS} FROM calls WHERE id = ?"  # noqa: S608
        with self._guard("read"):
            row: _Row | None = self._conn.execute(sql, (row_id,)).fetchone()
        if row is None:
            raise HistoryError(f"History row {row_id} does not exist in {self._path}")
        return _to_campaign(row)

    def last_attempt_to(self, customer_number: str, since: datetime) -> Campaign | None:
        """The newest attempt to this customer at/after ``since`` that may have rung them.

        Numbers are compared on their last 10 digits; rejected and not-sent attempts are
        ignored (they never reached the customer).
        """
        sql = (
            f"SELECT {_COLUMNS} FROM calls"  # noqa: S608
            " WHERE created_at >= ? AND substr(customer_number, -10) = ?"
            " AND outcome IN (?, ?, ?) ORDER BY created_at DESC, id DESC LIMIT 1"
        )
        params = (_to_text(since), _last_ten_digits(customer_number), *_MAY_HAVE_RUNG)
        with self._guard("read"):
            row: _Row | None = self._conn.execute(sql, params).fetchone()
        return None if row is None else _to_campaign(row)

    def close(self) -> None:
        """Close the database; safe to call twice."""
        with self._lock:
            self._conn.close()

    def _now(self) -> str:
        return _to_text(self._clock())

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists():  # it holds customer numbers: owner-only from the start
                os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
            return sqlite3.connect(
                path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
            )
        except (OSError, sqlite3.Error) as exc:
            raise HistoryError(f"Cannot open the call history at {path}: {exc}") from exc

    def _prepare(self) -> None:
        """Check the file is ours (reading only), then set it up; runs under the guard."""
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        version: int = conn.execute("PRAGMA user_version").fetchone()[0]  # garbage fails here
        if version > SCHEMA_VERSION:
            raise HistoryError(
                f"The call history at {self._path} was written by a newer version of the app"
            )
        mode: str = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            logger.warning("History journal mode is %s, not WAL", mode)
        conn.execute("PRAGMA synchronous = FULL")
        if version < SCHEMA_VERSION:
            conn.execute("BEGIN IMMEDIATE")
            for statement in _SCHEMA:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")

    @contextmanager
    def _guard(self, action: str) -> Iterator[None]:
        """Hold the lock; turn sqlite errors into a ``HistoryError`` that names the file."""
        with self._lock:
            try:
                yield
            except sqlite3.Error as exc:
                with suppress(sqlite3.Error):
                    if self._conn.in_transaction:
                        self._conn.rollback()
                message = f"Cannot {action} the call history at {self._path}: {exc}"
                raise HistoryError(message) from exc
