"""The campaign history: one SQLite row per call attempt, written ahead of the request.

``begin`` commits a ``sending`` row before the request leaves, ``finish`` records what became
of it, and ``mark_unfinished`` turns rows a crash left behind into ``unknown`` (the call may
have rung). One connection is shared by the worker thread (writes) and the GUI thread (reads),
serialised by a lock. Times are stored as ISO 8601 text in UTC with an explicit offset, so
they sort as text. Nothing here ever sees the authcode.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import datetime, timedelta
from pathlib import Path

from dialer_app.core.clock import utc_now
from dialer_app.core.compliance import opt_out
from dialer_app.core.compliance.opt_out import OptOut
from dialer_app.core.errors import HistoryDamaged, HistoryError, HistoryFull, HistoryReadOnly
from dialer_app.core.history import window as history_window
from dialer_app.core.history.sql import (
    COLUMNS,
    MEMBER_NAMES_SQL,
    MIGRATIONS,
    SCHEMA_VERSION,
    Key,
    Span,
    is_name_filter,
    name_matches,
    page_sql,
    to_campaign,
    to_text,
    where_clause,
    window_sql,
)
from dialer_app.core.history.window import Opened
from dialer_app.core.phone import last_ten
from dialer_app.core.records import (
    CallRequest,
    CallResult,
    HistoryQuery,
    HistoryRow,
    Outcome,
    ReportRow,
    ReportState,
    Verdict,
    WrapUp,
)
from dialer_app.core.sqlite_file import create_private

logger = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 2000
# What SQLite says of a file that is not a database, or whose pages are corrupt.
_DAMAGE_SIGNS = ("file is not a database", "database disk image is malformed")
EXPORT_CHUNK = 2000

# Attempts that may have reached the customer: these start the re-dial cool-down.
_MAY_HAVE_RUNG = (Outcome.PLACED.value, Outcome.UNKNOWN.value, Outcome.SENDING.value)


class HistoryStore:
    """The history database at ``path``; every failure is raised as ``HistoryError``."""

    def __init__(self, path: Path, *, clock: Callable[[], datetime] = utc_now) -> None:
        """Open (creating if needed) the history at ``path``; ``clock`` gives "now" (tests)."""
        self._path = path
        self._clock = clock
        self._lock = threading.Lock()
        self._window_lock = threading.Lock()  # the window's reader: never waits on a write
        self._window_conn: sqlite3.Connection | None = None
        self._window_closed = False
        self._writes = 0  # writes begun on this store (see ``writes``)
        self.read_only = False  # True: the rows can be shown, no call can be recorded
        self.disk_full = False  # True at opening: calls fail (not sent) until there is space
        self.write_problem = ""  # why it cannot be written, when read_only
        self._conn = self._open(path)
        try:
            with self._guard("open"):
                self._prepare()
        except HistoryError as exc:
            self._conn.close()
            reader = None if isinstance(exc, HistoryDamaged) else self._open_read_only(path)
            if reader is None:
                raise
            self._conn, self.read_only, self.write_problem = reader, True, exc.reason
            logger.warning("The history at %s can only be read: %s", path, exc)
            return
        try:
            with self._guard("write"):  # rewrites the header's version: changes nothing
                self._conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                opt_out.add_who(self._conn)  # a column, not a version: older apps still open it
        except HistoryReadOnly as exc:
            logger.warning("The history at %s is read-only", path)
            self.read_only, self.write_problem = True, exc.reason
        except HistoryFull:
            logger.warning("The disk holding the history at %s is full", path)
            self.disk_full = True

    @property
    def path(self) -> Path:
        return self._path

    @property
    def writes(self) -> int:
        """How many writes this store has begun. A read made after this was N saw every
        write committed so far; if it is still N, nothing has changed since (this store is the
        only writer of its file: the app runs once per data directory)."""
        return self._writes

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

    def finish(self, row_id: int, result: CallResult) -> HistoryRow:
        """Record what became of row ``row_id`` and give the updated row."""
        if result.outcome is Outcome.SENDING:
            raise ValueError("a finished call cannot still be sending")
        campid = None if result.campid is None else str(result.campid)
        placed = result.outcome is Outcome.PLACED
        state = ReportState.PENDING if placed else ReportState.NONE
        sql = (
            "UPDATE calls SET outcome = ?, message = ?, campid = ?, finished_at = ?,"
            " report_state = ? WHERE id = ?"
        )
        params = (result.outcome.value, result.message, campid, self._now(), state.value, row_id)
        with self._guard("write"):
            cursor = self._conn.execute(sql, params)
        if cursor.rowcount != 1:
            raise HistoryError(f"History row {row_id} does not exist in {self._path}")
        return self.get(row_id)

    def mark_unfinished(self, message: str) -> int:
        """Turn every row still ``sending`` into ``unknown``; give how many there were.

        A history that cannot be written raises ``HistoryReadOnly`` (``count`` set) only when
        there are such rows: an empty answer is true without writing.
        """
        if self.read_only:
            with self._guard("read"):
                sending = "SELECT COUNT(*) FROM calls WHERE outcome = ?"
                waiting = int(self._conn.execute(sending, (Outcome.SENDING.value,)).fetchone()[0])
            if waiting:
                error = HistoryReadOnly(f"{waiting} unfinished call(s) in {self._path}")
                error.reason, error.count = self.write_problem, waiting
                raise error
            return 0
        sql = "UPDATE calls SET outcome = ?, message = ?, finished_at = ? WHERE outcome = ?"
        params = (Outcome.UNKNOWN.value, message, self._now(), Outcome.SENDING.value)
        with self._guard("write"):
            count = self._conn.execute(sql, params).rowcount
        if count:
            logger.warning("Marked %s unfinished call(s) as unknown", count)
        return count

    def page(self, query: HistoryQuery, after: HistoryRow | None, limit: int) -> list[HistoryRow]:
        """Up to ``limit`` rows matching ``query`` in its order, following the row ``after``."""
        with self._guard("read"):
            names = self._names_for(self._conn, query)
            sql, params = page_sql(query, after, limit, names)
            rows = self._conn.execute(sql, params).fetchall()
        return [to_campaign(row) for row in rows]

    def matches(self, query: HistoryQuery, row_id: int) -> bool:
        """Whether row ``row_id`` passes the query's filter: the page's own WHERE clause."""
        with self._guard("read"):
            names = self._names_for(self._conn, query)
            where, params = where_clause(query, names)
            sql = "SELECT 1 FROM calls WHERE id = ?" + (f" AND {where}" if where else "")  # noqa: S608
            return self._conn.execute(sql, [row_id, *params]).fetchone() is not None

    def first_page(
        self, query: HistoryQuery, limit: int, counted: Callable[[Opened], None] | None = None
    ) -> tuple[Opened, int]:
        """The query's first page and span, then how many rows it has, from one snapshot of
        the file (a read transaction of its own: calls are written meanwhile). ``counted``
        gets the page before the count is run."""
        with self._window("read") as conn:
            conn.execute("BEGIN")
            try:
                names = self._names_for(conn, query)
                opened = history_window.first_page(conn, query, names, limit)
                if counted is not None:
                    counted(opened)
                total = history_window.count(conn, query, names, opened.span)
            finally:
                conn.execute("COMMIT")
        return opened, total

    def page_at(
        self, query: HistoryQuery, span: Span, moves: tuple[Key | None, bool, int, int]
    ) -> list[HistoryRow]:
        """A page anywhere in the query's result: see ``history_window.page_at``."""
        with self._window("read") as conn:
            names = self._names_for(conn, query)
            return history_window.page_at(conn, query, names, span, moves)

    def _read_only(self) -> sqlite3.Connection:
        """A read-only connection of its own (marks, exports): it never holds the store's lock."""
        uri = f"file:{self._path}?mode=ro"
        try:
            return sqlite3.connect(uri, uri=True, check_same_thread=False)
        except sqlite3.Error as exc:
            raise HistoryError(f"Cannot read the call history at {self._path}: {exc}") from exc

    def marks(self, query: HistoryQuery, span: Span, every: int) -> dict[int, Key]:
        """The key of every ``every``-th row of the query inside ``span``, by position: one
        walk of the sort index, on a connection of its own (page reads go on meanwhile)."""
        reader = self._read_only()
        try:
            names = self._names_for(reader, query)
            return history_window.marks(reader, query, names, span, every)
        except sqlite3.Error as exc:
            raise HistoryError(f"Cannot read the call history at {self._path}: {exc}") from exc
        finally:
            reader.close()

    @contextmanager
    def _window(self, action: str) -> Iterator[sqlite3.Connection]:
        """The window's own connection (the shared one on a read-only file), under its lock."""
        if self.read_only:
            with self._guard(action):
                yield self._conn
            return
        with self._window_lock:
            if self._window_closed:
                raise HistoryError(f"Cannot {action} the call history at {self._path}: closed")
            try:
                if self._window_conn is None:
                    self._window_conn = sqlite3.connect(
                        self._path, isolation_level=None, check_same_thread=False,
                        timeout=BUSY_TIMEOUT_MS / 1000,
                    )  # fmt: skip
                    self._window_conn.execute("PRAGMA query_only = 1")
                yield self._window_conn
            except sqlite3.Error as exc:
                message = f"Cannot {action} the call history at {self._path}: {exc}"
                raise _kind_of(exc)(message) from exc

    @staticmethod
    def _names_for(conn: sqlite3.Connection, query: HistoryQuery) -> list[str] | None:
        """The member names a name filter matches (None when it is not a name filter)."""
        if not is_name_filter(query):
            return None
        names = [str(row[0]) for row in conn.execute(MEMBER_NAMES_SQL)]
        return [name for name in names if name_matches(name, query.text)]

    def recent_to(self, customer_number: str, limit: int = 3) -> list[HistoryRow]:
        """The last attempts to this customer (any outcome), newest first."""
        sql = (
            f"SELECT {COLUMNS} FROM calls WHERE customer_number = ?"  # noqa: S608
            " ORDER BY created_at DESC, id DESC LIMIT ?"
        )
        with self._guard("read"):
            rows = self._conn.execute(sql, (last_ten(customer_number), limit)).fetchall()
        return [to_campaign(row) for row in rows]

    def export_batches(
        self, query: HistoryQuery, columns: str, batch: int = EXPORT_CHUNK
    ) -> tuple[int, Iterator[list[tuple[object, ...]]]]:
        """How many rows match ``query``, and every one of them as a tuple of ``columns`` (SQL
        expressions) in batches, in order: one statement in one read transaction on a
        connection of its own (the count and the rows agree; calls go on meanwhile)."""
        reader = self._read_only()
        try:
            reader.execute("BEGIN")
            names = self._names_for(reader, query)
            total = history_window.count(reader, query, names, span=None, always=True)
            sql, params = window_sql(query, names, limit=-1, columns=columns)
            cursor = reader.execute(sql, params)
        except sqlite3.Error as exc:
            reader.close()
            raise HistoryError(f"Cannot read the call history at {self._path}: {exc}") from exc
        return total, self._batches(reader, cursor, batch)

    def _batches(
        self, reader: sqlite3.Connection, cursor: sqlite3.Cursor, size: int
    ) -> Iterator[list[tuple[object, ...]]]:
        try:
            while rows := cursor.fetchmany(size):
                yield rows
        except sqlite3.Error as exc:
            raise HistoryError(f"Cannot read the call history at {self._path}: {exc}") from exc
        finally:
            reader.close()

    def pending_reports(self) -> list[HistoryRow]:
        """Placed calls whose call report is still to be fetched, oldest first."""
        sql = (
            f"SELECT {COLUMNS} FROM calls WHERE report_state = 'pending'"  # noqa: S608
            " ORDER BY created_at, id"
        )
        with self._guard("read"):
            rows = self._conn.execute(sql).fetchall()
        return [to_campaign(row) for row in rows]

    def record_report(self, row_id: int, report: ReportRow | None) -> HistoryRow:
        """Store the call report's verdict for a row (None: we gave up, no report came)."""
        sql = (
            "UPDATE calls SET report_state = 'final', verdict = ?, leg_a_at = ?, leg_b_at = ?,"
            " talk_seconds = ?, coins = ?, recording_url = ?, report_id = ? WHERE id = ?"
        )
        if report is None:
            params: tuple[object, ...] = (Verdict.NO_REPORT.value, *([None] * 6), row_id)
        else:
            params = (
                report.verdict.value,
                to_text(report.leg_a_at) if report.leg_a_at else None,
                to_text(report.leg_b_at) if report.leg_b_at else None,
                report.talk_seconds,
                report.coins,
                report.recording_url or None,
                report.report_id,
                row_id,
            )
        with self._guard("write"):
            self._conn.execute(sql, params)
        return self.get(row_id)

    def claimed_report_ids(self) -> set[str]:
        """Report rows already matched to a history row (one report, one call)."""
        since = to_text(self._clock() - timedelta(days=2))
        sql = "SELECT report_id FROM calls WHERE report_id IS NOT NULL AND created_at >= ?"
        with self._guard("read"):
            rows = self._conn.execute(sql, (since,)).fetchall()
        return {str(row[0]) for row in rows}

    def save_wrap_up(self, row_id: int, wrap_up: WrapUp) -> HistoryRow:
        """Store the agent's disposition, note and call-back time for a row."""
        sql = "UPDATE calls SET disposition = ?, note = ?, call_back_at = ? WHERE id = ?"
        when = to_text(wrap_up.call_back_at) if wrap_up.call_back_at else None
        with self._guard("write"):
            self._conn.execute(sql, (wrap_up.disposition, wrap_up.note or None, when, row_id))
        return self.get(row_id)

    def block(self, number: str, reason: str = "", who: str = "") -> None:
        """Put a number on the do-not-call list (compared on its last 10 digits), with why
        (``opt_out.reason_text``) and who (the member) for the audit."""
        sql = "INSERT OR REPLACE INTO do_not_call (number, added_at, reason) VALUES (?, ?, ?)"
        with self._guard("write"):
            self._conn.execute(sql, (last_ten(number), self._now(), reason))
            if who:
                opt_out.record_who(self._conn, last_ten(number), who)

    def opt_outs(self, number: str | None = None) -> list[OptOut]:
        """The do-not-call list with who, when and why (one number's entry, if given)."""
        with self._guard("read"):
            return opt_out.read(self._conn, None if number is None else last_ten(number))

    def unblock(self, number: str) -> bool:
        """Take a number off the do-not-call list; whether it was on it."""
        with self._guard("write"):
            cursor = self._conn.execute(
                "DELETE FROM do_not_call WHERE number = ?", (last_ten(number),)
            )
        return cursor.rowcount > 0

    def blocked(self, number: str) -> bool:
        """Whether a number is on the do-not-call list."""
        sql = "SELECT 1 FROM do_not_call WHERE number = ?"
        with self._guard("read"):
            return self._conn.execute(sql, (last_ten(number),)).fetchone() is not None

    def blocked_numbers(self) -> list[str]:
        """The do-not-call list, newest first."""
        sql = "SELECT number FROM do_not_call ORDER BY added_at DESC"
        with self._guard("read"):
            return [str(row[0]) for row in self._conn.execute(sql)]

    def get(self, row_id: int) -> HistoryRow:
        """The row ``row_id``; ``HistoryError`` if there is none."""
        sql = f"SELECT {COLUMNS} FROM calls WHERE id = ?"  # noqa: S608
        with self._guard("read"):
            row = self._conn.execute(sql, (row_id,)).fetchone()
        if row is None:
            raise HistoryError(f"History row {row_id} does not exist in {self._path}")
        return to_campaign(row)

    def last_attempt_to(self, customer_number: str, since: datetime) -> HistoryRow | None:
        """The newest attempt to this customer at/after ``since`` that may have rung them.

        Numbers are compared on their last 10 digits; rejected and not-sent attempts are
        ignored (they never reached the customer).
        """
        sql = (
            f"SELECT {COLUMNS} FROM calls"  # noqa: S608
            " WHERE created_at >= ? AND customer_number = ?"
            " AND outcome IN (?, ?, ?) ORDER BY created_at DESC, id DESC LIMIT 1"
        )
        params = (to_text(since), last_ten(customer_number), *_MAY_HAVE_RUNG)
        with self._guard("read"):
            row = self._conn.execute(sql, params).fetchone()
        return None if row is None else to_campaign(row)

    def close(self) -> None:
        """Checkpoint and close the database (no -wal or -shm file stays); safe to call twice."""
        with self._window_lock:
            self._window_closed = True
            if self._window_conn is not None:
                self._window_conn.close()
                self._window_conn = None
        with self._lock:
            if not self.read_only:
                with suppress(sqlite3.Error):  # closed already, or a full disk
                    self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._conn.close()

    def _now(self) -> str:
        return to_text(self._clock())

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        try:
            create_private(path)  # it holds customer numbers: owner-only from the start
            return sqlite3.connect(
                path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
            )
        except (OSError, sqlite3.Error) as exc:
            error = HistoryError(f"Cannot open the call history at {path}: {exc}")
            error.reason = getattr(exc, "strerror", None) or str(exc)
            raise error from exc

    @staticmethod
    def _open_read_only(path: Path) -> sqlite3.Connection | None:
        """On a read-only disk, a history closed cleanly (no WAL left) can still be shown.

        SQLite cannot open a WAL database there without creating its shared-memory file (on
        a full disk neither); as nothing can change it then, it is opened as immutable. With a
        WAL file left (a crash), that would hide its last rows, so it is not.
        """
        wal = path.with_name(path.name + "-wal")
        if not path.exists() or (wal.exists() and wal.stat().st_size > 0):
            return None
        try:
            conn = sqlite3.connect(
                f"{path.resolve().as_uri()}?immutable=1", uri=True, check_same_thread=False
            )
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.Error:
            return None
        if version != SCHEMA_VERSION:  # empty (never set up) or needing a migration
            conn.close()
            return None
        return conn

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
            for step in range(version + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[step]:
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")

    @contextmanager
    def _guard(self, action: str) -> Iterator[None]:
        """Hold the lock; turn sqlite errors into a ``HistoryError`` that names the file."""
        with self._lock:
            if action != "read":
                self._writes += 1  # before the write: a read racing it sees the change
            try:
                yield
            except sqlite3.Error as exc:
                with suppress(sqlite3.Error):
                    if self._conn.in_transaction:
                        self._conn.rollback()
                message = f"Cannot {action} the call history at {self._path}: {exc}"
                error = _kind_of(exc)(message)
                error.reason = str(exc)
                raise error from exc


def _kind_of(exc: sqlite3.Error) -> type[HistoryError]:
    """Which HistoryError an sqlite error is: damaged, read-only, full, or another."""
    name = getattr(exc, "sqlite_errorname", "")
    if any(sign in str(exc) for sign in _DAMAGE_SIGNS):
        return HistoryDamaged
    if name.startswith("SQLITE_READONLY") or "readonly database" in str(exc):
        return HistoryReadOnly
    if name.startswith("SQLITE_FULL") or "disk is full" in str(exc):
        return HistoryFull
    return HistoryError


def set_aside(path: Path) -> Path:
    """Rename a damaged history (and its WAL files) out of the way, bytes untouched."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    for suffix in ("-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            extra.replace(aside.with_name(aside.name + suffix))
    path.replace(aside)
    return aside
