"""The member list: paging through getmemberlist_V2 and keeping the members who can be called."""

from __future__ import annotations

import logging
from typing import Any

from dialer_app.core.callerdesk.paging import FetchPage, collect_rows
from dialer_app.core.errors import InvalidNumber
from dialer_app.core.phone import mask, normalise
from dialer_app.core.records import Member
from dialer_app.core.text import plain

log = logging.getLogger(__name__)

MAX_PAGES = 200  # a guard against a server that never stops
ACTIVE = "1"  # "0" and "2" both mean not active


def collect(fetch_page: FetchPage, per_page: int) -> list[Member]:
    """Fetch pages from 1 until ``total_record`` rows are in (see ``core.paging``)."""
    rows = collect_rows(
        fetch_page,
        rows_key="getmember",
        total_keys=("total_record",),
        per_page=per_page,
        max_pages=MAX_PAGES,
        missing="The member list was missing from the answer.",
    )
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
        member_id = plain(row.get("member_id", number))
        name = " ".join(plain(row.get("member_name", "")).split()) or number
        members.setdefault(member_id, Member(member_id, name, number))
    return sorted(members.values(), key=lambda m: (m.name.casefold(), m.number))
