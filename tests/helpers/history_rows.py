"""Every history row a query matches, read through the store's public page (no Qt)."""

from __future__ import annotations

from collections.abc import Iterator

from dialer_app.core.history.store import HistoryStore
from dialer_app.core.records import HistoryQuery, HistoryRow

PAGE = 500


def rows_of(store: HistoryStore, query: HistoryQuery) -> Iterator[HistoryRow]:
    """Every row matching ``query`` in its order, read a page at a time from the store."""
    after: HistoryRow | None = None
    while page := store.page(query, after, PAGE):
        yield from page
        after = page[-1]
