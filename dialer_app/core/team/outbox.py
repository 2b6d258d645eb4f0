"""The outbox: what this desk wrote while the team database was away, kept until it is sent.

``team-outbox.sqlite3`` in the data directory, one row per step (``writes.Write``) in the
order it was made. ``send`` replays the rows in order, each in its own transaction, and
deletes a row once the database has it; the first failure stops it (the rest wait, in
order). A replay is safe to repeat (see ``writes``): the desk-made attempt id counts an
attempt once, and a step whose lead changed meanwhile leaves the lead as it is.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from dialer_app.core.sqlite_file import create_private
from dialer_app.core.team.writes import Write

Sender = Callable[[Write], None]
FILE_NAME = "team-outbox.sqlite3"  # in the data directory


class Outbox:
    """A local queue of ``Write`` steps (SQLite, owner-only file)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._lock = threading.Lock()
        create_private(path)  # customers' numbers and notes: the owner's only
        self._conn = sqlite3.connect(path, timeout=5, check_same_thread=False)
        with self._conn:
            self._conn.execute(
                "CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                " write TEXT NOT NULL)"
            )

    @property
    def path(self) -> Path:
        return self._path

    def add(self, write: Write) -> None:
        """Keep ``write`` (committed before this returns)."""
        with self._lock, self._conn:
            self._conn.execute("INSERT INTO outbox (write) VALUES (?)", (write.to_json(),))

    def pending(self) -> list[Write]:
        with self._lock:
            rows = self._conn.execute("SELECT write FROM outbox ORDER BY seq").fetchall()
        return [Write.from_json(row[0]) for row in rows]

    def __len__(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0])

    def send(self, sender: Sender) -> int:
        """Send the rows in order through ``sender``; how many went. A failure propagates
        (the row that failed and those after it stay)."""
        sent = 0
        while True:
            with self._lock:
                row = self._conn.execute(
                    "SELECT seq, write FROM outbox ORDER BY seq LIMIT 1"
                ).fetchone()
            if row is None:
                return sent
            sender(Write.from_json(row[1]))
            with self._lock, self._conn:
                self._conn.execute("DELETE FROM outbox WHERE seq = ?", (row[0],))
            sent += 1

    def close(self) -> None:
        with self._lock:
            self._conn.close()
