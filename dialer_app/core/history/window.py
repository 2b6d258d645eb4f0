"""Windowed reads of the history: a query's first page and span, its count, a page anywhere.

``HistoryStore`` runs these on its connection under its lock; the model asks for them by
position through ``core.window.PageCache.plan``. A long skip walks only the sort index (the
key and id, never the rows), then the page is read by keyset from the row it reached.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from dialer_app.core.history.sql import Key, Span, count_sql, key_of, to_campaign, window_sql
from dialer_app.core.records import HistoryQuery, HistoryRow


@dataclass(frozen=True, slots=True)
class Opened:
    """A query's first page, and its span (None when no row matches)."""

    query: HistoryQuery
    rows: list[HistoryRow]
    span: Span | None


def first_page(
    conn: sqlite3.Connection, query: HistoryQuery, names: list[str] | None, limit: int
) -> Opened:
    sql, params = window_sql(query, names, limit=limit)
    rows = [to_campaign(row) for row in conn.execute(sql, params)]
    if not rows:
        return Opened(query, [], None)
    sql, params = window_sql(query, names, reverse=True, limit=1)
    last = conn.execute(sql, params).fetchone()
    bottom = to_campaign(last) if last is not None else rows[-1]
    return Opened(query, rows, Span(key_of(rows[0], query.sort), key_of(bottom, query.sort)))


def count(
    conn: sqlite3.Connection,
    query: HistoryQuery,
    names: list[str] | None,
    span: Span | None,
    *,
    always: bool = False,
) -> int:
    """How many rows match ``query`` (0 with no span, none did when it was read, unless
    ``always``)."""
    if span is None and not always:
        return 0
    sql, params = count_sql(query, names)
    return int(conn.execute(sql, params).fetchone()[0])


def page_at(
    conn: sqlite3.Connection,
    query: HistoryQuery,
    names: list[str] | None,
    span: Span,
    moves: tuple[Key | None, bool, int, int],
) -> list[HistoryRow]:
    """``moves`` = (anchor, reverse, skip, limit): the rows after the anchor that way, after
    skipping ``skip``; in the query's order."""
    anchor, reverse, skip, limit = moves
    if skip > 0:
        sql, params = window_sql(
            query, names, anchor=anchor, reverse=reverse, span=span, limit=1, offset=skip - 1,
            keys_only=True,
        )  # fmt: skip
        found = conn.execute(sql, params).fetchone()
        if found is None:
            return []
        anchor = (found[0], int(found[1]))
    sql, params = window_sql(query, names, anchor=anchor, reverse=reverse, span=span, limit=limit)
    rows = [to_campaign(row) for row in conn.execute(sql, params)]
    return rows[::-1] if reverse else rows


def marks(
    conn: sqlite3.Connection,
    query: HistoryQuery,
    names: list[str] | None,
    span: Span,
    every: int,
) -> dict[int, Key]:
    """The key of the rows at positions every - 1, twice every - 1… inside ``span``: hops of
    ``every`` rows along the sort index, each an OFFSET inside SQLite (which lets go of the
    GIL, so the window goes on painting meanwhile)."""
    found: dict[int, Key] = {}
    anchor: Key | None = None
    position = -1
    while True:
        sql, params = window_sql(
            query, names, anchor=anchor, span=span, limit=1, offset=every - 1, keys_only=True
        )
        row = conn.execute(sql, params).fetchone()
        if row is None:
            return found
        position += every
        anchor = found[position] = (row[0], int(row[1]))
