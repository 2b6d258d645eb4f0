"""The member list: paging through getmemberlist_V2 and keeping the members who can be called."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from dialer_app.core.errors import BadResponseError, InvalidNumber
from dialer_app.core.phone import mask, normalise
from dialer_app.core.records import Member

log = logging.getLogger(__name__)

MAX_PAGES = 200  # a guard against a server that never returns a short page
ACTIVE = "1"  # "0" and "2" both mean not active


def collect(fetch_page: Callable[[int], dict[str, Any]], per_page: int) -> list[Member]:
    """Fetch pages from 1 until ``total_record`` rows are in or a page comes back short."""
    rows: list[dict[str, Any]] = []
    for page in range(1, MAX_PAGES + 1):
        data = fetch_page(page)
        batch = data.get("getmember")
        if not isinstance(batch, list):
            raise BadResponseError("The member list was missing from the answer.")
        rows.extend(row for row in batch if isinstance(row, dict))
        total = _as_int(data.get("total_record"))
        if len(batch) < per_page or (total is not None and len(rows) >= total):
            break
    return active_members(rows)


def active_members(rows: list[dict[str, Any]]) -> list[Member]:
    """Active members with a usable number, sorted by name. The password field is dropped."""
    members: dict[str, Member] = {}
    for row in rows:
        if str(row.get("status", "")).strip() != ACTIVE:
            continue
        try:
            number = normalise(str(row.get("member_num", "")), validate=False)
        except InvalidNumber:
            log.warning("Skipping member with unusable number %s", mask(str(row.get("member_num"))))
            continue
        member_id = str(row.get("member_id", number))
        name = str(row.get("member_name", "")).strip() or number
        members.setdefault(member_id, Member(member_id, name, number))
    return sorted(members.values(), key=lambda m: (m.name.casefold(), m.number))


def _as_int(value: object) -> int | None:
    try:
        return int(str(value))
    except ValueError:
        return None
