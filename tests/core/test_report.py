"""Call report rows: what each says happened, and which placed call each belongs to."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from dialer_app.core.callerdesk.report import IST, assign, parse_row, seconds
from dialer_app.core.records import HistoryRow, Outcome, Verdict

T0 = datetime(2026, 11, 24, 6, 0, tzinfo=UTC)  # 11:30 India time
NEVER = "0000-00-00 00:00:00"


def report_row(
    report_id: str,
    start: datetime,
    leg_a: str | None,
    leg_b: str | None,
    customer: str = "09876543210",
    member: str = "9700009153",
) -> dict[str, str]:
    def ist(moment: datetime) -> str:
        return moment.astimezone(IST).strftime("%Y-%m-%d %H:%M:%S")

    return {
        "id": report_id,
        "startdatetime": ist(start),
        "caller_num": customer,
        "member_num": member,
        "LegA_Picked_time": leg_a or NEVER,
        "LegB_Picked_time": leg_b or NEVER,
        "talk_duration": "42",
        "coin_deducted": "1",
        "file": "https://rec.example/x.mp3" if leg_b else "",
    }


def call(row_id: int, created: datetime, customer: str = "9876543210") -> HistoryRow:
    return HistoryRow(row_id, created, "Aarav", "9700009153", customer, "01204000000", 0,
                    Outcome.PLACED, "1", "", created)  # fmt: skip


@pytest.mark.parametrize(
    ("leg_a", "leg_b", "verdict"),
    [
        ("2026-11-24 11:30:05", "2026-11-24 11:30:09", Verdict.CONNECTED),
        (None, None, Verdict.CUSTOMER_NO_ANSWER),
        ("2026-11-24 11:30:05", None, Verdict.MEMBER_NO_ANSWER),
    ],
)
def test_leg_times_decide_the_verdict(
    leg_a: str | None, leg_b: str | None, verdict: Verdict
) -> None:
    parsed = parse_row(report_row("1", T0, leg_a, leg_b))
    assert parsed is not None
    assert parsed.verdict is verdict
    assert parsed.started_at == T0
    assert parsed.customer_number == "9876543210"


def test_times_are_india_time_and_durations_take_both_forms() -> None:
    parsed = parse_row(report_row("1", T0, "2026-11-24 11:30:05", None))
    assert parsed is not None
    assert parsed.leg_a_at == T0 + timedelta(seconds=5)
    assert (seconds("95"), seconds("00:01:35"), seconds(""), seconds("n/a")) == (95, 95, 0, 0)
    assert parse_row({"startdatetime": NEVER}) is None


def test_two_calls_minutes_apart_each_get_their_own_row() -> None:
    first, second = call(1, T0), call(2, T0 + timedelta(minutes=1))
    rows = [
        parse_row(report_row("r2", T0 + timedelta(minutes=1, seconds=2), None, None)),
        parse_row(report_row("r1", T0 + timedelta(seconds=3), "2026-11-24 11:30:08", None)),
    ]
    matched = assign([first, second], [r for r in rows if r], claimed=set())
    assert {row_id: r.report_id for row_id, r in matched.items()} == {1: "r1", 2: "r2"}


def test_a_late_report_is_not_taken_from_the_next_call() -> None:
    """Only the second call's row has arrived: the first call must keep waiting."""
    first, second = call(1, T0), call(2, T0 + timedelta(seconds=70))
    late = parse_row(report_row("r2", T0 + timedelta(seconds=72), None, None))
    assert late is not None
    assert {k: v.report_id for k, v in assign([first, second], [late], set()).items()} == {2: "r2"}


def test_claimed_other_numbers_and_far_times_never_match() -> None:
    rows = [
        parse_row(report_row("claimed", T0, None, None)),
        parse_row(report_row("stranger", T0, None, None, customer="9111111111")),
        parse_row(report_row("hours-later", T0 + timedelta(hours=2), None, None)),
    ]
    assert assign([call(1, T0)], [r for r in rows if r], claimed={"claimed"}) == {}


def test_numbers_match_whichever_field_holds_the_customer() -> None:
    swapped = parse_row(report_row("r", T0, None, None, customer="9700009153",
                                   member="09876543210"))  # fmt: skip
    assert swapped is not None
    assert assign([call(1, T0)], [swapped], set())[1].report_id == "r"
