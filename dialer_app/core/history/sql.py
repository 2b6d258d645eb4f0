"""The history's SQL: schema and migrations, row mapping, and filter/sort/page queries.

Pages use keyset pagination (``WHERE (key, id) < (?, ?)``) rather than OFFSET, so reading
the next page costs the same at row 10 and at row 1,000,000.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from dialer_app.core.records import HistoryQuery, HistoryRow, Outcome, ReportState, Verdict

SCHEMA_VERSION = 3

MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
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
    ),
    2: (
        "ALTER TABLE calls ADD COLUMN report_state TEXT NOT NULL DEFAULT 'none'",
        "ALTER TABLE calls ADD COLUMN verdict TEXT NULL",
        "ALTER TABLE calls ADD COLUMN leg_a_at TEXT NULL",
        "ALTER TABLE calls ADD COLUMN leg_b_at TEXT NULL",
        "ALTER TABLE calls ADD COLUMN talk_seconds INTEGER NULL",
        "ALTER TABLE calls ADD COLUMN coins TEXT NULL",
        "ALTER TABLE calls ADD COLUMN recording_url TEXT NULL",
        "ALTER TABLE calls ADD COLUMN report_id TEXT NULL",
        "UPDATE calls SET report_state = 'pending' WHERE outcome = 'placed'",
        "CREATE INDEX IF NOT EXISTS calls_outcome ON calls (outcome, created_at)",
        "CREATE INDEX IF NOT EXISTS calls_member_name ON calls (member_name, created_at)",
        "CREATE INDEX IF NOT EXISTS calls_pending ON calls (report_state)"
        " WHERE report_state = 'pending'",
    ),
    3: (  # the wrap-up after a call, and the local do-not-call list
        "ALTER TABLE calls ADD COLUMN disposition TEXT NULL",
        "ALTER TABLE calls ADD COLUMN note TEXT NULL",
        "ALTER TABLE calls ADD COLUMN call_back_at TEXT NULL",
        "CREATE INDEX IF NOT EXISTS calls_disposition ON calls (disposition, created_at)",
        """CREATE TABLE IF NOT EXISTS do_not_call (
            number TEXT PRIMARY KEY,
            added_at TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT ''
        )""",
    ),
}

COLUMNS = (
    "id, created_at, member_name, member_number, customer_number, deskphone, call_limit,"
    " outcome, campid, message, finished_at, report_state, verdict, leg_a_at, leg_b_at,"
    " talk_seconds, coins, recording_url, disposition, note, call_back_at"
)

# Sort keys the window may ask for, and the SQL expression each sorts on (never NULL, so
# keyset comparisons work).
SORTABLE: dict[str, str] = {
    "created_at": "created_at",
    "member_name": "member_name",
    "customer_number": "customer_number",
    "deskphone": "deskphone",
    "call_limit": "call_limit",
    "outcome": "outcome",
    "campid": "COALESCE(campid, '')",
    "verdict": "COALESCE(verdict, '')",
    "talk_seconds": "COALESCE(talk_seconds, -1)",
    "message": "message",
    "leg_a_at": "COALESCE(leg_a_at, '')",
    "leg_b_at": "COALESCE(leg_b_at, '')",
    "coins": "COALESCE(coins, '')",
    "recording_url": "COALESCE(recording_url, '')",
    "disposition": "COALESCE(disposition, '')",
    "note": "COALESCE(note, '')",
    "call_back_at": "COALESCE(call_back_at, '')",
}


def to_text(moment: datetime) -> str:
    """ISO 8601 in UTC with offset and fixed precision (sorts as text); naive means local."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_text(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text).astimezone(UTC)


def to_campaign(row: tuple[Any, ...]) -> HistoryRow:
    """A ``SELECT COLUMNS`` row as a HistoryRow."""
    (row_id, created, name, member, customer, deskphone, limit, outcome, campid, message,
     done, state, verdict, leg_a, leg_b, talk, coins, recording, disposition, note,
     call_back) = row  # fmt: skip
    return HistoryRow(
        row_id=row_id,
        created_at=datetime.fromisoformat(created).astimezone(UTC),
        member_name=name,
        member_number=member,
        customer_number=customer,
        deskphone=deskphone,
        call_limit=limit,
        outcome=Outcome(outcome),
        campid=campid,
        message=message,
        finished_at=from_text(done),
        report_state=ReportState(state),
        verdict=Verdict(verdict) if verdict else None,
        leg_a_at=from_text(leg_a),
        leg_b_at=from_text(leg_b),
        talk_seconds=talk,
        coins=coins,
        recording_url=recording,
        disposition=disposition,
        note=note,
        call_back_at=from_text(call_back),
    )


def number_prefix(text: str) -> str | None:
    """The national-number prefix an agent typed (``+91 98765`` -> ``98765``), or None."""
    compact = re.sub(r"[\s\-.()]", "", text)
    if compact.startswith("+91"):
        compact = compact[3:]
    if not re.fullmatch(r"[0-9]+", compact):
        return None
    if len(compact) > 10 and compact.startswith("91"):
        compact = compact[2:]
    return compact.lstrip("0") or None


# Loose index scan: the distinct member names, one index probe each (few names, many rows).
MEMBER_NAMES_SQL = """
WITH RECURSIVE names(name) AS (
    SELECT MIN(member_name) FROM calls
    UNION ALL
    SELECT (SELECT MIN(member_name) FROM calls WHERE member_name > names.name)
    FROM names WHERE names.name IS NOT NULL
)
SELECT name FROM names WHERE name IS NOT NULL
"""
SHORT_PREFIX = 5  # digits; a shorter prefix matches so many rows that date order wins


