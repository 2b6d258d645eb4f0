"""The call-down lists in SQLite: ``lists.sqlite3`` in the data directory, beside the history.

A file of its own, not more tables in ``history.sqlite3``: a 100,000-lead import is one long
write transaction, and in the history file it would hold the lock that a call's write-ahead
row must take at once; the history also stays readable by every earlier version. The history
keeps the calls; a lead keeps the row id of its last call (``history_row``).

An import writes on a connection of its own in one transaction (WAL: the window's reads go
on meanwhile), so a cancelled import leaves nothing behind. ``PRAGMA user_version`` holds the
schema version; ``MIGRATIONS`` brings older files forward.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dialer_app.core.errors import HistoryError
from dialer_app.core.leads.model import Lead, LeadList, LeadListProgress, LeadStatus, Preview
from dialer_app.core.leads.store import leads_in_pages
from dialer_app.core.records import Outcome
from dialer_app.core.sqlite_file import close_checkpointed, create_private, guarded
from dialer_app.core.text import Sentence

SCHEMA_VERSION = 2
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        """CREATE TABLE IF NOT EXISTS lists (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL,
            columns TEXT NOT NULL,
            created_at TEXT NOT NULL,
            current_lead INTEGER NULL,
            active INTEGER NOT NULL DEFAULT 0,
            total INTEGER NOT NULL DEFAULT 0,
            rows INTEGER NOT NULL DEFAULT 0
        )""",
        """CREATE TABLE IF NOT EXISTS leads (
            id INTEGER PRIMARY KEY,
            list_id INTEGER NOT NULL REFERENCES lists (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            number TEXT NOT NULL,
            cells TEXT NOT NULL,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            outcome TEXT NOT NULL DEFAULT '',
            disposition TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            campid TEXT NOT NULL DEFAULT '',
            talk_seconds INTEGER NULL,
            call_back_at TEXT NULL,
            reason TEXT NOT NULL DEFAULT '',
            history_row INTEGER NULL
        )""",
        "CREATE UNIQUE INDEX IF NOT EXISTS leads_position ON leads (list_id, position)",
        "CREATE INDEX IF NOT EXISTS leads_status ON leads (list_id, status, position)",
        "CREATE INDEX IF NOT EXISTS leads_history ON leads (history_row)",
    ),
    # A lead's alternate numbers and the names of later rows with its number (JSON).
    2: ("ALTER TABLE leads ADD COLUMN extra TEXT NOT NULL DEFAULT ''",),
}
LEAD_COLUMNS = (
    "id, list_id, position, name, number, cells, status, attempts, outcome, disposition,"
    " note, campid, talk_seconds, call_back_at, reason, history_row, extra"
)
_CHUNK = 2000


def _text(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat(timespec="seconds")


def _moment(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text).astimezone(UTC)


def _lead(row: tuple[Any, ...]) -> Lead:
    (lead_id, list_id, position, name, number, cells, status, attempts, outcome, disposition,
     note, campid, talk, call_back, reason, history_row, extra) = row  # fmt: skip
    sentence = Sentence.from_json(reason)  # lists saved before: English text
    more = json.loads(extra) if extra else {}
    return Lead(
        lead_id, list_id, position, name, number, tuple(json.loads(cells)), LeadStatus(status),
        attempts, Outcome(outcome) if outcome else None, disposition, note, campid, talk,
        _moment(call_back),
        reason if sentence is None else str(sentence), history_row, sentence,
        tuple(more.get("alternates", ())), tuple(more.get("same_number", ())),
    )  # fmt: skip


class SqliteLeadStore:
    """The lists file at ``path`` (a ``core/leads/store.py: LeadStore``); SQLite failures are
    raised as ``HistoryError``."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._lock = threading.Lock()
        try:
            create_private(path)  # customers' names and numbers: the owner's only
            self._conn = self._connect()
            self._migrate()
        except (sqlite3.Error, OSError) as exc:
            raise HistoryError(f"The lead lists at {path} cannot be opened: {exc}") from exc

    @property
    def path(self) -> Path:
        return self._path

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self._path, timeout=5, check_same_thread=False)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    def _migrate(self) -> None:
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        with self._conn:
            for step in range(version + 1, SCHEMA_VERSION + 1):
                for sql in MIGRATIONS[step]:
                    self._conn.execute(sql)
            if version < SCHEMA_VERSION:
                self._conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _guard(self) -> AbstractContextManager[sqlite3.Connection]:
        return guarded(self._lock, self._conn, f"The lead lists at {self._path}")

    def close(self) -> None:
        """Checkpoint and close the lists file (no -wal or -shm file stays); safe twice."""
        close_checkpointed(self._lock, self._conn)

    # -- lists -------------------------------------------------------------------------
    def create_list(
        self,
        preview: Preview,
        progress: Callable[[int], None] = lambda _n: None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> LeadList | None:
        """Save ``preview`` as a new active list (None if cancelled: nothing is saved)."""
        conn = self._connect()  # its own transaction: the window's reads go on meanwhile
        try:
            with conn:
                list_id = self._insert_list(conn, preview)
                refused = {row.position: row for row in preview.refused}
                ready = {lead.position: lead for lead in preview.ready}
                batch: list[tuple[object, ...]] = []
                for position in range(len(refused) + len(ready)):
                    batch.append(_lead_values(list_id, position, ready, refused))
                    if len(batch) >= _CHUNK:
                        if cancelled():
                            conn.rollback()
                            return None
                        _insert_leads(conn, batch)
                        progress(position + 1)
                        batch = []
                _insert_leads(conn, batch)
                if preview.purpose is not None:  # the compliance journal, in this transaction
                    from dialer_app.core.compliance.journal import save_list

                    save_list(conn, list_id, preview.purpose, preview.records.items(),
                              scrubbed_on=preview.scrubbed_on)  # fmt: skip
                conn.execute("UPDATE lists SET active = (id = ?)", (list_id,))
                conn.execute(
                    "UPDATE lists SET total = ?, rows = ? WHERE id = ?",
                    (len(ready), len(ready) + len(refused), list_id),
                )
        except sqlite3.Error as exc:
            raise HistoryError(f"The list could not be saved in {self._path}: {exc}") from exc
        finally:
            conn.close()
        found = self.get_list(list_id)
        assert found is not None
        return found

    def _insert_list(self, conn: sqlite3.Connection, preview: Preview) -> int:
        names = {row[0] for row in conn.execute("SELECT name FROM lists")}
        name, count = preview.name, 1
        while name in names:
            count += 1
            name = f"{preview.name} ({count})"
        cursor = conn.execute(
            "INSERT INTO lists (name, source, columns, created_at) VALUES (?, ?, ?, ?)",
            (name, preview.source, json.dumps(preview.columns, ensure_ascii=False),
             _text(datetime.now(UTC))),
        )  # fmt: skip
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def lists(self) -> list[LeadList]:
        with self._guard() as conn:
            ids = [row[0] for row in conn.execute("SELECT id FROM lists ORDER BY id")]
        return [found for list_id in ids if (found := self.get_list(list_id)) is not None]

    def get_list(self, list_id: int) -> LeadList | None:
        sql = (
            "SELECT id, name, source, columns, current_lead, active, total FROM lists WHERE id = ?"
        )
        with self._guard() as conn:
            row = conn.execute(sql, (list_id,)).fetchone()
        if row is None:
            return None
        list_id, name, source, columns, current, active, total = row
        return LeadList(list_id, name, source, tuple(json.loads(columns)), current, bool(active),
                        total)  # fmt: skip

    def find_list(self, name: str) -> LeadList | None:
        with self._guard() as conn:
            row = conn.execute("SELECT id FROM lists WHERE name = ?", (name,)).fetchone()
        return None if row is None else self.get_list(row[0])

    def activate(self, list_id: int) -> None:
        with self._guard() as conn:
            conn.execute("UPDATE lists SET active = (id = ?)", (list_id,))

    def active_list(self) -> LeadList | None:
        with self._guard() as conn:
            row = conn.execute("SELECT id FROM lists WHERE active = 1").fetchone()
        return None if row is None else self.get_list(row[0])

    # -- reading leads -----------------------------------------------------------------
    def count(self, list_id: int) -> int:
        """How many rows the list holds, refused ones included (kept at import: no scan)."""
        sql = "SELECT rows FROM lists WHERE id = ?"
        with self._guard() as conn:
            return int(conn.execute(sql, (list_id,)).fetchone()[0])

    def page(self, list_id: int, start: int, count: int) -> list[Lead]:
        """Leads at positions ``start`` .. ``start + count - 1`` (an index range, no OFFSET)."""
        sql = f"SELECT {LEAD_COLUMNS} FROM leads WHERE list_id = ? AND position >= ?"  # noqa: S608
        with self._guard() as conn:
            rows = conn.execute(sql + " ORDER BY position LIMIT ?", (list_id, start, count))
            return [_lead(row) for row in rows.fetchall()]

    def lead(self, lead_id: int) -> Lead | None:
        sql = f"SELECT {LEAD_COLUMNS} FROM leads WHERE id = ?"  # noqa: S608
        with self._guard() as conn:
            row = conn.execute(sql, (lead_id,)).fetchone()
        return None if row is None else _lead(row)

    def lead_for_call(self, history_row: int) -> Lead | None:
        sql = f"SELECT {LEAD_COLUMNS} FROM leads WHERE history_row = ?"  # noqa: S608
        with self._guard() as conn:
            row = conn.execute(sql, (history_row,)).fetchone()
        return None if row is None else _lead(row)

    def progress(self, list_id: int) -> LeadListProgress:
        """The progress line's counts. A lead is done once its attempt has an outcome: not
        while its placed call may still ring (the list's current lead, called, no verdict)."""
        sql = "SELECT status, COUNT(*) FROM leads WHERE list_id = ? GROUP BY status"
        ringing_sql = (
            "SELECT COUNT(*) FROM leads JOIN lists ON lists.current_lead = leads.id"
            " WHERE lists.id = ? AND leads.status = 'called' AND leads.outcome = 'placed'"
        )
        with self._guard() as conn:
            counts = {LeadStatus(s): n for s, n in conn.execute(sql, (list_id,)).fetchall()}
            ringing = int(conn.execute(ringing_sql, (list_id,)).fetchone()[0])
        return LeadListProgress.of_counts(counts, still_open=ringing)

    def iter_leads(self, list_id: int) -> Iterator[Lead]:
        """Every lead of the list in file order, a chunk at a time (exports)."""
        return leads_in_pages(self.page, list_id)

    def due_call_backs(self, list_id: int, now: datetime, max_attempts: int) -> list[Lead]:
        sql = (
            f"SELECT {LEAD_COLUMNS} FROM leads WHERE list_id = ? AND status = 'call_back'"  # noqa: S608
            " AND call_back_at <= ? AND attempts < ? ORDER BY call_back_at, position"
        )
        with self._guard() as conn:
            rows = conn.execute(sql, (list_id, _text(now), max_attempts)).fetchall()
        return [_lead(row) for row in rows]

    # -- working the list --------------------------------------------------------------
    def current(self, list_id: int, now: datetime, max_attempts: int) -> Lead | None:
        """The lead the agent is on (its place is kept), or the next one."""
        found = self.get_list(list_id)
        if found is not None and found.current_lead is not None:
            lead = self.lead(found.current_lead)
            if lead is not None and _still_current(lead, now):
                return lead
        return self.advance(list_id, now, max_attempts)

    def advance(self, list_id: int, now: datetime, max_attempts: int) -> Lead | None:
        """Move to the next lead: a call back that is due first, then the next new lead."""
        due = self.due_call_backs(list_id, now, max_attempts)
        sql = (
            f"SELECT {LEAD_COLUMNS} FROM leads WHERE list_id = ? AND status = 'new'"  # noqa: S608
            " ORDER BY position LIMIT 1"
        )
        with self._guard() as conn:
            row = None if due else conn.execute(sql, (list_id,)).fetchone()
            lead = due[0] if due else (None if row is None else _lead(row))
            conn.execute(
                "UPDATE lists SET current_lead = ? WHERE id = ?",
                (None if lead is None else lead.lead_id, list_id),
            )
        return lead

    def set_current(self, list_id: int, lead_id: int) -> None:
        with self._guard() as conn:
            conn.execute("UPDATE lists SET current_lead = ? WHERE id = ?", (lead_id, list_id))

    def begin_attempt(self, lead_id: int) -> None:
        """A request for this lead is about to leave: committed before it does."""
        with self._guard() as conn:
            conn.execute(
                "UPDATE leads SET status = 'calling', attempts = attempts + 1, outcome ="
                " 'sending' WHERE id = ?",
                (lead_id,),
            )

    def finish_attempt(
        self, lead_id: int, outcome: Outcome, campid: str | None, history_row: int | None
    ) -> Lead | None:
        """What became of the request; a request that never left is not an attempt."""
        sql = (
            "UPDATE leads SET outcome = ?, campid = COALESCE(?, campid),"
            " history_row = COALESCE(?, history_row), status = CASE WHEN ? = 'not_sent' THEN"
            " (CASE WHEN call_back_at IS NOT NULL THEN 'call_back' WHEN attempts <= 1 THEN 'new'"
            " ELSE 'called' END) ELSE 'called' END, attempts = attempts - (? = 'not_sent')"
            " WHERE id = ?"
        )
        with self._guard() as conn:
            conn.execute(
                sql, (str(outcome), campid, history_row, str(outcome), str(outcome), lead_id)
            )
        return self.lead(lead_id)

    def record_verdict(self, history_row: int, connected: bool, talk: int | None) -> Lead | None:
        with self._guard() as conn:
            conn.execute(
                "UPDATE leads SET talk_seconds = ?, status = CASE WHEN ? AND status = 'called'"
                " THEN 'connected' ELSE status END WHERE history_row = ?",
                (talk, connected, history_row),
            )
        return self.lead_for_call(history_row)

    def wrap_up(
        self, lead_id: int, disposition: str, note: str, call_back_at: datetime | None,
        do_not_call: bool,
    ) -> None:  # fmt: skip
        status = "do_not_call" if do_not_call else "call_back" if call_back_at is not None else None
        with self._guard() as conn:
            conn.execute(
                "UPDATE leads SET disposition = ?, note = ?, call_back_at = ?,"
                " status = COALESCE(?, CASE WHEN status IN ('calling', 'call_back', 'new')"
                " THEN 'called' ELSE status END) WHERE id = ?",
                (disposition, note, _text(call_back_at), status, lead_id),
            )

    def set_status(self, lead_id: int, status: LeadStatus, call_back_at: datetime | None) -> None:
        with self._guard() as conn:
            conn.execute(
                "UPDATE leads SET status = ?, call_back_at = COALESCE(?, call_back_at)"
                " WHERE id = ?",
                (status.value, _text(call_back_at), lead_id),
            )

    def release_all(self) -> None:
        """One agent's lists: no lead is held for anyone else to take."""

    def recover(self) -> int:
        """Leads a crash left ``calling``: their attempt is unknown (it may have rung)."""
        with self._guard() as conn:
            cursor = conn.execute(
                "UPDATE leads SET status = 'called', outcome = 'unknown' WHERE status = 'calling'"
            )
            return cursor.rowcount


def _still_current(lead: Lead, now: datetime) -> bool:
    """The agent's lead at a restart: not finished with (skipped, blocked, not yet due)."""
    working = (LeadStatus.NEW, LeadStatus.CALLING, LeadStatus.CALLED, LeadStatus.CONNECTED)
    due = lead.call_back_at is not None and lead.call_back_at <= now
    return lead.status in working or (lead.status is LeadStatus.CALL_BACK and due)


def _lead_values(
    list_id: int, position: int, ready: dict[int, Any], refused: dict[int, Any]
) -> tuple[object, ...]:
    extra = ""
    if position in ready:
        lead = ready[position]
        name, number, cells, status, reason = lead.name, lead.number, lead.cells, "new", ""
        more = {"alternates": lead.alternates, "same_number": lead.same_number}
        if lead.alternates or lead.same_number:
            extra = json.dumps({k: list(v) for k, v in more.items() if v}, ensure_ascii=False)
    else:
        row = refused[position]
        name, number, cells, status = row.name, row.raw_number, row.cells, "refused"
        reason = row.reason.to_json()  # read back as a Sentence, shown translated
    return (list_id, position, name, number, json.dumps(cells, ensure_ascii=False), status,
            reason, extra)  # fmt: skip


def _insert_leads(conn: sqlite3.Connection, batch: list[tuple[object, ...]]) -> None:
    conn.executemany(
        "INSERT INTO leads (list_id, position, name, number, cells, status, reason, extra)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        batch,
    )
