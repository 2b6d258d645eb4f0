"""CSV export of the history: numbers as quoted text, times in ISO 8601 with their zone."""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from dialer_app.core.records import Campaign


def _time(moment: datetime | None) -> str:
    return moment.astimezone().isoformat(timespec="seconds") if moment else ""


# Column title and value, declared once. Text values are quoted by the writer (QUOTE_NONNUMERIC)
# so spreadsheets keep leading zeros; counts stay numbers.
FIELDS: tuple[tuple[str, Callable[[Campaign], str | int]], ...] = (
    ("time", lambda row: _time(row.created_at)),
    ("member", lambda row: row.member_name),
    ("member_number", lambda row: row.member_number),
    ("customer_number", lambda row: row.customer_number),
    ("deskphone", lambda row: row.deskphone),
    ("call_limit_seconds", lambda row: row.call_limit),
    ("outcome", lambda row: row.outcome.value),
    ("campid", lambda row: row.campid or ""),
    ("message", lambda row: row.message),
    ("result", lambda row: row.verdict.value if row.verdict else ""),
    ("customer_answered_at", lambda row: _time(row.leg_a_at)),
    ("member_answered_at", lambda row: _time(row.leg_b_at)),
    ("talk_seconds", lambda row: "" if row.talk_seconds is None else row.talk_seconds),
    ("coins", lambda row: row.coins or ""),
    ("recording_url", lambda row: row.recording_url or ""),
    ("finished_at", lambda row: _time(row.finished_at)),
)


def write_csv(rows: Iterable[Campaign], target: Path) -> int:
    """Write ``rows`` to ``target`` (replaced only once complete); returns how many."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".export-", suffix=".csv", dir=target.parent)
    count = 0
    try:
        with os.fdopen(handle, "w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC)
            writer.writerow([name for name, _ in FIELDS])
            for row in rows:
                writer.writerow([value(row) for _, value in FIELDS])
                count += 1
        Path(temp_name).replace(target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return count
