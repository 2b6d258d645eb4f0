"""Paging through a CallerDesk list: trust the total the server gives, when it gives one.

A server may cap ``per_page`` below what was asked, so a short page is not the last while the
total says more rows exist; an empty page always ends the list. Only without a usable total
does a short page end it (callerdesk-api.md). ``max_pages`` guards against a server that
never stops.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dialer_app.core.errors import BadResponseError

FetchPage = Callable[[int], dict[str, Any]]


def collect_rows(
    fetch_page: FetchPage,
    *,
    rows_key: str,
    total_keys: tuple[str, ...],
    per_page: int,
    max_pages: int,
    missing: str,
) -> list[dict[str, Any]]:
    """Rows of every page from 1; ``missing`` is the sentence when a page has no list."""
    rows: list[dict[str, Any]] = []
    for page in range(1, max_pages + 1):
        data = fetch_page(page)
        batch = data.get(rows_key)
        if not isinstance(batch, list):
            raise BadResponseError(missing)
        rows.extend(row for row in batch if isinstance(row, dict))
        total = next((t for t in map(_as_int, (data.get(k) for k in total_keys)) if t), None)
        if not batch or (total is not None and len(rows) >= total):
            break
        if total is None and len(batch) < per_page:
            break
    return rows


def _as_int(value: object) -> int | None:
    """A count as the server writes it (``37`` or ``"37"``); None when unusable."""
    if isinstance(value, bool):
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        return None
    return number if number >= 0 else None
