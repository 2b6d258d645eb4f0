"""Synthetic call histories: the app's own schema, filled by direct sqlite3 bulk inserts.

The schema comes from ``HistoryStore`` (whatever version the code in the tree creates); rows
go straight into ``calls`` with the columns every version has, in one transaction. Rows are
a plausible call-centre year: 30 s apart, oldest first, ten members, four deskphones, mostly
placed. Big files are cached between runs (keyed by row count and the store's source).
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import dialer_app.core.history.store as history_module
from dialer_app.core.history.store import HistoryStore

GENERATOR_VERSION = 1
_MEMBERS = (
    ("Aarav Sharma", "9700009153"),
    ("Priya Iyer", "9300017072"),
    ("Rohan Mehta", "9811122334"),
    ("Sneha Kulkarni", "9822233445"),
    ("Vikram Rao", "9833344556"),
    ("Ananya Gupta", "9844455667"),
    ("Kabir Singh", "9855566778"),
    ("Meera Nair", "9866677889"),
    ("Arjun Reddy", "9877788990"),
    ("Divya Pillai", "9888899001"),
)
_DESKPHONES = ("08069145400", "08069145401", "01204612345", "02241234567")
_OUTCOMES = (("placed", 70), ("rejected", 10), ("not_sent", 5), ("unknown", 15))
_MESSAGES = {
    "placed": "",
    "rejected": "Agent on break/Inactive. Call not allowed",
    "not_sent": "could not connect to the server",
    "unknown": "No answer from the service in time.",
}
_LIMITS = (0, 0, 60, 120, 300)
# One statement makes every row: a counter 0..n-1 spread over small lookup tables by cheap
# integer hashes (deterministic: every run and machine gets the same history).
_FILL = """
WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < :rows)
INSERT INTO calls (created_at, member_name, member_number, customer_number, deskphone,
                   call_limit, outcome, campid, message, finished_at)
SELECT strftime('%Y-%m-%dT%H:%M:%S', :start + 30 * i, 'unixepoch') || '.000000+00:00',
       m.name, m.number,
       '9' || ((i * 1103515245 + :seed) % 2147483648 % 900000000 + 100000000),
       d.phone, l.seconds, o.outcome,
       CASE WHEN o.outcome = 'placed' THEN CAST(3570001 + i AS TEXT) END,
       o.message,
       strftime('%Y-%m-%dT%H:%M:%S', :start + 30 * i + 1, 'unixepoch') || '.000000+00:00'
FROM seq
JOIN temp.bench_members AS m ON m.k = (i * 7 + i / 13) % 10
JOIN temp.bench_deskphones AS d ON d.k = (i * 3 + i / 7) % 4
JOIN temp.bench_limits AS l ON l.k = (i / 3) % 5
JOIN temp.bench_outcomes AS o ON o.k = (i * 2654435761 + :seed) % 4294967296 % 100
ORDER BY i
"""


def _lookup_tables() -> dict[str, tuple[str, list[tuple[object, ...]]]]:
    weighted = [name for name, weight in _OUTCOMES for _ in range(weight)]
    return {
        "bench_members": ("k, name, number", [(k, *m) for k, m in enumerate(_MEMBERS)]),
        "bench_deskphones": ("k, phone", list(enumerate(_DESKPHONES))),
        "bench_limits": ("k, seconds", list(enumerate(_LIMITS))),
        "bench_outcomes": (
            "k, outcome, message",
            [(k, name, _MESSAGES[name]) for k, name in enumerate(weighted)],
        ),
    }


def make_history(path: Path, rows: int, *, seed: int = 7) -> Path:
    """Create the history file at ``path`` with ``rows`` synthetic calls; returns ``path``."""
    HistoryStore(path).close()  # the schema exactly as the app creates it
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA synchronous = OFF")
        for table, (columns, values) in _lookup_tables().items():
            conn.execute(f"CREATE TEMP TABLE {table} ({columns})")
            marks = ", ".join("?" for _ in columns.split(","))
            conn.executemany(f"INSERT INTO temp.{table} VALUES ({marks})", values)
        start = int((datetime.now(UTC) - timedelta(seconds=30 * rows)).timestamp())
        conn.execute("BEGIN")
        conn.execute(_FILL, {"rows": rows, "start": start, "seed": seed})
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return path


def _store_fingerprint() -> str:
    """Changes whenever the history store's code does (so does its schema)."""
    digest = hashlib.sha256()
    for name in ("history.py", "history_sql.py"):
        source = Path(history_module.__file__).with_name(name)
        if source.exists():
            digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


def cache_dir() -> Path:
    return Path(tempfile.gettempdir()) / "dialer-benchmarks"


def cached_history(rows: int) -> Path:
    """A history of ``rows`` calls in the cache, made if missing. Treat it as read-only."""
    name = f"history-{rows}-g{GENERATOR_VERSION}-{_store_fingerprint()}.sqlite3"
    path = cache_dir() / name
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        for stale in path.parent.glob(f"history-{rows}-*"):
            stale.unlink()
        partial = path.with_suffix(".partial")
        for leftover in path.parent.glob(partial.name + "*"):
            leftover.unlink()
        make_history(partial, rows)
        partial.replace(path)
    return path


def copy_history(rows: int, target: Path) -> Path:
    """A private copy of the cached history of ``rows`` calls at ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached_history(rows), target)
    return target
