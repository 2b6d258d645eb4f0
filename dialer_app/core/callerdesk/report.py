"""Call reports (call_list_v2): parse their rows and match them to the calls we placed.

There is no campid filter, so a placed call is matched by its two numbers and its start time.
Matching is global: every candidate pair (call, report row) within the tolerance is ranked by
how far apart their times are and paired nearest first, one report row per call, so two calls
to the same customer minutes apart each get their own row, even if one report comes late.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from typing import Any

from dialer_app.core.phone import last_ten
from dialer_app.core.records import HistoryRow, ReportRow, Verdict
from dialer_app.core.text import plain

IST = timezone(timedelta(hours=5, minutes=30), "IST")  # report times carry no zone
TOLERANCE = timedelta(minutes=2)  # agent PC clock vs. the service's clock, plus dial delay


def india_time(text: object) -> datetime | None:
    """``YYYY-MM-DD hh:mm:ss`` in India time (as the report writes it), or None for never."""
    value = str(text or "").strip()
    if not value or value.startswith("0000-00-00"):
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=IST)
    except ValueError:
        return None


def seconds(text: object) -> int:
    """A duration as the report writes it: ``"80"`` or ``"00:01:20"``; 0 when unreadable."""
    value = str(text or "").strip()
    if re.fullmatch(r"[0-9]+", value):
        return int(value)
    parts = value.split(":")
    if len(parts) == 3 and all(re.fullmatch(r"[0-9]+", part) for part in parts):
        return int(parts[0]) * 3600 + int(parts[1]) * 60 + int(parts[2])
    return 0


def parse_row(row: dict[str, Any]) -> ReportRow | None:
    """One call_list_v2 row, or None if it has no usable start time."""
    started = india_time(row.get("startdatetime"))
    if started is None:
        return None
    leg_a = india_time(row.get("LegA_Picked_time"))
    leg_b = india_time(row.get("LegB_Picked_time"))
    if leg_a is None:
        verdict = Verdict.CUSTOMER_NO_ANSWER
    elif leg_b is None:
        verdict = Verdict.MEMBER_NO_ANSWER
    else:
        verdict = Verdict.CONNECTED
    return ReportRow(
        report_id=plain(row.get("id", "")),
        started_at=started,
        customer_number=last_ten(str(row.get("caller_num", ""))),
        member_number=last_ten(str(row.get("member_num", ""))),
        verdict=verdict,
        leg_a_at=leg_a,
        leg_b_at=leg_b,
        talk_seconds=seconds(row.get("talk_duration")),
        coins=plain(row.get("coin_deducted", "") or "").strip(),
        recording_url=plain(row.get("file", "") or "").strip(),
        member_name=plain(row.get("member_name", "") or "").strip(),
    )


def assign(
    calls: Iterable[HistoryRow], reports: Iterable[ReportRow], claimed: set[str]
) -> dict[int, ReportRow]:
    """Pair calls with report rows, nearest start time first; each row used at most once."""
    pairs: list[tuple[timedelta, int, ReportRow]] = []
    free = [report for report in reports if report.report_id not in claimed]
    for call in calls:
        numbers = {last_ten(call.customer_number), last_ten(call.member_number)}
        for report in free:
            # Which field holds the customer on a reverse call is unverified: match both ways.
            if {report.customer_number, report.member_number} != numbers:
                continue
            gap = abs(report.started_at - call.created_at)
            if gap <= TOLERANCE:
                pairs.append((gap, call.row_id, report))
    matched: dict[int, ReportRow] = {}
    used: set[str] = set()
    for _gap, row_id, report in sorted(pairs, key=lambda pair: (pair[0], pair[1])):
        if row_id not in matched and report.report_id not in used:
            matched[row_id] = report
            used.add(report.report_id)
    return matched


def give_up_at(call: HistoryRow) -> datetime:
    """When to stop waiting for a call's report: after its limit (or 2 h) and a margin."""
    longest = timedelta(seconds=call.call_limit) if call.call_limit else timedelta(hours=2)
    return call.created_at + longest + timedelta(minutes=15)
