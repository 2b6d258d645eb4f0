"""What the law asks a list to keep: its purpose, each lead's scrub and consent record, which
history rows are its calls, the caller-ID answers, and every refusal with its rule.

Tables of their own in ``lists.sqlite3``, beside the lists they describe, versioned in
``compliance_schema`` (not ``PRAGMA user_version``, which is the lead store's): the two sets
of migrations never meet. The functions over a connection (``prepare``, ``save_list``) can
run inside ``LeadStore.create_list``'s transaction, so a cancelled import leaves nothing;
``ComplianceJournal`` is the same on a connection of its own (WAL: the store's reads go on).
A team database's lists are numbered by it: their journal is a file of its own
(``team_journal_name``), their purposes chosen at import read from the team database.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from dialer_app.core.clock import Clock, utc_now
from dialer_app.core.compliance.caller_id import Answer
from dialer_app.core.compliance.columns import Dnd
from dialer_app.core.compliance.purpose import Purpose
from dialer_app.core.compliance.scrub import ComplianceRecord
from dialer_app.core.errors import HistoryError
from dialer_app.core.sqlite_file import close_checkpointed, create_private, guarded
from dialer_app.core.text import Sentence

VERSION = 1
TABLES: tuple[str, ...] = (
    "CREATE TABLE IF NOT EXISTS compliance_schema (version INTEGER NOT NULL)",
    """CREATE TABLE IF NOT EXISTS list_purpose (
        list_id INTEGER PRIMARY KEY,
        purpose TEXT NOT NULL,
        scrubbed_on TEXT NULL,
        chosen_at TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS lead_compliance (
        list_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        dnd TEXT NOT NULL,
        scrubbed_on TEXT NULL,
        consent_source TEXT NOT NULL,
        consent_on TEXT NULL,
        PRIMARY KEY (list_id, position)
    )""",
    """CREATE TABLE IF NOT EXISTS list_calls (
        history_row INTEGER PRIMARY KEY,
        list_id INTEGER NOT NULL,
        lead_id INTEGER NULL,
        purpose TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS list_calls_list ON list_calls (list_id, history_row)",
    """CREATE TABLE IF NOT EXISTS refusals (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        number TEXT NOT NULL,
        list_id INTEGER NULL,
        rule TEXT NOT NULL,
        sentence TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS refusals_list ON refusals (list_id, at)",
    """CREATE TABLE IF NOT EXISTS caller_id_answers (
        id INTEGER PRIMARY KEY,
        list_id INTEGER NOT NULL,
        deskphone TEXT NOT NULL,
        at TEXT NOT NULL,
        call_anyway INTEGER NOT NULL,
        agent TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS caller_id_answers_at ON caller_id_answers (at)",
)
_CHUNK = 2000
SharedPurpose = Callable[[int], str | None]


def team_journal_name(identity: str) -> str:
    """The file name of the journal of a team database (issue 23): its lists are numbered by
    the team database, never mixed with this desk's own lists. ``identity``: user, host,
    port and database name (never a password)."""
    digest = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:16]
    return f"compliance-team-{digest}.sqlite3"


def _when(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _day(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _read_day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


@dataclass(frozen=True, slots=True)
class Refusal:
    """A call (or a lead) the rules refused: when, whom, which rule, and the sentence."""

    at: datetime
    number: str
    rule: str
    sentence: Sentence | str  # a stored sentence, or text kept as it was
    list_id: int | None = None


@dataclass(frozen=True, slots=True)
class ListCall:
    """A history row that is a call of a list, under the purpose the list had then."""

    history_row: int
    list_id: int
    lead_id: int | None
    purpose: Purpose


def prepare(conn: sqlite3.Connection) -> None:
    """Create the tables (idempotent); run in a transaction of the caller's."""
    for sql in TABLES:
        conn.execute(sql)
    if conn.execute("SELECT COUNT(*) FROM compliance_schema").fetchone()[0] == 0:
        conn.execute("INSERT INTO compliance_schema (version) VALUES (?)", (VERSION,))


def save_list(
    conn: sqlite3.Connection,
    list_id: int,
    purpose: Purpose,
    records: Iterable[tuple[int, ComplianceRecord]],
    *,
    scrubbed_on: date | None = None,
    at: datetime | None = None,
) -> None:
    """A new list's purpose and its leads' records (``(position, record)``), in the caller's
    transaction (``LeadStore.create_list``'s, so both are saved or neither)."""
    prepare(conn)
    conn.execute(
        "INSERT OR REPLACE INTO list_purpose (list_id, purpose, scrubbed_on, chosen_at)"
        " VALUES (?, ?, ?, ?)",
        (list_id, purpose.value, _day(scrubbed_on), _when(at or utc_now())),
    )
    _save_records(conn, list_id, records)


def _save_records(
    conn: sqlite3.Connection, list_id: int, records: Iterable[tuple[int, ComplianceRecord]]
) -> None:
    sql = (
        "INSERT OR REPLACE INTO lead_compliance (list_id, position, dnd, scrubbed_on,"
        " consent_source, consent_on) VALUES (?, ?, ?, ?, ?, ?)"
    )
    batch: list[tuple[object, ...]] = []
    for position, record in records:
        batch.append((list_id, position, record.dnd.value, _day(record.scrubbed_on),
                      record.consent_source, _day(record.consent_on)))  # fmt: skip
        if len(batch) >= _CHUNK:
            conn.executemany(sql, batch)
            batch = []
    conn.executemany(sql, batch)


class ComplianceJournal:
    """The journal in the lists file at ``path``; SQLite failures raise ``HistoryError``.

    ``shared``: a team's journal reads a list's purpose from the team database first (the one
    chosen at its import, the same on every desk); this file keeps the rest."""

    def __init__(
        self,
        path: Path,
        *,
        clock: Clock = utc_now,
        shared: SharedPurpose | None = None,
    ) -> None:
        self._path, self._clock, self._lock = path, clock, threading.Lock()
        self._shared = shared
        try:
            create_private(path)  # refused customers' numbers: the owner's only
            self._conn = sqlite3.connect(path, timeout=5, check_same_thread=False)
            self._conn.execute("PRAGMA journal_mode = WAL")
            with self._conn:
                prepare(self._conn)
        except (sqlite3.Error, OSError) as exc:
            raise HistoryError(f"The lead lists at {path} cannot be opened: {exc}") from exc

    def _guard(self) -> AbstractContextManager[sqlite3.Connection]:
        return guarded(self._lock, self._conn, f"The lead lists at {self._path}")

    def close(self) -> None:
        """Checkpoint and close (no -wal or -shm file stays); safe twice."""
        close_checkpointed(self._lock, self._conn)

    def save_list(
        self,
        list_id: int,
        purpose: Purpose,
        records: Iterable[tuple[int, ComplianceRecord]],
        scrubbed_on: date | None = None,
    ) -> None:
        with self._guard() as conn:
            save_list(conn, list_id, purpose, records, scrubbed_on=scrubbed_on, at=self._clock())

    def update_records(self, list_id: int, records: Iterable[tuple[int, ComplianceRecord]]) -> None:
        """Replace some leads' records (a scrub result applied later: ``rescrub.apply_scrub``)."""
        with self._guard() as conn:
            _save_records(conn, list_id, records)

    def purpose(self, list_id: int) -> Purpose | None:
        """The list's purpose; None for a list imported before purposes (the UI asks)."""
        chosen = None if self._shared is None else self._shared(list_id)
        if chosen in set(Purpose):  # a value this version does not know: this desk's answer
            return Purpose(chosen)
        sql = "SELECT purpose FROM list_purpose WHERE list_id = ?"
        with self._guard() as conn:
            row = conn.execute(sql, (list_id,)).fetchone()
        return None if row is None else Purpose(row[0])

    def chosen_at(self, list_id: int) -> datetime | None:
        sql = "SELECT chosen_at FROM list_purpose WHERE list_id = ?"
        with self._guard() as conn:
            row = conn.execute(sql, (list_id,)).fetchone()
        return None if row is None else datetime.fromisoformat(row[0])

    def records(self, list_id: int) -> dict[int, ComplianceRecord]:
        """Each lead's record by its position (the list export's audit columns)."""
        sql = (
            "SELECT position, dnd, scrubbed_on, consent_source, consent_on FROM lead_compliance"
            " WHERE list_id = ?"
        )
        with self._guard() as conn:
            rows = conn.execute(sql, (list_id,)).fetchall()
        return {
            position: ComplianceRecord(Dnd(dnd), _read_day(scrubbed), source, _read_day(on))
            for position, dnd, scrubbed, source, on in rows
        }

    def record_call(
        self, history_row: int, list_id: int, lead_id: int | None, purpose: Purpose
    ) -> None:
        """A history row is a call of this list (as soon as the row exists)."""
        with self._guard() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO list_calls (history_row, list_id, lead_id, purpose)"
                " VALUES (?, ?, ?, ?)",
                (history_row, list_id, lead_id, purpose.value),
            )

    def calls(self, list_id: int) -> list[ListCall]:
        sql = (
            "SELECT history_row, list_id, lead_id, purpose FROM list_calls WHERE list_id = ?"
            " ORDER BY history_row"
        )
        with self._guard() as conn:
            rows = conn.execute(sql, (list_id,)).fetchall()
        return [
            ListCall(row, listed, lead, Purpose(purpose)) for row, listed, lead, purpose in rows
        ]

    def record_refusal(
        self, number: str, rule: str, sentence: Sentence, list_id: int | None = None
    ) -> Refusal:
        """A refused call (or a lead refused at import): kept for the compliance report."""
        refusal = Refusal(self._clock(), number, rule, sentence, list_id)
        with self._guard() as conn:
            conn.execute(
                "INSERT INTO refusals (at, number, list_id, rule, sentence) VALUES (?, ?, ?, ?, ?)",
                (_when(refusal.at), number, list_id, rule, sentence.to_json()),
            )
        return refusal

    def refusals(self, list_id: int | None) -> list[Refusal]:
        """A list's refusals, oldest first (``None``: the calls outside any list)."""
        where = "list_id IS NULL" if list_id is None else "list_id = ?"
        sql = f"SELECT at, number, rule, sentence, list_id FROM refusals WHERE {where}"  # noqa: S608
        with self._guard() as conn:
            rows = conn.execute(sql + " ORDER BY at, id", () if list_id is None else (list_id,))
            found = rows.fetchall()
        return [_refusal(row) for row in found]

    def record_answer(self, answer: Answer) -> Answer:
        """The caller-ID question's answer, recorded with the list (both answers)."""
        with self._guard() as conn:
            conn.execute(
                "INSERT INTO caller_id_answers (list_id, deskphone, at, call_anyway, agent)"
                " VALUES (?, ?, ?, ?, ?)",
                (answer.list_id, answer.deskphone, _when(answer.at), answer.call_anyway,
                 answer.agent),
            )  # fmt: skip
        return answer

    def answers(self, since: datetime) -> list[Answer]:
        """The answers given at or after ``since`` (today's, to build ``CallerIdAnswers``)."""
        sql = (
            "SELECT list_id, deskphone, at, call_anyway, agent FROM caller_id_answers"
            " WHERE at >= ? ORDER BY at, id"
        )
        with self._guard() as conn:
            rows = conn.execute(sql, (_when(since),)).fetchall()
        return [
            Answer(listed, deskphone, datetime.fromisoformat(at), bool(anyway), agent)
            for listed, deskphone, at, anyway, agent in rows
        ]


def _refusal(row: tuple[str, str, str, str, int | None]) -> Refusal:
    at, number, rule, text, list_id = row
    return Refusal(
        datetime.fromisoformat(at), number, rule, Sentence.from_json(text) or text, list_id
    )
