"""A window of rows over a long ordered result: pages by position, bounded, far pages evicted.

A table of a million rows shows a few dozen. ``PageCache`` holds the pages around what the view
shows (at most ``capacity`` of them; the page farthest from the one asked for last goes first)
and says how to read a missing page cheaply (``plan``): from the nearest row it already knows
(a cached page's edge, or either end of the result), forward or backward, skipping as few rows
as possible. The reader (SQL keyset paging, see ``history_sql.window_sql``) does the rest, so
End reads the last page backwards from the end instead of every page before it.

Nothing here knows SQLite or Qt: the history table uses it, and so can any other long table
(a call-down list) with a reader that takes a ``Plan``. The design follows DB Browser for
SQLite's ``RowCache``/``RowLoader``, with keyset anchors instead of plain OFFSETs.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

R = TypeVar("R")
K = TypeVar("K")


@dataclass(frozen=True, slots=True)
class Plan(Generic[K]):
    """How to read page ``page``: the rows after the row whose key is ``anchor`` (exclusive;
    None: from the end the direction starts at), backwards if ``reverse``, skipping ``skip``
    rows, ``limit`` rows.

    A reader returns the rows in the result's own order whichever way it read them.
    """

    page: int
    anchor: K | None
    reverse: bool
    skip: int
    limit: int


class PageCache(Generic[R, K]):
    """Pages of ``page_size`` rows of a result of ``count`` rows, at most ``capacity`` kept.

    ``key`` gives a row's place in the order (what a reader starts after). ``marks``, keys
    at known positions (every few hundred rows, found once in the background), let a jump
    anywhere skip only a few hundred rows.
    """

    def __init__(
        self, count: int, key: Callable[[R], K], page_size: int = 200, capacity: int = 16
    ) -> None:
        self.count = max(count, 0)
        self.page_size = page_size
        self.capacity = max(capacity, 2)
        self._key = key
        self._pages: dict[int, list[R]] = {}
        self._marks: list[int] = []  # positions, ascending
        self._mark_keys: list[K] = []

    @property
    def marked(self) -> int:
        """How many marks are known."""
        return len(self._marks)

    def set_marks(self, marks: dict[int, K]) -> None:
        """Keys of the rows at these positions (replacing any earlier marks)."""
        self._marks = sorted(position for position in marks if 0 <= position < self.count)
        self._mark_keys = [marks[position] for position in self._marks]

    @property
    def pages(self) -> int:
        """How many pages the result has."""
        return -(-self.count // self.page_size)

    @property
    def cached(self) -> list[int]:
        return sorted(self._pages)

    def get(self, position: int) -> R | None:
        """The row at ``position``, or None if its page is not here."""
        rows = self._pages.get(position // self.page_size)
        offset = position % self.page_size
        return rows[offset] if rows is not None and offset < len(rows) else None

    def has(self, page: int) -> bool:
        return page in self._pages

    def put(self, page: int, rows: list[R]) -> list[int]:
        """Keep ``rows`` as page ``page``; the pages evicted to stay within capacity."""
        if not 0 <= page < self.pages:
            return []
        self._pages[page] = rows
        evicted = []
        while len(self._pages) > self.capacity:
            far = max(self._pages, key=lambda cached: abs(cached - page))
            del self._pages[far]
            evicted.append(far)
        return evicted

    def replace(self, position: int, row: R) -> bool:
        """Put ``row`` at ``position`` if its page is here; whether it was."""
        rows = self._pages.get(position // self.page_size)
        offset = position % self.page_size
        if rows is None or offset >= len(rows):
            return False
        rows[offset] = row
        return True

    def items(self) -> Iterator[tuple[int, R]]:
        """Every cached row with its position."""
        for page, rows in self._pages.items():
            start = page * self.page_size
            for offset, row in enumerate(rows):
                yield start + offset, row

    def plan(self, page: int) -> Plan[K]:
        """The cheapest way to read ``page``: from the nearest known row, either way."""
        start = page * self.page_size
        limit = max(0, min(self.page_size, self.count - start))
        end = start + limit  # first position after the page
        # (skip, anchor, reverse): from the top, from the bottom, cached edges, marks.
        options: list[tuple[int, K | None, bool]] = [
            (start, None, False),
            (self.count - end, None, True),
        ]
        for cached, rows in self._pages.items():
            if not rows:
                continue
            first = cached * self.page_size
            last = first + len(rows) - 1
            if last < start:
                options.append((start - last - 1, self._key(rows[-1]), False))
            elif first >= end:
                options.append((first - end, self._key(rows[0]), True))
        before = bisect.bisect_left(self._marks, start) - 1  # the last mark above the page
        if before >= 0:
            options.append((start - self._marks[before] - 1, self._mark_keys[before], False))
        after = bisect.bisect_left(self._marks, end)  # the first mark below it
        if after < len(self._marks):
            options.append((self._marks[after] - end, self._mark_keys[after], True))
        skip, anchor, reverse = min(options, key=lambda option: option[0])
        return Plan(page, anchor, reverse, skip, limit)
