"""The app's own SQLite files (lead lists, compliance journal, team outbox, history): created
owner-only (they hold customers' names and numbers), used behind one lock, closed without a
``-wal`` or ``-shm`` file left beside them."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from dialer_app.core.errors import HistoryError


def create_private(path: Path) -> None:
    """Make ``path``'s folder, and the file itself readable by its owner only, if missing
    (SQLite would create it with the process's default permissions)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


@contextmanager
def guarded(
    lock: threading.Lock, conn: sqlite3.Connection, what: str
) -> Iterator[sqlite3.Connection]:
    """``conn`` in one transaction under ``lock``; an SQLite failure is a ``HistoryError``
    that begins with ``what`` (the file, as the window names it)."""
    with lock:
        try:
            with conn:
                yield conn
        except sqlite3.Error as exc:
            raise HistoryError(f"{what}: {exc}") from exc


def close_checkpointed(lock: threading.Lock, conn: sqlite3.Connection) -> None:
    """Checkpoint and close (no ``-wal`` or ``-shm`` file stays); safe twice."""
    with lock:
        with suppress(sqlite3.Error):  # closed already, or a read-only disk
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