def is_name_filter(query: HistoryQuery) -> bool:
    text = query.text.strip()
    return bool(text) and number_prefix(text) is None


def name_matches(name: str, text: str) -> bool:
    """A member matches by the start of its name or of any word in it, in any case."""
    name, needle = name.casefold(), text.strip().casefold()
    return name.startswith(needle) or f" {needle}" in name


def where_clause(query: HistoryQuery, names: list[str] | None = None) -> tuple[str, list[object]]:
    """The WHERE conditions of a query (without the keyset), and their parameters.

    ``names``: the member names a name filter matches, looked up beforehand (so the filter
    is an index lookup, not a scan of every row's name).
    """
    conditions: list[str] = []
    params: list[object] = []
    text = query.text.strip()
    prefix = number_prefix(text) if text else None
    if prefix:
        # Unary + keeps SQLite off the number index for short prefixes: walking newest first
        # finds a page of matches at once, where the number index would sort them all.
        column = "+customer_number" if len(prefix) < SHORT_PREFIX else "customer_number"
        conditions.append(f"{column} >= ? AND {column} < ?")
        params += [prefix, prefix + ":"]  # ':' sorts right after '9'
    elif text and names is not None:
        conditions.append(f"member_name IN ({', '.join('?' * len(names))})" if names else "0")
        params += names
    elif text:
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        conditions.append(r"(member_name LIKE ? ESCAPE '\' OR member_name LIKE ? ESCAPE '\')")
        params += [f"{escaped}%", f"% {escaped}%"]
    if query.outcome is not None:
        conditions.append("outcome = ?")
        params.append(query.outcome.value)
    if query.disposition is not None:
        conditions.append("disposition = ?" if query.disposition else "disposition IS NULL")
        params += [query.disposition] if query.disposition else []
    if query.since is not None:
        conditions.append("created_at >= ?")
        params.append(to_text(query.since))
    if query.until is not None:
        conditions.append("created_at < ?")
        params.append(to_text(query.until))
    return " AND ".join(conditions), params


Key = tuple[object, int]  # a row's sort value and id: its place in a query's order


@dataclass(frozen=True, slots=True)
class Span:
    """The first and last row of a query's result when it was counted (in its order).

    Pages are read inside the span's sort values, so their positions hold while calls are
    added: newest first (or oldest first), a new call sorts outside it; the model shows it.
    """

    first: Key
    last: Key


def key_of(row: HistoryRow, sort: str) -> Key:
    return (sort_value(row, sort), row.row_id)


def page_sql(
    query: HistoryQuery, after: HistoryRow | None, limit: int, names: list[str] | None = None
) -> tuple[str, list[object]]:
    """SELECT one page of rows in the query's order, starting after the row ``after``."""
    anchor = key_of(after, query.sort) if after is not None else None
    return window_sql(query, names, anchor=anchor, limit=limit)


def window_sql(
    query: HistoryQuery,
    names: list[str] | None,
    *,
    anchor: Key | None = None,
    reverse: bool = False,
    span: Span | None = None,
    limit: int = 200,
    offset: int = 0,
    keys_only: bool = False,
    columns: str = COLUMNS,
) -> tuple[str, list[object]]:
    """SELECT rows after ``anchor`` (exclusive) in the query's order, or backwards from the
    end with ``reverse``; only rows inside ``span``; ``keys_only`` selects the sort key and id
    (an index-only walk for a long skip); ``columns`` the select list otherwise."""
    key = SORTABLE.get(query.sort, "created_at")
    where, params = where_clause(query, names)
    conditions = [where] if where else []
    descending = query.descending != reverse
    if anchor is not None:
        conditions.append(f"({key}, id) {'<' if descending else '>'} (?, ?)")
        params += list(anchor)
    if span is not None:  # by value alone: an index range, no test on every row
        low, high = (span.last, span.first) if query.descending else (span.first, span.last)
        conditions.append(f"{key} >= ? AND {key} <= ?")
        params += [low[0], high[0]]
    columns = f"{key}, id" if keys_only else columns
    sql = f"SELECT {columns} FROM calls"  # noqa: S608 - fixed names; values are parameters
    if conditions:
        sql += " WHERE " + " AND ".join(conditions)
    direction = "DESC" if descending else "ASC"
    sql += f" ORDER BY {key} {direction}, id {direction} LIMIT ? OFFSET ?"
    return sql, [*params, limit, offset]


def count_sql(query: HistoryQuery, names: list[str] | None) -> tuple[str, list[object]]:
    """SELECT COUNT(*) of the rows matching ``query`` (a number prefix by its index)."""
    where, params = where_clause(query, names)
    where = where.replace("+customer_number", "customer_number")
    sql = "SELECT COUNT(*) FROM calls" + (f" WHERE {where}" if where else "")  # noqa: S608
    return sql, params


def sort_value(row: HistoryRow, sort: str) -> object:
    """The value a row has for a sort key, as SORTABLE's expression computes it."""
    key = sort if sort in SORTABLE else "created_at"
    value = getattr(row, key)
    if value is None:
        return -1 if key == "talk_seconds" else ""
    if isinstance(value, datetime):
        return to_text(value)
    if isinstance(value, (Outcome, Verdict)):
        return value.value
    return value
